package match

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"txct/store/match/telex"
)

// foldLatin and foldExt map a precomposed Latin letter to its lower-case
// base letter with every mark removed (ế → e, Đ → d); 0 means the rune is
// not such a letter. foldLatin covers U+0000–U+024F (Latin-1 and Extended-A
// and -B), foldExt U+1E00–U+1EFF (Latin Extended Additional, where most of
// Vietnamese lives). They are built once from the Unicode decompositions, so
// folding a rune is an array lookup rather than a normalisation pass.
var foldLatin, foldExt = buildFoldTables()

func buildFoldTables() (lat [0x250]rune, ext [0x100]rune) {
	base := func(r rune) rune {
		d := norm.NFD.String(string(r))
		b, _ := utf8.DecodeRuneInString(d)
		b = unicode.ToLower(b)
		if b != r && b < 0x80 && unicode.IsLetter(b) {
			return b
		}
		return 0
	}
	for r := rune(0xC0); r < 0x250; r++ {
		lat[r] = base(r)
	}
	for r := rune(0x1E00); r < 0x1F00; r++ {
		ext[r-0x1E00] = base(r)
	}
	lat['đ'], lat['Đ'] = 'd', 'd'
	lat['ð'], lat['Ð'] = 'd', 'd'
	return lat, ext
}

// foldTable returns the base letter of a precomposed Latin letter, 0 for
// any other rune.
func foldTable(r rune) rune {
	switch {
	case r < 0x250:
		return foldLatin[r]
	case 0x1E00 <= r && r < 0x1F00:
		return foldExt[r-0x1E00]
	}
	return 0
}

// Fold returns s in NFC, lower-cased, with tone and vowel marks stripped and
// đ mapped to d: Fold("Đường tỉnh") == "duong tinh". Invalid UTF-8 becomes
// U+FFFD. Fold is idempotent, and the TUI's fuzzy filters use it too, so
// "duong" finds "Đường".
func Fold(s string) string {
	if isLowerASCII(s) {
		return s
	}
	s = telex.ValidNFC(s)
	b := make([]byte, 0, len(s))
	for _, r := range s {
		if r >= utf8.RuneSelf && unicode.Is(unicode.Mn, r) {
			continue // a stray combining mark folds to nothing
		}
		b = utf8.AppendRune(b, FoldRune(r))
	}
	return string(b)
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
	if f := foldTable(r); f != 0 {
		return f
	}
	l := unicode.ToLower(r)
	if f := foldTable(l); f != 0 {
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
