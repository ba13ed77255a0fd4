package ingest

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"

	"txct/store/model"
)

// Format is an archive file format.
type Format string

// Archive formats.
const (
	FormatAuto  Format = ""      // from the extension, then from the content
	FormatJSONL Format = "jsonl" // FORMAT.md: one JSON object per line
	FormatCSV   Format = "csv"   // comma, semicolon or tab separated, with a header row
	FormatXLSX  Format = "xlsx"  // the first sheet, with a header row
	FormatXLS   Format = "xls"   // Excel 97–2003 or 5/95: the first sheet, as XLSX
)

// Options tunes Read.
type Options struct {
	// Format forces a format; FormatAuto picks one from the name's extension
	// and, failing that, from the first bytes.
	Format Format
	// Encoding forces the text encoding of a CSV file: utf8, tcvn3, vni or
	// cp1258 (EncodingByKey); empty detects it.
	Encoding string
	// Size is the input's size in bytes, the total passed to Progress;
	// ReadFile fills it in. Zero when unknown.
	Size int64
	// Progress, when set, is called now and then with the bytes read so far
	// and Size, and once at the end, so the CLI can draw a progress bar.
	Progress func(done, total int64)
}

// Result is what Read found in a file.
type Result struct {
	// Petitions holds the rows in file order, validated, with ids.
	Petitions []model.Petition
	// Format is the format that was read.
	Format Format
	// Encoding names the text encoding of a CSV file: "UTF-8", "UTF-16" or
	// the legacy encoding it was converted from, such as "TCVN3 (ABC)".
	Encoding string
	// Duplicates counts rows dropped as identical copies of an earlier row.
	Duplicates int
	// Converted lists the spreadsheet columns whose text was in a legacy
	// font encoding (TCVN3 typed in .VnTime, VNI in VNI-Times) and was
	// converted, in column order.
	Converted []ColumnEncoding

	// Where each petition was read, for errors found after reading.
	file    string
	sheet   string
	lines   []int32
	h       headerMap
	headers []string
}

// ErrorAt is an error about the value of column key (a FORMAT.md name such
// as "id" or "text") of petition i of the result, placed as a reader places
// its own errors: the XLSX cell, the CSV line and column, the JSONL line
// and key.
func (r *Result) ErrorAt(i int, key string, err error) *Error {
	e := &Error{File: r.file, Err: err}
	if i < 0 || i >= len(r.lines) {
		return e
	}
	e.Line = int(r.lines[i])
	c := col(-1)
	for k := col(0); k < numCols; k++ {
		if colKeys[k] == key {
			c = k
		}
	}
	switch r.Format {
	case FormatXLSX:
		e.Sheet = r.sheet
		if c >= 0 && r.h[c] >= 0 {
			e.Cell = cellName(r.h[c]+1, e.Line)
		}
	case FormatCSV:
		if c >= 0 && r.h[c] >= 0 && r.h[c] < len(r.headers) {
			e.Column = strings.TrimSpace(r.headers[r.h[c]])
		}
	default:
		e.Path = key
	}
	return e
}

// ReadFile reads the archive file at path with opt, filling in opt.Size.
// Errors name the file by its base name.
func ReadFile(path string, opt Options) (*Result, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && opt.Size == 0 {
		opt.Size = st.Size()
	}
	return Read(f, filepath.Base(path), opt)
}

// Read reads an archive from r; name is the file name used for the format
// and in errors. Every error is an *Error naming the file.
func Read(r io.Reader, name string, opt Options) (*Result, error) {
	pr := &progressReader{r: r, total: opt.Size, fn: opt.Progress}
	br := bufio.NewReaderSize(pr, 64<<10)
	format, err := detectFormat(br, name, opt.Format)
	if err != nil {
		return nil, &Error{File: name, Err: err}
	}
	var res *Result
	switch format {
	case FormatJSONL:
		tr, _ := TextInput(br)
		res, err = readJSONL(tr, name, opt.Size)
	case FormatCSV:
		res, err = readCSV(br, name, opt.Size, opt.Encoding)
	case FormatXLSX:
		res, err = readXLSX(br, name, opt.Encoding)
	case FormatXLS:
		res, err = readXLS(br, name, opt.Encoding)
	}
	if err != nil {
		return nil, err
	}
	res.Format = format
	pr.done()
	return res, nil
}

// detectFormat picks the format: the forced one, else the extension, else
// the first bytes. A zip signature always means XLSX, and a .xlsx without one
// is refused with a hint.
func detectFormat(br *bufio.Reader, name string, forced Format) (Format, error) {
	head, _ := br.Peek(512)
	zip := bytes.HasPrefix(head, []byte("PK\x03\x04"))
	ole := bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0})
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case forced != FormatAuto:
		switch forced {
		case FormatJSONL, FormatCSV, FormatXLSX, FormatXLS:
			return forced, nil
		}
		return "", errorf("format %q is not one of jsonl, csv, xlsx, xls: %w", forced, ErrFormat)
	case ole:
		return FormatXLS, nil
	case zip:
		return FormatXLSX, nil
	case ext == ".xlsx" || ext == ".xlsm":
		return "", errorf("not an XLSX workbook (no zip signature): %w", ErrFormat)
	case ext == ".jsonl" || ext == ".ndjson" || ext == ".json":
		return FormatJSONL, nil
	case ext == ".csv" || ext == ".tsv" || ext == ".txt":
		return FormatCSV, nil
	}
	t := bytes.TrimLeft(bytes.TrimPrefix(head, bom), " \t\r\n")
	if len(t) > 0 && (t[0] == '{' || t[0] == '[') {
		return FormatJSONL, nil
	}
	return FormatCSV, nil
}

// bom is the UTF-8 byte order mark Excel puts before "CSV UTF-8" files.
var bom = []byte{0xEF, 0xBB, 0xBF}

// progressReader counts bytes and reports them every 256 KiB.
type progressReader struct {
	r      io.Reader
	n      int64
	last   int64
	total  int64
	fn     func(done, total int64)
	called bool
}

func (p *progressReader) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	p.n += int64(n)
	if p.fn != nil && (p.n-p.last >= 256<<10 || !p.called) {
		p.last, p.called = p.n, true
		p.fn(p.n, p.total)
	}
	return n, err
}

// done reports the end: everything read.
func (p *progressReader) done() {
	if p.fn != nil {
		t := p.total
		if t < p.n {
			t = p.n
		}
		p.fn(t, t)
	}
}
