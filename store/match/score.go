package match

import (
	"math"
	"sort"
)

// Hit is one archived petition a remark may repeat.
type Hit struct {
	ID    string  // the petition id
	Score float64 // 0–1; higher is more alike
}

// Result is the outcome of one repeat check.
type Result struct {
	// Repeat is the engine's own decision: the best hit scores at least
	// the index's Threshold.
	Repeat bool
	// Hits are the best candidates, best first.
	Hits []Hit
}

// Scoring constants. They were set by reasoning about the task and checked
// coarsely on the dev pack; none is fitted to a single case.
const (
	candidates = 64   // documents re-scored per query
	minScore   = 0.05 // hits below this are noise and are not returned
	bm25K1     = 1.2
	bm25B      = 0.5
	// spec* shape the specifics factor (see specFactor).
	specBonus    = 0.10 // per shared specific, at most three
	specConflict = 0.45 // per class where query and petition name different things
	specMismatch = 0.70 // each side names something the other does not
	specNone     = 0.80 // the query names things, the petition none of them
)

// query is a remark analysed against the index's vocabulary.
type query struct {
	ids   []int32   // sorted known term ids
	w     []float64 // weight of ids[i]
	total float64   // weight of all terms, unknown ones included
	set   map[string]bool
	specs []specific
}

// Check scores text against the index and returns the top best hits.
// An empty or junk text gives an empty Result. Safe for concurrent use.
func (ix *Index) Check(text string, top int) Result {
	if top <= 0 {
		top = 5
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.live == 0 {
		return Result{}
	}
	q := ix.prepare(text)
	if len(q.ids) == 0 {
		return Result{}
	}
	cands := ix.candidates(q)
	hits := make([]Hit, 0, len(cands))
	for _, slot := range cands {
		if s := ix.rescore(q, &ix.docs[slot]); s >= minScore {
			hits = append(hits, Hit{ID: ix.docs[slot].id, Score: s})
		}
	}
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].Score != hits[j].Score {
			return hits[i].Score > hits[j].Score
		}
		return hits[i].ID < hits[j].ID
	})
	if len(hits) > top {
		hits = hits[:top]
	}
	return Result{Repeat: len(hits) > 0 && hits[0].Score >= ix.Threshold, Hits: hits}
}

// idf is the BM25 rarity of a term held by df of the live documents.
func (ix *Index) idf(df int32) float64 {
	n := float64(ix.live)
	return math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5))
}

// weight is how much term id counts.
func (ix *Index) weight(id int32) float64 {
	return ix.idf(ix.df[id]) * termFactor(ix.terms[id])
}

// prepare analyses text, corrects typos against the vocabulary and weighs
// the terms.
func (ix *Index) prepare(text string) query {
	toks := analyze(text)
	for i := range toks {
		if !toks[i].filler && !toks[i].road {
			toks[i].fold = ix.correct(toks[i].fold)
		}
	}
	toks = ix.resolveRoads(toks)
	q := query{specs: specifics(toks), set: map[string]bool{}}
	unknown := ix.idf(1) // an unseen term is as rare as a term can be
	for _, t := range termsOf(toks) {
		if q.set[t] {
			continue
		}
		q.set[t] = true
		id, ok := ix.termID[t]
		if !ok || ix.df[id] == 0 {
			q.total += unknown * termFactor(t)
			continue
		}
		q.ids = append(q.ids, id)
	}
	q.ids = sortUnique(q.ids)
	q.w = make([]float64, len(q.ids))
	for i, id := range q.ids {
		q.w[i] = ix.weight(id)
		q.total += q.w[i]
	}
	return q
}

// resolveRoads turns "đường 533", a road number without its class, into the
// road token the archive knows (dt533, ql533 or dh533) when exactly one
// class has that number.
func (ix *Index) resolveRoads(toks []token) []token {
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].fold != "duong" || !isRoadNumber(toks[i+1].fold) || len(toks[i+1].fold) < 2 {
			continue
		}
		found := ""
		for _, p := range [...]string{"ql", "dt", "dh"} {
			if id, ok := ix.termID[p+toks[i+1].fold]; ok && ix.df[id] > 0 {
				if found != "" {
					found = ""
					break
				}
				found = p + toks[i+1].fold
			}
		}
		if found != "" {
			toks[i] = token{fold: found, lower: found, start: toks[i].start, road: true}
			toks = append(toks[:i+1], toks[i+2:]...)
		}
	}
	return toks
}

// scratch is the per-query working memory of candidates, pooled so that a
// check allocates little and the collector stays quiet.
type scratch struct {
	acc     []float32
	touched []int32
}

