package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
)

// A DOCX document read as the report reader needs it: the body's
// paragraphs and tables in order, each paragraph with its text, whether it
// is all bold, all italic or in capitals, and the label Word's automatic
// numbering gives it.

// block is a paragraph or a table of the body.
type block struct {
	para  *docPara
	table [][]string // rows of cell texts
}

type docPara struct {
	text   string
	bold   bool // every character with text is bold
	italic bool
	label  string // automatic numbering ("1.", "a)"), "" if none
	style  string
}

// readDocx returns the body blocks of the DOCX in data.
func readDocx(data []byte) ([]block, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, errorf("not a readable DOCX document: %v: %w", err, ErrFormat)
	}
	part := func(name string) ([]byte, error) {
		for _, f := range zr.File {
			if f.Name == name {
				if f.UncompressedSize64 > MaxXLSX {
					return nil, errorf("%s is over the %d MiB limit: %w", name, MaxXLSX>>20, ErrTooLarge)
				}
				rc, err := f.Open()
				if err != nil {
					return nil, err
				}
				defer rc.Close()
				return io.ReadAll(io.LimitReader(rc, MaxXLSX))
			}
		}
		return nil, nil
	}
	body, err := part("word/document.xml")
	if err != nil {
		return nil, errorf("reading the document: %v: %w", err, ErrFormat)
	}
	if body == nil {
		return nil, errorf("no word/document.xml: not a Word document: %w", ErrFormat)
	}
	num, _ := part("word/numbering.xml")
	nf := parseNumbering(num)
	return parseBody(body, nf)
}

// numFormats maps numId → level → (format, text pattern like "%1.").
type numFormats map[string]map[int][2]string

func parseNumbering(data []byte) numFormats {
	out := numFormats{}
	if data == nil {
		return out
	}
	abstract := map[string]map[int][2]string{}
	numToAbs := map[string]string{}
	d := xml.NewDecoder(bytes.NewReader(data))
	var curAbs, curNum string
	lvl := -1
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		a := func(n string) string {
			for _, at := range se.Attr {
				if at.Name.Local == n {
					return at.Value
				}
			}
			return ""
		}
		switch se.Name.Local {
		case "abstractNum":
			curAbs, curNum = a("abstractNumId"), ""
			abstract[curAbs] = map[int][2]string{}
		case "num":
			curNum, curAbs = a("numId"), ""
		case "abstractNumId":
			if curNum != "" {
				numToAbs[curNum] = a("val")
			}
		case "lvl":
			lvl, _ = strconv.Atoi(a("ilvl"))
		case "numFmt":
			if curAbs != "" {
				f := abstract[curAbs][lvl]
				f[0] = a("val")
				abstract[curAbs][lvl] = f
			}
		case "lvlText":
			if curAbs != "" {
				f := abstract[curAbs][lvl]
				f[1] = a("val")
				abstract[curAbs][lvl] = f
			}
		}
	}
	for n, ab := range numToAbs {
		out[n] = abstract[ab]
	}
	return out
}

