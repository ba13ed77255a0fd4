package export

import (
	"fmt"
	"io"
	"strings"

	"txct/export/docx"
	"txct/store/model"
)

// Counts are the numbers the report prints. By level and by field each add
// up to AfterMerge (domain.md §10).
type Counts struct {
	Remarks, AfterMerge, Answered, Repeats, Opinions, Speakers int
	ByLevel                                                    map[model.Authority]int
	ByField                                                    map[model.Field]int
}

// Count computes the report's numbers from a snapshot.
func Count(snap model.Snapshot) Counts {
	its := items(snap.Remarks)
	c := Counts{Remarks: len(snap.Remarks), AfterMerge: len(its), ByLevel: map[model.Authority]int{}, ByField: map[model.Field]int{}}
	voters := map[string]bool{}
	for _, r := range snap.Remarks {
		if r.Answered() {
			c.Answered++
		}
		if len(r.RepeatOf) > 0 {
			c.Repeats++
		}
		voters[strings.ToLower(clean(r.Voter))+"|"+strings.ToLower(clean(r.Address))] = true
	}
	c.Speakers = snap.Session.Speakers
	if c.Speakers == 0 {
		c.Speakers = len(voters)
	}
	for _, it := range its {
		c.ByLevel[it.lead.Authority]++
		c.ByField[fieldOf(it.lead)]++
		if it.lead.Type == model.TypeOpinion {
			c.Opinions++
		}
	}
	return c
}

// Report writes the summary report (báo cáo tổng hợp) as DOCX.
func Report(w io.Writer, snap model.Snapshot, o Options) error {
	return write(w, reportDoc(snap, o.withDefaults()))
}

// ReportXML is the report's word/document.xml (for golden tests).
func ReportXML(snap model.Snapshot, o Options) string {
	return reportDoc(snap, o.withDefaults()).DocumentXML()
}

