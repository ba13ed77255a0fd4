// Package export writes a session's documents: the minutes (biên bản) and the
// summary report (báo cáo tổng hợp) as DOCX in the layout of Nghị định
// 30/2020 (A4, Times New Roman, the national header, numbered pages), a
// spreadsheet of the remarks (XLSX) and the same content as Markdown. Writers
// are pure: a model.Snapshot and Options in, bytes out; the date printed on
// the documents comes from Options, never from the clock.
package export

import (
	"fmt"
	"time"

	"golang.org/x/text/unicode/norm"

	"txct/export/doc"
	"txct/store/model"
)

// Margins in millimetres. Nghị định 30/2020 allows top and bottom 20–25,
// left 30–35 and right 15–20.
type Margins struct {
	Top, Bottom, Left, Right float64
}

// DefaultMargins are 20 / 20 / 30 / 15 mm.
var DefaultMargins = Margins{Top: 20, Bottom: 20, Left: 30, Right: 15}

// Validate checks m against the ranges of the decree.
func (m Margins) Validate() error {
	check := func(name string, v, lo, hi float64) error {
		if v < lo || v > hi {
			return fmt.Errorf("%s margin %.0f mm is outside %.0f–%.0f mm (Nghị định 30/2020)", name, v, lo, hi)
		}
		return nil
	}
	for _, c := range []struct {
		name      string
		v, lo, hi float64
	}{{"top", m.Top, 20, 25}, {"bottom", m.Bottom, 20, 25}, {"left", m.Left, 30, 35}, {"right", m.Right, 15, 20}} {
		if err := check(c.name, c.v, c.lo, c.hi); err != nil {
			return err
		}
	}
	return nil
}

// Options shape the documents. The zero value gives the defaults.
type Options struct {
	// Today is the issue date on the report's date line (the zero time
	// prints a blank date for the clerk). The minutes are dated on the
	// session's day: they are approved before the meeting closes.
	Today time.Time
	// Force overwrites files of the same name; otherwise -2, -3… is added.
	Force bool
	// Margins default to DefaultMargins.
	Margins Margins
	// FontSize is the body size in points, 13 or 14 (default 14).
	FontSize int
	// Profile is who issues the minutes and the report, as flags or the
	// export dialog set it for this export. Empty fields fall back to the
	// session's own (Session.Issuers), then to Defaults, then to what the
	// session says (organiser, delegate group); see Issuers.
	Profile model.Profile
	// Defaults is the remembered profile (the store's settings).
	Defaults model.Profile
	// SentTo is the addressee of the report ("Thường trực HĐND tỉnh …");
	// empty leaves out the "Kính gửi" line.
	SentTo string
	// Proposals is section IV of the report; empty gives the usual request
	// to forward the petitions.
	Proposals string
}

// prepare fills in the defaults and checks what was set: margins within
// the decree's ranges, a body size of 13 or 14 pt.
func (o Options) prepare() (Options, error) {
	if o.Margins == (Margins{}) {
		o.Margins = DefaultMargins
	}
	if err := o.Margins.Validate(); err != nil {
		return o, err
	}
	switch o.FontSize {
	case 0:
		o.FontSize = 14
	case 13, 14:
	default:
		return o, fmt.Errorf("font size %d pt is not 13 or 14 (Nghị định 30/2020)", o.FontSize)
	}
	return o, nil
}

// Formats are the formats WriteFiles knows.
var Formats = []string{"docx", "xlsx", "md"}

// docText makes stored text safe for a document: every control, escape or
// bidi character rendered inert, then NFC (after, because dropping
// a bidi control can bring a letter and its mark together).
func docText(s string) string { return norm.NFC.String(model.Safe(s, false)) }

// dateLine is "Tân Thành, ngày 05 tháng 02 năm 2027" (see doc.DateLine).
func dateLine(place string, t time.Time) string { return doc.DateLine(docText(place), t) }

// longDate is "ngày 20 tháng 11 năm 2026" for a YYYY-MM-DD date.
func longDate(iso string) string {
	t, err := model.ParseDate(iso)
	if err != nil {
		return docText(iso)
	}
	return dateLine("", t)
}

// shortDate is DD/MM/YYYY.
func shortDate(iso string) string {
	t, err := model.ParseDate(iso)
	if err != nil {
		return docText(iso)
	}
	return t.Format("02/01/2006")
}

// clock turns "08:30" into "08 giờ 30" ("… giờ …" when empty).
func clock(hhmm string) string {
	if _, err := model.ParseClock(hhmm); err != nil {
		return "… giờ …"
	}
	return hhmm[:2] + " giờ " + hhmm[3:]
}

// kindPhrase words the session kind for the minutes' title line.
func kindPhrase(s *model.Session) string {
	sit := docText(s.Sitting)
	switch s.Kind {
	case model.KindBefore:
		if sit != "" {
			return "trước " + sit
		}
		return "trước kỳ họp"
	case model.KindAfter:
		if sit != "" {
			return "sau " + sit
		}
		return "sau kỳ họp"
	case model.KindThematic:
		return "chuyên đề"
	}
	return ""
}
