package doc

import (
	"math"
	"strings"

	"txct/export/docx"
)

// Layout is the page of a DOCX rendering: A4 with the decree's margins and
// the body size in points (13 or 14).
type Layout struct {
	Page     docx.Page
	FontSize int
}

// Body paragraph geometry (Nghị định 30/2020): first line indented 1 cm,
// 6 pt after, line spacing 1.15.
const (
	firstLine = 567
	after     = 120
	lineSp    = 276
)

// DOCX renders d in the official layout.
func (d *Document) DOCX(l Layout) *docx.Document {
	r := &docxRenderer{l: l, page: l.Page, textW: l.Page.TextWidth(), body: 2 * l.FontSize}
	for _, bl := range d.Blocks {
		r.block(bl)
	}
	return &docx.Document{Page: l.Page, Font: "Times New Roman", Size: r.body, Blocks: r.out, PageNums: true, Title: d.Title}
}

type docxRenderer struct {
	l     Layout
	page  docx.Page
	textW int
	body  int
	out   []docx.Block
}

func (r *docxRenderer) add(b ...docx.Block) { r.out = append(r.out, b...) }

// runs are rs for DOCX, place names and numbers kept on one line.
func runs(rs []Run) []docx.Run {
	out := make([]docx.Run, len(rs))
	for i, x := range rs {
		out[i] = docx.Run{Text: KeepPlaces(x.Text), Bold: x.Bold, Italic: x.Italic}
	}
	return out
}

// dateLine is the header's place and date line with each part unbreakable.
func dateLine(h Header) string {
	date := strings.ReplaceAll(DateLine("", h.Date), " ", NBSP)
	if h.Place == "" {
		return date
	}
	return strings.ReplaceAll(h.Place, " ", NBSP) + ", " + date
}

func (r *docxRenderer) block(bl Block) {
	switch x := bl.(type) {
	case Header:
		r.header(x)
	case Title:
		r.add(
			docx.Para{Runs: []docx.Run{{Text: x.Kind, Bold: true, Size: 28}}, Align: docx.Center, Before: 360},
			docx.Para{Runs: []docx.Run{{Text: x.Summary, Bold: true, Size: 28}}, Align: docx.Center},
			docx.Rule(r.textW*2/5),
			docx.Para{After: 120},
		)
	case Heading:
		t := x.Text
		run := docx.Run{Text: t, Bold: true}
		before := 0
		switch x.Level {
		case 1:
			run.Text = strings.ToUpper(t)
			before = 120
		case 3:
			run.Italic = true
		}
		r.add(docx.Para{Runs: []docx.Run{run}, Align: docx.Justify, FirstLine: firstLine, Before: before, After: after, Line: lineSp, KeepNext: true})
	case Para:
		r.add(r.para(x))
	case List:
		for i, it := range x.Items {
			label := x.label(i) + " "
			rs := append([]docx.Run{{Text: label}}, runs(it.Runs)...)
			if len(it.Runs) > 0 && it.Runs[0].Bold {
				rs = append([]docx.Run{{Text: label, Bold: true}}, runs(it.Runs)...)
			}
			r.add(docx.Para{Runs: rs, Align: docx.Justify, FirstLine: firstLine, After: after, Line: lineSp, KeepNext: len(it.More) > 0})
			for j, p := range it.More {
				pp := r.para(p)
				pp.KeepNext = p.KeepNext && j < len(it.More)-1
				r.add(pp)
			}
		}
	case Signatures:
		r.signatures(x)
	case Table:
		r.table(x)
	case Break:
		if x.Landscape {
			land := r.page.Landscape()
			r.add(docx.NewSection{Page: land})
			r.page, r.textW = land, land.TextWidth()
		} else {
			r.add(docx.Para{PageBreak: true})
		}
	}
}

func (r *docxRenderer) para(p Para) docx.Para {
	out := docx.Para{Runs: runs(p.Runs), Align: docx.Justify, FirstLine: firstLine, After: after, Line: lineSp, KeepNext: p.KeepNext}
	switch p.Align {
	case Center:
		out.Align, out.FirstLine = docx.Center, 0
	case Left:
		out.Align = docx.Left
	}
	if p.Indent {
		out.Indent, out.FirstLine = firstLine, 0
	}
	return out
}

