package store

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	bolt "go.etcd.io/bbolt"

	"txct/store/model"
)

// Petition returns one archived petition.
func (s *Store) Petition(id string) (model.Petition, error) {
	var p model.Petition
	err := s.view(func(tx *bolt.Tx) error { return getJSON(tx.Bucket(bucketPetitions), []byte(id), &p) })
	if err != nil {
		return p, fmt.Errorf("petition %q: %w", id, err)
	}
	return p, nil
}

// ArchiveCount is the number of archived petitions. With the index loaded
// it is the index's count; otherwise it walks the bucket's pages, which at
// 100,000 petitions maps most of the file into memory.
func (s *Store) ArchiveCount() int {
	if s.IndexReady() {
		s.index.mu.RLock()
		defer s.index.mu.RUnlock()
		return s.index.ix.Len() - s.index.variants
	}
	n := 0
	_ = s.view(func(tx *bolt.Tx) error {
		n = tx.Bucket(bucketPetitions).Stats().KeyN
		return nil
	})
	return n
}

// HasArchive reports whether any petition is archived (one page read).
func (s *Store) HasArchive() bool {
	has := false
	_ = s.view(func(tx *bolt.Tx) error {
		k, _ := tx.Bucket(bucketPetitions).Cursor().First()
		has = k != nil
		return nil
	})
	return has
}

// Petitions calls fn for every archived petition, in id order.
func (s *Store) Petitions(fn func(model.Petition) error) error {
	return s.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketPetitions).ForEach(func(k, v []byte) error {
			var p model.Petition
			if err := json.Unmarshal(v, &p); err != nil {
				return fmt.Errorf("%w: petition %q: %v", ErrCorrupt, k, err)
			}
			return fn(p)
		})
	})
}

// ImportResult counts what an import did.
type ImportResult struct {
	Added, Updated int
}

// PutPetitions writes a whole file's petitions in one transaction: all rows or
// none. An id already on record is updated in place (mergePetition): its
// raises and variants are kept, and so is its answer when it is newer. A
// petition's SameDemand joins it to those records' cluster (joinClusters).
func (s *Store) PutPetitions(ps []model.Petition) (ImportResult, error) {
	var res ImportResult
	wasEmpty := false
	err := s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketPetitions)
		k, _ := b.Cursor().First()
		wasEmpty = k == nil
		if wasEmpty {
			// A first import writes its rows in id order (below): full
			// pages make a smaller file and a smaller commit.
			b.FillPercent = bulkFill
		}
		// Rows are written in id order: bbolt splits pages only at commit,
		// so rows put in any other order each move half of one huge page
		// (an XLSX of 100,000 rows in another order took 5 s more). Rows
		// with the same id keep their order.
		order := make([]int, len(ps))
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int { return strings.Compare(ps[a].ID, ps[b].ID) })
		for _, i := range order {
			p := &ps[i]
			if p.ID == "" {
				return fmt.Errorf("petition %d has no id", i+1)
			}
			var old model.Petition
			if err := getJSON(b, []byte(p.ID), &old); err == nil {
				res.Updated++
				*p = mergePetition(old, *p)
			} else {
				res.Added++
			}
			if err := putJSON(b, []byte(p.ID), p); err != nil {
				return err
			}
		}
		if err := joinClusters(tx, sameDemandSets(ps)); err != nil {
			return err
		}
		return bumpArchiveGen(tx)
	})
	if err != nil {
		return ImportResult{}, err
	}
	if s.index != nil {
		if wasEmpty && len(ps) >= buildFromBatch {
			s.index.build(ps)
		} else {
			s.index.put(ps...)
		}
	}
	return res, nil
}

// buildFromBatch is the size from which the first import into an empty
// archive builds the repeat index from the rows in hand: reading them back
// from the file would cost the time and the memory a second time. The build
// runs after the write, not beside it: both at once hold about half as
// much memory again.
const buildFromBatch = 5000

// bulkFill is how full a first import fills the archive's pages (bbolt's
// default is half: room for inserts in the middle, which a first import
// does not make).
const bulkFill = 0.9

// UpdatePetition stores an edited petition (answer, status…).
func (s *Store) UpdatePetition(p model.Petition) error {
	textChanged := false
	err := s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketPetitions)
		var old model.Petition
		if err := getJSON(b, []byte(p.ID), &old); err != nil {
			return fmt.Errorf("petition %q: %w", p.ID, err)
		}
		if old.Text != p.Text || old.Location != p.Location {
			textChanged = true
			if err := bumpArchiveGen(tx); err != nil {
				return err
			}
		}
		return putJSON(b, []byte(p.ID), p)
	})
	if err == nil && s.index != nil && textChanged {
		s.index.put(p)
	}
	return err
}

