package ingest

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"
)

// headerSearchRows is how many rows at the top of a sheet may hold titles
// ("DANH SÁCH KIẾN NGHỊ…") before the header row.
const headerSearchRows = 10

// vmerge is a merged range spanning several data rows.
type vmerge struct {
	ref            string
	x1, y1, x2, y2 int // 1-based
}

// readXLSX reads the first sheet of a workbook (see readGrid), streaming
// its XML (readSheetXML).
func readXLSX(r io.Reader, name, forced string) (*Result, error) {
	data, err := readAllLimited(r, name, "workbook")
	if err != nil {
		return nil, err
	}
	unreadable := func(err error) error {
		var e *Error
		if errors.As(err, &e) || errors.Is(err, ErrTooLarge) {
			return &Error{File: name, Err: err}
		}
		return &Error{File: name, Err: errorf("not a readable XLSX workbook: %v: %w", err, ErrFormat)}
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, unreadable(err)
	}
	sheet, part, sstPart, err := firstSheet(zr)
	if err != nil {
		return nil, unreadable(err)
	}
	var sst []string
	if sstPart != "" {
		f, err := openPart(zr, sstPart)
		if err != nil {
			return nil, unreadable(err)
		}
		sst, err = readStrings(f)
		f.Close()
		if err != nil {
			return nil, &Error{File: name, Err: errorf("reading the shared strings: %v", err)}
		}
	}
	f, err := openPart(zr, part)
	if err != nil {
		return nil, unreadable(err)
	}
	defer f.Close()
	grid, merges, err := readSheetXML(f, sst)
	if err != nil {
		return nil, &Error{File: name, Sheet: sheet, Line: len(grid) + 1, Err: errorf("reading the row: %v", err)}
	}
	return readGrid(name, sheet, grid, merges, forced)
}

// readXLS reads the first sheet of an Excel 97–2003 or 5/95 workbook (see
// readBIFF and readGrid).
func readXLS(r io.Reader, name, forced string) (*Result, error) {
	data, err := readAllLimited(r, name, "workbook")
	if err != nil {
		return nil, err
	}
	s, err := readBIFF(data)
	if err != nil {
		return nil, &Error{File: name, Err: err}
	}
	return readGrid(name, s.name, s.rows, s.merges, forced)
}

// readGrid reads a sheet's cells. The header row is the first row, among
// the top ten, that names the text column; rows above it are titles and
// are skipped. Columns typed in a legacy font are converted first, over
// the whole sheet (convertSheet), so headers and labels match after it.
//
// Merged cells: Excel keeps a merged range's value in its top-left cell
// only. Offices merge a column such as Lĩnh vực or Kỳ họp down over the rows
// of one group, so a range spanning several data rows has its value filled
// down the rows of its first column. A range spanning rows of the id or
// text column is refused, because it is not clear whether the rows are one
// petition or several; so is a range joining the header to the data.
// Ranges within one row keep their value in the first column only.
func readGrid(name, sheet string, grid [][]string, merges []cellRange, forced string) (*Result, error) {
	sheetErr := func(cell string, row int, err error) *Error {
		return &Error{File: name, Sheet: sheet, Cell: cell, Line: row, Err: err}
	}
	conv, badCol, err := convertSheet(grid, forced)
	if err != nil {
		return nil, sheetErr(colLetter(badCol+1), 0, errorf("column %s: %w", colLetter(badCol+1), err))
	}
	var (
		h       headerMap
		hdrRow  int
		headers []string
		vm      map[int][]vmerge // by first row
		fill    = map[int]struct {
			until int
			val   string
		}{}
		firstRow int
	)
	v := &validator{lenientDates: true, serialDates: true}
	c := newCollector()
	for y, cells := range grid {
		n := y + 1
		if hdrRow == 0 {
			if blank(cells) {
				continue
			}
			if firstRow == 0 {
				firstRow = n
			}
			hm, dup, missing := mapHeader(cells)
			if len(missing) > 0 {
				if n-firstRow+1 >= headerSearchRows {
					return nil, sheetErr("", firstRow, errorf("no header row in the first %d rows names the column %s", headerSearchRows, colName(colText)))
				}
				continue
			}
			if dup >= 0 {
				return nil, sheetErr(cellName(dup+1, n), n, errorf("column %q appears twice in the header", strings.TrimSpace(cells[dup])))
			}
			h, hdrRow, headers = hm, n, cells
			if vm, err = checkMerges(merges, h, hdrRow); err != nil {
				var me *mergeError
				if errors.As(err, &me) {
					return nil, sheetErr(me.ref, 0, me.err)
				}
				return nil, sheetErr("", 0, err)
			}
			continue
		}
		// A row with nothing of its own is an empty row, even where a merged
		// range passes over it.
		empty := blank(cells)
		// fill merged ranges down their first column
		for _, m := range vm[n] {
			val := ""
			if m.x1-1 < len(cells) {
				val = cells[m.x1-1]
			}
			fill[m.x1] = struct {
				until int
				val   string
			}{m.y2, val}
		}
		for x, fv := range fill {
			if n > fv.until {
				delete(fill, x)
				continue
			}
			for len(cells) < x {
				cells = append(cells, "")
			}
			if cells[x-1] == "" {
				cells[x-1] = fv.val
			}
		}
		if empty {
			continue
		}
		var rec record
		for k, i := range h {
			if i >= 0 && i < len(cells) {
				rec[k] = cells[i]
			}
		}
		p, cerr := v.petition(&rec)
		if cerr != nil {
			x := h[cerr.col]
			if x < 0 {
				x = h[colText]
			}
			return nil, sheetErr(cellName(x+1, n), n, errorf("%s: %w", strings.TrimSpace(headers[x]), cerr.err))
		}
		if first := c.add(p, n); first > 0 {
			x := h[colID]
			if x < 0 {
				x = h[colText]
			}
			return nil, sheetErr(cellName(x+1, n), n, dupErr(p.ID, first, "row"))
		}
	}
	if firstRow == 0 {
		return nil, sheetErr("", 0, errorf("the sheet is empty"))
	}
	if hdrRow == 0 {
		return nil, sheetErr("", firstRow, errorf("no header row names the column %s", colName(colText)))
	}
	res := &Result{Petitions: c.ps, Duplicates: c.dups, file: name, sheet: sheet, lines: c.lines, h: h}
	for x := 0; x < len(headers); x++ {
		if e := conv[x]; e != nil {
			res.Converted = append(res.Converted, ColumnEncoding{Column: strings.TrimSpace(headers[x]), Encoding: e})
		}
	}
	return res, nil
}

