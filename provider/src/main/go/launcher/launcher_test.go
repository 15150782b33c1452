package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// pkg lays out a package as a release does: lib/*.jar and runtime/ with its release file, and
// runtime/bin/java as the script given (a stand-in JVM: only the launcher's own logic is tested here).
func pkg(t *testing.T, javaVersion, javaScript string) string {
	t.Helper()
	root := t.TempDir()
	for _, jar := range []string{"b.jar", "a.jar", "c.jar"} {
		write(t, filepath.Join(root, "lib", jar), jar, 0o644)
	}
	write(t, filepath.Join(root, "runtime", "release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\""+javaVersion+"\"\n", 0o644)
	write(t, filepath.Join(root, "runtime", "bin", javaExecutable()), javaScript, 0o755)
	return root
}

func write(t *testing.T, path, content string, mode os.FileMode) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), mode); err != nil {
		t.Fatal(err)
	}
}

func envOf(values map[string]string) environment {
	return func(key string) string { return values[key] }
}

func TestTheNamePicksTheDoorWithOrWithoutExe(t *testing.T) {
	for name, want := range map[string]door{
		"terraform-provider-vpssnap_v0.9.0.exe": terraformDoor, "terraform-provider-vpssnap": terraformDoor,
		"pulumi-resource-vpssnap.exe": pulumiDoor, "pulumi-resource-vpssnap": pulumiDoor,
	} {
		if got := doorOf(filepath.Join("some", "dir", name)); got != want {
			t.Errorf("%s: door %v, want %v", name, got, want)
		}
	}
}

func TestTheBundledJava25GetsTheFlagsTheSortedClassPathAndAPerUserAotCache(t *testing.T) {
	root := pkg(t, "25.0.2", "")
	cache := t.TempDir()
	l, err := plan(filepath.Join(root, "terraform-provider-vpssnap_v1.0.0.exe"), envOf(map[string]string{"VPSSNAP_CACHE_DIR": cache}))
	if err != nil {
		t.Fatal(err)
	}
	if !l.bundled || l.java != filepath.Join(root, "runtime", "bin", javaExecutable()) || l.javaFull != "25.0.2" {
		t.Fatalf("java %s (bundled %v, %s)", l.java, l.bundled, l.javaFull)
	}
	wantCp := strings.Join([]string{filepath.Join(root, "lib", "a.jar"), filepath.Join(root, "lib", "b.jar"),
		filepath.Join(root, "lib", "c.jar")}, string(os.PathListSeparator))
	if l.classPath != wantCp {
		t.Errorf("class path %q, want %q", l.classPath, wantCp)
	}
	if !strings.HasPrefix(l.archive, filepath.Join(cache, version+"-terraform-")) || !strings.HasSuffix(l.archive, ".aot") {
		t.Errorf("archive %q", l.archive)
	}
	if l.useArchive || !l.train {
		t.Errorf("no archive yet: train one (use %v, train %v)", l.useArchive, l.train)
	}
	command := l.command([]string{"engine-arg"}, []string{"-Dextra=1"})
	want := append(append(append([]string{l.java}, baseFlags...), java24Flags...),
		"-Dextra=1", "-cp", wantCp, "com.vpssnap.provider.terraform.TerraformMain", "engine-arg")
	if !slices.Equal(command, want) {
		t.Errorf("command\n %q\nwant\n %q", command, want)
	}

	write(t, l.archive, "trained", 0o600)
	again, _ := plan(filepath.Join(root, "terraform-provider-vpssnap_v1.0.0.exe"), envOf(map[string]string{"VPSSNAP_CACHE_DIR": cache}))
	if !again.useArchive || again.train || !slices.Contains(again.command(nil, nil), "-XX:AOTCache="+l.archive) {
		t.Errorf("a trained archive is used: %q", again.command(nil, nil))
	}
	off, _ := plan(filepath.Join(root, "pulumi-resource-vpssnap.exe"), envOf(map[string]string{"VPSSNAP_CACHE_DIR": cache, "VPSSNAP_CDS_TRAINING": "off"}))
	if off.train || off.door != pulumiDoor {
		t.Errorf("VPSSNAP_CDS_TRAINING=off trains nothing (train %v, door %v)", off.train, off.door)
	}
}

