// Package doc is the model of txct's official documents (minutes, summary
// reports, round reports): a document is built once as a tree of blocks and
// rendered by this package to DOCX (via export/docx, in the layout of Nghị
// định 30/2020), to Markdown and to a plain text form used by golden files.
//
// A document is a Document{Title, Blocks}. Blocks, in reading order:
//
//   - Header: the national header block (parent body, issuing body, the
//     number's type and issuer codes, place and date line);
//   - Title: the document type in caps ("BÁO CÁO") and its summary line;
//   - Heading: "I. …" (level 1, printed in caps), "1. …" (2), "a) …" (3);
//     the text carries its own label (use Roman, Letter);
//   - Para: a justified body paragraph of Runs (bold/italic pieces); Indent
//     sets it in by one step (a citation under an item);
//   - List: items numbered "1." from Start, lettered "a)" in the Vietnamese
//     alphabet, or dashed "- …"; an item has its Runs and optional More
//     paragraphs under it;
//   - Signatures: an optional left Signature, the right Signature and the
//     "Nơi nhận" recipients (beside the signer when Left is nil, else under
//     the left signature), all on one page;
//   - Table: columns with titles, rows of text; widths follow the content;
//     Caption lines are printed above it;
//   - Break: starts a new page, Landscape for a wide appendix.
//
// Builders write text as it should read; renderers never reword. Text is
// expected clean (no control characters) and NFC. In package export,
// export.DOCX writes a Document in the official page layout and
// export.MinutesDoc / export.ReportDoc are the two documents built so.
package doc

import (
	"time"
	"unicode/utf8"
)

// Run is a piece of text with one formatting.
type Run struct {
	Text         string
	Bold, Italic bool
}

// T, B and I are a plain, a bold and an italic run.
func T(s string) Run { return Run{Text: s} }
func B(s string) Run { return Run{Text: s, Bold: true} }
func I(s string) Run { return Run{Text: s, Italic: true} }

// Block is one of the block types of this package.
type Block interface{ isBlock() }

// Header is the national header block. Parent and Body are printed in caps;
// the number line is "Số:      /Type-Issuer" with the number left blank for
// the clerk; the date line is "Place, ngày … tháng … năm …" (a zero Date
// leaves blanks).
type Header struct {
	Parent, Body string
	Type, Issuer string // "BC", "TĐB"
	Place        string
	Date         time.Time
}

// Title is the document type ("BIÊN BẢN", "BÁO CÁO") and its summary line.
type Title struct{ Kind, Summary string }

// Heading is a section heading; Level 1, 2 or 3.
type Heading struct {
	Level int
	Text  string
}

// Align of a paragraph.
type Align int

// Alignments; Justify is the body default.
const (
	Justify Align = iota
	Center
	Left
)

// Para is a body paragraph.
type Para struct {
	Runs     []Run
	Align    Align
	Indent   bool // set in one step, no first-line indent (citations)
	KeepNext bool
}

// ListStyle is how list items are labelled.
type ListStyle int

// List styles.
const (
	Numbered ListStyle = iota // 1. 2. 3.
	Lettered                  // a) b) c) d) đ) e) …
	Dashed                    // - …
)

// List is a list of items. Numbered and Lettered lists count from Start
// (1 if zero).
type List struct {
	Style ListStyle
	Start int
	Items []Item
}

// Item is one list entry: its text and the paragraphs under it.
type Item struct {
	Runs []Run
	More []Para
}

// Signature is one signing block: capacity lines in caps ("TM. TỔ ĐẠI
// BIỂU", "TỔ TRƯỞNG"), space to sign, then the name alone.
type Signature struct {
	Capacity []string
	Name     string
}

// Signatures closes a document.
type Signatures struct {
	Left       *Signature
	Right      Signature
	Recipients []string // "Nơi nhận" entries, each printed "- …;", the last "- …."
}

// Column of a table.
type Column struct {
	Title  string
	Center bool // centred cells (numbers, short codes)
}

// Table is a bordered table whose header row repeats on every page.
type Table struct {
	Caption []Para
	Columns []Column
	Rows    [][]string
	Empty   string // printed across the table when there are no rows
}

// Break starts a new page; Landscape turns the pages from here on.
type Break struct{ Landscape bool }

func (Header) isBlock()     {}
func (Title) isBlock()      {}
func (Heading) isBlock()    {}
func (Para) isBlock()       {}
func (List) isBlock()       {}
func (Signatures) isBlock() {}
func (Table) isBlock()      {}
func (Break) isBlock()      {}

// Document is a whole document. Title is its metadata title.
type Document struct {
	Title  string
	Blocks []Block
}

// Add appends blocks.
func (d *Document) Add(b ...Block) { d.Blocks = append(d.Blocks, b...) }

// Text adds a plain paragraph.
func (d *Document) Text(s string) { d.Add(Para{Runs: []Run{T(s)}}) }

// vnLetters are the Vietnamese alphabet's letters used for sub-items (no f,
// j, w, z).
var vnLetters = []string{"a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"}

// Letter is the i-th (1-based) sub-item letter: a, b, c, d, đ, e, g, h …;
// past y it doubles (aa, bb, …).
func Letter(i int) string {
	if i < 1 {
		i = 1
	}
	l := vnLetters[(i-1)%len(vnLetters)]
	s := l
	for range (i - 1) / len(vnLetters) {
		s += l
	}
	return s
}

// Roman is n in Roman numerals (section headings I, II, III, IV …).
func Roman(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	s := ""
	for i, v := range vals {
		for n >= v {
			s += syms[i]
			n -= v
		}
	}
	return s
}

// label is the i-th label of a list style (i 0-based from Start).
func (l List) label(i int) string {
	start := l.Start
	if start == 0 {
		start = 1
	}
	switch l.Style {
	case Lettered:
		return Letter(start+i) + ")"
	case Dashed:
		return "-"
	}
	return itoa(start+i) + "."
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// runeLen is the length of s in characters.
func runeLen(s string) int { return utf8.RuneCountInString(s) }
