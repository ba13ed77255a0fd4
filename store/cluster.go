package store

import (
	"bytes"
	"fmt"
	"slices"

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
		return fmt.Errorf("petition %q: cannot be marked the same as itself", a)
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
