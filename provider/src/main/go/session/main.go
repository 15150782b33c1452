// vpssnap-session is the warm half of the plugin launcher (provider/src/main/sh/vpssnap-launcher).
//
// The launcher execs it in its own place, so the engine's plugin process is this one. It hands the
// session (the engine's arguments and the part of its environment a session needs) to the user's
// warm plugin server, prints the handshake line the server answers, and then stays alive as the
// session's anchor: it copies the session's log to stderr, and its death (any signal, even
// SIGKILL) closes the connection, which ends the session in the server. When there is no usable
// server it starts one in the background and execs the cold plugin instead: the engine sees no
// difference but the time.
//
// Trust runs both ways before anything of the session leaves this process (docs/guides/server.md,
// "Who can do what"): the server listens on a Unix socket inside the user's private folder, the
// peer's uid is checked where the kernel tells it, and the server must prove it holds the
// endpoint's secret before the launcher proves it too and sends the request (handshake.go).
//
// Only the standard library: it is cross-compiled for every platform a release ships.
package main

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"strconv"
	"syscall"
	"time"
)

const (
	// A warm server answers a handoff in milliseconds; one that has not in this time is hung or
	// starved, and this session goes cold.
	connectTimeout   = time.Second
	handshakeTimeout = 5 * time.Second
	// The server's log is capped by the server; the launcher that starts a new server keeps one
	// older log beside it, so the folder never holds more than about twice this.
	logRotateBytes = 1 << 20
)

// invocation is what the launcher passes: where the endpoint lives, which package this is, how to
// start a server, and the cold command (whose last engineArgs words are the engine's arguments).
type invocation struct {
	dir, key, door string
	server         []string
	cold           []string
	engineArgs     []string
}

func main() {
	inv, err := parse(os.Args[1:])
	if err != nil {
		fmt.Fprintf(os.Stderr, "vpssnap-session: %v (it is run by the vpssnap launcher, not by hand)\n", err)
		os.Exit(2)
	}
	if conn, line, ok := handOff(inv); ok {
		os.Stdout.WriteString(line + "\n")
		go exitWithTheEngine()
		os.Exit(relay(conn))
	}
	runCold(inv)
}

// parse reads: DIR KEY DOOR N server-command(N words) M cold-command (its last M words are the engine's).
func parse(args []string) (invocation, error) {
	var inv invocation
	if len(args) < 5 {
		return inv, errors.New("too few arguments")
	}
	inv.dir, inv.key, inv.door = args[0], args[1], args[2]
	n, err := strconv.Atoi(args[3])
	if err != nil || n < 1 || 4+n >= len(args) {
		return inv, errors.New("bad server command")
	}
	inv.server = args[4 : 4+n]
	rest := args[4+n:]
	m, err := strconv.Atoi(rest[0])
	if err != nil || m < 0 || len(rest)-1 <= m {
		return inv, errors.New("bad cold command")
	}
	inv.cold = rest[1:]
	inv.engineArgs = inv.cold[len(inv.cold)-m:]
	return inv, nil
}

// handOff returns the connection and the handshake line of a session the warm server opened, or
// ok=false when this session must run cold. Every way to fail sends nothing of the session: the
// request is written only after the server has proved itself.
func handOff(inv invocation) (net.Conn, string, bool) {
	if why := privateDir(inv.dir); why != "" {
		debug("no server: %s", why)
		return nil, "", false
	}
	if len(inv.dir)+len(socketNameLimit) > maxSocketPath {
		debug("no server: the folder %s is too long a path for a Unix socket; set XDG_RUNTIME_DIR or VPSSNAP_CACHE_DIR to a shorter one", inv.dir)
		return nil, "", false
	}
	body, err := requestBody(inv, os.Environ())
	if err != nil {
		debug("no server: %v", err)
		return nil, "", false
	}
	file := endpointPath(inv.dir, inv.key)
	endpoint, err := readEndpoint(file)
	if errors.Is(err, os.ErrNotExist) {
		startServer(inv)
		return nil, "", false
	}
	if err != nil {
		retire(file, nil, err.Error())
		startServer(inv)
		return nil, "", false
	}
	if why := endpoint.deadServer(); why != "" {
		retire(file, &endpoint, why)
		startServer(inv)
		return nil, "", false
	}
	conn, err := net.DialTimeout("unix", endpoint.socketPath(inv.dir), connectTimeout)
	if errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ENOENT) {
		// The server is gone (crashed or killed) and left its files: replace them.
		retire(file, &endpoint, err.Error())
		startServer(inv)
		return nil, "", false
	}
	if err != nil {
		// A full backlog (EAGAIN) or a slow connect: the server is busy, not gone.
		debug("could not connect to the server: %v", err)
		return nil, "", false
	}
	if why := checkPeer(conn.(*net.UnixConn)); why != "" {
		conn.Close() // not one byte was written
		retire(file, &endpoint, why)
		startServer(inv)
		return nil, "", false
	}
	conn.SetDeadline(time.Now().Add(handshakeTimeout))
	reader := bufio.NewReader(conn)
	status, text, err := handshake(conn, reader, endpoint.secret, body)
	if err != nil {
		conn.Close()
		var timeout net.Error
		switch {
		case errors.As(err, &timeout) && timeout.Timeout():
			// Hung: later launchers must not wait on it too. It exits once its sessions end.
			retire(file, &endpoint, "no answer in "+handshakeTimeout.String())
			startServer(inv)
		case errors.Is(err, errNoProof):
			retire(file, &endpoint, err.Error())
			startServer(inv)
		default:
			// Closed before the proof: a server at its cap of unproven connections, or exiting.
			debug("the server closed the connection: %v", err)
		}
		return nil, "", false
	}
	switch status {
	case 'K':
	case 'C':
		// The session's own refusal (not started by an engine): the cold plugin says why.
		debug("the server runs no such session: %s", text)
		conn.Close()
		return nil, "", false
	default:
		debug("the server refused the handoff: %s", text)
		conn.Close()
		retire(file, &endpoint, "a refusal")
		startServer(inv)
		return nil, "", false
	}
	conn.SetDeadline(time.Time{})
	return &bufferedConn{conn, reader}, text, true
}

