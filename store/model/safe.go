package model

import (
	"strings"
	"unicode/utf8"
)

// Safe returns s with everything that could act on a terminal or reorder text
// made visible and inert: C0 and C1 control characters (ESC starts CSI, OSC 52
// clipboard writes and title changes), DEL, and the Unicode bidi controls
// (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C). Control pictures
// (␛, ␇…) replace the C0 controls so a reader still sees that something was
// there; invalid UTF-8 becomes U+FFFD. Newlines and tabs are kept when
// keepNewlines is set and otherwise become spaces.
//
// Text is stored as given; Safe is applied where text leaves the program: the
// TUI's views and every exported document.
func Safe(s string, keepNewlines bool) string {
	clean := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == 0x7f || c >= 0x80 {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 {
			b.WriteRune('\uFFFD')
			i += size
			if size == 0 {
				break
			}
			continue
		}
		i += size
		switch {
		case r == '\n' || r == '\t':
			if keepNewlines {
				b.WriteRune(r)
			} else {
				b.WriteByte(' ')
			}
		case r == '\r':
			if !keepNewlines {
				b.WriteByte(' ')
			}
		case r < 0x20:
			b.WriteRune(0x2400 + r) // control pictures: ␀ … ␟
		case r == 0x7f:
			b.WriteRune('\u2421') // ␡
		case r >= 0x80 && r < 0xa0:
			b.WriteRune('\uFFFD')
		case isBidiControl(r):
			// dropped: they carry no text, and rendering them reorders what follows
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isBidiControl(r rune) bool {
	switch {
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return true
	case r == 0x200E, r == 0x200F, r == 0x061C:
		return true
	}
	return false
}
