package match

import (
	"math"
	"testing"
)

// Similarities gives every pair of a session's remarks Similar's score, or 0
// where the two share too little to be a duplicate; it never decides a
// merge differently. Checked on 120 spoken remarks of the dev pack.
func TestSimilaritiesAgreeWithSimilar(t *testing.T) {
	_, qs := loadDev(t)
	var texts []string
	for _, q := range spokenPack(qs) {
		texts = append(texts, q.Text)
		if len(texts) == 120 {
			break
		}
	}
	s := NewSimilarities(texts)
	pairs, scored := 0, 0
	for i := range texts {
		for j := range i {
			want := Similar(texts[i], texts[j])
			got := s.Similar(i, j)
			pairs++
			if got != 0 {
				scored++
				if math.Abs(got-want) > 1e-6 {
					t.Fatalf("pair %d,%d: %.6f, Similar gives %.6f\n%s\n%s", i, j, got, want, texts[i], texts[j])
				}
			} else if want >= 0.3 {
				t.Fatalf("pair %d,%d left out although Similar gives %.3f\n%s\n%s", i, j, want, texts[i], texts[j])
			}
		}
	}
	t.Logf("%d pairs, %d scored", pairs, scored)
}
