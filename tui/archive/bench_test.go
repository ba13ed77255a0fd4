package archive

import (
	"fmt"
	"testing"

	"txct/store/model"
	"txct/tui/archive/archivetest"
	"txct/tui/base"
	"txct/tui/tuitest"
)

// generate makes n petitions with varied Vietnamese text, the size of a
// province's archive over several terms.
func generate(n int) []model.Petition {
	what := []string{"Đề nghị sửa chữa cầu", "Đề nghị nâng cấp đường", "Cấp giấy chứng nhận quyền sử dụng đất cho hộ dân",
		"Nạo vét kênh mương nội đồng", "Bổ sung thuốc cho trạm y tế", "Xây thêm phòng học cho trường tiểu học",
		"Giải quyết ô nhiễm từ cơ sở chăn nuôi", "Lắp đặt đèn chiếu sáng", "Hỗ trợ hộ nghèo", "Di dời đường dây điện"}
	where := []string{"thôn Bàu Sen", "ấp Đông Hòa", "tổ dân phố 5", "xã Tân Thành", "bản Nà Lừa", "đường ĐT.741", "QL1A đoạn qua xã"}
	why := []string{"đã xuống cấp nghiêm trọng", "cử tri nhiều lần kiến nghị", "gây nguy hiểm cho người dân", "chưa được giải quyết dứt điểm"}
	ps := make([]model.Petition, n)
	for i := range ps {
		ps[i] = model.Petition{ID: fmt.Sprintf("P-%d-%06d", 2015+i%11, i),
			Text:  fmt.Sprintf("%s %s, %s (%d)", what[i%len(what)], where[(i/7)%len(where)], why[(i/3)%len(why)], i),
			Field: model.Fields[i%len(model.Fields)], Authority: model.AllAuthorities[i%4], Location: where[i%len(where)],
			RaisedAt: fmt.Sprintf("%d-05-10", 2015+i%11), Session: "Trước kỳ họp giữa năm", Status: model.Statuses[i%4]}
	}
	return ps
}

// BenchmarkFilter100k is one filter run over 100,000 petitions, as the
// command after the debounce does it.
func BenchmarkFilter100k(b *testing.B) {
	_, keys := prepare(generate(100_000))
	for _, c := range []struct{ name, text string }{
		{"word", "cau"}, {"words", "cau ba sen"}, {"letter", "a"}, {"none", "zzq"}, {"empty", ""},
	} {
		b.Run(c.name, func(b *testing.B) {
			q := query{text: c.text, field: -1, level: -1, status: -1}
			for b.Loop() {
				_ = run(keys, q)
			}
		})
	}
	b.Run("field+status", func(b *testing.B) {
		q := query{text: "cau", field: 0, level: -1, status: 3}
		for b.Loop() {
			_ = run(keys, q)
		}
	})
}

// BenchmarkFuzzyFindBase100k is base.FuzzyFind over the same archive, which
// folds every item again on each call: the reason run reads folded keys.
func BenchmarkFuzzyFindBase100k(b *testing.B) {
	ps := generate(100_000)
	items := make([]string, len(ps))
	for i, p := range ps {
		items[i] = p.ID + " " + p.Text + " " + p.Location
	}
	for b.Loop() {
		_ = base.FuzzyFind("cau", items)
	}
}

// BenchmarkLoad100k prepares 100,000 loaded petitions (sanitise and fold).
func BenchmarkLoad100k(b *testing.B) {
	ps := generate(100_000)
	for b.Loop() {
		_, _ = prepare(ps)
	}
}

// BenchmarkView100k is a key press and a frame with 100,000 rows loaded.
func BenchmarkView100k(b *testing.B) {
	es, ks := prepare(generate(100_000))
	m := New(archivetest.Context(), nil)
	m.SetSize(120, 40)
	m.Update(loadedMsg{entries: es, keys: ks, idW: idWidth(es)})
	down := tuitest.KeyMsg("down")
	for b.Loop() {
		m.Update(down)
		_ = m.View()
	}
}
