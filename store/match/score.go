package match

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strings"
)

// Hit is one archived petition a remark may repeat.
type Hit struct {
	ID    string  // the petition id
	Score float64 // 0–1; higher is more alike; the same at any archive size
	// Span is the part of the remark that matched it (rune offsets): one
	// demand of a remark that holds several, without greetings and thanks.
	Span Span
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
	candidates       = 64   // documents re-scored per remark
	demandCandidates = 24   // documents re-scored per demand besides those
	minScore         = 0.05 // hits below this are noise and are not returned
	minContent       = 2.0  // static weight of non-filler words a demand needs
	typoCredit       = 0.85 // share of a word's weight a one-edit slip keeps
	bm25K1           = 1.2
	bm25B            = 0.5
	// spec* shape the specifics factor (see specFactor).
	specBonus    = 0.10 // per shared specific, at most three
	specConflict = 0.45 // per class where query and petition name different things
	specMismatch = 0.70 // each side names something the other does not
	specNone     = 0.80 // the query names things, the petition none of them
	// objectMiss weighs a demand that shares no word naming what is to be
	// done with (see objectFactor).
	objectMiss   = 0.60
	objectShared = 2 // object words a petition must share (all, if fewer)
)

// query is a remark (or one demand of it) analysed for ranking: BM25
// weights from the archive, typos corrected against its vocabulary.
type query struct {
	ids []int32   // sorted known term ids
	w   []float64 // weight of ids[i]
}

// pairQuery is a demand analysed for the flag score, which depends on the
// demand and one petition only.
type pairQuery struct {
	span    Span
	terms   []int32 // indices into the remark's term table
	total   float64 // static weight of all terms, unknown ones included
	content float64 // static weight of the non-filler terms
	set     map[string]bool
	specs   []specific
	// objects counts the words (and pairs of them) that may name the
	// demand's object; objTerms are those of them the vocabulary holds.
	objects  int
	objTerms []int32
	// thing is set when a specific names a thing rather than a place: a
	// road, a bridge, a school, a name without a type word.
	thing bool
	// specSlips are, for the mistyped words of the specifics and the word
	// pairs holding them, the vocabulary terms they may be slips for.
	specSlips map[string][]int32
	// specIDs and specMarks are, for each specific, its words' ids (nil
	// when the vocabulary lacks one) and mark hashes, laid out as a
	// petition's specifics are.
	specIDs, specMarks [][]int32
	// specWords and specPairs are, for each specific, for each of its
	// words and each pair of neighbouring words, the vocabulary terms a
	// petition may hold it as (see specFactor's has).
	specWords, specPairs [][][]int32
	// words is specFactor's scratch for a petition specific's words,
	// reused across the candidates a demand is scored against.
	words []string
}

// otherMarksIn reports whether the petition names specific si of the
// demand with the same folded words but other marks.
func (q *pairQuery) otherMarksIn(si int, d *docEntry) bool {
	if q.specIDs[si] == nil || q.specMarks[si][0] == 0 {
		return false
	}
	for i := 0; i+1 < len(d.specs); {
		n := int(d.specs[i+1])
		if otherMarks(q.specIDs[si], q.specMarks[si], d.specs[i+2:i+2+n], d.specs[i+2+n:i+2+2*n]) {
			return true
		}
		i += 2 + 2*n
	}
	return false
}

// pairTerm is one term of a demand: the ids it matches in a petition (its
// own first, then the words it may be a slip for) and its static weight.
type pairTerm struct {
	ids    []int32
	w      float64
	credit []float64 // share of w each id earns
}

