package ingest

import (
	"errors"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Guess is how well one legacy encoding reads a text.
type Guess struct {
	Encoding *Encoding
	// Good counts the accented words that read as Vietnamese syllables or
	// as abbreviations such as ĐT or HĐND; Bad counts those that do not, plus
	// stray symbols (©, ¶, µ…) that a wrong decoding leaves behind.
	Good, Bad int
	// Common counts the good words that are among the commonest syllables
	// of petitions and headers (của, đề, nghị, xã, thôn, đường…).
	Common int
	// Evidence weighs it all: a common syllable +3, another syllable or an
	// abbreviation +1, a word that cannot be Vietnamese or a stray symbol -4.
	Evidence int
}

// Score is the share of good words, 0 when there were none.
func (g Guess) Score() float64 {
	if g.Good+g.Bad == 0 {
		return 0
	}
	return float64(g.Good) / float64(g.Good+g.Bad)
}

const (
	// minScore is the least share of Vietnamese-looking words for an
	// encoding to be taken. Real text in the right encoding scores above
	// 0.95 (names and loanwords account for the rest); the wrong encodings
	// score below 0.5.
	minScore = 0.8
	// minMargin is how much more evidence the best encoding needs than the
	// next: one common syllable against a rare one (tâm against tõm) is not
	// enough, one syllable against a non-word is, two common syllables
	// against two rare ones are.
	minMargin = 4
)

// EncodingError is the refusal of a file whose encoding cannot be told. It
// lists the candidates, best first, so the user can choose one.
type EncodingError struct {
	Candidates []Guess
	// Thin is true when more than one encoding reads the file as
	// Vietnamese and the evidence between them is too thin to choose.
	Thin bool
}

func (e *EncodingError) Error() string { return e.Detail().Error() }

// Detail is the refusal as a translatable error.
func (e *EncodingError) Detail() error {
	if len(e.Candidates) == 0 || e.Candidates[0].Good == 0 {
		return errorf("not UTF-8, and not TCVN3 (ABC), VNI-Windows or Windows-1258 either (no accented word reads as Vietnamese); save the file as CSV UTF-8")
	}
	var parts error
	for _, g := range e.Candidates {
		part := errorf("%s reads %d of %d accented words as Vietnamese", g.Encoding.Name, g.Good, g.Good+g.Bad)
		if parts == nil {
			parts = part
		} else {
			parts = errorf("%v; %v", parts, part)
		}
	}
	if e.Thin {
		var keys []string
		for _, g := range e.Candidates {
			keys = append(keys, g.Encoding.Key)
		}
		return errorf("not UTF-8, and too few accented words to tell the encoding (%v); choose it with --encoding %s, or save the file as CSV UTF-8",
			parts, strings.Join(keys, "|"))
	}
	return errorf("not UTF-8; looks most like %s, but only %d of %d accented words read as Vietnamese in it; save the file as CSV UTF-8, or choose the encoding with --encoding",
		e.Candidates[0].Encoding.Name, e.Candidates[0].Good, e.Candidates[0].Good+e.Candidates[0].Bad)
}

// Is makes errors.Is(err, ErrEncoding) true.
func (e *EncodingError) Is(target error) bool { return target == ErrEncoding }

// DetectEncoding finds which legacy Vietnamese encoding text (bytes that
// are not UTF-8) is in, judging every accented word of it: the encoding
// whose decoding reads as Vietnamese syllables wins when its evidence
// clearly beats the others'. Otherwise it fails with an *EncodingError
// (errors.Is ErrEncoding) that lists the candidates.
func DetectEncoding(text []byte) (*Encoding, error) {
	gs := Judge(text)
	best := gs[0]
	if best.Good == 0 || best.Score() < minScore {
		return nil, &EncodingError{Candidates: gs[:1]}
	}
	var close []Guess
	for _, g := range gs[1:] {
		if g.Score() >= minScore && best.Evidence-g.Evidence < minMargin && !sameDecoding(best.Encoding, g.Encoding, text) {
			close = append(close, g)
		}
	}
	if len(close) > 0 {
		return nil, &EncodingError{Candidates: append([]Guess{best}, close...), Thin: true}
	}
	return best.Encoding, nil
}

// Judge scores every legacy encoding on text, best first. Equal evidence
// is ordered by fewer bad words, then by name, never by preference.
func Judge(text []byte) []Guess {
	words := accentedTokens(text)
	gs := make([]Guess, len(legacyEncodings))
	for i, e := range legacyEncodings {
		g := Guess{Encoding: e}
		for w, n := range words {
			g.add(e.Decode([]byte(w)), n)
		}
		gs[i] = g
	}
	sort.SliceStable(gs, func(i, j int) bool {
		a, b := gs[i], gs[j]
		if a.Evidence != b.Evidence {
			return a.Evidence > b.Evidence
		}
		if a.Bad != b.Bad {
			return a.Bad < b.Bad
		}
		return a.Encoding.Name < b.Encoding.Name
	})
	return gs
}

// sameDecoding reports whether a and b decode text to the same string, as
// they do when its only bytes above ASCII are ones both read alike.
func sameDecoding(a, b *Encoding, text []byte) bool {
	for w := range accentedTokens(text) {
		if a.Decode([]byte(w)) != b.Decode([]byte(w)) {
			return false
		}
	}
	return true
}

// accentedTokens splits text into runs of ASCII letters and bytes above
// ASCII (what may be a word in any of the encodings) and counts those
// holding a byte above ASCII. ASCII punctuation, digits and spaces separate
// words in every encoding.
func accentedTokens(text []byte) map[string]int {
	m := make(map[string]int)
	start, high := -1, false
	for i := 0; i <= len(text); i++ {
		var c byte
		if i < len(text) {
			c = text[i]
		}
		if i < len(text) && (c >= 0x80 || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != 0) {
			if start < 0 {
				start, high = i, false
			}
			if c >= 0x80 || c < 0x20 {
				high = true
			}
			continue
		}
		if start >= 0 && high {
			m[string(text[start:i])]++
		}
		start = -1
	}
	return m
}

// add judges one decoded token that occurs n times.
func (g *Guess) add(s string, n int) {
	good, common, bad := judgeToken(s)
	g.Good += n * good
	g.Common += n * common
	g.Bad += n * bad
	g.Evidence += n * (3*common + (good - common) - 4*bad)
}

// judgeToken counts the syllables, common syllables and bad words or
// symbols in one decoded token.
func judgeToken(s string) (good, common, bad int) {
	word := make([]rune, 0, 16)
	flush := func() {
		if len(word) == 0 {
			return
		}
		defer func() { word = word[:0] }()
		ascii := true
		for _, r := range word {
			if r >= 0x80 {
				ascii = false
				break
			}
		}
		if ascii {
			return
		}
		w := string(word)
		switch {
		case len(word) > 12:
			bad++
		case isAbbreviation(word):
			good++
		case validSyllable(w):
			good++
			if commonWords[strings.ToLower(w)] {
				common++
			}
		default:
			bad++
		}
	}
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r):
			word = append(word, r)
		default:
			flush()
			if r >= 0x80 && r < 0x2000 && !neutralSymbol(r) || r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == utf8.RuneError {
				bad++ // ©, ¶, µ, ·, º, control bytes: left by a wrong table
			}
		}
	}
	flush()
	return good, common, bad
}