func reportDoc(snap model.Snapshot, o Options) *docx.Document {
	s := &snap.Session
	c := Count(snap)
	pg := newPage(o)
	pg.header(s, "BC", true)
	summary := "Tổng hợp ý kiến, kiến nghị của cử tri tại hội nghị tiếp xúc cử tri"
	if k := kindPhrase(s); k != "" {
		summary += " " + k
	}
	pg.title("BÁO CÁO", summary)
	if o.SentTo != "" {
		pg.add(docx.Para{Runs: []docx.Run{{Text: "Kính gửi: " + clean(o.SentTo)}}, Align: docx.Center, After: 240})
	}
	pg.plain(fmt.Sprintf("Thực hiện chương trình tiếp xúc cử tri, %s báo cáo kết quả hội nghị tiếp xúc cử tri và tổng hợp ý kiến, kiến nghị của cử tri như sau:", orDots(s.DelegateGroup)))

	pg.heading1("I. Tình hình tổ chức hội nghị")
	pg.plain(fmt.Sprintf("Thời gian: từ %s đến %s, %s.", clock(s.Start), clock(s.End), longDate(s.Date)))
	pg.plain("Địa điểm: " + orDots(s.Place) + ".")
	if len(s.Delegates) > 0 {
		ds := make([]string, len(s.Delegates))
		for i, d := range s.Delegates {
			ds[i] = clean(d)
		}
		pg.plain("Đại biểu tham dự: " + strings.Join(ds, "; ") + ".")
	}
	pg.plain("Chủ trì: " + withTitle(s.Chair, s.ChairTitle) + ".")
	pg.plain(fmt.Sprintf("Số cử tri tham dự: %d; số lượt cử tri phát biểu: %d.", s.Voters, c.Speakers))
	pg.plain(fmt.Sprintf("Số ý kiến, kiến nghị ghi nhận: %d; sau khi tổng hợp, gộp các ý kiến trùng nội dung còn %d; số ý kiến đã được trả lời, giải trình tại hội nghị: %d.",
		c.Remarks, c.AfterMerge, c.Answered))

	pg.heading1("II. Ý kiến, kiến nghị của cử tri")
	if c.AfterMerge == 0 {
		pg.plain("Tại hội nghị không có ý kiến, kiến nghị nào của cử tri.")
	} else {
		pg.plain(countsSentence(c))
	}
	its := grouped(items(snap.Remarks))
	n, lvlNo := 0, 0
	for i := 0; i < len(its); {
		lvl := its[i].lead.Authority
		lvlNo++
		pg.heading2(fmt.Sprintf("%d. Thuộc thẩm quyền %s (%d)", lvlNo, levelName(lvl), c.ByLevel[lvl]))
		sub := 'a'
		for i < len(its) && its[i].lead.Authority == lvl {
			f := fieldOf(its[i].lead)
			var group []item
			for i < len(its) && its[i].lead.Authority == lvl && fieldOf(its[i].lead) == f {
				group = append(group, its[i])
				i++
			}
			pg.heading3(fmt.Sprintf("%c) Lĩnh vực %s", sub, f))
			sub++
			for _, it := range group {
				n++
				pg.item(n, it, snap.Petitions)
			}
		}
	}

	pg.heading1("III. Ý kiến đã được trả lời, giải trình tại hội nghị")
	answered := 0
	for i, r := range snap.Remarks {
		if !r.Answered() {
			continue
		}
		answered++
		by := clean(r.Answer.By)
		if by == "" {
			by = "Đại biểu"
		}
		pg.text(docx.Run{Text: fmt.Sprintf("%d. Ý kiến số %d (%s): ", answered, i+1, shorten(clean(r.Text), 120))},
			docx.Run{Text: by + " trả lời: ", Italic: true}, docx.Run{Text: clean(r.Answer.Text)})
	}
	if answered == 0 {
		pg.plain("Không có ý kiến nào được trả lời tại hội nghị.")
	}

	pg.heading1("IV. Đề xuất, kiến nghị của Tổ đại biểu")
	prop := o.Proposals
	if prop == "" {
		prop = "Đề nghị Thường trực Hội đồng nhân dân chuyển các kiến nghị nêu tại mục II đến cơ quan có thẩm quyền xem xét, giải quyết và trả lời cử tri theo quy định; quan tâm đôn đốc giải quyết dứt điểm các kiến nghị cử tri đã nêu nhiều lần."
	}
	for _, p := range paras(prop) {
		pg.plain(p)
	}
	pg.plain(fmt.Sprintf("Trên đây là báo cáo tổng hợp ý kiến, kiến nghị của cử tri tại hội nghị tiếp xúc cử tri ngày %s của %s.", shortDate(s.Date), orDots(s.DelegateGroup)))

	leftW := pg.textW * 45 / 100
	pg.add(docx.Table{Widths: []int{leftW, pg.textW - leftW}, Rows: [][]docx.Cell{{
		{Width: leftW, Paras: recipients(pg.recipientList(s))},
		{Width: pg.textW - leftW, Paras: signature(o.SignerPrefix, o.SignerTitle, clean(o.SignerName))},
	}}})
	pg.appendix(snap)
	return pg.doc("Báo cáo tổng hợp ý kiến, kiến nghị cử tri")
}

// item writes one numbered entry of section II.
func (pg *page) item(n int, it item, ps map[string]model.Petition) {
	head := fmt.Sprintf("%d. ", n)
	if it.lead.Type == model.TypeOpinion {
		head += "Ý kiến: "
	}
	runs := []docx.Run{{Text: head, Bold: true}, {Text: strings.TrimSuffix(clean(it.lead.Text), ".") + "."}}
	who := " (Cử tri " + voters(it)
	if len(it.members) > 1 {
		who += fmt.Sprintf("; %d lượt cử tri", len(it.members))
	}
	runs = append(runs, docx.Run{Text: who + ")", Italic: true})
	var rep []string
	for _, m := range it.members {
		rep = append(rep, repeatNote(m, ps)...)
	}
	if len(rep) > 0 {
		runs = append(runs, docx.Run{Text: " (kiến nghị lặp lại)", Bold: true})
	}
	pg.text(runs...)
	for _, r := range dedupe(rep) {
		pg.add(docx.Para{Runs: []docx.Run{{Text: r, Italic: true}}, Align: docx.Justify, Indent: 567, FirstLine: 567, After: 120, Line: 276})
	}
}

