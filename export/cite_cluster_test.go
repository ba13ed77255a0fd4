package export

import (
	"strings"
	"testing"

	"txct/store/model"
)

// A remark citing two records marked as the same demand (each already
// carrying the other's raisings) counts every raising once.
func TestCitationClusterCountsOnce(t *testing.T) {
	a := model.Petition{ID: "A", Text: "Xây mới cầu tràn Nà Ca", RaisedAt: "2025-05-02", Session: "Kỳ họp giữa năm 2025"}
	b := model.Petition{ID: "B", Text: "Làm cầu mới ở Nà Ca", RaisedAt: "2024-03-10", Session: "Kỳ họp cuối năm 2023"}
	fa, fb := model.FoldSameDemand(a, b), model.FoldSameDemand(b, a)
	r := model.Remark{Text: "Cầu tràn Nà Ca xuống cấp", Type: model.TypePetition, RepeatOf: []string{"A", "B"}}
	lines := citation(item{lead: r, members: []model.Remark{r}}, map[string]model.Petition{"A": fa, "B": fb}, "2026-11-20")
	if len(lines) == 0 || !strings.Contains(lines[0], " 2 lần") || !strings.Contains(lines[0], "10/03/2024") {
		t.Fatalf("citation: %q", lines)
	}
}