// header is the national header block: a borderless two-column table, the
// issuing body left (about 40 %), the motto right (about 60 %).
func (r *docxRenderer) header(h Header) {
	leftW := r.textW * 42 / 100
	rightW := r.textW - leftW
	var left []docx.Para
	if h.Parent != "" {
		left = append(left, docx.Para{Runs: []docx.Run{{Text: strings.ToUpper(KeepPlaces(h.Parent)), Size: 26}}, Align: docx.Center})
	}
	// The rule under the issuing body: a third to a half of its width.
	left = append(left,
		docx.Para{Runs: []docx.Run{{Text: strings.ToUpper(KeepPlaces(h.Body)), Bold: true, Size: 26}}, Align: docx.Center},
		docx.Rule(leftW*3/10),
		docx.Para{Runs: []docx.Run{{Text: NumberLine(h.Type, h.Issuer), Size: 26}}, Align: docx.Center, Before: 120})
	right := []docx.Para{
		{Runs: []docx.Run{{Text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Bold: true, Size: 24}}, Align: docx.Center},
		{Runs: []docx.Run{{Text: "Độc lập - Tự do - Hạnh phúc", Bold: true, Size: 26}}, Align: docx.Center},
		// The motto's rule is as wide as the motto (about 6 cm at 13 pt).
		docx.Rule(max(0, (rightW-3400)/2)),
		// The place and the date each stay whole; the line may break only
		// after the comma.
		{Runs: []docx.Run{{Text: dateLine(h), Italic: true, Size: r.body}}, Align: docx.Center, Before: 240},
	}
	r.add(docx.Table{Widths: []int{leftW, rightW}, Rows: [][]docx.Cell{{{Width: leftW, Paras: left}, {Width: rightW, Paras: right}}}})
}

// signatures is a borderless two-column table of one row that never
// breaks across pages, kept with the paragraph before it. "Nơi nhận" goes
// left of the signer or, under two signatures, in the left cell below the
// first: inside the row it can never be left alone on a page.
func (r *docxRenderer) signatures(s Signatures) {
	leftW := r.textW / 2
	var left []docx.Para
	if s.Left != nil {
		left = signature(*s.Left)
		if len(s.Recipients) > 0 {
			ps := recipients(s.Recipients)
			ps[0].Before = 360
			left = append(left, ps...)
		}
	} else {
		leftW = r.textW * 45 / 100
		left = recipients(s.Recipients)
	}
	// The last paragraph before the signatures keeps with them.
	if n := len(r.out); n > 0 {
		if p, ok := r.out[n-1].(docx.Para); ok {
			p.KeepNext = true
			r.out[n-1] = p
		}
	}
	r.add(docx.Para{Line: 240, KeepNext: true},
		docx.Table{Widths: []int{leftW, r.textW - leftW}, KeepRows: true, Rows: [][]docx.Cell{{
			{Width: leftW, Paras: keepTogether(left)},
			{Width: r.textW - leftW, Paras: keepTogether(signature(s.Right))},
		}}})
}

// keepTogether marks every paragraph but the last keep-with-next.
func keepTogether(ps []docx.Para) []docx.Para {
	for i := range ps[:max(0, len(ps)-1)] {
		ps[i].KeepNext = true
	}
	return ps
}

// signature is one signing block: the capacity lines in caps, bold, four
// blank lines, then the name in bold.
func signature(s Signature) []docx.Para {
	var ps []docx.Para
	for _, c := range s.Capacity {
		ps = append(ps, docx.Para{Runs: []docx.Run{{Text: strings.ToUpper(c), Bold: true}}, Align: docx.Center})
	}
	for range 4 {
		ps = append(ps, docx.Para{})
	}
	return append(ps, docx.Para{Runs: []docx.Run{{Text: s.Name, Bold: true}}, Align: docx.Center})
}

// recipients is the "Nơi nhận" block: the word in 12 pt bold italic, entries
// in 11 pt.
func recipients(list []string) []docx.Para {
	var ps []docx.Para
	for i, l := range RecipientLines(list) {
		if i == 0 {
			ps = append(ps, docx.Para{Runs: []docx.Run{{Text: l, Bold: true, Italic: true, Size: 24}}, Align: docx.Left})
			continue
		}
		ps = append(ps, docx.Para{Runs: []docx.Run{{Text: l, Size: 22}}, Align: docx.Left})
	}
	if len(ps) == 0 {
		ps = []docx.Para{{}}
	}
	return ps
}

