//go:build !windows

package live

import (
	"errors"
	"os/exec"
	"syscall"
	"time"
)

// ownGroup starts Chromium in a process group of its own, so its helper
// processes (zygote, renderers, crash handler) can be ended and waited for
// together.
func ownGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
}

// killGroup ends every process left in Chromium's group.
func killGroup(cmd *exec.Cmd) {
	_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
}

// waitGroupGone reports whether Chromium's process group is empty within
// limit. The helpers are not this process's children, so they cannot be
// waited for; the group is polled until the kernel no longer knows it.
func waitGroupGone(cmd *exec.Cmd, limit time.Duration) bool {
	deadline := time.Now().Add(limit)
	for {
		err := syscall.Kill(-cmd.Process.Pid, 0)
		if errors.Is(err, syscall.ESRCH) {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(10 * time.Millisecond)
	}
}
