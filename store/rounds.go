package store

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	bolt "go.etcd.io/bbolt"

	"txct/store/match"
	"txct/store/model"
)

// A round (đợt TXCT) is the sessions one delegate group holds before or
// after one sitting: sessions with the same delegate group and the same
// sitting, compared folded (case, marks and spacing do not count).

// RoundKey is the folded "group | sitting" identity of a session's round.
func RoundKey(s model.Session) string {
	return strings.Join(strings.Fields(match.Fold(s.DelegateGroup)), " ") + " | " + SittingKey(s.Sitting)
}

// SittingKey is the folded identity of a sitting.
func SittingKey(sitting string) string { return strings.Join(strings.Fields(match.Fold(sitting)), " ") }

// RoundSessions are the sessions of id's round, earliest first.
func (s *Store) RoundSessions(id uint64) ([]model.Session, error) {
	one, err := s.Session(id)
	if err != nil {
		return nil, err
	}
	key := RoundKey(one)
	return s.sessionsWhere(func(x model.Session) bool { return RoundKey(x) == key })
}

// SittingSessions are the sessions of every delegate group held for the
// sitting, earliest first.
func (s *Store) SittingSessions(sitting string) ([]model.Session, error) {
	key := SittingKey(sitting)
	if key == "" {
		return nil, model.Errorf("no sitting named")
	}
	return s.sessionsWhere(func(x model.Session) bool { return SittingKey(x.Sitting) == key })
}

func (s *Store) sessionsWhere(keep func(model.Session) bool) ([]model.Session, error) {
	all, err := s.Sessions()
	if err != nil {
		return nil, err
	}
	var out []model.Session
	for _, x := range all {
		if keep(x.Session) {
			out = append(out, x.Session)
		}
	}
	slices.SortStableFunc(out, func(a, b model.Session) int {
		if c := strings.Compare(a.Date, b.Date); c != 0 {
			return c
		}
		if c := strings.Compare(a.Start, b.Start); c != 0 {
			return c
		}
		return int(int64(a.ID) - int64(b.ID))
	})
	return out, nil
}

// RoundSnapshot gathers several sessions as one snapshot for a round or
// sitting report: the first session's fields, the remarks of all in
// session order, the petitions their repeats cite, and each session with
// its remark count in Points. A remark the clerk marked as the same demand
// as a remark of another of these sessions joins that remark's merge group
// (MergedInto), so the report shows it once, "n lượt cử tri tại m điểm".
func (s *Store) RoundSnapshot(sessions []model.Session) (model.Snapshot, error) {
	var snap model.Snapshot
	if len(sessions) == 0 {
		return snap, model.Errorf("no sessions")
	}
	snap.Session, snap.Petitions = sessions[0], map[string]model.Petition{}
	in := map[uint64]bool{}
	for _, x := range sessions {
		one, err := s.Snapshot(x.ID)
		if err != nil {
			return snap, err
		}
		for id, p := range one.Petitions {
			snap.Petitions[id] = p
		}
		for id, e := range one.Edited {
			if snap.Edited == nil {
				snap.Edited = map[uint64]model.Edit{}
			}
			snap.Edited[id] = e
		}
		for _, r := range one.Remarks {
			in[r.ID] = true
		}
		snap.Remarks = append(snap.Remarks, one.Remarks...)
		snap.Points = append(snap.Points, model.Point{Session: one.Session, Remarks: len(one.Remarks)})
	}
	// lead is where a remark's own group went: its lead, or the remark of
	// another session its lead was marked the same demand as.
	lead := map[uint64]uint64{}
	for _, r := range snap.Remarks {
		if r.MergedInto == 0 && r.SameAs != 0 && in[r.SameAs] {
			lead[r.ID] = r.SameAs
		}
	}
	root := func(id uint64) uint64 {
		for n := 0; n < 8; n++ {
			next, ok := lead[id]
			if !ok {
				break
			}
			id = next
		}
		return id
	}
	for i := range snap.Remarks {
		r := &snap.Remarks[i]
		own := r.ID
		if r.MergedInto != 0 {
			own = r.MergedInto
		}
		if to := root(own); to != own {
			if l := snap.Remarks[slices.IndexFunc(snap.Remarks, func(x model.Remark) bool { return x.ID == to })]; l.MergedInto != 0 {
				to = l.MergedInto
			}
			r.MergedInto = to
		}
	}
	return snap, nil
}

