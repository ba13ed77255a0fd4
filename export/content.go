package export

// The wording and numbers shared by the DOCX documents, the spreadsheet and
// the Markdown, so the three say the same thing.

import (
	"fmt"
	"slices"
	"strings"

	"txct/store/model"
)

// voters describes who raised an item: one voter, or the voters of a group.
func voters(it item) string {
	var names []string
	for _, m := range it.members {
		n := clean(m.Voter)
		if n == "" {
			n = "một cử tri"
		}
		if a := clean(m.Address); a != "" {
			n += ", " + a
		}
		if !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	return strings.Join(names, "; ")
}

// repeatNote cites the petitions a remark repeats, for the report: the
// earlier text, when and at which session it was raised, how it was
// answered and by whom (domain.md §7). An id missing from the archive is
// still cited.
func repeatNote(r model.Remark, ps map[string]model.Petition) []string {
	var out []string
	for _, id := range r.RepeatOf {
		p, ok := ps[id]
		if !ok {
			out = append(out, fmt.Sprintf("Kiến nghị lặp lại (mã %s, không có trong kho kiến nghị).", clean(id)))
			continue
		}
		s := fmt.Sprintf("Kiến nghị lặp lại (mã %s: \u201c%s\u201d): cử tri đã nêu", clean(p.ID), strings.TrimSuffix(shorten(clean(p.Text), 160), "."))
		if p.RaisedAt != "" {
			s += " ngày " + shortDate(p.RaisedAt)
		}
		if p.Session != "" {
			s += " (" + clean(p.Session) + ")"
		}
		if n := p.TimesRaised(); n > 1 {
			s += fmt.Sprintf(", đã nêu %d lần", n)
		}
		body, answer := clean(p.Body), strings.TrimSuffix(clean(p.Response), ".")
		switch {
		case answer != "" && body != "":
			s += fmt.Sprintf("; %s đã trả lời: %s", body, answer)
		case answer != "":
			s += "; đã được trả lời (chưa rõ cơ quan trả lời): " + answer
		case body != "":
			s += fmt.Sprintf("; chưa có văn bản trả lời (cơ quan giải quyết: %s)", body)
		default:
			s += "; chưa có văn bản trả lời, chưa rõ cơ quan trả lời"
		}
		s += fmt.Sprintf(" (tình trạng: %s).", p.Status.Label())
		out = append(out, s)
	}
	return out
}

// raisedBy is "(Cử tri Ông A, ấp 1)", with "(n lượt cử tri)" after it for a
// merged group.
func raisedBy(it item) string {
	s := "(Cử tri " + voters(it) + ")"
	if len(it.members) > 1 {
		s += fmt.Sprintf(" (%d lượt cử tri)", len(it.members))
	}
	return s
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
	return fmt.Sprintf("Tổng hợp %d ý kiến, kiến nghị (sau khi gộp): %d kiến nghị và %d ý kiến phản ánh, góp ý (ghi \u201cÝ kiến\u201d ở đầu). Theo thẩm quyền giải quyết: %s. Theo lĩnh vực: %s.",
		c.AfterMerge, c.AfterMerge-c.Opinions, c.Opinions, strings.Join(lv, "; "), strings.Join(fl, "; "))
}

func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n])) + "…"
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
	if a := levelOf(r); a != "" {
		lvl = levelName(a)
	}
	return []string{fmt.Sprint(i + 1), clean(r.Text), clean(r.Voter), clean(r.Address), string(fieldOf(r)), lvl, ans, strings.Join(rep, "; ")}
}

// NoRemarks is what the documents say for a session without remarks.
const NoRemarks = "Không có ý kiến, kiến nghị nào của cử tri."

// speaker is "Ông A (ấp 1)", or "Một cử tri" for a voter who gave no name.
func speaker(r model.Remark) string {
	who := clean(r.Voter)
	if who == "" {
		who = "Một cử tri"
	}
	if a := clean(r.Address); a != "" {
		who += " (" + a + ")"
	}
	return who
}

