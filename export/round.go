package export

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"txct/export/doc"
	"txct/store/model"
)

// OfficeBody is who issues a sitting's compiled report when no issuer is
// set: the office that compiles every delegate group's petitions.
const OfficeBody = "Văn phòng Đoàn ĐBQH và HĐND tỉnh"

// RoundReportDoc builds the summary report of a round (đợt TXCT) or, with
// sitting set, the office's compilation of every delegate group's sessions
// for one sitting. snap is a store.RoundSnapshot: its Points
// are the sessions. Section I lists the points held; sections II–IV and the
// appendix are those of the single-session report, over the remarks of all
// points, a demand raised at several points shown once ("n lượt cử tri tại
// m điểm"); repeats cite what was raised before the round's first session.
// o must be prepared.
func RoundReportDoc(snap model.Snapshot, o Options, sitting bool) *doc.Document {
	s := snap.Session // the first point, for the issuer and the kind
	if sitting {
		s.DelegateGroup, s.Organiser, s.ParentBody = OfficeBody, "", ""
	}
	c := Count(snap)
	c.Speakers = 0
	voters := 0
	for _, pt := range snap.Points {
		c.Speakers += speakersOf(pt, snap)
		voters += pt.Session.Voters
	}
	is := Issuers(s, o).Report
	first, last := s.Date, s.Date
	if n := len(snap.Points); n > 0 {
		first, last = snap.Points[0].Session.Date, snap.Points[n-1].Session.Date
	}
	d := &doc.Document{Title: "Báo cáo tổng hợp ý kiến, kiến nghị cử tri"}
	summary := "Tổng hợp ý kiến, kiến nghị của cử tri tại các hội nghị tiếp xúc cử tri"
	if k := kindPhrase(&s); k != "" {
		summary += " " + k
	}
	d.Add(doc.Header{Parent: is.Parent, Body: is.Body, Type: "BC", Issuer: is.Code, Place: locality(&s), Date: o.Today},
		doc.Title{Kind: "BÁO CÁO", Summary: summary})
	sentTo := strings.TrimSpace(docText(o.SentTo))
	if sentTo != "" {
		d.Add(doc.Para{Runs: []doc.Run{doc.T("Kính gửi: " + sentTo)}, Align: doc.Center})
	}
	groups := roundGroups(snap)
	if sitting {
		d.Text(fmt.Sprintf("%s tổng hợp ý kiến, kiến nghị của cử tri tại các hội nghị tiếp xúc cử tri của %d tổ đại biểu như sau:", is.Body, len(groups)))
	} else {
		d.Text(fmt.Sprintf("Thực hiện chương trình tiếp xúc cử tri, %s báo cáo kết quả các hội nghị tiếp xúc cử tri và tổng hợp ý kiến, kiến nghị của cử tri như sau:", is.Body))
	}

	d.Add(doc.Heading{Level: 1, Text: "I. Tình hình tổ chức hội nghị"})
	when := "ngày " + shortDate(first)
	if last != first {
		when = "từ ngày " + shortDate(first) + " đến ngày " + shortDate(last)
	}
	who := is.Body
	if sitting {
		who = fmt.Sprintf("%d tổ đại biểu", len(groups))
	}
	d.Text(fmt.Sprintf("%s, %s đã tổ chức %d hội nghị tiếp xúc cử tri tại %d điểm, với %d lượt cử tri tham dự, %d lượt cử tri phát biểu.",
		upperFirst(when), who, len(snap.Points), len(snap.Points), voters, c.Speakers))
	d.Text(fmt.Sprintf("Số ý kiến, kiến nghị ghi nhận: %d; sau khi tổng hợp, gộp các ý kiến trùng nội dung (kể cả ý kiến trùng nhau giữa các điểm) còn %d; số ý kiến đã được trả lời, giải trình tại hội nghị: %d.",
		c.Remarks, c.AfterMerge, c.Answered))
	t := doc.Table{Columns: []doc.Column{{Title: "STT", Center: true}, {Title: "Ngày", Center: true}, {Title: "Địa điểm"}}}
	if sitting {
		t.Columns = append(t.Columns, doc.Column{Title: "Tổ đại biểu"})
	}
	t.Columns = append(t.Columns, doc.Column{Title: "Cử tri tham dự", Center: true}, doc.Column{Title: "Ý kiến, kiến nghị", Center: true})
	for i, pt := range snap.Points {
		r := []string{fmt.Sprint(i + 1), shortDate(pt.Session.Date), orDots(docText(pt.Session.Place))}
		if sitting {
			r = append(r, docText(pt.Session.DelegateGroup))
		}
		t.Rows = append(t.Rows, append(r, fmt.Sprint(pt.Session.Voters), fmt.Sprint(pt.Remarks)))
	}
	d.Add(t)

	secs := sections(snap.Remarks)
	remarkSections(d, snap, c, secs, first)

	d.Add(doc.Heading{Level: 1, Text: "IV. Đề xuất, kiến nghị của " + is.Body})
	for _, p := range paras(proposals(o)) {
		d.Text(p)
	}
	d.Text(endMark(fmt.Sprintf("Trên đây là báo cáo tổng hợp ý kiến, kiến nghị của cử tri tại các hội nghị tiếp xúc cử tri %s của %s", when, who)))
	d.Add(doc.Signatures{Right: doc.Signature{Capacity: is.Capacity, Name: is.Signer}, Recipients: recipientsWith(sentTo != "", is.Recipients)})
	appendix(d, snap, secs, is, o)
	return d
}

