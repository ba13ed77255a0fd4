package match

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
)

// TestDiag prints the best score per query (TXCT_DIAG=1): a tool for
// looking at misses and false flags, not a gate.
func TestDiag(t *testing.T) {
	if os.Getenv("TXCT_DIAG") == "" {
		t.Skip("set TXCT_DIAG=1")
	}
	ps, qs := loadDev(t)
	ix := Build(ps)
	text := map[string]string{}
	for _, p := range ps {
		text[p.ID] = p.Text
	}
	type row struct {
		s    float64
		line string
	}
	var rows []row
	for _, q := range qs {
		r := ix.Check(q.Text, 5)
		s, id := 0.0, ""
		if len(r.Hits) > 0 {
			s, id = r.Hits[0].Score, r.Hits[0].ID
		}
		ok := "NEG"
		if len(q.RepeatOf) > 0 {
			ok = "POS-wrong"
			for _, x := range q.RepeatOf {
				if x == id {
					ok = "POS"
				}
			}
		}
		rows = append(rows, row{s, fmt.Sprintf("%.3f %-9s %-13s %s | %s\n      Q: %s\n      A: %s\n      spec Q=%v A=%v", s, ok, q.Kind, q.QID, id, q.Text, text[id], Specifics(q.Text), Specifics(text[id]))})
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].s > rows[j].s })
	for _, r := range rows {
		if (r.s >= 0.3) == strings.HasPrefix(r.line[6:], "NEG") || strings.Contains(r.line, "POS-wrong") {
			fmt.Println(r.line)
		}
	}
}
