package export

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"txct/export/doc"
	"txct/store/model"
)

// bodies are the running text of both documents of snap as the tree's text
// form, Markdown and DOCX XML; the report's appendix is left out (it may
// name archive records).
func bodies(t *testing.T, snap model.Snapshot) map[string]string {
	t.Helper()
	o := prepared(t, opts())
	rep := ReportDoc(snap, o).TextForm()
	rep = rep[:strings.Index(rep, "PAGE BREAK")]
	repXML := string(parts(t, render(t, Report, snap, opts()))["word/document.xml"])
	repXML = repXML[:strings.Index(repXML, "PHỤ LỤC")]
	md := string(render(t, Markdown, snap, opts()))
	md = md[:strings.Index(md, "PHỤ LỤC")]
	return map[string]string{
		"minutes tree": MinutesDoc(snap, o).TextForm(),
		"report tree":  rep,
		"minutes docx": string(parts(t, render(t, Minutes, snap, opts()))["word/document.xml"]),
		"report docx":  repXML,
		"markdown":     md,
	}
}

// No archive id, known or unknown, appears in the documents' running text.
func TestNoArchiveIDsInBody(t *testing.T) {
	snap := example()
	var ids []string
	for _, r := range snap.Remarks {
		ids = append(ids, r.RepeatOf...)
	}
	if len(ids) < 4 {
		t.Fatal("fixture has too few repeats")
	}
	for name, text := range bodies(t, snap) {
		for _, id := range ids {
			if strings.Contains(text, id) {
				t.Errorf("%s names archive id %s", name, id)
			}
		}
		if strings.Contains(text, "mã ") || strings.Contains(text, "kho kiến nghị") {
			t.Errorf("%s cites archive codes", name)
		}
	}
}

