package ingest

import (
	"bufio"
	"bytes"
	"io"
	"strings"
	"unicode/utf8"
)

// sampleSize is how much of a CSV file is looked at to tell its encoding.
const sampleSize = 64 << 10

// MaxLegacy is the largest CSV file in a legacy 8-bit encoding: its
// encoding is judged over the whole file, which is held in memory for that.
const MaxLegacy = 256 << 20

// csvInput prepares a CSV stream: it drops a BOM, decodes UTF-16 (Excel's
// "Unicode Text") and legacy 8-bit Vietnamese encodings, and reports which
// encoding it found (through enc, known once the stream is read, since a
// file may be ASCII for a long way before its first accented letter).
//
//   - forced, when not empty, names the encoding (--encoding): utf8, tcvn3,
//     vni or cp1258.
//   - A file whose first 64 KiB are valid UTF-8 with some accented letter is
//     UTF-8; invalid bytes after that are an error on their line.
//   - A file whose first 64 KiB are ASCII is read on; at its first byte
//     above ASCII the rest of it decides, as below.
//   - Otherwise the encoding is judged over the whole file (DetectEncoding).
func csvInput(br *bufio.Reader, name, forced string) (*bufio.Reader, *string, error) {
	enc := new(string)
	head, _ := br.Peek(3)
	if tr, name := TextInput(br); name != "UTF-8" || bytes.HasPrefix(head, bom) {
		*enc = name
		return tr, enc, nil
	}
	if forced != "" {
		k := strings.ToLower(strings.ReplaceAll(forced, "-", ""))
		if k == "utf8" {
			*enc = "UTF-8"
			return br, enc, nil
		}
		e, err := EncodingByKey(forced)
		if err != nil {
			return nil, nil, &Error{File: name, Err: err}
		}
		*enc = e.Name
		return bufio.NewReaderSize(newDecodeReader(br, e), 64<<10), enc, nil
	}
	sample, _ := br.Peek(sampleSize)
	valid := sample
	if len(sample) == sampleSize { // the sample may end inside a character
		if k := lastRuneStart(valid); k >= 0 && !utf8.FullRune(valid[k:]) {
			valid = valid[:k]
		}
	}
	if utf8.Valid(valid) {
		*enc = "UTF-8"
		if len(sample) == sampleSize && isASCII(sample) {
			return bufio.NewReaderSize(&lateReader{r: br, name: name, enc: enc}, 64<<10), enc, nil
		}
		return br, enc, nil
	}
	all, err := io.ReadAll(io.LimitReader(br, MaxLegacy+1))
	if err != nil {
		return nil, nil, &Error{File: name, Err: err}
	}
	if len(all) > MaxLegacy {
		return nil, nil, &Error{File: name, Err: errorf("not UTF-8, and over the %d MiB a file in a legacy encoding may have; save it as CSV UTF-8: %w", MaxLegacy>>20, ErrTooLarge)}
	}
	e, err := DetectEncoding(all)
	if err != nil {
		line := 1 + bytes.Count(all[:firstInvalid(all)], []byte("\n"))
		return nil, nil, lineErr(name, line, err)
	}
	*enc = e.Name
	return bufio.NewReaderSize(newDecodeReader(bytes.NewReader(all), e), 64<<10), enc, nil
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// lateReader passes ASCII through; at the first byte above ASCII it reads
// the rest of the stream and decides its encoding: UTF-8 if the rest is
// valid UTF-8, else the legacy encoding DetectEncoding finds, else an error
// naming the line.
type lateReader struct {
	r     io.Reader
	name  string
	enc   *string
	lines int // line breaks passed through
	rest  io.Reader
}

func (l *lateReader) Read(p []byte) (int, error) {
	if l.rest != nil {
		return l.rest.Read(p)
	}
	n, err := l.r.Read(p)
	for i, c := range p[:n] {
		if c >= 0x80 {
			l.lines += bytes.Count(p[:i], []byte("\n"))
			if derr := l.decide(p[i:n]); derr != nil {
				if i == 0 {
					return 0, derr
				}
			}
			return i, nil
		}
	}
	l.lines += bytes.Count(p[:n], []byte("\n"))
	return n, err
}

// decide reads the rest of the stream after the ASCII prefix (head is the
// part already read) and sets l.rest to its decoding, or to an error.
func (l *lateReader) decide(head []byte) error {
	rest := append([]byte(nil), head...)
	more, err := io.ReadAll(io.LimitReader(l.r, MaxLegacy+1))
	rest = append(rest, more...)
	switch {
	case err != nil:
	case len(rest) > MaxLegacy:
		err = errorf("over the %d MiB limit for telling the encoding: %w", MaxLegacy>>20, ErrTooLarge)
	case utf8.Valid(rest):
		l.rest = bytes.NewReader(rest)
		return nil
	default:
		var e *Encoding
		if e, err = DetectEncoding(rest); err == nil {
			*l.enc = e.Name
			l.rest = newDecodeReader(bytes.NewReader(rest), e)
			return nil
		}
		line := l.lines + 1 + bytes.Count(rest[:firstInvalid(rest)], []byte("\n"))
		err = errorf("not UTF-8 from line %d on (ASCII before it): %w", line, err)
	}
	l.rest = &errReader{err}
	return err
}

type errReader struct{ err error }

func (e *errReader) Read([]byte) (int, error) { return 0, e.err }

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
func readCSV(br *bufio.Reader, name string, size int64, forced string) (*Result, error) {
	br, enc, err := csvInput(br, name, forced)
	if err != nil {
		return nil, err
	}
	r := &csvReader{lr: lineReader{br: br}, delim: sniffDelimiter(br)}
	next := r.next
	var conv map[int]*Encoding
	if head, _ := br.Peek(sampleSize); (*enc == "UTF-8" || *enc == "UTF-16") && fontSuspect(head) {
		// Latin letters only: perhaps a sheet typed in .VnTime or
		// VNI-Times saved as CSV. Judge its columns as a whole first.
		if next, conv, err = fontColumns(r, name, forced); err != nil {
			return nil, err
		}
	}
	var (
		h       headerMap
		headers []string
		width   int
		haveHdr bool
	)
	v := &validator{lenientDates: true}
	c := newCollector()
	for {
		fields, line, err := next()
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
	res := &Result{Petitions: c.ps, Encoding: *enc, Duplicates: c.dups, file: name, lines: c.lines, h: h, headers: headers}
	for x := 0; x < len(headers); x++ {
		if e := conv[x]; e != nil {
			res.Converted = append(res.Converted, ColumnEncoding{Column: strings.TrimSpace(headers[x]), Encoding: e})
		}
	}
	return res, nil
}

// fontSuspect reports text whose letters above ASCII are all Windows-1252
// ones (ô, §, «, µ…): what a legacy font's bytes look like once saved as
// Unicode. Vietnamese typed in Unicode has letters beyond (ư, ơ, ạ, đ).
func fontSuspect(head []byte) bool {
	high := false
	for _, r := range string(head) {
		if r < 0x80 {
			continue
		}
		if _, ok := latin1252[r]; !ok {
			return false
		}
		high = true
	}
	return high
}

// fontColumns reads every record of r (up to MaxLegacy bytes), converts
// the columns typed in a legacy font (convertSheet) and returns a reader
// over the converted records.
func fontColumns(r *csvReader, name, forced string) (func() ([]string, int, error), map[int]*Encoding, error) {
	var recs [][]string
	var lines []int
	for {
		fields, line, err := r.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, lineErr(name, line, err)
		}
		if r.lr.bytes > MaxLegacy {
			return nil, nil, lineErr(name, line, errorf("over the %d MiB limit for judging columns typed in an old font: %w", MaxLegacy>>20, ErrTooLarge))
		}
		recs = append(recs, append([]string(nil), fields...))
		lines = append(lines, line)
	}
	conv, bad, err := convertSheet(recs, forced)
	if err != nil {
		return nil, nil, &Error{File: name, Err: errorf("column %d: %w", bad+1, err)}
	}
	i := 0
	next := func() ([]string, int, error) {
		if i == len(recs) {
			return nil, 0, io.EOF
		}
		i++
		return recs[i-1], lines[i-1], nil
	}
	return next, conv, nil
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
