// Package docx writes the small part of WordprocessingML (OOXML) that txct's
// documents need: A4 sections (portrait or landscape) with margins, a first
// page without a header and a centred PAGE field on the others, paragraphs
// with alignment, first-line indent, spacing and a bottom border (rules),
// runs in Times New Roman (ASCII, East Asian and complex-script slots), and
// tables with fixed column widths, with or without borders.
//
// It exists because github.com/gomutex/godocx (checked at
// v0.1.6-0.20250811222946-aefd2d814cd1) cannot express the official layout
// of Nghị định 30/2020: ctypes.SectionProp (wml/ctypes/sectionProp.go) holds
// one *HeaderReference, so a section cannot refer to both a default and a
// first-page header; package docx (docx/*.go) has no call that adds a header
// part or its relationship; and w:fldChar is a TODO in ctypes.Run
// (wml/ctypes/run.go), so no PAGE field can be written.
//
// Output is deterministic: the same document gives the same bytes.
package docx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Twips per millimetre, for margins given in millimetres.
const twipsPerMM = 1440.0 / 25.4

// MM converts millimetres to twips, rounded.
func MM(mm float64) int { return int(mm*twipsPerMM + 0.5) }

// Align is a paragraph's justification.
type Align string

// Alignments.
const (
	Left    Align = "left"
	Center  Align = "center"
	Right   Align = "right"
	Justify Align = "both"
)

// Run is a piece of text with one formatting.
type Run struct {
	Text      string
	Bold      bool
	Italic    bool
	Underline bool
	Size      int  // half-points; 0 = the paragraph's default
	Break     bool // a line break before the text
}

// Para is a paragraph.
type Para struct {
	Runs       []Run
	Align      Align
	FirstLine  int  // first-line indent, twips
	Indent     int  // left indent, twips
	Hanging    int  // hanging indent, twips
	Before     int  // space before, twentieths of a point
	After      int  // space after, twentieths of a point
	Line       int  // line spacing, 240 = single
	KeepNext   bool // keep with the next paragraph
	BottomRule bool // a rule under the paragraph (a border)
	RuleIndent int  // indent of the rule on both sides, twips (short rules)
	PageBreak  bool // start on a new page
	Size       int  // default size of the runs, half-points
	Exact      bool // Line is an exact height (for rule paragraphs)
}

// Rule is an empty paragraph drawn as a short horizontal rule: a bottom
// border indented by indent twips on both sides, two points high. Used under
// the issuing body, the motto and the title, where the text above must keep
// its full width.
func Rule(indent int) Para {
	return Para{BottomRule: true, RuleIndent: indent, Line: 40, Exact: true, Size: 4, Align: Center}
}

// Cell is a table cell: its width in twips and its paragraphs.
type Cell struct {
	Width int
	Paras []Para
	Span  int // grid columns spanned (0 or 1 = one)
}

// Table is a table with fixed column widths.
type Table struct {
	Widths   []int // twips
	Rows     [][]Cell
	Borders  bool
	Header   int  // number of leading rows repeated on each page
	KeepRows bool // no row breaks across pages (signature blocks)
}

// NewSection ends the section so far (laid out on the page in force until
// now) and starts a new one on Page, e.g. a landscape appendix. Only the
// first section has a first page without a page number.
type NewSection struct{ Page Page }

// Block is a Para, a Table or a NewSection.
type Block interface{ block() }

func (Para) block()       {}
func (Table) block()      {}
func (NewSection) block() {}

// Page is the page set-up of a section.
type Page struct {
	Width, Height            int // twips
	Top, Bottom, Left, Right int // twips
	HeaderDistance           int // twips from the top edge to the header
}

// Landscape is p turned a quarter: width and height swapped, the margins
// kept on the same sides (the binding stays on the left).
func (p Page) Landscape() Page {
	if p.Width < p.Height {
		p.Width, p.Height = p.Height, p.Width
	}
	return p
}

// TextWidth is the width between the left and right margins.
func (p Page) TextWidth() int { return p.Width - p.Left - p.Right }

// A4 is portrait A4 with the default margins of Nghị định 30/2020:
// 20 mm top and bottom, 30 mm left, 15 mm right.
var A4 = Page{Width: 11906, Height: 16838, Top: MM(20), Bottom: MM(20), Left: MM(30), Right: MM(15), HeaderDistance: MM(10)}