// Every word right before "…" is a whole word of the source texts.
func TestNoWordCutBeforeEllipsis(t *testing.T) {
	snap := example()
	// A long remark and a long answer, to be shortened in section III.
	long := strings.Repeat("Đường liên ấp xuống cấp nghiêm trọng, ổ gà chi chít, xe cộ đi lại khó khăn vô cùng ", 4)
	snap.Remarks[2].Text = long + "đề nghị sửa chữa"
	words := map[string]bool{}
	add := func(s string) {
		for _, w := range strings.FieldsFunc(docText(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			words[w] = true
		}
	}
	for _, r := range snap.Remarks {
		add(r.Text)
		if r.Answer != nil {
			add(r.Answer.Text)
		}
	}
	for _, p := range snap.Petitions {
		add(p.Response)
		add(p.Text)
	}
	cut := regexp.MustCompile(`([\p{L}\p{N}]+)…`)
	n := 0
	for name, text := range bodies(t, snap) {
		for _, m := range cut.FindAllStringSubmatch(text, -1) {
			n++
			if !words[m[1]] {
				t.Errorf("%s: %q is cut inside a word", name, m[0])
			}
		}
	}
	if n == 0 {
		t.Error("nothing was shortened: the test checks nothing")
	}
	for _, c := range []struct{ in, want string }{
		{"Một hai ba. Bốn năm sáu bảy tám chín mười.", "Một hai ba."},
		{"một hai ba bốn năm sáu bảy tám chín mười", "một hai ba bốn năm…"},
		{"ngắn", "ngắn"},
		{"một hai, ba bốn năm sáu bảy tám", "một hai, ba bốn năm…"}, {"một hai ba bốn, năm sáu bảy tám chín", "một hai ba bốn…"},
	} {
		n := 20
		if c.in == "Một hai ba. Bốn năm sáu bảy tám chín mười." {
			n = 18
		}
		if got := Cut(c.in, n); got != c.want {
			t.Errorf("Cut(%q, %d) = %q, want %q", c.in, n, got, c.want)
		}
	}
}

// Fields within one level are lettered in the Vietnamese alphabet.
func TestVietnameseLettering(t *testing.T) {
	snap := example()
	snap.Remarks = nil
	for i, f := range model.Fields[:10] {
		snap.Remarks = append(snap.Remarks, model.Remark{ID: uint64(i + 1), Text: "Nội dung " + strconv.Itoa(i), Field: f, Authority: model.AuthCommune})
	}
	text := ReportDoc(snap, prepared(t, opts())).TextForm()
	var got []string
	for _, m := range regexp.MustCompile(`(?m)^H3 (\S+)\)`).FindAllStringSubmatch(text, -1) {
		got = append(got, m[1])
	}
	if want := "a b c d đ e g h i k"; strings.Join(got, " ") != want {
		t.Errorf("letters %v, want %s", got, want)
	}
	if strings.Contains(text, "f)") {
		t.Error("letter f used")
	}
	if doc.Letter(24) != "aa" || doc.Letter(5) != "đ" {
		t.Errorf("Letter(24)=%s Letter(5)=%s", doc.Letter(24), doc.Letter(5))
	}
}

// Under every signature: the name alone, never Ông/Bà.
func TestSignatureNamesOnly(t *testing.T) {
	snap := example()
	o := prepared(t, opts())
	o.Profile.Report.Signer = "Ông Nguyễn Văn Hùng"
	for _, d := range []*doc.Document{MinutesDoc(snap, o), ReportDoc(snap, o)} {
		found := false
		for _, b := range d.Blocks {
			s, ok := b.(doc.Signatures)
			if !ok {
				continue
			}
			found = true
			names := []string{s.Right.Name}
			if s.Left != nil {
				names = append(names, s.Left.Name)
			}
			for _, n := range names {
				if n == "" || strings.HasPrefix(n, "Ông") || strings.HasPrefix(n, "Bà") {
					t.Errorf("%s: signature name %q", d.Title, n)
				}
			}
		}
		if !found {
			t.Errorf("%s: no signatures", d.Title)
		}
	}
}

// The approval sentence is printed once, after the closing time, even when
// the secretary's conclusion already says it.
func TestApprovalOnce(t *testing.T) {
	snap := example()
	snap.Session.SetNote(model.SecConclusion, "Chủ trì kết luận hội nghị. Biên bản đã được đọc lại và thông qua tại hội nghị.")
	text := MinutesDoc(snap, prepared(t, opts())).TextForm()
	if n := len(regexp.MustCompile(`Biên bản[^.]*thông qua`).FindAllString(text, -1)); n != 1 {
		t.Errorf("approval sentence %d times", n)
	}
	if strings.Index(text, "thông qua./.") < strings.Index(text, "kết thúc vào hồi") {
		t.Error("approval before the closing time, or without ./.")
	}
	if !strings.Contains(text, "Chủ trì kết luận hội nghị.") {
		t.Error("the rest of the conclusion was lost")
	}
	if strings.Contains(text, "kèm theo") {
		t.Error("reference to an attachment")
	}
}

// The header, the number's code and the signer's capacity name one body,
// whoever issues the document.
func TestIssuerConsistent(t *testing.T) {
	snap := example()
	profiles := map[string]model.Profile{
		"default":     {},
		"mttq report": {Report: model.Issuer{Parent: "Ủy ban MTTQ Việt Nam tỉnh Đồng Nai", Body: "Ủy ban MTTQ Việt Nam xã Tân Thành"}},
		"group minutes": {Minutes: model.Issuer{Parent: "HĐND tỉnh Đồng Nai", Body: "Tổ đại biểu số 3"},
			Report: model.Issuer{Parent: "HĐND tỉnh Đồng Nai", Body: "Tổ đại biểu số 3"}},
	}
	for name, p := range profiles {
		o := prepared(t, opts())
		o.Profile = p
		for _, d := range []*doc.Document{MinutesDoc(snap, o), ReportDoc(snap, o)} {
			var h doc.Header
			var sig doc.Signatures
			for _, b := range d.Blocks {
				switch x := b.(type) {
				case doc.Header:
					h = x
				case doc.Signatures:
					sig = x
				}
			}
			code, capacity := bodyRoles(h.Body)
			if h.Issuer != code {
				t.Errorf("%s %s: header %q with code %q, want %q", name, d.Title, h.Body, h.Issuer, code)
			}
			if h.Type == "BC" && strings.Join(sig.Right.Capacity, "/") != strings.Join(capacity, "/") {
				t.Errorf("%s: report headed %q signed %v", name, h.Body, sig.Right.Capacity)
			}
		}
	}
	o := prepared(t, opts())
	o.Profile = profiles["mttq report"]
	text := ReportDoc(snap, o).TextForm()
	for _, want := range []string{"/BC-MTTQ", "TM. BAN THƯỜNG TRỰC", "tiếp xúc cử tri, Ủy ban MTTQ Việt Nam xã Tân Thành báo cáo"} {
		if !strings.Contains(text, want) {
			t.Errorf("MTTQ report lacks %q", want)
		}
	}
	if strings.Contains(text, "TĐB") || strings.Contains(text, "TỔ ĐẠI BIỂU") {
		t.Error("MTTQ report still names the delegate group as issuer")
	}
}

// Section III cites section II's item numbers, and each cited item is the
// one holding that remark.
func TestSectionIIINumbers(t *testing.T) {
	snap := example()
	c := Count(snap)
	text := ReportDoc(snap, prepared(t, opts())).TextForm()
	sec3 := text[strings.Index(text, "H1 III."):strings.Index(text, "H1 IV.")]
	ms := regexp.MustCompile(`số (\d+) \(mục II\)[^“]*“([^”]{0,40})`).FindAllStringSubmatch(sec3, -1)
	if len(ms) != c.Answered {
		t.Fatalf("section III cites %d items, want %d", len(ms), c.Answered)
	}
	for _, m := range ms {
		n, _ := strconv.Atoi(m[1])
		if n < 1 || n > c.AfterMerge {
			t.Errorf("item %d out of 1…%d", n, c.AfterMerge)
		}
		line := regexp.MustCompile(fmt.Sprintf(`(?m)^%d\. .*$`, n)).FindString(text[strings.Index(text, "H1 II."):strings.Index(text, "H1 III.")])
		if !strings.Contains(line, strings.TrimSuffix(m[2], "…")[:20]) {
			t.Errorf("item %d is %q, not %q", n, line, m[2])
		}
	}
}

// The spreadsheet prints: title block, a header row repeated on every page,
// a readable scale, and a sheet that says what it holds.
func TestSpreadsheetPrints(t *testing.T) {
	ps := parts(t, render(t, Spreadsheet, example(), opts()))
	wb, sheet := string(ps["xl/workbook.xml"]), string(ps["xl/worksheets/sheet1.xml"])
	if !strings.Contains(wb, `<definedName localSheetId="0" name="_xlnm.Print_Titles">&#39;Ý kiến cử tri&#39;!$6:$6</definedName>`) {
		t.Errorf("no print titles: %s", wb)
	}
	if strings.Contains(sheet, "filterMode") {
		t.Error("sheet marked as filtered")
	}
	if !strings.Contains(sheet, `<dimension ref="A1:J17"`) {
		t.Errorf("dimension: %s", regexp.MustCompile(`<dimension[^>]*>`).FindString(sheet))
	}
	m := regexp.MustCompile(`<pageSetup[^>]*scale="(\d+)"`).FindStringSubmatch(sheet)
	if m == nil {
		t.Fatal("no print scale")
	}
	if n, _ := strconv.Atoi(m[1]); n < 70 || strings.Contains(sheet, "fitToPage") {
		t.Errorf("print scale %d%%", n)
	}
	if !strings.Contains(sheet, `orientation="landscape"`) {
		t.Error("not landscape")
	}
	if !strings.Contains(string(ps["xl/sharedStrings.xml"]), "P-2023-999 (không có trong kho)") {
		t.Error("the clerk's sheet hides the unknown reference")
	}
	if !strings.Contains(string(ps["xl/sharedStrings.xml"]), "DANH SÁCH Ý KIẾN, KIẾN NGHỊ CỦA CỬ TRI") {
		t.Error("no title block")
	}
}

// A provincial delegate group's report is headed by the provincial council
// when the session names the province; otherwise no parent is made up.
func TestReportParentFromProvince(t *testing.T) {
	for _, c := range []struct {
		s    model.Session
		want string
	}{
		{model.Session{DelegateGroup: "Tổ đại biểu HĐND tỉnh số 3", ParentBody: "Ủy ban MTTQ Việt Nam tỉnh Đồng Nai"}, "HĐND tỉnh Đồng Nai"},
		{model.Session{DelegateGroup: "Tổ đại biểu HĐND tỉnh số 3", Place: "Nhà văn hóa ấp 1, xã Tân Thành, tỉnh Lâm Đồng, Việt Nam"}, "HĐND tỉnh Lâm Đồng"},
		{model.Session{DelegateGroup: "Tổ đại biểu HĐND tỉnh số 3", Place: "Nhà văn hóa ấp 1"}, ""},
		{model.Session{DelegateGroup: "Tổ đại biểu HĐND xã Tân Thành", ParentBody: "Ủy ban MTTQ Việt Nam tỉnh Đồng Nai"}, ""},
	} {
		if got := Issuers(c.s, Options{}).Report.Parent; got != c.want {
			t.Errorf("%+v: parent %q, want %q", c.s, got, c.want)
		}
	}
}

// TestEditedProvenance: an item whose petition was edited after it was
// forwarded says, right under it, that it uses the minutes' edited text and
// which text it replaces, in the session's and the round's reports alike;
// the other items say nothing of the kind.
func TestEditedProvenance(t *testing.T) {
	snap := example()
	lead := snap.Remarks[0]
	other := snap.Remarks[2]
	snap.Edited = map[uint64]model.Edit{lead.ID: {On: "2026-11-22", Sent: "2026-11-21"}, other.ID: {On: "2026-11-23"}}
	round := snap
	round.Points = []model.Point{{Session: snap.Session, Remarks: len(snap.Remarks)}}
	for name, d := range map[string]string{"report": ReportDoc(snap, prepared(t, opts())).TextForm(),
		"round": RoundReportDoc(round, prepared(t, opts()), false).TextForm()} {
		for _, c := range []struct {
			r    model.Remark
			want string
		}{
			{lead, "Nội dung theo biên bản đã sửa ngày 22/11/2026, thay cho nội dung đã chuyển ngày 21/11/2026."},
			{other, "Nội dung theo biên bản đã sửa ngày 23/11/2026, thay cho nội dung đã chuyển trước đó."},
		} {
			at := strings.Index(d, c.want)
			if at < 0 || strings.Count(d, c.want) != 1 {
				t.Fatalf("%s: want %q once in\n%s", name, c.want, d)
			}
			// It is the line right under its own item.
			lines := strings.Split(d[:at], "\n")
			if item := lines[len(lines)-2]; !strings.Contains(item, sentence(docText(c.r.Text))) {
				t.Errorf("%s: %q is under %q, not under its item", name, c.want, item)
			}
		}
		if n := strings.Count(d, "Nội dung theo biên bản đã sửa"); n != 2 {
			t.Errorf("%s: %d edited lines; want 2", name, n)
		}
	}
}

// TestRoundAppendixNamesPoints: in a round's appendix every row says at
// which point (numbered as in section I) it was raised, since hamlet names
// recur across communes; a session's own appendix has no such note.
func TestRoundAppendixNamesPoints(t *testing.T) {
	snap := example()
	if snap.Session.ID == 0 {
		snap.Session.ID = 1
	}
	two := snap.Session
	two.ID, two.Date, two.Place, two.UID = snap.Session.ID+1, "2026-11-21", "Nhà văn hóa xã Hưng Tân", "second"
	n := len(snap.Remarks)
	for i := range snap.Remarks {
		snap.Remarks[i].SessionID = snap.Session.ID
		if i >= n-3 {
			snap.Remarks[i].SessionID = two.ID
		}
	}
	round := snap
	round.Points = []model.Point{{Session: snap.Session, Remarks: n - 3}, {Session: two, Remarks: 3}}
	text := RoundReportDoc(round, prepared(t, opts()), false).TextForm()
	if got := strings.Count(text, "Điểm 1; Mục II."); got != n-3 {
		t.Errorf("%d rows of point 1 say so; want %d:\n%s", got, n-3, text)
	}
	if got := strings.Count(text, "Điểm 2; Mục II."); got != 3 {
		t.Errorf("%d rows of point 2 say so; want 3", got)
	}
	if one := ReportDoc(snap, prepared(t, opts())).TextForm(); strings.Contains(one, "Điểm 1;") {
		t.Error("a session's own appendix names points")
	}
}
