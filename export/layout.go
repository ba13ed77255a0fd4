package export

import (
	"strings"

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
	a4 := docx.A4
	pg.textW = a4.Width - docx.MM(o.Margins.Left) - docx.MM(o.Margins.Right)
	return pg
}

func (pg *page) doc(title string) *docx.Document {
	p := docx.A4
	m := pg.opts.Margins
	p.Top, p.Bottom, p.Left, p.Right = docx.MM(m.Top), docx.MM(m.Bottom), docx.MM(m.Left), docx.MM(m.Right)
	return &docx.Document{Page: p, Font: "Times New Roman", Size: pg.body, Blocks: pg.blocks, PageNums: true, Title: title}
}

func (pg *page) add(b ...docx.Block) { pg.blocks = append(pg.blocks, b...) }

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
func (pg *page) header(s *model.Session, typeCode string, dated bool) {
	o := pg.opts
	leftW := pg.textW * 42 / 100
	rightW := pg.textW - leftW
	var left []docx.Para
	if pb := clean(s.ParentBody); pb != "" {
		left = append(left, docx.Para{Runs: []docx.Run{{Text: strings.ToUpper(pb), Size: 26}}, Align: docx.Center})
	}
	issuer := clean(s.Organiser)
	if issuer == "" {
		issuer = clean(s.DelegateGroup)
	}
	if issuer == "" {
		issuer = "TỔ ĐẠI BIỂU"
	}
	// The rule under the issuing body: a third to a half of its width.
	left = append(left,
		docx.Para{Runs: []docx.Run{{Text: strings.ToUpper(issuer), Bold: true, Size: 26}}, Align: docx.Center},
		docx.Rule(leftW*3/10),
		docx.Para{Runs: []docx.Run{{Text: "Số:        /" + typeCode + "-" + clean(o.IssuerCode), Size: 26}}, Align: docx.Center, Before: 120})
	right := []docx.Para{
		{Runs: []docx.Run{{Text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Bold: true, Size: 24}}, Align: docx.Center},
		{Runs: []docx.Run{{Text: "Độc lập - Tự do - Hạnh phúc", Bold: true, Size: 26}}, Align: docx.Center},
		// The motto's rule is as wide as the motto (about 6 cm at 13 pt).
		docx.Rule(max(0, (rightW-3400)/2)),
	}
	if dated {
		loc := s.Locality
		if loc == "" {
			loc = s.Place
		}
		right = append(right, docx.Para{Runs: []docx.Run{{Text: dateLine(loc, o.Today), Italic: true, Size: 28}}, Align: docx.Center, Before: 240})
	}
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

func (pg *page) recipientList(s *model.Session) []string {
	if len(pg.opts.Recipients) > 0 {
		return pg.opts.Recipients
	}
	if len(s.Recipients) > 0 {
		return s.Recipients
	}
	return []string{"Thường trực HĐND tỉnh", "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh", "Thường trực HĐND, UBND xã", "Các đại biểu trong Tổ"}
}