// answerer is who answered a remark on the spot ("Đại biểu" if not noted).
func answerer(r model.Remark) string {
	if by := clean(r.Answer.By); by != "" {
		return by
	}
	return "Đại biểu"
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

// recipientList is "Nơi nhận" before "Lưu": from Options, else from the
// session, else the usual ones.
func recipientList(o Options, s *model.Session) []string {
	if len(o.Recipients) > 0 {
		return o.Recipients
	}
	if len(s.Recipients) > 0 {
		return s.Recipients
	}
	return []string{"Thường trực HĐND tỉnh", "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh", "Thường trực HĐND, UBND xã", "Các đại biểu trong Tổ"}
}

// issuer is the issuing body of the header: the organiser, else the
// delegate group.
func issuer(s *model.Session) string {
	if o := clean(s.Organiser); o != "" {
		return o
	}
	if g := clean(s.DelegateGroup); g != "" {
		return g
	}
	return "Tổ đại biểu"
}

func reportSummary(s *model.Session) string {
	summary := "Tổng hợp ý kiến, kiến nghị của cử tri tại hội nghị tiếp xúc cử tri"
	if k := kindPhrase(s); k != "" {
		summary += " " + k
	}
	return summary
}

func reportIntro(s *model.Session) string {
	return fmt.Sprintf("Thực hiện chương trình tiếp xúc cử tri, %s báo cáo kết quả hội nghị tiếp xúc cử tri và tổng hợp ý kiến, kiến nghị của cử tri như sau:", orDots(s.DelegateGroup))
}

// organisation is section I of the report, one line each.
func organisation(s *model.Session, c Counts) []string {
	out := []string{
		fmt.Sprintf("Thời gian: từ %s đến %s, %s.", clock(s.Start), clock(s.End), longDate(s.Date)),
		"Địa điểm: " + orDots(s.Place) + ".",
	}
	if len(s.Delegates) > 0 {
		ds := make([]string, len(s.Delegates))
		for i, d := range s.Delegates {
			ds[i] = clean(d)
		}
		out = append(out, "Đại biểu tham dự: "+strings.Join(ds, "; ")+".")
	}
	return append(out,
		"Chủ trì: "+withTitle(s.Chair, s.ChairTitle)+".",
		fmt.Sprintf("Số cử tri tham dự: %d; số lượt cử tri phát biểu: %d.", s.Voters, c.Speakers),
		fmt.Sprintf("Số ý kiến, kiến nghị ghi nhận: %d; sau khi tổng hợp, gộp các ý kiến trùng nội dung còn %d; số ý kiến đã được trả lời, giải trình tại hội nghị: %d.",
			c.Remarks, c.AfterMerge, c.Answered))
}

// proposals is section IV: Options.Proposals, or the usual request.
func proposals(o Options) string {
	if strings.TrimSpace(o.Proposals) != "" {
		return o.Proposals
	}
	return "Đề nghị Thường trực Hội đồng nhân dân chuyển các kiến nghị nêu tại mục II đến cơ quan có thẩm quyền xem xét, giải quyết và trả lời cử tri theo quy định; quan tâm đôn đốc giải quyết dứt điểm các kiến nghị cử tri đã nêu nhiều lần."
}

func reportClosing(s *model.Session) string {
	return fmt.Sprintf("Trên đây là báo cáo tổng hợp ý kiến, kiến nghị của cử tri tại hội nghị tiếp xúc cử tri ngày %s của %s.", shortDate(s.Date), orDots(s.DelegateGroup))
}

// noteParas is a minutes section's paragraphs; def, or a note that nothing
// was recorded, when the secretary left it empty.
func noteParas(s *model.Session, sec model.Section, def string) []string {
	ps := paras(s.Note(sec))
	if len(ps) == 0 && def != "" {
		ps = []string{def}
	}
	if len(ps) == 0 {
		ps = []string{"(Không ghi nội dung.)"}
	}
	return ps
}
