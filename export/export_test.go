package export

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/xuri/excelize/v2"

	"txct/export/doc"
	"txct/store/model"
)

func opts() Options {
	return Options{Today: today, SentTo: "Thường trực HĐND tỉnh Đồng Nai", Profile: model.Profile{Report: model.Issuer{Signer: "Nguyễn Văn Hùng"}}}
}

// render runs one writer and returns its bytes.
func render(t testing.TB, fn func(io.Writer, model.Snapshot, Options) error, snap model.Snapshot, o Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := fn(&b, snap, o); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// prepared is o with its defaults filled in.
func prepared(t testing.TB, o Options) Options {
	t.Helper()
	o, err := o.prepare()
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// parts unzips a package into its parts.
func parts(t testing.TB, data []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	out := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	return out
}

func TestGoldenDocuments(t *testing.T) {
	snap := example()
	minutes := parts(t, render(t, Minutes, snap, opts()))
	report := parts(t, render(t, Report, snap, opts()))
	sheet := parts(t, render(t, Spreadsheet, snap, opts()))
	cases := map[string][]byte{
		"minutes":         minutes["word/document.xml"],
		"minutes_header1": minutes["word/header1.xml"],
		"minutes_header2": minutes["word/header2.xml"],
		"report":          report["word/document.xml"],
		"report_header1":  report["word/header1.xml"],
		"markdown":        render(t, Markdown, snap, opts()),
		"minutes_tree":    []byte(MinutesDoc(snap, prepared(t, opts())).TextForm()),
		"report_tree":     []byte(ReportDoc(snap, prepared(t, opts())).TextForm()),
		"sheet1":          sheet["xl/worksheets/sheet1.xml"],
		"sheet2":          sheet["xl/worksheets/sheet2.xml"],
	}
	for name, got := range cases {
		t.Run(name, func(t *testing.T) {
			if len(got) == 0 {
				t.Fatal("part missing")
			}
			golden.RequireEqual(t, got)
		})
	}
}

// Every part of every DOCX parses as XML, and the layout is the decree's.
func TestDocxValidAndLaidOut(t *testing.T) {
	snap := example()
	lineRe := regexp.MustCompile(`<w:spacing w:before="(\d+)" w:after="(\d+)" w:line="(\d+)" w:lineRule="auto"/>`)
	for name, fn := range map[string]func(io.Writer, model.Snapshot, Options) error{"minutes": Minutes, "report": Report} {
		ps := parts(t, render(t, fn, snap, opts()))
		for part, data := range ps {
			d := xml.NewDecoder(bytes.NewReader(data))
			for {
				if _, err := d.Token(); err == io.EOF {
					break
				} else if err != nil {
					t.Fatalf("%s %s: %v", name, part, err)
				}
			}
		}
		doc := string(ps["word/document.xml"])
		sect := doc[strings.Index(doc, "<w:sectPr>"):]
		for _, want := range []string{`<w:pgSz w:w="11906" w:h="16838"/>`, `w:top="1134" w:right="850" w:bottom="1134" w:left="1701"`,
			`<w:titlePg/>`, `<w:headerReference w:type="first"`, `<w:headerReference w:type="default"`} {
			if !strings.Contains(sect, want) {
				t.Errorf("%s: first sectPr lacks %s", name, want)
			}
		}
		for _, want := range []string{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", `w:firstLine="567"`, `<w:jc w:val="both"/>`, `<w:i/>`} {
			if !strings.Contains(doc, want) {
				t.Errorf("%s: document.xml lacks %s", name, want)
			}
		}
		body := 0
		for _, m := range lineRe.FindAllStringSubmatch(doc, -1) {
			after, _ := strconv.Atoi(m[2])
			line, _ := strconv.Atoi(m[3])
			if line < 240 || line > 360 {
				t.Errorf("%s: line spacing %d outside single–1.5", name, line)
			}
			if line == 276 && after >= 120 {
				body++
			}
		}
		if body < 10 {
			t.Errorf("%s: only %d body paragraphs with ≥ 6 pt after", name, body)
		}
		if hdr := string(ps["word/header1.xml"]); !strings.Contains(hdr, " PAGE ") || !strings.Contains(hdr, `w:val="center"`) {
			t.Errorf("%s: no centred page number: %s", name, hdr)
		}
		if strings.Contains(string(ps["word/header2.xml"]), "PAGE") {
			t.Errorf("%s: the first-page header has a page number", name)
		}
		styles := string(ps["word/styles.xml"])
		for _, want := range []string{`w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"`, `<w:sz w:val="28"/>`} {
			if !strings.Contains(styles, want) {
				t.Errorf("%s: styles lack %s", name, want)
			}
		}
	}
	// The report's appendix is a landscape section without titlePg.
	doc := string(parts(t, render(t, Report, snap, opts()))["word/document.xml"])
	last := doc[strings.LastIndex(doc, "<w:sectPr>"):]
	if !strings.Contains(last, `w:orient="landscape"`) || strings.Contains(last, "titlePg") {
		t.Errorf("appendix section: %s", last)
	}
}

func TestOptions(t *testing.T) {
	snap := example()
	o := opts()
	o.Margins = Margins{Top: 25, Bottom: 25, Left: 35, Right: 20}
	o.FontSize = 13
	ps := parts(t, render(t, Minutes, snap, o))
	if doc := string(ps["word/document.xml"]); !strings.Contains(doc, `w:top="1417" w:right="1134" w:bottom="1417" w:left="1984"`) {
		t.Error("custom margins not in sectPr")
	}
	if !strings.Contains(string(ps["word/styles.xml"]), `<w:sz w:val="26"/>`) {
		t.Error("13 pt body not in styles")
	}
	bad := []Options{
		{FontSize: 12}, {FontSize: 15},
		{Margins: Margins{Top: 19, Bottom: 20, Left: 30, Right: 15}},
		{Margins: Margins{Top: 20, Bottom: 20, Left: 36, Right: 15}},
		{Margins: Margins{Top: 20, Bottom: 20, Left: 30, Right: 14}},
	}
	for _, o := range bad {
		for name, fn := range map[string]func(io.Writer, model.Snapshot, Options) error{"minutes": Minutes, "report": Report, "sheet": Spreadsheet, "md": Markdown} {
			if err := fn(io.Discard, snap, o); err == nil {
				t.Errorf("%s accepted %+v", name, o)
			}
		}
	}
}

// forbidden reports the first control, escape or bidi character in s, or -1.
func forbidden(s string) rune {
	for _, r := range s {
		switch {
		case r < 0x20 && r != '\n' && r != '\r' && r != '\t', r == 0x7f, r >= 0x80 && r < 0xa0,
			r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c, r == utf8.RuneError:
			return r
		}
	}
	return -1
}

// No control, escape or bidi character reaches any part of any output.
func TestNoEscapeSequencesInOutput(t *testing.T) {
	snap := example()
	outs := map[string][]byte{"markdown": render(t, Markdown, snap, opts())}
	for name, fn := range map[string]func(io.Writer, model.Snapshot, Options) error{"minutes": Minutes, "report": Report, "sheet": Spreadsheet} {
		for part, data := range parts(t, render(t, fn, snap, opts())) {
			outs[name+" "+part] = data
		}
	}
	for name, data := range outs {
		if r := forbidden(string(data)); r != -1 {
			t.Errorf("%s contains %U", name, r)
		}
	}
	if !strings.Contains(string(outs["markdown"]), "␛]52;c;aGk=␇ kiểm tra đèn đường tuyến") {
		t.Error("markdown: the hostile text is not shown inert")
	}
	for _, name := range []string{"minutes word/document.xml", "report word/document.xml", "sheet xl/sharedStrings.xml"} {
		if !strings.Contains(string(outs[name]), "[ESC]]52;c;aGk=[BEL] kiểm tra đèn đường tuyến") {
			t.Errorf("%s: the hostile text is not spelled out", name)
		}
	}
}

func TestReportCountsAddUp(t *testing.T) {
	snap := example()
	c := Count(snap)
	byLevel, byField := 0, 0
	for _, n := range c.ByLevel {
		byLevel += n
	}
	for _, n := range c.ByField {
		byField += n
	}
	if c.Remarks != 11 || c.AfterMerge != 10 || byLevel != c.AfterMerge || byField != c.AfterMerge {
		t.Fatalf("counts: %+v (by level %d, by field %d)", c, byLevel, byField)
	}
	if c.Answered != 4 || c.Opinions != 2 || c.Repeats != 3 || c.Speakers != 11 {
		t.Errorf("counts: %+v", c)
	}
	// Items are numbered 1…AfterMerge across the level groups.
	n := 0
	for _, lg := range sections(snap.Remarks) {
		for _, fg := range lg.fields {
			n += len(fg.items)
		}
	}
	if n != c.AfterMerge {
		t.Errorf("section II lists %d items, want %d", n, c.AfterMerge)
	}
	// The count sheet's grand total, row totals and column totals agree.
	f, err := excelize.OpenReader(bytes.NewReader(render(t, Spreadsheet, snap, opts())))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows(SheetCounts)
	last := rows[len(rows)-1]
	if last[0] != "Tổng" || last[len(last)-1] != strconv.Itoa(c.AfterMerge) {
		t.Errorf("count sheet total row %v, want %d", last, c.AfterMerge)
	}
	colSum := 0
	for _, v := range last[1 : len(last)-1] {
		k, _ := strconv.Atoi(v)
		colSum += k
	}
	rowSum := 0
	for _, row := range rows[1 : len(rows)-1] {
		k, _ := strconv.Atoi(row[len(row)-1])
		rowSum += k
	}
	if colSum != c.AfterMerge || rowSum != c.AfterMerge {
		t.Errorf("count sheet: columns add to %d, rows to %d, want %d", colSum, rowSum, c.AfterMerge)
	}
	remarks, _ := f.GetRows(SheetRemarks)
	if len(remarks) != c.Remarks+6 || remarks[5][4] != "Loại" || remarks[7][4] != "Ý kiến" {
		t.Errorf("remarks sheet: %d rows, header %v", len(remarks)-6, remarks[5])
	}
}

func TestReportContent(t *testing.T) {
	snap := example()
	for name, text := range map[string]string{
		"docx":     string(parts(t, render(t, Report, snap, opts()))["word/document.xml"]),
		"markdown": strings.SplitN(string(render(t, Markdown, snap, opts())), "\n---\n", 2)[1],
	} {
		text = strings.ReplaceAll(text, "\u00a0", " ")
		if n := strings.Count(text, "2 lượt cử tri)"); n != 1 {
			t.Errorf("%s: merged group shown %d times with (… 2 lượt cử tri)", name, n)
		}
		// The merged remark's own text appears only in the appendix.
		if n := strings.Count(text, "đoạn trước chợ ấp 3"); n != 1 {
			t.Errorf("%s: the merged remark appears %d times", name, n)
		}
		for _, want := range []string{
			"(kiến nghị lặp lại)",
			"Cử tri đã nêu kiến nghị này 2 lần, lần đầu ngày 12/06/2024 (Trước kỳ họp giữa năm 2024), gần nhất ngày 20/05/2025 (Trước kỳ họp giữa năm 2025).",
			"Sở Xây dựng đã trả lời ngày 30/09/2024: “Đã đưa tuyến ĐT.768 vào kế hoạch duy tu, sửa chữa năm 2025.” Tình trạng: đang giải quyết.",
			"Cử tri đã nêu kiến nghị này ngày 20/05/2025 (Trước kỳ họp giữa năm 2025). Đến nay chưa có văn bản trả lời. Tình trạng: chưa giải quyết.",
			// Two records of one demand: 1 + (1 + 1 raise) = 3 times; the
			// body named in the answer is the answerer, said once.
			"Cử tri đã nêu kiến nghị này 3 lần, lần đầu ngày 02/11/2021 (Trước kỳ họp cuối năm 2021), gần nhất ngày 28/11/2024 (Trước kỳ họp cuối năm 2024).",
			"Công ty Điện lực Đồng Nai đã trả lời tại văn bản số 1520/PCĐN-KT ngày 20/08/2023: “Trạm biến áp ấp 6",
			"Thuộc thẩm quyền Trung ương (2)", "Thuộc thẩm quyền tỉnh (3)", "Thuộc thẩm quyền xã (5)",
			"Kính gửi: Thường trực HĐND tỉnh Đồng Nai", "Tân Thành, ngày 05 tháng 02 năm 2027", "- Như trên;",
			"(Cử tri ông Lê Văn Cường, ấp 3; cử tri bà Phạm Thị Dung, ấp 3; 2 lượt cử tri)", "(Một cử tri, ấp 5)",
			"Kèm theo Báo cáo số", "gộp với ý kiến số 3",
		} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: report lacks %q", name, want)
			}
		}
		for _, bad := range []string{"Trả lời: Công ty Điện lực Đồng Nai trả lời", "đã trả lời: Công ty", "chưa rõ cơ quan", "Cử tri Ông", "Cử tri Bà", "Cử tri một cử tri", "ghi “Ý kiến”"} {
			if strings.Contains(text, bad) {
				t.Errorf("%s: report has %q", name, bad)
			}
		}
		if strings.Count(text, "(kiến nghị lặp lại)") != 3 {
			t.Errorf("%s: want three repeat markers", name)
		}
	}
}

