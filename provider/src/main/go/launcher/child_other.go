//go:build !windows

package main

import (
	"errors"
	"os"
	"os/exec"
	"os/signal"
	"syscall"
)

// runChild runs the JVM with this process's stdin, stdout and stderr and returns its exit code;
// the signals that end a process are passed on to it (a Ctrl-C only where it is not ignored). The
// POSIX packages ship the shell launcher; this is how the launcher's logic runs in its tests.
func runChild(command []string, ignoreInterrupt bool) (int, error) {
	cmd := exec.Command(command[0], command[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	passed := []os.Signal{syscall.SIGTERM, syscall.SIGHUP}
	if !ignoreInterrupt {
		passed = append(passed, os.Interrupt)
	}
	signals := make(chan os.Signal, 4)
	signal.Notify(signals, passed...)
	defer signal.Stop(signals)
	if err := cmd.Start(); err != nil {
		return 0, err
	}
	go func() {
		for s := range signals {
			cmd.Process.Signal(s)
		}
	}()
	return exitCode(cmd.Wait())
}

// startDetached starts the archive's trainer in a session of its own, so that the engine's end
// (a kill of the process group) does not stop it.
func startDetached(self string, env []string) {
	cmd := exec.Command(self)
	cmd.Env = env
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	if cmd.Start() == nil {
		cmd.Process.Release()
	}
}

func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// signalCode is 128+N for a JVM ended by signal N, as a shell reports it.
func signalCode(exited *exec.ExitError) (int, bool) {
	if status, ok := exited.Sys().(syscall.WaitStatus); ok && status.Signaled() {
		return 128 + int(status.Signal()), true
	}
	return 0, false
}
