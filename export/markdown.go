package export

import (
	"fmt"
	"io"
	"strings"

	"txct/store/model"
)

// Markdown writes the minutes and the report as plain text, for review in a
// terminal or a diff. Text is sanitised like the documents.
func Markdown(w io.Writer, snap model.Snapshot, o Options) error {
	o = o.withDefaults()
	s := &snap.Session
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	issuer := clean(s.Organiser)
	if issuer == "" {
		issuer = clean(s.DelegateGroup)
	}
	p("# BIÊN BẢN")
	p("")
	p("**%s** — Số: …/BB-%s", strings.ToUpper(orDots(issuer)), clean(o.IssuerCode))
	p("")
	p("**%s**", meetingName(s))
	p("")
	p("Vào hồi %s, %s, tại %s.", clock(s.Start), longDate(s.Date), orDots(s.Place))
	p("")
	p("## I. Thành phần tham dự")
	p("")
	for _, d := range s.Delegates {
		p("- Đại biểu: %s", clean(d))
	}
	for _, g := range s.Guests {
		p("- Khách mời: %s", clean(g))
	}
	p("- Cử tri tham dự: %d", s.Voters)
	p("- Chủ trì: %s", withTitle(s.Chair, s.ChairTitle))
	p("- Thư ký: %s", orDots(s.Secretary))
	p("")
	p("## II. Nội dung hội nghị")
	for i, sec := range model.Sections {
		p("")
		p("### %d. %s", i+1, sec.Title())
		p("")
		for _, para := range paras(s.Note(sec)) {
			p("%s", para)
			p("")
		}
		if sec != model.SecRemarks {
			continue
		}
		if len(snap.Remarks) == 0 {
			p("Không có ý kiến, kiến nghị nào của cử tri.")
			p("")
		}
		for j, r := range snap.Remarks {
			who := clean(r.Voter)
			if who == "" {
				who = "Một cử tri"
			}
			if a := clean(r.Address); a != "" {
				who += " (" + a + ")"
			}
			p("%d. **%s**: %s", j+1, who, clean(r.Text))
			if r.Answered() {
				p("   - *Trả lời tại hội nghị — %s*: %s", orDots(r.Answer.By), clean(r.Answer.Text))
			}
		}
	}
	p("")
	p("Hội nghị kết thúc vào hồi %s cùng ngày.", clock(s.End))
	p("")
	p("THƯ KÝ: %s — CHỦ TRÌ: %s", orDots(s.Secretary), orDots(s.Chair))
	p("")
	p("---")
	p("")
	c := Count(snap)
	p("# BÁO CÁO")
	p("")
	p("*%s*", dateLine(s.Locality, o.Today))
	p("")
	if o.SentTo != "" {
		p("Kính gửi: %s", clean(o.SentTo))
		p("")
	}
	p("## I. Tình hình tổ chức hội nghị")
	p("")
	p("- Ngày: %s, từ %s đến %s; địa điểm: %s", shortDate(s.Date), orDots(s.Start), orDots(s.End), orDots(s.Place))
	p("- Cử tri tham dự: %d; lượt phát biểu: %d", s.Voters, c.Speakers)
	p("- Ý kiến ghi nhận: %d; sau khi gộp: %d; trả lời tại chỗ: %d", c.Remarks, c.AfterMerge, c.Answered)
	p("")
	p("## II. Ý kiến, kiến nghị của cử tri")
	p("")
	if c.AfterMerge > 0 {
		p("%s", countsSentence(c))
		p("")
	}
	its := grouped(items(snap.Remarks))
	n := 0
	var lvl model.Authority = "?"
	var fld model.Field = "?"
	for _, it := range its {
		if it.lead.Authority != lvl {
			lvl, fld = it.lead.Authority, "?"
			p("### Thuộc thẩm quyền %s (%d)", levelName(lvl), c.ByLevel[lvl])
			p("")
		}
		if f := fieldOf(it.lead); f != fld {
			fld = f
			p("#### Lĩnh vực %s", f)
			p("")
		}
		n++
		line := fmt.Sprintf("%d. %s (Cử tri %s", n, clean(it.lead.Text), voters(it))
		if len(it.members) > 1 {
			line += fmt.Sprintf("; %d lượt cử tri", len(it.members))
		}
		line += ")"
		var rep []string
		for _, m := range it.members {
			rep = append(rep, repeatNote(m, snap.Petitions)...)
		}
		if len(rep) > 0 {
			line += " **(kiến nghị lặp lại)**"
		}
		p("%s", line)
		for _, r := range dedupe(rep) {
			p("   - *%s*", r)
		}
	}
	p("")
	p("## III. Ý kiến đã được trả lời tại hội nghị")
	p("")
	k := 0
	for i, r := range snap.Remarks {
		if r.Answered() {
			k++
			p("%d. Ý kiến số %d: %s trả lời: %s", k, i+1, orDots(r.Answer.By), clean(r.Answer.Text))
		}
	}
	if k == 0 {
		p("Không có ý kiến nào được trả lời tại hội nghị.")
	}
	p("")
	p("%s — %s: %s", strings.ToUpper(o.SignerPrefix), strings.ToUpper(o.SignerTitle), orDots(o.SignerName))
	p("")
	p("## Phụ lục: danh sách ý kiến")
	p("")
	p("| STT | Nội dung | Cử tri | Địa chỉ | Lĩnh vực | Thẩm quyền | Trả lời tại chỗ | Lặp lại |")
	p("|---|---|---|---|---|---|---|---|")
	for i, r := range snap.Remarks {
		v := remarkRow(i, r, snap.Petitions)
		for j := range v {
			v[j] = strings.ReplaceAll(v[j], "|", "\\|")
		}
		p("| %s |", strings.Join(v, " | "))
	}
	_, err := io.WriteString(w, b.String())
	return err
}