// neutralSymbol reports symbols every candidate decodes alike and real
// text uses: no-break space, degree, plus-minus, squared, cubed.
func neutralSymbol(r rune) bool {
	switch r {
	case 0xA0, '°', '±', '²', '³':
		return true
	}
	return false
}

// isAbbreviation reports capitals-only words with Đ such as ĐT, HĐND,
// GCNQSDĐ, ĐBQH: abbreviations, not syllables. Only U+0110 counts as Đ, not
// look-alikes such as Ð (U+00D0) that a wrong table yields.
func isAbbreviation(w []rune) bool {
	if len(w) < 2 || len(w) > 8 {
		return false
	}
	d := false
	for _, r := range w {
		switch {
		case r == 'Đ':
			d = true
		case r >= 'A' && r <= 'Z':
		default:
			return false
		}
	}
	return d
}

// commonWords are frequent accented syllables of petitions, reports and
// archive headers and labels, written down from administrative usage.
var commonWords = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(`của đề nghị xã thôn được người đường và các có không năm tỉnh huyện trả lời
		đã giải quyết việc dân cử hỗ trợ đầu tư xây dựng công trình sửa chữa học trường nước điện đất
		thông lĩnh vực nội dung mã ngày kỳ họp tình trạng cơ quan thẩm quyền địa bàn nông nghiệp thủy lợi
		tế giáo dục chính sách hội môi văn hóa tổ chức bộ máy cán khác trung ương đang chưa xong
		phố phường ấp bản xóm cầu cấp hộ gia đình sớm tại về với để này đến cho những một số tuyến
		nhưng tâm cũng như khi nhà nhiều bà ông cụ già trẻ em đi lại mưa lũ ngập sạt lở bảo đảm
		đồng tiền phí thu chi lương phụ cấp chế độ hưu trí thương binh liệt sĩ người có công
		ủy viên hội đồng nhân thường trực sở ngành ban tiếp xúc kiến ý ánh phản hướng dẫn xem xét
		sớm kịp thời dứt điểm bồi thường tái định cư mặt bằng giấy chứng nhận quyền sử dụng
		trạm y bệnh viện khám chữa bảo hiểm thuốc mầm non tiểu trung cơ sở phổ thông lớp phòng
		rác thải ô nhiễm khói bụi tiếng ồn sinh hoạt cấp điện lưới chiếu sáng trật tự an ninh
		kênh mương cống đê kè hồ đập giống lúa phân bón cây trồng vật nuôi dịch bệnh
		hiện nay đó đây rất còn vẫn đã sẽ bị hết vào ra trên dưới trong ngoài sau trước mới cũ
		tăng giảm nâng cao mở rộng xuống cấp hư hỏng nặng nguy hiểm tai nạn an toàn`) {
		m[w] = true
	}
	return m
}()

