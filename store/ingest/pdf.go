package ingest

import (
	"bytes"
	"math"
	"sort"
	"strings"

	"github.com/ledongthuc/pdf"
)

// A PDF report with a text layer, read as paragraphs for the same
// structure reader as DOCX. github.com/ledongthuc/pdf gives each glyph with
// its font, position and Unicode text (through the fonts' ToUnicode maps);
// lines are glyphs on one baseline, left to right, top to bottom (a
// single-column report's reading order), and lines join into paragraphs
// until a line starts indented (the decree's first-line indent), a gap
// larger than the line spacing, or a line that ended short of the margin.
// Bold and italic come from the font names. Tables are not rebuilt: their
// cells read as lines.

type pdfLine struct {
	page         int
	text         string
	x, y, right  float64
	bold, italic bool
	size         float64
}

// readPDF returns the body blocks of a PDF.
func readPDF(data []byte) (blocks []block, err error) {
	defer func() {
		if x := recover(); x != nil {
			blocks, err = nil, errorf("the PDF cannot be read: %v: %w", x, ErrFormat)
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, errorf("not a readable PDF: %v: %w", err, ErrFormat)
	}
	var lines []pdfLine
	for i := 1; i <= r.NumPage(); i++ {
		p := r.Page(i)
		if p.V.IsNull() {
			continue
		}
		for _, l := range pageLines(dropLineEnds(p, p.Content().Text)) {
			l.page = i
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 {
		return nil, errorf("the PDF has no text layer (a scan?); save the report as DOCX, or run it through OCR first: %w", ErrFormat)
	}
	return pdfParagraphs(lines), nil
}

// dropLineEnds removes the glyph the library adds after every TJ
// operator: it decodes a "\n" through the font, which yields whatever glyph
// the font's code 10 is. That glyph sits where the next text starts (or
// the line ends), which tells it from a real glyph that happens to be the
// same letter: a real one is followed, one glyph width on, by the added
// one; the added one by a jump (a new line, a new cell, or text drawn
// where it stands).
func dropLineEnds(p pdf.Page, ts []pdf.Text) []pdf.Text {
	bogus := map[string]map[string]bool{}
	for _, name := range p.Fonts() {
		f := p.Font(name)
		base := f.BaseFont()
		if i := strings.Index(base, "+"); i >= 0 {
			base = base[i+1:]
		}
		if bogus[base] == nil {
			bogus[base] = map[string]bool{}
		}
		bogus[base][f.Encoder().Decode("\n")] = true
	}
	out := ts[:0:0]
	for i, t := range ts {
		if bogus[t.Font][t.S] {
			last := i == len(ts)-1
			if last || math.Abs(ts[i+1].Y-t.Y) > 1 || ts[i+1].X < t.X+t.W*0.5 || ts[i+1].X > t.X+t.W+1 {
				continue
			}
		}
		out = append(out, t)
	}
	return out
}

// pageLines groups a page's glyphs into lines, top to bottom.
func pageLines(ts []pdf.Text) []pdfLine {
	sort.SliceStable(ts, func(i, j int) bool {
		if math.Abs(ts[i].Y-ts[j].Y) > 2 {
			return ts[i].Y > ts[j].Y
		}
		return ts[i].X < ts[j].X
	})
	var out []pdfLine
	for i := 0; i < len(ts); {
		j := i
		for j < len(ts) && math.Abs(ts[j].Y-ts[i].Y) <= 2 {
			j++
		}
		var sb strings.Builder
		l := pdfLine{x: ts[i].X, y: ts[i].Y, bold: true, italic: true}
		prevEnd := ts[i].X
		glyphs := 0
		for _, t := range ts[i:j] {
			if t.X-prevEnd > t.FontSize*0.2 && sb.Len() > 0 && !strings.HasSuffix(sb.String(), " ") && t.S != " " {
				sb.WriteByte(' ') // a gap with no space glyph: justified text
			}
			sb.WriteString(t.S)
			prevEnd = t.X + t.W
			if strings.TrimSpace(t.S) != "" {
				glyphs++
				f := strings.ToLower(t.Font)
				l.bold = l.bold && (strings.Contains(f, "bold") || strings.Contains(f, "black"))
				l.italic = l.italic && (strings.Contains(f, "italic") || strings.Contains(f, "oblique"))
				l.size = math.Max(l.size, t.FontSize)
			}
		}
		l.right = prevEnd
		l.text = strings.TrimSpace(sb.String())
		if glyphs == 0 {
			l.bold, l.italic = false, false
		}
		if l.text != "" && !isPageNumber(l.text) {
			out = append(out, l)
		}
		i = j
	}
	return out
}

func isPageNumber(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return len(s) <= 3
}

// pdfParagraphs joins lines into paragraphs, measuring indents against
// each page's own margins (an appendix may be landscape). A paragraph runs
// on across a page break.
func pdfParagraphs(lines []pdfLine) []block {
	left, right := map[int]float64{}, map[int]float64{}
	for _, l := range lines {
		if _, ok := left[l.page]; !ok {
			left[l.page], right[l.page] = l.x, l.right
		}
		left[l.page] = math.Min(left[l.page], l.x)
		right[l.page] = math.Max(right[l.page], l.right)
	}
	var out []block
	var cur *docPara
	var prev pdfLine
	flush := func() {
		if cur != nil {
			out = append(out, block{para: cur})
			cur = nil
		}
	}
	for i, l := range lines {
		samePage := cur != nil && l.page == prev.page
		newPara := cur == nil ||
			l.x > left[l.page]+8 || // first-line indent, or centred
			samePage && (prev.y-l.y > 1.8*math.Max(l.size, 10) || l.y > prev.y) || // a gap, or a new column
			prev.right < right[prev.page]-40 || // the line before ended short
			l.bold != cur.bold || isCaps(l.text) != isCaps(prev.text) // a heading; italics run on inside a paragraph
		if i > 0 && !newPara && startsItem(l.text) && prev.right < right[prev.page]-5 {
			newPara = true
		}
		if newPara {
			flush()
			cur = &docPara{text: l.text, bold: l.bold, italic: l.italic}
		} else {
			cur.text += " " + l.text
			cur.italic = cur.italic && l.italic
		}
		prev = l
	}
	flush()
	return out
}

// startsItem reports a line that begins like a numbered item or heading.
func startsItem(s string) bool {
	return numRe.MatchString(s) || letterRe.MatchString(s) || romanRe.MatchString(s)
}

// readReportBlocks reads a DOCX or a PDF by its first bytes.
func readReportBlocks(data []byte) ([]block, error) {
	if bytes.HasPrefix(data, []byte("%PDF-")) {
		return readPDF(data)
	}
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		return readDocx(data)
	}
	return nil, errorf("not a DOCX or PDF document: %w", ErrFormat)
}
