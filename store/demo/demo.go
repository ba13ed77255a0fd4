// Package demo holds the demo data a new user is offered on first run
// (`txct demo` and the TUI's first-run offer): an archive of about fifty
// petitions from one invented commune, xã Tân Thành, tỉnh Đồng Nai (formed on
// 1 July 2025 from the former communes Tân Thành, Phú Hòa and Bình Lợi of the
// former huyện Xuân Tân), and one finished example session held there in
// November 2026 whose remarks repeat some of those petitions.
//
// The archive is embedded as archive.jsonl in the FORMAT.md layout (with the
// optional body, answered_at and ref columns). Every row is invented; none is
// taken from the evaluation packs. Ids are stable ("DEMO-001"…) and the
// example session has a fixed UID, so loading twice changes nothing.
package demo

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"txct/store"
	"txct/store/model"
)

//go:embed archive.jsonl
var archiveJSONL []byte

// SessionUID is the fixed identity of the example session. Load finds an
// existing example session by it instead of creating a second one.
const SessionUID = "demo-tan-thanh-2026-11"

// Petitions parses the embedded archive, validating every row: id present and
// unique, text present, field in model.Fields, a valid authority and status,
// dates in YYYY-MM-DD, and text in NFC.
func Petitions() ([]model.Petition, error) {
	return parse(archiveJSONL)
}

// parse reads FORMAT.md JSONL, one petition per line; blank lines are skipped
// and unknown keys are refused (the data is ours, so a typo is a bug).
func parse(data []byte) ([]model.Petition, error) {
	var out []model.Petition
	seen := map[string]int{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for line := 1; sc.Scan(); line++ {
		raw := bytes.TrimSpace(sc.Bytes())
		if len(raw) == 0 {
			continue
		}
		var p model.Petition
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&p); err != nil {
			return nil, fmt.Errorf("demo archive line %d: %w", line, err)
		}
		if _, err := dec.Token(); !errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("demo archive line %d: more than one JSON value", line)
		}
		if err := validate(p); err != nil {
			return nil, fmt.Errorf("demo archive line %d (%s): %w", line, p.ID, err)
		}
		if prev, ok := seen[p.ID]; ok {
			return nil, fmt.Errorf("demo archive line %d: id %q already on line %d", line, p.ID, prev)
		}
		seen[p.ID] = line
		out = append(out, p)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("demo archive: %w", err)
	}
	return out, nil
}

func validate(p model.Petition) error {
	switch {
	case strings.TrimSpace(p.ID) == "":
		return errors.New("id is empty")
	case strings.TrimSpace(p.Text) == "":
		return errors.New("text is empty")
	case !p.Field.Valid():
		return fmt.Errorf("field %q is not one of the 14 fields", p.Field)
	case !p.Authority.Valid():
		return fmt.Errorf("authority %q is not valid", p.Authority)
	case !p.Status.Valid():
		return fmt.Errorf("status %q is not valid", p.Status)
	}
	if _, err := model.ParseDate(p.RaisedAt); err != nil {
		return fmt.Errorf("raised_at: %w", err)
	}
	if p.AnsweredAt != "" {
		if _, err := model.ParseDate(p.AnsweredAt); err != nil {
			return fmt.Errorf("answered_at: %w", err)
		}
	}
	for _, s := range []string{p.Text, p.Location, p.Session, p.Body, p.Response} {
		if !norm.NFC.IsNormalString(s) {
			return fmt.Errorf("text is not NFC: %q", s)
		}
	}
	return nil
}

// Load adds the demo archive's petitions that are not on file yet (one
// transaction; a petition already on file, edited or not, is never
// overwritten) and creates the example session with its remarks. If a
// session with SessionUID already exists, its id is returned and nothing else
// is created. Every record it creates is marked as demo (store.DemoRows), so
// Remove takes them all away. now stamps the remarks' creation time.
func Load(db *store.Store, now time.Time) (sessionID uint64, err error) {
	ps, err := Petitions()
	if err != nil {
		return 0, err
	}
	if _, err := db.AddDemoPetitions(ps); err != nil {
		return 0, fmt.Errorf("demo archive: %w", err)
	}
	if id, ok := db.SessionByUID(SessionUID); ok {
		return id, nil
	}
	sess, err := db.CreateSession(Session())
	if err != nil {
		return 0, fmt.Errorf("demo session: %w", err)
	}
	if err := db.MarkDemoSession(sess.ID); err != nil {
		_ = db.DeleteSession(sess.ID)
		return 0, fmt.Errorf("demo session: %w", err)
	}
	defer func() {
		if err != nil {
			// Leave no half-made example behind: a later Load would find it by
			// its UID and stop there. Clearing the order first takes back the
			// raises the saved remarks added to the archive.
			_ = db.SetOrder(sess.ID, nil)
			_ = db.DeleteSession(sess.ID)
			sessionID = 0
		}
	}()
	ids := make([]uint64, 0, len(exampleRemarks))
	for i, er := range exampleRemarks {
		r := er.Remark
		r.SessionID = sess.ID
		r.Created = now
		if er.sameAs > 0 {
			r.MergedInto = ids[er.sameAs-1]
		}
		saved, err := db.SaveRemark(r)
		if err != nil {
			return 0, fmt.Errorf("demo remark %d: %w", i+1, err)
		}
		ids = append(ids, saved.ID)
	}
	return sess.ID, nil
}

// Remove deletes every record the demo created (sessions, their remarks and
// archive petitions) and nothing else.
func Remove(db *store.Store) (store.DemoRows, error) { return db.RemoveDemo() }

// HasRealData reports whether the database holds anything the demo did not
// create: then loading the demo must be confirmed first.
func HasRealData(db *store.Store) (bool, error) {
	d := db.DemoRows()
	ss, err := db.Sessions()
	if err != nil {
		return false, err
	}
	for _, s := range ss {
		if !slices.Contains(d.Sessions, s.ID) {
			return true, nil
		}
	}
	return db.ArchiveCount() > len(d.Petitions), nil
}