// Document is a whole document.
type Document struct {
	Page     Page
	Font     string // e.g. "Times New Roman"
	Size     int    // body size, half-points (26 = 13 pt, 28 = 14 pt)
	Blocks   []Block
	PageNums bool // a centred PAGE field at the top of every page but the first
	Title    string
}

// fixedTime is the modification time written into the zip, so output is
// byte-for-byte repeatable.
var fixedTime = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// Write writes d as a .docx package.
func (d *Document) Write(w io.Writer) error {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", rootRels},
		{"docProps/core.xml", d.core()},
		{"word/_rels/document.xml.rels", docRels},
		{"word/document.xml", d.DocumentXML()},
		{"word/styles.xml", d.styles()},
		{"word/settings.xml", settings},
		{"word/header1.xml", d.HeaderXML()},
		{"word/header2.xml", emptyHeader},
	}
	for _, p := range parts {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: fixedTime})
		if err != nil {
			return err
		}
		if _, err := io.WriteString(fw, p.body); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// DocumentXML is word/document.xml. Each block starts on a line of its own
// (whitespace between block elements is insignificant), so golden files of
// it give readable diffs.
func (d *Document) DocumentXML() string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<w:document ` + ns + `><w:body>` + "\n")
	page, first := d.Page, true
	for _, bl := range d.Blocks {
		switch x := bl.(type) {
		case Para:
			writePara(&b, x)
		case Table:
			writeTable(&b, x)
		case NewSection:
			b.WriteString(`<w:p><w:pPr>`)
			d.writeSectPr(&b, page, first)
			b.WriteString(`</w:pPr></w:p>`)
			page, first = x.Page, false
		}
		b.WriteByte('\n')
	}
	d.writeSectPr(&b, page, first)
	b.WriteString("\n" + `</w:body></w:document>`)
	return b.String()
}

// writeSectPr writes a section's properties. Every section refers to the
// page-number header; the first also has an empty first-page header and
// w:titlePg, so page 1 carries no number (Nghị định 30/2020).
func (d *Document) writeSectPr(b *strings.Builder, p Page, first bool) {
	b.WriteString(`<w:sectPr>`)
	if d.PageNums {
		b.WriteString(`<w:headerReference w:type="default" r:id="rIdHeader1"/>`)
		if first {
			b.WriteString(`<w:headerReference w:type="first" r:id="rIdHeader2"/>`)
		}
	}
	b.WriteString(`<w:type w:val="nextPage"/>`)
	orient := ""
	if p.Width > p.Height {
		orient = ` w:orient="landscape"`
	}
	fmt.Fprintf(b, `<w:pgSz w:w="%d" w:h="%d"%s/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="%d" w:footer="%d" w:gutter="0"/>`,
		p.Width, p.Height, orient, p.Top, p.Right, p.Bottom, p.Left, p.HeaderDistance, p.HeaderDistance)
	if d.PageNums && first {
		b.WriteString(`<w:titlePg/>`)
	}
	b.WriteString(`</w:sectPr>`)
}

// HeaderXML is the header of pages 2 and on: the page number, centred.
func (d *Document) HeaderXML() string {
	return xmlHeader + `<w:hdr ` + ns + `><w:p><w:pPr><w:jc w:val="center"/></w:pPr>` +
		`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>`
}

func writePara(b *strings.Builder, p Para) {
	b.WriteString(`<w:p><w:pPr>`)
	if p.KeepNext {
		b.WriteString(`<w:keepNext/>`)
	}
	if p.PageBreak {
		b.WriteString(`<w:pageBreakBefore/>`)
	}
	if p.BottomRule {
		b.WriteString(`<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="0" w:color="000000"/></w:pBdr>`)
	}
	rule := "auto"
	if p.Exact {
		rule = "exact"
	}
	fmt.Fprintf(b, `<w:spacing w:before="%d" w:after="%d" w:line="%d" w:lineRule="%s"/>`, p.Before, p.After, or(p.Line, 240), rule)
	ind := ""
	if p.FirstLine > 0 {
		ind += fmt.Sprintf(` w:firstLine="%d"`, p.FirstLine)
	}
	if p.Hanging > 0 {
		ind += fmt.Sprintf(` w:hanging="%d"`, p.Hanging)
	}
	left, right := p.Indent, 0
	if p.RuleIndent > 0 {
		left, right = left+p.RuleIndent, p.RuleIndent
	}
	if left > 0 {
		ind += fmt.Sprintf(` w:left="%d"`, left)
	}
	if right > 0 {
		ind += fmt.Sprintf(` w:right="%d"`, right)
	}
	if ind != "" {
		b.WriteString(`<w:ind` + ind + `/>`)
	}
	fmt.Fprintf(b, `<w:jc w:val="%s"/>`, or(string(p.Align), string(Justify)))
	if p.Size > 0 {
		fmt.Fprintf(b, `<w:rPr><w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr>`, p.Size, p.Size)
	}
	b.WriteString(`</w:pPr>`)
	for _, r := range keepMarks(p.Runs) {
		if r.Size == 0 {
			r.Size = p.Size
		}
		writeRun(b, r)
	}
	b.WriteString(`</w:p>`)
}

func writeRun(b *strings.Builder, r Run) {
	b.WriteString(`<w:r>`)
	var props strings.Builder
	if r.Bold {
		props.WriteString(`<w:b/><w:bCs/>`)
	}
	if r.Italic {
		props.WriteString(`<w:i/><w:iCs/>`)
	}
	if r.Underline {
		props.WriteString(`<w:u w:val="single"/>`)
	}
	if r.Size > 0 {
		fmt.Fprintf(&props, `<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, r.Size, r.Size)
	}
	if props.Len() > 0 {
		b.WriteString(`<w:rPr>` + props.String() + `</w:rPr>`)
	}
	if r.Break {
		b.WriteString(`<w:br/>`)
	}
	// Each line of the text becomes its own w:t, separated by breaks. A run
	// holds whole strings, so a composed character is never split.
	for i, line := range strings.Split(r.Text, "\n") {
		if i > 0 {
			b.WriteString(`<w:br/>`)
		}
		if line == "" {
			continue
		}
		b.WriteString(`<w:t xml:space="preserve">`)
		escape(b, line)
		b.WriteString(`</w:t>`)
	}
	b.WriteString(`</w:r>`)
}

