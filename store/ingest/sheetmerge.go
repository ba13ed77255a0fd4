package ingest

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strings"

	"github.com/xuri/excelize/v2"
)

// sheetMerges returns the merged ranges of a workbook's first sheet, read
// straight from the sheet's XML. excelize's GetMergeCells decodes the
// whole sheet into memory first, which at 100,000 rows takes longer than
// reading every row.
func sheetMerges(data []byte) ([]cellRange, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	name, err := firstSheetPath(zr)
	if err != nil {
		return nil, err
	}
	f, err := zr.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return scanMerges(f)
}

// firstSheetPath finds the part that holds a workbook's first sheet:
// the package relationships name the workbook, the workbook lists its
// sheets in order, and the workbook's relationships name each sheet's part.
func firstSheetPath(zr *zip.Reader) (string, error) {
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
			ID string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := readXMLPart(zr, wb, &book); err != nil {
		return "", err
	}
	if len(book.Sheets) == 0 {
		return "", errors.New("the workbook has no sheet")
	}
	rels.Rels = nil
	if err := readXMLPart(zr, path.Join(path.Dir(wb), "_rels", path.Base(wb)+".rels"), &rels); err != nil {
		return "", err
	}
	for _, r := range rels.Rels {
		if r.ID == book.Sheets[0].ID {
			return target(wb, r.Target), nil
		}
	}
	return "", errors.New("the first sheet's part is not listed")
}

// readXMLPart decodes a small part of the package into v.
func readXMLPart(zr *zip.Reader, name string, v any) error {
	f, err := zr.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	return xml.NewDecoder(io.LimitReader(f, 16<<20)).Decode(v)
}

// scanMerges reads a sheet's XML tag by tag, without decoding it, and
// returns the ranges of its mergeCell elements (any namespace prefix).
// Comments and CDATA sections are skipped whole, so text that looks like a
// tag inside them is not taken for one.
func scanMerges(r io.Reader) ([]cellRange, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	var out []cellRange
	for {
		if _, err := skipPast(br, '<'); err != nil {
			if errors.Is(err, io.EOF) {
				return out, nil
			}
			return nil, err
		}
		head, _ := br.Peek(9)
		switch {
		case bytes.HasPrefix(head, []byte("!--")):
			if err := skipTo(br, "-->"); err != nil {
				return out, nil
			}
			continue
		case bytes.HasPrefix(head, []byte("![CDATA[")):
			if err := skipTo(br, "]]>"); err != nil {
				return out, nil
			}
			continue
		}
		tag, err := br.ReadSlice('>')
		if errors.Is(err, bufio.ErrBufferFull) {
			// A tag longer than the buffer is no mergeCell: skip it.
			if _, err := skipPast(br, '>'); err != nil {
				return out, nil
			}
			continue
		}
		if err != nil {
			return out, nil
		}
		if cr, ok := mergeTag(tag); ok {
			out = append(out, cr)
		}
	}
}

// skipPast discards input up to and including the byte c.
func skipPast(br *bufio.Reader, c byte) (int, error) {
	n := 0
	for {
		b, err := br.ReadSlice(c)
		n += len(b)
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return n, err
	}
}

// skipTo discards input up to and including the string end.
func skipTo(br *bufio.Reader, end string) error {
	var last []byte
	for {
		c, err := br.ReadByte()
		if err != nil {
			return err
		}
		last = append(last, c)
		if len(last) > len(end) {
			last = last[1:]
		}
		if string(last) == end {
			return nil
		}
	}
}

// mergeTag reads a tag (what follows its '<', up to its '>') and, when it
// is a mergeCell, returns its range.
func mergeTag(tag []byte) (cellRange, bool) {
	end := bytes.IndexAny(tag, " \t\r\n/>")
	if end < 0 {
		return cellRange{}, false
	}
	name := tag[:end]
	if i := bytes.IndexByte(name, ':'); i >= 0 {
		name = name[i+1:]
	}
	if string(name) != "mergeCell" {
		return cellRange{}, false
	}
	attrs := tag[end:]
	i := bytes.Index(attrs, []byte("ref="))
	if i < 0 || i+5 > len(attrs) {
		return cellRange{}, false
	}
	q := attrs[i+4]
	v := attrs[i+5:]
	j := bytes.IndexByte(v, q)
	if j < 0 {
		return cellRange{}, false
	}
	from, to, ok := strings.Cut(string(v[:j]), ":")
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
