package export

import (
	"fmt"
	"io"

	"txct/export/docx"
	"txct/store/model"
)

// Minutes writes the minutes (biên bản) of the session as DOCX
// (domain.md §3): header, title, time and place, attendance, chair and
// secretary, the proceedings in order with every remark numbered and its
// answer on the spot under it, the closing lines, the signatures of the
// secretary and the chair, and "Nơi nhận".
func Minutes(w io.Writer, snap model.Snapshot, o Options) error {
	o, err := o.prepare()
	if err != nil {
		return err
	}
	return minutesDoc(snap, o).Write(w)
}

func minutesDoc(snap model.Snapshot, o Options) *docx.Document {
	s := &snap.Session
	pg := newPage(o)
	// Minutes are approved at the meeting, so they carry its date.
	day, _ := model.ParseDate(s.Date)
	pg.header(s, "BB", day)
	pg.title("BIÊN BẢN", meetingName(s))

	pg.plain(fmt.Sprintf("Vào hồi %s %s, tại %s, %s tổ chức hội nghị tiếp xúc cử tri%s.",
		clock(s.Start), longDate(s.Date), orDots(s.Place), orDots(s.DelegateGroup), withSpace(kindPhrase(s))))

	pg.heading1("I. Thành phần tham dự")
	pg.heading2("1. Đại biểu")
	if len(s.Delegates) == 0 {
		pg.plain("- …")
	}
	for _, d := range s.Delegates {
		pg.plain("- " + clean(d) + ".")
	}
	if len(s.Guests) > 0 {
		pg.heading2("2. Khách mời")
		for _, g := range s.Guests {
			pg.plain("- " + clean(g) + ".")
		}
	}
	pg.heading2(fmt.Sprintf("%d. Cử tri", 2+boolInt(len(s.Guests) > 0)))
	pg.plain(fmt.Sprintf("Có %d cử tri tham dự hội nghị.", s.Voters))
	pg.text(docx.Run{Text: "Chủ trì hội nghị: ", Bold: true}, docx.Run{Text: withTitle(s.Chair, s.ChairTitle) + "."})
	pg.text(docx.Run{Text: "Thư ký hội nghị: ", Bold: true}, docx.Run{Text: orDots(s.Secretary) + "."})

	pg.heading1("II. Nội dung hội nghị")
	pg.heading2("1. Khai mạc")
	pg.notes(s, model.SecOpening, "Chủ trì hội nghị tuyên bố lý do, giới thiệu đại biểu và chương trình hội nghị.")
	pg.heading2("2. Báo cáo của đại biểu")
	pg.notes(s, model.SecReport, "")
	pg.heading2("3. Ý kiến, kiến nghị của cử tri")
	if len(snap.Remarks) == 0 {
		pg.plain(NoRemarks)
	} else {
		pg.plain(fmt.Sprintf("Có %d lượt ý kiến, kiến nghị của cử tri:", len(snap.Remarks)))
	}
	for i, r := range snap.Remarks {
		pg.text(docx.Run{Text: fmt.Sprintf("%d. %s: ", i+1, speaker(r)), Bold: true}, docx.Run{Text: clean(r.Text)})
		if r.Answered() {
			pg.add(docx.Para{Runs: []docx.Run{{Text: "Trả lời: " + answerer(r) + ": ", Italic: true, Bold: true}, {Text: clean(r.Answer.Text), Italic: true}},
				Align: docx.Justify, Indent: 567, FirstLine: 567, After: 120, Line: 276})
		}
	}
	for _, p := range paras(s.Note(model.SecRemarks)) {
		pg.plain(p)
	}
	pg.heading2("4. Giải trình, trả lời của đại biểu và đại diện chính quyền")
	pg.notes(s, model.SecAnswers, "")
	pg.heading2("5. Kết luận")
	pg.notes(s, model.SecConclusion, "")

	pg.plain(fmt.Sprintf("Hội nghị kết thúc vào hồi %s cùng ngày.", clock(s.End)))
	pg.plain("Biên bản đã được thông qua trước hội nghị.")

	pg.signatures(pg.textW/2, signature("", "Thư ký", clean(s.Secretary)), signature("", "Chủ trì", clean(s.Chair)))
	pg.add(docx.Para{Before: 240})
	pg.addParas(keepTogether(recipients(recipientList(o, s))))
	return pg.doc("Biên bản " + meetingName(s))
}

// notes adds a section's paragraphs.
func (pg *page) notes(s *model.Session, sec model.Section, def string) {
	for _, p := range noteParas(s, sec, def) {
		pg.plain(p)
	}
}
