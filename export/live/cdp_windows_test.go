package live

import (
	"os/exec"
	"time"
)

// On Windows Chromium ends its own helpers when Browser.close makes it
// exit; there is no process group to wait for.
func ownGroup(*exec.Cmd) {}

func killGroup(cmd *exec.Cmd) { _ = cmd.Process.Kill() }

func waitGroupGone(*exec.Cmd, time.Duration) bool { return true }
