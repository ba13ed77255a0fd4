package sessionform

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"txct/store/model"
	"txct/tui/base"
)

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
		if p = normalizeInput(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// normalizeInput trims s, folds runs of spaces and normalises it to NFC: IMEs and
// pastes may send decomposed letters, and the archive matches on NFC.
func normalizeInput(s string) string {
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

// formFields are the form's fields by the JSON key Session.Validate names
// them with.
var formFields = map[string]field{
	"title": fTitle, "date": fDate, "start": fStart, "end": fEnd, "voters": fVoters,
}

// problemText is the catalog key that words a Validate problem on a field.
func problemText(fe *model.FieldError) string {
	switch {
	case fe.Field == "title":
		return "form.err.title"
	case fe.Field == "date":
		return "form.err.date"
	case fe.Problem == model.ProblemBeforeStart:
		return "form.err.endbefore"
	case fe.Field == "start" || fe.Field == "end":
		return "form.err.time"
	case fe.Field == "voters":
		return "form.err.voters"
	}
	return ""
}

// collect builds the session from the fields on top of m.orig (so notes,
// guests and other fields the form does not show are kept) and records an
// error message per field. The form reads what people type (dates written
// DD/MM/YYYY, times as 7h30); whether the session is then valid is
// Session.Validate's rule, translated here. It reports whether the shown
// fields are valid, and returns a problem in a field the form does not show
// (a note, the speakers: only a stored session can be wrong there).
func (m *Model) collect() (model.Session, bool, error) {
	t := m.ctx.Text
	s := m.orig
	m.errs = [nFields]string{}
	v := func(f field) string { return normalizeInput(m.inputs[f].Value()) }

	s.Kind = model.Kinds[m.kind]
	s.Title = v(fTitle)
	s.Date = v(fDate)
	if d, ok := base.ParseTypedDate(s.Date); ok {
		s.Date = d
	}
	s.Start, s.End = v(fStart), v(fEnd)
	if c, ok := parseClock(s.Start); ok {
		s.Start = c
	}
	if c, ok := parseClock(s.End); ok {
		s.End = c
	}
	s.Place = v(fPlace)
	s.Locality = v(fLocality)
	s.Organiser = v(fOrganiser)
	s.DelegateGroup = v(fGroup)
	s.Sitting = v(fSitting)
	s.Delegates = splitList(m.inputs[fDelegates].Value())
	s.Chair = v(fChair)
	s.ChairTitle = v(fChairTitle)
	s.Secretary = v(fSecretary)
	s.Voters = 0
	if n := v(fVoters); n != "" {
		c, err := strconv.Atoi(strings.ReplaceAll(strings.ReplaceAll(n, ".", ""), " ", ""))
		if err != nil {
			m.errs[fVoters] = t.S("form.err.voters")
		}
		s.Voters = c
	}
	var other error
	var fes model.FieldErrors
	if errors.As(s.Validate(), &fes) {
		for _, fe := range fes {
			f, shown := formFields[fe.Field]
			key := problemText(fe)
			switch {
			case !shown || key == "":
				other = fe
			case m.errs[f] == "":
				m.errs[f] = t.S(key)
			}
		}
	}
	for _, e := range m.errs {
		if e != "" {
			return s, false, other
		}
	}
	return s, true, other
}
