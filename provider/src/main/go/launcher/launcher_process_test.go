package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// These run the launcher as built, with a stand-in java (testdata/standin, a Go program), on
// every platform: stdio, the exit code, background training, and the JVM ended with its launcher
// (on Windows by the Job Object of child_windows.go). Only their POSIX run happens here: the
// Windows one needs Windows (docs/guides/install.md says why not wine).

func buildLauncher(t *testing.T, path string) string {
	t.Helper()
	return goBuild(t, path, ".")
}

// standInPackage is pkg with the stand-in java built in place of runtime/bin/java(.exe).
func standInPackage(t *testing.T) string {
	t.Helper()
	root := pkg(t, "25.0.2", "")
	goBuild(t, filepath.Join(root, "runtime", "bin", javaExecutable()), "./testdata/standin")
	return root
}

// built holds each source's binary, built once per test run (go build is most of these tests' time).
var built sync.Map

// goBuild copies source's binary, built once into a folder of the run's, to out.
func goBuild(t *testing.T, out, source string) string {
	t.Helper()
	binary, ok := built.Load(source)
	if !ok {
		dir, err := os.MkdirTemp("", "vpssnap-launcher-test-")
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, exe("binary"))
		build := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "build", "-o", path, source)
		build.Env = append(os.Environ(), "CGO_ENABLED=0")
		if output, err := build.CombinedOutput(); err != nil {
			t.Fatalf("go build %s: %v\n%s", source, err, output)
		}
		binary, _ = built.LoadOrStore(source, path)
	}
	data, err := os.ReadFile(binary.(string))
	if err == nil {
		err = os.WriteFile(out, data, 0o755)
	}
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestMain removes the built binaries after the run.
func TestMain(m *testing.M) {
	code := m.Run()
	built.Range(func(_, path any) bool {
		os.RemoveAll(filepath.Dir(path.(string)))
		return true
	})
	os.Exit(code)
}

func exe(name string) string {
	if runtime.GOOS == "windows" {
		return name + ".exe"
	}
	return name
}

// The launcher itself, built and run with a stand-in java script: stdin, stdout and stderr pass
// through, the JVM's exit code is the launcher's, and on first use an archive is trained in the
// background by the launcher run again with VPSSNAP_CDS_TRAINING=now.
func TestTheBuiltLauncherPassesStdioAndTheExitCodeAndTrainsAnArchive(t *testing.T) {
	root := standInPackage(t)
	launcher := buildLauncher(t, filepath.Join(root, exe("terraform-provider-vpssnap_v1.0.0")))
	cache := t.TempDir()
	cmd := exec.Command(launcher, "engine-arg")
	cmd.Env = append(os.Environ(), "VPSSNAP_CACHE_DIR="+cache, "VPSSNAP_LAUNCHER_DEBUG=1")
	cmd.Stdin = strings.NewReader("hello\n")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if exited, ok := err.(*exec.ExitError); !ok || exited.ExitCode() != 7 {
		t.Fatalf("exit %v, want 7; stderr %s", err, stderr.String())
	}
	if stdout.String() != "handshake hello\n" {
		t.Errorf("stdout %q: only the JVM's", stdout.String())
	}
	if !strings.Contains(stderr.String(), "log line") || !strings.Contains(stderr.String(), "the warm server is not offered by this launcher") {
		t.Errorf("stderr %q", stderr.String())
	}
	args, _ := os.ReadFile(filepath.Join(root, "runtime", "bin", javaExecutable()+".args"))
	if !strings.HasSuffix(string(args), "com.vpssnap.provider.terraform.TerraformMain\nengine-arg\n") {
		t.Errorf("java's arguments:\n%s", args)
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		archives, _ := filepath.Glob(filepath.Join(cache, version+"-terraform-*.aot"))
		if len(archives) == 1 {
			if _, err := os.Stat(archives[0] + ".training"); err == nil {
				time.Sleep(50 * time.Millisecond) // renamed; the lock goes next
				continue
			}
			break
		}
		if time.Now().After(deadline) {
			entries, _ := os.ReadDir(cache)
			t.Fatalf("no archive trained in the background: %v", entries)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestAFailureBeforeTheHandshakeGoesToStderrAndStdout(t *testing.T) {
	root := t.TempDir()
	launcher := buildLauncher(t, filepath.Join(root, exe("pulumi-resource-vpssnap")))
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(launcher)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err == nil {
		t.Fatal("a package without lib/ started")
	}
	want := "vpssnap: no lib folder beside " + launcher + ": the package is incomplete; reinstall the provider\n"
	if stdout.String() != want || stderr.String() != want {
		t.Errorf("stdout %q stderr %q, want both %q", stdout.String(), stderr.String(), want)
	}
}

func TestEndingTheLauncherEndsTheJvm(t *testing.T) {
	root := standInPackage(t)
	launcher := buildLauncher(t, filepath.Join(root, exe("pulumi-resource-vpssnap")))
	cmd := exec.Command(launcher)
	cmd.Env = append(os.Environ(), "VPSSNAP_CACHE_DIR="+t.TempDir(), "VPSSNAP_CDS_TRAINING=off", "STANDIN_SLEEP=1")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	pidFile := filepath.Join(root, "runtime", "bin", javaExecutable()+".pid")
	var pid int
	for deadline := time.Now().Add(60 * time.Second); pid == 0; time.Sleep(20 * time.Millisecond) {
		data, _ := os.ReadFile(pidFile)
		pid, _ = strconv.Atoi(strings.TrimSpace(string(data)))
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("the stand-in JVM never started")
		}
	}
	endLauncher(t, cmd)
	for deadline := time.Now().Add(60 * time.Second); processAlive(pid); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the JVM outlived its launcher")
		}
	}
}

// A java with no release file above it (a shim on PATH) is asked its version, as the shell launcher does.
func TestAJavaWithoutAReleaseFileIsAskedItsVersion(t *testing.T) {
	root := pkg(t, "25.0.2", "")
	shim := t.TempDir()
	goBuild(t, filepath.Join(shim, javaExecutable()), "./testdata/standin")
	l, err := plan(filepath.Join(root, exe("pulumi-resource-vpssnap")), envOf(map[string]string{
		"VPSSNAP_JAVA": filepath.Join(shim, javaExecutable()), "VPSSNAP_CACHE_DIR": t.TempDir()}))
	if err != nil || l.javaFull != "21.0.4" || l.archive != "" {
		t.Errorf("a Java 21 shim: %v, version %q, archive %q (Java 21 gets no AOT cache)", err, l.javaFull, l.archive)
	}
}
