package doc

import (
	"fmt"
	"strings"
	"time"
)

// NBSP joins words that must stay on one line (place names, "Số: …/BC-…").
const NBSP = "\u00a0"

// DateLine is "Tân Thành, ngày 05 tháng 02 năm 2027": days below 10 and the
// months 1 and 2 are zero-padded (Nghị định 30/2020, Phụ lục I). A zero t
// leaves blanks for the clerk; an empty place gives the date alone.
func DateLine(place string, t time.Time) string {
	var s string
	if t.IsZero() {
		s = "ngày      tháng      năm       "
	} else {
		month := fmt.Sprint(int(t.Month()))
		if t.Month() <= 2 {
			month = fmt.Sprintf("%02d", int(t.Month()))
		}
		s = fmt.Sprintf("ngày %02d tháng %s năm %d", t.Day(), month, t.Year())
	}
	if place != "" {
		return strings.TrimSpace(place + ", " + s)
	}
	return strings.TrimSpace(s)
}

// NumberLine is "Số:      /BC-TĐB" with the number left blank; it is joined
// by non-breaking spaces so it never wraps.
func NumberLine(typ, issuer string) string {
	code := typ
	if issuer != "" {
		code += "-" + issuer
	}
	return "Số:" + strings.Repeat(NBSP, 8) + "/" + code
}

// placeWords start a place name that must not be split across lines.
var placeWords = []string{"thành phố", "thị trấn", "đặc khu", "phường", "tỉnh", "xã", "huyện", "ấp", "thôn", "bản", "xóm", "số"}

// KeepPlaces joins each place name in s ("xã Tân Thành", "TỈNH ĐỒNG NAI",
// "số 3") with non-breaking spaces: the level word and the capitalised or
// numbered words after it, up to three.
func KeepPlaces(s string) string {
	words := strings.Split(s, " ")
	var b strings.Builder
	for i := 0; i < len(words); i++ {
		if i > 0 {
			b.WriteString(" ")
		}
		n := placeLen(words, i)
		if n == 0 {
			b.WriteString(words[i])
			continue
		}
		b.WriteString(strings.Join(words[i:i+n+1], NBSP))
		i += n
	}
	return b.String()
}

// placeLen is how many name words follow a place word at words[i] (0 if
// words[i] does not start a place name).
func placeLen(words []string, i int) int {
	for _, pw := range placeWords {
		pws := strings.Split(pw, " ")
		if i+len(pws) > len(words) {
			continue
		}
		match := true
		for k, w := range pws {
			if strings.ToLower(words[i+k]) != w {
				match = false
				break
			}
		}
		if !match {
			continue
		}
		n := len(pws) - 1
		for k := i + len(pws); k < len(words) && k < i+len(pws)+3; k++ {
			r := []rune(words[k])
			if len(r) == 0 || !(isUpper(r[0]) || (r[0] >= '0' && r[0] <= '9')) {
				break
			}
			n++
		}
		if n == len(pws)-1 {
			return 0
		}
		return n
	}
	return 0
}

func isUpper(r rune) bool {
	return strings.ToUpper(string(r)) == string(r) && strings.ToLower(string(r)) != string(r)
}

// TextForm is the document as indented plain text, one block a line or a
// few, with its structure named: the form golden files hold.
func (d *Document) TextForm() string {
	var b strings.Builder
	fmt.Fprintf(&b, "DOCUMENT %q\n", d.Title)
	for _, bl := range d.Blocks {
		switch x := bl.(type) {
		case Header:
			fmt.Fprintf(&b, "HEADER\n  parent: %s\n  body: %s\n  number: %s\n  date: %s\n", x.Parent, x.Body, NumberLine(x.Type, x.Issuer), DateLine(x.Place, x.Date))
		case Title:
			fmt.Fprintf(&b, "TITLE %s\n  %s\n", x.Kind, x.Summary)
		case Heading:
			fmt.Fprintf(&b, "H%d %s\n", x.Level, x.Text)
		case Para:
			tag := "P"
			if x.Indent {
				tag = "P>"
			}
			if x.Align == Center {
				tag += "c"
			}
			fmt.Fprintf(&b, "%s %s\n", tag, runsText(x.Runs))
		case List:
			for i, it := range x.Items {
				fmt.Fprintf(&b, "%s %s\n", x.label(i), runsText(it.Runs))
				for _, p := range it.More {
					fmt.Fprintf(&b, "    %s\n", runsText(p.Runs))
				}
			}
		case Signatures:
			b.WriteString("SIGNATURES\n")
			if x.Left != nil {
				fmt.Fprintf(&b, "  left: %s / %s\n", strings.Join(x.Left.Capacity, " / "), x.Left.Name)
			}
			fmt.Fprintf(&b, "  right: %s / %s\n", strings.Join(x.Right.Capacity, " / "), x.Right.Name)
			for _, l := range RecipientLines(x.Recipients) {
				fmt.Fprintf(&b, "  %s\n", l)
			}
		case Table:
			for _, p := range x.Caption {
				fmt.Fprintf(&b, "CAPTION %s\n", runsText(p.Runs))
			}
			titles := make([]string, len(x.Columns))
			for i, c := range x.Columns {
				titles[i] = c.Title
			}
			fmt.Fprintf(&b, "TABLE %s\n", strings.Join(titles, " | "))
			for _, r := range x.Rows {
				fmt.Fprintf(&b, "  | %s\n", strings.Join(r, " | "))
			}
			if len(x.Rows) == 0 && x.Empty != "" {
				fmt.Fprintf(&b, "  (%s)\n", x.Empty)
			}
		case Break:
			if x.Landscape {
				b.WriteString("PAGE BREAK (landscape)\n")
			} else {
				b.WriteString("PAGE BREAK\n")
			}
		}
	}
	return b.String()
}

// runsText is the runs' text with bold as **…** and italic as _…_.
func runsText(rs []Run) string { return emphasise(rs, func(s string) string { return s }, "_") }

// emphasise joins runs, each escaped by esc and wrapped in the italic mark
// and "**" for bold, the marks inside the run's outer spaces.
func emphasise(rs []Run, esc func(string) string, italic string) string {
	var b strings.Builder
	for _, r := range rs {
		t := esc(r.Text)
		lead := len(t) - len(strings.TrimLeft(t, " "))
		trail := len(t) - len(strings.TrimRight(t, " "))
		core := strings.TrimSpace(t)
		if core == "" {
			b.WriteString(t)
			continue
		}
		if r.Italic {
			core = italic + core + italic
		}
		if r.Bold {
			core = "**" + core + "**"
		}
		b.WriteString(t[:lead] + core + t[len(t)-trail:])
	}
	return b.String()
}

// RecipientLines are the "Nơi nhận" block's lines: the title, then "- …;"
// each, the last ending in a full stop.
func RecipientLines(list []string) []string {
	if len(list) == 0 {
		return nil
	}
	out := []string{"Nơi nhận:"}
	for i, r := range list {
		r = strings.TrimRight(strings.TrimSpace(r), ";.")
		end := ";"
		if i == len(list)-1 {
			end = "."
		}
		out = append(out, "- "+r+end)
	}
	return out
}
