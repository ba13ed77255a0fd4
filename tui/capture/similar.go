package capture

import (
	"strings"
	"unicode"

	"txct/tui/base"
)

// similar scores how alike two remarks of one session are (0–1): the Dice
// coefficient of their folded word bigrams. Two voters making the same demand
// in one hall use the same names for the same road or school, so shared
// bigrams are a fair cue for the merge offer; the person decides.
func similar(a, b string) float64 {
	ga, gb := bigrams(a), bigrams(b)
	if len(ga) == 0 || len(gb) == 0 {
		return 0
	}
	n := 0
	for g := range ga {
		if gb[g] {
			n++
		}
	}
	return 2 * float64(n) / float64(len(ga)+len(gb))
}

func bigrams(s string) map[string]bool {
	words := strings.FieldsFunc(string(base.FoldRunes(s)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	out := make(map[string]bool, len(words))
	for i := 0; i+1 < len(words); i++ {
		out[words[i]+" "+words[i+1]] = true
	}
	return out
}
