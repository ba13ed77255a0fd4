package store

import (
	"slices"
	"strings"

	bolt "go.etcd.io/bbolt"

	"txct/store/model"
)

// ArchiveFilter selects petitions for `txct archive export`. Empty lists
// and an empty date select everything.
type ArchiveFilter struct {
	Statuses    []model.Status
	Authorities []model.Authority
	Since       string // YYYY-MM-DD: raised on or after
}

func (f ArchiveFilter) keep(p *model.Petition) bool {
	return (len(f.Statuses) == 0 || slices.Contains(f.Statuses, p.Status)) &&
		(len(f.Authorities) == 0 || slices.Contains(f.Authorities, p.Authority)) &&
		(f.Since == "" || p.RaisedAt >= f.Since)
}

// SelectPetitions returns the petitions f selects, grouped as the tracking
// sheet lists them: by competent level, then field in report order, then
// date raised and id. Each carries the records marked as its same demand.
func (s *Store) SelectPetitions(f ArchiveFilter) ([]model.Petition, error) {
	var out []model.Petition
	err := s.Petitions(func(p model.Petition) error {
		if f.keep(&p) {
			out = append(out, p)
		}
		return nil
	})
	slices.SortStableFunc(out, func(a, b model.Petition) int {
		if c := a.Authority.Index() - b.Authority.Index(); c != 0 {
			return c
		}
		if c := fieldOrder(a.Field) - fieldOrder(b.Field); c != 0 {
			return c
		}
		if c := strings.Compare(a.RaisedAt, b.RaisedAt); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	if err != nil {
		return nil, err
	}
	err = s.view(func(tx *bolt.Tx) error {
		for i := range out {
			out[i].SameDemand = sameDemandOf(tx, out[i].ID)
		}
		return nil
	})
	return out, err
}

func fieldOrder(f model.Field) int {
	if i := f.Index(); i >= 0 {
		return i
	}
	return len(model.Fields)
}

// AnswerResult says what an answers import changed.
type AnswerResult struct {
	Answered  int     // records whose answer (text, body, number or date) changed
	Statuses  int     // records whose status changed
	Unchanged int     // rows that changed nothing
	Warnings  []error // petition text edits that were ignored, one per row
}

// ApplyAnswers records the answers of a filled-in tracking sheet, all in one
// transaction: every row names an archived petition by id, and its answer,
// answering body, document number, answer date and status replace the
// record's (an empty cell leaves the record's value). A row whose status is
// empty but that brings an answer to a forwarded petition marks it
// answered. The petition's own columns are the archive's business: a row
// whose text differs gets a warning and the text stays. at places an error
// or warning at row i's column key. An unknown id fails the whole import.
func (s *Store) ApplyAnswers(rows []model.Petition, at func(i int, key string, err error) error) (AnswerResult, error) {
	var res AnswerResult
	err := s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketPetitions)
		for i, row := range rows {
			var p model.Petition
			if err := getJSON(b, []byte(row.ID), &p); err != nil {
				return at(i, "id", model.Errorf("no petition %q in the archive; nothing was imported", row.ID))
			}
			if row.Text != p.Text {
				res.Warnings = append(res.Warnings, at(i, "text", model.Errorf("differs from the archive's text; the change is ignored (edit petitions in txct)")))
			}
			old := p
			for _, f := range []struct{ dst, v *string }{{&p.Response, &row.Response}, {&p.Body, &row.Body}, {&p.Ref, &row.Ref}, {&p.AnsweredAt, &row.AnsweredAt}} {
				if *f.v != "" {
					*f.dst = *f.v
				}
			}
			switch {
			case row.Status != "":
				p.Status = row.Status
			case p.Status == model.StatusForwarded && p.Response != old.Response:
				p.Status = model.StatusAnswered
			}
			answered := p.Response != old.Response || p.Body != old.Body || p.Ref != old.Ref || p.AnsweredAt != old.AnsweredAt
			switch {
			case answered:
				res.Answered++
			case p.Status == old.Status:
				res.Unchanged++
				continue
			}
			if p.Status != old.Status {
				res.Statuses++
			}
			// Text and location are untouched: the repeat index stays as it is.
			if err := putJSON(b, []byte(p.ID), p); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return AnswerResult{}, err
	}
	return res, nil
}

// mergePetition is what an import does with a petition already on record:
// the incoming record, with the raises and variants of both, and the
// record's answer kept when it is the newer one (an archive from another
// laptop may not have heard of an answer yet).
func mergePetition(old, in model.Petition) model.Petition {
	out := in
	out.Raises = slices.Clone(old.Raises)
	for _, r := range in.Raises {
		if !slices.ContainsFunc(out.Raises, func(x model.Raise) bool { return sameRaise(x, r) }) {
			out.Raises = append(out.Raises, r)
		}
	}
	out.Variants = slices.Clone(old.Variants)
	for _, v := range in.Variants {
		if i := slices.IndexFunc(out.Variants, func(x model.Variant) bool { return x.Ref == v.Ref }); i >= 0 {
			out.Variants[i] = v
		} else {
			out.Variants = append(out.Variants, v)
		}
	}
	// The first day on record and the latest edit.
	if out.ForwardedAt == "" || old.ForwardedAt != "" && old.ForwardedAt < out.ForwardedAt {
		out.ForwardedAt = old.ForwardedAt
	}
	out.EditedAt = max(out.EditedAt, old.EditedAt)
	// An incoming answer without a date is taken as a correction.
	if hasAnswer(old) && (!hasAnswer(in) || in.AnsweredAt != "" && old.AnsweredAt > in.AnsweredAt) {
		out.Response, out.Body, out.Ref, out.AnsweredAt, out.Status = old.Response, old.Body, old.Ref, old.AnsweredAt, old.Status
	}
	return out
}

func sameRaise(a, b model.Raise) bool {
	if a.Ref != "" || b.Ref != "" {
		return a.Ref == b.Ref
	}
	return a.Date == b.Date && a.Session == b.Session
}

// hasAnswer reports whether an answer came for p.
func hasAnswer(p model.Petition) bool {
	return p.Response != "" || p.AnsweredAt != "" || p.Ref != "" ||
		p.Status != "" && p.Status != model.StatusForwarded && p.Status != model.StatusUnresolved
}
