package export

import (
	"strings"
	"time"

	"txct/export/docx"
	"txct/store/model"
)

// page is the page of both documents.
type page struct {
	opts   Options
	body   int // body size, half-points
	textW  int // text width, twips
	blocks []docx.Block
}

func newPage(o Options) *page {
	pg := &page{opts: o, body: 2 * o.FontSize}
	pg.textW = pg.setup().TextWidth()
	return pg
}

// setup is A4 portrait with the chosen margins.
func (pg *page) setup() docx.Page {
	p := docx.A4
	m := pg.opts.Margins
	p.Top, p.Bottom, p.Left, p.Right = docx.MM(m.Top), docx.MM(m.Bottom), docx.MM(m.Left), docx.MM(m.Right)
	return p
}

func (pg *page) doc(title string) *docx.Document {
	return &docx.Document{Page: pg.setup(), Font: "Times New Roman", Size: pg.body, Blocks: pg.blocks, PageNums: true, Title: title}
}

func (pg *page) add(b ...docx.Block) { pg.blocks = append(pg.blocks, b...) }

func (pg *page) addParas(ps []docx.Para) {
	for _, p := range ps {
		pg.add(p)
	}
}

// text is a body paragraph: justified, first line indented 1 cm, 6 pt after,
// line spacing 1.15 (all inside the decree's ranges).
func (pg *page) text(runs ...docx.Run) {
	pg.add(docx.Para{Runs: runs, Align: docx.Justify, FirstLine: 567, After: 120, Line: 276})
}

func (pg *page) plain(s string) { pg.text(docx.Run{Text: s}) }

// heading1 is "I. …": caps, bold.
func (pg *page) heading1(s string) {
	pg.add(docx.Para{Runs: []docx.Run{{Text: strings.ToUpper(s), Bold: true}}, Align: docx.Justify, FirstLine: 567, Before: 120, After: 120, Line: 276, KeepNext: true})
}

// heading2 is "1. …": bold.
func (pg *page) heading2(s string) {
	pg.add(docx.Para{Runs: []docx.Run{{Text: s, Bold: true}}, Align: docx.Justify, FirstLine: 567, After: 120, Line: 276, KeepNext: true})
}

// heading3 is "a) …": bold italic.
func (pg *page) heading3(s string) {
	pg.add(docx.Para{Runs: []docx.Run{{Text: s, Bold: true, Italic: true}}, Align: docx.Justify, FirstLine: 567, After: 120, Line: 276, KeepNext: true})
}

// header is the national header block: a borderless two-column table, the
// issuing body left (about 40 %), the motto right (about 60 %).
func (pg *page) header(s *model.Session, typeCode string, date time.Time) {
	o := pg.opts
	leftW := pg.textW * 42 / 100
	rightW := pg.textW - leftW
	var left []docx.Para
	if pb := clean(s.ParentBody); pb != "" {
		left = append(left, docx.Para{Runs: []docx.Run{{Text: strings.ToUpper(pb), Size: 26}}, Align: docx.Center})
	}
	// The rule under the issuing body: a third to a half of its width.
	left = append(left,
		docx.Para{Runs: []docx.Run{{Text: strings.ToUpper(issuer(s)), Bold: true, Size: 26}}, Align: docx.Center},
		docx.Rule(leftW*3/10),
		docx.Para{Runs: []docx.Run{{Text: "Số:        /" + typeCode + "-" + clean(o.IssuerCode), Size: 26}}, Align: docx.Center, Before: 120})
	right := []docx.Para{
		{Runs: []docx.Run{{Text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Bold: true, Size: 24}}, Align: docx.Center},
		{Runs: []docx.Run{{Text: "Độc lập - Tự do - Hạnh phúc", Bold: true, Size: 26}}, Align: docx.Center},
		// The motto's rule is as wide as the motto (about 6 cm at 13 pt).
		docx.Rule(max(0, (rightW-3400)/2)),
	}
	loc := s.Locality
	if loc == "" {
		loc = s.Place
	}
	right = append(right, docx.Para{Runs: []docx.Run{{Text: dateLine(loc, date), Italic: true, Size: 2 * o.FontSize}}, Align: docx.Center, Before: 240})
	pg.add(docx.Table{Widths: []int{leftW, rightW}, Rows: [][]docx.Cell{{{Width: leftW, Paras: left}, {Width: rightW, Paras: right}}}})
}

// title is the document type in caps, the summary line and a short rule.
func (pg *page) title(kind, summary string) {
	pg.add(
		docx.Para{Runs: []docx.Run{{Text: kind, Bold: true, Size: 28}}, Align: docx.Center, Before: 360},
		docx.Para{Runs: []docx.Run{{Text: summary, Bold: true, Size: 28}}, Align: docx.Center},
		docx.Rule(pg.textW*2/5),
		docx.Para{After: 120},
	)
}

// signatures is a borderless two-column table that never breaks across
// pages: left and right blocks side by side. The paragraph before it should
// keep with it.
func (pg *page) signatures(leftW int, left, right []docx.Para) {
	pg.add(docx.Para{After: 0, KeepNext: true},
		docx.Table{Widths: []int{leftW, pg.textW - leftW}, KeepRows: true, Rows: [][]docx.Cell{{
			{Width: leftW, Paras: keepTogether(left)},
			{Width: pg.textW - leftW, Paras: keepTogether(right)},
		}}})
}

// keepTogether marks every paragraph but the last keep-with-next.
func keepTogether(ps []docx.Para) []docx.Para {
	for i := range ps[:max(0, len(ps)-1)] {
		ps[i].KeepNext = true
	}
	return ps
}

// signature is one signing block: the office in caps, bold, four blank lines,
// then the name in bold.
func signature(prefix, title, name string) []docx.Para {
	var ps []docx.Para
	if prefix != "" {
		ps = append(ps, docx.Para{Runs: []docx.Run{{Text: strings.ToUpper(prefix), Bold: true}}, Align: docx.Center})
	}
	ps = append(ps, docx.Para{Runs: []docx.Run{{Text: strings.ToUpper(title), Bold: true}}, Align: docx.Center})
	for range 4 {
		ps = append(ps, docx.Para{})
	}
	return append(ps, docx.Para{Runs: []docx.Run{{Text: name, Bold: true}}, Align: docx.Center})
}

// recipients is the "Nơi nhận" block: the word in 12 pt bold italic, entries
// in 11 pt, "- …;" a line, the last "- Lưu: VT, Hồ sơ.".
func recipients(list []string) []docx.Para {
	ps := []docx.Para{{Runs: []docx.Run{{Text: "Nơi nhận:", Bold: true, Italic: true, Size: 24}}, Align: docx.Left}}
	for _, r := range list {
		ps = append(ps, docx.Para{Runs: []docx.Run{{Text: "- " + strings.TrimRight(clean(r), ";.") + ";", Size: 22}}, Align: docx.Left})
	}
	return append(ps, docx.Para{Runs: []docx.Run{{Text: "- Lưu: VT, Hồ sơ.", Size: 22}}, Align: docx.Left})
}