var (
	initials = []string{"ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr",
		"b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x"}
	// rhymes lists every rhyme (vowel nucleus and final) Vietnamese
	// spelling allows, without tone. After "qu" the rhyme is what follows
	// the u (quốc: ôc, quyết: yêt).
	rhymes = func() map[string]bool {
		m := make(map[string]bool)
		for _, r := range strings.Fields(`
			a ac ach ai am an ang anh ao ap at au ay
			ăc ăm ăn ăng ăp ăt
			âc âm ân âng âp ât âu ây
			e ec em en eng eo ep et
			ê êch êm ên ênh êp êt êu
			i ia ich im in inh ip it iu
			iêc iêm iên iêng iêp iêt iêu
			o oc oi om on ong op ot oong ooc
			ô ôc ôi ôm ôn ông ôp ôt
			ơ ơi ơm ơn ơp ơt
			u ua uc ui um un ung up ut
			uôc uôi uôm uôn uông uôt
			ư ưa ưc ưi ưm ưn ưng ưt ưu
			ươc ươi ươm ươn ương ươp ươt ươu
			y yêm yên yêng yêt yêu
			oa oac oach oai oam oan oang oanh oao oap oat oay
			oăc oăm oăn oăng oăt
			oe oen oeo oet
			uân uâng uât uây
			uê uêch uênh
			uy uych uyn uynh uyp uyt uya uyu
			uyên uyêt uơ`) {
			m[r] = true
		}
		return m
	}()
)

