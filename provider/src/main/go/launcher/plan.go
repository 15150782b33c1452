// vpssnap-launcher is the plugin launcher of the Windows package (the POSIX packages keep the
// shell launcher, provider/src/main/sh/vpssnap-launcher; README, "Why two launchers").
//
// One executable, installed under two names; the name picks the front door, as the shell
// launcher's does. Beside it: lib/*.jar and runtime/, the bundled Java runtime. It starts the
// runtime's java with the same JVM flags and class path order as the shell launcher, with the
// user's Java 25 AOT cache when there is one (trained in the background on first use), passes
// stdin, stdout and stderr through, ends the JVM when it is ended (a Job Object on Windows), and
// exits with the JVM's code. Stdout carries only what the JVM prints: the handshake line.
//
// The warm server is not offered on Windows yet: VPSSNAP_LAUNCHER_DEBUG=1 says so.
//
// Only the standard library: it is cross-compiled; its logic is unit-tested on every platform.
package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
)

// version is set at build time (-ldflags -X main.version=...), as the shell launcher's @VERSION@.
var version = "dev"

// The JVM flags, in the shell launcher's order and for its reasons (serial GC and C1 for a short
// start-up, a capped heap, no JVM log on stdout).
var baseFlags = []string{"-Xms16m", "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
	"-XX:+IgnoreUnrecognizedVMOptions", "-Xlog:disable", "-Xlog:all=warning:stderr"}

// Java 24 and later warn on every start about grpc's netty; both uses are allowed.
var java24Flags = []string{"--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"}

// A door: what a launcher name starts and the training class of its AOT cache.
type door struct {
	name, mainClass string
}

var (
	terraformDoor = door{"terraform", "com.vpssnap.provider.terraform.TerraformMain"}
	pulumiDoor    = door{"pulumi", "com.vpssnap.provider.pulumi.PulumiMain"}
)

func (d door) trainingClass() string {
	return "com.vpssnap.provider." + d.name + ".CdsTraining"
}

// doorOf: terraform-provider-vpssnap[_vVERSION][.exe] is Terraform's, any other name Pulumi's.
func doorOf(executable string) door {
	if strings.HasPrefix(filepath.Base(executable), "terraform-provider-") {
		return terraformDoor
	}
	return pulumiDoor
}

// environment is the part of the process environment the launcher reads.
type environment func(string) string

// launch is everything one start needs, decided before anything runs.
type launch struct {
	door       door
	java       string
	javaFull   string // the Java version, e.g. 25.0.2
	bundled    bool
	flags      []string
	classPath  string
	archive    string // the user's AOT cache for this package, door and flags
	useArchive bool
	train      bool // no archive yet: train one in the background
}

// command is the JVM's command line for the engine's arguments.
func (l launch) command(engineArgs []string, extraFlags []string) []string {
	cmd := append([]string{l.java}, l.flags...)
	if l.useArchive {
		cmd = append(cmd, "-XX:AOTCache="+l.archive)
	}
	cmd = append(cmd, extraFlags...)
	cmd = append(cmd, "-cp", l.classPath, l.door.mainClass)
	return append(cmd, engineArgs...)
}

// trainingCommand dumps the AOT cache into partial, as the training run of the shell launcher does.
func (l launch) trainingCommand(partial string) []string {
	cmd := append([]string{l.java}, l.flags...)
	return append(cmd, "-XX:AOTCacheOutput="+partial, "-cp", l.classPath, l.door.trainingClass())
}

// failure is a message for the user: printed on stderr and stdout (go-plugin quotes stdout).
type failure struct{ message string }

func (f failure) Error() string { return f.message }

func fail(format string, args ...any) error {
	return failure{fmt.Sprintf(format, args...)}
}

// javaExecutable is java's file name on this platform.
func javaExecutable() string {
	if runtime.GOOS == "windows" {
		return "java.exe"
	}
	return "java"
}