// Each answer on the spot sits directly under the remark it answers.
func TestMinutesAnswerUnderRemark(t *testing.T) {
	snap := example()
	xml := string(parts(t, render(t, Minutes, snap, opts()))["word/document.xml"])
	// The date line and the number line do not break.
	for _, want := range []string{"Tân\u00a0Thành, ngày\u00a020\u00a0tháng\u00a011\u00a0năm\u00a02026", "Số:\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BB-MTTQ"} {
		if !strings.Contains(xml, want) {
			t.Errorf("minutes lack %q", want)
		}
	}
	doc := strings.ReplaceAll(xml, "\u00a0", " ")
	i3 := strings.Index(doc, "Đường ĐT.768 đoạn qua ấp 3")
	ans := strings.Index(doc, "Ông Nguyễn Văn Hùng, Phó Chủ tịch HĐND tỉnh trả lời: ")
	i4 := strings.Index(doc, "Đề nghị sửa chữa đường ĐT.768")
	if i3 < 0 || ans < i3 || i4 < ans {
		t.Errorf("answer not between its remark and the next: %d %d %d", i3, ans, i4)
	}
	for _, want := range []string{"Vào hồi 08 giờ 00 ngày 20 tháng 11 năm 2026, tại Hội trường UBND xã Tân Thành",
		"Hội nghị kết thúc vào hồi 10 giờ 45 cùng ngày.", "được thông qua./.",
		"Đại biểu trả lời: ", "Một cử tri (ấp 5)",
		"THƯ KÝ", "CHỦ TRÌ", "Nơi nhận:", "- Lưu: VT, Hồ sơ."} {
		if !strings.Contains(doc, want) {
			t.Errorf("minutes lack %q", want)
		}
	}
}

