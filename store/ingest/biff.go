package ingest

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"math"
	"strconv"
	"unicode/utf16"

	"github.com/richardlehane/mscfb"
	"golang.org/x/text/encoding/charmap"
)

// This file reads the cell values of Excel 97–2003 (BIFF8) and Excel 5/95
// (BIFF5) workbooks: the "Workbook" (or "Book") stream of the compound
// file, its shared strings, and the string, number and formula-result
// cells of the first sheet, with its merged ranges. Formatting, formulas
// themselves and charts are not read. The compound file is read with
// github.com/richardlehane/mscfb, which excelize already depends on.

// BIFF record types read here.
const (
	recFormula     = 0x0006
	recEOF         = 0x000A
	recFilePass    = 0x002F
	recContinue    = 0x003C
	recCodePage    = 0x0042
	recBoundSheet  = 0x0085
	recMulRK       = 0x00BD
	recRString     = 0x00D6
	recMergedCells = 0x00E5
	recSST         = 0x00FC
	recLabelSST    = 0x00FD
	recNumber      = 0x0203
	recLabel       = 0x0204
	recBoolErr     = 0x0205
	recString      = 0x0207
	recRK          = 0x027E
	recBOF         = 0x0809
)

// biffSheet is the first sheet of a workbook as a grid of cell texts.
type biffSheet struct {
	name   string
	rows   [][]string // rows[y][x], 0-based
	merges []cellRange
}

// cellRange is a merged range, 1-based and inclusive like Excel's A1:B2.
type cellRange struct{ x1, y1, x2, y2 int }

// biffRecord is one record with its CONTINUE records joined; bounds holds
// where each CONTINUE's data starts, since a string that crosses one
// restarts its flags byte there.
type biffRecord struct {
	typ    uint16
	data   []byte
	bounds []int
}

// readBIFF reads the first sheet of an .xls workbook.
func readBIFF(data []byte) (*biffSheet, error) {
	doc, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return nil, errorf("not a readable Excel 97–2003 workbook: %v: %w", err, ErrFormat)
	}
	var stream []byte
	for entry, err := doc.Next(); err == nil; entry, err = doc.Next() {
		if entry.Name == "Workbook" || entry.Name == "Book" && stream == nil {
			if entry.Size > MaxXLSX {
				return nil, errorf("workbook is over the %d MiB limit: %w", MaxXLSX>>20, ErrTooLarge)
			}
			stream = make([]byte, entry.Size)
			if _, err := io.ReadFull(entry, stream); err != nil {
				return nil, errorf("reading the workbook stream: %v: %w", err, ErrFormat)
			}
		}
	}
	if stream == nil {
		return nil, errorf("no workbook stream in this compound file (is it a Word document?): %w", ErrFormat)
	}
	return parseBIFF(stream)
}

// nextRecord reads the record at off and its CONTINUE records.
func nextRecord(b []byte, off int) (biffRecord, int, error) {
	if off+4 > len(b) {
		return biffRecord{}, off, io.EOF
	}
	typ := binary.LittleEndian.Uint16(b[off:])
	n := int(binary.LittleEndian.Uint16(b[off+2:]))
	off += 4
	if off+n > len(b) {
		return biffRecord{}, off, errorf("record %#04x runs past the end of the stream: %w", typ, ErrFormat)
	}
	r := biffRecord{typ: typ, data: b[off : off+n : off+n]}
	off += n
	for typ != recContinue && off+4 <= len(b) && binary.LittleEndian.Uint16(b[off:]) == recContinue {
		m := int(binary.LittleEndian.Uint16(b[off+2:]))
		if off+4+m > len(b) {
			return biffRecord{}, off, errorf("CONTINUE record runs past the end of the stream: %w", ErrFormat)
		}
		r.bounds = append(r.bounds, len(r.data))
		r.data = append(r.data, b[off+4:off+4+m]...)
		off += 4 + m
	}
	return r, off, nil
}

// parseBIFF walks the globals (code page, shared strings, sheet offsets)
// and then the first worksheet's substream.
func parseBIFF(b []byte) (*biffSheet, error) {
	r, _, err := nextRecord(b, 0)
	if err != nil || r.typ != recBOF || len(r.data) < 4 {
		return nil, errorf("the workbook stream does not start with a BIFF header: %w", ErrFormat)
	}
	version := binary.LittleEndian.Uint16(r.data)
	biff8 := version == 0x0600
	if !biff8 && version != 0x0500 {
		return nil, errorf("Excel format version %#04x is not read; save it as .xlsx: %w", version, ErrFormat)
	}
	p := &biffParser{biff8: biff8, cp: charmap.Windows1252}
	var sheetOff = -1
	var sheetName string
	off := 0
	for {
		var rec biffRecord
		rec, off, err = nextRecord(b, off)
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch rec.typ {
		case recFilePass:
			return nil, errorf("the workbook is password-protected; remove the password in Excel and save it again: %w", ErrFormat)
		case recCodePage:
			if len(rec.data) >= 2 {
				p.setCodePage(binary.LittleEndian.Uint16(rec.data))
			}
		case recSST:
			if err := p.readSST(rec); err != nil {
				return nil, err
			}
		case recBoundSheet:
			if len(rec.data) >= 8 && sheetOff < 0 && rec.data[5] == 0 { // the first worksheet
				sheetOff = int(binary.LittleEndian.Uint32(rec.data))
				name, _, _ := p.shortString(rec.data[6:], nil, 0)
				sheetName = name
			}
		case recEOF:
			off = len(b) // end of the globals
		}
	}
	if sheetOff < 0 || sheetOff >= len(b) {
		return nil, errorf("the workbook has no worksheet: %w", ErrFormat)
	}
	s := &biffSheet{name: sheetName}
	if err := p.readSheet(b, sheetOff, s); err != nil {
		return nil, err
	}
	return s, nil
}

