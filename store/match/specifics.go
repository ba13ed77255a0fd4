package match

import (
	"slices"
	"strings"
)

// A specific is what tells one demand from another on the same topic: the
// hamlet, commune, road, bridge, school, project or person it is about
// (the same topic about a different place or object is not a repeat). It is found as a type word followed by a proper name ("cầu Đá",
// "xã Xuân Lập", "thôn 3"), a canonical road token ("dt612"), or a run of
// capitalised words in mid-sentence ("qua Bảo Sơn").
type specific struct {
	class  uint8    // what kind of thing; conflicts are judged within a class
	phrase []string // folded words that must occur in a text that names it
	// marks are the phrase's words in lower case with their marks, nil
	// when the text wrote none of them with a mark: words that fold alike
	// may be other names (bản Sình, bản Sinh).
	marks []string
}

// newSpecific makes the specific of class named by the tokens.
func newSpecific(class uint8, toks ...token) specific {
	sp := specific{class: class, phrase: folds(toks)}
	for _, t := range toks {
		if t.lower != t.fold {
			sp.marks = make([]string, len(toks))
			for i, t := range toks {
				sp.marks[i] = t.lower
			}
			break
		}
	}
	return sp
}

// Specific classes. Object types (bridge, lake, school …) get their own class
// each, numbered from classObject.
const (
	className     uint8 = iota // capitalised words without a type word
	classPerson                // a person named after Ông/Bà/của
	classVillage               // thôn, xóm, bản, ấp, tổ dân phố
	classCommune               // xã, phường, thị trấn
	classDistrict              // huyện, quận, thị xã, thành phố
	classRoad                  // QL/ĐT/ĐH numbers, named streets
	classObject                // first object type; see typeWords
)

// typeWords lists the words that introduce a named place or object, with
// their class. Each group shares a class: "cầu" and "cầu tràn" name the same
// kind of thing. Words are matched with marks when the text has them.
var typeWords = []struct {
	class uint8
	words []string
}{
	{classVillage, []string{"thôn", "xóm", "bản", "ấp", "tổ dân phố", "khu phố", "tổ", "buôn", "làng", "khối"}},
	{classCommune, []string{"xã", "phường", "thị trấn", "đặc khu"}},
	{classDistrict, []string{"huyện", "quận", "thị xã", "thành phố"}},
	{classRoad, []string{"đường", "tuyến", "phố", "ngõ", "cao tốc"}},
	{classPerson, []string{"ông", "bà", "anh", "chị", "cháu", "của", "hộ", "gia đình"}},
	{classObject + 0, []string{"cầu tràn", "cầu treo", "cầu"}},
	{classObject + 1, []string{"hồ chứa", "hồ", "đập dâng", "đập"}},
	{classObject + 2, []string{"kênh", "mương", "sông", "suối", "ngòi", "khe", "cống", "trạm bơm", "đê", "kè"}},
	{classObject + 3, []string{"trường"}},
	{classObject + 4, []string{"dự án", "khu dân cư", "khu tái định cư", "khu đô thị", "khu công nghiệp", "cụm công nghiệp", "khu"}},
	{classObject + 5, []string{"công ty", "nhà máy", "trang trại", "doanh nghiệp", "xí nghiệp"}},
	{classObject + 6, []string{"bệnh viện", "trạm y tế", "trung tâm y tế", "phòng khám"}},
	{classObject + 7, []string{"chợ", "nhà văn hóa", "sân vận động", "nghĩa trang", "bãi rác", "đền", "chùa", "đình", "bến", "trạm biến áp", "nhà máy nước"}},
}

// descriptors may sit between a type word and the name: "trường tiểu học và
// trung học cơ sở Xuân Lập", "hồ chứa nước Vũng Sâu", "khu dân cư mới Gò Cao".
var descriptors = setOf("tieu", "hoc", "trung", "co", "so", "pho", "thong", "mam", "non",
	"va", "lien", "cap", "nuoc", "moi", "cu", "sinh", "thai", "tran", "dan",
	"cong", "nghiep", "tai", "dinh", "do", "thi", "chan", "nuoi", "lon", "ga", "gach", "tuynel", "cp", "tnhh")

// levels are the school-level words, skipped even when capitalised:
// "Trường Mầm non Vân Hòa số 2" is named "Vân Hòa số 2".
var levels = setOf("tieu", "hoc", "trung", "co", "so", "pho", "thong", "mam", "non", "lien", "cap")

