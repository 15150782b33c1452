//go:build windows

package main

import (
	"os/exec"
	"testing"
)

// endLauncher ends the launcher as go-plugin and Pulumi do on Windows (TerminateProcess): nothing
// runs in it after that, so only the Job Object can end the JVM.
func endLauncher(t *testing.T, cmd *exec.Cmd) {
	t.Helper()
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
}
