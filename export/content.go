package export

// The wording and numbers shared by the DOCX documents, the spreadsheet and
// the Markdown, so the three say the same thing.

import (
	"fmt"
	"slices"
	"strings"

	"txct/store/model"
)

// levelName is the report's heading word for a level.
func levelName(a model.Authority) string {
	switch a {
	case model.AuthCentral:
		return "Trung ương"
	case model.AuthProvince:
		return "tỉnh"
	case model.AuthDistrict:
		return "huyện (theo hồ sơ trước ngày 01/7/2025)"
	case model.AuthCommune:
		return "xã"
	}
	return "chưa xác định"
}


// item is one entry of the report's section II: a remark, or a merge group
// shown once.
type item struct {
	lead    model.Remark
	members []model.Remark // the lead first
	seq     int            // the lead's number in the minutes
}

// items groups merged remarks under their lead and keeps minutes order.
func items(rs []model.Remark) []item {
	pos := map[uint64]int{}
	var out []item
	for i, r := range rs {
		if r.MergedInto != 0 {
			if j, ok := pos[r.MergedInto]; ok {
				out[j].members = append(out[j].members, r)
				continue
			}
		}
		pos[r.ID] = len(out)
		out = append(out, item{lead: r, members: []model.Remark{r}, seq: i + 1})
	}
	return out
}

// grouped orders items by level, then field in the fixed order, keeping
// minutes order within a group.
func grouped(its []item) []item {
	out := slices.Clone(its)
	slices.SortStableFunc(out, func(a, b item) int {
		if c := levelOf(a.lead).Index() - levelOf(b.lead).Index(); c != 0 {
			return c
		}
		return fieldIndex(a.lead.Field) - fieldIndex(b.lead.Field)
	})
	return out
}

func fieldIndex(f model.Field) int {
	if i := f.Index(); i >= 0 {
		return i
	}
	return model.FieldOther.Index()
}

// levelOf is a remark's competent level, or "" (unclassified) when it has
// none or one txct does not know, so every remark is counted somewhere.
func levelOf(r model.Remark) model.Authority {
	if r.Authority.Valid() {
		return r.Authority
	}
	return ""
}

func fieldOf(r model.Remark) model.Field {
	if r.Field.Valid() {
		return r.Field
	}
	return model.FieldOther
}

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
		c.ByLevel[levelOf(it.lead)]++
		c.ByField[fieldOf(it.lead)]++
		if it.lead.Type == model.TypeOpinion {
			c.Opinions++
		}
	}
	return c
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

// levelGroup is one competent level of section II, numbered from 1 in the
// order central, province, (legacy district), commune, unclassified; only
// levels with items appear.
type levelGroup struct {
	no     int
	level  model.Authority
	fields []fieldGroup
}

// fieldGroup is one field within a level, lettered a), b)… in the fixed
// order of model.Fields.
type fieldGroup struct {
	letter rune
	field  model.Field
	items  []item
}

// sections groups the items of a session for section II.
func sections(rs []model.Remark) []levelGroup {
	var out []levelGroup
	for _, it := range grouped(items(rs)) {
		if len(out) == 0 || out[len(out)-1].level != levelOf(it.lead) {
			out = append(out, levelGroup{no: len(out) + 1, level: levelOf(it.lead)})
		}
		lg := &out[len(out)-1]
		f := fieldOf(it.lead)
		if len(lg.fields) == 0 || lg.fields[len(lg.fields)-1].field != f {
			lg.fields = append(lg.fields, fieldGroup{letter: 'a' + rune(len(lg.fields)), field: f})
		}
		fg := &lg.fields[len(lg.fields)-1]
		fg.items = append(fg.items, it)
	}
	return out
}

// itemRepeats cites every petition the members of an item repeat, once each.
func itemRepeats(it item, ps map[string]model.Petition) []string {
	var rep []string
	for _, m := range it.members {
		rep = append(rep, repeatNote(m, ps)...)
	}
	return dedupe(rep)
}
