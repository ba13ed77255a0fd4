package ingest

import (
	"encoding/hex"
	"io"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The reference for these tests is glibc's iconv (Debian GLIBC 2.36,
// converters TCVN5712-1 and CP1258), not this package: testdata/iconv/gen.sh
// wrote letters.tsv (every precomposed Vietnamese letter and its bytes as
// iconv encodes it) and bytes.tsv (every byte 0x01–0xFF and what iconv
// decodes it to).

type iconvLetter struct {
	letter        string
	tcvn, cp1258  []byte
	tcvnHex, cpHx string
}

func readIconvLetters(t *testing.T) []iconvLetter {
	t.Helper()
	data, err := os.ReadFile("testdata/iconv/letters.tsv")
	if err != nil {
		t.Fatal(err)
	}
	var out []iconvLetter
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		f := strings.Split(line, "\t")
		tb, err1 := hex.DecodeString(f[1])
		cb, err2 := hex.DecodeString(f[2])
		if err1 != nil || err2 != nil {
			t.Fatalf("bad line %q", line)
		}
		out = append(out, iconvLetter{f[0], tb, cb, f[1], f[2]})
	}
	if len(out) != 134 {
		t.Fatalf("%d letters in the table, want 134 (67 lower case, 67 capitals)", len(out))
	}
	return out
}

// readIconvBytes returns, per byte 0x01–0xFF, iconv's decoding from
// TCVN5712-1 and from CP1258 ("" where iconv refuses the byte).
func readIconvBytes(t *testing.T) (tcvn, cp [256]string) {
	t.Helper()
	data, err := os.ReadFile("testdata/iconv/bytes.tsv")
	if err != nil {
		t.Fatal(err)
	}
	cps := func(s string) string {
		if s == "-" {
			return ""
		}
		var b strings.Builder
		for _, h := range strings.Fields(s) {
			n, err := strconv.ParseUint(h, 16, 32)
			if err != nil {
				t.Fatalf("bad code point %q", h)
			}
			b.WriteRune(rune(n))
		}
		return b.String()
	}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		f := strings.Split(line, "\t")
		n, err := strconv.ParseUint(f[0], 16, 8)
		if err != nil {
			t.Fatalf("bad line %q", line)
		}
		tcvn[n], cp[n] = cps(f[1]), cps(f[2])
	}
	return tcvn, cp
}

func TestWindows1258AgainstIconv(t *testing.T) {
	_, ref := readIconvBytes(t)
	for b := 0x80; b <= 0xFF; b++ {
		got := Windows1258.Decode([]byte{byte(b)})
		want := norm.NFC.String(ref[b])
		if ref[b] == "" {
			want = string(utf8.RuneError) // undefined: refused when stored (see damaged)
		}
		if got != want {
			t.Errorf("byte %02X: decoded %q, iconv %q", b, got, want)
		}
	}
	for _, l := range readIconvLetters(t) {
		if got := Windows1258.Decode(l.cp1258); got != l.letter {
			t.Errorf("%s: iconv's bytes %s decode to %q", l.letter, l.cpHx, got)
		}
		enc, err := Windows1258.Encode(l.letter)
		if err != nil {
			t.Errorf("%s: %v", l.letter, err)
			continue
		}
		if got := decodeWith(ref, enc); got != l.letter {
			t.Errorf("%s: our bytes %x read back by iconv as %q", l.letter, enc, got)
		}
	}
}

// decodeWith decodes b with a byte table from iconv (ASCII as itself).
func decodeWith(table [256]string, b []byte) string {
	var s strings.Builder
	for _, c := range b {
		s.WriteString(table[c])
	}
	return norm.NFC.String(s.String())
}

