package base

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Width is the number of terminal cells s takes, ANSI sequences excluded.
// It is lipgloss.Width for the text txct draws, much faster: Vietnamese
// letters are single precomposed runes one cell wide, so a line of them is
// counted rune by rune; anything that may be wide or combine in other ways
// (CJK, emoji, joiners) falls back to the grapheme-aware ansi.StringWidth.
func Width(s string) int {
	w := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == 0x1b:
			i = skipEscape(s, i)
			continue
		case c < 0x80:
			if c >= 0x20 && c != 0x7f {
				w++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r >= 0x300 && r <= 0x36f: // combining marks
		case r < 0x1100, r >= 0x1e00 && r <= 0x1eff, r >= 0x2000 && r <= 0x2bff && r != 0x200d:
			w++ // Latin, Vietnamese, punctuation, arrows, box drawing, blocks
		default:
			return ansi.StringWidth(s)
		}
		i += size
	}
	return w
}

// skipEscape returns the index after the escape sequence starting at s[i].
func skipEscape(s string, i int) int {
	if i+1 >= len(s) {
		return len(s)
	}
	switch s[i+1] {
	case '[': // CSI: parameters, then a final byte 0x40–0x7e
		j := i + 2
		for j < len(s) && (s[j] < 0x40 || s[j] > 0x7e) {
			j++
		}
		return min(j+1, len(s))
	case ']': // OSC: until BEL or ST
		for j := i + 2; j < len(s); j++ {
			if s[j] == 0x07 {
				return j + 1
			}
			if s[j] == 0x1b && j+1 < len(s) && s[j+1] == '\\' {
				return j + 2
			}
		}
		return len(s)
	}
	return i + 2
}

// Fit pads or cuts s to exactly w×h cells: h lines, each cut with "…" or
// padded with spaces to w cells. A screen's view fills the area the root
// gave it, never pushes the help bar off, and leaves no stale cells.
func Fit(s string, w, h int) string {
	w, h = max(0, w), max(0, h)
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	for i, l := range lines {
		switch lw := Width(l); {
		case lw > w:
			lines[i] = ansi.Truncate(l, w, "…")
			if tw := Width(lines[i]); tw < w {
				lines[i] += strings.Repeat(" ", w-tw)
			}
		case lw < w:
			lines[i] = l + strings.Repeat(" ", w-lw)
		}
	}
	return strings.Join(lines, "\n")
}
