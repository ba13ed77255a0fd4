package store

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	bolt "go.etcd.io/bbolt"

	"txct/store/model"
)

// Clusters: archive records the clerk marked as the same demand. Each member
// maps to its cluster's id (the smallest member id), and the cluster lists
// its members under "<cluster id>\x00<member id>", so a cursor seek reads a
// whole cluster in id order. The buckets are made on first mark, so files
// from before they existed still open. setCluster is the one write path.
var (
	bucketClusterOf      = []byte("cluster_of")      // petition id → cluster id
	bucketClusterMembers = []byte("cluster_members") // cluster id \x00 petition id → empty
)

// Cluster returns the ids of the records marked as the same demand as id,
// id included, in id order; nil when id stands alone.
func (s *Store) Cluster(id string) ([]string, error) {
	var out []string
	err := s.view(func(tx *bolt.Tx) error {
		out = clusterOf(tx, id)
		return nil
	})
	return out, err
}

// MarkSameDemand marks archive records a and b as the same demand, joining
// their clusters. Both must be on record.
func (s *Store) MarkSameDemand(a, b string) error {
	if a == b {
		return model.Errorf("petition %q: cannot be marked the same as itself", a)
	}
	return s.update(func(tx *bolt.Tx) error {
		ps := tx.Bucket(bucketPetitions)
		for _, id := range []string{a, b} {
			if ps.Get([]byte(id)) == nil {
				return fmt.Errorf("petition %q: %w", id, ErrNotFound)
			}
		}
		members := append(orSelf(clusterOf(tx, a), a), orSelf(clusterOf(tx, b), b)...)
		slices.Sort(members)
		return setCluster(tx, slices.Compact(members))
	})
}

// UnmarkSameDemand takes id out of its cluster and returns the cluster's
// members as they were (nil when id stood alone), so the caller can undo
// with SetSameDemand.
func (s *Store) UnmarkSameDemand(id string) ([]string, error) {
	var was []string
	err := s.update(func(tx *bolt.Tx) error {
		was = clusterOf(tx, id)
		if was == nil {
			return nil
		}
		if err := setCluster(tx, []string{id}); err != nil {
			return err
		}
		return setCluster(tx, slices.DeleteFunc(slices.Clone(was), func(x string) bool { return x == id }))
	})
	return was, err
}

// SetSameDemand makes ids one cluster again (the undo of UnmarkSameDemand),
// joining any clusters they are in now.
func (s *Store) SetSameDemand(ids []string) error {
	return s.update(func(tx *bolt.Tx) error {
		var members []string
		for _, id := range ids {
			if tx.Bucket(bucketPetitions).Get([]byte(id)) == nil {
				continue // deleted meanwhile
			}
			members = append(members, orSelf(clusterOf(tx, id), id)...)
		}
		slices.Sort(members)
		return setCluster(tx, slices.Compact(members))
	})
}

func orSelf(ids []string, id string) []string {
	if ids == nil {
		return []string{id}
	}
	return ids
}

// clusterOf reads id's cluster, nil when it has none.
func clusterOf(tx *bolt.Tx, id string) []string {
	of, mem := tx.Bucket(bucketClusterOf), tx.Bucket(bucketClusterMembers)
	if of == nil || mem == nil {
		return nil
	}
	cid := of.Get([]byte(id))
	if cid == nil {
		return nil
	}
	prefix := append(slices.Clone(cid), 0)
	var out []string
	c := mem.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		out = append(out, string(k[len(prefix):]))
	}
	return out
}

// setCluster makes members (sorted, distinct) one cluster, first dropping
// every cluster any of them was in; fewer than two members is no cluster.
func setCluster(tx *bolt.Tx, members []string) error {
	of, err := tx.CreateBucketIfNotExists(bucketClusterOf)
	if err != nil {
		return err
	}
	mem, err := tx.CreateBucketIfNotExists(bucketClusterMembers)
	if err != nil {
		return err
	}
	for _, id := range members {
		cid := of.Get([]byte(id))
		if cid == nil {
			continue
		}
		for _, old := range clusterOf(tx, id) {
			if err := of.Delete([]byte(old)); err != nil {
				return err
			}
			if err := mem.Delete(memberKey(string(cid), old)); err != nil {
				return err
			}
		}
	}
	if len(members) < 2 {
		return nil
	}
	cid := members[0]
	for _, id := range members {
		if err := of.Put([]byte(id), []byte(cid)); err != nil {
			return err
		}
		if err := mem.Put(memberKey(cid, id), nil); err != nil {
			return err
		}
	}
	return nil
}

