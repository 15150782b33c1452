package main

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestParseSplitsTheServerAndColdCommands(t *testing.T) {
	inv, err := parse(strings.Fields("/d 0.1.0-1 terraform 2 java Server 3 java Main a b"))
	if err != nil {
		t.Fatal(err)
	}
	if inv.dir != "/d" || inv.key != "0.1.0-1" || inv.door != "terraform" || strings.Join(inv.server, " ") != "java Server" ||
		strings.Join(inv.cold, " ") != "java Main a b" || strings.Join(inv.engineArgs, " ") != "Main a b" {
		t.Fatalf("parsed %+v", inv)
	}
	for _, bad := range []string{"/d k door", "/d k door x java 0 java", "/d k door 1 java 5 java Main"} {
		if _, err := parse(strings.Fields(bad)); err == nil {
			t.Errorf("%q was accepted", bad)
		}
	}
}

func TestOnlyTheAllowListCrosses(t *testing.T) {
	environ := []string{"VPSSNAP_LOCAWEB_TOKEN=t", "PATH=/bin", "CANARY=secret", "AWS_SECRET_ACCESS_KEY=x", "TF_VAR_password=p",
		"PLUGIN_CLIENT_CERT=c", "TF_PLUGIN_MAGIC_COOKIE=m", "HOME=/h", "LC_TIME=C", "HTTPS_PROXY=http://u:p@proxy", "NOEQUALS"}
	got := strings.Join(sessionEnvironment(environ), " ")
	want := "HOME=/h LC_TIME=C PLUGIN_CLIENT_CERT=c TF_PLUGIN_MAGIC_COOKIE=m VPSSNAP_LOCAWEB_TOKEN=t"
	if got != want {
		t.Fatalf("sent %q, want %q", got, want)
	}
	server := strings.Join(serverEnvironment(environ), " ")
	if server != "PATH=/bin HOME=/h" {
		t.Fatalf("the server's environment is %q", server)
	}
}

// golden reads testdata/handoff-v2.txt, which HandoffTest (Java) checks too.
func golden(t *testing.T) map[string]string {
	content, err := os.ReadFile("testdata/handoff-v2.txt")
	if err != nil {
		t.Fatal(err)
	}
	values := map[string]string{}
	for _, line := range strings.Split(string(content), "\n") {
		if name, value, ok := strings.Cut(line, " "); ok && !strings.HasPrefix(line, "#") {
			values[name] = value
		}
	}
	return values
}

