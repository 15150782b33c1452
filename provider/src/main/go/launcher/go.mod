module github.com/vpssnap/vpssnap/provider/launcher

go 1.22