// Check scores text against the index and returns the top best hits.
// An empty or junk text gives an empty Result. Safe for concurrent use.
func (ix *Index) Check(text string, top int) Result {
	if top <= 0 {
		top = 5
	}
	ds := demands(text)
	if len(ds) == 0 {
		return Result{}
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.live == 0 {
		return Result{}
	}
	r := ix.prepareRemark(ds)
	// Which petitions to score: the best by BM25 for the whole remark and,
	// by their rarest words, for each demand.
	seen := map[int32]bool{}
	var cands []int32
	addCands := func(toks []token, k, rarest int) {
		for _, s := range ix.candidates(ix.prepare(toks, rarest), k) {
			if !seen[s] {
				seen[s] = true
				cands = append(cands, s)
			}
		}
	}
	addCands(r.all, candidates, remarkRarest)
	if len(ds) > 1 {
		for _, d := range ds {
			addCands(d.toks, demandCandidates, demandRarest)
		}
	}
	best := make(map[int32]Hit, len(cands))
	for _, slot := range cands {
		if s, span := r.score(ix, &ix.docs[slot]); s >= minScore {
			best[slot] = Hit{ID: ix.docs[slot].id, Score: s, Span: span}
		}
	}
	hits := make([]Hit, 0, len(best))
	for _, h := range best {
		hits = append(hits, h)
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
	// A text longer than any spoken remark is pasted junk: it is answered,
	// never flagged.
	repeat := len(hits) > 0 && hits[0].Score >= ix.Threshold && len(text) <= maxText
	return Result{Repeat: repeat, Hits: hits}
}

// scoringParts returns the parts of a remark that are scored: each demand,
// each pair of neighbouring demands (a demand may be said over two
// sentences), and all demands together, the last always last.
func scoringParts(ds []demand) []demand {
	out := append([]demand(nil), ds...)
	for i := 0; i+1 < len(ds); i++ {
		out = append(out, joinDemands(ds[i:i+2]))
	}
	if len(ds) > 2 {
		out = append(out, joinDemands(ds))
	}
	return out
}

func joinDemands(ds []demand) demand {
	j := demand{span: Span{Start: ds[0].span.Start, End: ds[len(ds)-1].span.End}}
	for _, d := range ds {
		j.toks = append(j.toks, d.toks...)
	}
	return j
}

// idf is the BM25 rarity of a term held by df of the live documents.
func (ix *Index) idf(df int32) float64 {
	n := float64(ix.live)
	return math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5))
}

// prepare weighs a demand's terms for ranking, with typos corrected to the
// archive's commonest neighbour and road numbers of unknown class widened.
func (ix *Index) prepare(toks []token, rarest int) query {
	toks = append([]token(nil), toks...)
	for i := range toks {
		if !toks[i].filler && !toks[i].road {
			toks[i].fold = ix.correct(toks[i].fold)
		}
	}
	var q query
	for _, t := range termsOf(toks) {
		if strings.HasPrefix(t, fillerMark) {
			continue // too light to choose petitions by
		}
		if id, ok := ix.termID[t]; ok && ix.df[id] > 0 {
			q.ids = append(q.ids, id)
		}
		for _, a := range roadAlts(t) {
			if id, ok := ix.termID[a]; ok && ix.df[id] > 0 {
				q.ids = append(q.ids, id)
			}
		}
	}
	q.ids = sortUnique(q.ids)
	if rarest > 0 && len(q.ids) > rarest {
		sort.Slice(q.ids, func(i, j int) bool { return ix.df[q.ids[i]] < ix.df[q.ids[j]] })
		q.ids = sortUnique(q.ids[:rarest])
	}
	q.w = make([]float64, len(q.ids))
	for i, id := range q.ids {
		q.w[i] = ix.idf(ix.df[id]) * termFactor(ix.terms[id])
	}
	return q
}

