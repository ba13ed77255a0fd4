// Package export writes a session's documents: the minutes (biên bản) and the
// summary report (báo cáo tổng hợp) as DOCX in the layout of Nghị định
// 30/2020 (A4, Times New Roman, the national header, numbered pages), a
// spreadsheet of the remarks (XLSX) and the same content as Markdown. Writers
// are pure: a model.Snapshot and Options in, bytes out; the date printed on
// the documents comes from Options, never from the clock.
package export

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"txct/export/docx"
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
	// Today is the date on the documents' date line (required for
	// repeatable output; the zero time prints as a blank date).
	Today time.Time
	// Force overwrites files of the same name; otherwise -2, -3… is added.
	Force bool
	// Margins default to DefaultMargins.
	Margins Margins
	// FontSize is the body size in points, 13 or 14 (default 14).
	FontSize int
	// IssuerCode follows the type code in "Số: …/BB-TĐB" (default "TĐB").
	IssuerCode string
	// SentTo is the addressee of the report ("Thường trực HĐND tỉnh …");
	// empty leaves out the "Kính gửi" line.
	SentTo string
	// Recipients are the "Nơi nhận" lines before "Lưu: VT, Hồ sơ."; empty
	// gives the usual ones.
	Recipients []string
	// SignerPrefix and SignerTitle head the report's signature (defaults
	// "TM. TỔ ĐẠI BIỂU" and "TỔ TRƯỞNG"); SignerName is typed under it.
	SignerPrefix, SignerTitle, SignerName string
	// Proposals is section IV of the report; empty gives the usual request
	// to forward the petitions.
	Proposals string
}

func (o Options) withDefaults() Options {
	if o.Margins == (Margins{}) {
		o.Margins = DefaultMargins
	}
	if o.FontSize != 13 {
		o.FontSize = 14
	}
	if o.IssuerCode == "" {
		o.IssuerCode = "TĐB"
	}
	if o.SignerPrefix == "" {
		o.SignerPrefix = "TM. TỔ ĐẠI BIỂU"
	}
	if o.SignerTitle == "" {
		o.SignerTitle = "TỔ TRƯỞNG"
	}
	return o
}

// Formats are the formats WriteFiles knows.
var Formats = []string{"docx", "xlsx", "md"}

// clean makes stored text safe for a document: NFC, and every control,
// escape or bidi character rendered inert (issue 5).
func clean(s string) string { return model.Safe(norm.NFC.String(s), false) }

// upper is the Vietnamese upper case of s (strings.ToUpper handles the
// precomposed letters).
func upper(s string) string { return strings.ToUpper(clean(s)) }

// dateLine is "Tân Thành, ngày 05 tháng 02 năm 2027": days below 10 and the
// months 1 and 2 are zero-padded (Nghị định 30/2020, Phụ lục I).
func dateLine(place string, t time.Time) string {
	if t.IsZero() {
		return strings.TrimSpace(clean(place) + ", ngày      tháng      năm       ")
	}
	month := fmt.Sprint(int(t.Month()))
	if t.Month() <= 2 {
		month = fmt.Sprintf("%02d", int(t.Month()))
	}
	s := fmt.Sprintf("ngày %02d tháng %s năm %d", t.Day(), month, t.Year())
	if p := clean(place); p != "" {
		return p + ", " + s
	}
	return s
}

// longDate is "ngày 20 tháng 11 năm 2026" for a YYYY-MM-DD date.
func longDate(iso string) string {
	t, err := model.ParseDate(iso)
	if err != nil {
		return clean(iso)
	}
	return dateLine("", t)
}

// shortDate is DD/MM/YYYY.
func shortDate(iso string) string {
	t, err := model.ParseDate(iso)
	if err != nil {
		return clean(iso)
	}
	return t.Format("02/01/2006")
}

// clock turns "08:30" into "08 giờ 30 phút" ("… giờ … phút" when empty).
func clock(hhmm string) string {
	if _, err := model.ParseClock(hhmm); err != nil {
		return "… giờ … phút"
	}
	return hhmm[:2] + " giờ " + hhmm[3:] + " phút"
}

// paras splits a note into its paragraphs, dropping empty ones.
func paras(note string) []string {
	var out []string
	for _, p := range strings.Split(note, "\n") {
		if p = strings.TrimSpace(clean(p)); p != "" {
			out = append(out, p)
		}
	}
	return out
}

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

// kindPhrase words the session kind for the minutes' title line.
func kindPhrase(s *model.Session) string {
	sit := clean(s.Sitting)
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
		if c := a.lead.Authority.Index() - b.lead.Authority.Index(); c != 0 {
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

// repeatNote cites the petitions a remark repeats, for the report.
func repeatNote(r model.Remark, ps map[string]model.Petition) []string {
	var out []string
	for _, id := range r.RepeatOf {
		p, ok := ps[id]
		if !ok {
			out = append(out, fmt.Sprintf("Kiến nghị lặp lại (mã %s, không có trong kho kiến nghị).", clean(id)))
			continue
		}
		s := fmt.Sprintf("Kiến nghị lặp lại (mã %s: \u201c%s\u201d): cử tri đã nêu", clean(p.ID), shorten(clean(p.Text), 160))
		if p.RaisedAt != "" {
			s += " ngày " + shortDate(p.RaisedAt)
		}
		if p.Session != "" {
			s += " (" + clean(p.Session) + ")"
		}
		if n := p.TimesRaised(); n > 1 {
			s += fmt.Sprintf(", đã nêu %d lần", n)
		}
		body := clean(p.Body)
		if body == "" {
			body = "cơ quan có thẩm quyền"
		}
		if strings.TrimSpace(p.Response) != "" {
			s += fmt.Sprintf("; %s đã trả lời: %s", body, strings.TrimSuffix(clean(p.Response), "."))
		} else {
			s += "; chưa có văn bản trả lời"
		}
		s += fmt.Sprintf(" (tình trạng: %s).", p.Status.Label())
		out = append(out, s)
	}
	return out
}

// write renders a docx document to w.
func write(w io.Writer, d *docx.Document) error { return d.Write(w) }
