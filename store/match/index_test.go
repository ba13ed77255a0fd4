package match

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"txct/store/model"
)

var testArchive = []model.Petition{
	{ID: "A1", Text: "Cử tri xã Xuân Lập đề nghị tỉnh đầu tư lại cầu Đá, cầu cũ cắm biển hạn tải.", Location: "xã Xuân Lập"},
	{ID: "A2", Text: "Cử tri xã Hải Minh đề nghị sửa chữa tuyến ĐT.612 đoạn Km3–Km5, nhiều ổ gà.", Location: "xã Hải Minh"},
	{ID: "A3", Text: "Cử tri thôn Vệ đề nghị hỗ trợ kinh phí sửa hệ thống loa truyền thanh.", Location: "thôn Vệ, xã Quang Vinh"},
	{ID: "A4", Text: "Đề nghị nâng mức phụ cấp cho nhân viên thú y cơ sở.", Location: ""},
}

func TestIndexCheck(t *testing.T) {
	ix := Build(testArchive)
	tests := []struct {
		name   string
		query  string
		first  string
		repeat bool
	}{
		{"paraphrase", "Đề nghị tỉnh làm lại cầu Đá xã Xuân Lập, cầu yếu", "A1", true},
		{"road written out", "duong tinh 612 qua Hai Minh nhieu o ga de nghi sua", "A2", true},
		{"telex", "ddeef nghij suwar chuwax tuyeens DT.612 ddoanj qua xax Hari Minh, nhieeuf oor gaf", "A2", true},
		{"other bridge same topic", "Đề nghị tỉnh làm lại cầu Ba Khe xã Quảng Ngọc, cầu yếu", "", false},
		{"other road same topic", "Đề nghị sửa chữa tuyến ĐT.458 đoạn qua xã Đông Trà, nhiều ổ gà", "", false},
		{"unrelated", "Khỉ phá ngô ở bản Pác Ngòi", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ix.Check(tt.query, 5)
			if r.Repeat != tt.repeat {
				t.Errorf("Repeat = %v, want %v (hits %v)", r.Repeat, tt.repeat, r.Hits)
			}
			if tt.first != "" && (len(r.Hits) == 0 || r.Hits[0].ID != tt.first) {
				t.Errorf("first hit = %v, want %s", r.Hits, tt.first)
			}
			for i, h := range r.Hits {
				if h.Score < 0 || h.Score > 1 || i > 0 && h.Score > r.Hits[i-1].Score {
					t.Errorf("hits not in [0,1] best first: %v", r.Hits)
				}
			}
		})
	}
}

func TestIndexAddReplaceRemove(t *testing.T) {
	ix := NewIndex()
	ix.Add(testArchive[0])
	ix.Add(testArchive[1])
	if ix.Len() != 2 {
		t.Fatalf("Len = %d, want 2", ix.Len())
	}
	q := "làm lại cầu Đá xã Xuân Lập"
	if r := ix.Check(q, 5); len(r.Hits) == 0 || r.Hits[0].ID != "A1" {
		t.Fatalf("before replace: %v", r.Hits)
	}
	// Replacing A1 with another text must drop the old terms.
	ix.Put("A1", "Đề nghị nạo vét kênh Đồng Chằm", "")
	if ix.Len() != 2 {
		t.Fatalf("Len after replace = %d, want 2", ix.Len())
	}
	if r := ix.Check(q, 5); len(r.Hits) > 0 && r.Hits[0].ID == "A1" && r.Repeat {
		t.Errorf("replaced text still matches: %v", r)
	}
	if r := ix.Check("nạo vét kênh Đồng Chằm", 5); len(r.Hits) == 0 || r.Hits[0].ID != "A1" {
		t.Errorf("new text not found: %v", r.Hits)
	}
	ix.Remove("A1")
	ix.Remove("nope")
	if ix.Len() != 1 {
		t.Fatalf("Len after remove = %d, want 1", ix.Len())
	}
	for _, h := range ix.Check("nạo vét kênh Đồng Chằm", 5).Hits {
		if h.ID == "A1" {
			t.Errorf("removed id returned: %v", h)
		}
	}
}

func TestIndexCompaction(t *testing.T) {
	ix := NewIndex()
	for i := 0; i < 3000; i++ {
		p := testArchive[i%len(testArchive)]
		p.ID = strings.Repeat("x", i%7) + string(rune('a'+i%26)) + string(rune(0x4e00+i))
		ix.Add(p)
	}
	n := ix.Len()
	for i := 0; i < 2500; i++ {
		ix.Remove(strings.Repeat("x", i%7) + string(rune('a'+i%26)) + string(rune(0x4e00+i)))
	}
	if ix.Len() != n-2500 {
		t.Fatalf("Len = %d, want %d", ix.Len(), n-2500)
	}
	if r := ix.Check("cầu Đá xã Xuân Lập", 5); len(r.Hits) == 0 {
		t.Errorf("no hits after compaction")
	}
}

