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
	// Common counts the good words that are among the commonest syllables
	// of petitions and headers (của, đề, nghị, xã, thôn, đường…).
	Common int
}

func (g Guess) rank() int { return 2*g.Common + g.Good }

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
	var best, near Guess
	for _, e := range legacyEncodings {
		g := scoreText(e.Decode(sample))
		g.Encoding = e
		if near.Encoding == nil || g.Score() > near.Score() || g.Score() == near.Score() && g.Good > near.Good {
			near = g
		}
		// Among the encodings that read well, the one that reads more
		// common words wins: with few accented words several may read as
		// syllables (0xF4 is "thông" in Windows-1258, "thụng" in TCVN3).
		if g.Good > 0 && g.Score() >= minScore && (best.Encoding == nil || g.rank() > best.rank()) {
			best = g
		}
	}
	if best.Encoding != nil {
		return best.Encoding, nil
	}
	best = near
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
			if w := string(word); validSyllable(w) {
				g.Good++
				if commonWords[strings.ToLower(w)] {
					g.Common++
				}
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

// commonWords are frequent accented syllables of petitions and of the
// archive's headers and labels.
var commonWords = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(`của đề nghị xã thôn được người đường và các có không năm tỉnh huyện trả lời
		đã giải quyết việc dân cử hỗ trợ đầu tư xây dựng công trình sửa chữa học trường nước điện đất
		thông lĩnh vực nội dung mã ngày kỳ họp tình trạng cơ quan thẩm quyền địa bàn nông nghiệp thủy lợi
		tế giáo dục chính sách hội môi văn hóa tổ chức bộ máy cán khác trung ương đang chưa xong
		phố phường ấp bản xóm cầu cấp hộ gia đình sớm tại về với để này đến cho những một số tuyến`) {
		m[w] = true
	}
	return m
}()

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
