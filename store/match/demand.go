package match

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A voter speaks longer than a petition is written: a greeting or thanks,
// the demand, sometimes a second demand, a plea to be answered. The remark
// is cut into clauses (at sentence ends, commas and colons), clauses that
// are only speech are set aside, and the rest are grouped into demands. Each
// demand, each pair of neighbouring demands and all of them together are
// scored against the archive, and a petition keeps the best, so words that
// say nothing about the demand neither dilute nor make a match.

// Span is a part of a remark in rune offsets, Start inclusive, End
// exclusive.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// clause is one piece of a remark between punctuation.
type clause struct {
	span     Span
	toks     []token
	sentence bool // starts a sentence
}

// demand is a run of clauses that asks one thing.
type demand struct {
	span Span
	toks []token
}

// demandCues open a demand in Vietnamese speech.
var demandCues = phraseIndex([]string{"đề nghị", "kiến nghị", "mong", "xin", "yêu cầu",
	"tại sao", "vì sao", "bao giờ", "khi nào", "đề xuất", "hỏi"})

// demandOpeners start another demand even inside a sentence.
var demandOpeners = phraseIndex([]string{"thứ hai", "thứ ba", "thứ tư", "ngoài ra",
	"đồng thời", "bên cạnh đó", "một việc nữa", "việc thứ hai", "còn nữa", "tiếp theo",
	"một vấn đề nữa", "thêm nữa", "nữa là", "một ý nữa", "ý thứ hai"})

// maxDemands bounds the demands one remark is scored by; a remark is a few
// sentences, so more is pasted text and only costs time.
const maxDemands = 12

// demands splits text into its demands, speech left out. Identical demands
// (a sentence said twice) are kept once.
func demands(text string) []demand {
	var out []demand
	seen := map[string]bool{}
	var cur *demand
	curCue := false
	flush := func() {
		if cur != nil && len(cur.toks) > 0 {
			key := foldedKey(cur.toks)
			if !seen[key] && len(out) < maxDemands {
				seen[key] = true
				out = append(out, *cur)
			}
		}
		cur, curCue = nil, false
	}
	for _, c := range clauses(text) {
		if isSpeech(c.toks) {
			continue
		}
		cue := hasPhraseAt(c.toks, demandCues)
		opens := startsWith(c.toks, demandOpeners)
		// A clause that names nothing to act on ("đề nghị tỉnh sớm sửa
		// chữa") is about the thing named before it, not a demand alone.
		joins := cur != nil && !opens && objectless(c.toks)
		if !joins && (cur == nil || c.sentence || opens || cue && curCue) {
			flush()
			cur = &demand{span: c.span}
		}
		cur.span.End = c.span.End
		cur.toks = append(cur.toks, c.toks...)
		curCue = curCue || cue
	}
	flush()
	return out
}

// isSpeech reports whether a clause says nothing about what is asked: no
// word that is neither speech nor filler, or one such word beside a
// greeting, thanks or plea ("xin cảm ơn các đại biểu nhiều"). A short
// clause that asks ("đề nghị sửa") is a demand.
func isSpeech(toks []token) bool {
	content, speech := 0, false
	cue := phraseMask(toks, demandCues)
	for i, t := range toks {
		switch {
		case !t.filler:
			content++
		case t.speech && !cue[i]:
			speech = true
		}
	}
	return content == 0 || content == 1 && speech && len(specifics(toks)) == 0
}

// objectless reports whether a clause holds no word that may name the
// object of a demand: only cues, filler, generic and action words.
func objectless(toks []token) bool {
	for _, t := range toks {
		if !t.filler && (t.road || objectWord(t.fold)) {
			return false
		}
	}
	return true
}

func foldedKey(toks []token) string {
	var b strings.Builder
	for _, t := range toks {
		b.WriteString(t.fold)
		b.WriteByte(' ')
	}
	return b.String()
}