func TestTheCacheKeyFollowsTheFlagsAndEveryJarsSizeAndTime(t *testing.T) {
	root := pkg(t, "25.0.2", "")
	jars := []string{filepath.Join(root, "lib", "a.jar"), filepath.Join(root, "lib", "b.jar")}
	key := cacheKey(baseFlags, jars)
	if key != cacheKey(baseFlags, jars) || len(key) != 16 {
		t.Fatalf("key %q is not stable", key)
	}
	if cacheKey(baseFlags[1:], jars) == key {
		t.Error("other flags, same key")
	}
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(jars[1], later, later); err != nil {
		t.Fatal(err)
	}
	if cacheKey(baseFlags, jars) == key {
		t.Error("a re-extracted jar (new time), same key")
	}
	if cacheKey(baseFlags, append(jars, filepath.Join(root, "missing.dll"))) != cacheKey(baseFlags, jars) {
		t.Error("a file that is not there changes the key")
	}
}

func TestAnOldJavaOrAnIncompletePackageIsRefusedByName(t *testing.T) {
	root := pkg(t, "25.0.2", "")
	old := t.TempDir()
	write(t, filepath.Join(old, "release"), "JAVA_VERSION=\"11.0.2\"\n", 0o644)
	write(t, filepath.Join(old, "bin", javaExecutable()), "", 0o755)
	_, err := plan(filepath.Join(root, "pulumi-resource-vpssnap.exe"), envOf(map[string]string{"VPSSNAP_JAVA": old}))
	if err == nil || !strings.Contains(err.Error(), "is Java 11.0.2; vpssnap needs Java 17 or newer") {
		t.Errorf("Java 11: %v", err)
	}
	_, err = plan(filepath.Join(root, "pulumi-resource-vpssnap.exe"), envOf(map[string]string{"VPSSNAP_JAVA": filepath.Join(root, "nothing")}))
	if err == nil || !strings.Contains(err.Error(), "VPSSNAP_JAVA="+filepath.Join(root, "nothing")+" is not a java executable or a Java home") {
		t.Errorf("a missing VPSSNAP_JAVA: %v", err)
	}
	java17 := t.TempDir()
	write(t, filepath.Join(java17, "release"), "JAVA_VERSION=\"17.0.12\"\n", 0o644)
	write(t, filepath.Join(java17, "bin", javaExecutable()), "", 0o755)
	l, err := plan(filepath.Join(root, "pulumi-resource-vpssnap.exe"), envOf(map[string]string{"VPSSNAP_JAVA": java17, "VPSSNAP_CACHE_DIR": t.TempDir()}))
	if err != nil || l.archive != "" || slices.Contains(l.flags, java24Flags[0]) {
		t.Errorf("Java 17 runs with neither an AOT cache nor Java 24's flags: %v %q %q", err, l.archive, l.flags)
	}
	if err := os.RemoveAll(filepath.Join(root, "lib")); err != nil {
		t.Fatal(err)
	}
	_, err = plan(filepath.Join(root, "pulumi-resource-vpssnap.exe"), envOf(nil))
	if err == nil || !strings.Contains(err.Error(), "the package is incomplete; reinstall the provider") {
		t.Errorf("no lib: %v", err)
	}
}

func TestALockIsTakenOnceAndTakenOverFromADeadTrainer(t *testing.T) {
	lock := filepath.Join(t.TempDir(), "x.aot.training")
	alive := func(int) bool { return true }
	dead := func(int) bool { return false }
	if !takeLock(lock, alive) || takeLock(lock, alive) {
		t.Fatal("one trainer at a time")
	}
	write(t, filepath.Join(lock, "pid"), "4242", 0o600)
	if takeLock(lock, alive) {
		t.Error("a live trainer's lock was taken")
	}
	if !takeLock(lock, dead) {
		t.Error("a dead trainer's lock was not taken over")
	}
}
