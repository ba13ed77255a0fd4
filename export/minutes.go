package export

import (
	"fmt"
	"io"

	"txct/export/docx"
	"txct/store/model"
)

// Minutes writes the minutes (biên bản) of the session as DOCX.
func Minutes(w io.Writer, snap model.Snapshot, o Options) error {
	return write(w, minutesDoc(snap, o.withDefaults()))
}

// MinutesXML is the minutes' word/document.xml (for golden tests).
func MinutesXML(snap model.Snapshot, o Options) string {
	return minutesDoc(snap, o.withDefaults()).DocumentXML()
}

func minutesDoc(snap model.Snapshot, o Options) *docx.Document {
	s := &snap.Session
	pg := newPage(o)
	pg.header(s, "BB", false)
	pg.title("BIÊN BẢN", meetingName(s))

	pg.plain(fmt.Sprintf("Vào hồi %s, %s, tại %s, %s tổ chức hội nghị tiếp xúc cử tri%s.",
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
		pg.plain("Không có ý kiến, kiến nghị nào của cử tri.")
	} else {
		pg.plain(fmt.Sprintf("Có %d lượt ý kiến, kiến nghị của cử tri:", len(snap.Remarks)))
	}
	for i, r := range snap.Remarks {
		who := clean(r.Voter)
		if who == "" {
			who = "Một cử tri"
		}
		if a := clean(r.Address); a != "" {
			who += " (" + a + ")"
		}
		pg.text(docx.Run{Text: fmt.Sprintf("3.%d. %s: ", i+1, who), Bold: true}, docx.Run{Text: clean(r.Text)})
		if r.Answered() {
			by := clean(r.Answer.By)
			if by == "" {
				by = "Đại biểu"
			}
			pg.add(docx.Para{Runs: []docx.Run{{Text: "Trả lời tại hội nghị — " + by + ": ", Italic: true, Bold: true}, {Text: clean(r.Answer.Text), Italic: true}},
				Align: docx.Justify, Indent: 567, FirstLine: 567, After: 120, Line: 276})
		}
	}
	pg.notes(s, model.SecRemarks, "")
	pg.heading2("4. Giải trình, trả lời của đại biểu")
	pg.notes(s, model.SecAnswers, "")
	pg.heading2("5. Kết luận")
	pg.notes(s, model.SecConclusion, "")

	pg.plain(fmt.Sprintf("Hội nghị kết thúc vào hồi %s cùng ngày.", clock(s.End)))
	pg.plain("Biên bản đã được đọc lại cho hội nghị nghe và thống nhất thông qua.")

	half := pg.textW / 2
	pg.add(docx.Table{Widths: []int{half, pg.textW - half}, Rows: [][]docx.Cell{{
		{Width: half, Paras: signature("", "Thư ký", clean(s.Secretary))},
		{Width: pg.textW - half, Paras: signature("", "Chủ trì", clean(s.Chair))},
	}}})
	pg.add(docx.Para{Before: 240})
	for _, p := range recipients(pg.recipientList(s)) {
		pg.add(p)
	}
	return pg.doc("Biên bản " + meetingName(s))
}

// notes adds a section's paragraphs, or def when it is empty.
func (pg *page) notes(s *model.Session, sec model.Section, def string) {
	ps := paras(s.Note(sec))
	if len(ps) == 0 && def != "" {
		ps = []string{def}
	}
	if len(ps) == 0 {
		ps = []string{"(Không ghi nội dung.)"}
	}
	for _, p := range ps {
		pg.plain(p)
	}
}

// meetingName is the minutes' summary line.
func meetingName(s *model.Session) string {
	name := "Hội nghị tiếp xúc cử tri"
	if g := clean(s.DelegateGroup); g != "" {
		name += " của " + g
	}
	if k := kindPhrase(s); k != "" {
		name += " " + k
	}
	if name == "Hội nghị tiếp xúc cử tri" && clean(s.Title) != "" {
		return clean(s.Title)
	}
	return name
}

func withTitle(name, title string) string {
	n, t := clean(name), clean(title)
	switch {
	case n == "":
		return "…"
	case t == "":
		return n
	}
	return n + ", " + t
}

func orDots(s string) string {
	if c := clean(s); c != "" {
		return c
	}
	return "…"
}

func withSpace(s string) string {
	if s == "" {
		return ""
	}
	return " " + s
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
