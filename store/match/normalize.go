package match

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"txct/store/match/telex"
)

// token is one word of a text after normalisation.
type token struct {
	fold   string // lower case, marks stripped, đ → d: what the index matches on
	lower  string // lower case with diacritics, for display and phrase checks
	cap    bool   // the source word started with a capital letter
	start  bool   // first word of a sentence or clause (capital means nothing there)
	upper  bool   // the source word was all capitals and longer than one letter (DN, UBND)
	dot    bool   // directly followed by '.' in the source (x. th. ĐT.612)
	filler bool   // part of a filler phrase ("cử tri", "đề nghị"): weighed down
	speech bool   // part of a speech phrase ("kính thưa", "cảm ơn"): filler that never names
	road   bool   // a canonical road token such as "dt612" or "ql1a"
}

// Text is the normalised form of a remark or petition.
type Text struct {
	// Lower is NFC, lower-cased, with Telex/VNI leftovers decoded, abbreviations
	// expanded and road numbers canonicalised; words are separated by one space.
	Lower string
	// Folded is Lower with marks stripped and đ → d.
	Folded string
}

// Normalize returns both normal forms of s: Telex and VNI leftovers decoded,
// NFC, lower case, abbreviations expanded (UBND, GCNQSDĐ, x. th. …), road
// numbers canonicalised ("ĐT.612", "tỉnh lộ 612" → "dt612"), punctuation
// dropped. Filler words are kept here; the index weighs them down.
func Normalize(s string) Text {
	toks := analyze(s)
	var lo, fo strings.Builder
	for i, t := range toks {
		if i > 0 {
			lo.WriteByte(' ')
			fo.WriteByte(' ')
		}
		lo.WriteString(t.lower)
		fo.WriteString(t.fold)
	}
	return Text{Lower: lo.String(), Folded: fo.String()}
}

// maxText bounds the text the analyser looks at; a remark is a few sentences,
// so anything past this is pasted junk and only costs time.
const maxText = 8 << 10

// analyze runs the whole pipeline and returns the tokens.
func analyze(s string) []token { return analyzePart(s, false) }

// analyzePart is analyze for a piece of a longer text; mid says the piece
// starts inside a sentence, so its first word's capital marks a name.
func analyzePart(s string, mid bool) []token {
	if len(s) > maxText {
		s = s[:maxText]
	}
	// The decoders return valid UTF-8 in NFC.
	s = telex.DecodeVNIText(telex.DecodeText(s))
	toks := tokenize(s, !mid)
	toks = expandAbbrev(toks)
	toks = canonRoads(toks)
	markFillers(toks)
	return toks
}

// tokenize splits s into runs of letters and digits. It records whether a
// word was capitalised, starts a clause, or is followed by a dot.
func tokenize(s string, start bool) []token {
	toks := make([]token, 0, len(s)/5+1)
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			if isClauseEnd(r) && (i+size >= len(s) || !isWordRune(firstRune(s[i+size:]))) {
				start = true
			}
			i += size
			continue
		}
		j := i
		for j < len(s) {
			r2, n := utf8.DecodeRuneInString(s[j:])
			if !isWordRune(r2) {
				break
			}
			j += n
		}
		w := s[i:j]
		lower := strings.ToLower(w)
		t := token{
			fold:  Fold(lower),
			lower: lower,
			cap:   unicode.IsUpper(r),
			upper: len(w) > 1 && lower != w && isUpper(w),
			start: start,
			dot:   j < len(s) && s[j] == '.',
		}
		if t.fold != "" {
			toks = append(toks, t)
		}
		start = false
		i = j
	}
	return toks
}

