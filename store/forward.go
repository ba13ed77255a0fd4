package store

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	bolt "go.etcd.io/bbolt"

	"txct/store/match"
	"txct/store/model"
)

// ForwardResult counts what forwarding a session did to the archive.
type ForwardResult struct {
	Added, Updated, Withdrawn, Repeats int
}

// ForwardSession puts the session's petitions into the archive, as the
// office forwards them to the competent bodies:
//
//   - every petition (and every opinion the clerk promoted) that is not a
//     confirmed repeat becomes one record with status "forwarded"; a merge
//     group becomes one record counting its voters, its other wordings kept
//     as variants;
//   - a confirmed repeat adds no record: the earlier record already counts
//     the raise (linkRepeats), and the remark's wording becomes a variant of
//     it that the repeat index matches too;
//   - forwarding again updates the same records (the remark keeps its
//     record's id), so a petition edited after it was forwarded is followed
//     by its record, and nothing is added twice. A record whose remark was
//     deleted, demoted or confirmed as a repeat is withdrawn while no answer
//     has come for it.
//
// Answers, statuses and raises already on a record are kept. The repeat
// index is updated in place, without a rebuild.
func (s *Store) ForwardSession(id uint64) (ForwardResult, error) {
	if s.autosave != nil {
		if err := s.autosave.Flush(); err != nil {
			return ForwardResult{}, err
		}
	}
	var res ForwardResult
	var changed []model.Petition
	var removed []string
	err := s.update(func(tx *bolt.Tx) error {
		var err error
		res, changed, removed, err = s.forward(tx, id)
		return err
	})
	if err != nil {
		return ForwardResult{}, err
	}
	if s.index != nil {
		s.index.apply(changed, removed)
	}
	return res, nil
}

// forward does ForwardSession's work inside tx and returns the records it
// wrote (with their variants) and the ids of the records it removed, for the
// index.
func (s *Store) forward(tx *bolt.Tx, id uint64) (res ForwardResult, changed []model.Petition, removed []string, err error) {
	sb, rb, pb := tx.Bucket(bucketSessions), tx.Bucket(bucketRemarks), tx.Bucket(bucketPetitions)
	var sess sessionRec
	if err := getJSON(sb, u64(id), &sess); err != nil {
		return res, nil, nil, fmt.Errorf("session %d: %w", id, err)
	}
	ids := unpackIDs(tx.Bucket(bucketOrder).Get(u64(id)))
	rems := make([]model.Remark, 0, len(ids))
	for _, rid := range ids {
		var r remarkRec
		if err := getJSON(rb, u64(rid), &r); err != nil {
			return res, nil, nil, fmt.Errorf("remark %d: %w", rid, err)
		}
		rems = append(rems, r.model())
	}
	members := map[uint64][]model.Remark{}
	for _, r := range rems {
		if r.MergedInto != 0 {
			members[r.MergedInto] = append(members[r.MergedInto], r)
		}
	}
	ref := func(r model.Remark) string { return fmt.Sprintf("%s/%d", sess.UID, r.ID) }
	touched := map[string]*model.Petition{}
	orig := map[string][]model.Variant{} // variants as they were, for the index
	load := func(pid string) *model.Petition {
		if p, ok := touched[pid]; ok {
			return p
		}
		var p model.Petition
		if getJSON(pb, []byte(pid), &p) != nil {
			return nil
		}
		touched[pid], orig[pid] = &p, slices.Clone(p.Variants)
		return &p
	}
	mine := func(v model.Variant) bool { return strings.HasPrefix(v.Ref, sess.UID+"/") }
	keep, varied := map[string]bool{}, map[string]bool{}
	var remarkUpdates []model.Remark
	for i, r := range rems {
		if r.MergedInto != 0 || strings.TrimSpace(r.Text) == "" || !r.Forwardable() {
			continue
		}
		group := append([]model.Remark{r}, members[r.ID]...)
		// joins gives the group's wordings to an earlier record, which
		// stands for the group: no record of its own.
		joins := func(pid string) bool {
			p := load(pid)
			if p == nil {
				return false
			}
			if !varied[p.ID] {
				p.Variants = slices.DeleteFunc(p.Variants, mine)
				varied[p.ID] = true
			}
			for _, g := range group {
				setVariant(p, ref(g), g.Text)
			}
			res.Repeats++
			return true
		}
		if len(r.RepeatOf) > 0 {
			// A confirmed repeat: the earlier record counts the raise.
			joins(r.RepeatOf[0])
			continue
		}
		// Marked the same demand as a remark of another point of the
		// round: that remark's record.
		if r.SameAs != 0 {
			var l remarkRec
			if getJSON(rb, u64(r.SameAs), &l) == nil && l.ArchiveID != "" && joins(l.ArchiveID) {
				continue
			}
		}
		var p *model.Petition
		pid := r.ArchiveID
		if pid != "" {
			p = load(pid)
			if p != nil && p.OriginSession() != "" && p.OriginSession() != sess.UID {
				// The id is taken by another session's petition (a remark
				// copied across, or two laptops' ids meeting): mint one.
				p, pid = nil, ""
			}
		}
		if p == nil {
			// A remark that comes in a bundle keeps the id the laptop gave
			// it, so the office's record and the laptop's are one.
			if pid == "" {
				var err error
				if pid, err = s.newArchiveID(tx, sess.Session); err != nil {
					return res, nil, nil, err
				}
			}
			p = &model.Petition{ID: pid, Status: model.StatusForwarded, Source: "txct", ForwardedAt: model.DayOf(time.Time{})}
			touched[pid] = p
			res.Added++
		} else {
			res.Updated++
			if p.Text != r.Text {
				// The remark was edited after its petition was forwarded:
				// the record follows, and remembers when.
				p.EditedAt = model.DayOf(r.Updated)
			}
		}
		p.Text, p.Field, p.Authority, p.Location = r.Text, r.Field, r.Authority, r.Location
		p.RaisedAt, p.Session, p.Sitting, p.Group = sess.Date, sess.Title, sess.Sitting, sess.DelegateGroup
		p.Voters = len(group)
		p.Origin = fmt.Sprintf("%s#%d", sess.UID, i+1)
		p.Variants = slices.DeleteFunc(p.Variants, mine)
		for _, g := range group[1:] {
			if g.Text != r.Text {
				setVariant(p, ref(g), g.Text)
			}
		}
		keep[p.ID] = true
		if r.ArchiveID != p.ID {
			r.ArchiveID = p.ID
			remarkUpdates = append(remarkUpdates, r)
		}
	}
	// Records this session made earlier and no longer stands behind.
	for _, pid := range sess.Forwarded {
		if keep[pid] {
			continue
		}
		p := load(pid)
		if p == nil {
			continue
		}
		if p.Status == model.StatusForwarded && p.Response == "" && len(p.Raises) == 0 {
			if err := pb.Delete([]byte(pid)); err != nil {
				return res, nil, nil, err
			}
			delete(touched, pid)
			removed = append(removed, pid)
			for _, v := range orig[pid] {
				removed = append(removed, variantKey(pid, v.Ref))
			}
			res.Withdrawn++
		}
	}
	// Wordings this session gave to records it no longer repeats.
	for _, pid := range sess.Varied {
		if p := load(pid); p != nil && !varied[pid] && !keep[pid] {
			p.Variants = slices.DeleteFunc(p.Variants, mine)
		}
	}
	for pid, p := range touched {
		for _, v := range orig[pid] {
			if !slices.ContainsFunc(p.Variants, func(n model.Variant) bool { return n.Ref == v.Ref }) {
				removed = append(removed, variantKey(pid, v.Ref))
			}
		}
	}
	for _, r := range remarkUpdates {
		if err := putJSON(rb, u64(r.ID), toRemarkRec(r)); err != nil {
			return res, nil, nil, err
		}
	}
	for _, p := range touched {
		if err := putJSON(pb, []byte(p.ID), p); err != nil {
			return res, nil, nil, err
		}
		changed = append(changed, *p)
	}
	sess.Forwarded = sess.Forwarded[:0]
	for pid := range keep {
		sess.Forwarded = append(sess.Forwarded, pid)
	}
	slices.Sort(sess.Forwarded)
	sess.Varied = sess.Varied[:0]
	for pid := range varied {
		sess.Varied = append(sess.Varied, pid)
	}
	slices.Sort(sess.Varied)
	if err := putJSON(sb, u64(id), sess); err != nil {
		return res, nil, nil, err
	}
	if len(changed) > 0 || len(removed) > 0 {
		if err := bumpArchiveGen(tx); err != nil {
			return res, nil, nil, err
		}
	}
	slices.SortFunc(changed, func(a, b model.Petition) int { return strings.Compare(a.ID, b.ID) })
	return res, changed, removed, nil
}

