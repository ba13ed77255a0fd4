package ingest

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// sheetReader reads a workbook's XML parts tag by tag, without building
// elements: at 100,000 rows, encoding/xml through excelize's row iterator
// read about 20,000 rows a second, this reads several times that. It
// gives what excelize's row iterator gives with raw cell values, and the
// readers' tests hold the two to the same results.
type sheetReader struct {
	br   *bufio.Reader
	raw  []byte // character data since the last tag, undecoded
	text []byte // decoded character data being collected
	tag  []byte // the last tag, between '<' and '>'
	keep bool   // collect character data into text
}

// maxTag bounds one tag; a cell's tag is a few dozen bytes.
const maxTag = 1 << 20

// next reads up to and including the next tag and returns its local name
// (without a namespace prefix), whether it closes an element and whether it
// is empty (<c/>). Comments, processing instructions and declarations are
// skipped; CDATA sections count as character data. io.EOF at the end.
func (s *sheetReader) next() (name []byte, end, empty bool, err error) {
	for {
		s.raw = s.raw[:0]
		for {
			chunk, err := s.br.ReadSlice('<')
			if s.keep {
				s.raw = append(s.raw, chunk...)
			}
			if errors.Is(err, bufio.ErrBufferFull) {
				continue
			}
			if err != nil {
				return nil, false, false, err
			}
			break
		}
		if s.keep {
			s.text = appendXMLText(s.text, s.raw[:len(s.raw)-1])
		}
		head, _ := s.br.Peek(8)
		switch {
		case bytes.HasPrefix(head, []byte("![CDATA[")):
			s.br.Discard(8)
			if err := s.skipTo("]]>", s.keep); err != nil {
				return nil, false, false, err
			}
			continue
		case bytes.HasPrefix(head, []byte("!--")):
			if err := s.skipTo("-->", false); err != nil {
				return nil, false, false, err
			}
			continue
		case bytes.HasPrefix(head, []byte("?")):
			if err := s.skipTo("?>", false); err != nil {
				return nil, false, false, err
			}
			continue
		case bytes.HasPrefix(head, []byte("!")):
			if err := s.skipTo(">", false); err != nil {
				return nil, false, false, err
			}
			continue
		}
		s.tag = s.tag[:0]
		for {
			chunk, err := s.br.ReadSlice('>')
			s.tag = append(s.tag, chunk...)
			if errors.Is(err, bufio.ErrBufferFull) && len(s.tag) < maxTag {
				continue
			}
			if err != nil {
				if err == io.EOF {
					err = io.ErrUnexpectedEOF
				}
				return nil, false, false, err
			}
			break
		}
		t := s.tag[:len(s.tag)-1]
		if len(t) > 0 && t[0] == '/' {
			end, t = true, t[1:]
		}
		if len(t) > 0 && t[len(t)-1] == '/' {
			empty, t = true, t[:len(t)-1]
		}
		s.tag = t
		n := bytes.IndexAny(t, " \t\r\n")
		if n < 0 {
			n = len(t)
		}
		name = t[:n]
		if i := bytes.IndexByte(name, ':'); i >= 0 {
			name = name[i+1:]
		}
		return name, end, empty, nil
	}
}

// skipTo reads past the string end; keep appends what it skipped, less
// end, to text unchanged (a CDATA section).
func (s *sheetReader) skipTo(end string, keep bool) error {
	var last []byte
	for {
		c, err := s.br.ReadByte()
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return err
		}
		if keep {
			s.text = append(s.text, c)
		}
		last = append(last, c)
		if len(last) > len(end) {
			last = last[1:]
		}
		if string(last) == end {
			if keep {
				s.text = s.text[:len(s.text)-len(end)]
			}
			return nil
		}
	}
}

// attr returns the value of the last tag's attribute name, decoded, and
// whether it is there.
func (s *sheetReader) attr(name string) (string, bool) {
	v, ok := s.attrRaw(name)
	if !ok {
		return "", false
	}
	if bytes.IndexByte(v, '&') < 0 && bytes.IndexByte(v, '\r') < 0 {
		return string(v), true
	}
	return string(appendXMLText(nil, v)), true
}