// preparePair analyses a demand for the flag score. Nothing here depends on
// which petitions the archive holds: a term's weight is static, and the
// words a slip may stand for are looked up in the vocabulary only to be
// compared with one petition's own words.
func (ix *Index) preparePair(toks []token, tab *termTable) pairQuery {
	q := pairQuery{specs: specifics(toks), set: make(map[string]bool, 2*len(toks))}
	for _, sp := range q.specs {
		ids := make([]int32, 0, len(sp.phrase))
		for _, w := range sp.phrase {
			if id, ok := ix.termID[w]; ok && ids != nil {
				ids = append(ids, id)
			} else {
				ids = nil
			}
		}
		q.specIDs = append(q.specIDs, ids)
		q.specMarks = append(q.specMarks, appendMarks(nil, sp))
	}
	for _, sp := range q.specs {
		for i, w := range sp.phrase {
			if !mistyped(w) {
				continue
			}
			if q.specSlips == nil {
				q.specSlips = map[string][]int32{}
			}
			q.specSlips[w] = ix.slips(w)
			if i > 0 {
				q.specSlips[sp.phrase[i-1]+" "+w] = ix.slips(sp.phrase[i-1] + " " + w)
			}
			if i+1 < len(sp.phrase) {
				q.specSlips[w+" "+sp.phrase[i+1]] = ix.slips(w + " " + sp.phrase[i+1])
			}
		}
	}
	for _, sp := range q.specs {
		var words, pairs [][]int32
		for i, w := range sp.phrase {
			words = append(words, ix.heldAs(w, q.specSlips[w]))
			if i > 0 {
				pair := sp.phrase[i-1] + " " + w
				pairs = append(pairs, ix.heldAs(pair, q.specSlips[pair]))
			}
		}
		q.specWords = append(q.specWords, words)
		q.specPairs = append(q.specPairs, pairs)
	}
	named := map[string]bool{}
	for _, sp := range q.specs {
		if sp.class == className || sp.class == classRoad || sp.class >= classObject {
			q.thing = true
		}
		for _, w := range sp.phrase {
			named[w] = true
		}
	}
	word := func(w string) bool { return !named[w] && !isRoadToken(w) && objectWord(w) }
	isObject := func(t string) bool {
		if strings.HasPrefix(t, fillerMark) {
			return false
		}
		a, b, pair := strings.Cut(t, " ")
		return word(a) && (!pair || word(b))
	}
	for _, t := range termsOf(toks) {
		if q.set[t] {
			continue
		}
		q.set[t] = true
		obj := isObject(t)
		w := staticWeight(t)
		if obj {
			q.objects++
		}
		q.total += w
		if !strings.HasPrefix(t, fillerMark) {
			q.content += w
		}
		if i, ok := tab.index[t]; ok {
			q.terms = append(q.terms, i)
			if obj {
				q.objTerms = append(q.objTerms, i)
			}
			continue
		}
		pt := pairTerm{w: w}
		if id, ok := ix.termID[t]; ok {
			pt.ids, pt.credit = append(pt.ids, id), append(pt.credit, 1)
		}
		for _, a := range roadAlts(t) {
			if id, ok := ix.termID[a]; ok {
				pt.ids, pt.credit = append(pt.ids, id), append(pt.credit, 1)
			}
		}
		for _, a := range ix.slips(t) {
			pt.ids, pt.credit = append(pt.ids, a), append(pt.credit, typoCredit)
		}
		if len(pt.ids) > 0 {
			tab.index[t] = int32(len(tab.terms))
			if obj {
				q.objTerms = append(q.objTerms, int32(len(tab.terms)))
			}
			q.terms = append(q.terms, int32(len(tab.terms)))
			tab.terms = append(tab.terms, pt)
		}
	}
	return q
}

// termTable holds the terms of all the parts of a remark once, so that a
// petition is looked up for each term once, not once per part.
type termTable struct {
	terms []pairTerm
	index map[string]int32
}

// remark is a remark prepared for scoring: its parts (demands, pairs of
// neighbouring demands, all of them) and their terms.
type remark struct {
	parts []pairQuery
	tab   termTable
	all   []token // the tokens of every demand, for ranking
	text  []float64
	loc   []float64
	// byID is every (id, term, credit) of the table sorted by id, so a
	// petition's sorted ids are matched in one merge.
	byID []termID
}

// termID is one id a remark's term matches, with the term's index in the
// table and the credit a match gives.
type termID struct {
	id     int32
	term   int32
	credit float64
}

// demandRarest is how many of a demand's rarest terms choose its
// candidates besides the whole remark's.
const demandRarest = 8

// remarkRarest is how many of the whole remark's rarest terms choose its
// candidates: past them, postings grow long and add little.
const remarkRarest = 32

// prepareRemark prepares the demands of a remark for scoring. Parts with
// too little content to decide anything (a name, a number) are dropped.
func (ix *Index) prepareRemark(ds []demand) *remark {
	r := &remark{tab: termTable{index: map[string]int32{}}}
	for _, p := range scoringParts(ds) {
		q := ix.preparePair(p.toks, &r.tab)
		q.span = p.span
		if q.content >= minContent {
			r.parts = append(r.parts, q)
		}
	}
	for _, d := range ds {
		r.all = append(r.all, d.toks...)
	}
	r.text = make([]float64, len(r.tab.terms))
	r.loc = make([]float64, len(r.tab.terms))
	for i, t := range r.tab.terms {
		for k, id := range t.ids {
			r.byID = append(r.byID, termID{id, int32(i), t.credit[k]})
		}
	}
	slices.SortFunc(r.byID, func(a, b termID) int { return cmp.Compare(a.id, b.id) })
	return r
}

