package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"

	"txct/store/model"
)

// ReadBundle reads a txct-session/1 bundle strictly: every known key must
// have the right JSON type and a valid value, and errors name the key by its
// JSON path (0-based indexes: "remarks[3].field") or, for syntax errors, the
// line and column. Unknown keys are ignored, so later versions can add some.
// repeat_of ids are returned as given; whether they exist is the store's
// business.
//
// A byte order mark (Notepad's) is dropped, and UTF-16 with one is decoded.
func ReadBundle(r io.Reader, name string) (*Bundle, error) {
	tr, _ := TextInput(bufio.NewReader(r))
	data, err := io.ReadAll(io.LimitReader(tr, MaxBundle+1))
	if err != nil {
		return nil, &Error{File: name, Err: err}
	}
	if len(data) > MaxBundle {
		return nil, &Error{File: name, Err: errorf("bundle is over the %d MiB limit: %w", MaxBundle>>20, ErrTooLarge)}
	}
	top, err := parseDocument(data, name)
	if err != nil {
		return nil, err
	}
	root, err := asObject("", top)
	if err != nil {
		return nil, &Error{File: name, Err: err}
	}
	b, perr := decodeBundle(root)
	if perr != nil {
		return nil, &Error{File: name, Path: perr.path, Err: perr.err}
	}
	return b, nil
}