// relay copies the session's log frames to stderr until the server ends the session (an empty
// frame: exit 0) or the connection breaks (the server died: say so, exit 1).
func relay(conn net.Conn) int {
	for {
		var n uint32
		if err := binary.Read(conn, binary.BigEndian, &n); err != nil {
			fmt.Fprintln(os.Stderr, "vpssnap: the plugin server stopped during this session; run the command again (VPSSNAP_SERVER=off runs the plugin without it)")
			return 1
		}
		if n == 0 {
			return 0
		}
		if _, err := io.CopyN(os.Stderr, conn, int64(n)); err != nil {
			fmt.Fprintln(os.Stderr, "vpssnap: the plugin server stopped during this session; run the command again (VPSSNAP_SERVER=off runs the plugin without it)")
			return 1
		}
	}
}

// exitWithTheEngine ends this process (and so the session) when the engine that started it is
// gone: an engine killed with SIGKILL cannot stop its plugins, and a cold plugin left behind would
// go on with its calls. The parent changes when the orphan is adopted; checked five times a second.
func exitWithTheEngine() {
	engine := os.Getppid()
	for range time.Tick(200 * time.Millisecond) {
		if os.Getppid() != engine {
			os.Exit(1)
		}
	}
}

// startServer starts the user's server in its own session (the engine's signals to this
// process group must not reach it), with a minimal environment: the server holds no token, and
// each session brings its own. The server exits at once if another one got there first.
func startServer(inv invocation) {
	logPath := inv.dir + "/server-" + inv.key + ".log"
	if info, err := os.Lstat(logPath); err == nil && info.Mode().IsRegular() && info.Size() > logRotateBytes {
		os.Rename(logPath, logPath+".old")
	}
	log, err := openPrivate(logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND)
	if err != nil {
		debug("could not open the server's log: %v", err)
		return
	}
	defer log.Close()
	cmd := exec.Command(inv.server[0], inv.server[1:]...)
	cmd.Env = serverEnvironment(os.Environ())
	cmd.Stdout, cmd.Stderr = log, log
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	if err := cmd.Start(); err != nil {
		debug("could not start the server: %v", err)
		return
	}
	debug("started a plugin server, pid %d", cmd.Process.Pid)
	cmd.Process.Release()
}

// runCold replaces this process with the cold plugin, exactly as the launcher would have run it.
func runCold(inv invocation) {
	err := syscall.Exec(inv.cold[0], inv.cold, os.Environ())
	fmt.Fprintf(os.Stderr, "vpssnap: could not start %s: %v\n", inv.cold[0], err)
	fmt.Printf("vpssnap: could not start %s: %v\n", inv.cold[0], err)
	os.Exit(1)
}

func debug(format string, args ...any) {
	if os.Getenv("VPSSNAP_LAUNCHER_DEBUG") != "" {
		fmt.Fprintf(os.Stderr, "vpssnap: "+format+"\n", args...)
	}
}

// bufferedConn reads through the reader that may already hold the first log bytes.
type bufferedConn struct {
	net.Conn
	reader *bufio.Reader
}

func (c *bufferedConn) Read(p []byte) (int, error) { return c.reader.Read(p) }
