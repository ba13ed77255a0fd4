package match

import "strings"

// Term kinds are told apart by the term's text, so the index needs no side
// table: filler words start with '~', bigrams hold a space, road numbers are
// single tokens such as "dt612" marked by their prefix and digits.
const fillerMark = "~"

// termsOf returns the index terms of a token stream: every word (filler
// words marked), and every pair of neighbouring non-filler words.
func termsOf(toks []token) []string {
	out := make([]string, 0, 2*len(toks))
	for i, t := range toks {
		if t.filler {
			out = append(out, fillerMark+t.fold)
			continue
		}
		out = append(out, t.fold)
		if i+1 < len(toks) && !toks[i+1].filler {
			out = append(out, t.fold+" "+toks[i+1].fold)
		}
	}
	return out
}

// termFactor is how much a term counts besides its rarity: filler words
// little, road numbers and word pairs more than single words.
func termFactor(t string) float64 {
	switch {
	case strings.HasPrefix(t, fillerMark):
		return 0.15
	case strings.IndexByte(t, ' ') >= 0:
		return 1.0
	case isRoadToken(t):
		return 2.0
	}
	return 1.0
}

func isRoadToken(t string) bool {
	_, _, ok := splitRoad(t)
	return ok
}