// parseDocument checks that data is exactly one JSON value, in valid UTF-8.
func parseDocument(data []byte, name string) (json.RawMessage, error) {
	pos := func(off int64) *Error {
		line, col := lineCol(data, off)
		return &Error{File: name, Line: line, Col: col}
	}
	if i := firstInvalid(data); i < len(data) {
		e := pos(int64(i))
		e.Err = ErrInvalidUTF8
		return nil, e
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	var top json.RawMessage
	if err := dec.Decode(&top); err != nil {
		var se *json.SyntaxError
		switch {
		case err == io.EOF:
			return nil, &Error{File: name, Err: errorf("the file is empty")}
		case err == io.ErrUnexpectedEOF:
			e := pos(int64(len(data)))
			e.Err = errorf("the file ends in the middle of the document (truncated?)")
			return nil, e
		case asSyntax(err, &se):
			e := pos(se.Offset - 1)
			e.Err = errorf("invalid JSON: %v", se)
			return nil, e
		}
		return nil, &Error{File: name, Err: errorf("invalid JSON: %v", err)}
	}
	off := dec.InputOffset()
	rest := data[off:]
	if trimmed := bytes.TrimLeft(rest, " \t\r\n"); len(trimmed) > 0 {
		e := pos(off + int64(len(rest)-len(trimmed)))
		e.Err = errorf("unexpected data after the end of the document")
		return nil, e
	}
	return top, nil
}

func asSyntax(err error, se **json.SyntaxError) bool {
	s, ok := err.(*json.SyntaxError)
	*se = s
	return ok
}

// lineCol turns a byte offset into a 1-based line and column (in runes).
func lineCol(data []byte, off int64) (int, int) {
	if off < 0 {
		off = 0
	}
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	before := data[:off]
	line := 1 + bytes.Count(before, []byte("\n"))
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, 1 + len([]rune(string(before[start:])))
}

// pathError is a problem at a JSON path.
type pathError struct {
	path string
	err  error
}

func decodeBundle(root obj) (*Bundle, *pathError) {
	format, err := root.str("format", true)
	if err != nil {
		return nil, err
	}
	if format != BundleFormat {
		return nil, &pathError{"format", errorf("want %q, got %q", BundleFormat, format)}
	}
	so, err := root.object("session", true)
	if err != nil {
		return nil, err
	}
	b := &Bundle{}
	if err := decodeSession(so, &b.Session); err != nil {
		return nil, err
	}
	items, err := root.array("remarks")
	if err != nil {
		return nil, err
	}
	b.Remarks = make([]model.Remark, len(items))
	b.MergedInto = make([]int, len(items))
	for i, raw := range items {
		path := "remarks[" + itoa(i) + "]"
		ro, err := asObject(path, raw)
		if err != nil {
			return nil, &pathError{path, err}
		}
		if perr := decodeRemark(ro, &b.Remarks[i], &b.MergedInto[i]); perr != nil {
			return nil, perr
		}
	}
	if b.SameDemand, err = decodeClusters(root); err != nil {
		return nil, err
	}
	for i, m := range b.MergedInto {
		path := "remarks[" + itoa(i) + "].merged_into"
		switch {
		case m < 0 || m > len(b.Remarks):
			return nil, &pathError{path, errorf("%d is out of range: want 0 (none) or a remark number from 1 to %d", m, len(b.Remarks))}
		case m == i+1:
			return nil, &pathError{path, errorf("%d is the remark itself", m)}
		case m > 0 && b.MergedInto[m-1] != 0:
			return nil, &pathError{path, errorf("remark %d is itself merged into remark %d; point to the lead remark", m, b.MergedInto[m-1])}
		}
	}
	return b, nil
}

// decodeClusters reads the optional "same_demand": lists of two or more
// petition ids.
func decodeClusters(root obj) ([][]string, *pathError) {
	items, perr := root.array("same_demand")
	if perr != nil || items == nil {
		return nil, perr
	}
	out := make([][]string, len(items))
	for i, raw := range items {
		path := "same_demand[" + itoa(i) + "]"
		var ids []string
		if json.Unmarshal(raw, &ids) != nil || len(ids) < 2 {
			return nil, &pathError{path, errorf("want a list of two or more petition ids")}
		}
		for k, id := range ids {
			v, err := checkValue(id)
			if err == nil && v == "" {
				err = errorf("is empty")
			}
			if err != nil {
				return nil, &pathError{path + "[" + itoa(k) + "]", err}
			}
			ids[k] = v
		}
		out[i] = ids
	}
	return out, nil
}

func decodeSession(o obj, s *model.Session) *pathError {
	var err *pathError
	str := func(key string, dst *string, required bool) {
		if err == nil {
			*dst, err = o.str(key, required)
		}
	}
	strs := func(key string, dst *[]string) {
		if err == nil {
			*dst, err = o.strings(key)
		}
	}
	num := func(key string, dst *int) {
		if err == nil {
			*dst, err = o.int(key)
		}
	}
	var kind string
	str("uid", &s.UID, false)
	str("title", &s.Title, true)
	str("kind", &kind, true)
	str("sitting", &s.Sitting, false)
	str("date", &s.Date, true)
	str("start", &s.Start, false)
	str("end", &s.End, false)
	str("place", &s.Place, false)
	str("locality", &s.Locality, false)
	str("organiser", &s.Organiser, false)
	str("parent_body", &s.ParentBody, false)
	str("delegate_group", &s.DelegateGroup, false)
	strs("delegates", &s.Delegates)
	strs("guests", &s.Guests)
	str("chair", &s.Chair, false)
	str("chair_title", &s.ChairTitle, false)
	str("secretary", &s.Secretary, false)
	num("voters", &s.Voters)
	num("speakers", &s.Speakers)
	strs("recipients", &s.Recipients)
	if err != nil {
		return err
	}
	if err := decodeIssuers(o, &s.Issuers); err != nil {
		return err
	}
	s.Kind = model.Kind(kind)
	notes, perr := o.array("notes")
	if perr != nil {
		return perr
	}
	s.Notes = make([]model.Note, 0, len(notes))
	for i, raw := range notes {
		path := o.path + ".notes[" + itoa(i) + "]"
		no, e := asObject(path, raw)
		if e != nil {
			return &pathError{path, e}
		}
		sec, perr := no.str("section", true)
		if perr != nil {
			return perr
		}
		text, perr := no.str("text", false)
		if perr != nil {
			return perr
		}
		s.Notes = append(s.Notes, model.Note{Section: model.Section(sec), Text: text})
	}
	// The session's rules live in Validate; the reader only adds the JSON
	// path to the first problem.
	var fes model.FieldErrors
	if errors.As(s.Validate(), &fes) {
		return &pathError{o.path + "." + fes[0].Field, fes[0].Err}
	}
	return nil
}

func decodeRemark(o obj, r *model.Remark, merged *int) *pathError {
	var err *pathError
	str := func(key string, dst *string, required bool) {
		if err == nil {
			*dst, err = o.str(key, required)
		}
	}
	var typ, field, auth string
	str("voter", &r.Voter, false)
	str("address", &r.Address, false)
	str("text", &r.Text, true)
	str("type", &typ, false)
	str("field", &field, false)
	str("authority", &auth, false)
	str("location", &r.Location, false)
	str("archive_id", &r.ArchiveID, false)
	if err == nil {
		r.Promoted, err = o.bool("promoted")
	}
	if err == nil {
		r.RepeatOf, err = o.strings("repeat_of")
	}
	if err == nil {
		r.Dismissed, err = o.strings("dismissed")
	}
	if err == nil {
		*merged, err = o.int("merged_into")
	}
	if err == nil {
		r.Pressing, err = o.bool("pressing")
	}
	if err != nil {
		return err
	}
	at := func(key string, e error) *pathError { return &pathError{o.path + "." + key, e} }
	if strings.TrimSpace(r.Text) == "" {
		return at("text", errorf("is empty"))
	}
	r.Type = model.RemarkType(typ)
	if r.Type != "" && r.Type != model.TypeOpinion && r.Type != model.TypePetition {
		return at("type", errorf("%q is not one of y_kien, kien_nghi", typ))
	}
	v := &validator{}
	var e error
	if r.Field, e = lookup(v, field, fieldIndex, model.Fields); e != nil {
		return at("field", e)
	}
	if r.Authority, e = lookup(v, auth, authIndex, model.AllAuthorities); e != nil {
		return at("authority", e)
	}
	for i, id := range r.RepeatOf {
		if strings.TrimSpace(id) == "" {
			return at("repeat_of["+itoa(i)+"]", errorf("is empty"))
		}
	}
	ao, present, perr := o.optObject("answer")
	if perr != nil {
		return perr
	}
	if present {
		r.Answer = &model.Answer{}
		if r.Answer.By, perr = ao.str("by", false); perr != nil {
			return perr
		}
		if r.Answer.Text, perr = ao.str("text", false); perr != nil {
			return perr
		}
	}
	return nil
}

// decodeIssuers reads the optional "issuers" object: "minutes" and
// "report", each with parent, body, code, signer (strings) and capacity,
// recipients (arrays of strings).
func decodeIssuers(o obj, p *model.Profile) *pathError {
	io, ok, err := o.optObject("issuers")
	if err != nil || !ok {
		return err
	}
	for _, doc := range []struct {
		key string
		dst *model.Issuer
	}{{"minutes", &p.Minutes}, {"report", &p.Report}} {
		d, ok, err := io.optObject(doc.key)
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		for _, f := range []struct {
			key string
			dst *string
		}{{"parent", &doc.dst.Parent}, {"body", &doc.dst.Body}, {"code", &doc.dst.Code}, {"signer", &doc.dst.Signer}} {
			if *f.dst, err = d.str(f.key, false); err != nil {
				return err
			}
		}
		if doc.dst.Capacity, err = d.strings("capacity"); err != nil {
			return err
		}
		if doc.dst.Recipients, err = d.strings("recipients"); err != nil {
			return err
		}
	}
	return nil
}