// table is a bordered 11 pt table; its header row repeats on each page and
// rows do not break across pages.
func (r *docxRenderer) table(t Table) {
	for _, p := range t.Caption {
		pp := r.para(p)
		pp.KeepNext = true
		r.add(pp)
	}
	widths := ColumnWidths(t, r.textW)
	cell := func(i int, s string, head bool) docx.Cell {
		al := docx.Left
		if head || t.Columns[i].Center {
			al = docx.Center
		}
		return docx.Cell{Width: widths[i], Paras: []docx.Para{{Runs: []docx.Run{{Text: s, Bold: head}}, Align: al, Size: 22, Before: 20, After: 20}}}
	}
	var head []docx.Cell
	for i, c := range t.Columns {
		head = append(head, cell(i, c.Title, true))
	}
	rows := [][]docx.Cell{head}
	for _, row := range t.Rows {
		var cs []docx.Cell
		for i := range t.Columns {
			v := ""
			if i < len(row) {
				v = row[i]
			}
			cs = append(cs, cell(i, v, false))
		}
		rows = append(rows, cs)
	}
	if len(t.Rows) == 0 && t.Empty != "" {
		rows = append(rows, []docx.Cell{{Width: r.textW, Span: len(widths), Paras: []docx.Para{{Runs: []docx.Run{{Text: t.Empty}}, Align: docx.Center, Size: 22}}}})
	}
	r.add(docx.Table{Widths: widths, Rows: rows, Borders: true, Header: 1, KeepRows: true})
}

// Average and minimum widths of 11 pt Times New Roman, in twips per
// character, and the cell's side margins.
const (
	charW   = 105
	cellPad = 140
)

// ColumnWidths shares total twips among t's columns by their content: each
// column gets at least its longest word (capped) and its title's longest
// word, and the rest goes by the square root of the column's average text
// beyond that, so no column wraps to a sliver while another stays half
// empty.
func ColumnWidths(t Table, total int) []int {
	n := len(t.Columns)
	minW := make([]float64, n)
	want := make([]float64, n)
	for i, c := range t.Columns {
		// Titles are bold: a little wider.
		minW[i] = float64(longestWord(c.Title)) * 1.25
		want[i] = float64(runeLen(c.Title))
		total, longest := 0.0, 0.0
		for _, row := range t.Rows {
			if i >= len(row) {
				continue
			}
			minW[i] = max(minW[i], float64(min(longestWord(row[i]), 16)))
			total += float64(runeLen(row[i]))
			longest = max(longest, float64(runeLen(row[i])))
		}
		if len(t.Rows) > 0 {
			// What a column needs is about its average text, or a third
			// of its longest for a column that is mostly empty.
			want[i] = max(want[i], total/float64(len(t.Rows)), longest/3)
		}
		minW[i] = max(minW[i], 3)
		want[i] = max(want[i], minW[i])
	}
	out := make([]int, n)
	used := 0
	for i := range out {
		out[i] = int(minW[i]*charW) + cellPad
		used += out[i]
	}
	if used > total {
		// Too many columns for the page: scale the minimums.
		for i := range out {
			out[i] = out[i] * total / used
		}
	} else {
		// The rest goes by the square root of the extra text, so very long
		// texts do not take every twip.
		var weights []float64
		sum := 0.0
		for i := range out {
			w := math.Sqrt(max(0, want[i]-minW[i]))
			weights = append(weights, w)
			sum += w
		}
		rest := total - used
		for i := range out {
			if sum > 0 {
				out[i] += int(float64(rest) * weights[i] / sum)
			} else {
				out[i] += rest / n
			}
		}
	}
	s := 0
	for _, w := range out {
		s += w
	}
	// Give the rounding to the widest column.
	wi := 0
	for i := range out {
		if out[i] > out[wi] {
			wi = i
		}
	}
	out[wi] += total - s
	return out
}

func longestWord(s string) int {
	m := 0
	for _, w := range strings.Fields(strings.ReplaceAll(s, NBSP, " ")) {
		m = max(m, runeLen(w))
	}
	return m
}
