package match

import "hash/maphash"

// Typo tolerance: a query word the index has never seen is replaced by the
// most frequent indexed word within one edit (insertion, deletion,
// substitution or swap of neighbours: "ngp" → "ngap", "hnơ" → "hon"). The
// neighbourhood is found the symmetric-delete way: each indexed word is
// filed under itself and every one-letter deletion of it, so a lookup costs
// a handful of map probes instead of a scan of the vocabulary.

var typoSeed = maphash.MakeSeed()

// minTypoLen is the shortest word that is corrected; shorter words have too
// many neighbours to guess from.
const minTypoLen = 3

func typoKey(s string) uint64 { return maphash.String(typoSeed, s) }

// typoCandidate reports whether term t takes part in typo correction: a
// plain ASCII word (folded Vietnamese is ASCII) of a sensible length.
func typoCandidate(t string) bool {
	if len(t) < minTypoLen || len(t) > 16 {
		return false
	}
	digits := 0
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch {
		case 'a' <= c && c <= 'z':
		case '0' <= c && c <= '9':
			digits++
		default:
			return false
		}
	}
	return digits == 0
}

// addDeletes files a new unigram under its deletion neighbourhood.
func (ix *Index) addDeletes(t string, id int32) {
	if !typoCandidate(t) {
		return
	}
	ix.deletes[typoKey(t)] = append(ix.deletes[typoKey(t)], id)
	buf := make([]byte, 0, len(t))
	for i := 0; i < len(t); i++ {
		buf = append(append(buf[:0], t[:i]...), t[i+1:]...)
		k := typoKey(string(buf))
		ix.deletes[k] = append(ix.deletes[k], id)
	}
}

// correct returns the indexed word closest to w, or w when w is known, too
// short, or has no neighbour. Among neighbours it prefers one with the same
// first letter (typists rarely miss the first key: "Kâu" is "Khâu", not
// "cầu"), then the most frequent. Callers hold the read lock.
func (ix *Index) correct(w string) string {
	if id, ok := ix.termID[w]; ok && ix.df[id] > 0 || !typoCandidate(w) {
		return w
	}
	best, bestRank := w, int64(0)
	try := func(k uint64) {
		for _, id := range ix.deletes[k] {
			t := ix.terms[id]
			rank := int64(ix.df[id])
			if t[0] == w[0] {
				rank += 1 << 40
			}
			if ix.df[id] > 0 && rank > bestRank && withinOneEdit(w, t) {
				best, bestRank = t, rank
			}
		}
	}
	try(typoKey(w))
	buf := make([]byte, 0, len(w))
	for i := 0; i < len(w); i++ {
		buf = append(append(buf[:0], w[:i]...), w[i+1:]...)
		try(typoKey(string(buf)))
	}
	return best
}

// withinOneEdit reports whether a and b (ASCII) differ by at most one
// insertion, deletion, substitution or swap of neighbouring letters.
func withinOneEdit(a, b string) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	switch len(a) - len(b) {
	case 0:
		i := 0
		for i < len(a) && a[i] == b[i] {
			i++
		}
		if i == len(a) {
			return true
		}
		if a[i+1:] == b[i+1:] {
			return true // substitution
		}
		return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
	case 1:
		i := 0
		for i < len(b) && a[i] == b[i] {
			i++
		}
		return a[i+1:] == b[i:]
	}
	return false
}

// neighbours returns the ids of the indexed words one edit from w (w
// itself left out), whatever their frequency.
func (ix *Index) neighbours(w string) []int32 {
	var out []int32
	try := func(k uint64) {
		for _, id := range ix.deletes[k] {
			if t := ix.terms[id]; t != w && withinOneEdit(w, t) && !containsID(out, id) {
				out = append(out, id)
			}
		}
	}
	try(typoKey(w))
	buf := make([]byte, 0, len(w))
	for i := 0; i < len(w); i++ {
		buf = append(append(buf[:0], w[:i]...), w[i+1:]...)
		try(typoKey(string(buf)))
	}
	return out
}

// neighbourWords is neighbours as words.
func (ix *Index) neighbourWords(w string) []string {
	ids := ix.neighbours(w)
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = ix.terms[id]
	}
	return out
}

func containsID(ids []int32, x int32) bool {
	for _, y := range ids {
		if y == x {
			return true
		}
	}
	return false
}
