package match

import (
	"strings"
	"unicode/utf8"

	"txct/store/match/telex"
)

// Shared is one thing a remark and a petition both name: the same hamlet,
// commune, road, bridge, school, project or person. It says why a match was
// made, so a delegate can judge it at a glance.
type Shared struct {
	// What is the thing as the petition writes it ("cầu Đá", "ĐT.612"),
	// or as the remark does when the petition only has it in its location.
	What string `json:"what"`
	// Kind is what sort of thing it is: village, commune, district, road,
	// person, name, bridge, lake, canal, school, project, company, health,
	// public.
	Kind string `json:"kind"`
	// Remark and Petition are where it stands in each text, in rune
	// offsets; found with marks and case ignored, typing slips allowed.
	Remark   []Span `json:"remark"`
	Petition []Span `json:"petition"`
}

var classKinds = map[uint8]string{
	className: "name", classPerson: "person", classVillage: "village", classCommune: "commune",
	classDistrict: "district", classRoad: "road",
	classObject + 0: "bridge", classObject + 1: "lake", classObject + 2: "canal",
	classObject + 3: "school", classObject + 4: "project", classObject + 5: "company",
	classObject + 6: "health", classObject + 7: "public",
}

// SharedSpecifics returns what remark and petition (its text and location)
// both name, in the order the remark names them. Only the part of the
// remark in span counts when span is not empty (a demand of a longer
// remark); offsets are still of the whole remark.
func SharedSpecifics(remark string, span Span, petitionText, petitionLocation string) []Shared {
	part := remark
	if span.End > span.Start {
		part = runeSlice(remark, span.Start, span.End)
	}
	petWords := rawWords(petitionText)
	locWords := rawWords(petitionLocation)
	remWords := rawWords(remark)
	var out []Shared
	seen := map[string]bool{}
	for _, sp := range specifics(analyze(part)) {
		key := strings.Join(sp.phrase, " ")
		if seen[key] || sp.class == classPerson && len(sp.phrase) < 2 {
			continue
		}
		inRem := locate(remWords, sp.phrase, nil)
		if span.End > span.Start {
			inRem = within(inRem, span)
		}
		// Words that fold alike may differ in their marks (Sình and
		// sinh, Bóng and Bông): where the remark and the petition both
		// write the thing with marks, they must be the same ones.
		var marks []string
		if len(inRem) > 0 {
			marks = markedAt(remWords, inRem[0])
		}
		inPet := locate(petWords, sp.phrase, marks)
		if len(inPet) == 0 && len(locate(locWords, sp.phrase, marks)) == 0 {
			continue
		}
		seen[key] = true
		if inRem == nil {
			inRem = []Span{}
		}
		if inPet == nil {
			inPet = []Span{}
		}
		sh := Shared{Kind: classKinds[sp.class], Remark: inRem, Petition: inPet}
		switch {
		case len(inPet) > 0:
			sh.What = runeSlice(petitionText, inPet[0].Start, inPet[0].End)
		case len(inRem) > 0:
			sh.What = runeSlice(remark, inRem[0].Start, inRem[0].End)
		default:
			sh.What = key
		}
		out = append(out, sh)
	}
	return out
}

// rawWord is one word of a text as typed, with its rune offsets and, after
// Telex/VNI leftovers are decoded, its lower-case and folded forms.
type rawWord struct {
	lower, fold string
	start, end  int
}

// markedAt returns the lower-case forms of the words in span, or nil when
// none of them carries a mark (typed without marks, the folded forms are
// all there is to compare).
func markedAt(words []rawWord, span Span) []string {
	var out []string
	marked := false
	for _, w := range words {
		if w.start >= span.Start && w.end <= span.End {
			out = append(out, w.lower)
			marked = marked || w.lower != w.fold
		}
	}
	if !marked {
		return nil
	}
	return out
}

func rawWords(s string) []rawWord {
	if len(s) > maxText {
		s = s[:maxText]
	}
	var out []rawWord
	r, start := 0, -1
	startByte := 0
	flush := func(endByte, endRune int) {
		w := strings.ToLower(telex.DecodeVNIText(telex.DecodeText(s[startByte:endByte])))
		out = append(out, rawWord{lower: w, fold: Fold(w), start: start, end: endRune})
		start = -1
	}
	for i, c := range s {
		if isWordRune(c) {
			if start < 0 {
				start, startByte = r, i
			}
		} else if start >= 0 {
			flush(i, r)
		}
		r++
	}
	if start >= 0 {
		flush(len(s), r)
	}
	return out
}

// locate finds the phrase's folded words as consecutive words. A road
// token ("dt612", "r533") is found by its number and the words before it
// that name its class ("ĐT.612", "đường tỉnh 612", "tỉnh lộ 612"). When
// marks holds the phrase's words as the other text writes them with marks
// (lower case), an occurrence written with marks too must have the same
// ones on the words that fold the same; one typed without marks matches
// on its folded forms, and a typing slip is still allowed on them.
func locate(words []rawWord, phrase []string, marks []string) []Span {
	if len(marks) != len(phrase) {
		marks = nil
	}
	var out []Span
	if len(phrase) == 1 {
		if _, num, ok := splitRoad(phrase[0]); ok {
			for i, w := range words {
				if w.fold == phrase[0] || w.fold == num && i > 0 && roadWordBefore(words, i) {
					s := Span{w.start, w.end}
					if w.fold == num {
						s.Start = words[i-1].start
						if i > 1 && roadPrefixes[words[i-2].fold+" "+words[i-1].fold] != "" {
							s.Start = words[i-2].start
						}
					}
					out = append(out, s)
				}
			}
			return out
		}
	}
	for i := 0; i+len(phrase) <= len(words); i++ {
		ok := true
		marked := false
		for k, p := range phrase {
			f := words[i+k].fold
			if f != p && !(mistyped(f) && withinOneEdit(f, p)) && !(mistyped(p) && withinOneEdit(p, f)) {
				ok = false
				break
			}
			marked = marked || words[i+k].lower != f
		}
		for k := range phrase {
			if ok && marked && marks != nil && words[i+k].fold == phrase[k] && words[i+k].lower != marks[k] {
				ok = false
			}
		}
		if ok {
			out = append(out, Span{words[i].start, words[i+len(phrase)-1].end})
			i += len(phrase) - 1
		}
	}
	return out
}

// roadWordBefore reports whether the words before words[i] name a road
// class ("ĐT", "đường tỉnh", "đường").
func roadWordBefore(words []rawWord, i int) bool {
	p := words[i-1].fold
	if roadPrefixes[p] != "" || p == "duong" {
		return true
	}
	return i > 1 && roadPrefixes[words[i-2].fold+" "+p] != ""
}

func within(spans []Span, outer Span) []Span {
	var out []Span
	for _, s := range spans {
		if s.Start >= outer.Start && s.End <= outer.End {
			out = append(out, s)
		}
	}
	return out
}

// runeSlice returns the runes [from, to) of s.
func runeSlice(s string, from, to int) string {
	i, r := 0, 0
	start := len(s)
	for i < len(s) {
		if r == from {
			start = i
		}
		if r == to {
			return s[start:i]
		}
		_, n := utf8.DecodeRuneInString(s[i:])
		i += n
		r++
	}
	if r == from {
		start = len(s)
	}
	return s[start:]
}