func unhex(t *testing.T, s string) []byte {
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestTheProofsAndTheBodyAreTheGoldenBytes(t *testing.T) {
	g := golden(t)
	secret, c, s := unhex(t, g["secret"]), unhex(t, g["launcher-challenge"]), unhex(t, g["server-challenge"])
	if got := hex.EncodeToString(proof(secret, serverLabel, c, s)); got != g["server-proof"] {
		t.Errorf("server proof %s, golden %s", got, g["server-proof"])
	}
	if got := hex.EncodeToString(proof(secret, launcherLabel, c, s)); got != g["launcher-proof"] {
		t.Errorf("launcher proof %s, golden %s", got, g["launcher-proof"])
	}
	inv := invocation{key: "0.1.0-123", door: "pulumi", engineArgs: []string{"127.0.0.1:4242"}}
	body, err := requestBody(inv, []string{"VPSSNAP_LOG=debug", "PATH=/bin", "HOME=/home/u", "PLUGIN_CLIENT_CERT=x=y"})
	if err != nil {
		t.Fatal(err)
	}
	if got := hex.EncodeToString(body); got != g["body"] {
		t.Errorf("body %s, golden %s", got, g["body"])
	}
	if g["magic"] != strings.TrimSuffix(requestMagic, "\n") {
		t.Errorf("magic %q, golden %q", requestMagic, g["magic"])
	}
}

func TestAnOversizedHandoffIsNotSent(t *testing.T) {
	inv := invocation{key: "k", door: "terraform"}
	if _, err := requestBody(inv, []string{"VPSSNAP_BIG=" + strings.Repeat("x", maxBody)}); err == nil || !strings.Contains(err.Error(), "the limit is") {
		t.Fatalf("an oversized body: %v", err)
	}
}

// A listener that answers the challenge without the secret receives the magic and the challenge
// (50 bytes, nothing of the session), and the launcher reports errNoProof.
func TestAListenerWithoutTheSecretGetsNothingOfTheSession(t *testing.T) {
	secret := bytes.Repeat([]byte{7}, 32)
	received := make(chan int, 1)
	conn := fakeServer(t, func(c net.Conn) {
		c.Write(make([]byte, 64)) // a challenge and a made-up proof
		n, _ := io.Copy(io.Discard, c)
		received <- int(n)
	})
	body, _ := requestBody(invocation{key: "k", door: "terraform"}, []string{"VPSSNAP_LOCAWEB_TOKEN=the-token"})
	_, _, err := handshake(conn, bufio.NewReader(conn), secret, body)
	conn.Close()
	if err != errNoProof {
		t.Fatalf("handshake: %v", err)
	}
	if n := <-received; n != len(requestMagic)+32 {
		t.Fatalf("the impostor received %d bytes", n)
	}
}

func TestTheServersProofOpensTheSession(t *testing.T) {
	secret := bytes.Repeat([]byte{9}, 32)
	gotBody := make(chan []byte, 1)
	conn := fakeServer(t, func(c net.Conn) {
		hello := make([]byte, len(requestMagic)+32)
		io.ReadFull(c, hello)
		s := bytes.Repeat([]byte{1}, 32)
		c.Write(append(append([]byte{}, s...), proof(secret, serverLabel, hello[len(requestMagic):], s)...))
		theirs := make([]byte, 36)
		io.ReadFull(c, theirs)
		if !bytes.Equal(theirs[:32], proof(secret, launcherLabel, hello[len(requestMagic):], s)) {
			gotBody <- nil
			return
		}
		n := int(theirs[32])<<24 | int(theirs[33])<<16 | int(theirs[34])<<8 | int(theirs[35])
		body := make([]byte, n)
		io.ReadFull(c, body)
		gotBody <- body
		var answer bytes.Buffer
		answer.WriteByte('K')
		writeString(&answer, "1|6|tcp|127.0.0.1:1|grpc|")
		c.Write(answer.Bytes())
	})
	body, _ := requestBody(invocation{key: "k", door: "terraform"}, []string{"VPSSNAP_LOG=debug"})
	status, text, err := handshake(conn, bufio.NewReader(conn), secret, body)
	if err != nil || status != 'K' || text != "1|6|tcp|127.0.0.1:1|grpc|" {
		t.Fatalf("handshake: %c %q %v", status, text, err)
	}
	if !bytes.Equal(<-gotBody, body) {
		t.Fatal("the server did not get the body after the launcher's proof")
	}
}

func fakeServer(t *testing.T, serve func(net.Conn)) net.Conn {
	dir := t.TempDir()
	listener, err := net.Listen("unix", filepath.Join(dir, "s.sock"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { listener.Close() })
	go func() {
		c, err := listener.Accept()
		if err == nil {
			serve(c)
			c.Close()
		}
	}()
	conn, err := net.Dial("unix", filepath.Join(dir, "s.sock"))
	if err != nil {
		t.Fatal(err)
	}
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	if why := checkPeer(conn.(*net.UnixConn)); why != "" {
		t.Fatalf("our own listener: %s", why)
	}
	return conn
}

func TestOnlyAPrivateFolderIsUsed(t *testing.T) {
	root := t.TempDir()
	os.Chmod(root, 0o755)
	good := filepath.Join(root, "good", "vpssnap")
	if why := privateDir(good); why != "" {
		t.Fatalf("a new folder: %s", why)
	}
	if info, _ := os.Stat(good); info.Mode().Perm() != 0o700 {
		t.Fatalf("made with mode %v", info.Mode().Perm())
	}
	open := filepath.Join(root, "open")
	os.Mkdir(open, 0o755)
	if why := privateDir(open); !strings.Contains(why, "not this user's alone") {
		t.Fatalf("a folder of mode 0755: %q", why)
	}
	link := filepath.Join(root, "link")
	os.Symlink(good, link)
	if why := privateDir(link); !strings.Contains(why, "not this user's alone") {
		t.Fatalf("a symbolic link: %q", why)
	}
	shared := filepath.Join(root, "shared")
	os.Mkdir(shared, 0o777)
	os.Chmod(shared, 0o777)
	if why := privateDir(filepath.Join(shared, "vpssnap")); !strings.Contains(why, "writable by others and not sticky") {
		t.Fatalf("below a folder anyone can write: %q", why)
	}
	if why := privateDir("relative/vpssnap"); why == "" {
		t.Fatal("a relative folder was accepted")
	}
}

func TestOnlyAPrivateEndpointFileIsRead(t *testing.T) {
	dir := t.TempDir()
	content := "server-42.sock " + strings.Repeat("ab", 32) + " 42\n"
	good := filepath.Join(dir, "good.endpoint")
	os.WriteFile(good, []byte(content), 0o600)
	e, err := readEndpoint(good)
	if err != nil || e.pid != 42 || e.socketPath(dir) != dir+"/server-42.sock" || len(e.secret) != 32 {
		t.Fatalf("read %+v, %v", e, err)
	}
	link := filepath.Join(dir, "link.endpoint")
	os.Symlink(good, link)
	if _, err := readEndpoint(link); err == nil {
		t.Fatal("a symbolic link was followed")
	}
	open := filepath.Join(dir, "open.endpoint")
	os.WriteFile(open, []byte(content), 0o644)
	os.Chmod(open, 0o644)
	if _, err := readEndpoint(open); err == nil {
		t.Fatal("a file others can read was trusted")
	}
	if _, err := readEndpoint(filepath.Join(dir, "none.endpoint")); err != os.ErrNotExist {
		t.Fatalf("a missing file: %v", err)
	}
	for _, bad := range []string{"server-42.sock zz 42", "../x.sock " + strings.Repeat("ab", 32) + " 42",
		"server-41.sock " + strings.Repeat("ab", 32) + " 42", "1234 " + strings.Repeat("ab", 32) + " 42"} {
		if _, err := parseEndpoint([]byte(bad)); err == nil {
			t.Errorf("%q was accepted", bad)
		}
	}
}

func TestADeadPidIsNoServer(t *testing.T) {
	if why := (endpoint{pid: os.Getpid()}).deadServer(); why != "" {
		t.Fatalf("this process: %s", why)
	}
	if why := (endpoint{pid: 1 << 30}).deadServer(); !strings.Contains(why, "is gone") {
		t.Fatalf("no such process: %q", why)
	}
}
