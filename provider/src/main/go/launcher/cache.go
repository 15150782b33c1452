package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// cacheKey names an AOT cache after what the JVM checks in it: the flags, and the path, size and
// modification time of the JVM's files and of every jar. A moved, replaced or re-extracted package
// gets a new key, and so a new archive, instead of one the JVM would refuse. Missing files (the
// other platform's jvm library) are left out.
func cacheKey(flags []string, files []string) string {
	h := sha256.New()
	fmt.Fprintln(h, strings.Join(flags, " "))
	for _, file := range files {
		if info, err := os.Stat(file); err == nil {
			fmt.Fprintf(h, "%s %d %d\n", file, info.Size(), info.ModTime().Unix())
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// lockStale is how long a lock without a live trainer holds before it is taken over.
const lockStale = 24 * time.Hour

// takeLock makes the archive's training lock (a folder: mkdir is atomic) holding this process's
// pid; one trainer at a time. A lock whose trainer is gone is taken over; one without a pid after a day.
func takeLock(lock string, alive func(pid int) bool) bool {
	if err := os.Mkdir(lock, 0o700); err == nil {
		return true
	}
	if data, err := os.ReadFile(filepath.Join(lock, "pid")); err == nil {
		if pid, err := strconv.Atoi(strings.TrimSpace(string(data))); err == nil && alive(pid) {
			return false
		}
	} else if info, err := os.Stat(lock); err != nil || time.Since(info.ModTime()) < lockStale {
		return false
	}
	return os.RemoveAll(lock) == nil && os.Mkdir(lock, 0o700) == nil
}

// train runs the training command into a partial file and renames it into place; the lock goes either way.
func train(l launch, run func(command []string) error) error {
	lock := l.archive + ".training"
	defer os.RemoveAll(lock)
	if err := os.WriteFile(filepath.Join(lock, "pid"), []byte(strconv.Itoa(os.Getpid())), 0o600); err != nil {
		return err
	}
	partial := l.archive + "." + strconv.Itoa(os.Getpid())
	defer os.Remove(partial)
	if err := run(l.trainingCommand(partial)); err != nil {
		return err
	}
	return os.Rename(partial, l.archive)
}