// validSyllable reports whether w is one Vietnamese syllable as written:
// lower case, capitalised, all capitals, or capitals with lower-case toned
// vowels (TCVN3's .VnTimeH capitals come back so); an initial consonant
// that fits the vowel after it (k, gh, ngh before i, e, ê, y; c, g, ng
// elsewhere); a rhyme from the list; at most one tone, and only sắc or
// nặng on rhymes that end in c, ch, p or t.
func validSyllable(w string) bool {
	if !caseShapeOK(w) {
		return false
	}
	var base strings.Builder
	tone := ""
	for _, r := range norm.NFD.String(strings.ToLower(w)) {
		switch s := string(r); s {
		case grave, acute, tilde, hook, dot:
			if tone != "" {
				return false
			}
			tone = s
		default:
			base.WriteRune(r)
		}
	}
	b := norm.NFC.String(base.String())
	for _, r := range b {
		if !(r >= 'a' && r <= 'y' && r != 'f' && r != 'j' && r != 'w' || strings.ContainsRune("ăâêôơưđ", r)) {
			return false
		}
	}
	onset, rhyme := "", b
	for _, in := range initials {
		if strings.HasPrefix(b, in) {
			onset, rhyme = in, b[len(in):]
			break
		}
	}
	switch onset {
	case "gi":
		switch {
		case rhyme == "" || !startsVowel(rhyme):
			rhyme = "i" + rhyme // gì, gìn: the i is the vowel
		case strings.HasPrefix(rhyme, "ê") && len(rhyme) > len("ê"):
			rhyme = "i" + rhyme // giếng, giêng: iê after gi is written ê
		}
	case "qu":
		if rhyme == "" || strings.HasPrefix(rhyme, "u") || strings.HasPrefix(rhyme, "o") {
			return false
		}
	case "k", "gh", "ngh":
		if !startsAny(rhyme, "iêeyê") {
			return false
		}
	case "c", "g", "ng":
		if startsAny(rhyme, "ieêy") {
			return false
		}
	}
	if onset == "" && strings.HasPrefix(rhyme, "iê") {
		return false // yên, not iên, without an initial
	}
	if onset != "" && onset != "qu" && strings.HasPrefix(rhyme, "yê") {
		return false // tiên, not tyên; but quyết, uyên
	}
	if !rhymes[rhyme] {
		return false
	}
	if strings.HasSuffix(rhyme, "c") || strings.HasSuffix(rhyme, "ch") || strings.HasSuffix(rhyme, "p") || strings.HasSuffix(rhyme, "t") {
		return tone == acute || tone == dot
	}
	return true
}

// caseShapeOK accepts lower case, a capital first letter, all capitals,
// and capitals with lower-case non-ASCII letters; a capital inside an
// otherwise lower-case word is a wrong decoding.
func caseShapeOK(w string) bool {
	var upper, lower, asciiLower, nonASCIIUpper int
	first := true
	firstUpper := false
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			upper++
			if first {
				firstUpper = true
			}
			if r >= 0x80 {
				nonASCIIUpper++
			}
		case unicode.IsLower(r):
			lower++
			if r < 0x80 {
				asciiLower++
			}
		}
		first = false
	}
	switch {
	case upper == 0, lower == 0:
		return true
	case upper == 1 && firstUpper:
		return true
	}
	return asciiLower == 0 && nonASCIIUpper == 0
}

func startsVowel(s string) bool { return startsAny(s, "aăâeêioôơuưy") }

func startsAny(s, set string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r != utf8.RuneError && strings.ContainsRune(set, r)
}

// errUnknownEncoding is what an unknown --encoding value reports.
var errUnknownEncoding = errors.New("unknown encoding")

// EncodingByKey returns the legacy encoding named by key (tcvn3, vni,
// cp1258, as the --encoding flag takes them), or an error listing them.
func EncodingByKey(key string) (*Encoding, error) {
	k := strings.ToLower(strings.TrimSpace(key))
	for _, e := range legacyEncodings {
		if e.Key == k || strings.EqualFold(e.Name, key) {
			return e, nil
		}
	}
	switch k {
	case "abc", "vn3", "tcvn", "tcvn5712":
		return TCVN3, nil
	case "windows-1258", "windows1258", "1258":
		return Windows1258, nil
	case "vni-windows":
		return VNI, nil
	}
	return nil, errorf("encoding %q is not one of utf8, tcvn3, vni, cp1258: %w", key, errUnknownEncoding)
}
