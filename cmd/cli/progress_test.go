package cli

import (
	"bytes"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
)

// A console that shows no escape sequences gets a plain bar, cleared with
// spaces; a colour terminal gets the coloured one.
func TestProgressBarEscapes(t *testing.T) {
	for _, tt := range []struct {
		profile colorprofile.Profile
		escapes bool
	}{{colorprofile.NoTTY, false}, {colorprofile.Ascii, false}, {colorprofile.TrueColor, true}} {
		var buf bytes.Buffer
		bar := newProgressBar(&buf, "archive.csv", tt.profile)
		bar.update(50, 100)
		bar.done()
		out := buf.String()
		if got := strings.Contains(out, "\x1b"); got != tt.escapes {
			t.Errorf("profile %v: escapes %v, want %v: %q", tt.profile, got, tt.escapes, out)
		}
		if !strings.Contains(out, "archive.csv") {
			t.Errorf("profile %v: no file name: %q", tt.profile, out)
		}
	}
	// Output that is no terminal (a log file) is never coloured.
	if p := stderrProfile(&bytes.Buffer{}); p > colorprofile.Ascii {
		t.Errorf("a buffer gets profile %v", p)
	}
}
