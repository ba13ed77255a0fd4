package match

import (
	"strings"
	"testing"
	"time"
)

func TestDemandsSplitSpeech(t *testing.T) {
	text := "Kính thưa các đại biểu. Cầu tràn Nà Ca xuống cấp, đề nghị xây mới. Thứ hai, đề nghị nạo vét kênh N2. Xin cảm ơn."
	var got []string
	for _, sp := range Demands(text) {
		got = append(got, string([]rune(text)[sp.Start:sp.End]))
	}
	want := []string{"Cầu tràn Nà Ca xuống cấp, đề nghị xây mới", "Thứ hai, đề nghị nạo vét kênh N2"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("demands %q, want %q", got, want)
	}
	// One sentence, two demands joined by a cue; and without marks.
	plain := "kinh thua dai bieu, duong DT.612 hong nang de nghi sua, dong thoi de nghi lap den ngo 5, xin cam on"
	if n := len(Demands(plain)); n != 2 {
		t.Errorf("%d demands in %q: %v", n, plain, Demands(plain))
	}
	// Abbreviation dots do not end a sentence.
	if n := len(Demands("Khu dân cư th. An Lạc x. Xuân Lập năm nào cũng ngập")); n != 1 {
		t.Errorf("abbreviation dots split the demand into %d", n)
	}
}

// A remark with two demands repeats two petitions, each matched by its own
// demand; greetings and thanks around them change nothing.
func TestTwoDemandsTwoPetitions(t *testing.T) {
	ix := NewIndex()
	ix.Put("A", "Cử tri đề nghị xây mới cầu tràn Nà Ca nối thôn Hòa Bình với trung tâm xã", "xã Dũng Liệt")
	ix.Put("B", "Đề nghị nạo vét kênh N2 thôn Đông để đủ nước tưới cho vụ chiêm", "")
	ix.Put("C", "Đề nghị sửa chữa trạm y tế xã Mai Đình đã xuống cấp", "")
	bare := ix.Check("Cầu tràn Nà Ca xuống cấp, đề nghị xây mới", 5)
	text := "Kính thưa các đại biểu. Cầu tràn Nà Ca xuống cấp, đề nghị xây mới. Thứ hai, đề nghị nạo vét kênh N2 thôn Đông cho đủ nước tưới. Rất mong các đại biểu trả lời. Xin cảm ơn."
	r := ix.Check(text, 5)
	if !r.Repeat || len(r.Hits) < 2 {
		t.Fatalf("result %+v", r)
	}
	spans := map[string]string{}
	for _, h := range r.Hits {
		spans[h.ID] = string([]rune(text)[h.Span.Start:h.Span.End])
		if h.ID == "A" && h.Score < bare.Hits[0].Score-1e-9 {
			t.Errorf("greetings diluted the match: %.3f < %.3f alone", h.Score, bare.Hits[0].Score)
		}
		if h.ID != "C" && h.Score < ix.Threshold {
			t.Errorf("%s scores %.3f, under the threshold", h.ID, h.Score)
		}
	}
	if !strings.HasPrefix(spans["A"], "Cầu tràn Nà Ca") || !strings.Contains(spans["B"], "kênh N2") || strings.Contains(spans["B"], "Nà Ca") {
		t.Errorf("spans %q", spans)
	}
}

// Junk gets a valid answer fast and never a flag.
func TestBadInput(t *testing.T) {
	ps, _ := loadDev(t)
	ix := Build(ps)
	sentence := ps[0].Text + " "
	cases := map[string]string{
		"100 KB of one sentence": strings.Repeat(sentence, 100<<10/len(sentence)+1),
		"punctuation only":       strings.Repeat(".,;:!?-–()\"' ", 500),
		"greetings only":         "Kính thưa các đồng chí đại biểu, kính thưa toàn thể hội nghị. Tôi xin chân thành cảm ơn. Kính chúc các đại biểu mạnh khỏe. Xin cảm ơn!",
		"greetings, no marks":    "Kinh thua cac dai bieu. Xin cam on cac dong chi. Chuc hoi nghi thanh cong tot dep.",
	}
	for name, text := range cases {
		start := time.Now()
		r := ix.Check(text, 5)
		d := time.Since(start)
		if r.Repeat {
			t.Errorf("%s: flagged %+v", name, r.Hits[0])
		}
		if d > 50*time.Millisecond && !raceEnabled {
			t.Errorf("%s: %v > 50 ms", name, d)
		}
		t.Logf("%s: %d bytes, %v, %d hits", name, len(text), d, len(r.Hits))
	}
}

