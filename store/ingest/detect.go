package ingest

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Guess is how well one legacy encoding reads a sample.
type Guess struct {
	Encoding *Encoding
	// Good and Bad count the words with letters outside ASCII that do and do
	// not read as Vietnamese syllables, plus stray symbols (©, ¶, µ…) that a
	// wrong decoding leaves behind, which count as bad.
	Good, Bad int
}

// Score is the share of good words, 0 when there were none.
func (g Guess) Score() float64 {
	if g.Good+g.Bad == 0 {
		return 0
	}
	return float64(g.Good) / float64(g.Good+g.Bad)
}

// minScore is the least share of Vietnamese-looking words for an encoding
// to be taken. Real text in the right encoding scores above 0.95 (names and
// loanwords account for the rest); the wrong encodings score below 0.5.
const minScore = 0.8

// DetectEncoding finds which legacy Vietnamese encoding sample (bytes that
// are not UTF-8) is in: it decodes the sample with each candidate and keeps
// the one whose accented words best read as Vietnamese syllables. It fails
// with ErrEncoding, naming the nearest candidate, when none reads well.
func DetectEncoding(sample []byte) (*Encoding, error) {
	var best Guess
	for _, e := range legacyEncodings {
		g := scoreText(e.Decode(sample))
		g.Encoding = e
		if best.Encoding == nil || g.Score() > best.Score() || g.Score() == best.Score() && g.Good > best.Good {
			best = g
		}
	}
	if best.Good > 0 && best.Score() >= minScore {
		return best.Encoding, nil
	}
	if best.Good == 0 {
		return nil, fmt.Errorf("not UTF-8, and not TCVN3 (ABC), VNI-Windows or Windows-1258 either (no accented word reads as Vietnamese): %w", ErrEncoding)
	}
	return nil, fmt.Errorf("not UTF-8; looks most like %s, but only %d of %d accented words read as Vietnamese in it; save the file as CSV UTF-8: %w",
		best.Encoding.Name, best.Good, best.Good+best.Bad, ErrEncoding)
}

// scoreText counts the accented words of s that are Vietnamese syllables.
func scoreText(s string) Guess {
	var g Guess
	word := make([]rune, 0, 16)
	flush := func() {
		if len(word) == 0 {
			return
		}
		ascii := true
		for _, r := range word {
			if r >= 0x80 {
				ascii = false
				break
			}
		}
		if !ascii {
			if validSyllable(string(word)) {
				g.Good++
			} else {
				g.Bad++
			}
		}
		word = word[:0]
	}
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r):
			word = append(word, r)
			if len(word) > 12 { // no syllable is this long
				g.Bad++
				word = word[:0]
			}
		default:
			flush()
			if r >= 0x80 && r < 0x2000 && r != 0xA0 {
				g.Bad++ // ©, ¶, µ, ·, º and the like: left by a wrong table
			}
		}
	}
	flush()
	return g
}

var (
	initials = []string{"ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr",
		"b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x"}
	finals = map[string]bool{"": true, "c": true, "ch": true, "m": true, "n": true, "ng": true, "nh": true, "p": true, "t": true}
	nuclei = func() map[string]bool {
		m := make(map[string]bool)
		for _, n := range strings.Fields(`a ă â e ê i o ô ơ u ư y
			ai ao au âu ay ây eo êu ia iê iu oa oă oe oi ôi ơi oo ôô ua uâ uê ui uô uơ ưa ưi ươ ưu uy yê
			iêu yêu oai oao oay oeo uây uôi ươi ươu uya uyê uyu uêu`) {
			m[n] = true
		}
		return m
	}()
)

// validSyllable reports whether w is one Vietnamese syllable: at most one
// tone, an initial consonant, a known vowel nucleus and a final consonant.
func validSyllable(w string) bool {
	var base strings.Builder
	tones := 0
	for _, r := range norm.NFD.String(strings.ToLower(w)) {
		switch r {
		case 0x300, 0x301, 0x303, 0x309, 0x323:
			tones++
		default:
			base.WriteRune(r)
		}
	}
	if tones > 1 {
		return false
	}
	b := norm.NFC.String(base.String())
	for _, r := range b {
		if !(r >= 'a' && r <= 'y' && r != 'f' && r != 'j' && r != 'w' || strings.ContainsRune("ăâêôơưđ", r)) {
			return false
		}
	}
	rest := b
	for _, in := range initials {
		if strings.HasPrefix(b, in) {
			rest = b[len(in):]
			if in == "gi" && (rest == "" || !startsVowel(rest)) {
				rest = "i" + rest // gì, gìn: the i is the vowel
			}
			break
		}
	}
	i := 0
	for i < len(rest) {
		r, n := utf8.DecodeRuneInString(rest[i:])
		if !strings.ContainsRune("aăâeêioôơuưy", r) {
			break
		}
		i += n
	}
	return i > 0 && nuclei[rest[:i]] && finals[rest[i:]]
}

func startsVowel(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune("aăâeêioôơuưy", r)
}
