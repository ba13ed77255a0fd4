package telex

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func checkText(t *testing.T, what, in, out string) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Fatalf("%s(%q) = %q: invalid UTF-8", what, in, out)
	}
	if !norm.NFC.IsNormalString(out) {
		t.Fatalf("%s(%q) = %q: not NFC", what, in, out)
	}
}

func FuzzWord(f *testing.F) {
	for _, s := range []string{"nuowcs", "thuowr", "giusp", "hoaf", "aaa", "ww", "huawei", "DDUWOWNGF", "a\u0301"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		for _, style := range []Style{StyleOld, StyleNew} {
			out := Word(raw, style)
			checkText(t, "Word", raw, out)
			checkText(t, "WordVNI", raw, WordVNI(raw, style))
			// Without marker keys nothing is composed.
			if !telexMarkers(raw) && out != norm.NFC.String(string([]rune(raw))) {
				t.Fatalf("Word(%q) = %q, want the input: it has no markers", raw, out)
			}
		}
		// The Composer fed key by key, with a backspace, agrees with Word
		// and never panics.
		var c Composer
		for _, r := range raw {
			c.Key(r)
		}
		if got, want := c.Word(), Word(raw, StyleOld); got != want {
			t.Fatalf("Composer on %q = %q, Word = %q", raw, got, want)
		}
		n := c.Len()
		if c.Backspace() != (n > 0) || n > 0 && c.Len() != n-1 {
			t.Fatalf("Backspace on %q: len %d → %d", raw, n, c.Len())
		}
		checkText(t, "Composer", raw, c.Word())
	})
}

// telexMarkers reports whether raw has a key that can compose: a tone, z or
// w key, or a second a, e, o or d.
func telexMarkers(raw string) bool {
	var count [128]int
	for _, r := range raw {
		if r < 128 {
			count[r|0x20]++
		}
	}
	for _, c := range "sfrxjzw" {
		if count[c] > 0 {
			return true
		}
	}
	for _, c := range "aeod" {
		if count[c] > 1 {
			return true
		}
	}
	return false
}

func fuzzDecoder(f *testing.F, name string, decode func(string) string, seeds []string, inert func(string) bool) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := decode(in)
		checkText(t, name, in, out)
		// Decoded tokens are non-ASCII and never decoded again.
		if again := decode(out); again != out {
			t.Fatalf("%s not idempotent: %q → %q → %q", name, in, out, again)
		}
		// Text without marker keys only gets cleaned.
		if inert(in) {
			if want := ValidNFC(in); out != want {
				t.Fatalf("%s(%q) = %q, want %q: no markers", name, in, out, want)
			}
		}
		// Decoding never changes the token boundaries.
		if a, b := len(strings.FieldsFunc(ValidNFC(in), notToken)), len(strings.FieldsFunc(out, notToken)); a != b {
			t.Fatalf("%s(%q) = %q: %d tokens became %d", name, in, out, a, b)
		}
	})
}

func notToken(r rune) bool { return !inToken(r) }

func FuzzDecodeText(f *testing.F) {
	fuzzDecoder(f, "DecodeText", DecodeText, []string{
		"Cuwr tri kieens nghij sowms suwar dduwowngf",
		"GPMB QL1A 2023 ĐT.612 kien nghi",
		"thuowr huowng giusp quys hoaf",
		"huawei class CAX KIEENS",
		"a\xffb Cu\u031b\u0309",
	}, func(s string) bool { return !telexMarkers(s) })
}

func FuzzDecodeVNIText(f *testing.F) {
	fuzzDecoder(f, "DecodeVNIText", DecodeVNIText, []string{
		"Cu73 tri kie61n nghi5 so71m su73a d9u7o7ng2",
		"QL1A 2023 ĐT.612 km2 A4 CO2",
		"thuo73 a1 d9i",
	}, func(s string) bool { return !strings.ContainsAny(s, "0123456789") })
}
