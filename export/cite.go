package export

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"txct/store/model"
)

// maxAnswer is how long an earlier answer may be in a citation before it
// is shortened at a sentence boundary.
const maxAnswer = 420

// citedPetitions are the archive records an item's remarks were confirmed
// to repeat, each once, earliest first. References missing from the
// archive are left out (the pre-export check, store.ExportCheck, lists them).
func citedPetitions(it item, ps map[string]model.Petition) []model.Petition {
	var out []model.Petition
	seen := map[string]bool{}
	for _, m := range it.members {
		for _, id := range m.RepeatOf {
			p, ok := ps[id]
			if !ok || seen[id] {
				continue
			}
			seen[id] = true
			out = append(out, p)
		}
	}
	slices.SortStableFunc(out, func(a, b model.Petition) int { return strings.Compare(a.RaisedAt, b.RaisedAt) })
	return out
}

// raising is one time a petition came up.
type raising struct{ date, session string }

// answerPrefix matches an answer that names its body first ("Sở Xây dựng
// trả lời: …").
var answerPrefix = regexp.MustCompile(`^([^:.;]{2,80}?)\s+(?:đã\s+)?(?:trả lời|giải trình|có ý kiến)\s*[:,]\s*`)

// splitAnswer separates the answering body an answer's text opens with
// from the answer itself.
func splitAnswer(text string) (body, rest string) {
	if m := answerPrefix.FindStringSubmatchIndex(text); m != nil {
		return text[m[2]:m[3]], text[m[1]:]
	}
	return "", text
}

// citation is the prose under a repeated item: when and at which sitting
// it was raised before, how many times in all (over every archive record
// confirmed as the same demand), who answered, when and with which letter,
// the answer (in full, or shortened at a sentence boundary) and its status.
// It is empty when no cited record is in the archive.
//
// Only raisings before the session (before, YYYY-MM-DD) count: confirming
// the repeat at this session records a raising dated today, which is not
// "before".
func citation(it item, ps map[string]model.Petition, before string) []string {
	recs := citedPetitions(it, ps)
	if len(recs) == 0 {
		return nil
	}
	var rs []raising
	earlier := func(date string) bool { return date == "" || before == "" || date < before }
	for _, p := range recs {
		if earlier(p.RaisedAt) {
			rs = append(rs, raising{p.RaisedAt, docText(p.Session)})
		}
		for _, x := range p.Raises {
			if earlier(x.Date) {
				rs = append(rs, raising{x.Date, docText(x.Session)})
			}
		}
	}
	slices.SortStableFunc(rs, func(a, b raising) int { return strings.Compare(a.date, b.date) })
	// Records marked as the same demand each carry the others' raisings:
	// one raising (date and session) counts once.
	rs = slices.CompactFunc(rs, func(a, b raising) bool { return a.date != "" && a == b })
	at := func(r raising) string {
		s := ""
		if r.date != "" {
			s = "ngày " + shortDate(r.date)
		}
		if r.session != "" {
			if s != "" {
				s += " "
			}
			s += "(" + r.session + ")"
		}
		return s
	}
	// Raisings without a date or session say nothing about when.
	var known []raising
	for _, r := range rs {
		if at(r) != "" {
			known = append(known, r)
		}
	}
	what := kindWord(it.lead)
	first := fmt.Sprintf("Cử tri đã nêu %s này", what)
	if len(rs) > 1 {
		first += fmt.Sprintf(" %d lần", len(rs))
	}
	switch {
	case len(known) == 0:
		first += " trước đây"
	case len(rs) == 1 && len(known) == 1:
		first += " " + at(known[0])
	case len(known) == 1:
		first += ", trong đó " + at(known[0])
	default:
		first += ", lần đầu " + at(known[0]) + ", gần nhất " + at(known[len(known)-1])
	}
	first += "."
	// The latest answered record speaks for the demand; failing that, the
	// latest record.
	ans := recs[len(recs)-1]
	for _, p := range recs {
		if strings.TrimSpace(p.Response) != "" && p.AnsweredAt >= ans.AnsweredAt {
			ans = p
		}
	}
	if strings.TrimSpace(ans.Response) == "" {
		for _, p := range recs {
			if strings.TrimSpace(p.Response) != "" {
				ans = p
			}
		}
	}
	body := docText(ans.Body)
	said, text := splitAnswer(docText(ans.Response))
	if body == "" {
		body = said
	}
	var second string
	if strings.TrimSpace(text) == "" {
		second = "Đến nay chưa có văn bản trả lời"
		if body != "" {
			second += " của " + body
		}
		second += "."
	} else {
		who := body
		if who == "" {
			who = "Cơ quan có thẩm quyền"
		}
		second = upperFirst(who) + " đã trả lời"
		if ref := docText(ans.Ref); ref != "" {
			second += " tại văn bản số " + ref
		}
		if ans.AnsweredAt != "" {
			second += " ngày " + shortDate(ans.AnsweredAt)
		}
		second += ": \u201c" + sentence(Cut(text, maxAnswer)) + "\u201d"
	}
	status := ans.Status.Label()
	if status == "" {
		status = model.StatusUnresolved.Label()
	}
	return []string{first, second, "Tình trạng: " + status + "."}
}
