package store

import (
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"txct/store/match"
	"txct/store/model"
)

// CheckKind is one kind of thing to look at before a session's documents
// are exported.
type CheckKind string

// What the pre-export check lists. The TUI's export dialog and `txct export`
// both show this one list.
const (
	CheckNoText       CheckKind = "no_text"       // the remark has no text
	CheckNoVoter      CheckKind = "no_voter"      // nobody is named as the speaker
	CheckGuessedField CheckKind = "guessed_field" // the field is the app's guess (or unset)
	CheckGuessedLevel CheckKind = "guessed_level" // the level is the app's guess (or unset)
	CheckOpenRepeat   CheckKind = "open_repeat"   // flagged as a repeat, neither confirmed nor dismissed
	CheckDuplicate    CheckKind = "duplicate"     // makes the same demand as an earlier remark, not merged
	CheckNoDiacritics CheckKind = "no_diacritics" // typed without Vietnamese marks
	CheckUnknownRef   CheckKind = "unknown_ref"   // a confirmed repeat cites a petition not in the archive (left out of the documents)
)

// CheckItem is one thing to look at: which remark (1-based position and id)
// and, for a repeat or a duplicate, what it is like (petition id, or the
// position of the earlier remark).
type CheckItem struct {
	Kind     CheckKind `json:"kind"`
	Remark   int       `json:"remark"`
	RemarkID uint64    `json:"-"`
	Ref      string    `json:"ref,omitempty"`
}

// ExportCheck lists what is still half-made in a session before its
// documents go out, remark by remark in order. Repeats and duplicates are
// decided by FindRepeats, the same decision the session screen shows; the
// remarks are checked against the archive in parallel, and against each
// other through one index of the session (match.Similarities).
func (s *Store) ExportCheck(snap model.Snapshot) ([]CheckItem, error) {
	n := len(snap.Remarks)
	pos := make(map[uint64]int, n)
	texts := make([]string, n)
	for i, r := range snap.Remarks {
		pos[r.ID] = i + 1
		texts[i] = r.Text
	}
	sims := match.NewSimilarities(texts)
	results := make([]RepeatResult, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				r := snap.Remarks[i]
				results[i], errs[i] = s.FindRepeats(r.Text, RepeatOptions{Dismissed: r.Dismissed, Earlier: snap.Remarks[:i],
					Session: snap.Session.UID, Similar: func(k int) float64 { return sims.Similar(i, k) }})
			}
		})
	}
	for i, r := range snap.Remarks {
		if strings.TrimSpace(r.Text) != "" {
			next <- i
		}
	}
	close(next)
	wg.Wait()
	var out []CheckItem
	for i, r := range snap.Remarks {
		add := func(k CheckKind, ref string) {
			out = append(out, CheckItem{Kind: k, Remark: i + 1, RemarkID: r.ID, Ref: ref})
		}
		if strings.TrimSpace(r.Text) == "" {
			add(CheckNoText, "")
		}
		if strings.TrimSpace(r.Voter) == "" {
			add(CheckNoVoter, "")
		}
		if r.Field == "" || r.Guessed&model.GuessedField != 0 {
			add(CheckGuessedField, "")
		}
		if r.Authority == "" || r.Guessed&model.GuessedLevel != 0 {
			add(CheckGuessedLevel, "")
		}
		for _, id := range r.RepeatOf {
			if _, ok := snap.Petitions[id]; !ok {
				add(CheckUnknownRef, id)
			}
		}
		if strings.TrimSpace(r.Text) == "" {
			continue
		}
		if withoutMarks(r.Text) {
			add(CheckNoDiacritics, "")
		}
		if errs[i] != nil {
			return out, errs[i]
		}
		res := results[i]
		if res.Repeat && len(r.RepeatOf) == 0 {
			add(CheckOpenRepeat, res.Hits[0].Petition.ID)
		}
		if res.Sibling != 0 && res.Sibling != r.ID && r.MergedInto != res.Sibling && !leads(snap.Remarks, r.ID, res.Sibling) {
			add(CheckDuplicate, strconv.Itoa(pos[res.Sibling]))
		}
	}
	return out, nil
}

// leads reports whether remark lead is the lead of a group that id's
// sibling belongs to (then the two are merged already).
func leads(rs []model.Remark, lead, member uint64) bool {
	return slices.ContainsFunc(rs, func(r model.Remark) bool { return r.ID == member && r.MergedInto == lead })
}

// withoutMarks reports whether a text of several words has no Vietnamese
// letter with a mark at all: typed on a keyboard with no input method.
func withoutMarks(text string) bool {
	words := 0
	for _, w := range strings.Fields(text) {
		letters := 0
		for _, r := range w {
			if r > unicode.MaxASCII && unicode.IsLetter(r) {
				return false
			}
			if unicode.IsLetter(r) {
				letters++
			}
		}
		if letters >= 2 {
			words++
		}
	}
	return words >= 4
}