func memberKey(cid, id string) []byte { return []byte(cid + "\x00" + id) }

// clusteredPetition is the petition id as reports and the review cite it:
// the other records of its cluster are folded in as earlier or later
// raisings, so "first raised" is the cluster's earliest and "times raised"
// counts every record. A member's own raising keeps the session it came
// from in Ref ("<session uid>/"), so a session never counts as its own
// history.
func (s *Store) clusteredPetition(id string) (model.Petition, error) {
	var p model.Petition
	err := s.view(func(tx *bolt.Tx) error {
		ps := tx.Bucket(bucketPetitions)
		if err := getJSON(ps, []byte(id), &p); err != nil {
			return fmt.Errorf("petition %q: %w", id, err)
		}
		p = foldCluster(tx, p)
		return nil
	})
	return p, err
}

// foldCluster is p with the other records of its cluster folded in.
func foldCluster(tx *bolt.Tx, p model.Petition) model.Petition {
	ps := tx.Bucket(bucketPetitions)
	for _, mid := range clusterOf(tx, p.ID) {
		if mid == p.ID {
			continue
		}
		var m model.Petition
		if getJSON(ps, []byte(mid), &m) != nil {
			continue // deleted; an undo brings it back into the cluster
		}
		p = model.FoldSameDemand(p, m)
	}
	return p
}

// sameDemandOf is the other records of id's cluster that are on record, in
// id order: what an archive file says the record is the same demand as.
func sameDemandOf(tx *bolt.Tx, id string) []string {
	ps := tx.Bucket(bucketPetitions)
	var out []string
	for _, m := range clusterOf(tx, id) {
		if m != id && ps.Get([]byte(m)) != nil {
			out = append(out, m)
		}
	}
	return out
}

// joinClusters makes each set of ids one cluster, joined with the clusters
// its ids are already in here: clusters from another laptop's file are
// added to this database's, never taken away. An id not on record yet is
// kept (a bundle's petition is on record once the session is forwarded).
func joinClusters(tx *bolt.Tx, sets [][]string) error {
	for _, set := range sets {
		var members []string
		for _, id := range set {
			if id != "" {
				members = append(members, orSelf(clusterOf(tx, id), id)...)
			}
		}
		slices.Sort(members)
		if members = slices.Compact(members); len(members) < 2 {
			continue
		}
		if err := setCluster(tx, members); err != nil {
			return err
		}
	}
	return nil
}

// SessionClusters are the clusters that reach the records session id
// forwarded or repeats, each in id order and listing the members on
// record: what the session's bundle carries so that the office sees the
// same demand the laptop's clerk marked.
func (s *Store) SessionClusters(id uint64) ([][]string, error) {
	var out [][]string
	err := s.view(func(tx *bolt.Tx) error {
		var sess sessionRec
		if err := getJSON(tx.Bucket(bucketSessions), u64(id), &sess); err != nil {
			return fmt.Errorf("session %d: %w", id, err)
		}
		ids := slices.Clone(sess.Forwarded)
		rb := tx.Bucket(bucketRemarks)
		for _, rid := range unpackIDs(tx.Bucket(bucketOrder).Get(u64(id))) {
			var r remarkRec
			if err := getJSON(rb, u64(rid), &r); err != nil {
				return fmt.Errorf("remark %d: %w", rid, err)
			}
			if r.ArchiveID != "" {
				ids = append(ids, r.ArchiveID)
			}
			ids = append(ids, r.RepeatOf...)
		}
		seen := map[string]bool{}
		for _, pid := range ids {
			if seen[pid] {
				continue
			}
			var c []string
			for _, m := range clusterOf(tx, pid) {
				seen[m] = true
				if tx.Bucket(bucketPetitions).Get([]byte(m)) != nil {
					c = append(c, m)
				}
			}
			if len(c) >= 2 {
				out = append(out, c)
			}
		}
		return nil
	})
	slices.SortFunc(out, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
	return out, err
}
