module github.com/vpssnap/vpssnap/provider/session

go 1.22
