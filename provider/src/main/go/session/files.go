package main

// The per-user folder and the files in it: what the launcher trusts, and what it removes.

import (
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

const (
	// sun_path holds 108 bytes on Linux and 104 on macOS, the terminating NUL included.
	maxSocketPath = 103
	// The longest socket name a server makes (PluginServer: server-PID.sock, a pid of 10 digits).
	socketNameLimit = "/server-4294967295.sock"
)

// endpoint is what server-KEY.endpoint says: "SOCKET SECRET PID", SOCKET the name of the server's
// Unix socket in the same folder and SECRET 32 bytes in hex.
type endpoint struct {
	content []byte
	socket  string
	secret  []byte
	pid     int
}

func endpointPath(dir, key string) string {
	return dir + "/server-" + key + ".endpoint"
}

func (e endpoint) socketPath(dir string) string {
	return dir + "/" + e.socket
}

// privateDir creates the folder (0700) if it is missing and says why it is not this user's alone
// ("" when it is). Its ancestors count too: whoever can rename one of them can put another folder
// in its place, so each must be this user's or root's, and writable by others only if sticky (/tmp).
func privateDir(dir string) string {
	if !filepath.IsAbs(dir) {
		return "the folder " + dir + " is not an absolute path"
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err.Error()
	}
	info, err := os.Lstat(dir)
	if err != nil {
		return err.Error()
	}
	if !info.IsDir() || info.Mode().Perm()&0o077 != 0 || owner(info) != os.Getuid() {
		return fmt.Sprintf("the folder %s is not this user's alone (a folder of mode 0700, owned by uid %d)", dir, os.Getuid())
	}
	parent, err := filepath.EvalSymlinks(filepath.Dir(filepath.Clean(dir)))
	if err != nil {
		return err.Error()
	}
	for {
		if why := safeAncestor(parent); why != "" {
			return why
		}
		up := filepath.Dir(parent)
		if up == parent {
			return ""
		}
		parent = up
	}
}

func safeAncestor(dir string) string {
	info, err := os.Lstat(dir)
	if err != nil {
		return err.Error()
	}
	uid := owner(info)
	if uid != os.Getuid() && uid != 0 {
		return fmt.Sprintf("the folder %s, above the server's, belongs to uid %d: another user could replace the server's folder", dir, uid)
	}
	if info.Mode().Perm()&0o022 != 0 && info.Mode()&os.ModeSticky == 0 {
		return fmt.Sprintf("the folder %s, above the server's, is writable by others and not sticky: another user could replace the server's folder", dir)
	}
	return ""
}

func owner(info os.FileInfo) int {
	if stat, ok := info.Sys().(*syscall.Stat_t); ok {
		return int(stat.Uid)
	}
	return -1
}

// openPrivate opens path without following a symbolic link, and only if it is a regular file of
// this user's with no permission for anyone else (created 0600 when flags ask for it).
func openPrivate(path string, flags int) (*os.File, error) {
	fd, err := syscall.Open(path, flags|syscall.O_NOFOLLOW|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0o600)
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: path, Err: err}
	}
	file := os.NewFile(uintptr(fd), path)
	info, err := file.Stat()
	if err != nil {
		file.Close()
		return nil, err
	}
	if !info.Mode().IsRegular() || info.Mode().Perm()&0o077 != 0 || owner(info) != os.Getuid() {
		file.Close()
		return nil, fmt.Errorf("%s is not a private file of this user's (mode 0600, owned by uid %d)", path, os.Getuid())
	}
	return file, nil
}

// readEndpoint reads and checks the endpoint file; os.ErrNotExist when there is none.
func readEndpoint(path string) (endpoint, error) {
	file, err := openPrivate(path, os.O_RDONLY)
	if err != nil {
		if errors.Is(err, syscall.ENOENT) {
			return endpoint{}, os.ErrNotExist
		}
		return endpoint{}, err
	}
	defer file.Close()
	content, err := io.ReadAll(io.LimitReader(file, 4096))
	if err != nil {
		return endpoint{}, err
	}
	return parseEndpoint(content)
}

// parseEndpoint reads "SOCKET SECRET PID".
func parseEndpoint(content []byte) (endpoint, error) {
	e := endpoint{content: content}
	fields := strings.Fields(string(content))
	bad := errors.New("an endpoint file that is not \"server-PID.sock SECRET PID\"")
	if len(fields) != 3 {
		return e, bad
	}
	pid, err := strconv.Atoi(fields[2])
	if err != nil || pid < 1 || fields[0] != "server-"+fields[2]+".sock" {
		return e, bad
	}
	secret, err := hex.DecodeString(fields[1])
	if err != nil || len(secret) != 32 {
		return e, bad
	}
	e.socket, e.secret, e.pid = fields[0], secret, pid
	return e, nil
}

// deadServer says why the endpoint's process cannot be this user's server ("" if it can be).
func (e endpoint) deadServer() string {
	switch err := syscall.Kill(e.pid, 0); {
	case err == nil:
		return ""
	case errors.Is(err, syscall.ESRCH):
		return fmt.Sprintf("its server (pid %d) is gone", e.pid)
	case errors.Is(err, syscall.EPERM):
		return fmt.Sprintf("pid %d is another user's process", e.pid)
	default:
		return ""
	}
}

// retire removes the endpoint file if it still says what this launcher read (another launcher
// may already have replaced it), and the socket it named. With e nil the file could not be read
// as an endpoint (a wrong owner, a link, a bad content): it goes.
func retire(path string, e *endpoint, why string) {
	debug("retiring %s: %s", path, why)
	if e == nil {
		os.Remove(path)
		return
	}
	now, err := readEndpoint(path)
	if err == nil && string(now.content) == string(e.content) {
		os.Remove(path)
		os.Remove(e.socketPath(filepath.Dir(path)))
	}
}