// speakersOf is the number of voters who spoke at one point: as the
// session says, else the distinct voters of its remarks.
func speakersOf(pt model.Point, snap model.Snapshot) int {
	if pt.Session.Speakers > 0 {
		return pt.Session.Speakers
	}
	one := model.Snapshot{Session: pt.Session}
	for _, r := range snap.Remarks {
		if r.SessionID == pt.Session.ID {
			one.Remarks = append(one.Remarks, r)
		}
	}
	return Count(one).Speakers
}

// roundGroups are the delegate groups of the points, in order.
func roundGroups(snap model.Snapshot) []string {
	var out []string
	seen := map[string]bool{}
	for _, pt := range snap.Points {
		g := docText(pt.Session.DelegateGroup)
		if !seen[strings.ToLower(g)] {
			seen[strings.ToLower(g)] = true
			out = append(out, g)
		}
	}
	return out
}

// WriteRound writes the round (or sitting) report into dir in the chosen
// formats (docx, md, and xlsx: the round's remarks as the session
// spreadsheet lays them out), named after the first point, and returns the
// paths written.
func WriteRound(dir string, snap model.Snapshot, formats []string, o Options, sitting bool) ([]string, error) {
	o, err := o.prepare()
	if err != nil {
		return nil, err
	}
	if err := checkFolder(dir); err != nil {
		return nil, err
	}
	d := RoundReportDoc(snap, o, sitting)
	stem := "bao-cao-dot-" + Slug(snap.Session)
	if sitting {
		stem = "bao-cao-ky-hop-" + Slug(model.Session{Title: snap.Session.Sitting, Date: snap.Session.Date})
	}
	var written []string
	for _, f := range formats {
		var buf bytes.Buffer
		var name string
		switch f {
		case "docx":
			name, err = stem+".docx", DOCX(&buf, d, o)
		case "md":
			name = stem + ".md"
			_, err = io.WriteString(&buf, d.Markdown())
		case "xlsx":
			name, err = stem+".xlsx", Spreadsheet(&buf, snap, o)
		default:
			return written, fmt.Errorf("unknown format %q: choose from %s", f, strings.Join(Formats, ", "))
		}
		if err != nil {
			return written, fmt.Errorf("%s: %w", name, err)
		}
		path, err := place(dir, name, buf.Bytes(), o.Force)
		if err != nil {
			return written, err
		}
		written = append(written, path)
	}
	return written, nil
}
