package ingest

import (
	"bytes"
	"encoding/json"
	"io"
	"time"

	"txct/store/model"
)

// BundleFormat is the format tag of a session bundle; a reader refuses any
// other.
const BundleFormat = "txct-session/1"

// Bundle is one session and its remarks, as carried between laptops.
// Database ids do not travel: merges are positions in Remarks.
type Bundle struct {
	// Session has no ID, Created or Updated; its UID makes a re-import
	// update the same session.
	Session model.Session
	// Remarks in minutes order, with no ID, SessionID or MergedInto.
	Remarks []model.Remark
	// MergedInto holds, for each remark, the 1-based position in Remarks of
	// the lead remark of its merge group, or 0.
	MergedInto []int
	// SameDemand are the clusters of archive records marked as the same
	// demand that reach the session's petitions, each a list of ids.
	SameDemand [][]string
}

// wireRemark fixes the key order of a bundle's remark.
type wireRemark struct {
	Voter      string           `json:"voter"`
	Address    string           `json:"address"`
	Text       string           `json:"text"`
	Type       model.RemarkType `json:"type"`
	Field      model.Field      `json:"field"`
	Authority  model.Authority  `json:"authority"`
	Location   string           `json:"location,omitempty"`
	Answer     *model.Answer    `json:"answer,omitempty"`
	RepeatOf   []string         `json:"repeat_of"`
	Dismissed  []string         `json:"dismissed,omitempty"`
	MergedInto int              `json:"merged_into"`
	Pressing   bool             `json:"pressing"`
	Promoted   bool             `json:"promoted,omitempty"`
	ArchiveID  string           `json:"archive_id,omitempty"`
}

// wireBundle is a bundle as written. The session is model.Session's own
// JSON with the database's fields (id, times) zeroed, so they are left out.
type wireBundle struct {
	Format     string        `json:"format"`
	Session    model.Session `json:"session"`
	Remarks    []wireRemark  `json:"remarks"`
	SameDemand [][]string    `json:"same_demand,omitempty"`
}

// WriteBundle writes session s and its remarks as a txct-session/1 bundle:
// indented JSON with a fixed key order and no database ids or timestamps, so
// export → import → export gives the same bytes.
func WriteBundle(w io.Writer, s model.Session, remarks []model.Remark) error {
	b, err := NewBundle(s, remarks)
	if err != nil {
		return err
	}
	return b.Write(w)
}

// NewBundle is session s and its remarks as a bundle. A remark's MergedInto
// (a database id) becomes the 1-based position of that remark in remarks.
func NewBundle(s model.Session, remarks []model.Remark) (*Bundle, error) {
	pos := make(map[uint64]int, len(remarks))
	for i, r := range remarks {
		if r.ID != 0 {
			pos[r.ID] = i + 1
		}
	}
	b := &Bundle{Session: s, Remarks: remarks, MergedInto: make([]int, len(remarks))}
	for i, r := range remarks {
		if r.MergedInto == 0 {
			continue
		}
		p, ok := pos[r.MergedInto]
		if !ok {
			return nil, errorf("remark %d is merged into remark id %d, which is not in the session", i+1, r.MergedInto)
		}
		b.MergedInto[i] = p
	}
	return b, nil
}

// Write writes b as WriteBundle does, with b.MergedInto as the merges.
func (b *Bundle) Write(w io.Writer) error {
	s := b.Session
	s.ID, s.Created, s.Updated, s.ExportedAt = 0, time.Time{}, time.Time{}, time.Time{}
	s.Delegates = nonNil(s.Delegates)
	wb := wireBundle{Format: BundleFormat, Session: s, Remarks: make([]wireRemark, len(b.Remarks)), SameDemand: b.SameDemand}
	if wb.Session.Notes == nil {
		wb.Session.Notes = []model.Note{}
	}
	for i, r := range b.Remarks {
		m := 0
		if i < len(b.MergedInto) {
			m = b.MergedInto[i]
		}
		wb.Remarks[i] = wireRemark{
			Voter: r.Voter, Address: r.Address, Text: r.Text, Type: r.Type, Field: r.Field,
			Authority: r.Authority, Location: r.Location, Answer: r.Answer, RepeatOf: nonNil(r.RepeatOf),
			Dismissed: r.Dismissed, MergedInto: m, Pressing: r.Pressing, Promoted: r.Promoted, ArchiveID: r.ArchiveID,
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(wb); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
