// Command go-module-zip writes one module version as a Go module proxy serves it: the files
// list, vVERSION.info, vVERSION.mod and vVERSION.zip under PROXY_ROOT/MODULE_PATH/@v/.
//
// The zip comes from golang.org/x/mod/zip, the code the go command itself uses to make and
// check module zips, so its file rules (no vendor/, no nested modules, no case-folding
// collisions, size limits) and its entry names (MODULE@VERSION/FILE) are the go command's own.
// x/mod's zips have sorted entries and no time stamps, so the same tree gives the same bytes.
//
// Usage: go-module-zip MODULE_PATH VERSION SOURCE_DIR PROXY_ROOT UNIX_TIME
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"
	"golang.org/x/mod/semver"
	modzip "golang.org/x/mod/zip"
)

func main() {
	if len(os.Args) != 6 {
		fmt.Fprintln(os.Stderr, "usage: go-module-zip MODULE_PATH VERSION SOURCE_DIR PROXY_ROOT UNIX_TIME")
		os.Exit(2)
	}
	if err := write(os.Args[1], os.Args[2], os.Args[3], os.Args[4], os.Args[5]); err != nil {
		fmt.Fprintln(os.Stderr, "go-module-zip:", err)
		os.Exit(1)
	}
}

func write(path, version, source, proxyRoot, unixTime string) error {
	mod := module.Version{Path: path, Version: version}
	if err := module.Check(path, version); err != nil {
		return err
	}
	seconds, err := strconv.ParseInt(unixTime, 10, 64)
	if err != nil {
		return fmt.Errorf("UNIX_TIME %q: %w", unixTime, err)
	}
	goMod, err := os.ReadFile(filepath.Join(source, "go.mod"))
	if err != nil {
		return err
	}
	// A go.mod naming another module would be refused by every go command that fetches it.
	if declared := modfile.ModulePath(goMod); declared != path {
		return fmt.Errorf("%s/go.mod declares module %q, not %q", source, declared, path)
	}
	escaped, err := module.EscapePath(path)
	if err != nil {
		return err
	}
	versions := filepath.Join(proxyRoot, filepath.FromSlash(escaped), "@v")
	if err := os.MkdirAll(versions, 0o755); err != nil {
		return err
	}
	if err := writeZip(mod, source, filepath.Join(versions, version+".zip")); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(versions, version+".mod"), goMod, 0o644); err != nil {
		return err
	}
	info, err := json.Marshal(struct {
		Version string
		Time    time.Time
	}{version, time.Unix(seconds, 0).UTC()})
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(versions, version+".info"), append(info, '\n'), 0o644); err != nil {
		return err
	}
	return appendToList(filepath.Join(versions, "list"), version)
}

func writeZip(mod module.Version, source, target string) error {
	out, err := os.Create(target)
	if err != nil {
		return err
	}
	if err := modzip.CreateFromDir(out, mod, source); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// appendToList keeps list in semver order and free of repeats, so releases can share one proxy tree.
func appendToList(listFile, version string) error {
	known := map[string]bool{version: true}
	if old, err := os.ReadFile(listFile); err == nil {
		for _, line := range strings.Fields(string(old)) {
			known[line] = true
		}
	} else if !os.IsNotExist(err) {
		return err
	}
	lines := make([]string, 0, len(known))
	for v := range known {
		lines = append(lines, v)
	}
	semver.Sort(lines)
	return os.WriteFile(listFile, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
}
