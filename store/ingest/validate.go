package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"txct/store/model"
)

// fieldIndex, authIndex and statusIndex map folded labels to canonical values.
var (
	fieldIndex = func() map[string]model.Field {
		m := make(map[string]model.Field)
		for _, f := range model.Fields {
			m[foldKey(string(f))] = f
		}
		m["nong nghiep, thuy loi"] = "nông nghiệp - thủy lợi"
		m["dien, nuoc sinh hoat"] = "điện - nước sinh hoạt"
		return m
	}()
	authIndex = func() map[string]model.Authority {
		m := make(map[string]model.Authority)
		for _, a := range model.AllAuthorities {
			m[foldKey(string(a))] = a
			m["cap "+foldKey(string(a))] = a
		}
		for _, k := range []string{"tw", "t.w", "t.u", "trung uong (tw)", "quoc hoi", "trunguong"} {
			m[k] = model.AuthCentral
		}
		return m
	}()
	statusIndex = func() map[string]model.Status {
		m := make(map[string]model.Status)
		for _, s := range model.Statuses {
			m[foldKey(string(s))] = s
			m[foldKey(strings.ReplaceAll(string(s), "_", " "))] = s
			m[foldKey(s.Label())] = s
		}
		for k, s := range map[string]model.Status{
			"da giai quyet":      model.StatusResolved,
			"da giai quyet xong": model.StatusResolved,
			"dang giai quyet":    model.StatusInProgress,
			"da tra loi":         model.StatusAnswered,
			"da tra loi, giai trinh, cung cap thong tin": model.StatusAnswered,
			"da giai trinh":                 model.StatusAnswered,
			"chua giai quyet":               model.StatusUnresolved,
			"chua tra loi":                  model.StatusUnresolved,
			"chua giai quyet, chua tra loi": model.StatusUnresolved,
			"da chuyen":                     model.StatusForwarded,
			"cho tra loi":                   model.StatusForwarded,
			"da chuyen, cho tra loi":        model.StatusForwarded,
		} {
			m[k] = s
		}
		return m
	}()
)

// colError is a problem with one value of a row; the format reader places it
// (CSV line and column, XLSX cell, JSONL line and key).
type colError struct {
	col col
	err error
}

// validator turns raw rows into petitions. It caches label lookups, since an
// archive repeats a handful of labels a million times.
type validator struct {
	// lenientDates accepts DD/MM/YYYY (CSV, XLSX) besides YYYY-MM-DD.
	lenientDates bool
	// serialDates accepts Excel date serial numbers (XLSX raw values).
	serialDates bool
	labels      map[string]string
}

// checkValue checks one raw value and returns it NFC-normalised and trimmed.
// Text is otherwise stored as given: escape sequences are not stripped here
// (the UI and the exporters apply model.Safe).
func checkValue(s string) (string, error) {
	if len(s) > MaxField {
		return "", errorf("value of %d bytes is over the %d-byte limit: %w", len(s), MaxField, ErrTooLarge)
	}
	if strings.IndexByte(s, 0) >= 0 {
		return "", ErrNUL
	}
	nfc, valid := quickNFC(s)
	if !valid {
		return "", ErrInvalidUTF8
	}
	if !nfc {
		s = norm.NFC.String(s)
		if err := damaged(s); err != nil {
			return "", err
		}
	}
	return strings.TrimSpace(s), nil
}

// damaged reports text that an earlier conversion broke, which is refused
// rather than stored: U+FFFD, the replacement for a character lost (or a
// byte the file's encoding leaves undefined), and a combining mark that
// follows no letter after NFC (a tone byte read in the wrong place, such as
// "30̀C" for "30°C").
func damaged(s string) error {
	prev := ' '
	for i, r := range s {
		switch {
		case r == utf8.RuneError:
			return errorf("holds U+FFFD (�) at %q: a character was lost in an earlier conversion, or the file's encoding does not define a byte here; fix the source text", around(s, i))
		case r >= 0x300 && r <= 0x36F && !unicode.IsLetter(prev) && !unicode.Is(unicode.Mn, prev):
			return errorf("holds a tone or vowel mark that belongs to no letter at %q: the text was converted from the wrong encoding; check the encoding (--encoding) or fix the source text", around(s, i))
		}
		prev = r
	}
	return nil
}