// keepMarks moves combining marks that open a run to the end of the run
// before, so a letter and its marks never sit in different runs (a renderer
// would draw them apart). Text is NFC, so this only matters for marks NFC
// cannot compose, but an official paper must never show a split character.
func keepMarks(runs []Run) []Run {
	var out []Run
	for i, r := range runs {
		n := 0
		for n < len(r.Text) {
			c, size := utf8.DecodeRuneInString(r.Text[n:])
			if !unicode.Is(unicode.M, c) {
				break
			}
			n += size
		}
		if n > 0 && i > 0 && !r.Break {
			if out == nil {
				out = slices.Clone(runs)
			}
			out[i-1].Text += r.Text[:n]
			out[i].Text = r.Text[n:]
		}
	}
	if out == nil {
		return runs
	}
	return out
}

func writeTable(b *strings.Builder, t Table) {
	total := 0
	for _, w := range t.Widths {
		total += w
	}
	b.WriteString(`<w:tbl><w:tblPr>`)
	fmt.Fprintf(b, `<w:tblW w:w="%d" w:type="dxa"/><w:tblLayout w:type="fixed"/>`, total)
	if t.Borders {
		b.WriteString(`<w:tblBorders>`)
		for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
			fmt.Fprintf(b, `<w:%s w:val="single" w:sz="4" w:space="0" w:color="000000"/>`, side)
		}
		b.WriteString(`</w:tblBorders>`)
	} else {
		b.WriteString(`<w:tblBorders>`)
		for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
			fmt.Fprintf(b, `<w:%s w:val="nil"/>`, side)
		}
		b.WriteString(`</w:tblBorders>`)
	}
	b.WriteString(`<w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>`)
	for _, w := range t.Widths {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, w)
	}
	b.WriteString(`</w:tblGrid>`)
	for i, row := range t.Rows {
		b.WriteString(`<w:tr>`)
		switch {
		case i < t.Header:
			b.WriteString(`<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>`)
		case t.KeepRows:
			b.WriteString(`<w:trPr><w:cantSplit/></w:trPr>`)
		}
		for _, c := range row {
			fmt.Fprintf(b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, c.Width)
			if c.Span > 1 {
				fmt.Fprintf(b, `<w:gridSpan w:val="%d"/>`, c.Span)
			}
			b.WriteString(`</w:tcPr>`)
			if len(c.Paras) == 0 {
				c.Paras = []Para{{}}
			}
			for _, p := range c.Paras {
				writePara(b, p)
			}
			b.WriteString(`</w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
}

func or[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}
