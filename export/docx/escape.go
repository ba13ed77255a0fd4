package docx

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// escape writes s with the five XML specials escaped and anything XML 1.0
// cannot carry (C0 controls but tab, newline, carriage return; invalid
// UTF-8) replaced, so the document always parses.
func escape(b *strings.Builder, s string) {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\'':
			b.WriteString("&apos;")
		case r == utf8.RuneError && size <= 1, r < 0x20 && r != '\t', r == 0xFFFE, r == 0xFFFF:
			b.WriteRune('\uFFFD')
		case r >= 0x2400 && r <= 0x2426:
			b.WriteString(pictureName(r))
		default:
			b.WriteRune(r)
		}
	}
}

// c0Names are the names of the C0 control characters, in code order.
var c0Names = strings.Fields("NUL SOH STX ETX EOT ENQ ACK BEL BS HT LF VT FF CR SO SI DLE DC1 DC2 DC3 DC4 NAK SYN ETB CAN EM SUB ESC FS GS RS US")

// pictureName spells out a Control Pictures character (U+2400–U+2426), which
// model.Safe puts where a control character was: Times New Roman and its
// substitutes have no glyph for them, and LibreOffice's fallback then lays
// out the rest of the line wrongly. "[ESC]" is inert and readable.
func pictureName(r rune) string {
	switch {
	case r < 0x2420:
		return "[" + c0Names[r-0x2400] + "]"
	case r == 0x2421:
		return "[DEL]"
	}
	return fmt.Sprintf("[U+%04X]", r)
}

// Printable spells out the Control Pictures in s as pictureName does, for
// other document formats (the spreadsheet) that face the same fonts.
func Printable(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= 0x2400 && r <= 0x2426 }) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if r >= 0x2400 && r <= 0x2426 {
			b.WriteString(pictureName(r))
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}
