package model

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzSafe(f *testing.F) {
	for _, s := range []string{"", "Cử tri", "\x1b]52;c;aGk=\x07", "\x1b[2J\x1b[H", "a\u202eb", "\xff\xfe", "\u009b31m", "x\r\ny"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, keep bool) {
		out := Safe(s, keep)
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 out of %q", s)
		}
		for _, r := range out {
			if r < 0x20 && !(keep && (r == '\n' || r == '\t')) || r == 0x7f || r >= 0x80 && r < 0xa0 || isBidiControl(r) {
				t.Fatalf("Safe(%q) kept %U", s, r)
			}
		}
		if Safe(out, keep) != out {
			t.Fatalf("Safe is not idempotent on %q", s)
		}
		if utf8.ValidString(s) && !strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || r >= 0x7f && r < 0xa0 || isBidiControl(r) }) && out != s {
			t.Fatalf("clean text changed: %q → %q", s, out)
		}
	})
}