// plan decides the start: which Java, which flags, which class path and which archive.
func plan(self string, env environment) (launch, error) {
	here := filepath.Dir(self)
	l := launch{door: doorOf(self)}
	lib := filepath.Join(here, "lib")
	if !isDir(lib) {
		return l, fail("no lib folder beside %s: the package is incomplete; reinstall the provider", self)
	}
	java, bundled, err := chooseJava(here, env)
	if err != nil {
		return l, err
	}
	l.java, l.bundled = java, bundled
	javaHome := filepath.Dir(filepath.Dir(java))
	l.javaFull = releaseVersion(javaHome)
	if l.javaFull == "" {
		// No release file two folders up (a shim on PATH, such as Oracle's javapath): ask java itself, as the shell launcher does.
		l.javaFull = reportedVersion(java)
	}
	major := featureOf(l.javaFull)
	if !bundled && major < 17 {
		return l, fail("%s is Java %s; vpssnap needs Java 17 or newer. Unset VPSSNAP_JAVA to use the bundled runtime, "+
			"or point it at a Java 17+ (a java executable or a Java home)", java, orUnknown(l.javaFull))
	}
	l.flags = append([]string{}, baseFlags...)
	if major >= 24 {
		l.flags = append(l.flags, java24Flags...)
	}
	jars, err := filepath.Glob(filepath.Join(lib, "*.jar"))
	if err != nil || len(jars) == 0 {
		return l, fail("no jars in %s: the package is incomplete; reinstall the provider", lib)
	}
	sort.Strings(jars) // the order is part of what an AOT cache records
	l.classPath = strings.Join(jars, string(os.PathListSeparator))

	cache := cacheDir(env)
	if cache != "" && major >= 25 {
		key := cacheKey(l.flags, append([]string{java, filepath.Join(javaHome, "lib", "modules"),
			filepath.Join(javaHome, "bin", "server", "jvm.dll"), filepath.Join(javaHome, "lib", "server", "libjvm.so")}, jars...))
		l.archive = filepath.Join(cache, version+"-"+l.door.name+"-"+key+".aot")
		if isFile(l.archive) {
			l.useArchive = true
		} else {
			l.train = env("VPSSNAP_CDS_TRAINING") != "off"
		}
	}
	return l, nil
}

// chooseJava: VPSSNAP_JAVA (a java executable or a Java home), else the bundled runtime, else
// JAVA_HOME's, else the one on PATH. Only the bundled runtime is trusted without a version check.
func chooseJava(here string, env environment) (string, bool, error) {
	name := javaExecutable()
	if given := env("VPSSNAP_JAVA"); given != "" {
		java := given
		if isDir(java) {
			java = filepath.Join(java, "bin", name)
		}
		if !isFile(java) {
			return "", false, fail("VPSSNAP_JAVA=%s is not a java executable or a Java home with bin\\%s", given, name)
		}
		return java, false, nil
	}
	if bundled := filepath.Join(here, "runtime", "bin", name); isFile(bundled) {
		return bundled, true, nil
	}
	if home := env("JAVA_HOME"); home != "" && isFile(filepath.Join(home, "bin", name)) {
		return filepath.Join(home, "bin", name), false, nil
	}
	for _, dir := range filepath.SplitList(env("PATH")) {
		if dir != "" && isFile(filepath.Join(dir, name)) {
			return filepath.Join(dir, name), false, nil
		}
	}
	return "", false, fail("no Java runtime: the bundled runtime (%s) is missing and there is no %s on PATH. Reinstall the "+
		"provider, or set VPSSNAP_JAVA to a Java 17 or newer (a java executable or a Java home)", filepath.Join(here, "runtime"), name)
}

// releaseVersion is JAVA_VERSION from the runtime's release file, or "" when there is none.
func releaseVersion(javaHome string) string {
	data, err := os.ReadFile(filepath.Join(javaHome, "release"))
	if err != nil {
		return ""
	}
	for _, line := range strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n") {
		if value, ok := strings.CutPrefix(line, "JAVA_VERSION="); ok {
			return strings.Trim(value, "\"")
		}
	}
	return ""
}

// reportedVersion is the version `java -version` prints on its first line ("...version \"21.0.1\"..."), or "".
func reportedVersion(java string) string {
	out, _ := exec.Command(java, "-version").CombinedOutput()
	first, _, _ := strings.Cut(string(out), "\n")
	if _, rest, ok := strings.Cut(first, "version \""); ok {
		if version, _, ok := strings.Cut(rest, "\""); ok {
			return version
		}
	}
	return ""
}

// featureOf is the feature release of a Java version: 25 of 25.0.2, 8 of 1.8.0_402; 0 when unknown.
func featureOf(full string) int {
	full = strings.TrimPrefix(full, "1.")
	end := 0
	for end < len(full) && full[end] >= '0' && full[end] <= '9' {
		end++
	}
	n, err := strconv.Atoi(full[:end])
	if err != nil {
		return 0
	}
	return n
}

func orUnknown(full string) string {
	if full == "" {
		return "of unknown version"
	}
	return full
}

// cacheDir is VPSSNAP_CACHE_DIR, else the user's cache folder's vpssnap: %LocalAppData%\vpssnap on
// Windows, $XDG_CACHE_HOME/vpssnap or ~/.cache/vpssnap elsewhere (the shell launcher's); "" when
// there is none, and then no archive.
func cacheDir(env environment) string {
	if dir := env("VPSSNAP_CACHE_DIR"); dir != "" {
		return dir
	}
	if runtime.GOOS == "windows" {
		if dir := env("LocalAppData"); dir != "" {
			return filepath.Join(dir, "vpssnap")
		}
		return ""
	}
	if dir := env("XDG_CACHE_HOME"); dir != "" {
		return filepath.Join(dir, "vpssnap")
	}
	if home := env("HOME"); home != "" {
		return filepath.Join(home, ".cache", "vpssnap")
	}
	return ""
}

func isDir(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}

func isFile(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.Mode().IsRegular()
}
