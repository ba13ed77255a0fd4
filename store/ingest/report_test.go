package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"testing"

	"txct/store/model"
)

// testDocx builds a DOCX from lines written the way a clerk sees them:
//
//	**text**      a bold paragraph        _text_   an italic one
//	*_text_*      bold italic             #text    an item Word numbers (decimal, "1.")
//	|a|b|c|       a table row (consecutive rows make one table)
//	~             an empty paragraph
//
// Anything else is a plain paragraph.
func testDocx(t testing.TB, lines []string) []byte {
	t.Helper()
	var body strings.Builder
	esc := func(s string) string {
		var b bytes.Buffer
		_ = xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	para := func(text string, bold, italic bool, numbered bool) string {
		var p strings.Builder
		p.WriteString("<w:p>")
		if numbered {
			p.WriteString(`<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>`)
		}
		p.WriteString("<w:r>")
		if bold || italic {
			p.WriteString("<w:rPr>")
			if bold {
				p.WriteString("<w:b/>")
			}
			if italic {
				p.WriteString("<w:i/>")
			}
			p.WriteString("</w:rPr>")
		}
		p.WriteString(`<w:t xml:space="preserve">` + esc(text) + "</w:t></w:r></w:p>")
		return p.String()
	}
	inTable := false
	for _, l := range lines {
		if strings.HasPrefix(l, "|") {
			if !inTable {
				body.WriteString("<w:tbl>")
				inTable = true
			}
			body.WriteString("<w:tr>")
			for _, c := range strings.Split(strings.Trim(l, "|"), "|") {
				body.WriteString("<w:tc>" + para(c, false, false, false) + "</w:tc>")
			}
			body.WriteString("</w:tr>")
			continue
		}
		if inTable {
			body.WriteString("</w:tbl>")
			inTable = false
		}
		switch {
		case l == "~":
			body.WriteString("<w:p/>")
		case strings.HasPrefix(l, "*_") && strings.HasSuffix(l, "_*"):
			body.WriteString(para(l[2:len(l)-2], true, true, false))
		case strings.HasPrefix(l, "**") && strings.HasSuffix(l, "**"):
			body.WriteString(para(l[2:len(l)-2], true, false, false))
		case strings.HasPrefix(l, "_") && strings.HasSuffix(l, "_"):
			body.WriteString(para(l[1:len(l)-1], false, true, false))
		case strings.HasPrefix(l, "#"):
			body.WriteString(para(l[1:], false, false, true))
		default:
			body.WriteString(para(l, false, false, false))
		}
	}
	if inTable {
		body.WriteString("</w:tbl>")
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	files := map[string]string{
		"[Content_Types].xml":          `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>`,
		"_rels/.rels":                  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/document.xml":            `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body.String() + `</w:body></w:document>`,
		"word/_rels/document.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>`,
		"word/numbering.xml":           `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`,
	}
	for _, n := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels", "word/numbering.xml"} {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(files[n])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// want is an item as the layout's author wrote it.
type want struct {
	text, field, level, place, body, answer string
}

var reportLayouts = []struct {
	name    string
	lines   []string
	answers bool
	session string
	date    string
	items   []want
}{
	{
		// A provincial office's summary report: caps bold sections, bold
		// level headings numbered 1., field headings "a) Lĩnh vực …" in bold
		// italic, items numbered by hand and continuously, where raised in
		// brackets at the end.
		name: "summary, caps and lettered fields",
		lines: []string{
			"**HĐND TỈNH ĐỒNG NAI**", "**TỔ ĐẠI BIỂU SỐ 3**", "Số: 05/BC-TĐB",
			"_Tân Thành, ngày 05 tháng 01 năm 2027_",
			"**BÁO CÁO**",
			"**Tổng hợp ý kiến, kiến nghị của cử tri trước Kỳ họp thứ 10, HĐND tỉnh khóa X**",
			"Thực hiện Kế hoạch số 12/KH-HĐND, Tổ đại biểu báo cáo như sau:",
			"**I. TÌNH HÌNH TỔ CHỨC HỘI NGHỊ**",
			"1. Tổ chức 04 điểm tiếp xúc, có 320 cử tri tham dự.",
			"2. Có 25 lượt cử tri phát biểu.",
			"**II. Ý KIẾN, KIẾN NGHỊ CỦA CỬ TRI**",
			"**1. Kiến nghị thuộc thẩm quyền Trung ương**",
			"*_a) Lĩnh vực chính sách xã hội_*",
			"1. Đề nghị Quốc hội sớm sửa đổi mức trợ cấp cho người có công, mức hiện nay thấp so với mức sống. (Cử tri xã Tân Thành)",
			"*_b) Lĩnh vực y tế_*",
			"2. Đề nghị nâng mức hỗ trợ mua thẻ BHYT cho hộ cận nghèo. (Cử tri phường Bửu Long)",
			"**2. Kiến nghị thuộc thẩm quyền của tỉnh**",
			"*_a) Lĩnh vực giao thông_*",
			"3. Đề nghị sớm nâng cấp tuyến ĐT.768 đoạn qua xã Tân Thành,",
			"mặt đường hư hỏng nặng, mùa mưa ngập sâu. (Cử tri ông Nguyễn Văn An, ấp 3)",
			"4. Đề nghị lắp đèn chiếu sáng tại nút giao QL1A – ĐT.768. (Cử tri xã Tân Thành)",
			"*_b) Lĩnh vực đất đai_*",
			"5. Cử tri xã Thiện Tân kiến nghị đẩy nhanh việc cấp GCNQSDĐ cho các hộ tái định cư.",
			"**3. Kiến nghị thuộc thẩm quyền cấp xã**",
			"*_a) Lĩnh vực môi trường_*",
			"6. Đề nghị thu gom rác tại chợ ấp 2 hằng ngày. (Cử tri ấp 2)",
			"**III. ĐỀ XUẤT CỦA TỔ ĐẠI BIỂU**",
			"1. Đề nghị Thường trực HĐND tỉnh chuyển các kiến nghị đến cơ quan có thẩm quyền.",
			"Trên đây là báo cáo tổng hợp ý kiến, kiến nghị của cử tri./.",
		},
		session: "Trước Kỳ họp thứ 10, HĐND tỉnh khóa X",
		date:    "2027-01-05",
		items: []want{
			{text: "Đề nghị Quốc hội sớm sửa đổi mức trợ cấp cho người có công, mức hiện nay thấp so với mức sống.", field: "chính sách xã hội", level: "trung ương", place: "xã Tân Thành"},
			{text: "Đề nghị nâng mức hỗ trợ mua thẻ BHYT cho hộ cận nghèo.", field: "y tế", level: "trung ương", place: "phường Bửu Long"},
			{text: "Đề nghị sớm nâng cấp tuyến ĐT.768 đoạn qua xã Tân Thành, mặt đường hư hỏng nặng, mùa mưa ngập sâu.", field: "giao thông", level: "tỉnh", place: "ấp 3"},
			{text: "Đề nghị lắp đèn chiếu sáng tại nút giao QL1A – ĐT.768.", field: "giao thông", level: "tỉnh", place: "xã Tân Thành"},
			{text: "Cử tri xã Thiện Tân kiến nghị đẩy nhanh việc cấp GCNQSDĐ cho các hộ tái định cư.", field: "đất đai", level: "tỉnh", place: "xã Thiện Tân"},
			{text: "Đề nghị thu gom rác tại chợ ấp 2 hằng ngày.", field: "môi trường", level: "xã", place: "ấp 2"},
		},
	},
	{
		// A department's answer report from before the two-level reform:
		// roman level headings in caps, "1. Về …" field headings, items
		// "Câu n:" restarting under each field, answers named by body in
		// italics.
		name:    "answer report, Câu n, bodies in italics",
		answers: true,
		lines: []string{
			"**UBND TỈNH BẮC NINH**",
			"_Bắc Ninh, ngày 20 tháng 6 năm 2024_",
			"**BÁO CÁO**",
			"**Kết quả giải quyết, trả lời kiến nghị của cử tri gửi tới Kỳ họp thứ 12, HĐND tỉnh khóa XIX**",
			"**I. KIẾN NGHỊ THUỘC THẨM QUYỀN CỦA TỈNH**",
			"**1. Về đất đai**",
			"Câu 1: Cử tri huyện Yên Phong đề nghị giải quyết dứt điểm việc cấp GCNQSDĐ cho 45 hộ thôn Đông Xuyên.",
			"*_Sở Tài nguyên và Môi trường trả lời:_*",
			"_Sở đã chỉ đạo Văn phòng Đăng ký đất đai rà soát hồ sơ; đến nay đã cấp 30 giấy._",
			"_15 hộ còn lại sẽ được cấp trong quý III năm 2024._",
			"Câu 2: Đề nghị công khai quy hoạch sử dụng đất đến năm 2030. (Cử tri xã Dũng Liệt)",
			"_Sở Tài nguyên và Môi trường trả lời: Quy hoạch đã được công bố trên cổng thông tin điện tử của tỉnh._",
			"**2. Về giao thông**",
			"Câu 1: Đề nghị xây mới cầu tràn Nà Ca nối thôn Hòa Bình với trung tâm xã. (Cử tri xã Dũng Liệt)",
			"_Trả lời: Sở Giao thông vận tải đã đưa công trình vào kế hoạch đầu tư công giai đoạn 2026–2030._",
			"**II. KIẾN NGHỊ THUỘC THẨM QUYỀN CẤP HUYỆN**",
			"**1. Lĩnh vực khác**",
			"Câu 1: Đề nghị sửa chữa nhà văn hóa thôn Trung. (Cử tri thôn Trung)",
			"_UBND huyện Yên Phong trả lời: Đã bố trí 300 triệu đồng sửa chữa trong năm 2024._",
		},
		session: "Gửi tới Kỳ họp thứ 12, HĐND tỉnh khóa XIX",
		date:    "2024-06-20",
		items: []want{
			{text: "Cử tri huyện Yên Phong đề nghị giải quyết dứt điểm việc cấp GCNQSDĐ cho 45 hộ thôn Đông Xuyên.", field: "đất đai", level: "tỉnh", place: "huyện Yên Phong", body: "Sở Tài nguyên và Môi trường", answer: "Sở đã chỉ đạo Văn phòng Đăng ký đất đai rà soát hồ sơ; đến nay đã cấp 30 giấy.\n15 hộ còn lại sẽ được cấp trong quý III năm 2024."},
			{text: "Đề nghị công khai quy hoạch sử dụng đất đến năm 2030.", field: "đất đai", level: "tỉnh", place: "xã Dũng Liệt", body: "Sở Tài nguyên và Môi trường", answer: "Quy hoạch đã được công bố trên cổng thông tin điện tử của tỉnh."},
			{text: "Đề nghị xây mới cầu tràn Nà Ca nối thôn Hòa Bình với trung tâm xã.", field: "giao thông", level: "tỉnh", place: "xã Dũng Liệt", answer: "Sở Giao thông vận tải đã đưa công trình vào kế hoạch đầu tư công giai đoạn 2026–2030."},
			{text: "Đề nghị sửa chữa nhà văn hóa thôn Trung.", field: "khác", level: "huyện", place: "thôn Trung", body: "UBND huyện Yên Phong", answer: "Đã bố trí 300 triệu đồng sửa chữa trong năm 2024."},
		},
	},
	{
		// An answer report kept as a table, the sitting given by flags.
		name:    "answer report as a table",
		answers: true,
		lines: []string{
			"**BÁO CÁO**",
			"**Kết quả trả lời kiến nghị cử tri**",
			"|STT|Nội dung kiến nghị|Lĩnh vực|Địa bàn|Cơ quan trả lời|Nội dung trả lời|",
			"|1|Đề nghị nạo vét kênh N2 trước vụ đông xuân.|nông nghiệp - thủy lợi|xã Tân An|Công ty TNHH MTV Khai thác thủy lợi|Đã nạo vét xong tháng 11/2025.|",
			"|2|Đề nghị bổ sung giáo viên tiếng Anh cho trường tiểu học.|giáo dục|xã Tân Bình|Sở Giáo dục và Đào tạo|Đã tuyển bổ sung 02 giáo viên.|",
			"|3|Điện sinh hoạt chập chờn vào giờ cao điểm.|điện - nước sinh hoạt|thôn 5|Công ty Điện lực tỉnh|Đã thay máy biến áp 250 kVA.|",
		},
		session: "Sau kỳ họp cuối năm 2025",
		date:    "2026-01-15",
		items: []want{
			{text: "Đề nghị nạo vét kênh N2 trước vụ đông xuân.", field: "nông nghiệp - thủy lợi", place: "xã Tân An", body: "Công ty TNHH MTV Khai thác thủy lợi", answer: "Đã nạo vét xong tháng 11/2025."},
			{text: "Đề nghị bổ sung giáo viên tiếng Anh cho trường tiểu học.", field: "giáo dục", place: "xã Tân Bình", body: "Sở Giáo dục và Đào tạo", answer: "Đã tuyển bổ sung 02 giáo viên."},
			{text: "Điện sinh hoạt chập chờn vào giờ cao điểm.", field: "điện - nước sinh hoạt", place: "thôn 5", body: "Công ty Điện lực tỉnh", answer: "Đã thay máy biến áp 250 kVA."},
		},
	},
	{
		// A commune's summary with Word's automatic numbering for items and
		// plain field headings without a letter.
		name: "summary, Word numbering",
		lines: []string{
			"**UBND XÃ TÂN AN**",
			"_Tân An, ngày 12 tháng 3 năm 2026_",
			"**BÁO CÁO**",
			"**Tổng hợp ý kiến, kiến nghị cử tri sau kỳ họp thứ nhất, HĐND xã khóa I**",
			"**KIẾN NGHỊ THUỘC THẨM QUYỀN XÃ**",
			"**Giao thông**",
			"#Đề nghị bê tông hóa đường thôn 3 đoạn từ nhà ông Tư đến cầu Đá. (Cử tri thôn 3)",
			"#Đề nghị sửa cống qua đường liên thôn bị sập. (Cử tri thôn 4)",
			"**An ninh - trật tự**",
			"#Tình trạng xe tải chạy quá tốc độ qua trường học. (Cử tri thôn 1)",
		},
		session: "Sau kỳ họp thứ nhất, HĐND xã khóa I",
		date:    "2026-03-12",
		items: []want{
			{text: "Đề nghị bê tông hóa đường thôn 3 đoạn từ nhà ông Tư đến cầu Đá.", field: "giao thông", level: "xã", place: "thôn 3"},
			{text: "Đề nghị sửa cống qua đường liên thôn bị sập.", field: "giao thông", level: "xã", place: "thôn 4"},
			{text: "Tình trạng xe tải chạy quá tốc độ qua trường học.", field: "an ninh - trật tự", level: "xã", place: "thôn 1"},
		},
	},
}

// TestReportLayouts reads reports written the way provincial offices and
// departments write them and counts the items found against the items
// written, field by field.
func TestReportLayouts(t *testing.T) {
	found, written := 0, 0
	for _, l := range reportLayouts {
		t.Run(l.name, func(t *testing.T) {
			written += len(l.items)
			opt := ReportOptions{}
			if strings.Contains(l.name, "table") {
				opt = ReportOptions{Session: l.session, Date: "15/01/2026"}
			}
			rep, err := ReadReport(bytes.NewReader(testDocx(t, l.lines)), "r.docx", opt)
			if err != nil {
				t.Fatal(err)
			}
			found += len(rep.Items)
			if rep.Answers != l.answers || rep.Session != l.session || rep.Date != l.date {
				t.Errorf("answers %v, session %q, date %q; want %v, %q, %q", rep.Answers, rep.Session, rep.Date, l.answers, l.session, l.date)
			}
			if len(rep.Items) != len(l.items) {
				for _, it := range rep.Items {
					t.Logf("found %d: %+v", it.No, it.Petition)
				}
				t.Fatalf("%d items found, %d written", len(rep.Items), len(l.items))
			}
			for i, w := range l.items {
				p := rep.Items[i].Petition
				got := want{p.Text, string(p.Field), string(p.Authority), p.Location, p.Body, p.Response}
				if got != w {
					t.Errorf("item %d:\n got %+v\nwant %+v", i+1, got, w)
				}
				if w.answer != "" && (p.Status != model.StatusAnswered || p.AnsweredAt != l.date) {
					t.Errorf("item %d: status %q, answered %q", i+1, p.Status, p.AnsweredAt)
				}
				if p.ID == "" || p.Source != "r.docx" {
					t.Errorf("item %d: id %q source %q", i+1, p.ID, p.Source)
				}
			}
		})
	}
	t.Logf("items found %d of %d written, in %d layouts", found, written, len(reportLayouts))
}

// TestReportStructureLost: a report whose structure breaks is refused,
// saying where.
func TestReportStructureLost(t *testing.T) {
	for name, tt := range map[string]struct {
		lines []string
		msg   string
	}{
		"numbering jumps": {[]string{
			"**BÁO CÁO**", "**Tổng hợp ý kiến, kiến nghị cử tri**",
			"**1. Thuộc thẩm quyền tỉnh**", "**a) Lĩnh vực giao thông**",
			"1. Đề nghị sửa đường ĐT.768.", "2. Đề nghị lắp đèn tại ngã ba.", "7. Đề nghị làm cầu Đá.",
		}, `paragraph 7 ("7. Đề nghị làm cầu Đá.")`},
		"no items": {[]string{
			"**BÁO CÁO**", "**Tổng hợp ý kiến, kiến nghị cử tri**", "**II. Ý KIẾN CỬ TRI**",
			"Cử tri đề nghị nhiều việc, nói chung là đường xá và điện.",
		}, "no numbered items"},
		"answer missing": {[]string{
			"**BÁO CÁO**", "**Kết quả giải quyết kiến nghị cử tri**", "**1. Về giao thông**",
			"1. Đề nghị sửa đường ĐT.768.", "_Sở Giao thông vận tải trả lời: đã sửa._", "2. Đề nghị lắp đèn tại ngã ba.",
		}, `item 2 ("Đề nghị lắp đèn tại ngã ba.")`},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := ReadReport(bytes.NewReader(testDocx(t, tt.lines)), "bad.docx", ReportOptions{})
			if err == nil || !strings.Contains(err.Error(), tt.msg) || !strings.HasPrefix(err.Error(), "bad.docx") {
				t.Fatalf("error %v, want one with %q", err, tt.msg)
			}
		})
	}
	if _, err := ReadReport(strings.NewReader("not a zip"), "x.docx", ReportOptions{}); err == nil {
		t.Fatal("junk accepted")
	}
}

// sixtyPages is a report of 60 pages or so: 480 items of four lines, with
// answers, under 3 levels and 14 fields.
func sixtyPages(t testing.TB) []byte {
	lines := []string{"**BÁO CÁO**", "**Kết quả giải quyết, trả lời kiến nghị cử tri trước kỳ họp giữa năm 2026**", "_Hà Nội, ngày 01 tháng 6 năm 2026_"}
	n := 0
	for li, lv := range []string{"Trung ương", "tỉnh", "xã"} {
		lines = append(lines, fmt.Sprintf("**%s. KIẾN NGHỊ THUỘC THẨM QUYỀN %s**", []string{"I", "II", "III"}[li], strings.ToUpper(lv)))
		for fi, f := range model.Fields {
			lines = append(lines, fmt.Sprintf("**%d. Lĩnh vực %s**", fi+1, f))
			for k := 0; k < 11; k++ {
				n++
				lines = append(lines,
					fmt.Sprintf("%d. Cử tri xã Tân Thành kiến nghị sửa chữa tuyến đường số %d đoạn qua thôn %d, mặt đường hư hỏng nặng, mùa mưa nước ngập sâu, học sinh đi lại nguy hiểm; đề nghị sớm bố trí vốn.", k+1, n, k),
					"*_Sở Giao thông vận tải trả lời:_*",
					fmt.Sprintf("_Tuyến đường số %d đã được đưa vào kế hoạch duy tu năm 2026 với tổng kinh phí 2 tỷ đồng; dự kiến khởi công trong quý III và hoàn thành trước mùa mưa năm sau._", n),
					"_Sở sẽ phối hợp với UBND xã kiểm tra, báo cáo kết quả cho cử tri._")
			}
		}
	}
	return testDocx(t, lines)
}

func TestReportSixtyPages(t *testing.T) {
	rep, err := ReadReport(bytes.NewReader(sixtyPages(t)), "big.docx", ReportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Items) != 3*len(model.Fields)*11 {
		t.Fatalf("%d items", len(rep.Items))
	}
}

// BenchmarkReadReport60Pages: a report of about 60 pages (462 items with
// answers, 1,900 paragraphs).
func BenchmarkReadReport60Pages(b *testing.B) {
	data := sixtyPages(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ReadReport(bytes.NewReader(data), "big.docx", ReportOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