// Levels go central, province, legacy district, commune, unclassified; fields
// in the fixed order; a level or field txct does not know is unclassified.
func TestSectionsOrder(t *testing.T) {
	rs := []model.Remark{
		{ID: 1, Authority: model.AuthCommune, Field: "khác"},
		{ID: 2, Authority: "bogus", Field: "giao thông"},
		{ID: 3, Authority: model.AuthDistrict, Field: "y tế"},
		{ID: 4, Authority: model.AuthCommune, Field: "giao thông"},
		{ID: 5, Authority: model.AuthCentral, Field: "no such field"},
		{ID: 6, Authority: "", Field: "đất đai"},
		{ID: 7, Authority: model.AuthCommune, Field: "giao thông", MergedInto: 4},
	}
	var got []string
	for _, lg := range sections(rs) {
		for _, fg := range lg.fields {
			for _, it := range fg.items {
				got = append(got, strconv.Itoa(lg.no)+string(fg.letter)+":"+strconv.FormatUint(it.lead.ID, 10)+"x"+strconv.Itoa(len(it.members)))
			}
		}
	}
	want := "1a:5x1 2a:3x1 3a:4x2 3b:1x1 4a:2x1 4b:6x1"
	if strings.Join(got, " ") != want {
		t.Errorf("sections %v, want %s", got, want)
	}
	c := Count(model.Snapshot{Remarks: rs})
	if c.ByLevel[""] != 2 || c.ByField["khác"] != 2 || c.AfterMerge != 6 {
		t.Errorf("counts %+v", c)
	}
}

