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
	scores []map[int]float64 // by text: the score against each text ranked either way
}

// NewSimilarities indexes texts, ranks each against the others and scores
// the other direction of every pair one of them ranked; Similar then only
// reads, and may be asked from several goroutines.
func NewSimilarities(texts []string) *Similarities {
	ix := NewIndex()
	for i, t := range texts {
		ix.Put(strconv.Itoa(i), t, "")
	}
	s := &Similarities{scores: make([]map[int]float64, len(texts))}
	for i, t := range texts {
		m := map[int]float64{}
		for _, h := range ix.Check(t, len(texts)).Hits {
			if j, err := strconv.Atoi(h.ID); err == nil && j != i {
				m[j] = h.Score
			}
		}
		s.scores[i] = m
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	prepared := make([]*remark, len(texts))
	for i := range texts {
		for j := range s.scores[i] {
			if _, ok := s.scores[j][i]; ok {
				continue
			}
			if prepared[j] == nil {
				prepared[j] = ix.prepareRemark(demands(texts[j]))
			}
			sc, _ := prepared[j].score(ix, &ix.docs[ix.byID[strconv.Itoa(i)]])
			if sc < minScore {
				sc = 0 // as Check leaves it out
			}
			s.scores[j][i] = sc
		}
	}
	return s
}

// Similar is Similar(texts[i], texts[j]).
func (s *Similarities) Similar(i, j int) float64 {
	a, ok := s.scores[i][j]
	if !ok {
		return 0
	}
	return (a + s.scores[j][i]) / 2
}