// around is the few characters of s around byte offset i, for messages.
func around(s string, i int) string {
	lo, hi := i, i
	for n := 0; n < 12 && lo > 0; n++ {
		_, k := utf8.DecodeLastRuneInString(s[:lo])
		lo -= k
	}
	for n := 0; n < 12 && hi < len(s); n++ {
		_, k := utf8.DecodeRuneInString(s[hi:])
		hi += k
	}
	return s[lo:hi]
}

// quickNFC checks in one pass that s is valid UTF-8 and, for the runes
// Vietnamese text is made of, that it is already NFC: every rune below
// U+0300 and every precomposed letter of U+1E00–U+1EFF is NFC by itself, as
// are the dashes and quotes of U+2010–U+2027; anything else (combining marks
// first of all) leaves nfc false and the caller runs the full normaliser.
// norm's own quick check was a third of the import time.
func quickNFC(s string) (nfc, valid bool) {
	nfc = true
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return false, false
		}
		i += n
		if !(r < 0x300 || r >= 0x1E00 && r <= 0x1EFF || r >= 0x2010 && r <= 0x2027) {
			nfc = false
		}
	}
	return nfc, true
}

// petition validates rec. The returned petition has its id made up when the
// row had none.
func (v *validator) petition(rec *record) (model.Petition, *colError) {
	var c record
	for i := range rec {
		s, err := checkValue(rec[i])
		if err != nil {
			return model.Petition{}, &colError{col(i), err}
		}
		c[i] = s
	}
	if c[colText] == "" {
		return model.Petition{}, &colError{colText, errorf("text is empty")}
	}
	p := model.Petition{
		ID: c[colID], Text: c[colText], Location: c[colLocation], Session: c[colSession],
		Body: c[colBody], Ref: c[colRef], Response: c[colResponse], Source: c[colSource],
	}
	var err error
	if p.Field, err = lookup(v, c[colField], fieldIndex, model.Fields); err != nil {
		return p, &colError{colField, err}
	}
	if p.Authority, err = lookup(v, c[colAuthority], authIndex, model.AllAuthorities); err != nil {
		return p, &colError{colAuthority, err}
	}
	if p.Status, err = lookup(v, c[colStatus], statusIndex, model.Statuses); err != nil {
		return p, &colError{colStatus, err}
	}
	if p.RaisedAt, err = v.date(c[colRaisedAt]); err != nil {
		return p, &colError{colRaisedAt, err}
	}
	if p.AnsweredAt, err = v.date(c[colAnsweredAt]); err != nil {
		return p, &colError{colAnsweredAt, err}
	}
	if p.ID == "" {
		p.ID = MakeID(p.Text, p.RaisedAt, p.Location)
	}
	p.SameDemand = splitIDs(c[colSameDemand], p.ID)
	return p, nil
}