func TestEmptySession(t *testing.T) {
	snap := model.Snapshot{Session: model.Session{Title: "TXCT", Kind: model.KindOther, Date: "2026-11-20", Place: "Nhà văn hóa ấp 1"}}
	for name, fn := range map[string]func(io.Writer, model.Snapshot, Options) error{"minutes": Minutes, "report": Report} {
		doc := string(parts(t, render(t, fn, snap, opts()))["word/document.xml"])
		if !strings.Contains(doc, NoRemarks) {
			t.Errorf("%s of an empty session does not say so", name)
		}
	}
	if md := render(t, Markdown, snap, opts()); bytes.Count(md, []byte(NoRemarks)) < 3 {
		t.Error("markdown of an empty session does not say so")
	}
	f, err := excelize.OpenReader(bytes.NewReader(render(t, Spreadsheet, snap, opts())))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows(SheetCounts)
	if last := rows[len(rows)-1]; last[len(last)-1] != "0" {
		t.Errorf("empty count sheet total %v", last)
	}
}

func TestDateLine(t *testing.T) {
	cases := map[string]string{
		"2027-01-05": "Tân Thành, ngày 05 tháng 01 năm 2027",
		"2027-02-28": "Tân Thành, ngày 28 tháng 02 năm 2027",
		"2026-06-29": "Tân Thành, ngày 29 tháng 6 năm 2026",
		"2026-11-09": "Tân Thành, ngày 09 tháng 11 năm 2026",
		"2026-12-31": "Tân Thành, ngày 31 tháng 12 năm 2026",
	}
	for iso, want := range cases {
		t.Run(iso, func(t *testing.T) {
			d, _ := model.ParseDate(iso)
			if got := dateLine("Tân Thành", d); got != want {
				t.Errorf("%q, want %q", got, want)
			}
		})
	}
}