// readAllLimited reads a whole workbook or document (what), up to MaxXLSX
// bytes: the readers of zip and compound files need all of it.
func readAllLimited(r io.Reader, name, what string) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxXLSX+1))
	if err != nil {
		return nil, &Error{File: name, Err: err}
	}
	if len(data) > MaxXLSX {
		return nil, &Error{File: name, Err: errorf("%s is over the %d MiB limit: %w", what, MaxXLSX>>20, ErrTooLarge)}
	}
	return data, nil
}

// colLetter is Excel's name of column x (1-based): A, B, …, AA.
func colLetter(x int) string {
	s, err := excelize.ColumnNumberToName(x)
	if err != nil {
		return "?"
	}
	return s
}

// mergeError names the merged range at fault.
type mergeError struct {
	ref string
	err error
}

func (e *mergeError) Error() string { return e.ref + ": " + e.err.Error() }

// checkMerges applies the merged-cell rules of readXLSX and returns the
// ranges to fill down, by first row.
func checkMerges(merges []cellRange, h headerMap, hdrRow int) (map[int][]vmerge, error) {
	out := make(map[int][]vmerge)
	var refs []vmerge
	for _, m := range merges {
		ref := cellName(m.x1, m.y1) + ":" + cellName(m.x2, m.y2)
		refs = append(refs, vmerge{ref, m.x1, m.y1, m.x2, m.y2})
	}
	sort.Slice(refs, func(i, j int) bool {
		return refs[i].y1 < refs[j].y1 || refs[i].y1 == refs[j].y1 && refs[i].x1 < refs[j].x1
	})
	for _, m := range refs {
		switch {
		case m.y2 <= hdrRow || m.y1 == m.y2:
			continue // titles, header cells, or within one row
		case m.y1 <= hdrRow:
			return nil, &mergeError{m.ref, errorf("merged cells join the header row %d to the data below; unmerge them", hdrRow)}
		}
		for _, k := range []col{colID, colText} {
			if x := h[k] + 1; x >= m.x1 && x <= m.x2 {
				return nil, &mergeError{m.ref, errorf("cells of column %s are merged across rows; unmerge them so each petition has its own", colName(k))}
			}
		}
		out[m.y1] = append(out[m.y1], m)
	}
	return out, nil
}

func cellName(x, y int) string {
	s, err := excelize.CoordinatesToCellName(x, y)
	if err != nil {
		return ""
	}
	return s
}
