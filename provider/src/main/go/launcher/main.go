package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"strings"
)

func main() {
	os.Exit(run(os.Args[1:]))
}

func run(engineArgs []string) int {
	self, err := os.Executable()
	if err != nil {
		return report(fail("cannot tell where this launcher is: %v", err))
	}
	l, err := plan(self, os.Getenv)
	if err != nil {
		return report(err)
	}
	if os.Getenv("VPSSNAP_CDS_TRAINING") == "now" {
		if err := train(l, runQuietly); err != nil {
			return 1
		}
		return 0
	}
	if l.door == terraformDoor {
		// Go plugins ignore Ctrl-C: it goes to the engine, which asks the provider to stop (StopProvider).
		signal.Ignore(os.Interrupt)
	}
	if l.train && os.MkdirAll(cacheDir(os.Getenv), 0o700) == nil && takeLock(l.archive+".training", processAlive) {
		// No archive yet: train one in the background; this start runs without it.
		startDetached(self, append(os.Environ(), "VPSSNAP_CDS_TRAINING=now"))
	}
	if os.Getenv("VPSSNAP_LAUNCHER_DEBUG") != "" {
		fmt.Fprintln(os.Stderr, debugLine(l))
	}
	code, err := runChild(l.command(engineArgs, strings.Fields(os.Getenv("VPSSNAP_JAVA_OPTS"))), l.door == terraformDoor)
	if err != nil {
		return report(fail("cannot start %s: %v", l.java, err))
	}
	return code
}

// debugLine says which Java and which archive, and that there is no warm server here (stderr only).
func debugLine(l launch) string {
	archive := "none (no cache folder, or Java before 25)"
	if l.archive != "" {
		archive = l.archive
		if l.useArchive {
			archive += " (in use)"
		}
	}
	return fmt.Sprintf("vpssnap: %s (Java %s), class-data archive %s; the warm server is not offered by this launcher "+
		"(docs/guides/server.md): every session starts its own JVM", l.java, orUnknown(l.javaFull), archive)
}

// report prints a failure before the handshake on stderr (Pulumi shows it) and on stdout, where
// go-plugin quotes an unexpected first line in its error (Terraform and OpenTofu show it).
func report(err error) int {
	var f failure
	message := err.Error()
	if errors.As(err, &f) {
		message = f.message
	}
	fmt.Fprintln(os.Stderr, "vpssnap: "+message)
	fmt.Println("vpssnap: " + message)
	return 1
}

func runQuietly(command []string) error {
	cmd := exec.Command(command[0], command[1:]...)
	return cmd.Run()
}

// exitCode is the JVM's exit code from its Wait, or the error that kept it from running.
func exitCode(err error) (int, error) {
	var exited *exec.ExitError
	if err == nil {
		return 0, nil
	}
	if errors.As(err, &exited) {
		if code, ok := signalCode(exited); ok {
			return code, nil
		}
		return exited.ExitCode(), nil
	}
	return 0, err
}