type biffParser struct {
	biff8 bool
	cp    *charmap.Charmap
	sst   []string
}

// setCodePage picks the 8-bit code page of BIFF5 strings. Windows-1252
// stands in for the ones this does not know: TCVN3 and VNI text typed in
// Latin fonts is stored under it, and the legacy detection reads it back.
func (p *biffParser) setCodePage(cp uint16) {
	switch cp {
	case 1258:
		p.cp = charmap.Windows1258
	case 1250:
		p.cp = charmap.Windows1250
	case 1251:
		p.cp = charmap.Windows1251
	}
}

// bytes8 decodes 8-bit text: BIFF8 "compressed" strings are Latin-1, BIFF5
// strings are in the workbook's code page.
func (p *biffParser) bytes8(b []byte) string {
	if p.biff8 {
		rs := make([]rune, len(b))
		for i, c := range b {
			rs[i] = rune(c)
		}
		return string(rs)
	}
	s, _ := p.cp.NewDecoder().Bytes(b)
	return string(s)
}

// shortString reads a string with an 8-bit length (sheet names).
func (p *biffParser) shortString(b []byte, bounds []int, base int) (string, int, error) {
	if len(b) < 1 {
		return "", 0, errShort
	}
	return p.stringBody(b, 1, int(b[0]), bounds, base)
}

// longString reads a string with a 16-bit length (cells, shared strings).
func (p *biffParser) longString(b []byte, bounds []int, base int) (string, int, error) {
	if len(b) < 2 {
		return "", 0, errShort
	}
	return p.stringBody(b, 2, int(binary.LittleEndian.Uint16(b)), bounds, base)
}

var errShort = errors.New("record too short")

// stringBody reads n characters after a length of hdr bytes. In BIFF8 a
// flags byte follows: bit 0 is 16-bit characters, bit 2 a phonetic block,
// bit 3 rich-text runs. A string that crosses a CONTINUE boundary (bounds,
// as offsets from the record start; base is b's offset in the record)
// restarts with a new flags byte there.
func (p *biffParser) stringBody(b []byte, hdr, n int, bounds []int, base int) (string, int, error) {
	if !p.biff8 {
		if len(b) < hdr+n {
			return "", 0, errShort
		}
		return p.bytes8(b[hdr : hdr+n]), hdr + n, nil
	}
	i := hdr
	if len(b) < i+1 {
		return "", 0, errShort
	}
	flags := b[i]
	i++
	runs, ext := 0, 0
	if flags&0x08 != 0 {
		if len(b) < i+2 {
			return "", 0, errShort
		}
		runs = int(binary.LittleEndian.Uint16(b[i:]))
		i += 2
	}
	if flags&0x04 != 0 {
		if len(b) < i+4 {
			return "", 0, errShort
		}
		ext = int(binary.LittleEndian.Uint32(b[i:]))
		i += 4
	}
	wide := flags&0x01 != 0
	var u16 []uint16
	for got := 0; got < n; {
		// characters up to the next CONTINUE boundary
		end := len(b)
		for _, bd := range bounds {
			if bd-base > i {
				end = bd - base
				break
			}
		}
		for got < n && i < end {
			if wide {
				if i+2 > len(b) {
					return "", 0, errShort
				}
				u16 = append(u16, binary.LittleEndian.Uint16(b[i:]))
				i += 2
			} else {
				u16 = append(u16, uint16(b[i]))
				i++
			}
			got++
		}
		if got < n {
			if i >= len(b) {
				return "", 0, errShort
			}
			wide = b[i]&0x01 != 0 // the flags byte that starts the CONTINUE
			i++
		}
	}
	i += 4*runs + ext
	return string(utf16.Decode(u16)), i, nil
}