// score returns the best score of the remark's parts against one petition
// and the span of the part that made it.
func (r *remark) score(ix *Index, d *docEntry) (float64, Span) {
	clear(r.text)
	clear(r.loc)
	// One merge of the sorted ids: an id in the petition's text credits
	// the term's text share, else one in its location the location share.
	ti, li := 0, 0
	for _, x := range r.byID {
		for ti < len(d.terms) && d.terms[ti] < x.id {
			ti++
		}
		if ti < len(d.terms) && d.terms[ti] == x.id {
			r.text[x.term] = max(r.text[x.term], x.credit)
			continue
		}
		for li < len(d.loc) && d.loc[li] < x.id {
			li++
		}
		if li < len(d.loc) && d.loc[li] == x.id {
			r.loc[x.term] = max(r.loc[x.term], x.credit)
		}
	}
	best, span := 0.0, Span{}
	for p := range r.parts {
		if s := ix.pairScore(&r.parts[p], r, d); s > best {
			best, span = s, r.parts[p].span
		}
	}
	return best, span
}

// slips returns the vocabulary terms term t may be a typing slip for: for
// a mistyped word, the words one edit away; for a word pair holding one,
// the pairs made with those words.
func (ix *Index) slips(t string) []int32 {
	if strings.HasPrefix(t, fillerMark) {
		return nil
	}
	a, b, pair := strings.Cut(t, " ")
	if !pair {
		if !mistyped(a) {
			return nil
		}
		return ix.neighbours(a)
	}
	as, bs := []string{a}, []string{b}
	if mistyped(a) {
		as = append(as, ix.neighbourWords(a)...)
	}
	if mistyped(b) {
		bs = append(bs, ix.neighbourWords(b)...)
	}
	var out []int32
	for i, x := range as {
		for j, y := range bs {
			if i == 0 && j == 0 {
				continue
			}
			if id, ok := ix.termID[x+" "+y]; ok {
				out = append(out, id)
			}
		}
	}
	return out
}

// pairScore returns the 0–1 similarity of a demand and one petition: how
// much of each the other covers, times the specifics factor.
func (ix *Index) pairScore(q *pairQuery, r *remark, d *docEntry) float64 {
	var qShared, dShared float64
	for _, i := range q.terms {
		w := r.tab.terms[i].w
		if c := r.text[i]; c > 0 {
			qShared += w * c
			dShared += w * c
		} else if c := r.loc[i]; c > 0 {
			qShared += w * c
		}
	}
	dTotal := float64(d.total)
	if q.total == 0 || dTotal == 0 {
		return 0
	}
	qc, dc := qShared/q.total, math.Min(1, dShared/dTotal)
	text := 0.5*math.Max(qc, dc) + 0.5*math.Min(qc, dc)
	s := text * ix.specFactor(q, d) * q.objectFactor(r)
	return math.Max(0, math.Min(1, s))
}

// objectFactor keeps generic words from carrying a match: the same action
// (repair, build, invest) in the same commune on another thing (a road, a
// school roof, a cultural house) is not a repeat. A demand that names a
// thing (a road number, a bridge, a school, a proper name) is left to
// specFactor, which compares the things named. Any other demand is weighed
// by objectMiss when the petition holds too few of its words that may name
// what is to be done with, or when it has no such word at all (only
// actions and places: "đề nghị xã sớm sửa chữa"). Two shared such words
// (or a single word or pair, if that is all the demand has) are enough: a
// paraphrase names the same thing in few of the same words, while one word
// shared in passing ("đường" in "nút giao với đường vào chợ") is not.
func (q *pairQuery) objectFactor(r *remark) float64 {
	if q.thing {
		return 1
	}
	n := 0
	for _, i := range q.objTerms {
		if r.text[i] > 0 || r.loc[i] > 0 {
			n++
		}
	}
	if n >= min(objectShared, q.objects) && n > 0 {
		return 1
	}
	return objectMiss
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
func (ix *Index) candidates(q query, k int) []int32 {
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
			inv := ix.inv[slot]
			if inv == 0 {
				continue // removed
			}
			if acc[slot] == 0 {
				touched = append(touched, slot)
			}
			acc[slot] += w * inv
		}
	}
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