// parseBody walks document.xml. Nested tables are flattened into their
// cell's text.
func parseBody(data []byte, nf numFormats) ([]block, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	var (
		out      []block
		counters = map[string][]int{}
		// paragraph state
		inPara        bool
		sb            strings.Builder
		allB, allI    bool
		anyText       bool
		runB, runI    bool
		pStyle        string
		numID         string
		ilvl          int
		inRPr, inPPr  bool
		tblDepth      int
		table         [][]string
		row           []string
		cell          strings.Builder
		inRun, inText bool
		inDel         int
	)
	flag := func(se xml.StartElement) bool {
		for _, at := range se.Attr {
			if at.Name.Local == "val" {
				return at.Value != "0" && at.Value != "false" && at.Value != "off"
			}
		}
		return true
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, errorf("document.xml is not well-formed: %v: %w", err, ErrFormat)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "tbl":
				tblDepth++
				if tblDepth == 1 {
					table = nil
				}
			case "tr":
				if tblDepth == 1 {
					row = nil
				}
			case "tc":
				if tblDepth == 1 {
					cell.Reset()
				}
			case "p":
				inPara, anyText, allB, allI = true, false, true, true
				sb.Reset()
				pStyle, numID, ilvl = "", "", 0
			case "pPr":
				inPPr = true
			case "pStyle":
				if inPPr {
					for _, at := range t.Attr {
						if at.Name.Local == "val" {
							pStyle = at.Value
						}
					}
				}
			case "numId":
				for _, at := range t.Attr {
					if at.Name.Local == "val" {
						numID = at.Value
					}
				}
			case "ilvl":
				for _, at := range t.Attr {
					if at.Name.Local == "val" {
						ilvl, _ = strconv.Atoi(at.Value)
					}
				}
			case "r":
				inRun, runB, runI = true, false, false
			case "rPr":
				inRPr = true
			case "b":
				if inRPr && inRun {
					runB = flag(t)
				}
			case "i":
				if inRPr && inRun {
					runI = flag(t)
				}
			case "t":
				inText = inRun && inDel == 0
			case "tab":
				if inRun {
					sb.WriteByte('\t')
				}
			case "br", "cr":
				if inRun {
					sb.WriteByte('\n')
				}
			case "del":
				inDel++
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "pPr":
				inPPr = false
			case "rPr":
				inRPr = false
			case "r":
				inRun = false
			case "t":
				inText = false
			case "del":
				inDel--
			case "p":
				if !inPara {
					continue
				}
				inPara = false
				p := &docPara{text: sb.String(), style: pStyle, bold: anyText && allB, italic: anyText && allI}
				if numID != "" && numID != "0" {
					p.label = numberLabel(nf, counters, numID, ilvl)
				}
				if tblDepth > 0 {
					if cell.Len() > 0 {
						cell.WriteByte('\n')
					}
					if p.label != "" {
						cell.WriteString(p.label + " ")
					}
					cell.WriteString(p.text)
				} else {
					out = append(out, block{para: p})
				}
			case "tc":
				if tblDepth == 1 {
					row = append(row, strings.TrimSpace(cell.String()))
				}
			case "tr":
				if tblDepth == 1 {
					table = append(table, row)
				}
			case "tbl":
				tblDepth--
				if tblDepth == 0 {
					out = append(out, block{table: table})
				}
			}
		case xml.CharData:
			if inText && inPara {
				s := string(t)
				sb.WriteString(s)
				if strings.TrimSpace(s) != "" {
					anyText = true
					allB = allB && runB
					allI = allI && runI
				}
			}
		}
	}
	return out, nil
}

// numberLabel advances Word's counter for numId at level ilvl and writes
// the label its numbering definition gives ("1.", "a)", "II.").
func numberLabel(nf numFormats, counters map[string][]int, numID string, ilvl int) string {
	if ilvl < 0 || ilvl > 8 {
		return ""
	}
	c := counters[numID]
	for len(c) <= ilvl {
		c = append(c, 0)
	}
	c[ilvl]++
	for i := ilvl + 1; i < len(c); i++ {
		c[i] = 0
	}
	counters[numID] = c
	f := nf[numID][ilvl]
	if f[0] == "bullet" || f[0] == "none" {
		return "-"
	}
	text := f[1]
	if text == "" {
		text = "%" + strconv.Itoa(ilvl+1) + "."
	}
	for l := 0; l <= ilvl; l++ {
		n := c[l]
		fm := nf[numID][l][0]
		var s string
		switch fm {
		case "lowerLetter":
			s = Letter(n)
		case "upperLetter":
			s = strings.ToUpper(Letter(n))
		case "upperRoman":
			s = roman(n)
		case "lowerRoman":
			s = strings.ToLower(roman(n))
		default:
			s = strconv.Itoa(n)
		}
		text = strings.ReplaceAll(text, "%"+strconv.Itoa(l+1), s)
	}
	return text
}

// Letter is the n-th letter of the Vietnamese alphabet as sub-items use it
// (a, b, c, d, đ, e, g, h, i, k, l, m, n…: no f, j, w, z).
func Letter(n int) string {
	const letters = "a b c d đ e g h i k l m n o p q r s t u v x y"
	ls := strings.Fields(letters)
	if n < 1 {
		return ""
	}
	if n <= len(ls) {
		return ls[n-1]
	}
	return strconv.Itoa(n)
}

func roman(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}
