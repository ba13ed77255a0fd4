package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"runtime"
	"slices"
	"unicode/utf8"

	"txct/store/model"
)

// jsonRow is one FORMAT.md line. Unknown keys are ignored; null counts as
// empty. WriteArchiveJSONL writes the same keys in this order.
type jsonRow struct {
	ID         *string `json:"id"`
	Text       *string `json:"text"`
	Field      *string `json:"field"`
	Authority  *string `json:"authority"`
	Location   *string `json:"location"`
	RaisedAt   *string `json:"raised_at"`
	Session    *string `json:"session"`
	Body       *string `json:"body"`
	AnsweredAt *string `json:"answered_at"`
	Ref        *string `json:"ref"`
	Response   *string `json:"response"`
	Status     *string `json:"status"`
	Source     *string `json:"source"`

	// What txct itself writes besides FORMAT.md's keys (`txct archive
	// export`), so an archive moves between laptops whole.
	Sitting string `json:"sitting,omitempty"`
	Group   string `json:"delegate_group,omitempty"`
	Voters  int    `json:"voters,omitempty"`
	Origin  string `json:"origin,omitempty"`
	// When the record entered the archive, and when its text last changed.
	ForwardedAt string          `json:"forwarded_at,omitempty"`
	EditedAt    string          `json:"edited_at,omitempty"`
	Variants    []model.Variant `json:"variants,omitempty"`
	Raises      []model.Raise   `json:"raises,omitempty"`
	// Records the clerk marked as the same demand.
	SameDemand []string `json:"same_demand,omitempty"`
}

// extend copies the keys beyond FORMAT.md onto p.
func (j *jsonRow) extend(p *model.Petition) error {
	if j.Voters < 0 {
		return errorf("voters: %d is negative", j.Voters)
	}
	p.Voters, p.Raises, p.Variants = j.Voters, j.Raises, j.Variants
	for _, s := range []struct {
		dst *string
		v   string
	}{{&p.Sitting, j.Sitting}, {&p.Group, j.Group}, {&p.Origin, j.Origin}} {
		v, err := checkValue(s.v)
		if err != nil {
			return err
		}
		*s.dst = v
	}
	for _, d := range []struct {
		dst *string
		key string
		v   string
	}{{&p.ForwardedAt, "forwarded_at", j.ForwardedAt}, {&p.EditedAt, "edited_at", j.EditedAt}} {
		if d.v != "" {
			if _, err := model.ParseDate(d.v); err != nil {
				return errorf("%s: %w", d.key, err)
			}
		}
		*d.dst = d.v
	}
	p.SameDemand = nil
	for i, id := range j.SameDemand {
		v, err := checkValue(id)
		if err != nil {
			return errorf("same_demand[%d]: %w", i, err)
		}
		if v != "" && v != p.ID && !slices.Contains(p.SameDemand, v) {
			p.SameDemand = append(p.SameDemand, v)
		}
	}
	for i := range p.Variants {
		v, err := checkValue(p.Variants[i].Text)
		if err != nil {
			return errorf("variants[%d]: %w", i, err)
		}
		p.Variants[i].Text = v
	}
	return nil
}

func (j *jsonRow) record() record {
	var rec record
	for i, p := range []*string{j.ID, j.Text, j.Field, j.Authority, j.Location, j.RaisedAt,
		j.Session, j.Body, j.AnsweredAt, j.Ref, j.Response, j.Status, j.Source} {
		if p != nil {
			rec[i] = *p
		}
	}
	return rec
}

// lineReader yields lines of at most MaxLine bytes, counting them. It
// refuses a longer line without holding it in memory.
type lineReader struct {
	br    *bufio.Reader
	line  int
	bytes int // consumed so far
	acc   []byte
}

// next returns the next line without its line ending; io.EOF at the end.
func (l *lineReader) next() ([]byte, error) {
	l.acc = l.acc[:0]
	for {
		frag, err := l.br.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			if len(l.acc)+len(frag) > MaxLine {
				l.line++
				return nil, errorf("line is over the %d-byte limit: %w", MaxLine, ErrTooLarge)
			}
			l.acc = append(l.acc, frag...)
			continue
		}
		if len(l.acc) > 0 {
			l.acc = append(l.acc, frag...)
			frag = l.acc
		}
		if len(frag) == 0 && err != nil {
			return nil, err
		}
		if err != nil && err != io.EOF {
			return nil, err
		}
		l.line++
		l.bytes += len(frag)
		if len(frag) > MaxLine {
			return nil, errorf("line is over the %d-byte limit: %w", MaxLine, ErrTooLarge)
		}
		frag = bytes.TrimSuffix(frag, []byte("\n"))
		return bytes.TrimSuffix(frag, []byte("\r")), nil
	}
}

