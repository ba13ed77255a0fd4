package export

// The wording shared by the minutes, the report, the appendix and the
// spreadsheet, so they all say the same thing, and the typographic rules of
// running text (Nghị định 30/2020 and clerks' usage).

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"txct/store/model"
)

// NoRemarks is what the documents say for a session without remarks.
const NoRemarks = "Không có ý kiến, kiến nghị nào của cử tri."

// sentence is s as a sentence of a document: first letter capitalised and
// a full stop added when it ends without one; its words are never changed.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	r, size := utf8.DecodeRuneInString(s)
	if unicode.IsLower(r) {
		s = string(unicode.ToUpper(r)) + s[size:]
	}
	if !endsSentence(s) {
		s += "."
	}
	return s
}

// endsSentence reports whether s ends with sentence punctuation, possibly
// inside closing quotes or brackets.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"'”’)]» ")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "…")
}

// noStop is s without its final full stop (to go inside a longer sentence).
func noStop(s string) string { return strings.TrimSuffix(strings.TrimSpace(s), ".") }

// Cut shortens s to at most n characters, at the last sentence end if there
// is one in the second half, else at the last clause (comma, semicolon),
// else at the last space, adding "…" when anything was left out. It never
// cuts inside a word.
func Cut(s string, n int) string {
	s = strings.TrimSpace(s)
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	head := string(r[:n])
	// A sentence end: ". ", "? ", "! " followed by more text.
	best := -1
	for _, sep := range []string{". ", "? ", "! "} {
		if i := strings.LastIndex(head, sep); i > best {
			best = i
		}
	}
	if best >= len(head)/2 {
		return head[:best+1]
	}
	for _, sep := range []string{"; ", ", ", ": "} {
		if i := strings.LastIndex(head, sep); i >= len(head)/2 {
			return strings.TrimSpace(head[:i]) + "…"
		}
	}
	if i := strings.LastIndex(head, " "); i > 0 {
		return strings.TrimRight(head[:i], ",;:") + "…"
	}
	// One very long word: keep it whole.
	w := strings.IndexByte(s, ' ')
	if w < 0 {
		return s
	}
	return s[:w] + "…"
}

// honorifics are the forms of address that go before a voter's name.
var honorifics = []string{"Ông", "Bà", "Anh", "Chị", "Cô", "Chú", "Bác", "Cụ", "Em"}

// nameOnly is a name without "Ông"/"Bà" before it (under signatures).
func nameOnly(s string) string {
	s = strings.TrimSpace(s)
	for _, h := range honorifics {
		for _, form := range []string{h + " ", strings.ToLower(h) + " ", h + ". "} {
			if strings.HasPrefix(s, form) {
				return strings.TrimSpace(s[len(form):])
			}
		}
	}
	return s
}

// inRunning is a name for running text: "ông Nguyễn Văn A" with the form of
// address in lower case.
func inRunning(name string) string {
	for _, h := range honorifics {
		if strings.HasPrefix(name, h+" ") {
			return strings.ToLower(h) + name[len(h):]
		}
	}
	return name
}

// voterPhrase is who raised a remark, for running text: "cử tri ông A, ấp 1",
// or "một cử tri, ấp 5" for a voter who gave no name.
func voterPhrase(r model.Remark) string {
	s := "một cử tri"
	if v := docText(r.Voter); v != "" {
		s = "cử tri " + inRunning(v)
	}
	if a := docText(r.Address); a != "" {
		s += ", " + a
	}
	return s
}

// upperFirst capitalises the first letter of s.
func upperFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

// raisedBy is "(Cử tri ông A, ấp 1)", or for a merged group every voter
// once and "n lượt cử tri", with "tại m điểm" when the group joins remarks
// of several sessions of a round.
func raisedBy(it item) string {
	var who []string
	points := map[uint64]bool{}
	for _, m := range it.members {
		if p := voterPhrase(m); !slices.Contains(who, p) {
			who = append(who, p)
		}
		points[m.SessionID] = true
	}
	s := strings.Join(who, "; ")
	if len(it.members) > 1 {
		s += fmt.Sprintf("; %d lượt cử tri", len(it.members))
		if len(points) > 1 {
			s += fmt.Sprintf(" tại %d điểm", len(points))
		}
	}
	return "(" + upperFirst(s) + ")"
}

// speaker heads a remark in the minutes: "Ông A (ấp 1)", or "Một cử tri
// (ấp 5)".
func speaker(r model.Remark) string {
	who := docText(r.Voter)
	if who == "" {
		who = "Một cử tri"
	}
	if a := docText(r.Address); a != "" {
		who += " (" + a + ")"
	}
	return who
}

