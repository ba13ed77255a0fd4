package export

import (
	"fmt"
	"io"
	"strings"

	"txct/export/docx"
	"txct/store/model"
)

// Report writes the summary report (báo cáo tổng hợp) as DOCX (domain.md
// §10). Section II holds both opinions (ý kiến) and petitions (kiến nghị),
// as the report's title "ý kiến, kiến nghị" says; opinions are labelled
// "Ý kiến:" and counted apart, and a remark without a type counts as a
// petition. Merged remarks appear once, under their group's first remark.
func Report(w io.Writer, snap model.Snapshot, o Options) error {
	o, err := o.prepare()
	if err != nil {
		return err
	}
	return reportDoc(snap, o).Write(w)
}

func reportDoc(snap model.Snapshot, o Options) *docx.Document {
	s := &snap.Session
	c := Count(snap)
	pg := newPage(o)
	pg.header(s, "BC", o.Today)
	pg.title("BÁO CÁO", reportSummary(s))
	if o.SentTo != "" {
		pg.add(docx.Para{Runs: []docx.Run{{Text: "Kính gửi: " + clean(o.SentTo)}}, Align: docx.Center, After: 240})
	}
	pg.plain(reportIntro(s))

	pg.heading1("I. Tình hình tổ chức hội nghị")
	for _, l := range organisation(s, c) {
		pg.plain(l)
	}

	pg.heading1("II. Ý kiến, kiến nghị của cử tri")
	if c.AfterMerge == 0 {
		pg.plain(NoRemarks)
	} else {
		pg.plain(countsSentence(c))
	}
	n := 0
	for _, lg := range sections(snap.Remarks) {
		pg.heading2(fmt.Sprintf("%d. Thuộc thẩm quyền %s (%d)", lg.no, levelName(lg.level), c.ByLevel[lg.level]))
		for _, fg := range lg.fields {
			pg.heading3(fmt.Sprintf("%c) Lĩnh vực %s", fg.letter, fg.field))
			for _, it := range fg.items {
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
		pg.text(docx.Run{Text: fmt.Sprintf("%d. Ý kiến số %d (%s): ", answered, i+1, strings.TrimSuffix(shorten(clean(r.Text), 120), "."))},
			docx.Run{Text: answerer(r) + " trả lời: ", Italic: true}, docx.Run{Text: clean(r.Answer.Text)})
	}
	if answered == 0 {
		pg.plain("Không có ý kiến nào được trả lời tại hội nghị.")
	}

	pg.heading1("IV. Đề xuất, kiến nghị của Tổ đại biểu")
	for _, p := range paras(proposals(o)) {
		pg.plain(p)
	}
	pg.plain(reportClosing(s))

	pg.signatures(pg.textW*45/100, recipients(recipientList(o, s)), signature(o.SignerPrefix, o.SignerTitle, clean(o.SignerName)))
	pg.appendix(snap)
	return pg.doc("Báo cáo tổng hợp ý kiến, kiến nghị cử tri")
}

// item writes one numbered entry of section II: the demand, who raised it
// ("(n lượt cử tri)" for a merged group), the repeat marker and, under it,
// each earlier petition it repeats.
func (pg *page) item(n int, it item, ps map[string]model.Petition) {
	head := fmt.Sprintf("%d. ", n)
	if it.lead.Type == model.TypeOpinion {
		head += "Ý kiến: "
	}
	runs := []docx.Run{{Text: head, Bold: true}, {Text: strings.TrimSuffix(clean(it.lead.Text), ".") + ". "}, {Text: raisedBy(it), Italic: true}}
	rep := itemRepeats(it, ps)
	if len(rep) > 0 {
		runs = append(runs, docx.Run{Text: " (kiến nghị lặp lại)", Bold: true})
	}
	pg.text(runs...)
	for _, r := range rep {
		pg.add(docx.Para{Runs: []docx.Run{{Text: r, Italic: true}}, Align: docx.Justify, Indent: 567, FirstLine: 567, After: 120, Line: 276})
	}
}

// appendix is the table of every remark, one row each, in a landscape
// section of its own: eight columns do not fit a portrait page readably.
func (pg *page) appendix(snap model.Snapshot) {
	land := pg.setup().Landscape()
	pg.add(docx.NewSection{Page: land})
	pg.add(docx.Para{Runs: []docx.Run{{Text: "PHỤ LỤC", Bold: true}}, Align: docx.Center})
	pg.add(docx.Para{Runs: []docx.Run{{Text: "Danh sách ý kiến, kiến nghị của cử tri", Bold: true}}, Align: docx.Center, After: 240})
	// STT, nội dung, cử tri, địa chỉ, lĩnh vực, thẩm quyền, trả lời tại
	// chỗ, lặp lại: shares of the text width, in per mille.
	share := []int{40, 320, 115, 80, 100, 75, 180, 90}
	textW := land.TextWidth()
	widths := make([]int, len(share))
	total := 0
	for i, v := range share {
		widths[i] = textW * v / 1000
		total += widths[i]
	}
	widths[1] += textW - total // give any rounding to the text column
	cell := func(i int, s string, bold bool) docx.Cell {
		al := docx.Left
		if i == 0 || bold {
			al = docx.Center
		}
		return docx.Cell{Width: widths[i], Paras: []docx.Para{{Runs: []docx.Run{{Text: s, Bold: bold}}, Align: al, Size: 22, Before: 20, After: 20}}}
	}
	head := []string{"STT", "Nội dung", "Cử tri", "Địa chỉ", "Lĩnh vực", "Thẩm quyền", "Trả lời tại chỗ", "Lặp lại"}
	var row []docx.Cell
	for i, h := range head {
		row = append(row, cell(i, h, true))
	}
	rows := [][]docx.Cell{row}
	for i, r := range snap.Remarks {
		vals := remarkRow(i, r, snap.Petitions)
		vals[7] = strings.NewReplacer(" (", "\n(", "; ", "\n").Replace(vals[7])
		row = nil
		for j, v := range vals {
			row = append(row, cell(j, v, false))
		}
		rows = append(rows, row)
	}
	if len(snap.Remarks) == 0 {
		rows = append(rows, []docx.Cell{{Width: textW, Span: len(widths), Paras: []docx.Para{{Runs: []docx.Run{{Text: NoRemarks}}, Align: docx.Center, Size: 22}}}})
	}
	pg.add(docx.Table{Widths: widths, Rows: rows, Borders: true, Header: 1, KeepRows: true})
}
