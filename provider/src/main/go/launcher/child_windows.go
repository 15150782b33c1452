//go:build windows

package main

import (
	"os"
	"os/exec"
	"syscall"
	"unsafe"
)

// The kernel32 calls of a Job Object, which the standard library does not wrap.
var (
	kernel32                     = syscall.NewLazyDLL("kernel32.dll")
	procCreateJobObjectW         = kernel32.NewProc("CreateJobObjectW")
	procSetInformationJobObject  = kernel32.NewProc("SetInformationJobObject")
	procAssignProcessToJobObject = kernel32.NewProc("AssignProcessToJobObject")
)

const (
	jobObjectExtendedLimitInformation = 9
	jobObjectLimitKillOnJobClose      = 0x2000
	createNewProcessGroup             = 0x00000200
	detachedProcess                   = 0x00000008
	createBreakawayFromJob            = 0x01000000
	processSetQuota                   = 0x0100
	processTerminate                  = 0x0001
	processQueryLimitedInformation    = 0x1000
	stillActive                       = 259
)

// JOBOBJECT_EXTENDED_LIMIT_INFORMATION, laid out as on 64-bit Windows (Go's alignment matches).
type jobLimits struct {
	perProcessUserTimeLimit int64
	perJobUserTimeLimit     int64
	limitFlags              uint32
	minimumWorkingSetSize   uintptr
	maximumWorkingSetSize   uintptr
	activeProcessLimit      uint32
	affinity                uintptr
	priorityClass           uint32
	schedulingClass         uint32
	ioCounters              [6]uint64
	processMemoryLimit      uintptr
	jobMemoryLimit          uintptr
	peakProcessMemoryUsed   uintptr
	peakJobMemoryUsed       uintptr
}

// killOnCloseJob is a Job Object whose processes all end when its last handle closes: this
// process holds the only one, so when the engine ends the launcher, however, the JVM ends too.
func killOnCloseJob() (syscall.Handle, error) {
	h, _, err := procCreateJobObjectW.Call(0, 0)
	if h == 0 {
		return 0, err
	}
	limits := jobLimits{limitFlags: jobObjectLimitKillOnJobClose}
	if ok, _, err := procSetInformationJobObject.Call(h, jobObjectExtendedLimitInformation,
		uintptr(unsafe.Pointer(&limits)), unsafe.Sizeof(limits)); ok == 0 {
		syscall.CloseHandle(syscall.Handle(h))
		return 0, err
	}
	return syscall.Handle(h), nil
}

// runChild runs the JVM with this process's stdin, stdout and stderr, inside the kill-on-close
// job, and returns its exit code. The Terraform door's JVM gets a process group of its own, which
// Windows gives no Ctrl-C: the engine asks the provider to stop instead, as Go plugins expect.
// The JVM is assigned to the job just after it starts: java.exe starts no process of its own in
// that moment, so none can escape it.
func runChild(command []string, ownGroup bool) (int, error) {
	job, jobErr := killOnCloseJob()
	cmd := exec.Command(command[0], command[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	if ownGroup {
		cmd.SysProcAttr = &syscall.SysProcAttr{CreationFlags: createNewProcessGroup}
	}
	if err := cmd.Start(); err != nil {
		return 0, err
	}
	if jobErr == nil {
		if process, err := syscall.OpenProcess(processSetQuota|processTerminate, false, uint32(cmd.Process.Pid)); err == nil {
			procAssignProcessToJobObject.Call(uintptr(job), uintptr(process))
			syscall.CloseHandle(process)
		}
	}
	return exitCode(cmd.Wait())
}

// startDetached starts the archive's trainer outside the engine's console and job, so that
// neither a Ctrl-C nor the engine's end stops it; where the engine's job allows no breakaway, inside it.
func startDetached(self string, env []string) {
	for _, flags := range []uint32{detachedProcess | createNewProcessGroup | createBreakawayFromJob, detachedProcess | createNewProcessGroup} {
		cmd := exec.Command(self)
		cmd.Env = env
		cmd.SysProcAttr = &syscall.SysProcAttr{CreationFlags: flags}
		if cmd.Start() == nil {
			cmd.Process.Release()
			return
		}
	}
}

func processAlive(pid int) bool {
	process, err := syscall.OpenProcess(processQueryLimitedInformation, false, uint32(pid))
	if err != nil {
		return false
	}
	defer syscall.CloseHandle(process)
	var code uint32
	return syscall.GetExitCodeProcess(process, &code) == nil && code == stillActive
}

// signalCode: a Windows process has no signal to report; its exit code is all.
func signalCode(*exec.ExitError) (int, bool) {
	return 0, false
}