// answerer is who answered a remark on the spot ("Đại biểu" if not noted).
func answerer(r model.Remark) string {
	if by := docText(r.Answer.By); by != "" {
		return by
	}
	return "Đại biểu"
}

// kindWord is "kiến nghị" or "ý kiến" by a remark's type; a remark without
// a type counts as a petition.
func kindWord(r model.Remark) string {
	if r.Type == model.TypeOpinion {
		return "ý kiến"
	}
	return "kiến nghị"
}

// attachmentRef matches a note's reference to a list "kèm theo": the
// minutes carry every remark in their body, so nothing is attached.
var attachmentRef = regexp.MustCompile(`\s*\((?:[^()]*\s)?kèm theo[^()]*\)`)

// approval matches a sentence saying the minutes were approved; the minutes
// print that sentence once, at their end.
var approval = regexp.MustCompile(`(?i)biên bản[^.]*thông qua`)

// sentences splits a paragraph into sentences (at ". " followed by a capital).
func sentences(p string) []string {
	var out []string
	start := 0
	rs := []rune(p)
	for i := 0; i+2 < len(rs); i++ {
		if (rs[i] == '.' || rs[i] == '!' || rs[i] == '?') && rs[i+1] == ' ' && unicode.IsUpper(rs[i+2]) {
			out = append(out, strings.TrimSpace(string(rs[start:i+1])))
			start = i + 2
		}
	}
	if rest := strings.TrimSpace(string(rs[start:])); rest != "" {
		out = append(out, rest)
	}
	return out
}

// withoutApproval drops the sentences of ps that say the minutes were
// approved, and paragraphs left empty.
func withoutApproval(ps []string) []string {
	var out []string
	for _, p := range ps {
		var keep []string
		for _, s := range sentences(p) {
			if !approval.MatchString(s) {
				keep = append(keep, s)
			}
		}
		if len(keep) > 0 {
			out = append(out, strings.Join(keep, " "))
		}
	}
	return out
}

// paras splits a note into its paragraphs, dropping empty ones.
func paras(note string) []string {
	var out []string
	for _, p := range strings.Split(note, "\n") {
		if p = strings.TrimSpace(docText(p)); p != "" {
			out = append(out, sentence(p))
		}
	}
	return out
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

// meetingName is the minutes' summary line.
func meetingName(s *model.Session) string {
	name := "Hội nghị tiếp xúc cử tri"
	if g := docText(s.DelegateGroup); g != "" {
		name += " của " + g
	}
	if k := kindPhrase(s); k != "" {
		name += " " + k
	}
	if name == "Hội nghị tiếp xúc cử tri" && docText(s.Title) != "" {
		return docText(s.Title)
	}
	return name
}

func withTitle(name, title string) string {
	n, t := docText(name), docText(title)
	switch {
	case n == "":
		return "…"
	case t == "":
		return n
	}
	return n + ", " + t
}

func orDots(s string) string {
	if c := docText(s); c != "" {
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

func reportSummary(s *model.Session) string {
	summary := "Tổng hợp ý kiến, kiến nghị của cử tri tại hội nghị tiếp xúc cử tri"
	if k := kindPhrase(s); k != "" {
		summary += " " + k
	}
	return summary
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
	return fmt.Sprintf("Tổng hợp %d ý kiến, kiến nghị (sau khi gộp các ý kiến trùng nội dung), gồm %d kiến nghị và %d ý kiến phản ánh, góp ý. Theo thẩm quyền giải quyết: %s. Theo lĩnh vực: %s.",
		c.AfterMerge, c.AfterMerge-c.Opinions, c.Opinions, strings.Join(lv, "; "), strings.Join(fl, "; "))
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
			ds[i] = inRunning(docText(d))
		}
		out = append(out, "Đại biểu tham dự: "+strings.Join(ds, "; ")+".")
	}
	return append(out,
		"Chủ trì: "+inRunning(withTitle(s.Chair, s.ChairTitle))+".",
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

// endMark closes a document's text: "./." right after its last sentence.
func endMark(s string) string { return noStop(s) + "./." }

// recipientsWith is the "Nơi nhận" list: "Như trên" first when the document
// has a "Kính gửi" line, then the issuer's recipients, then "Lưu: VT, Hồ sơ".
func recipientsWith(sentTo bool, list []string) []string {
	var out []string
	if sentTo {
		out = append(out, "Như trên")
	}
	for _, r := range list {
		if r = strings.TrimSpace(docText(r)); r != "" && !strings.HasPrefix(r, "Lưu") {
			out = append(out, r)
		}
	}
	return append(out, "Lưu: VT, Hồ sơ")
}
