package export

import (
	"fmt"
	"io"
	"strings"

	"txct/export/doc"
	"txct/store/model"
)

// Report writes the summary report (báo cáo tổng hợp) as DOCX.
func Report(w io.Writer, snap model.Snapshot, o Options) error {
	o, err := o.prepare()
	if err != nil {
		return err
	}
	return DOCX(w, ReportDoc(snap, o), o)
}

// ReportDoc builds the summary report. Section II holds
// both opinions (ý kiến) and petitions (kiến nghị), as its title says,
// grouped by level then field and numbered continuously; a merge group is
// one item; a repeat is cited in prose under its item. Section III refers
// to those item numbers. The appendix lists every remark. o must be
// prepared.
func ReportDoc(snap model.Snapshot, o Options) *doc.Document {
	s := &snap.Session
	c := Count(snap)
	is := Issuers(*s, o).Report
	d := &doc.Document{Title: "Báo cáo tổng hợp ý kiến, kiến nghị cử tri"}
	d.Add(doc.Header{Parent: is.Parent, Body: is.Body, Type: "BC", Issuer: is.Code, Place: locality(s), Date: o.Today},
		doc.Title{Kind: "BÁO CÁO", Summary: reportSummary(s)})
	sentTo := strings.TrimSpace(docText(o.SentTo))
	if sentTo != "" {
		d.Add(doc.Para{Runs: []doc.Run{doc.T("Kính gửi: " + sentTo)}, Align: doc.Center})
	}
	d.Text(fmt.Sprintf("Thực hiện chương trình tiếp xúc cử tri, %s báo cáo kết quả hội nghị tiếp xúc cử tri và tổng hợp ý kiến, kiến nghị của cử tri như sau:", is.Body))

	d.Add(doc.Heading{Level: 1, Text: "I. Tình hình tổ chức hội nghị"})
	for _, l := range organisation(s, c) {
		d.Text(l)
	}

	secs := sections(snap.Remarks)
	remarkSections(d, snap, c, secs, s.Date)

	d.Add(doc.Heading{Level: 1, Text: "IV. Đề xuất, kiến nghị của " + is.Body})
	for _, p := range paras(proposals(o)) {
		d.Text(p)
	}
	d.Text(endMark(fmt.Sprintf("Trên đây là báo cáo tổng hợp ý kiến, kiến nghị của cử tri tại hội nghị tiếp xúc cử tri ngày %s của %s", shortDate(s.Date), is.Body)))
	d.Add(doc.Signatures{Right: doc.Signature{Capacity: is.Capacity, Name: is.Signer}, Recipients: recipientsWith(sentTo != "", is.Recipients)})
	appendix(d, snap, secs, is, o)
	return d
}

// remarkSections are sections II (the remarks grouped by level and field,
// repeats cited as raised before the date before) and III (those answered
// on the spot) of a summary report, for one session or a round.
func remarkSections(d *doc.Document, snap model.Snapshot, c Counts, secs []levelGroup, before string) {
	d.Add(doc.Heading{Level: 1, Text: "II. Ý kiến, kiến nghị của cử tri"})
	if c.AfterMerge == 0 {
		d.Text(NoRemarks)
	} else {
		d.Text(countsSentence(c))
	}
	for _, lg := range secs {
		d.Add(doc.Heading{Level: 2, Text: fmt.Sprintf("%d. Thuộc thẩm quyền %s (%d)", lg.no, levelName(lg.level), c.ByLevel[lg.level])})
		for _, fg := range lg.fields {
			d.Add(doc.Heading{Level: 3, Text: fmt.Sprintf("%s) Lĩnh vực %s", fg.letter, fg.field)})
			l := doc.List{Start: fg.items[0].no}
			for _, it := range fg.items {
				l.Items = append(l.Items, reportItem(it, snap, before))
			}
			d.Add(l)
		}
	}

	d.Add(doc.Heading{Level: 1, Text: "III. Ý kiến, kiến nghị đã được trả lời, giải trình tại hội nghị"})
	no := itemNumbers(secs)
	var l doc.List
	for _, r := range snap.Remarks {
		if !r.Answered() {
			continue
		}
		ref := fmt.Sprintf("%s số %d (mục II)", upperFirst(kindWord(r)), no[r.ID])
		l.Items = append(l.Items, doc.Item{Runs: []doc.Run{
			doc.T(ref + ", " + voterPhrase(r) + ": \u201c" + sentence(Cut(docText(r.Text), 160)) + "\u201d "),
			doc.I(answerer(r) + " trả lời: "), doc.T(sentence(docText(r.Answer.Text)))}})
	}
	if len(l.Items) == 0 {
		d.Text("Không có ý kiến, kiến nghị nào được trả lời tại hội nghị.")
	} else {
		d.Add(l)
	}
}