func TestMistyped(t *testing.T) {
	for _, w := range []string{"ngp", "hno", "dna", "tiinh", "maay", "kau", "cin", "nya", "namg", "trrung", "snog", "phuung"} {
		if !mistyped(w) {
			t.Errorf("%q passes for a syllable", w)
		}
	}
	for _, w := range []string{"nguyen", "nghieng", "khuyen", "giua", "gin", "quoc", "thuong", "truong", "xoong", "kiem", "huou", "duong", "nuoc", "khuya", "oanh"} {
		if mistyped(w) {
			t.Errorf("%q taken for a slip", w)
		}
	}
}

func TestSharedSpecifics(t *testing.T) {
	remark := "Kính thưa đại biểu. Cau Da o xa Xuan Lap hong roi, đường tỉnh 612 cũng xuống cấp, đề nghị sửa."
	pet := "Cử tri xã Xuân Lập đề nghị xây lại cầu Đá trên ĐT.612 đã hư hỏng."
	got := SharedSpecifics(remark, Span{}, pet, "")
	want := map[string][2]string{ // what → remark words, petition words
		"Xuân Lập": {"Xuan Lap", "Xuân Lập"},
		"cầu Đá":   {"Cau Da", "cầu Đá"},
		"ĐT.612":   {"đường tỉnh 612", "ĐT.612"},
	}
	found := map[string]bool{}
	for _, s := range got {
		w, ok := want[s.What]
		if !ok {
			t.Errorf("unexpected shared %+v", s)
			continue
		}
		found[s.What] = true
		if len(s.Remark) != 1 || runeSlice(remark, s.Remark[0].Start, s.Remark[0].End) != w[0] {
			t.Errorf("%s in remark at %v", s.What, s.Remark)
		}
		if len(s.Petition) != 1 || runeSlice(pet, s.Petition[0].Start, s.Petition[0].End) != w[1] {
			t.Errorf("%s in petition at %v", s.What, s.Petition)
		}
	}
	if len(found) != len(want) {
		t.Errorf("shared %+v, want %v", got, want)
	}
	// Another hamlet is not shared.
	if got := SharedSpecifics("Cầu Đá xã Hải Minh hỏng", Span{}, "Sửa cầu Ba Khe xã Xuân Lập", ""); len(got) != 0 {
		t.Errorf("shared %+v", got)
	}
}

// Words that fold alike but carry other marks name other things when both
// texts write them with marks; against a text typed without marks, the
// folded form is all there is, and it is shared.
func TestSharedSpecificsMarks(t *testing.T) {
	for _, tt := range []struct {
		remark, pet string
		shared      bool
	}{
		{"Đề nghị sửa cầu Bóng xuống cấp", "Đề nghị sửa cầu Bông ở xã Yên Lạc", false},
		{"Đường vào bản Sình lầy lội", "Hỗ trợ học sinh bản Sinh đi học", false},
		{"Đề nghị sửa cầu Bông xuống cấp", "Đề nghị sửa cầu Bông ở xã Yên Lạc", true},
		{"De nghi sua cau Bong xuong cap", "Đề nghị sửa cầu Bông ở xã Yên Lạc", true},
		{"Đề nghị sửa cầu Bóng xuống cấp", "De nghi sua cau Bong o xa Yen Lac", true},
		{"Kính thưa đại biểu, cau Bong xuong cap", "Đề nghị sửa cầu Bông ở xã Yên Lạc", true},
	} {
		got := SharedSpecifics(tt.remark, Span{}, tt.pet, "")
		var whats []string
		for _, s := range got {
			if s.Kind == "bridge" || s.Kind == "village" {
				whats = append(whats, s.What)
			}
		}
		if (len(whats) > 0) != tt.shared {
			t.Errorf("%q / %q: shared %q, want shared=%v", tt.remark, tt.pet, whats, tt.shared)
		}
	}
}