// attrRaw returns the value of the last tag's attribute name as written.
func (s *sheetReader) attrRaw(name string) ([]byte, bool) {
	t := s.tag
	i := 0
	for i < len(t) && !isXMLSpace(t[i]) {
		i++
	}
	t = t[i:]
	for {
		t = trimXMLSpace(t)
		eq := bytes.IndexByte(t, '=')
		if eq < 0 {
			return nil, false
		}
		key := t[:eq]
		for len(key) > 0 && isXMLSpace(key[len(key)-1]) {
			key = key[:len(key)-1]
		}
		t = trimXMLSpace(t[eq+1:])
		if len(t) == 0 || t[0] != '"' && t[0] != '\'' {
			return nil, false
		}
		q := bytes.IndexByte(t[1:], t[0])
		if q < 0 {
			return nil, false
		}
		if string(key) == name {
			return t[1 : 1+q], true
		}
		t = t[q+2:]
	}
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

func trimXMLSpace(b []byte) []byte {
	for len(b) > 0 && isXMLSpace(b[0]) {
		b = b[1:]
	}
	return b
}

// refColumn is the column (1-based) of a cell reference such as "AB12".
func refColumn(ref []byte) (int, error) {
	col, i := 0, 0
	for ; i < len(ref) && i < 3; i++ {
		c := ref[i] | 0x20 // lower case
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a'+1)
	}
	ok := i > 0 && i < len(ref) && col <= excelize.MaxColumns
	for _, c := range ref[i:] {
		ok = ok && '0' <= c && c <= '9'
	}
	if ok {
		return col, nil
	}
	col, _, err := excelize.CellNameToCoordinates(string(ref))
	return col, err
}

// appendXMLText appends character data decoded as an XML parser does:
// line ends become "\n", the five named entities and character references
// become characters. An unknown entity is kept as written.
func appendXMLText(dst, src []byte) []byte {
	for len(src) > 0 {
		i := bytes.IndexAny(src, "&\r")
		if i < 0 {
			return append(dst, src...)
		}
		dst = append(dst, src[:i]...)
		src = src[i:]
		if src[0] == '\r' {
			dst = append(dst, '\n')
			src = src[1:]
			if len(src) > 0 && src[0] == '\n' {
				src = src[1:]
			}
			continue
		}
		semi := bytes.IndexByte(src, ';')
		if semi < 0 || semi > 12 {
			dst = append(dst, '&')
			src = src[1:]
			continue
		}
		ent := string(src[1:semi])
		var r rune = -1
		switch ent {
		case "amp":
			r = '&'
		case "lt":
			r = '<'
		case "gt":
			r = '>'
		case "quot":
			r = '"'
		case "apos":
			r = '\''
		default:
			if strings.HasPrefix(ent, "#x") {
				if n, err := strconv.ParseUint(ent[2:], 16, 32); err == nil {
					r = rune(n)
				}
			} else if strings.HasPrefix(ent, "#") {
				if n, err := strconv.ParseUint(ent[1:], 10, 32); err == nil {
					r = rune(n)
				}
			}
		}
		if r < 0 || !utf8.ValidRune(r) {
			dst = append(dst, '&')
			src = src[1:]
			continue
		}
		dst = utf8.AppendRune(dst, r)
		src = src[semi+1:]
	}
	return dst
}

// unescapeOOXML decodes the _xHHHH_ escapes OOXML writes for characters
// XML cannot hold (_x000D_ for a carriage return, _x005F_ for "_"), as
// excelize does; an escape of a surrogate is dropped.
func unescapeOOXML(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] == '_' && i+7 <= len(s) && s[i+1] == 'x' && s[i+6] == '_' && isHex4(s[i+2:i+6]) {
			n, _ := strconv.ParseUint(s[i+2:i+6], 16, 32)
			if r := rune(n); utf8.ValidRune(r) {
				b.WriteRune(r)
			}
			i += 7
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

func isHex4(s string) bool {
	for i := 0; i < 4; i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// readStrings reads a shared-string table: each <si>'s text runs joined,
// phonetic runs (<rPh>) left out.
func readStrings(r io.Reader) ([]string, error) {
	s := &sheetReader{br: bufio.NewReaderSize(r, 64<<10)}
	var out []string
	inSI, rph := false, 0
	for {
		name, end, empty, err := s.next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		switch string(name) {
		case "si":
			if !end {
				inSI, s.text = true, s.text[:0]
			}
			if end || empty {
				out = append(out, unescapeOOXML(string(s.text)))
				inSI = false
			}
		case "rPh":
			rph += depth(end, empty)
		case "t":
			s.keep = inSI && rph == 0 && !end && !empty
		}
	}
}

// readSheetXML reads a worksheet part: its rows as excelize's row iterator
// with raw values gives them (rows missing from the file are empty, a cell
// with no value and no formula is left out, cells are placed by their
// reference) and its merged ranges. sst is the shared-string table.
func readSheetXML(r io.Reader, sst []string) (grid [][]string, merges []cellRange, err error) {
	s := &sheetReader{br: bufio.NewReaderSize(r, 64<<10)}
	var (
		row          []string
		curRow       int
		col, lastCol int
		typ          cellType
		hasF, hasIS  bool
		v            string
		inIS, rph    int
		inRow        bool
		inData       bool
	)
	for {
		name, end, empty, err := s.next()
		if err == io.EOF {
			return grid, merges, nil
		}
		if err != nil {
			return grid, merges, err
		}
		n := string(name)
		if n == "sheetData" {
			inData = !end && !empty
			continue
		}
		if !inData && n != "mergeCell" {
			continue
		}
		switch n {
		case "row":
			if end {
				if inRow {
					grid = append(grid, row)
					inRow = false
				}
				continue
			}
			n := curRow + 1
			if a, ok := s.attr("r"); ok {
				if k, err := strconv.Atoi(a); err == nil && k != 0 {
					n = k
				}
			}
			if n > excelize.TotalRows {
				return grid, merges, excelize.ErrMaxRows
			}
			curRow = n
			for len(grid)+1 < curRow {
				grid = append(grid, nil)
			}
			row, lastCol, inRow = nil, 0, !empty
			if empty {
				grid = append(grid, nil)
			}
		case "c":
			if end {
				s.keep = false
				row = placeCell(row, col, cellValue(typ, v, string(s.text), hasIS, sst, &err), hasF)
				if err != nil {
					return grid, merges, err
				}
				continue
			}
			col = lastCol + 1
			if a, ok := s.attrRaw("r"); ok && len(a) > 0 && bytes.IndexByte(a, '&') < 0 {
				if col, err = refColumn(a); err != nil {
					return grid, merges, err
				}
			} else if a, _ := s.attr("r"); a != "" {
				if col, _, err = excelize.CellNameToCoordinates(a); err != nil {
					return grid, merges, err
				}
			}
			if col > excelize.MaxColumns {
				return grid, merges, errorf("a cell is right of the last column, %s", colLetter(excelize.MaxColumns))
			}
			lastCol = col
			typ = cellOther
			if t, ok := s.attrRaw("t"); ok {
				switch string(t) {
				case "s":
					typ = cellShared
				case "inlineStr":
					typ = cellInline
				}
			}
			hasF, hasIS, v, inIS, rph = false, false, "", 0, 0
			s.text, s.keep = s.text[:0], false
			if empty {
				row = placeCell(row, col, "", false)
			}
		case "f":
			hasF = true
		case "v":
			if !end && !empty && inIS == 0 {
				s.text, s.keep = s.text[:0], true
			} else if end {
				v, s.keep = string(s.text), false
				s.text = s.text[:0]
			}
		case "is":
			if !end {
				hasIS = true
			}
			inIS += depth(end, empty)
		case "rPh":
			rph += depth(end, empty)
		case "t":
			s.keep = inIS > 0 && rph == 0 && !end && !empty
		case "mergeCell":
			if a, ok := s.attr("ref"); ok {
				if cr, ok := parseRange(a); ok {
					merges = append(merges, cr)
				}
			}
		}
	}
}

// depth is how a tag changes the nesting depth of its element.
func depth(end, empty bool) int {
	switch {
	case empty:
		return 0
	case end:
		return -1
	}
	return 1
}

// cellType is how a cell holds its value.
type cellType uint8

const (
	cellOther  cellType = iota // in <v>: a number, boolean, date, formula result
	cellShared                 // t="s": <v> is an index into the shared strings
	cellInline                 // t="inlineStr": the text is in <is>
)

// cellValue is a cell's raw value as excelize gives it: the shared string
// it points to, its inline string, or the text of its <v>.
func cellValue(typ cellType, v, inline string, hasIS bool, sst []string, errp *error) string {
	switch typ {
	case cellShared:
		if v == "" {
			return ""
		}
		i, _ := strconv.Atoi(strings.TrimSpace(v))
		if i < 0 || i >= len(sst) {
			*errp = errorf("shared string index %d is out of range", i)
			return ""
		}
		return sst[i]
	case cellInline:
		if hasIS {
			return unescapeOOXML(inline)
		}
	}
	return v
}

// placeCell puts a value in column col (1-based) of row, as excelize's
// iterator does: empty cells between, nothing for an empty value without
// a formula.
func placeCell(row []string, col int, val string, hasF bool) []string {
	if val == "" && !hasF {
		return row
	}
	for len(row) < col-1 {
		row = append(row, "")
	}
	return append(row, val)
}

// parseRange reads "A1:B2" (or "A1") as a range.
func parseRange(ref string) (cellRange, bool) {
	from, to, ok := strings.Cut(ref, ":")
	if !ok {
		to = from
	}
	x1, y1, err1 := excelize.CellNameToCoordinates(from)
	x2, y2, err2 := excelize.CellNameToCoordinates(to)
	if err1 != nil || err2 != nil {
		return cellRange{}, false
	}
	return cellRange{min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2)}, true
}

// openPart opens a part of the package, refusing one that unzips to more
// than MaxXLSX.
func openPart(zr *zip.Reader, name string) (io.ReadCloser, error) {
	for _, f := range zr.File {
		if f.Name != name {
			continue
		}
		if f.UncompressedSize64 > MaxXLSX {
			return nil, errorf("%s is over the %d MiB limit: %w", name, MaxXLSX>>20, ErrTooLarge)
		}
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		return struct {
			io.Reader
			io.Closer
		}{io.LimitReader(rc, MaxXLSX), rc}, nil
	}
	return nil, errorf("the package has no part %s", name)
}

// firstSheet finds a workbook's first sheet: its name, the part that holds
// it, and the shared-string table's part (empty when there is none). The
// package relationships name the workbook, the workbook lists its sheets
// in order, and the workbook's relationships name their parts.
func firstSheet(zr *zip.Reader) (name, part, sst string, err error) {
	type rel struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
	}
	var rels struct {
		Rels []rel `xml:"Relationship"`
	}
	target := func(base, t string) string {
		if strings.HasPrefix(t, "/") {
			return strings.TrimPrefix(path.Clean(t), "/")
		}
		return path.Join(path.Dir(base), t)
	}
	wb := "xl/workbook.xml"
	if err := readXMLPart(zr, "_rels/.rels", &rels); err == nil {
		for _, r := range rels.Rels {
			if strings.HasSuffix(r.Type, "/officeDocument") {
				wb = target("", r.Target)
			}
		}
	}
	var book struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"id,attr"` // r:id, in either namespace of OOXML
		} `xml:"sheets>sheet"`
	}
	if err := readXMLPart(zr, wb, &book); err != nil {
		return "", "", "", err
	}
	if len(book.Sheets) == 0 {
		return "", "", "", errorf("the workbook has no sheet")
	}
	rels.Rels = nil
	if err := readXMLPart(zr, path.Join(path.Dir(wb), "_rels", path.Base(wb)+".rels"), &rels); err != nil {
		return "", "", "", err
	}
	for _, r := range rels.Rels {
		switch {
		case r.ID == book.Sheets[0].ID:
			part = target(wb, r.Target)
		case strings.HasSuffix(r.Type, "/sharedStrings"):
			sst = target(wb, r.Target)
		}
	}
	if part == "" {
		return "", "", "", errorf("the first sheet's part is not listed")
	}
	return book.Sheets[0].Name, part, sst, nil
}

// readXMLPart decodes a small part of the package into v.
func readXMLPart(zr *zip.Reader, name string, v any) error {
	f, err := openPart(zr, name)
	if err != nil {
		return err
	}
	defer f.Close()
	return xml.NewDecoder(io.LimitReader(f, 16<<20)).Decode(v)
}
