package ingest

import (
	"bufio"
	"bytes"
	"errors"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
)

// ErrNotUTF8 is text that is not UTF-8: what a pipe from a console in a
// legacy code page (1258, 437) or PowerShell 5.1's default ASCII produces.
// The command line words it with how to send UTF-8.
var ErrNotUTF8 = errors.New("text is not UTF-8 (the console's code page garbled the Vietnamese letters)")

// TextInput prepares a text stream: it drops a UTF-8 byte order mark (what
// Notepad and Excel write) and decodes UTF-16 with a byte order mark (what
// PowerShell's Out-File and Excel's "Unicode Text" write). It returns the
// encoding it found: "UTF-8" or "UTF-16".
func TextInput(br *bufio.Reader) (*bufio.Reader, string) {
	head, _ := br.Peek(3)
	switch {
	case bytes.HasPrefix(head, bom):
		_, _ = br.Discard(3)
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		// ExpectBOM reads the byte order from the mark and drops it.
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		return bufio.NewReaderSize(dec.Reader(br), 64<<10), "UTF-16"
	}
	return br, "UTF-8"
}

// CheckText returns ErrNotUTF8 when line is not valid UTF-8, holds U+FFFD
// (the mark a decoder leaves for a byte it could not read), or is all ASCII
// with a '?' between two letters, which is how PowerShell's ASCII pipe
// writes every Vietnamese letter ("Tuy?n"). A line with any letter beyond
// ASCII came through intact, so its question marks are the writer's.
func CheckText(line string) error {
	if !utf8.ValidString(line) || strings.ContainsRune(line, utf8.RuneError) {
		return ErrNotUTF8
	}
	for i := 0; i < len(line); i++ {
		if line[i] >= utf8.RuneSelf {
			return nil
		}
	}
	for i := 1; i+1 < len(line); i++ {
		if line[i] == '?' && isLetterByte(line[i-1]) && isLetterByte(line[i+1]) {
			return ErrNotUTF8
		}
	}
	return nil
}

func isLetterByte(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
