package main

// The handoff, version 2 (provider/src/main/java/com/vpssnap/provider/server/Handoff.java reads it):
//
//	launcher -> server  "vpssnap-session/2\n", then a 32-byte random challenge C
//	server -> launcher  a 32-byte random challenge S, then HMAC-SHA256(secret, serverLabel | C | S)
//	launcher -> server  HMAC-SHA256(secret, launcherLabel | C | S), a uint32 length, then the body:
//	                    key, door, the environment (a count, then KEY=VALUE each) and the engine's
//	                    arguments (a count, then each), every string a uint32 length and UTF-8 bytes
//	server -> launcher  'K' and the handshake line; 'C' and why this session runs cold (the cold
//	                    plugin says it too); or 'E' and why this server must not be used again
//	                    (its endpoint is retired); each text a uint32 length and UTF-8 bytes
//
// The secret (the endpoint file's) never crosses the socket, and nothing of the session does
// before the server has proved it holds that secret. testdata/handoff-v2.txt pins the bytes for
// both languages.

import (
	"bufio"
	"bytes"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"sort"
	"strings"
)

const (
	requestMagic  = "vpssnap-session/2\n"
	serverLabel   = "vpssnap server proof\n"
	launcherLabel = "vpssnap launcher proof\n"
	// maxBody bounds what one launcher may ask the server to hold before a session exists; the
	// server refuses more (Handoff.MAX_BODY). An allowed environment is a few KiB.
	maxBody = 256 << 10
	// maxEntries bounds the environment's and the arguments' counts, likewise.
	maxEntries = 1000
)

var errNoProof = errors.New("the listener could not prove it holds the endpoint's secret")

// sessionVariable says whether an engine's variable crosses to the server: the one allow-list.
// A session reads the provider's own variables and go-plugin's; HOME, TMPDIR, the locale and the
// time zone are the process's ordinary context. Nothing else is sent: not PATH, not the tokens of
// other tools, not TF_VAR_*, not proxies (the JVM reads its proxy from its flags,
// VPSSNAP_JAVA_OPTS, which pick a server of their own, never from the environment).
func sessionVariable(name string) bool {
	switch name {
	case "HOME", "TMPDIR", "TZ", "LANG", "LANGUAGE",
		"TF_PLUGIN_MAGIC_COOKIE", "PLUGIN_PROTOCOL_VERSIONS", "PLUGIN_MIN_PORT", "PLUGIN_MAX_PORT", "PLUGIN_CLIENT_CERT":
		return true
	}
	return strings.HasPrefix(name, "VPSSNAP_") || strings.HasPrefix(name, "LC_")
}

// sessionEnvironment is the allowed part of environ, sorted (the order is then the same every time).
func sessionEnvironment(environ []string) []string {
	var kept []string
	for _, kv := range environ {
		name, _, found := strings.Cut(kv, "=")
		if found && sessionVariable(name) {
			kept = append(kept, kv)
		}
	}
	sort.Strings(kept)
	return kept
}

// requestBody is the body the server reads after the launcher's proof, or an error if it is
// over the limits (the session then runs cold: the server would refuse it).
func requestBody(inv invocation, environ []string) ([]byte, error) {
	env := sessionEnvironment(environ)
	if len(env) > maxEntries || len(inv.engineArgs) > maxEntries {
		return nil, fmt.Errorf("the handoff would have %d variables and %d arguments; the limit is %d each", len(env), len(inv.engineArgs), maxEntries)
	}
	var b bytes.Buffer
	writeString(&b, inv.key)
	writeString(&b, inv.door)
	binary.Write(&b, binary.BigEndian, uint32(len(env)))
	for _, kv := range env {
		writeString(&b, kv)
	}
	binary.Write(&b, binary.BigEndian, uint32(len(inv.engineArgs)))
	for _, arg := range inv.engineArgs {
		writeString(&b, arg)
	}
	if b.Len() > maxBody {
		return nil, fmt.Errorf("the handoff would be %d bytes; the limit is %d (a session's variables are too large)", b.Len(), maxBody)
	}
	return b.Bytes(), nil
}

// handshake runs the exchange above on conn and returns the server's answer. errNoProof means the
// listener answered without the proof: it is not the server of this endpoint.
func handshake(conn net.Conn, reader *bufio.Reader, secret []byte, body []byte) (byte, string, error) {
	challenge := make([]byte, 32)
	if _, err := rand.Read(challenge); err != nil {
		return 0, "", err
	}
	if _, err := conn.Write(append([]byte(requestMagic), challenge...)); err != nil {
		return 0, "", err
	}
	answer := make([]byte, 64)
	if _, err := io.ReadFull(reader, answer); err != nil {
		return 0, "", err
	}
	serverChallenge, serverProof := answer[:32], answer[32:]
	if !hmac.Equal(serverProof, proof(secret, serverLabel, challenge, serverChallenge)) {
		return 0, "", errNoProof
	}
	var request bytes.Buffer
	request.Write(proof(secret, launcherLabel, challenge, serverChallenge))
	binary.Write(&request, binary.BigEndian, uint32(len(body)))
	request.Write(body)
	if _, err := conn.Write(request.Bytes()); err != nil {
		return 0, "", err
	}
	status, err := reader.ReadByte()
	if err != nil {
		return 0, "", err
	}
	text, err := readString(reader)
	if err != nil {
		return 0, "", err
	}
	return status, text, nil
}

// proof is HMAC-SHA256(secret, label | launcher's challenge | server's challenge).
func proof(secret []byte, label string, launcherChallenge, serverChallenge []byte) []byte {
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte(label))
	mac.Write(launcherChallenge)
	mac.Write(serverChallenge)
	return mac.Sum(nil)
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

// serverEnvironment keeps only what a JVM and the server need: never a token. The JVM's own
// option variables come along: the launcher makes them part of the server's key, so a server runs
// with the options of the sessions it serves.
func serverEnvironment(environ []string) []string {
	var env []string
	for _, kv := range environ {
		name, _, _ := strings.Cut(kv, "=")
		switch name {
		case "HOME", "PATH", "TMPDIR", "LANG", "LC_ALL", "TZ", "VPSSNAP_SERVER_IDLE", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS":
			env = append(env, kv)
		}
	}
	return env
}
