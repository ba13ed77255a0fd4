package ingest

import (
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// Encoding is a legacy 8-bit Vietnamese encoding still found in office CSV
// files. Each byte decodes to a fixed string (a letter, or combining marks
// that compose with the letter before after NFC), so decoding is stateless
// and can run over any chunk of bytes.
type Encoding struct {
	// Name is how messages name the encoding, e.g. "TCVN3 (ABC)".
	Name string
	// Key is how the --encoding flag names it: tcvn3, vni, cp1258.
	Key string
	// Font names the fonts text in it was typed with, for messages about
	// spreadsheets: ".VnTime" for TCVN3, "VNI-Times" for VNI.
	Font string
	dec  [256]string
	// alt, when set for a byte, is what the byte means after a letter
	// that cannot take a tone: TCVN3's 0xB0–0xB4 are tone marks after a
	// bare vowel (VN1) but °, ±, ², ³, ´ after a digit, a consonant or a
	// space, as the .VnTime fonts draw them.
	alt [256]string
	// rev maps a decoded letter to its byte; marks maps combining sequences
	// to a byte for lower-case bases and upperMarks for upper-case ones
	// (only VNI has different marks for capitals).
	rev        map[rune]byte
	marks      map[string]byte
	upperMarks map[string]byte
}

// Combining marks: the five tones and the three vowel modifiers.
const (
	grave = "\u0300"
	acute = "\u0301"
	tilde = "\u0303"
	hook  = "\u0309"
	dot   = "\u0323"
	circ  = "\u0302"
	breve = "\u0306"
)

// The legacy encodings detectEncoding tries, in the order ties are broken.
var (
	// TCVN3 is TCVN 5712:1993 VN3, the "ABC" fonts (.VnTime): the lower-case
	// letters sit in 0xA1–0xFE. Capitals with tones were drawn with separate
	// fonts (.VnTimeH) from the lower-case codes, so they come back lower
	// case. The positions VN3 leaves free are decoded as VN1 does (a few
	// capitals, the five combining tones at 0xB0–0xB4, capitals with tones
	// in 0x01–0x17); 0x80–0x9F are read as Windows-1252 punctuation.
	TCVN3 = withAlt(newEncoding("TCVN3 (ABC)", "tcvn3", ".VnTime", tcvn3Table()), 0xB0, 0xB4)
	// VNI is VNI-Windows (VNI-Times fonts): a base letter followed by a mark
	// byte, e.g. "a"+0xF9 = á, "e"+0xE4 = ệ, with single bytes for đ, ơ, ư,
	// the i-tones and ỵ.
	VNI = newEncoding("VNI-Windows", "vni", "VNI-Times", vniTable())
	// Windows1258 is Microsoft's code page 1258: precomposed â ê ô ă ơ ư đ
	// and combining tone bytes.
	Windows1258 = newEncoding("Windows-1258", "cp1258", "", cp1258Table())
)

// legacyEncodings lists the candidates. Their order decides nothing:
// detection ranks them by evidence.
var legacyEncodings = []*Encoding{TCVN3, VNI, Windows1258}

func cp1252(b byte) string { return string(charmap.Windows1252.DecodeByte(b)) }

func baseTable() [256]string {
	var t [256]string
	for i := range t {
		if i < 0x80 {
			t[i] = string(rune(i))
		} else {
			t[i] = cp1252(byte(i))
		}
	}
	return t
}

func tcvn3Table() [256]string {
	t := baseTable()
	set := func(start byte, s string) {
		for i, r := range []rune(s) {
			if r != '_' {
				t[int(start)+i] = string(r)
			}
		}
	}
	// VN3 proper: upper Ă Â Ê Ô Ơ Ư Đ, lower ă â ê ô ơ ư đ, then the vowels
	// with their five tones in the order huyền, hỏi, ngã, sắc, nặng.
	set(0xA1, "ĂÂÊÔƠƯĐăâêôơưđ")
	set(0xB5, "àảãáạ")
	set(0xBB, "ằẳẵắ")
	set(0xC6, "ặầẩẫấậè")
	set(0xCE, "ẻẽéẹềểễếệìỉ")
	set(0xDC, "ĩíịò")
	set(0xE1, "ỏõóọồổỗốộờởỡớợù")
	set(0xF1, "ủũúụừửữứựỳỷỹýỵ")
	// VN1 fills VN3's gaps with capitals and combining tones.
	set(0xA0, "\u00a0")
	set(0xAF, "Ằ")
	set(0xB0, grave+hook+tilde+acute+dot)
	set(0xBA, "Ẳ")
	set(0xBF, "ẴẮẦẨẪẤỀ")
	set(0xCD, "Ể")
	set(0xD9, "ỄẾỒ")
	set(0xE0, "Ổ")
	set(0xF0, "Ỗ")
	set(0xFF, "Ố")
	for b, s := range map[byte]string{0x01: "Ú", 0x02: "Ụ", 0x04: "Ừ", 0x05: "Ử", 0x06: "Ữ",
		0x11: "Ứ", 0x12: "Ự", 0x13: "Ỳ", 0x14: "Ỷ", 0x15: "Ỹ", 0x16: "Ý", 0x17: "Ỵ"} {
		t[b] = s
	}
	return t
}

// vniMarks lists VNI-Windows' mark bytes: lower-case byte, upper-case byte,
// the combining sequence.
var vniMarks = []struct {
	lower, upper byte
	seq          string
}{
	{0xF9, 0xD9, acute}, {0xF8, 0xD8, grave}, {0xFB, 0xDB, hook}, {0xF5, 0xD5, tilde}, {0xEF, 0xCF, dot},
	{0xE2, 0xC2, circ}, {0xE1, 0xC1, circ + acute}, {0xE0, 0xC0, circ + grave}, {0xE5, 0xC5, circ + hook},
	{0xE3, 0xC3, circ + tilde}, {0xE4, 0xC4, circ + dot},
	{0xEA, 0xCA, breve}, {0xE9, 0xC9, breve + acute}, {0xE8, 0xC8, breve + grave}, {0xFA, 0xDA, breve + hook},
	{0xFC, 0xDC, breve + tilde}, {0xEB, 0xCB, breve + dot},
}

func vniTable() [256]string {
	t := baseTable()
	for _, m := range vniMarks {
		t[m.lower], t[m.upper] = m.seq, m.seq
	}
	for b, s := range map[byte]string{
		0xF1: "đ", 0xD1: "Đ", 0xF4: "ơ", 0xD4: "Ơ", 0xF6: "ư", 0xD6: "Ư",
		0xEC: "ì", 0xED: "í", 0xE6: "ỉ", 0xF3: "ĩ", 0xF2: "ị", 0xEE: "ỵ",
		0xCC: "Ì", 0xCD: "Í", 0xC6: "Ỉ", 0xD3: "Ĩ", 0xD2: "Ị", 0xCE: "Ỵ",
	} {
		t[b] = s
	}
	return t
}

func cp1258Table() [256]string {
	var t [256]string
	for i := range t {
		t[i] = string(charmap.Windows1258.DecodeByte(byte(i)))
	}
	return t
}

// withAlt gives the bytes lo…hi their Windows-1252 meaning where they do
// not follow a bare vowel.
func withAlt(e *Encoding, lo, hi byte) *Encoding {
	for b := int(lo); b <= int(hi); b++ {
		e.alt[b] = cp1252(byte(b))
		r, _ := utf8.DecodeRuneInString(e.alt[b])
		e.rev[r] = byte(b)
	}
	return e
}

func newEncoding(name, key, font string, dec [256]string) *Encoding {
	e := &Encoding{Name: name, Key: key, Font: font, dec: dec, rev: make(map[rune]byte), marks: make(map[string]byte), upperMarks: make(map[string]byte)}
	for i := 255; i >= 0; i-- { // lower bytes win: ASCII over look-alikes
		s := dec[i]
		r, n := utf8.DecodeRuneInString(s)
		switch {
		case r == utf8.RuneError || s == "":
		case unicode.Is(unicode.Mn, r):
			e.marks[s] = byte(i)
		case n == len(s):
			e.rev[r] = byte(i)
		}
	}
	if name == "VNI-Windows" {
		for _, m := range vniMarks {
			e.marks[m.seq], e.upperMarks[m.seq] = m.lower, m.upper
		}
		// Latin-1's accented letters (á, ý…) stay readable, but VNI writes
		// them as base letter + mark byte, as UniKey's VNI-WIN table does;
		// only ì í Ì Í are VNI's own single bytes there.
		for r, b := range e.rev {
			if b >= 0xC0 && dec[b] == cp1252(b) && !strings.ContainsRune("ìíÌÍ", r) && len([]rune(norm.NFD.String(string(r)))) > 1 {
				delete(e.rev, r)
			}
		}
	} else {
		for k, v := range e.marks {
			e.upperMarks[k] = v
		}
	}
	return e
}

// Decode converts b to UTF-8 in NFC.
func (e *Encoding) Decode(b []byte) string {
	return norm.NFC.String(string(e.appendDecoded(nil, b, 0)))
}

// appendDecoded appends the decoding of b to out; prev is the byte before b
// (0 at the start), which decides what the alt bytes mean.
func (e *Encoding) appendDecoded(out, b []byte, prev byte) []byte {
	for _, c := range b {
		if e.alt[c] != "" && !e.takesTone(prev) {
			out = append(out, e.alt[c]...)
		} else {
			out = append(out, e.dec[c]...)
		}
		prev = c
	}
	return out
}

// takesTone reports whether byte c decodes to a vowel without a tone, the
// only letter a combining tone can follow.
func (e *Encoding) takesTone(c byte) bool {
	r, n := utf8.DecodeRuneInString(e.dec[c])
	return n == len(e.dec[c]) && strings.ContainsRune("aăâeêioôơuưyAĂÂEÊIOÔƠUƯY", r)
}

// Encode converts Vietnamese text to e, for tests and for writing files old
// tools can read. A letter the encoding lacks is written as its base letter
// and mark bytes where the encoding has them; otherwise Encode fails.
func (e *Encoding) Encode(s string) ([]byte, error) {
	var out []byte
	for _, r := range norm.NFC.String(s) {
		if b, ok := e.rev[r]; ok {
			out = append(out, b)
			continue
		}
		b, ok := e.encodeDecomposed(r)
		if !ok {
			return nil, errorf("%s cannot encode %q", e.Name, r)
		}
		out = append(out, b...)
	}
	return out, nil
}

// encodeDecomposed writes r as base letter + marks: either the letter with
// its vowel modifier and a tone byte (TCVN3, Windows-1258), or the bare
// letter and one byte for modifier and tone together (VNI).
func (e *Encoding) encodeDecomposed(r rune) ([]byte, bool) {
	d := []rune(norm.NFD.String(string(r)))
	if len(d) < 2 {
		return nil, false
	}
	marks := e.marks
	if unicode.IsUpper(d[0]) {
		marks = e.upperMarks
	}
	var mods, tones string
	for _, m := range d[1:] {
		switch string(m) {
		case grave, acute, tilde, hook, dot:
			tones += string(m)
		default:
			mods += string(m)
		}
	}
	// letter with modifier + tone byte
	if lr, _ := utf8.DecodeRuneInString(norm.NFC.String(string(d[0]) + mods)); lr != utf8.RuneError {
		if b, ok := e.rev[lr]; ok && utf8.RuneCountInString(norm.NFC.String(string(d[0])+mods)) == 1 {
			if tones == "" {
				return []byte{b}, true
			}
			if m, ok := marks[tones]; ok {
				return []byte{b, m}, true
			}
		}
	}
	// bare letter + one byte for modifier and tone (VNI's â, ă and tones)
	if b, ok := e.rev[d[0]]; ok {
		if m, ok := marks[mods+tones]; ok {
			return []byte{b, m}, true
		}
	}
	return nil, false
}

// decodeReader decodes a legacy encoding on the fly.
type decodeReader struct {
	r    io.Reader
	e    *Encoding
	in   []byte
	out  []byte
	prev byte
	err  error
}

func newDecodeReader(r io.Reader, e *Encoding) *decodeReader {
	return &decodeReader{r: r, e: e, in: make([]byte, 32<<10)}
}

func (d *decodeReader) Read(p []byte) (int, error) {
	for len(d.out) == 0 {
		if d.err != nil {
			return 0, d.err
		}
		n, err := d.r.Read(d.in)
		d.out = d.e.appendDecoded(d.out[:0], d.in[:n], d.prev)
		if n > 0 {
			d.prev = d.in[n-1]
		}
		d.err = err
	}
	n := copy(p, d.out)
	d.out = d.out[n:]
	return n, nil
}