// readJSONL reads the FORMAT.md archive format: one object per line, blank
// lines skipped. Lines are decoded on every core, a batch at a time, and
// checked and collected in file order, so the first bad line is the one
// reported, as a one-by-one read would.
func readJSONL(br *bufio.Reader, name string, size int64) (*Result, error) {
	quit := make(chan struct{})
	defer close(quit)
	batches := decodeJSONL(br, quit)
	v := &validator{}
	c := newCollector()
	var read int64
	for bt := range batches {
		<-bt.done
		for i := range bt.rows {
			r := &bt.rows[i]
			read += int64(r.size) + 1
			if r.err != nil {
				return nil, lineErr(name, r.line, r.err)
			}
			if r.blank {
				continue
			}
			rec := r.row.record()
			p, cerr := v.petition(&rec)
			if cerr != nil {
				return nil, &Error{File: name, Line: r.line, Path: colKeys[cerr.col], Err: cerr.err}
			}
			if err := r.row.extend(&p); err != nil {
				return nil, lineErr(name, r.line, err)
			}
			if first := c.add(p, r.line); first > 0 {
				return nil, &Error{File: name, Line: r.line, Path: "id", Err: dupErr(p.ID, first, "line")}
			}
			c.estimate(read, size)
		}
		if bt.err != nil {
			return nil, lineErr(name, bt.errLine, bt.err)
		}
	}
	return &Result{Petitions: c.ps, Encoding: "UTF-8", Duplicates: c.dups, file: name, lines: c.lines}, nil
}

// jsonLine is one line of a JSONL file, decoded.
type jsonLine struct {
	line, size int
	blank      bool
	row        jsonRow
	err        error
}

// jsonBatch is lines decoded together; done is closed once they are. err,
// at errLine, ends the file after them (a line too long, a read error).
type jsonBatch struct {
	rows    []jsonLine
	text    [][]byte
	done    chan struct{}
	err     error
	errLine int
}

// jsonBatchLines is how many lines a batch holds.
const jsonBatchLines = 256

// decodeJSONL reads br's lines into batches, in file order, and decodes
// them on all cores. It stops when quit is closed.
func decodeJSONL(br *bufio.Reader, quit <-chan struct{}) <-chan *jsonBatch {
	workers := runtime.GOMAXPROCS(0)
	ordered := make(chan *jsonBatch, 2*workers)
	work := make(chan *jsonBatch, 2*workers)
	for range workers {
		go func() {
			for bt := range work {
				for i := range bt.rows {
					decodeJSONLine(&bt.rows[i], bt.text[i])
				}
				bt.text = nil
				close(bt.done)
			}
		}()
	}
	go func() {
		defer close(ordered)
		defer close(work)
		lr := &lineReader{br: br}
		for {
			bt := &jsonBatch{done: make(chan struct{})}
			for len(bt.rows) < jsonBatchLines {
				b, err := lr.next()
				if err == io.EOF {
					break
				}
				if err != nil {
					bt.err, bt.errLine = err, lr.line
					break
				}
				bt.rows = append(bt.rows, jsonLine{line: lr.line, size: len(b)})
				bt.text = append(bt.text, bytes.Clone(b))
			}
			if len(bt.rows) == 0 && bt.err == nil {
				return
			}
			select {
			case ordered <- bt:
			case <-quit:
				return
			}
			select {
			case work <- bt:
			case <-quit:
				return
			}
			if bt.err != nil || len(bt.rows) < jsonBatchLines {
				return
			}
		}
	}()
	return ordered
}

// decodeJSONLine checks one line and decodes its object.
func decodeJSONLine(r *jsonLine, b []byte) {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0:
		r.blank = true
	case bytes.IndexByte(b, 0) >= 0:
		r.err = ErrNUL
	case !utf8.Valid(b):
		r.err = ErrInvalidUTF8
	case b[0] == '[' && r.line == 1:
		r.err = errorf("a JSON array is not supported; write one object per line (JSONL): %w", ErrFormat)
	default:
		if err := json.Unmarshal(b, &r.row); err != nil {
			r.err = jsonErr(err)
		}
	}
}

// jsonErr rewrites encoding/json's messages into the terms of the format.
func jsonErr(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		if te.Field != "" {
			return errorf("%s: want a string, got a JSON %v", te.Field, kindErr(te.Value))
		}
		return errorf("want a JSON object, got a JSON %v", kindErr(te.Value))
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return errorf("invalid JSON at byte %d: %v", se.Offset, se)
	}
	return errorf("invalid JSON: %v", err)
}