// linkRepeats keeps the petitions' raise lists in step with a remark's
// confirmed repeats: each confirmed repeat adds one raise, tagged with the
// remark, and un-confirming it takes the raise away.
func (s *Store) linkRepeats(tx *bolt.Tx, old, cur []string, r model.Remark) error {
	if slices.Equal(old, cur) {
		return nil
	}
	var sess model.Session
	if err := getJSON(tx.Bucket(bucketSessions), u64(r.SessionID), &sess); err != nil {
		return err
	}
	ref := fmt.Sprintf("%s/%d", sess.UID, r.ID)
	b := tx.Bucket(bucketPetitions)
	touch := func(id string, add bool) error {
		var p model.Petition
		if err := getJSON(b, []byte(id), &p); err != nil {
			return nil // unknown petition: the link is kept as text on the remark
		}
		p.Raises = slices.DeleteFunc(p.Raises, func(x model.Raise) bool { return x.Ref == ref })
		if add {
			p.Raises = append(p.Raises, model.Raise{Date: sess.Date, Session: sess.Title, Ref: ref})
		}
		// The index holds only text and location, so a raise leaves it be.
		return putJSON(b, []byte(id), p)
	}
	for _, id := range old {
		if !slices.Contains(cur, id) {
			if err := touch(id, false); err != nil {
				return err
			}
		}
	}
	for _, id := range cur {
		if !slices.Contains(old, id) {
			if err := touch(id, true); err != nil {
				return err
			}
		}
	}
	return nil
}

// DemoOffered reports whether the first-run demo offer was already made.
func (s *Store) DemoOffered() (bool, error) {
	var v []byte
	err := s.view(func(tx *bolt.Tx) error {
		v = tx.Bucket(bucketMeta).Get(keyDemoOffered)
		return nil
	})
	return v != nil, err
}

// SetDemoOffered records that the demo was offered, so it is asked once.
func (s *Store) SetDemoOffered() error {
	return s.update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Put(keyDemoOffered, []byte("1"))
	})
}

// DeadlineRule returns the stored deadline rule, or the default of five
// calendar days when none was set. A stored rule that cannot be read is an
// error, returned with the default so the caller may carry on.
func (s *Store) DeadlineRule() (model.DeadlineRule, error) {
	r := model.DefaultDeadline
	err := s.view(func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketMeta).Get(keyDeadline)
		if v == nil {
			return nil
		}
		if err := json.Unmarshal(v, &r); err != nil {
			r = model.DefaultDeadline
			return fmt.Errorf("the stored deadline rule is unreadable (set it again with txct deadline): %w", err)
		}
		return nil
	})
	return r, err
}

// SetDeadlineRule stores the province's deadline rule.
func (s *Store) SetDeadlineRule(r model.DeadlineRule) error {
	if r.Days < 1 || r.Days > 60 {
		return model.Errorf("deadline of %d days is out of range (1–60)", r.Days)
	}
	for _, d := range r.DaysOff {
		if _, err := model.ParseDate(d); err != nil {
			return fmt.Errorf("day off: %w", err)
		}
	}
	return s.update(func(tx *bolt.Tx) error { return putJSON(tx.Bucket(bucketMeta), keyDeadline, r) })
}

// bumpArchiveGen marks the persisted index as stale.
func bumpArchiveGen(tx *bolt.Tx) error {
	meta := tx.Bucket(bucketMeta)
	return meta.Put(keyArchiveGen, u64(fromU64(meta.Get(keyArchiveGen))+1))
}

// DeletePetition removes a petition from the archive and the repeat index
// and returns it as it was, so the caller can offer to undo (PutPetitions
// puts it back whole).
func (s *Store) DeletePetition(id string) (model.Petition, error) {
	var p model.Petition
	err := s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketPetitions)
		if err := getJSON(b, []byte(id), &p); err != nil {
			return fmt.Errorf("petition %q: %w", id, err)
		}
		if err := b.Delete([]byte(id)); err != nil {
			return err
		}
		return bumpArchiveGen(tx)
	})
	if err != nil {
		return p, err
	}
	if s.index != nil {
		keys := []string{id}
		for _, v := range p.Variants {
			keys = append(keys, variantKey(id, v.Ref))
		}
		s.index.apply(nil, keys)
	}
	return p, nil
}

// sameDemandSets are the clusters an archive file's petitions name: each
// petition with the records it says are the same demand.
func sameDemandSets(ps []model.Petition) [][]string {
	var sets [][]string
	for i := range ps {
		if len(ps[i].SameDemand) > 0 {
			sets = append(sets, append([]string{ps[i].ID}, ps[i].SameDemand...))
		}
	}
	return sets
}
