package export

import (
	"fmt"
	"io"
	"strings"
	"time"

	"txct/store/model"
)

// Markdown writes the minutes, then the report, as plain text with the same
// content as the DOCX files, for review in a terminal or a diff. Text is
// sanitised like the documents; control characters show as control pictures
// (␛, ␇), which terminals can draw.
func Markdown(w io.Writer, snap model.Snapshot, o Options) error {
	o, err := o.prepare()
	if err != nil {
		return err
	}
	m := &md{}
	m.minutes(snap, o)
	m.line("---")
	m.line("")
	m.report(snap, o)
	_, err = io.WriteString(w, m.String())
	return err
}

type md struct{ strings.Builder }

func (m *md) line(format string, args ...any) {
	fmt.Fprintf(m, format+"\n", args...)
}

// para writes a paragraph and the blank line after it.
func (m *md) para(format string, args ...any) {
	m.line(format, args...)
	m.line("")
}

// header is the national header block as lines.
func (m *md) header(s *model.Session, o Options, typeCode string, date time.Time) {
	if pb := clean(s.ParentBody); pb != "" {
		m.line("%s  ", strings.ToUpper(pb))
	}
	m.line("**%s**  ", strings.ToUpper(issuer(s)))
	m.para("Số:      /%s-%s", typeCode, clean(o.IssuerCode))
	m.line("**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**  ")
	m.line("**Độc lập - Tự do - Hạnh phúc**  ")
	loc := s.Locality
	if loc == "" {
		loc = s.Place
	}
	m.para("*%s*", dateLine(loc, date))
}

func (m *md) signatures(left, right []string) {
	m.line("| %s | %s |", left[0], right[0])
	m.line("|---|---|")
	for i := 1; i < max(len(left), len(right)); i++ {
		l, r := "", ""
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		m.line("| %s | %s |", l, r)
	}
	m.line("")
}

func (m *md) recipients(list []string) {
	m.line("**_Nơi nhận:_**")
	for _, r := range list {
		m.line("- %s;", strings.TrimRight(clean(r), ";."))
	}
	m.para("- Lưu: VT, Hồ sơ.")
}

func (m *md) notes(s *model.Session, sec model.Section, def string) {
	for _, p := range noteParas(s, sec, def) {
		m.para("%s", p)
	}
}

func (m *md) minutes(snap model.Snapshot, o Options) {
	s := &snap.Session
	day, _ := model.ParseDate(s.Date)
	m.header(s, o, "BB", day)
	m.para("# BIÊN BẢN")
	m.para("**%s**", meetingName(s))
	m.para("Vào hồi %s %s, tại %s, %s tổ chức hội nghị tiếp xúc cử tri%s.",
		clock(s.Start), longDate(s.Date), orDots(s.Place), orDots(s.DelegateGroup), withSpace(kindPhrase(s)))
	m.para("## I. THÀNH PHẦN THAM DỰ")
	m.para("### 1. Đại biểu")
	for _, d := range s.Delegates {
		m.line("- %s.", clean(d))
	}
	m.line("")
	if len(s.Guests) > 0 {
		m.para("### 2. Khách mời")
		for _, g := range s.Guests {
			m.line("- %s.", clean(g))
		}
		m.line("")
	}
	m.para("### %d. Cử tri", 2+boolInt(len(s.Guests) > 0))
	m.para("Có %d cử tri tham dự hội nghị.", s.Voters)
	m.para("**Chủ trì hội nghị:** %s.", withTitle(s.Chair, s.ChairTitle))
	m.para("**Thư ký hội nghị:** %s.", orDots(s.Secretary))
	m.para("## II. NỘI DUNG HỘI NGHỊ")
	m.para("### 1. Khai mạc")
	m.notes(s, model.SecOpening, "Chủ trì hội nghị tuyên bố lý do, giới thiệu đại biểu và chương trình hội nghị.")
	m.para("### 2. Báo cáo của đại biểu")
	m.notes(s, model.SecReport, "")
	m.para("### 3. Ý kiến, kiến nghị của cử tri")
	if len(snap.Remarks) == 0 {
		m.para("%s", NoRemarks)
	} else {
		m.para("Có %d lượt ý kiến, kiến nghị của cử tri:", len(snap.Remarks))
	}
	for i, r := range snap.Remarks {
		m.line("%d. **%s:** %s", i+1, speaker(r), clean(r.Text))
		if r.Answered() {
			m.line("   - *Trả lời: %s:* %s", answerer(r), clean(r.Answer.Text))
		}
	}
	if len(snap.Remarks) > 0 {
		m.line("")
	}
	for _, p := range paras(s.Note(model.SecRemarks)) {
		m.para("%s", p)
	}
	m.para("### 4. Giải trình, trả lời của đại biểu và đại diện chính quyền")
	m.notes(s, model.SecAnswers, "")
	m.para("### 5. Kết luận")
	m.notes(s, model.SecConclusion, "")
	m.para("Hội nghị kết thúc vào hồi %s cùng ngày.", clock(s.End))
	m.para("Biên bản đã được thông qua trước hội nghị.")
	m.signatures([]string{"**THƯ KÝ**", "**" + orDots(s.Secretary) + "**"}, []string{"**CHỦ TRÌ**", "**" + orDots(s.Chair) + "**"})
	m.recipients(recipientList(o, s))
}