// TestDateLineWithoutLocality: a session with no locality takes the commune
// (then the province) its place names, and with neither the line is the
// date alone, never "…, ngày …" with a dangling comma; the minutes, the
// report and the round report all build it the same way.
func TestDateLineWithoutLocality(t *testing.T) {
	for _, c := range []struct{ place, want string }{
		{"Hội trường UBND xã Hưng Lợi, tỉnh Nghệ An", "Hưng Lợi, ngày 09 tháng 11 năm 2026"},
		{"Nhà văn hóa đặc khu Côn Đảo", "Côn Đảo, ngày 09 tháng 11 năm 2026"},
		{"Hội trường Sở Tư pháp tỉnh Nghệ An", "Nghệ An, ngày 09 tháng 11 năm 2026"},
		{"Nhà văn hóa thôn 3", "ngày 09 tháng 11 năm 2026"},
		{"", "ngày 09 tháng 11 năm 2026"},
	} {
		t.Run(c.place, func(t *testing.T) {
			snap := example()
			snap.Session.Locality, snap.Session.Place, snap.Session.Title = "", c.place, "Tiếp xúc cử tri"
			snap.Session.Organiser, snap.Session.ParentBody, snap.Session.Sitting = "Ủy ban MTTQ Việt Nam", "", "Kỳ họp thường lệ cuối năm 2026"
			o := opts()
			o.Today = time.Date(2026, 11, 9, 0, 0, 0, 0, time.UTC)
			snap.Session.Date = "2026-11-09"
			round := snap
			round.Points = []model.Point{{Session: snap.Session, Remarks: len(snap.Remarks)}}
			for name, d := range map[string]*doc.Document{"minutes": MinutesDoc(snap, prepared(t, o)),
				"report": ReportDoc(snap, prepared(t, o)), "round": RoundReportDoc(round, prepared(t, o), false)} {
				text := d.TextForm()
				if !strings.Contains(text, "  date: "+c.want+"\n") {
					t.Errorf("%s: want the date line %q in\n%s", name, c.want, text[:min(len(text), 400)])
				}
			}
		})
	}
}

// BenchmarkExportAll300 writes a 300-remark session to all three formats
// (both DOCX, the XLSX and the Markdown).
func BenchmarkExportAll300(b *testing.B) {
	snap := large(300)
	o := opts()
	for b.Loop() {
		for _, fn := range []func(io.Writer, model.Snapshot, Options) error{Minutes, Report, Spreadsheet, Markdown} {
			if err := fn(io.Discard, snap, o); err != nil {
				b.Fatal(err)
			}
		}
	}
}