func TestCheckEdgeCases(t *testing.T) {
	ix := Build(testArchive)
	for _, q := range []string{"", "   ", "!!!", "\xff\xfe", "đề nghị", strings.Repeat("cầu Đá xã Xuân Lập đề nghị sửa ", 4000)} {
		start := time.Now()
		r := ix.Check(q, 5)
		if d := time.Since(start); d > time.Second {
			t.Errorf("Check(%d bytes) took %v", len(q), d)
		}
		if len(r.Hits) > 5 || r.Repeat && len(r.Hits) == 0 {
			t.Errorf("Check(%.20q) = %v", q, r)
		}
	}
	if r := NewIndex().Check("cầu Đá", 5); r.Repeat || len(r.Hits) != 0 {
		t.Errorf("empty index: %v", r)
	}
}

func TestMarshalRoundTrip(t *testing.T) {
	ix := Build(testArchive)
	ix.Remove("A4")
	data, err := ix.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	back := NewIndex()
	if err := back.UnmarshalBinary(data); err != nil {
		t.Fatal(err)
	}
	if back.Len() != ix.Len() {
		t.Fatalf("Len %d, want %d", back.Len(), ix.Len())
	}
	for _, q := range []string{"cầu Đá xã Xuân Lập", "ĐT.612 Hải Minh", "loa truyền thanh thôn Vệ"} {
		a, b := ix.Check(q, 5), back.Check(q, 5)
		if a.Repeat != b.Repeat || len(a.Hits) != len(b.Hits) || len(a.Hits) > 0 && a.Hits[0] != b.Hits[0] {
			t.Errorf("%q: %v after load, %v before", q, b, a)
		}
	}
	data2, _ := back.MarshalBinary()
	if !bytes.Equal(data, data2) {
		t.Errorf("re-marshal differs")
	}
	if err := NewIndex().UnmarshalBinary(data[:len(data)/2]); err == nil {
		t.Errorf("truncated data accepted")
	}
	if err := NewIndex().UnmarshalBinary([]byte{99}); !errors.Is(err, ErrVersion) {
		t.Errorf("other version: %v", err)
	}
}

func TestSimilar(t *testing.T) {
	a := "Đề nghị làm lại cầu Đá xã Xuân Lập, cầu yếu lắm"
	if s := Similar(a, "Cầu Đá ở xã Xuân Lập yếu, đề nghị tỉnh đầu tư lại"); s < DefaultThreshold {
		t.Errorf("same demand: %.3f", s)
	}
	if s := Similar(a, "Đề nghị làm lại cầu Ba Khe xã Quảng Ngọc, cầu yếu lắm"); s >= DefaultThreshold {
		t.Errorf("other bridge: %.3f", s)
	}
	if s1, s2 := Similar(a, "cầu Đá"), Similar("cầu Đá", a); s1 != s2 {
		t.Errorf("not symmetric: %v %v", s1, s2)
	}
}

// TestConcurrent runs checks while the index changes; run with -race.
// TestConcurrent checks while another goroutine adds, removes, saves and
// reloads petitions about something else: every check finds the same
// repeat, the count never drops below the archive, and the index ends with
// exactly the petitions that were kept.
func TestConcurrent(t *testing.T) {
	ix := Build(testArchive)
	const query = "cầu Đá xã Xuân Lập"
	want := ix.Check(query, 5)
	if !want.Repeat || len(want.Hits) == 0 || want.Hits[0].ID != "A1" {
		t.Fatalf("sequential check: %+v", want)
	}
	const writes = 200
	errs := make(chan string, 8)
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				got := ix.Check(query, 5)
				if !got.Repeat || len(got.Hits) == 0 || got.Hits[0].ID != "A1" {
					errs <- fmt.Sprintf("check %d: %+v, want A1 first as a repeat", i, got)
					return
				}
				if n := ix.Len(); n < len(testArchive) {
					errs <- fmt.Sprintf("Len %d while the archive alone has %d", n, len(testArchive))
					return
				}
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < writes; i++ {
			id := fmt.Sprintf("X%d", i)
			ix.Add(model.Petition{ID: id, Text: fmt.Sprintf("Đề nghị bổ sung %d giường bệnh cho trạm y tế phường %d", i, i%7)})
			if i%3 == 0 {
				ix.Remove(id)
			}
			if i%50 == 0 {
				data, err := ix.MarshalBinary()
				if err == nil {
					err = ix.UnmarshalBinary(data)
				}
				if err != nil {
					errs <- fmt.Sprintf("save and reload: %v", err)
					return
				}
			}
		}
	}()
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	kept := writes - (writes+2)/3 // ids 0, 3, 6, … were removed
	if n := ix.Len(); n != len(testArchive)+kept {
		t.Errorf("Len %d after the writes, want %d", n, len(testArchive)+kept)
	}
	if got := ix.Check(query, 5); !got.Repeat || got.Hits[0].ID != "A1" {
		t.Errorf("check after the writes: %+v", got)
	}
}

func TestBaseline(t *testing.T) {
	b := NewBaseline(testArchive)
	r := b.Check("cau da", 5)
	if !r.Repeat || r.Hits[0].ID != "A1" {
		t.Errorf("baseline: %v", r)
	}
}
