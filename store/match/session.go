package match

import "strconv"

// Similar returns how alike two remarks are, 0–1, with the same analysis and
// specifics rules as Check (a remark that names another hamlet or bridge is
// not similar); it is symmetric. The capture screen uses it to offer merging
// a remark into an earlier remark of the same session ("nhiều cử tri cùng
// kiến nghị"). With no archive to learn word rarity from, every word counts
// alike; for many remarks, keep an Index of the session's remarks (Put,
// Remove) and Check against it instead.
func Similar(a, b string) float64 {
	return (similar(a, b) + similar(b, a)) / 2
}

func similar(a, b string) float64 {
	ix := NewIndex()
	ix.Put("b", b, "")
	r := ix.Check(a, 1)
	if len(r.Hits) == 0 {
		return 0
	}
	return r.Hits[0].Score
}

// Similarities scores pairs of a session's remarks as Similar does, many
// pairs at once: the texts go into one index, so each is analysed once,
// where Similar builds two indexes and analyses both texts for every pair
// (a 300-remark session has 44,850 pairs). A pair's score depends on its two
// texts only, so it is Similar's. A pair that neither text ranks among its
// candidates scores 0: the two share too little to make one demand.
type Similarities struct {
	ix    *Index
	texts []string
	hits  []map[int]float64 // by text: its candidates' scores
}

// NewSimilarities indexes texts and ranks each against the others; then
// Similar only reads, and may be asked from several goroutines.
func NewSimilarities(texts []string) *Similarities {
	ix := NewIndex()
	for i, t := range texts {
		ix.Put(strconv.Itoa(i), t, "")
	}
	s := &Similarities{ix: ix, texts: texts, hits: make([]map[int]float64, len(texts))}
	for i := range texts {
		s.of(i)
	}
	return s
}

// Similar is Similar(texts[i], texts[j]).
func (s *Similarities) Similar(i, j int) float64 {
	a, okA := s.of(i)[j]
	b, okB := s.of(j)[i]
	if !okA && !okB {
		return 0
	}
	if !okA {
		a = s.explain(i, j)
	}
	if !okB {
		b = s.explain(j, i)
	}
	return (a + b) / 2
}

func (s *Similarities) of(i int) map[int]float64 {
	if s.hits[i] == nil {
		m := map[int]float64{}
		for _, h := range s.ix.Check(s.texts[i], len(s.texts)).Hits {
			if j, err := strconv.Atoi(h.ID); err == nil && j != i {
				m[j] = h.Score
			}
		}
		s.hits[i] = m
	}
	return s.hits[i]
}

// explain is text i's score against text j alone, as Check returns it.
func (s *Similarities) explain(i, j int) float64 {
	if h, ok := s.ix.Explain(s.texts[i], strconv.Itoa(j)); ok && h.Score >= minScore {
		return h.Score
	}
	return 0
}