// reportItem is one numbered entry of section II: the demand as a
// sentence, who raised it, the repeat marker worded by the item's type,
// which text it uses when the petition was edited after it was forwarded,
// and the citation of what it repeats.
func reportItem(it item, snap model.Snapshot, date string) doc.Item {
	var runs []doc.Run
	if it.lead.Type == model.TypeOpinion {
		runs = append(runs, doc.B("Ý kiến: "))
	}
	runs = append(runs, doc.T(sentence(docText(it.lead.Text))+" "), doc.I(raisedBy(it)))
	cite := citation(it, snap.Petitions, date)
	if len(cite) > 0 {
		runs = append(runs, doc.B(" ("+kindWord(it.lead)+" lặp lại)"))
	}
	out := doc.Item{Runs: runs}
	if e, ok := snap.Edited[it.lead.ID]; ok {
		out.More = append(out.More, doc.Para{Indent: true, Runs: []doc.Run{doc.I(editedLine(e))}})
	}
	if len(cite) > 0 {
		out.More = append(out.More, doc.Para{Indent: true, Runs: []doc.Run{doc.I(strings.Join(cite, " "))}})
	}
	return out
}

// editedLine says which text an item uses when its petition was edited
// after it was forwarded: the minutes' text as edited, in place of the one
// sent before.
func editedLine(e model.Edit) string {
	sent := "trước đó"
	if e.Sent != "" {
		sent = "ngày " + shortDate(e.Sent)
	}
	return fmt.Sprintf("Nội dung theo biên bản đã sửa ngày %s, thay cho nội dung đã chuyển %s.", shortDate(e.On), sent)
}

// itemNumbers maps each remark to the number of the section II item it is
// part of (a merged remark to its group's).
func itemNumbers(secs []levelGroup) map[uint64]int {
	no := map[uint64]int{}
	for _, lg := range secs {
		for _, fg := range lg.fields {
			for _, it := range fg.items {
				for _, m := range it.members {
					no[m.ID] = it.no
				}
			}
		}
	}
	return no
}

// appendix is the table of every remark, one row each, on landscape pages
// of their own: eight columns do not fit a portrait page readably.
func appendix(d *doc.Document, snap model.Snapshot, secs []levelGroup, is model.Issuer, o Options) {
	of := doc.NumberLine("BC", is.Code)
	of = strings.TrimPrefix(of, "Số:")
	caption := fmt.Sprintf("(Kèm theo Báo cáo số%s %s của %s)", of, doc.DateLine("", o.Today), is.Body)
	d.Add(doc.Break{Landscape: true})
	t := doc.Table{
		Caption: []doc.Para{
			{Runs: []doc.Run{doc.B("PHỤ LỤC")}, Align: doc.Center},
			{Runs: []doc.Run{doc.B("DANH SÁCH Ý KIẾN, KIẾN NGHỊ CỦA CỬ TRI")}, Align: doc.Center},
			{Runs: []doc.Run{doc.I(caption)}, Align: doc.Center},
		},
		Columns: []doc.Column{{Title: "STT", Center: true}, {Title: "Nội dung"}, {Title: "Cử tri"}, {Title: "Địa chỉ"},
			{Title: "Lĩnh vực"}, {Title: "Thẩm quyền"}, {Title: "Trả lời tại hội nghị"}, {Title: "Ghi chú"}},
		Empty: NoRemarks,
	}
	rows := remarkRows(snap, secs)
	// In a round's or sitting's report the same hamlet name recurs in
	// several communes: each row says its point, numbered as in section I.
	if len(snap.Points) > 1 {
		at := map[uint64]int{}
		for i, pt := range snap.Points {
			at[pt.Session.ID] = i + 1
		}
		for i, r := range snap.Remarks {
			if k := at[r.SessionID]; k > 0 {
				rows[i].note = fmt.Sprintf("Điểm %d; %s", k, rows[i].note)
			}
		}
	}
	for _, r := range rows {
		t.Rows = append(t.Rows, []string{r.no, r.text, r.voter, r.address, r.field, r.level, r.answer, r.note})
	}
	d.Add(t)
}
