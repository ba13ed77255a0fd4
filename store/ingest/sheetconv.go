package ingest

import (
	"strings"

	"golang.org/x/text/encoding/charmap"
)

// A spreadsheet typed with a legacy Vietnamese font (.VnTime for TCVN3,
// VNI-Times for VNI) holds the legacy bytes as Latin letters: "Cö tri x·"
// is TCVN3's "Cử tri xã" shown through Windows-1252. Opened in a newer
// Excel and saved, such text stays in those letters. These functions find
// such columns over the whole sheet and convert them.

// latin1252 maps a Windows-1252 character (or a C1 control, which Excel
// keeps for the bytes 1252 leaves undefined) to its byte.
var latin1252 = func() map[rune]byte {
	m := make(map[rune]byte, 128)
	for b := 0x80; b <= 0xFF; b++ {
		r := charmap.Windows1252.DecodeByte(byte(b))
		if r == '\uFFFD' {
			r = rune(b)
		}
		m[r] = byte(b)
	}
	return m
}()

// latinBytes returns s as the bytes a Latin font would have stored, and
// whether it has any byte above ASCII; ok is false when s holds a letter
// Windows-1252 lacks (ư, ạ, …: then it is real Unicode text).
func latinBytes(s string) (b []byte, high, ok bool) {
	b = make([]byte, 0, len(s))
	for _, r := range s {
		switch c, in := latin1252[r]; {
		case r < 0x80:
			b = append(b, byte(r))
		case in:
			b = append(b, c)
			high = true
		case r < 0x20:
			b = append(b, byte(r))
		default:
			return nil, false, false
		}
	}
	return b, high, true
}

// ColumnEncoding records a column converted from a legacy font encoding.
type ColumnEncoding struct {
	Column   string // the header as it reads after conversion
	Encoding *Encoding
}

// judgeUnicode scores text as it is, the way Judge scores a decoding.
func judgeUnicode(texts []string) Guess {
	var g Guess
	for _, s := range texts {
		for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r < 0x80 && !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') }) {
			g.add(w, 1)
		}
	}
	return g
}

// convertSheet finds the columns of rows whose text is a legacy encoding
// shown in Latin letters and converts their cells in place. It returns the
// converted columns (0-based) and their encodings. forced is the
// --encoding value: "" detects, "utf8" converts nothing, a legacy key
// converts every column that can be read so.
//
// A column is converted when its cells that fit Windows-1252 read as
// Vietnamese in one encoding with clearly more evidence than as they are
// and than in the other encodings; a cell that reads better as it is (a
// Unicode "Tân" in a TCVN3 column) is left. When two encodings read a
// column about equally well, the sheet is refused (*EncodingError, with
// the column index in col).
func convertSheet(rows [][]string, forced string) (conv map[int]*Encoding, col int, err error) {
	var force *Encoding
	switch f := strings.ToLower(strings.ReplaceAll(forced, "-", "")); f {
	case "":
	case "utf8":
		return nil, 0, nil
	default:
		if force, err = EncodingByKey(forced); err != nil {
			return nil, 0, err
		}
	}
	width := 0
	for _, r := range rows {
		width = max(width, len(r))
	}
	conv = make(map[int]*Encoding)
	for x := 0; x < width; x++ {
		var raw []byte
		var texts []string
		var idx []int
		for y, r := range rows {
			if x >= len(r) {
				continue
			}
			b, high, ok := latinBytes(r[x])
			if !ok || !high {
				continue
			}
			raw = append(append(raw, b...), '\n')
			texts = append(texts, r[x])
			idx = append(idx, y)
		}
		if len(idx) == 0 {
			continue
		}
		e := force
		if e == nil {
			gs := Judge(raw)
			best := gs[0]
			asIs := judgeUnicode(texts)
			if best.Good == 0 || best.Score() < minScore || best.Evidence-asIs.Evidence < minMargin {
				continue // reads as it is, or as nothing Vietnamese
			}
			for _, g := range gs[1:] {
				if g.Score() >= minScore && best.Evidence-g.Evidence < minMargin && !sameDecoding(best.Encoding, g.Encoding, raw) {
					return nil, x, &EncodingError{Candidates: []Guess{best, g}, Thin: true}
				}
			}
			e = best.Encoding
		}
		for i, y := range idx {
			b, _, _ := latinBytes(texts[i])
			dec := e.Decode(b)
			if force == nil {
				d, u := judgeUnicode([]string{dec}), judgeUnicode([]string{texts[i]})
				if u.Evidence > d.Evidence {
					continue
				}
			}
			rows[y][x] = dec
		}
		conv[x] = e
	}
	return conv, 0, nil
}