// setVariant records text as the wording ref gave to p, replacing what the
// same remark gave before; the record's own text is not repeated.
func setVariant(p *model.Petition, ref, text string) {
	p.Variants = slices.DeleteFunc(p.Variants, func(v model.Variant) bool { return v.Ref == ref })
	if strings.TrimSpace(text) == "" || text == p.Text {
		return
	}
	p.Variants = append(p.Variants, model.Variant{Ref: ref, Text: text})
}

// newArchiveID gives a forwarded petition its id: the year, the delegate
// group's code, the session's month and day, and a sequence number, e.g.
// "2026-T3-1120-04" (the fourth petition forwarded from group 3's session of
// 20 November 2026). The sequence is kept per prefix, so ids are never
// reused, even after a record is withdrawn.
func (s *Store) newArchiveID(tx *bolt.Tx, sess model.Session) (string, error) {
	date := strings.ReplaceAll(sess.Date, "-", "")
	if len(date) != 8 {
		return "", model.Errorf("session date %q is not YYYY-MM-DD", sess.Date)
	}
	prefix := date[:4] + "-" + GroupCode(sess.DelegateGroup) + "-" + date[4:]
	meta, pb := tx.Bucket(bucketMeta), tx.Bucket(bucketPetitions)
	key := []byte("archive_seq:" + prefix)
	n := fromU64(meta.Get(key))
	for {
		n++
		id := fmt.Sprintf("%s-%02d", prefix, n)
		if pb.Get([]byte(id)) == nil {
			return id, meta.Put(key, u64(n))
		}
	}
}

// GroupCode is the short code of a delegate group used in archive ids: "T"
// and the group's number when its name has one ("Tổ đại biểu HĐND tỉnh số 3"
// → "T3"), else the initials of its words in capitals ("Tổ đại biểu Tân
// Thành" → "TDBTT", at most six letters), else "TXCT".
func GroupCode(group string) string {
	f := match.Fold(group)
	var num string
	for _, w := range strings.FieldsFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if _, err := strconv.Atoi(w); err == nil {
			num = w
		}
	}
	if num != "" {
		if t := strings.TrimLeft(num, "0"); t != "" {
			num = t
		}
		return "T" + num
	}
	var b strings.Builder
	for _, w := range strings.Fields(f) {
		if r := []rune(w)[0]; r < unicode.MaxASCII && unicode.IsLetter(r) && b.Len() < 6 {
			b.WriteRune(unicode.ToUpper(r))
		}
	}
	if b.Len() == 0 {
		return "TXCT"
	}
	return b.String()
}
