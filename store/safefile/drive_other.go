//go:build !windows && !linux && !darwin

package safefile

import (
	"errors"
	"os"
)

// OnNetwork cannot tell on this system and says no.
func OnNetwork(string) bool { return false }

// IsReadOnly reports a refusal to write.
func IsReadOnly(err error) bool { return errors.Is(err, os.ErrPermission) }

// IsHeld is false: no program keeps another from opening a file here.
func IsHeld(error) bool { return false }