// readSST reads the shared string table.
func (p *biffParser) readSST(rec biffRecord) error {
	if len(rec.data) < 8 {
		return errorf("shared string table is too short: %w", ErrFormat)
	}
	n := int(binary.LittleEndian.Uint32(rec.data[4:]))
	if n > len(rec.data) {
		n = len(rec.data) // every string takes at least 3 bytes
	}
	p.sst = make([]string, 0, n)
	i := 8
	for len(p.sst) < n && i < len(rec.data) {
		s, k, err := p.longString(rec.data[i:], rec.bounds, i)
		if err != nil {
			return errorf("shared string %d is cut short: %w", len(p.sst)+1, ErrFormat)
		}
		p.sst = append(p.sst, s)
		i += k
	}
	return nil
}

// readSheet reads the cells of the worksheet substream at off.
func (p *biffParser) readSheet(b []byte, off int, s *biffSheet) error {
	set := func(row, col int, v string) {
		if row >= 1<<16 || col >= 1<<8 { // BIFF8's 65,536 rows by 256 columns
			return
		}
		for len(s.rows) <= row {
			s.rows = append(s.rows, nil)
		}
		r := s.rows[row]
		for len(r) <= col {
			r = append(r, "")
		}
		r[col] = v
		s.rows[row] = r
	}
	pendingRow, pendingCol := -1, -1 // a FORMULA whose string result follows
	first := true
	for {
		rec, next, err := nextRecord(b, off)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		off = next
		d := rec.data
		if first {
			first = false
			if rec.typ != recBOF {
				return errorf("the first sheet does not start where the workbook says: %w", ErrFormat)
			}
			continue
		}
		rc := func() (int, int, bool) {
			if len(d) < 6 {
				return 0, 0, false
			}
			return int(binary.LittleEndian.Uint16(d)), int(binary.LittleEndian.Uint16(d[2:])), true
		}
		switch rec.typ {
		case recEOF:
			return nil
		case recLabelSST:
			if row, col, ok := rc(); ok && len(d) >= 10 {
				if k := int(binary.LittleEndian.Uint32(d[6:])); k < len(p.sst) {
					set(row, col, p.sst[k])
				}
			}
		case recLabel, recRString:
			if row, col, ok := rc(); ok {
				if v, _, err := p.longString(d[6:], nil, 0); err == nil {
					set(row, col, v)
				}
			}
		case recNumber:
			if row, col, ok := rc(); ok && len(d) >= 14 {
				set(row, col, formatNumber(math.Float64frombits(binary.LittleEndian.Uint64(d[6:]))))
			}
		case recRK:
			if row, col, ok := rc(); ok && len(d) >= 10 {
				set(row, col, formatNumber(rkValue(binary.LittleEndian.Uint32(d[6:]))))
			}
		case recMulRK:
			if row, col, ok := rc(); ok {
				for i := 4; i+6 <= len(d)-2; i += 6 {
					set(row, col, formatNumber(rkValue(binary.LittleEndian.Uint32(d[i+2:]))))
					col++
				}
			}
		case recBoolErr:
			if row, col, ok := rc(); ok && len(d) >= 8 && d[7] == 0 {
				set(row, col, map[bool]string{true: "TRUE", false: "FALSE"}[d[6] != 0])
			}
		case recFormula:
			if row, col, ok := rc(); ok && len(d) >= 14 {
				res := d[6:14]
				if binary.LittleEndian.Uint16(res[6:]) != 0xFFFF {
					set(row, col, formatNumber(math.Float64frombits(binary.LittleEndian.Uint64(res))))
				} else if res[0] == 0 {
					pendingRow, pendingCol = row, col // a STRING record follows
				}
			}
		case recString:
			if pendingRow >= 0 {
				if v, _, err := p.longString(d, rec.bounds, 0); err == nil {
					set(pendingRow, pendingCol, v)
				}
				pendingRow, pendingCol = -1, -1
			}
		case recMergedCells:
			if len(d) >= 2 {
				n := int(binary.LittleEndian.Uint16(d))
				for i := 0; i < n && 2+8*i+8 <= len(d); i++ {
					e := d[2+8*i:]
					y1, y2 := int(binary.LittleEndian.Uint16(e)), int(binary.LittleEndian.Uint16(e[2:]))
					x1, x2 := int(binary.LittleEndian.Uint16(e[4:])), int(binary.LittleEndian.Uint16(e[6:]))
					s.merges = append(s.merges, cellRange{x1 + 1, y1 + 1, x2 + 1, y2 + 1})
				}
			}
		}
	}
}

// rkValue decodes an RK number: a 30-bit integer or the top of a double,
// optionally divided by 100.
func rkValue(rk uint32) float64 {
	var v float64
	if rk&0x02 != 0 {
		v = float64(int32(rk) >> 2)
	} else {
		v = math.Float64frombits(uint64(rk&0xFFFFFFFC) << 32)
	}
	if rk&0x01 != 0 {
		v /= 100
	}
	return v
}

// formatNumber writes a cell number the way XLSX raw values read: integers
// without a decimal point, others in the shortest form.
func formatNumber(f float64) string {
	return strconv.FormatFloat(f, 'f', -1, 64)
}
