package ingest

import (
	"bufio"
	"bytes"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
)

// sampleSize is how much of a CSV file is looked at to tell its encoding.
const sampleSize = 64 << 10

// csvInput prepares a CSV stream: it drops a BOM, decodes UTF-16 (Excel's
// "Unicode Text") and legacy 8-bit Vietnamese encodings, and reports which
// encoding it found. UTF-8 is assumed when the first 64 KiB are valid UTF-8;
// invalid bytes after that are an error on their line, not a guess.
func csvInput(br *bufio.Reader, name string) (*bufio.Reader, string, error) {
	head, _ := br.Peek(3)
	switch {
	case bytes.HasPrefix(head, bom):
		_, _ = br.Discard(3)
		return br, "UTF-8", nil
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		return bufio.NewReaderSize(dec.Reader(br), 64<<10), "UTF-16", nil
	}
	sample, _ := br.Peek(sampleSize)
	valid := sample
	if len(sample) == sampleSize { // the sample may end inside a character
		if k := lastRuneStart(valid); k >= 0 && !utf8.FullRune(valid[k:]) {
			valid = valid[:k]
		}
	}
	if utf8.Valid(valid) {
		return br, "UTF-8", nil
	}
	enc, err := DetectEncoding(sample)
	if err != nil {
		line := 1 + bytes.Count(sample[:firstInvalid(sample)], []byte("\n"))
		return nil, "", lineErr(name, line, err)
	}
	return bufio.NewReaderSize(newDecodeReader(br, enc), 64<<10), enc.Name, nil
}

func lastRuneStart(b []byte) int {
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax; i-- {
		if utf8.RuneStart(b[i]) {
			return i
		}
	}
	return -1
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// sniffDelimiter picks ',', ';' or tab: whichever occurs most, outside
// quotes, in the header line. Excel in the vi-VN locale writes ';'.
func sniffDelimiter(br *bufio.Reader) byte {
	head, _ := br.Peek(sampleSize)
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	var n [3]int
	quoted := false
	for _, c := range head {
		switch c {
		case '"':
			quoted = !quoted
		case ',':
			if !quoted {
				n[0]++
			}
		case ';':
			if !quoted {
				n[1]++
			}
		case '\t':
			if !quoted {
				n[2]++
			}
		}
	}
	switch {
	case n[1] > n[0] && n[1] >= n[2]:
		return ';'
	case n[2] > n[0] && n[2] > n[1]:
		return '\t'
	}
	return ','
}

// csvReader reads RFC 4180 records: quoted fields may hold the delimiter,
// doubled quotes and line breaks; a quote inside an unquoted field is kept
// as a character. It counts physical lines so each record knows where it
// started, and refuses a record over MaxLine before holding more of it.
type csvReader struct {
	lr     lineReader
	delim  byte
	fields []string
	field  []byte
}

// next returns the next record and the line it starts on; io.EOF at the end.
func (r *csvReader) next() ([]string, int, error) {
	r.fields = r.fields[:0]
	r.field = r.field[:0]
	start := r.lr.line + 1
	size := 0
	inQuote, afterQuote := false, false
	for {
		l, err := r.lr.next()
		if err == io.EOF {
			if inQuote {
				return nil, start, errorf("quoted field is not closed before the end of the file")
			}
			if len(r.fields) == 0 {
				return nil, start, io.EOF
			}
			break
		}
		if err != nil {
			return nil, r.lr.line, err
		}
		if size += len(l) + 1; size > MaxLine {
			return nil, start, errorf("record is over the %d-byte limit: %w", MaxLine, ErrTooLarge)
		}
		if bytes.IndexByte(l, 0) >= 0 {
			return nil, r.lr.line, ErrNUL
		}
		if !utf8.Valid(l) {
			return nil, r.lr.line, ErrInvalidUTF8
		}
		if r.lr.line == start && len(l) == 0 {
			start++ // blank line between records
			continue
		}
		for i := 0; i < len(l); i++ {
			c := l[i]
			switch {
			case inQuote:
				j := bytes.IndexByte(l[i:], '"')
				if j < 0 {
					r.field = append(r.field, l[i:]...)
					i = len(l)
					break
				}
				r.field = append(r.field, l[i:i+j]...)
				i += j
				if i+1 < len(l) && l[i+1] == '"' {
					r.field = append(r.field, '"')
					i++
				} else {
					inQuote, afterQuote = false, true
				}
			case c == r.delim:
				r.fields = append(r.fields, string(r.field))
				r.field = r.field[:0]
				afterQuote = false
			case afterQuote:
				if c != ' ' && c != '\t' {
					return nil, r.lr.line, errorf("unexpected %q after a closing quote (a quote inside a quoted field must be doubled)", c)
				}
			case c == '"' && len(r.field) == 0:
				inQuote = true
			default:
				r.field = append(r.field, c)
			}
		}
		if inQuote {
			r.field = append(r.field, '\n') // a line break inside quotes
			continue
		}
		break
	}
	r.fields = append(r.fields, string(r.field))
	return r.fields, start, nil
}

// blank reports whether every field is empty (Excel writes ";;;;" for
// empty rows below the data).
func blank(fields []string) bool {
	for _, f := range fields {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// readCSV reads a CSV archive: a header row naming the columns, then one
// petition per record.
func readCSV(br *bufio.Reader, name string, size int64) (*Result, error) {
	br, enc, err := csvInput(br, name)
	if err != nil {
		return nil, err
	}
	r := &csvReader{lr: lineReader{br: br}, delim: sniffDelimiter(br)}
	var (
		h       headerMap
		headers []string
		width   int
		haveHdr bool
	)
	v := &validator{lenientDates: true}
	c := newCollector()
	for {
		fields, line, err := r.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, lineErr(name, line, err)
		}
		if blank(fields) {
			continue
		}
		if !haveHdr {
			var dup int
			var missing []col
			h, dup, missing = mapHeader(fields)
			if dup >= 0 {
				return nil, lineErr(name, line, errorf("column %q appears twice in the header", strings.TrimSpace(fields[dup])))
			}
			if len(missing) > 0 {
				return nil, lineErr(name, line, errorf("the header has no column %s (found: %s)", colName(missing[0]), strings.Join(trimAll(fields), ", ")))
			}
			headers = append([]string(nil), fields...)
			width, haveHdr = len(fields), true
			continue
		}
		if len(fields) != width {
			return nil, lineErr(name, line, errorf("row has %d columns, the header has %d", len(fields), width))
		}
		var rec record
		for k, i := range h {
			if i >= 0 {
				rec[k] = fields[i]
			}
		}
		p, cerr := v.petition(&rec)
		if cerr != nil {
			return nil, &Error{File: name, Line: line, Column: strings.TrimSpace(headers[h[cerr.col]]), Err: cerr.err}
		}
		if first := c.add(p, line); first > 0 {
			return nil, lineErr(name, line, dupErr(p.ID, first, "line"))
		}
		c.estimate(int64(r.lr.bytes), size)
	}
	if !haveHdr {
		return nil, lineErr(name, 1, errorf("the file is empty: want a header row and rows"))
	}
	return &Result{Petitions: c.ps, Encoding: enc, Duplicates: c.dups}, nil
}

func trimAll(ss []string) []string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			if rs := []rune(s); len(rs) > 40 {
				s = string(rs[:40]) + "…"
			}
			out = append(out, s)
		}
	}
	return out
}