// TCVN3 (VN3, the .VnTime "ABC" fonts) is the part of TCVN 5712 that
// iconv's TCVN5712-1 (VN1) shares with it: all lower-case letters and
// Ă Â Ê Ô Ơ Ư Đ at the same bytes. Two deliberate differences:
//   - 0x80–0x9F: VN1 puts capitals with tones there; VN3 text never does
//     (those capitals were drawn with .VnTimeH from the lower-case codes),
//     and files saved by Word and Excel carry Windows-1252 quotes and dashes
//     there, so those bytes read as Windows-1252.
//   - 0xB0–0xB4: VN1's combining tones, kept after a bare vowel; elsewhere
//     (after a digit, a consonant, a space) they are °, ±, ², ³, ´ as the
//     .VnTime fonts draw them.
func TestTCVN3AgainstIconv(t *testing.T) {
	ref, _ := readIconvBytes(t)
	for b := 0xA0; b <= 0xFF; b++ {
		if b >= 0xB0 && b <= 0xB4 {
			if got := TCVN3.Decode([]byte{'a', byte(b)}); got != norm.NFC.String("a"+ref[b]) {
				t.Errorf("a + byte %02X: decoded %q, iconv %q", b, got, norm.NFC.String("a"+ref[b]))
			}
			continue
		}
		if got := TCVN3.Decode([]byte{byte(b)}); got != norm.NFC.String(ref[b]) {
			t.Errorf("byte %02X: decoded %q, iconv %q", b, got, ref[b])
		}
	}
	for b := 0x80; b <= 0x9F; b++ {
		if got := TCVN3.Decode([]byte{byte(b)}); got != cp1252(byte(b)) {
			t.Errorf("byte %02X: decoded %q, want Windows-1252 %q", b, got, cp1252(byte(b)))
		}
	}
	n := 0
	for _, l := range readIconvLetters(t) {
		vn1Only := len(l.tcvn) == 1 && l.tcvn[0] >= 0x80 && l.tcvn[0] <= 0x9F
		if vn1Only {
			continue
		}
		n++
		if got := TCVN3.Decode(l.tcvn); got != l.letter {
			t.Errorf("%s: iconv's bytes %s decode to %q", l.letter, l.tcvnHex, got)
		}
		enc, err := TCVN3.Encode(l.letter)
		if err != nil {
			t.Errorf("%s: %v", l.letter, err)
			continue
		}
		if got := decodeWith(ref, enc); got != l.letter {
			t.Errorf("%s: our bytes %x read back by iconv as %q", l.letter, enc, got)
		}
	}
	if n < 67+7 {
		t.Fatalf("only %d letters compared; want at least the 67 lower-case ones and Ă Â Ê Ô Ơ Ư Đ", n)
	}
}

// TestTCVN3Punctuation: the bytes 0xB0–0xB4 after a digit, a consonant or
// a space keep the meaning the .VnTime fonts draw.
func TestTCVN3Punctuation(t *testing.T) {
	for in, want := range map[string]string{
		"30\xb0C":              "30°C",
		"120 m\xb2":            "120 m²",
		"5 m\xb3 n\xad\xedc":   "5 m³ nước",
		"\xb1 2 cm":            "± 2 cm",
		"ho\xb5 b\xd7nh":       "hoà bình",
		"Vi\xd6t Nam 25\xb0C.": "Việt Nam 25°C.",
		"ca\xb3":               "cá", // VN1 tone after a bare vowel
	} {
		if got := TCVN3.Decode([]byte(in)); got != want {
			t.Errorf("Decode(%q) = %q, want %q", in, got, want)
		}
		// and through the streaming decoder, split at every byte
		for i := 0; i <= len(in); i++ {
			d := newDecodeReader(&twoParts{[]byte(in[:i]), []byte(in[i:])}, TCVN3)
			var sb strings.Builder
			buf := make([]byte, 64)
			for {
				n, err := d.Read(buf)
				sb.Write(buf[:n])
				if err != nil {
					break
				}
			}
			if got := norm.NFC.String(sb.String()); got != want {
				t.Errorf("stream split at %d: %q, want %q", i, got, want)
			}
		}
	}
}

type twoParts struct{ a, b []byte }

func (p *twoParts) Read(buf []byte) (int, error) {
	if len(p.a) > 0 {
		n := copy(buf, p.a)
		p.a = p.a[n:]
		return n, nil
	}
	if len(p.b) > 0 {
		n := copy(buf, p.b)
		p.b = p.b[n:]
		return n, nil
	}
	return 0, io.EOF
}