// splitIDs reads a "same demand as" cell: ids separated by commas,
// semicolons or line breaks, without the row's own id.
func splitIDs(cell, self string) []string {
	var out []string
	for _, id := range strings.FieldsFunc(cell, func(r rune) bool { return r == ',' || r == ';' || r == '\n' || r == '\r' }) {
		if id = strings.TrimSpace(id); id != "" && id != self && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// lookup maps a label, compared folded, to its canonical value. Empty stays
// empty (unclassified); an unknown value is an error listing the allowed ones.
func lookup[T ~string](v *validator, s string, index map[string]T, allowed []T) (T, error) {
	if s == "" {
		return "", nil
	}
	if v.labels == nil {
		v.labels = make(map[string]string)
	}
	k, ok := v.labels[s]
	if !ok {
		k = foldKey(s)
		if len(v.labels) < 4096 {
			v.labels[s] = k
		}
	}
	if t, ok := index[k]; ok {
		return t, nil
	}
	names := make([]string, len(allowed))
	for i, a := range allowed {
		names[i] = string(a)
	}
	return "", errorf("%q is not one of %s", s, strings.Join(names, ", "))
}

// date checks a date and returns it as YYYY-MM-DD.
func (v *validator) date(s string) (string, error) {
	if s == "" {
		return "", nil
	}
	if _, err := time.Parse(model.DateLayout, s); err == nil {
		return s, nil
	}
	if v.lenientDates {
		for _, layout := range []string{"2/1/2006", "2-1-2006", "2.1.2006", "2006/1/2", "2006-1-2"} {
			if t, err := time.Parse(layout, s); err == nil {
				return t.Format(model.DateLayout), nil
			}
		}
	}
	if v.serialDates {
		// Excel stores dates as days since 1899-12-30 (1900 date system);
		// serials from 1 Jan 1950 to 31 Dec 2099 only, so a number typed in
		// the date column by mistake is not taken for a date.
		if f, err := strconv.ParseFloat(s, 64); err == nil && f >= 18264 && f < 73051 {
			t := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(f))
			return t.Format(model.DateLayout), nil
		}
	}
	if v.lenientDates {
		return "", errorf("date %q is not YYYY-MM-DD or DD/MM/YYYY", s)
	}
	return "", errorf("date %q is not YYYY-MM-DD", s)
}

// MakeID is the id given to a petition imported without one: "IMP-" and the
// first 12 hex digits of the SHA-256 of its text, date and location (after
// NFC and trimming). Importing the same file twice thus updates the same
// petitions instead of adding copies.
func MakeID(text, raisedAt, location string) string {
	h := sha256.Sum256([]byte(text + "|" + raisedAt + "|" + location))
	return "IMP-" + hex.EncodeToString(h[:6])
}

// collector gathers a file's petitions and enforces unique ids.
//
// A repeated id is accepted only when the two rows are identical after
// validation: the copy is dropped and counted (a row pasted twice, or the
// same petition with no id listed twice). Two different rows with one id are
// an error naming both lines, because keeping either would silently lose the
// other.
type collector struct {
	ps    []model.Petition
	first map[string]int32 // id → index in ps
	lines []int32          // line (row) of each petition
	dups  int
}

func newCollector() *collector { return &collector{first: make(map[string]int32)} }

// estimate grows the result once to the row count the file size suggests,
// after the first rows showed the average row size, instead of letting
// append double it (and copy it) some twenty times for a million rows.
func (c *collector) estimate(bytesRead, total int64) {
	if len(c.ps) != 1024 || total <= bytesRead || bytesRead <= 0 {
		return
	}
	n := int(float64(total) / float64(bytesRead) * 1024 * 1.05)
	if n > len(c.ps) && n < 1<<26 {
		c.ps = slices.Grow(c.ps, n-len(c.ps))
		c.lines = slices.Grow(c.lines, n-len(c.lines))
		m := make(map[string]int32, n)
		for k, v := range c.first {
			m[k] = v
		}
		c.first = m
	}
}

// add adds p from line; it returns the line of an earlier different row with
// the same id, or 0.
func (c *collector) add(p model.Petition, line int) int {
	if i, ok := c.first[p.ID]; ok {
		if samePetition(&c.ps[i], &p) {
			c.dups++
			return 0
		}
		return int(c.lines[i])
	}
	c.first[p.ID] = int32(len(c.ps))
	c.ps = append(c.ps, p)
	c.lines = append(c.lines, int32(line))
	return 0
}

func samePetition(a, b *model.Petition) bool {
	return a.ID == b.ID && a.Text == b.Text && a.Field == b.Field && a.Authority == b.Authority &&
		a.Location == b.Location && a.RaisedAt == b.RaisedAt && a.Session == b.Session &&
		a.Body == b.Body && a.AnsweredAt == b.AnsweredAt && a.Ref == b.Ref &&
		a.Response == b.Response && a.Status == b.Status && a.Source == b.Source &&
		slices.Equal(a.SameDemand, b.SameDemand)
}

// dupErr is the error for a different row reusing an id; what is "row"
// for a spreadsheet, "line" for a text file.
func dupErr(id string, firstLine int, what string) error {
	if what == "row" {
		return errorf("id %q is already used by a different petition on row %d", id, firstLine)
	}
	return errorf("id %q is already used by a different petition on line %d", id, firstLine)
}

// ParseStatus reads a status the way archive files may write it: the
// identifier (forwarded) or a Vietnamese wording (đã chuyển, chờ trả lời),
// in any case, with or without diacritics.
func ParseStatus(s string) (model.Status, error) {
	return lookup(&validator{}, s, statusIndex, model.Statuses)
}

// ParseAuthority reads a competent level as archive files may write it.
func ParseAuthority(s string) (model.Authority, error) {
	return lookup(&validator{}, s, authIndex, model.AllAuthorities)
}
