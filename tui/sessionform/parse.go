package sessionform

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"txct/store/model"
)

// dateLayouts are the ways a secretary writes a date: ISO, and the
// Vietnamese day-first forms with slashes, dashes or dots.
var dateLayouts = []string{model.DateLayout, "02/01/2006", "2/1/2006", "02-01-2006", "2-1-2006", "02.01.2006", "2.1.2006"}

// parseDate reads a date in any of dateLayouts and returns it as YYYY-MM-DD.
func parseDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.Format(model.DateLayout), true
		}
	}
	return "", false
}

// parseClock reads 7:30, 07:30, 7h30, 7h or 7 and returns HH:MM; the empty
// string stays empty (the time is optional).
func parseClock(s string) (string, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return "", true
	}
	s = strings.TrimSuffix(strings.ReplaceAll(s, "h", ":"), ":")
	hh, mm, found := strings.Cut(s, ":")
	if !found {
		mm = "0"
	}
	h, err1 := strconv.Atoi(hh)
	m, err2 := strconv.Atoi(mm)
	if err1 != nil || err2 != nil || h < 0 || h > 23 || m < 0 || m > 59 || len(mm) > 2 || len(hh) > 2 {
		return "", false
	}
	return fmt.Sprintf("%02d:%02d", h, m), true
}

// splitList splits the delegates field on commas and semicolons.
func splitList(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' }) {
		if p = clean(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// clean trims s, folds runs of spaces and normalises it to NFC: IMEs and
// pastes may send decomposed letters, and the archive matches on NFC.
func clean(s string) string {
	return norm.NFC.String(strings.Join(strings.Fields(s), " "))
}

// displayDate shows a stored YYYY-MM-DD date the Vietnamese way.
func displayDate(iso string) string {
	t, err := model.ParseDate(iso)
	if err != nil {
		return iso
	}
	return t.Format("02/01/2006")
}

// collect builds the session from the fields on top of m.orig (so notes,
// guests and other fields the form does not show are kept) and records an
// error message per field. It reports whether every field parsed.
func (m *Model) collect() (model.Session, bool) {
	t := m.ctx.Text
	s := m.orig
	m.errs = [nFields]string{}
	v := func(f field) string { return clean(m.inputs[f].Value()) }

	s.Kind = model.Kinds[m.kind]
	s.Title = v(fTitle)
	if s.Title == "" {
		m.errs[fTitle] = t.S("form.err.title")
	}
	if d, ok := parseDate(v(fDate)); ok {
		s.Date = d
	} else {
		m.errs[fDate] = t.S("form.err.date")
	}
	start, okS := parseClock(v(fStart))
	end, okE := parseClock(v(fEnd))
	if !okS {
		m.errs[fStart] = t.S("form.err.time")
	}
	if !okE {
		m.errs[fEnd] = t.S("form.err.time")
	}
	if okS && okE && start != "" && end != "" && end <= start {
		m.errs[fEnd] = t.S("form.err.endbefore")
	}
	s.Start, s.End = start, end
	s.Place = v(fPlace)
	s.Locality = v(fLocality)
	s.Organiser = v(fOrganiser)
	s.DelegateGroup = v(fGroup)
	s.Delegates = splitList(m.inputs[fDelegates].Value())
	s.Chair = v(fChair)
	s.ChairTitle = v(fChairTitle)
	s.Secretary = v(fSecretary)
	s.Voters = 0
	if n := v(fVoters); n != "" {
		c, err := strconv.Atoi(strings.ReplaceAll(strings.ReplaceAll(n, ".", ""), " ", ""))
		if err != nil || c < 0 {
			m.errs[fVoters] = t.S("form.err.voters")
		}
		s.Voters = c
	}
	for _, e := range m.errs {
		if e != "" {
			return s, false
		}
	}
	return s, true
}
