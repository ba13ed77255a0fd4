//go:build !windows

package cli

import (
	"io"
	"os"
)

// enableEscapes reports whether the terminal shows escape sequences: every
// terminal but TERM=dumb does.
func enableEscapes(io.Writer) bool {
	return os.Getenv("TERM") != "dumb"
}