func setOf(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// typeIndex maps a folded first word to the type phrases it starts, longest first.
var typeIndex = func() map[string][]typePhrase {
	m := map[string][]typePhrase{}
	for _, g := range typeWords {
		for _, w := range g.words {
			p := typePhrase{class: g.class, f: filler{strings.Fields(w), strings.Fields(Fold(w))}}
			m[p.f.fold[0]] = append(m[p.f.fold[0]], p)
		}
	}
	for _, ps := range m {
		for i := 1; i < len(ps); i++ {
			for j := i; j > 0 && len(ps[j].f.fold) > len(ps[j-1].f.fold); j-- {
				ps[j], ps[j-1] = ps[j-1], ps[j]
			}
		}
	}
	return m
}()

type typePhrase struct {
	class uint8
	f     filler
}

// maxName bounds the words of one proper name.
const maxName = 4

// specifics extracts the specifics of a token stream.
func specifics(toks []token) []specific {
	var out []specific
	used := make([]bool, len(toks))
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.road {
			out = append(out, specific{class: classRoad, phrase: []string{t.fold}})
			used[i] = true
			continue
		}
		tp, n := typeAt(toks, i)
		if n == 0 {
			continue
		}
		j := i + n
		school := tp.class == classObject+3
		for j < len(toks) && j-i-n < 8 && (school && levels[toks[j].fold] || descriptors[toks[j].fold] && !(toks[j].cap && !toks[j].start)) {
			j++
		}
		markUsed(used, i, j) // type and descriptor words are never names themselves
		if j >= len(toks) {
			break
		}
		if isNumber(toks[j].fold) {
			if tp.class == classPerson || tp.class == classRoad && toks[i+n-1].fold != "duong" {
				continue
			}
			out = append(out, newSpecific(tp.class, toks[i+n-1], toks[j]))
			markUsed(used, i, j+1)
			i = j
			continue
		}
		k := j
		for k < len(toks) && k-j < maxName && isNameToken(toks[k]) {
			k++
		}
		if k == j {
			continue
		}
		if tp.class == classPerson && i == 0 {
			// The speaker ("Ông Lường Văn Hải: …") says who talks, not what
			// about: not a specific, and weighed down like filler.
			markUsed(used, i, k)
			for x := i; x < k; x++ {
				toks[x].filler = true
			}
			i = k - 1
			continue
		}
		ph := slices.Clone(toks[j:k])
		if len(ph) == 1 {
			ph = []token{toks[i+n-1], ph[0]} // "cầu Đá": "đá" alone says little
		}
		if k+1 < len(toks) && toks[k].fold == "so" && isNumber(toks[k+1].fold) {
			ph = append(ph, toks[k], toks[k+1]) // "Trường … số 2"
			k += 2
		}
		out = append(out, newSpecific(tp.class, ph...))
		markUsed(used, i, k)
		i = k - 1
	}
	// Capitalised runs in mid-sentence that no type word introduced.
	for i := 0; i < len(toks); i++ {
		if used[i] || !toks[i].cap || toks[i].start || toks[i].filler {
			continue
		}
		k := i
		for k < len(toks) && k-i < maxName && !used[k] && toks[k].cap && (k == i || !toks[k].start) {
			k++
		}
		out = append(out, newSpecific(className, toks[i:k]...))
		i = k - 1
	}
	return out
}

// isNameToken reports whether t can be part of a proper name: a capitalised
// word in mid-sentence. Text typed all in lower case yields no names; the
// text score alone decides for it.
func isNameToken(t token) bool {
	return t.cap && !t.start && !t.road
}

func markUsed(used []bool, i, j int) {
	for k := i; k < j && k < len(used); k++ {
		used[k] = true
	}
}

func folds(toks []token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.fold
	}
	return out
}

// typeAt recognises a type word at toks[i].
func typeAt(toks []token, i int) (typePhrase, int) {
	for _, p := range typeIndex[toks[i].fold] {
		if i+len(p.f.fold) <= len(toks) && matchAt(toks, i, p.f) {
			return p, len(p.f.fold)
		}
	}
	return typePhrase{}, 0
}

// isNumber accepts short digit strings (hamlet numbers, "số 2").
func isNumber(s string) bool {
	if s == "" || len(s) > 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Specifics returns the specifics of s, each as its folded words joined by a
// space ("cau da", "xuan lap", "thon 3", "dt612"). The TUI may show them next
// to a hit; the tests use them.
func Specifics(s string) []string {
	sp := specifics(analyze(s))
	out := make([]string, len(sp))
	for i, x := range sp {
		out[i] = strings.Join(x.phrase, " ")
	}
	return out
}

// markHash is a hash of a word as written with its marks; never 0, which
// stands for a phrase written without marks.
func markHash(w string) int32 {
	h := uint32(2166136261) // FNV-1a
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * 16777619
	}
	if h == 0 {
		h = 1
	}
	return int32(h)
}

// appendMarks appends the mark hashes of a specific's words, 0 for each
// when it was written without marks.
func appendMarks(dst []int32, s specific) []int32 {
	for i := range s.phrase {
		if s.marks == nil {
			dst = append(dst, 0)
		} else {
			dst = append(dst, markHash(s.marks[i]))
		}
	}
	return dst
}

// otherMarks reports whether two specifics with these word ids and mark
// hashes fold alike but are both written with marks, and not the same
// ones: other names (bản Sình, bản Sinh), not the same thing.
func otherMarks(aIDs, aMarks, bIDs, bMarks []int32) bool {
	return len(aMarks) > 0 && aMarks[0] != 0 && len(bMarks) > 0 && bMarks[0] != 0 &&
		slices.Equal(aIDs, bIDs) && !slices.Equal(aMarks, bMarks)
}