func (m *md) report(snap model.Snapshot, o Options) {
	s := &snap.Session
	c := Count(snap)
	m.header(s, o, "BC", o.Today)
	m.para("# BÁO CÁO")
	m.para("**%s**", reportSummary(s))
	if o.SentTo != "" {
		m.para("Kính gửi: %s", clean(o.SentTo))
	}
	m.para("%s", reportIntro(s))
	m.para("## I. TÌNH HÌNH TỔ CHỨC HỘI NGHỊ")
	for _, l := range organisation(s, c) {
		m.para("%s", l)
	}
	m.para("## II. Ý KIẾN, KIẾN NGHỊ CỦA CỬ TRI")
	if c.AfterMerge == 0 {
		m.para("%s", NoRemarks)
	} else {
		m.para("%s", countsSentence(c))
	}
	n := 0
	for _, lg := range sections(snap.Remarks) {
		m.para("### %d. Thuộc thẩm quyền %s (%d)", lg.no, levelName(lg.level), c.ByLevel[lg.level])
		for _, fg := range lg.fields {
			m.para("#### %c) Lĩnh vực %s", fg.letter, fg.field)
			for _, it := range fg.items {
				n++
				rep := itemRepeats(it, snap.Petitions)
				head := fmt.Sprintf("%d. ", n)
				if it.lead.Type == model.TypeOpinion {
					head += "**Ý kiến:** "
				}
				line := head + strings.TrimSuffix(clean(it.lead.Text), ".") + ". *" + raisedBy(it) + "*"
				if len(rep) > 0 {
					line += " **(kiến nghị lặp lại)**"
				}
				m.line("%s", line)
				for _, r := range rep {
					m.line("   - *%s*", r)
				}
			}
			m.line("")
		}
	}
	m.para("## III. Ý KIẾN ĐÃ ĐƯỢC TRẢ LỜI, GIẢI TRÌNH TẠI HỘI NGHỊ")
	k := 0
	for i, r := range snap.Remarks {
		if r.Answered() {
			k++
			m.line("%d. Ý kiến số %d (%s): *%s trả lời:* %s", k, i+1, strings.TrimSuffix(shorten(clean(r.Text), 120), "."), answerer(r), clean(r.Answer.Text))
		}
	}
	if k == 0 {
		m.line("Không có ý kiến nào được trả lời tại hội nghị.")
	}
	m.line("")
	m.para("## IV. ĐỀ XUẤT, KIẾN NGHỊ CỦA TỔ ĐẠI BIỂU")
	for _, p := range paras(proposals(o)) {
		m.para("%s", p)
	}
	m.para("%s", reportClosing(s))
	m.signatures([]string{"", "**Nơi nhận:** " + strings.Join(recipientList(o, s), "; ") + "; Lưu: VT, Hồ sơ."},
		[]string{"**" + strings.ToUpper(clean(o.SignerPrefix)) + "**<br>**" + strings.ToUpper(clean(o.SignerTitle)) + "**", "**" + orDots(o.SignerName) + "**"})
	m.para("## PHỤ LỤC: DANH SÁCH Ý KIẾN, KIẾN NGHỊ CỦA CỬ TRI")
	m.line("| STT | Nội dung | Cử tri | Địa chỉ | Lĩnh vực | Thẩm quyền | Trả lời tại chỗ | Lặp lại |")
	m.line("|---|---|---|---|---|---|---|---|")
	for i, r := range snap.Remarks {
		v := remarkRow(i, r, snap.Petitions)
		for j := range v {
			v[j] = strings.ReplaceAll(v[j], "|", "\\|")
		}
		m.line("| %s |", strings.Join(v, " | "))
	}
	if len(snap.Remarks) == 0 {
		m.line("| | %s | | | | | | |", NoRemarks)
	}
}
