package match

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldTable maps a precomposed Latin letter to its lower-case base letter
// with every mark removed (ế → e, Đ → d). It is built once from the Unicode
// decompositions of the Latin blocks, so folding a token is a table lookup
// rather than a normalisation pass.
var foldTable = buildFoldTable()

func buildFoldTable() map[rune]rune {
	t := make(map[rune]rune, 700)
	add := func(lo, hi rune) {
		for r := lo; r <= hi; r++ {
			d := norm.NFD.String(string(r))
			base, _ := utf8.DecodeRuneInString(d)
			base = unicode.ToLower(base)
			if base != r && base < 0x80 && unicode.IsLetter(base) {
				t[r] = base
			}
		}
	}
	add(0xC0, 0x24F)
	add(0x1E00, 0x1EFF)
	t['đ'], t['Đ'] = 'd', 'd'
	t['ð'], t['Ð'] = 'd', 'd'
	return t
}

// Fold returns s in NFC, lower-cased, with tone and vowel marks stripped and
// đ mapped to d: Fold("Đường tỉnh") == "duong tinh". Invalid UTF-8 becomes
// U+FFFD. Fold is idempotent, and the TUI's fuzzy filters use it too, so
// "duong" finds "Đường".
func Fold(s string) string {
	if isLowerASCII(s) {
		return s
	}
	s = norm.NFC.String(strings.ToValidUTF8(s, "\uFFFD"))
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteString(foldRune(r))
	}
	return b.String()
}

// foldRune folds one rune for Fold; a stray combining mark folds to nothing.
func foldRune(r rune) string {
	if r >= utf8.RuneSelf && unicode.Is(unicode.Mn, r) {
		if _, ok := foldTable[r]; !ok {
			return ""
		}
	}
	return string(FoldRune(r))
}

// FoldRune folds one rune of NFC text as Fold does (lower case, marks off,
// đ → d), except that a stray combining mark is kept: each rune maps to
// exactly one rune, so positions in folded text are positions in the
// original, as highlighting needs.
func FoldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	if f, ok := foldTable[r]; ok {
		return f
	}
	l := unicode.ToLower(r)
	if f, ok := foldTable[l]; ok {
		return f
	}
	return l
}

func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}