// candidates returns the slots of the documents with the best BM25 score.
// Terms held by more than an eighth of the archive are left out here (they
// cannot single out a petition and their postings are the longest); the
// re-scoring still counts them.
func (ix *Index) candidates(q query) []int32 {
	sc, _ := ix.scratch.Get().(*scratch)
	if sc == nil {
		sc = &scratch{}
	}
	defer ix.scratch.Put(sc)
	if len(sc.acc) < len(ix.docs) {
		sc.acc = make([]float32, len(ix.docs)+len(ix.docs)/4+16)
	}
	acc, touched := sc.acc, sc.touched[:0]
	common := int32(ix.live / 8)
	rare := 0
	for _, id := range q.ids {
		if ix.df[id] <= common {
			rare++
		}
	}
	for i, id := range q.ids {
		if rare > 0 && ix.df[id] > common {
			continue
		}
		w := float32(q.w[i] * (bm25K1 + 1))
		for _, slot := range ix.post[id] {
			norm := ix.norm[slot]
			if norm == 0 {
				continue // removed
			}
			if acc[slot] == 0 {
				touched = append(touched, slot)
			}
			acc[slot] += w / norm
		}
	}
	k := candidates
	if len(touched) < k {
		k = len(touched)
	}
	// Partial selection: keep the k best in a small sorted buffer.
	best := make([]int32, 0, k+1)
	for _, s := range touched {
		if len(best) == k && acc[s] <= acc[best[k-1]] {
			continue
		}
		pos := sort.Search(len(best), func(i int) bool { return acc[best[i]] < acc[s] })
		best = append(best, 0)
		copy(best[pos+1:], best[pos:])
		best[pos] = s
		if len(best) > k {
			best = best[:k]
		}
	}
	for _, s := range touched {
		acc[s] = 0
	}
	sc.touched = touched
	return best
}

// rescore returns the 0–1 similarity of the query and one document: how much
// of each the other covers, times the specifics factor.
func (ix *Index) rescore(q query, d *docEntry) float64 {
	var qShared, dShared, dTotal float64
	j, k := 0, 0
	for i, id := range q.ids {
		for j < len(d.terms) && d.terms[j] < id {
			j++
		}
		if j < len(d.terms) && d.terms[j] == id {
			qShared += q.w[i]
			dShared += q.w[i]
			continue
		}
		for k < len(d.loc) && d.loc[k] < id {
			k++
		}
		if k < len(d.loc) && d.loc[k] == id {
			qShared += q.w[i]
		}
	}
	for _, id := range d.terms {
		dTotal += ix.weight(id)
	}
	if q.total == 0 || dTotal == 0 {
		return 0
	}
	qc, dc := qShared/q.total, math.Min(1, dShared/dTotal)
	text := 0.5*math.Max(qc, dc) + 0.5*math.Min(qc, dc)
	s := text * ix.specFactor(q, d)
	return math.Max(0, math.Min(1, s))
}

// specFactor rewards specifics the query and the petition share and
// penalises naming different things: the same demand about another hamlet,
// bridge or road is not a repeat (domain.md §7).
//
//   - a class where both name something and never the same thing (cầu Đá vs
//     cầu Ba Khe, xã Hải Minh vs xã Xuân Lập) is a conflict: × specConflict;
//   - otherwise, a name in the query the petition lacks while the petition
//     names a place or object the query lacks ("qua Bảo Sơn" vs "xã Mai
//     Đình") is a softer mismatch: × specMismatch;
//   - names the query shares lift the score a little (specBonus each);
//   - a query that names things of which the petition has none: × specNone.
func (ix *Index) specFactor(q query, d *docEntry) float64 {
	has := func(t string) bool {
		id, ok := ix.termID[t]
		return ok && (contains(d.terms, id) || contains(d.loc, id))
	}
	var qMatched, qNamed [classObject + 16]bool
	shared, unmatched := 0, 0
	for _, s := range q.specs {
		if phraseIn(s.phrase, has) {
			shared++
			qMatched[s.class] = true
		} else {
			unmatched++
		}
		qNamed[s.class] = true
	}
	conflicts, docOnly := 0, 0
	var seen [classObject + 16]bool
	var words []string
	for i := 0; i+1 < len(d.specs); {
		class, n := d.specs[i], int(d.specs[i+1])
		words = words[:0]
		for _, id := range d.specs[i+2 : i+2+n] {
			words = append(words, ix.terms[id])
		}
		i += 2 + n
		c := uint8(class)
		if int(c) >= len(seen) || c == className || c == classDistrict || c == classPerson && !qNamed[c] {
			continue
		}
		if phraseIn(words, func(t string) bool { return q.set[t] }) {
			continue
		}
		docOnly++
		if qNamed[c] && !qMatched[c] && !seen[c] {
			seen[c] = true
			conflicts++
		}
	}
	f := 1 + specBonus*float64(min(shared, 3))
	switch {
	case conflicts > 0:
		f *= math.Pow(specConflict, float64(conflicts))
	case unmatched > 0 && docOnly > 0:
		f *= specMismatch
	}
	if shared == 0 && unmatched > 0 {
		f *= specNone
	}
	return f
}

// phraseIn reports whether a text holding the terms has() accepts names the
// phrase: every word, and for several words at least one neighbouring pair
// (so "Đồng Tâm Sơn Thịnh" finds "thôn Đồng Tâm, xã Sơn Thịnh").
func phraseIn(words []string, has func(string) bool) bool {
	if len(words) == 0 {
		return false
	}
	for _, w := range words {
		if !has(w) {
			return false
		}
	}
	if len(words) == 1 {
		return true
	}
	for i := 0; i+1 < len(words); i++ {
		if has(words[i] + " " + words[i+1]) {
			return true
		}
	}
	return false
}
