package live

import (
	"strings"

	"github.com/boombuler/barcode/qr"
)

// QR draws a QR code of text for a terminal: two modules per character cell
// with the half blocks ▀ ▄ █, dark modules as blocks, inside a quiet zone of
// two modules. Phones scan dark modules on a light ground, so callers draw
// it in dark on light whatever the terminal's colours (see QRANSI).
func QR(text string) (string, error) {
	code, err := qr.Encode(qrContent(text), qr.M, qr.Auto)
	if err != nil {
		return "", err
	}
	const quiet = 2
	n := code.Bounds().Dx()
	dark := func(x, y int) bool {
		x, y = x-quiet, y-quiet
		if x < 0 || y < 0 || x >= n || y >= n {
			return false
		}
		r, _, _, _ := code.At(x, y).RGBA()
		return r < 0x8000
	}
	size := n + 2*quiet
	var b strings.Builder
	for y := 0; y < size; y += 2 {
		for x := 0; x < size; x++ {
			top, bottom := dark(x, y), y+1 < size && dark(x, y+1)
			switch {
			case top && bottom:
				b.WriteString("█")
			case top:
				b.WriteString("▀")
			case bottom:
				b.WriteString("▄")
			default:
				b.WriteByte(' ')
			}
		}
		if y+2 < size {
			b.WriteByte('\n')
		}
	}
	return b.String(), nil
}

// qrContent writes an http URL whose path is the upper-case token in upper
// case throughout (scheme and host ignore case), so the code uses the
// compact alphanumeric mode and stays small enough for an 80×24 terminal.
func qrContent(url string) string {
	_, rest, _ := strings.Cut(url, "://")
	if _, path, ok := strings.Cut(rest, "/"); ok && strings.ToUpper(path) != path {
		return url // a case-sensitive path with lower case in it
	}
	up := strings.ToUpper(url)
	for _, r := range up {
		if !strings.ContainsRune("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:", r) {
			return url
		}
	}
	return up
}

// QRANSI is QR with each line set in black on white by ANSI colour codes,
// for writing straight to a terminal.
func QRANSI(text string) (string, error) {
	q, err := QR(text)
	if err != nil {
		return "", err
	}
	lines := strings.Split(q, "\n")
	for i, l := range lines {
		lines[i] = "\x1b[30;107m" + l + "\x1b[0m"
	}
	return strings.Join(lines, "\n"), nil
}
