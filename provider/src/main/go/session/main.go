// vpssnap-session is the warm half of the plugin launcher (provider/src/main/sh/vpssnap-launcher).
//
// The launcher execs it in its own place, so the engine's plugin process is this one. It hands the
// session (the engine's environment and arguments) to the user's warm plugin server over loopback,
// prints the handshake line the server answers, and then stays alive as the session's anchor: it
// copies the session's log to stderr, and its death (any signal, even SIGKILL) closes the
// connection, which ends the session in the server. When there is no usable server it starts one
// in the background and execs the cold plugin instead: the engine sees no difference but the time.
//
// Only the standard library: it is cross-compiled for every platform a release ships.
package main

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"
)

const (
	// A warm server answers a handoff in milliseconds; one that has not in this time is hung or
	// starved, and this session goes cold.
	connectTimeout   = time.Second
	handshakeTimeout = 5 * time.Second
	requestMagic     = "vpssnap-session/1\n"
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
// ok=false when this session must run cold (no server, another user's folder, a refusal, a hang).
func handOff(inv invocation) (net.Conn, string, bool) {
	if !privateDir(inv.dir) {
		debug("the folder %s is not private to this user (mode 0700): no server", inv.dir)
		return nil, "", false
	}
	endpointFile := inv.dir + "/server-" + inv.key + ".endpoint"
	content, err := os.ReadFile(endpointFile)
	if err != nil {
		startServer(inv)
		return nil, "", false
	}
	port, secret, ok := parseEndpoint(content)
	if !ok {
		retire(endpointFile, content, "unreadable endpoint file")
		startServer(inv)
		return nil, "", false
	}
	conn, err := net.DialTimeout("tcp", "127.0.0.1:"+port, connectTimeout)
	if err != nil {
		// The server is gone (crashed or killed) and left its file: replace it.
		retire(endpointFile, content, err.Error())
		startServer(inv)
		return nil, "", false
	}
	conn.SetDeadline(time.Now().Add(handshakeTimeout))
	if _, err := conn.Write(request(inv, secret)); err != nil {
		conn.Close()
		return nil, "", false
	}
	reader := bufio.NewReader(conn)
	status, err := reader.ReadByte()
	if err != nil {
		conn.Close()
		var timeout net.Error
		if errors.As(err, &timeout) && timeout.Timeout() {
			// Hung: later launchers must not wait on it too. It exits once its sessions end.
			retire(endpointFile, content, "no answer in "+handshakeTimeout.String())
			startServer(inv)
		}
		return nil, "", false
	}
	text, err := readString(reader)
	if err != nil || status != 'K' {
		debug("the server refused the session: %s", text)
		conn.Close()
		return nil, "", false
	}
	conn.SetDeadline(time.Time{})
	return &bufferedConn{conn, reader}, text, true
}

// privateDir creates the folder (0700) if it is missing and says whether it is this user's alone.
func privateDir(dir string) bool {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return false
	}
	info, err := os.Lstat(dir)
	if err != nil || !info.IsDir() || info.Mode().Perm()&0o077 != 0 {
		return false
	}
	stat, ok := info.Sys().(*syscall.Stat_t)
	return ok && int(stat.Uid) == os.Getuid()
}

// parseEndpoint reads "PORT SECRET PID".
func parseEndpoint(content []byte) (port, secret string, ok bool) {
	fields := strings.Fields(string(content))
	if len(fields) != 3 || len(fields[1]) != 64 {
		return "", "", false
	}
	if _, err := strconv.Atoi(fields[0]); err != nil {
		return "", "", false
	}
	return fields[0], fields[1], true
}

// retire removes the endpoint file if it still says what this launcher read (another launcher
// may already have replaced it).
func retire(endpointFile string, content []byte, why string) {
	debug("retiring %s: %s", endpointFile, why)
	if now, err := os.ReadFile(endpointFile); err == nil && bytes.Equal(now, content) {
		os.Remove(endpointFile)
	}
}

// request: the magic line, the secret line, then length-prefixed strings: key, door, the
// environment (count, then KEY=VALUE each) and the engine's arguments (count, then each).
func request(inv invocation, secret string) []byte {
	var b bytes.Buffer
	b.WriteString(requestMagic)
	b.WriteString(secret + "\n")
	writeString(&b, inv.key)
	writeString(&b, inv.door)
	env := os.Environ()
	binary.Write(&b, binary.BigEndian, uint32(len(env)))
	for _, kv := range env {
		writeString(&b, kv)
	}
	binary.Write(&b, binary.BigEndian, uint32(len(inv.engineArgs)))
	for _, arg := range inv.engineArgs {
		writeString(&b, arg)
	}
	return b.Bytes()
}

func writeString(b *bytes.Buffer, s string) {
	binary.Write(b, binary.BigEndian, uint32(len(s)))
	b.WriteString(s)
}

func readString(r io.Reader) (string, error) {
	var n uint32
	if err := binary.Read(r, binary.BigEndian, &n); err != nil {
		return "", err
	}
	if n > 1<<20 {
		return "", errors.New("answer too long")
	}
	buf := make([]byte, n)
	_, err := io.ReadFull(r, buf)
	return string(buf), err
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
// each session brings its own environment. The server exits at once if another one got there first.
func startServer(inv invocation) {
	log, err := os.OpenFile(inv.dir+"/server-"+inv.key+".log", os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return
	}
	defer log.Close()
	cmd := exec.Command(inv.server[0], inv.server[1:]...)
	cmd.Env = serverEnvironment()
	cmd.Stdout, cmd.Stderr = log, log
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	if err := cmd.Start(); err != nil {
		debug("could not start the server: %v", err)
		return
	}
	debug("started a plugin server, pid %d", cmd.Process.Pid)
	cmd.Process.Release()
}

// serverEnvironment keeps only what a JVM and the server need: never a token.
func serverEnvironment() []string {
	var env []string
	for _, name := range []string{"HOME", "PATH", "TMPDIR", "LANG", "LC_ALL", "TZ", "VPSSNAP_SERVER_IDLE"} {
		if value, ok := os.LookupEnv(name); ok {
			env = append(env, name+"="+value)
		}
	}
	return env
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