// isUpper reports whether s is unchanged by strings.ToUpper, without
// building the upper-case copy.
func isUpper(s string) bool {
	for _, r := range s {
		if unicode.ToUpper(r) != r {
			return false
		}
	}
	return true
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isClauseEnd reports whether r ends a sentence or a clause after which a
// capital letter is no sign of a proper name ("Ông Hải: Đề nghị …").
func isClauseEnd(r rune) bool {
	switch r {
	case '.', ':', ';', '!', '?', '\n', '-', '–', '—':
		return true
	}
	return false
}

// fillerPhrases are the words that say someone asks something rather than
// what is asked ("cử tri", "đề nghị", "phản ánh"), and the commonest
// function words. They are weighed down, not dropped, so a remark made only
// of them still matches something sensible. They are written with
// diacritics: a word typed with marks must match them exactly (chợ is a
// market, not filler "cho"), a word typed without marks matches on its
// folded form.
var fillerPhrases = []string{
	"cử tri", "đề nghị", "kiến nghị", "xin", "về việc", "phản ánh", "tiếp tục",
	"đề xuất", "xem xét", "quan tâm", "đã nêu", "kỳ họp thứ", "kỳ họp", "khóa",
	"cơ quan chức năng", "các cấp", "các ngành", "nhà nước", "người dân",
	"bà con", "hiện nay", "sớm", "hỏi", "cho", "và", "của", "ở", "tại", "là",
	"thì", "mà", "các", "những", "một", "được", "rất", "lắm", "rồi", "quá",
	"nay", "ông", "bà", "với", "để", "bị", "đã", "vẫn", "còn", "nhiều",
}

// filler is one filler phrase in both forms.
type filler struct{ lower, fold []string }

// fillerIndex maps a phrase's first folded word to the phrases it starts,
// longest first.
var fillerIndex = phraseIndex(fillerPhrases)

// phraseIndex maps each phrase's first folded word to the phrases it
// starts, longest first.
func phraseIndex(phrases []string) map[string][]filler {
	m := map[string][]filler{}
	for _, p := range phrases {
		lo := strings.Fields(p)
		fo := strings.Fields(Fold(p))
		m[fo[0]] = append(m[fo[0]], filler{lo, fo})
	}
	for _, ps := range m {
		for i := 1; i < len(ps); i++ {
			for j := i; j > 0 && len(ps[j].fold) > len(ps[j-1].fold); j-- {
				ps[j], ps[j-1] = ps[j-1], ps[j]
			}
		}
	}
	return m
}

// speechPhrases are what a voter says around a demand: greetings, thanks,
// pleas to be heard and answered, and talk about themselves. They are
// filler, and a clause made only of them is no demand at all. None of them
// folds to a common word of its own ("kính" would take "kinh phí", "thấy"
// would take "thay", "mãi" would take "Mai").
var speechPhrases = []string{
	"kính thưa", "thưa", "kính gửi", "kính chúc", "xin chào", "chào", "đồng chí", "đại biểu",
	"chủ tọa", "hội nghị", "toàn thể", "các vị", "mọi người", "cảm ơn", "cám ơn",
	"chân thành", "chúc", "sức khỏe", "mạnh khỏe", "thành công", "tốt đẹp", "trả lời",
	"mong", "rất mong", "mong muốn", "hy vọng", "hi vọng", "tôi", "chúng tôi",
	"lắng nghe", "ý kiến", "phát biểu", "trình bày", "xin phép", "nói", "nêu",
	"lần này", "nữa", "vấn đề", "ạ", "dạ", "vâng", "thôi",
	"rõ", "biết", "nghe", "sự", "này", "đây", "đó", "ai", "gì", "giúp", "hết",
	"nhiều lần", "đã lâu", "lâu rồi", "cụ thể", "xin", "đề nghị", "kiến nghị", "cử tri",
}

// speechIndex is speechPhrases indexed like fillerIndex.
var speechIndex = phraseIndex(speechPhrases)

// markFillers flags the tokens that belong to a filler or speech phrase. A
// capitalised word in mid-sentence is a name ("xóm Chợ", "bản Ba"), never
// filler, unless it is a speech phrase typed with its marks ("các Đại
// biểu").
func markFillers(toks []token) {
	for i := 0; i < len(toks); {
		n := 0
		name := toks[i].cap && !toks[i].start
		for _, p := range speechIndex[toks[i].fold] {
			if i+len(p.fold) <= len(toks) && matchAt(toks, i, p) && (!name || toks[i].lower == p.lower[0] && toks[i].lower != toks[i].fold) {
				n = len(p.fold)
				break
			}
		}
		if n > 0 {
			for k := i; k < i+n; k++ {
				toks[k].filler, toks[k].speech = true, true
			}
			i += n
			continue
		}
		if !(toks[i].cap && !toks[i].start) {
			for _, p := range fillerIndex[toks[i].fold] {
				if i+len(p.fold) <= len(toks) && matchAt(toks, i, p) {
					n = len(p.fold)
					break
				}
			}
		}
		if n == 0 {
			i++
			continue
		}
		for k := i; k < i+n; k++ {
			toks[k].filler = true
		}
		i += n
	}
}

// matchAt reports whether phrase p starts at toks[i]. A word typed with
// marks compares with marks, a bare ASCII word on its folded form.
func matchAt(toks []token, i int, p filler) bool {
	for k := range p.fold {
		t := toks[i+k]
		if t.fold != p.fold[k] {
			return false
		}
		if t.lower != t.fold && t.lower != p.lower[k] {
			return false
		}
	}
	return true
}
