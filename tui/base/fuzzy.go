package base

import (
	"github.com/sahilm/fuzzy"
	"golang.org/x/text/unicode/norm"

	"txct/store/match"
)

// FoldRunes returns s in NFC with every rune folded by match.FoldRune
// (ệ → e, Đ → d, lower case): one folded rune per rune of the NFC text, so
// match positions are positions in the text shown.
func FoldRunes(s string) []rune {
	rs := []rune(norm.NFC.String(s))
	for i, r := range rs {
		rs[i] = match.FoldRune(r)
	}
	return rs
}

// Match is one fuzzy match: the index of the item and the rune positions that
// matched (rune positions, not sahilm's byte offsets, so highlighting works
// on Vietnamese text).
type Match struct {
	Index     int
	Positions []int
	Score     int
}

// FuzzyFind filters items with sahilm/fuzzy after folding accents on both
// sides, so "viet" finds "Việt" and "dong" finds "Đông".
func FuzzyFind(pattern string, items []string) []Match {
	folded := make([]string, len(items))
	for i, it := range items {
		folded[i] = string(FoldRunes(it))
	}
	p := string(FoldRunes(pattern))
	res := fuzzy.Find(p, folded)
	out := make([]Match, len(res))
	for i, r := range res {
		// folded strings may still hold multi-byte runes (letters outside
		// Vietnamese); turn byte offsets into rune positions.
		pos := make([]int, 0, len(r.MatchedIndexes))
		byteToRune := map[int]int{}
		ri := 0
		for bi := range r.Str {
			byteToRune[bi] = ri
			ri++
		}
		for _, b := range r.MatchedIndexes {
			pos = append(pos, byteToRune[b])
		}
		out[i] = Match{Index: r.Index, Positions: pos, Score: r.Score}
	}
	return out
}
