package main

import (
	"fmt"
	"net"
	"os"
	"syscall"
)

// checkPeer says why the process listening on conn is not this user's ("" when it is): the
// kernel's SO_PEERCRED names the uid that bound the socket, before any byte is sent.
func checkPeer(conn *net.UnixConn) string {
	raw, err := conn.SyscallConn()
	if err != nil {
		return err.Error()
	}
	var cred *syscall.Ucred
	var credErr error
	if err := raw.Control(func(fd uintptr) {
		cred, credErr = syscall.GetsockoptUcred(int(fd), syscall.SOL_SOCKET, syscall.SO_PEERCRED)
	}); err != nil {
		return err.Error()
	}
	if credErr != nil {
		return "the listener's credentials are unknown: " + credErr.Error()
	}
	if int(cred.Uid) != os.Getuid() {
		return fmt.Sprintf("the listener is uid %d's (pid %d), not this user's", cred.Uid, cred.Pid)
	}
	return ""
}
