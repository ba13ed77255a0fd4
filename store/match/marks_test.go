package match

import (
	"testing"

	"txct/store/model"
)

// A place or thing whose name folds like the petition's but is written
// with other marks is another place or thing: the pair scores as a
// different hamlet would. Typed without marks, the remark cannot tell, and
// scores as the same.
func TestScoreMarkedNames(t *testing.T) {
	ix := Build([]model.Petition{
		{ID: "P1", Text: "Đề nghị sửa đường vào bản Sinh, xã Mường Lạn bị sạt lở, xe máy không đi được"},
		{ID: "P2", Text: "Đề nghị xây cầu Bông qua suối Nậm Pàn cho học sinh đi học"},
	})
	score := func(text, id string) float64 {
		h, ok := ix.Explain(text, id)
		if !ok {
			t.Fatalf("%s not indexed", id)
		}
		return h.Score
	}
	for _, tt := range []struct{ same, other, bare, different, id string }{
		{"Đường vào bản Sinh xã Mường Lạn sạt lở, xe máy không đi được, đề nghị sửa",
			"Đường vào bản Sình xã Mường Lạn sạt lở, xe máy không đi được, đề nghị sửa",
			"Duong vao ban Sinh xa Muong Lan sat lo, xe may khong di duoc, de nghi sua",
			"Đường vào bản Nọi xã Mường Lạn sạt lở, xe máy không đi được, đề nghị sửa", "P1"},
		{"Đề nghị xây cầu Bông qua suối Nậm Pàn để học sinh đi học",
			"Đề nghị xây cầu Bóng qua suối Nậm Pàn để học sinh đi học",
			"De nghi xay cau Bong qua suoi Nam Pan de hoc sinh di hoc",
			"Đề nghị xây cầu Pá Hốc qua suối Nậm Pàn để học sinh đi học", "P2"},
	} {
		same, other, bare, different := score(tt.same, tt.id), score(tt.other, tt.id), score(tt.bare, tt.id), score(tt.different, tt.id)
		if same < ix.Threshold || bare < ix.Threshold {
			t.Errorf("%s: same name %.3f, typed without marks %.3f: want both flagged (%.2f)", tt.id, same, bare, ix.Threshold)
		}
		// The folded words still overlap, so a little above another name.
		if other > same-0.3 || other > different+0.08 {
			t.Errorf("%s: a name that folds alike scores %.3f (same name %.3f, another name %.3f)", tt.id, other, same, different)
		}
	}
}
