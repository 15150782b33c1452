//go:build !windows

package main

import (
	"os/exec"
	"syscall"
	"testing"
)

// endLauncher ends the launcher as an engine does here (SIGTERM): it passes the signal on, and its
// exit is the JVM's, ended by that signal (128+15).
func endLauncher(t *testing.T, cmd *exec.Cmd) {
	t.Helper()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	if exited, ok := err.(*exec.ExitError); !ok || exited.ExitCode() != 128+int(syscall.SIGTERM) {
		t.Errorf("the launcher's exit: %v, want 143 (the JVM's, ended by SIGTERM)", err)
	}
}
