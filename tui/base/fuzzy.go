package base

import (
	"unicode"

	"github.com/sahilm/fuzzy"
	"golang.org/x/text/unicode/norm"
)

// FoldRune maps a letter to its base letter without marks (ệ → e, Đ → d) and
// lower case. Each rune maps to exactly one rune, so positions in the folded
// string are positions in the original.
func FoldRune(r rune) rune {
	if r < 0x80 {
		return unicode.ToLower(r)
	}
	if r == 'đ' || r == 'Đ' {
		return 'd'
	}
	d := norm.NFD.String(string(r))
	for _, b := range d {
		return unicode.ToLower(b)
	}
	return r
}

// FoldRunes folds every rune of s (see FoldRune).
func FoldRunes(s string) []rune {
	rs := []rune(norm.NFC.String(s))
	for i, r := range rs {
		rs[i] = FoldRune(r)
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
