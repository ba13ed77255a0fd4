//go:build windows

package safefile

import (
	"errors"
	"path/filepath"
	"strings"

	"golang.org/x/sys/windows"
)

// OnNetwork reports whether path is on a network share: a UNC path
// (\\server\share\…, \\?\UNC\server\share\…) or a drive letter mapped to one.
func OnNetwork(path string) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	if isUNC(abs) {
		return true
	}
	vol := filepath.VolumeName(abs)
	if vol == "" {
		return false
	}
	root, err := windows.UTF16PtrFromString(vol + `\`)
	if err != nil {
		return false
	}
	return windows.GetDriveType(root) == windows.DRIVE_REMOTE
}

// isUNC reports whether path names a file on another computer by its UNC
// name; \\?\C:\… and \\.\… are local device paths.
func isUNC(path string) bool {
	p := strings.ReplaceAll(path, "/", `\`)
	if strings.HasPrefix(strings.ToUpper(p), `\\?\UNC\`) {
		return true
	}
	return strings.HasPrefix(p, `\\`) && !strings.HasPrefix(p, `\\?\`) && !strings.HasPrefix(p, `\\.\`)
}

// IsReadOnly reports whether err is Windows refusing to write: a drive that
// is write-protected, or a file or folder marked read-only or not writable
// for this user.
func IsReadOnly(err error) bool {
	return errors.Is(err, windows.ERROR_WRITE_PROTECT) || errors.Is(err, windows.ERROR_ACCESS_DENIED)
}

// IsHeld reports whether err is Windows refusing to open a file because
// another program has it open without sharing it.
func IsHeld(err error) bool {
	return errors.Is(err, windows.ERROR_SHARING_VIOLATION) || errors.Is(err, windows.ERROR_LOCK_VIOLATION)
}