func dedupe(ss []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// countsSentence states the totals by level and by field; both add up.
func countsSentence(c Counts) string {
	var lv []string
	for _, a := range append(append([]model.Authority{}, model.AllAuthorities...), "") {
		if c.ByLevel[a] > 0 {
			lv = append(lv, fmt.Sprintf("thẩm quyền %s: %d", levelName(a), c.ByLevel[a]))
		}
	}
	var fl []string
	for _, f := range model.Fields {
		if c.ByField[f] > 0 {
			fl = append(fl, fmt.Sprintf("%s: %d", f, c.ByField[f]))
		}
	}
	return fmt.Sprintf("Tổng hợp %d ý kiến, kiến nghị (sau khi gộp), trong đó %s. Theo lĩnh vực: %s.",
		c.AfterMerge, strings.Join(lv, "; "), strings.Join(fl, "; "))
}

func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n])) + "…"
}

// appendix is the table of every remark, one row each, on a new page.
func (pg *page) appendix(snap model.Snapshot) {
	pg.add(docx.Para{Runs: []docx.Run{{Text: "PHỤ LỤC", Bold: true}}, Align: docx.Center, PageBreak: true})
	pg.add(docx.Para{Runs: []docx.Run{{Text: "Danh sách ý kiến, kiến nghị của cử tri", Bold: true}}, Align: docx.Center, After: 240})
	// STT, nội dung, cử tri, địa chỉ, lĩnh vực, thẩm quyền, trả lời tại chỗ, lặp lại (mm, 165 in all).
	mm := []float64{9, 46, 20, 18, 16, 13, 27, 16}
	widths := make([]int, len(mm))
	total := 0
	for i, v := range mm {
		widths[i] = docx.MM(v)
		total += widths[i]
	}
	widths[1] += pg.textW - total // give any rounding to the text column
	cell := func(i int, s string, bold bool) docx.Cell {
		al := docx.Left
		if i == 0 || bold {
			al = docx.Center
		}
		return docx.Cell{Width: widths[i], Paras: []docx.Para{{Runs: []docx.Run{{Text: s, Bold: bold, Size: 20}}, Align: al, Size: 20}}}
	}
	head := []string{"STT", "Nội dung", "Cử tri", "Địa chỉ", "Lĩnh vực", "Thẩm quyền", "Trả lời tại chỗ", "Lặp lại"}
	var row []docx.Cell
	for i, h := range head {
		row = append(row, cell(i, h, true))
	}
	rows := [][]docx.Cell{row}
	for i, r := range snap.Remarks {
		vals := remarkRow(i, r, snap.Petitions)
		// The full answer is in section III; the table keeps its gist.
		vals[6] = shorten(vals[6], 140)
		vals[7] = strings.ReplaceAll(vals[7], " (", "\n(")
		row = nil
		for j, v := range vals {
			row = append(row, cell(j, v, false))
		}
		rows = append(rows, row)
	}
	if len(snap.Remarks) == 0 {
		rows = append(rows, []docx.Cell{{Width: pg.textW, Span: len(widths), Paras: []docx.Para{{Runs: []docx.Run{{Text: "Không có ý kiến, kiến nghị nào.", Size: 22}}, Align: docx.Center}}}})
	}
	pg.add(docx.Table{Widths: widths, Rows: rows, Borders: true, Header: 1})
}

// remarkRow is a remark's values in the appendix and spreadsheet order.
func remarkRow(i int, r model.Remark, ps map[string]model.Petition) []string {
	ans := ""
	if r.Answered() {
		ans = clean(r.Answer.Text)
		if by := clean(r.Answer.By); by != "" {
			ans = by + ": " + ans
		}
	}
	var rep []string
	for _, id := range r.RepeatOf {
		if p, ok := ps[id]; ok {
			rep = append(rep, clean(id)+" ("+shortDate(p.RaisedAt)+")")
		} else {
			rep = append(rep, clean(id))
		}
	}
	lvl := ""
	if r.Authority != "" {
		lvl = levelName(r.Authority)
	}
	return []string{fmt.Sprint(i + 1), clean(r.Text), clean(r.Voter), clean(r.Address), string(fieldOf(r)), lvl, ans, strings.Join(rep, "; ")}
}
