// A stand-in for java(.exe) in the launcher's tests, on any platform: it records its arguments
// and pid beside itself, answers -version as a Java 21 would, writes the AOT cache a training run asks for, echoes one line of stdin
// as its "handshake", logs a line on stderr, and exits 7, or, with STANDIN_SLEEP set, waits to be ended.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

func main() {
	self, _ := os.Executable()
	if len(os.Args) == 2 && os.Args[1] == "-version" {
		fmt.Fprintln(os.Stderr, `openjdk version "21.0.4" 2024-07-16`)
		return
	}
	for _, arg := range os.Args[1:] {
		if out, ok := strings.CutPrefix(arg, "-XX:AOTCacheOutput="); ok {
			os.WriteFile(out, []byte("trained"), 0o600)
			return
		}
	}
	os.WriteFile(self+".args", []byte(strings.Join(os.Args[1:], "\n")+"\n"), 0o600)
	os.WriteFile(self+".pid", []byte(strconv.Itoa(os.Getpid())), 0o600)
	if os.Getenv("STANDIN_SLEEP") != "" {
		time.Sleep(10 * time.Minute)
	}
	line, _ := bufio.NewReader(os.Stdin).ReadString('\n')
	fmt.Println("handshake " + strings.TrimSpace(line))
	fmt.Fprintln(os.Stderr, "log line")
	os.Exit(7)
}
