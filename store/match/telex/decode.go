package telex

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// maxToken is the longest token the decoders try; "nghieengx" is 9 keys.
const maxToken = 12

// DecodeText decodes raw Telex keystrokes left in text typed with the input
// method off: DecodeText("Cuwr tri kieens nghij") == "Cử tri kiến nghị".
//
// A token is a run of letters, digits and combining marks. A token is decoded
// only when it is made of ASCII letters, has Telex markers (a tone key after a
// vowel, aa aw ee oo ow uw w dd), uses each marker once (a doubled key or a
// second tone key reads as ordinary text), and decodes to a valid Vietnamese
// syllable with a diacritic. Case is kept per letter ("KIEENS" → "KIẾN").
// Everything else is left alone: plain words ("kien"), abbreviations and
// codes ("GPMB", "QL1A", "ĐT.612"; an all-capital token of up to three
// letters with only a tone key, such as "CAX", is taken for an abbreviation),
// numbers, text already carrying diacritics, and words such as "huawei" that
// spell no syllable. A few English and loan words that happen to spell a
// syllable ("bus", "gas", "taxi", "test") are also left alone.
//
// Tones are placed in [StyleOld]. The output is NFC; invalid UTF-8 becomes
// U+FFFD. Decoded tokens contain non-ASCII letters and are never decoded
// again, so DecodeText(DecodeText(s)) == DecodeText(s).
func DecodeText(s string) string {
	return decodeText(s, Telex)
}

// DecodeVNIText is [DecodeText] for VNI leftovers: "kie61n nghi5" becomes
// "kiến nghị". A token must start with a letter and every digit in it must be
// a VNI marker, so numbers and codes such as "612", "2023", "QL1A", "km2" or
// "A4" are left alone.
func DecodeVNIText(s string) string {
	return decodeText(s, VNI)
}

// ValidNFC returns s as valid UTF-8 in NFC. ASCII input, and input whose other
// characters are precomposed Latin letters or common punctuation (the usual
// Vietnamese remark), is returned at once: those characters are NFC starters
// that compose with nothing, so the text is already NFC.
func ValidNFC(s string) string {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !StableRune(r) {
			return norm.NFC.String(strings.ToValidUTF8(s, "\uFFFD"))
		}
		i += size
	}
	return s
}

// StableRune reports whether r is NFC on its own and never composes with a
// neighbour: Latin-1 Supplement, Latin Extended-A and -B, Latin Extended
// Additional (all of Vietnamese), and the dashes, quotes and ellipsis.
func StableRune(r rune) bool {
	return 0xA0 <= r && r <= 0x24F || 0x1E00 <= r && r <= 0x1EFF || 0x2010 <= r && r <= 0x2027
}

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func inToken(r rune) bool {
	if 0xC0 <= r && r <= 0x24F && r != 0xD7 && r != 0xF7 || 0x1E00 <= r && r <= 0x1EFF {
		return true // Latin letters, the common case
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func decodeText(s string, m Method) string {
	s = ValidNFC(s)
	var out []byte // nil until a token changes
	copied := 0    // s[:copied] is already in out
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if !isASCIIAlnum(c) {
				i++
				continue
			}
		} else if r, size := utf8.DecodeRuneInString(s[i:]); !inToken(r) {
			i += size
			continue
		}
		start, ascii := i, true
		for i < len(s) {
			c := s[i]
			if c < utf8.RuneSelf {
				if !isASCIIAlnum(c) {
					break
				}
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			if !inToken(r) {
				break
			}
			ascii = false
			i += size
		}
		if !ascii {
			continue
		}
		var tb [4 * maxToken]byte
		dec, ok := appendToken(tb[:0], s[start:i], m)
		if !ok {
			continue
		}
		if out == nil {
			out = make([]byte, 0, len(s)+len(s)/2)
		}
		out = append(out, s[copied:start]...)
		out = append(out, dec...)
		copied = i
	}
	if copied == 0 {
		return s
	}
	return string(append(out, s[copied:]...))
}

// appendToken appends the decoded form of the ASCII token tok to dst and
// reports whether it decoded; on false dst is returned unchanged.
func appendToken(dst []byte, tok string, m Method) ([]byte, bool) {
	if len(tok) > maxToken || len(tok) < 2 {
		return dst, false
	}
	if !hasMarkers(tok, m) {
		return dst, false
	}
	var buf [maxLetters]letter
	e := engine{letters: buf[:0], method: m, strict: true}
	e = e.keys(tok)
	if e.undos > 0 || e.tones > 1 {
		return dst, false
	}
	ls := e.resolve(buf[:0]) // in place: the raw letters are not needed again
	modified := false
	for _, l := range ls {
		if l.mod != modNone {
			modified = true
		}
	}
	if !modified && e.tone == toneNone {
		return dst, false // nothing to decode ("hoasz" is hoa)
	}
	if !modified && len(tok) <= 3 && isUpper(tok) {
		return dst, false // CAX, CO2: an abbreviation, not CÃ, CÒ
	}
	if !valid(ls, e.tone) || isLoanWord(tok) {
		return dst, false
	}
	return appendLetters(dst, ls, e.tone, StyleOld), true
}

// hasMarkers is a cheap filter run before the engine: a Telex token needs a
// tone or w key or a repeated a, e, o, d; a VNI token needs a digit.
func hasMarkers(tok string, m Method) bool {
	if m == VNI {
		if tok[0] < 'A' {
			return false // starts with a digit: a number
		}
		for i := 1; i < len(tok); i++ {
			if tok[i] <= '9' {
				return true
			}
		}
		return false
	}
	var seen uint8 // bits for a, e, o, d
	for i := 0; i < len(tok); i++ {
		c := tok[i] | 0x20
		var bit uint8
		switch c {
		case 's', 'f', 'r', 'x', 'j', 'w':
			return true
		case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
			return false
		case 'a':
			bit = 1
		case 'e':
			bit = 2
		case 'o':
			bit = 4
		case 'd':
			bit = 8
		default:
			continue
		}
		if seen&bit != 0 {
			return true
		}
		seen |= bit
	}
	return false
}

func isUpper(tok string) bool {
	for i := 0; i < len(tok); i++ {
		if 'a' <= tok[i] && tok[i] <= 'z' {
			return false
		}
	}
	return true
}

// typedLoanWords spell a Vietnamese syllable as Telex but, typed, are far
// likelier to be the loan word: the syllables they spell (tã, bú, tét, vía)
// rarely come up in a meeting. A word such as "max" (mã) is not here: that is
// how mã is typed.
var typedLoanWords = []string{"bus", "gas", "taxi", "test", "visa", "tax"}

// loanWords are what the decoders leave alone: the typed ones, and words that
// are more likely English in text typed with the input method off.
var loanWords = setOf(append([]string{"as", "is", "or", "us", "has", "his", "this", "its", "was", "how", "now",
	"max", "box", "mix"}, typedLoanWords...)...)

var typedLoans = setOf(typedLoanWords...)

func isLoanWord(tok string) bool { return inFolded(loanWords, tok) }

func isTypedLoanWord(tok string) bool { return inFolded(typedLoans, tok) }

// inFolded looks the ASCII token up in set, ignoring case.
func inFolded(set map[string]struct{}, tok string) bool {
	if len(tok) > 4 {
		return false
	}
	var b [4]byte
	for i := 0; i < len(tok); i++ {
		b[i] = tok[i] | 0x20
	}
	_, ok := set[string(b[:len(tok)])]
	return ok
}