// specFactor rewards specifics the query and the petition share and
// penalises naming different things: the same demand about another hamlet,
// bridge or road is not a repeat.
//
//   - a class where both name something and never the same thing (cầu Đá vs
//     cầu Ba Khe, xã Hải Minh vs xã Xuân Lập) is a conflict: × specConflict;
//   - otherwise, a name in the query the petition lacks while the petition
//     names a place or object the query lacks ("qua Bảo Sơn" vs "xã Mai
//     Đình") is a softer mismatch: × specMismatch;
//   - names the query shares lift the score a little (specBonus each);
//   - a query that names things of which the petition has none: × specNone.
func (ix *Index) specFactor(q *pairQuery, d *docEntry) float64 {
	holds := func(ids []int32) bool {
		for _, id := range ids {
			if contains(d.terms, id) || contains(d.loc, id) {
				return true
			}
		}
		return false
	}
	var qMatched, qNamed [classObject + 16]bool
	shared, unmatched := 0, 0
	for si, s := range q.specs {
		if phraseHeld(q.specWords[si], q.specPairs[si], holds) && !q.otherMarksIn(si, d) {
			shared++
			qMatched[s.class] = true
		} else {
			unmatched++
		}
		qNamed[s.class] = true
	}
	conflicts, docOnly := 0, 0
	var seen [classObject + 16]bool
	words := q.words[:0]
	defer func() { q.words = words[:0] }()
	for i := 0; i+1 < len(d.specs); {
		class, n := d.specs[i], int(d.specs[i+1])
		ids, marks := d.specs[i+2:i+2+n], d.specs[i+2+n:i+2+2*n]
		words = words[:0]
		for _, id := range ids {
			words = append(words, ix.terms[id])
		}
		i += 2 + 2*n
		c := uint8(class)
		if int(c) >= len(seen) || c == className || c == classDistrict || c == classPerson && !qNamed[c] {
			continue
		}
		if phraseIn(words, func(t string) bool { return q.has(t) }) && !q.namesOtherwise(ids, marks) {
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

// namesOtherwise reports whether the demand names a petition's specific
// (its word ids and mark hashes) with the same folded words but other
// marks.
func (q *pairQuery) namesOtherwise(ids, marks []int32) bool {
	for si := range q.specs {
		if otherMarks(q.specIDs[si], q.specMarks[si], ids, marks) {
			return true
		}
	}
	return false
}

// heldAs returns the vocabulary terms a petition may hold term t as: t
// itself, a road number of another class it may name (roadAlts), and the
// terms slips stands for.
func (ix *Index) heldAs(t string, slips []int32) []int32 {
	var out []int32
	if id, ok := ix.termID[t]; ok {
		out = append(out, id)
	}
	for _, a := range roadAlts(t) {
		if id, ok := ix.termID[a]; ok {
			out = append(out, id)
		}
	}
	return append(out, slips...)
}

// phraseHeld is phraseIn over terms laid out by heldAs.
func phraseHeld(words, pairs [][]int32, holds func([]int32) bool) bool {
	return phraseNamed(len(words), func(i int) bool { return holds(words[i]) },
		func(i int) bool { return holds(pairs[i]) })
}

// phraseIn reports whether a text holding the terms has() accepts names the
// phrase.
func phraseIn(words []string, has func(string) bool) bool {
	return phraseNamed(len(words), func(i int) bool { return has(words[i]) },
		func(i int) bool { return has(words[i] + " " + words[i+1]) })
}

// phraseNamed reports whether a text names a phrase of n words, given
// whether it holds word i and the pair of words i and i+1: every word,
// and for several words at least one neighbouring pair (so "Đồng Tâm Sơn
// Thịnh" finds "thôn Đồng Tâm, xã Sơn Thịnh").
func phraseNamed(n int, word, pair func(int) bool) bool {
	if n == 0 {
		return false
	}
	for i := range n {
		if !word(i) {
			return false
		}
	}
	if n == 1 {
		return true
	}
	for i := 0; i+1 < n; i++ {
		if pair(i) {
			return true
		}
	}
	return false
}

// has reports whether the demand holds term t, a road number of unknown
// class meeting one of any class.
func (q *pairQuery) has(t string) bool {
	if q.set[t] {
		return true
	}
	for _, a := range roadAlts(t) {
		if q.set[a] {
			return true
		}
	}
	return false
}

// Explain scores text against the one petition id, as Check would, and
// says which part of text matched it. ok is false when id is not indexed.
// The score is the same whatever else the archive holds.
func (ix *Index) Explain(text, id string) (h Hit, ok bool) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	slot, ok := ix.byID[id]
	if !ok {
		return Hit{}, false
	}
	s, span := ix.prepareRemark(demands(text)).score(ix, &ix.docs[slot])
	return Hit{ID: id, Score: s, Span: span}, true
}
