package export

import (
	"fmt"
	"io"
	"strings"

	"txct/export/doc"
	"txct/export/docx"
	"txct/store/model"
)

// Minutes writes the minutes (biên bản) of the session as DOCX.
func Minutes(w io.Writer, snap model.Snapshot, o Options) error {
	o, err := o.prepare()
	if err != nil {
		return err
	}
	return DOCX(w, MinutesDoc(snap, o), o)
}

// DOCX writes any document built with export/doc (a round report, say) as
// DOCX in the layout o sets: A4, its margins, its body size.
func DOCX(w io.Writer, d *doc.Document, o Options) error {
	o, err := o.prepare()
	if err != nil {
		return err
	}
	return d.DOCX(o.layout()).Write(w)
}

// layout is the DOCX page of o: A4 portrait with its margins and body size.
func (o Options) layout() doc.Layout {
	p := docx.A4
	m := o.Margins
	p.Top, p.Bottom, p.Left, p.Right = docx.MM(m.Top), docx.MM(m.Bottom), docx.MM(m.Left), docx.MM(m.Right)
	return doc.Layout{Page: p, FontSize: o.FontSize}
}

// MinutesDoc builds the minutes: header of the body that
// keeps them, title, time and place, attendance, chair and secretary, the
// proceedings in order with every remark numbered and its answer on the
// spot under it, the closing time and the one approval sentence, the
// signatures of the secretary and the chair (names only) and "Nơi nhận"
// under them. o must be prepared.
func MinutesDoc(snap model.Snapshot, o Options) *doc.Document {
	s := &snap.Session
	is := Issuers(*s, o).Minutes
	d := &doc.Document{Title: "Biên bản " + meetingName(s)}
	// Minutes are approved at the meeting, so they carry its date.
	day, _ := model.ParseDate(s.Date)
	d.Add(doc.Header{Parent: is.Parent, Body: is.Body, Type: "BB", Issuer: is.Code, Place: locality(s), Date: day},
		doc.Title{Kind: "BIÊN BẢN", Summary: meetingName(s)})
	d.Text(fmt.Sprintf("Vào hồi %s %s, tại %s, %s tổ chức hội nghị tiếp xúc cử tri%s.",
		clock(s.Start), longDate(s.Date), orDots(s.Place), orDots(s.DelegateGroup), withSpace(kindPhrase(s))))

	d.Add(doc.Heading{Level: 1, Text: "I. Thành phần tham dự"}, doc.Heading{Level: 2, Text: "1. Đại biểu"})
	d.Add(dashed(s.Delegates))
	if len(s.Guests) > 0 {
		d.Add(doc.Heading{Level: 2, Text: "2. Khách mời"}, dashed(s.Guests))
	}
	d.Add(doc.Heading{Level: 2, Text: fmt.Sprintf("%d. Cử tri", 2+boolInt(len(s.Guests) > 0))})
	d.Text(fmt.Sprintf("Có %d cử tri tham dự hội nghị.", s.Voters))
	d.Add(doc.Para{Runs: []doc.Run{doc.B("Chủ trì hội nghị: "), doc.T(withTitle(s.Chair, s.ChairTitle) + ".")}},
		doc.Para{Runs: []doc.Run{doc.B("Thư ký hội nghị: "), doc.T(orDots(s.Secretary) + ".")}})

	d.Add(doc.Heading{Level: 1, Text: "II. Nội dung hội nghị"}, doc.Heading{Level: 2, Text: "1. Khai mạc"})
	notes(d, s, model.SecOpening, "Chủ trì hội nghị tuyên bố lý do, giới thiệu đại biểu và chương trình hội nghị.")
	d.Add(doc.Heading{Level: 2, Text: "2. Báo cáo của đại biểu"})
	notes(d, s, model.SecReport, "")
	d.Add(doc.Heading{Level: 2, Text: "3. Ý kiến, kiến nghị của cử tri"})
	// The secretary's summary first; the minutes list every remark, so a
	// reference to a list "kèm theo" is dropped.
	intro := paras(attachmentRef.ReplaceAllString(s.Note(model.SecRemarks), ""))
	for _, p := range intro {
		d.Text(p)
	}
	switch {
	case len(snap.Remarks) == 0:
		d.Text(NoRemarks)
	case len(intro) > 0:
		d.Text("Ý kiến, kiến nghị cụ thể như sau:")
	default:
		d.Text(fmt.Sprintf("Có %d lượt ý kiến, kiến nghị của cử tri, cụ thể như sau:", len(snap.Remarks)))
	}
	if len(snap.Remarks) > 0 {
		var l doc.List
		for _, r := range snap.Remarks {
			it := doc.Item{Runs: []doc.Run{doc.B(speaker(r) + ": "), doc.T(sentence(docText(r.Text)))}}
			if r.Answered() {
				it.More = append(it.More, doc.Para{Indent: true, Runs: []doc.Run{doc.I(answerer(r) + " trả lời: "), doc.T(sentence(docText(r.Answer.Text)))}})
			}
			l.Items = append(l.Items, it)
		}
		d.Add(l)
	}
	d.Add(doc.Heading{Level: 2, Text: "4. Giải trình, trả lời của đại biểu và đại diện chính quyền"})
	notes(d, s, model.SecAnswers, "")
	d.Add(doc.Heading{Level: 2, Text: "5. Kết luận"})
	for _, p := range withoutApproval(noteParas(s, model.SecConclusion, "")) {
		d.Text(p)
	}
	d.Text(fmt.Sprintf("Hội nghị kết thúc vào hồi %s cùng ngày.", clock(s.End)))
	d.Text(endMark("Biên bản đã được đọc lại cho hội nghị nghe và được thông qua."))

	d.Add(doc.Signatures{
		Left:       &doc.Signature{Capacity: []string{"THƯ KÝ"}, Name: nameOnly(docText(s.Secretary))},
		Right:      doc.Signature{Capacity: []string{"CHỦ TRÌ"}, Name: nameOnly(docText(s.Chair))},
		Recipients: recipientsWith(false, is.Recipients),
	})
	return d
}

// dashed is a "- …" list of names, or a blank "- …" for the clerk.
func dashed(names []string) doc.List {
	l := doc.List{Style: doc.Dashed}
	for _, n := range names {
		if c := strings.TrimSpace(docText(n)); c != "" {
			l.Items = append(l.Items, doc.Item{Runs: []doc.Run{doc.T(sentence(c))}})
		}
	}
	if len(l.Items) == 0 {
		l.Items = []doc.Item{{Runs: []doc.Run{doc.T("…")}}}
	}
	return l
}

// notes adds a minutes section's paragraphs.
func notes(d *doc.Document, s *model.Session, sec model.Section, def string) {
	for _, p := range noteParas(s, sec, def) {
		d.Text(p)
	}
}

// locality is the place before "ngày" on the date line: the locality of
// the issuing body, never the meeting hall. Without one it is the commune
// (then the province) the session's place names, and without that the line
// is the date alone: never a dangling "…,".
func locality(s *model.Session) string {
	if l := docText(s.Locality); l != "" {
		return l
	}
	if l := unitName([]string{s.Place, s.Organiser, s.Title}, "xã", "phường", "thị trấn", "đặc khu"); l != "" {
		return l
	}
	return province(*s)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