// SameDemand records that remark id (the lead of its merge group) makes the
// same demand as remark lead of another session of its round; lead 0
// clears it. The round report then shows the two as one item.
func (s *Store) SameDemand(id, lead uint64) error {
	return s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketRemarks)
		var r remarkRec
		if err := getJSON(b, u64(id), &r); err != nil {
			return fmt.Errorf("remark %d: %w", id, err)
		}
		if lead != 0 {
			var l remarkRec
			if err := getJSON(b, u64(lead), &l); err != nil {
				return fmt.Errorf("remark %d: %w", lead, err)
			}
			if l.RSession == r.RSession {
				return model.Errorf("remarks %d and %d are of the same session: merge them there", id, lead)
			}
			if l.RSameAs == id {
				return model.Errorf("remark %d is already marked the same demand as %d", lead, id)
			}
		}
		r.RSameAs = lead
		return putJSON(b, u64(id), r)
	})
}

// Suggestion is a pair of remarks of different sessions of a round that the
// repeat engine finds alike, for the clerk to confirm as the same demand.
type Suggestion struct {
	Remark, Lead   uint64 // Remark (later session) may join Lead (earlier)
	RemarkNo       int    // 1-based number in its session's minutes
	LeadNo         int
	Session, LeadS model.Session
	Score          float64
}

// RoundSuggestions lists, for each merge-group lead of a later session not
// yet marked, the most alike lead of an earlier session of the snapshot,
// when they are alike enough to be the same demand.
func RoundSuggestions(snap model.Snapshot) []Suggestion {
	type lead struct {
		r   model.Remark
		no  int
		ses model.Session
	}
	var leads []lead
	pos := 0
	for _, pt := range snap.Points {
		for i := 0; i < pt.Remarks; i++ {
			r := snap.Remarks[pos+i]
			if r.MergedInto == 0 && r.Forwardable() && strings.TrimSpace(r.Text) != "" {
				leads = append(leads, lead{r, i + 1, pt.Session})
			}
		}
		pos += pt.Remarks
	}
	// An index of the earlier points' leads finds each lead's likely
	// partners; only those are scored with Similar, the measure the capture
	// screen's merge offer uses, so a round of 600 remarks is checked in a
	// fraction of a second instead of comparing every pair. A point's leads
	// join the index once the point is checked: a lead never meets itself
	// or a remark of its own point, which would crowd out the others.
	ix := match.NewIndex()
	at := map[string]int{}
	var out []Suggestion
	for i := 0; i < len(leads); {
		end := i
		for end < len(leads) && leads[end].ses.ID == leads[i].ses.ID {
			end++
		}
		for _, a := range leads[i:end] {
			if a.r.SameAs != 0 || len(at) == 0 {
				continue
			}
			var best Suggestion
			for n, h := range ix.Check(a.r.Text, 12).Hits {
				if n == 3 {
					break
				}
				b := leads[at[h.ID]]
				if sc := match.Similar(a.r.Text, b.r.Text); sc >= MergeThreshold && sc > best.Score {
					best = Suggestion{Remark: a.r.ID, Lead: b.r.ID, RemarkNo: a.no, LeadNo: b.no, Session: a.ses, LeadS: b.ses, Score: sc}
				}
			}
			if best.Score > 0 {
				out = append(out, best)
			}
		}
		for j := i; j < end; j++ {
			key := strconv.FormatUint(leads[j].r.ID, 10)
			at[key] = j
			ix.Put(key, leads[j].r.Text, "")
		}
		i = end
	}
	return out
}