// phraseMask marks the tokens that belong to a phrase of idx.
func phraseMask(toks []token, idx map[string][]filler) []bool {
	m := make([]bool, len(toks))
	for i := range toks {
		for _, p := range idx[toks[i].fold] {
			if i+len(p.fold) <= len(toks) && matchAt(toks, i, p) {
				for k := i; k < i+len(p.fold); k++ {
					m[k] = true
				}
				break
			}
		}
	}
	return m
}

// hasPhraseAt reports whether any phrase of idx occurs in toks.
func hasPhraseAt(toks []token, idx map[string][]filler) bool {
	for i := range toks {
		for _, p := range idx[toks[i].fold] {
			if i+len(p.fold) <= len(toks) && matchAt(toks, i, p) {
				return true
			}
		}
	}
	return false
}

// startsWith reports whether toks open with a phrase of idx.
func startsWith(toks []token, idx map[string][]filler) bool {
	if len(toks) == 0 {
		return false
	}
	for _, p := range idx[toks[0].fold] {
		if len(p.fold) <= len(toks) && matchAt(toks, 0, p) {
			return true
		}
	}
	return false
}

// clauses cuts text at sentence ends, commas, colons and dashes between
// spaces, and analyses each piece. Offsets are runes of text. Only the
// first maxText bytes are looked at.
func clauses(text string) []clause {
	if len(text) > maxText {
		cut := maxText
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	var out []clause
	startByte, startRune := 0, 0
	sentence := true
	nextSentence := false
	emit := func(endByte, endRune int) {
		piece := text[startByte:endByte]
		if toks := analyzePart(piece, !sentence); len(toks) > 0 {
			// Trim the span to the piece's letters.
			lead := leadingNonWord(piece)
			trail := trailingNonWord(piece)
			out = append(out, clause{
				span:     Span{Start: startRune + lead, End: endRune - trail},
				toks:     toks,
				sentence: sentence,
			})
			sentence = false
		}
		if nextSentence {
			sentence = true
			nextSentence = false
		}
	}
	runeIdx := 0
	prevWord := ""
	wordStart := -1
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) {
			if wordStart < 0 {
				wordStart = i
			}
			i += size
			runeIdx++
			continue
		}
		if wordStart >= 0 {
			prevWord = text[wordStart:i]
			wordStart = -1
		}
		next := i + size
		atGap := next >= len(text) || !isWordRune(firstRune(text[next:]))
		cut := false
		switch r {
		case '.', '!', '?', ';', '\n', '…':
			if atGap && !(r == '.' && isDotAbbrev(prevWord)) {
				cut, nextSentence = true, true
			}
		case ',', ':', '(', ')':
			cut = true
		case '-', '–', '—':
			cut = atGap && i > 0 && unicode.IsSpace(lastRune(text[:i]))
		}
		i = next
		runeIdx++
		if cut {
			emit(i, runeIdx)
			startByte, startRune = i, runeIdx
		}
	}
	if startByte < len(text) {
		emit(len(text), runeIdx)
	} else if nextSentence {
		sentence = true
	}
	return out
}

// isDotAbbrev reports whether a word followed by a dot is an abbreviation
// ("x. Xuân Lập", "th. An Lạc") rather than a sentence end.
func isDotAbbrev(w string) bool {
	f := Fold(w)
	return dotAbbrevs[f] != "" || f == "km" || f == "tl" || f == "ql" || f == "dt"
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func leadingNonWord(s string) int {
	n := 0
	for _, r := range s {
		if isWordRune(r) {
			break
		}
		n++
	}
	return n
}

func trailingNonWord(s string) int {
	n := 0
	for len(s) > 0 {
		r, size := utf8.DecodeLastRuneInString(s)
		if isWordRune(r) {
			break
		}
		n++
		s = s[:len(s)-size]
	}
	return n
}

// Demands returns the parts of text the engine scores as separate demands,
// speech left out, in rune offsets.
func Demands(text string) []Span {
	ds := demands(text)
	out := make([]Span, len(ds))
	for i, d := range ds {
		out[i] = d.span
	}
	return out
}
