package doc

import (
	"strings"
	"testing"
	"time"
	"txct/export/docx"
)

func TestLetterAndRoman(t *testing.T) {
	var got []string
	for i := 1; i <= 13; i++ {
		got = append(got, Letter(i))
	}
	if s := strings.Join(got, " "); s != "a b c d đ e g h i k l m n" {
		t.Errorf("letters %s", s)
	}
	if Roman(4) != "IV" || Roman(9) != "IX" || Roman(14) != "XIV" {
		t.Errorf("roman %s %s %s", Roman(4), Roman(9), Roman(14))
	}
}

func TestKeepPlaces(t *testing.T) {
	for in, want := range map[string]string{
		"ỦY BAN MTTQ VIỆT NAM XÃ TÂN THÀNH": "ỦY BAN MTTQ VIỆT NAM XÃ\u00a0TÂN\u00a0THÀNH",
		"HĐND TỈNH ĐỒNG NAI":                "HĐND TỈNH\u00a0ĐỒNG\u00a0NAI",
		"Tổ đại biểu số 3":                  "Tổ đại biểu số\u00a03",
		"các xã trong tỉnh":                 "các xã trong tỉnh",
	} {
		if got := KeepPlaces(in); got != want {
			t.Errorf("KeepPlaces(%q) = %q, want %q", in, got, want)
		}
	}
	if n := NumberLine("BC", "TĐB"); strings.Contains(n, " ") || !strings.HasSuffix(n, "/BC-TĐB") {
		t.Errorf("number line %q breaks", n)
	}
	d := time.Date(2027, 2, 5, 0, 0, 0, 0, time.UTC)
	if got := DateLine("Tân Thành", d); got != "Tân Thành, ngày 05 tháng 02 năm 2027" {
		t.Errorf("date line %q", got)
	}
}

func TestRecipientLines(t *testing.T) {
	got := strings.Join(RecipientLines([]string{"Như trên;", "Thường trực HĐND tỉnh.", "Lưu: VT, Hồ sơ"}), "|")
	if got != "Nơi nhận:|- Như trên;|- Thường trực HĐND tỉnh;|- Lưu: VT, Hồ sơ." {
		t.Errorf("recipients %s", got)
	}
}

// Widths follow content: a column of long addresses gets more than a
// column of two-letter codes, every column fits its longest word, and the
// widths add up to the text width.
func TestColumnWidths(t *testing.T) {
	tb := Table{Columns: []Column{{Title: "STT"}, {Title: "Nội dung"}, {Title: "Địa chỉ"}, {Title: "Mã"}}}
	for range 10 {
		tb.Rows = append(tb.Rows, []string{"10", strings.Repeat("nội dung dài ", 20), "Tổ dân phố số 12, khu phố Tân Thành, phường Long Khánh", "xã"})
	}
	w := ColumnWidths(tb, 14000)
	sum := 0
	for _, x := range w {
		sum += x
	}
	if sum != 14000 {
		t.Errorf("widths %v sum to %d", w, sum)
	}
	if w[2] < 2500 || w[2] <= w[3] || w[1] <= w[2] || w[0] < 3*charW {
		t.Errorf("widths %v", w)
	}
}

// Markdown and DOCX carry the same words.
func TestRenderersAgree(t *testing.T) {
	d := &Document{Title: "t"}
	d.Add(Header{Body: "Tổ đại biểu số 3", Type: "BC", Issuer: "TĐB", Place: "Tân Thành"},
		Title{Kind: "BÁO CÁO", Summary: "Tóm tắt"},
		Heading{Level: 1, Text: "I. Phần một"},
		List{Style: Lettered, Start: 5, Items: []Item{{Runs: []Run{T("mục năm")}}, {Runs: []Run{T("mục sáu")}, More: []Para{{Runs: []Run{I("chú thích")}, Indent: true}}}}},
		Signatures{Right: Signature{Capacity: []string{"TM. TỔ ĐẠI BIỂU", "TỔ TRƯỞNG"}, Name: "Nguyễn Văn A"}, Recipients: []string{"Như trên", "Lưu: VT"}},
	)
	md := d.Markdown()
	xml := d.DOCX(Layout{Page: docxA4(), FontSize: 14}).DocumentXML()
	xml = strings.ReplaceAll(xml, NBSP, " ")
	for _, want := range []string{"TỔ ĐẠI BIỂU SỐ 3", "/BC-TĐB", "Tân Thành, ngày", "BÁO CÁO", "PHẦN MỘT", "đ) mục năm", "e) mục sáu", "chú thích", "TM. TỔ ĐẠI BIỂU", "Nguyễn Văn A", "- Như trên;", "- Lưu: VT."} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q", want)
		}
		if !strings.Contains(xml, want) && !strings.Contains(xml, strings.ReplaceAll(want, ") ", ") </w:t></w:r><w:r><w:t xml:space=\"preserve\">")) {
			t.Errorf("docx lacks %q", want)
		}
	}
}

func docxA4() docx.Page { return docx.A4 }
