package sessionform

import (
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"txct/store"
	"txct/tui/base"
)

// maxSuggestions is how many remembered names show under a field.
const maxSuggestions = 5

// suggestions is the list of remembered names offered under the focused
// field. Nothing is highlighted until up or down is pressed, so enter and tab
// keep moving between fields for someone who ignores the list.
type suggestions struct {
	items []string // the names offered, best first
	pos   [][]int  // rune positions that matched, per item
	sel   int      // highlighted item, -1 for none
}

func (s *suggestions) open() bool { return len(s.items) > 0 }

func (s *suggestions) close() { *s = suggestions{sel: -1} }

func (s *suggestions) move(d int) {
	s.sel = min(max(s.sel+d, -1), len(s.items)-1)
}

// query is the text being completed: the whole field, or for a list the part
// after the last comma or semicolon.
func (m *Model) query() string {
	v := m.inputs[m.focus].Value()
	if defs[m.focus].list {
		if i := strings.LastIndexAny(v, ",;"); i >= 0 {
			v = v[i+1:]
		}
	}
	return strings.TrimSpace(v)
}

// refreshSuggestions offers the names of the focused field's kind that match
// what was typed, accents folded ("ng" finds "Nguyễn", "dong" finds "Đông").
// A name typed in full, or already in the list, is not offered again.
func (m *Model) refreshSuggestions() {
	m.sugg.close()
	d := defs[m.focus]
	if d.names == "" {
		return
	}
	q := m.query()
	if q == "" {
		return
	}
	items := m.names[d.names]
	have := map[string]bool{string(base.FoldRunes(q)): true}
	if d.list {
		for _, p := range splitList(m.inputs[m.focus].Value()) {
			have[string(base.FoldRunes(p))] = true
		}
	}
	for _, r := range rank(q, items, base.FuzzyFind(q, items)) {
		if have[string(base.FoldRunes(items[r.Index]))] {
			continue
		}
		m.sugg.items = append(m.sugg.items, items[r.Index])
		m.sugg.pos = append(m.sugg.pos, r.Positions)
		if len(m.sugg.items) == maxSuggestions {
			break
		}
	}
}

// accept puts the highlighted name into the field. In a list it replaces the
// part being typed and adds a separator, ready for the next name.
func (m *Model) accept() {
	name := m.sugg.items[m.sugg.sel]
	in := &m.inputs[m.focus]
	v := name
	if defs[m.focus].list {
		prefix := in.Value()
		if i := strings.LastIndexAny(prefix, ",;"); i >= 0 {
			prefix = prefix[:i+1] + " "
		} else {
			prefix = ""
		}
		v = prefix + name + ", "
	}
	in.SetValue(v)
	in.CursorEnd()
	m.errs[m.focus] = ""
	m.sugg.close()
}

// normNames puts remembered names in NFC, so the fuzzy matcher's rune
// positions are positions in the string drawn, and drops duplicates.
func normNames(in map[store.NameKind][]string) map[store.NameKind][]string {
	out := make(map[store.NameKind][]string, len(in))
	for k, ns := range in {
		list := make([]string, 0, len(ns))
		seen := make(map[string]bool, len(ns))
		for _, n := range ns {
			n = norm.NFC.String(n)
			if !seen[n] {
				seen[n] = true
				list = append(list, n)
			}
		}
		out[k] = list
	}
	return out
}

// rank orders fuzzy matches so that names where the typed text starts a word
// come first ("ng" → "Nguyễn" before "Ông Lê"), then names that contain it,
// then the looser matches, each group in FuzzyFind's order. For the first two
// groups the highlighted letters become the contiguous run that matched.
func rank(q string, items []string, ms []base.Match) []base.Match {
	fq := base.FoldRunes(q)
	var tiers [3][]base.Match
	for _, r := range ms {
		fi := base.FoldRunes(items[r.Index])
		tier := 2
		at := indexRunes(fi, fq, true)
		if at >= 0 {
			tier = 0
		} else if at = indexRunes(fi, fq, false); at >= 0 {
			tier = 1
		}
		if at >= 0 {
			r.Positions = make([]int, len(fq))
			for i := range fq {
				r.Positions[i] = at + i
			}
		}
		tiers[tier] = append(tiers[tier], r)
	}
	return slices.Concat(tiers[0], tiers[1], tiers[2])
}

// indexRunes finds needle in hay, only at the start of a word when
// wordStart is set; -1 when absent.
func indexRunes(hay, needle []rune, wordStart bool) int {
	for i := 0; i+len(needle) <= len(hay); i++ {
		if wordStart && i > 0 && (unicode.IsLetter(hay[i-1]) || unicode.IsDigit(hay[i-1])) {
			continue
		}
		if slices.Equal(hay[i:i+len(needle)], needle) {
			return i
		}
	}
	return -1
}

func joinList(items []string) string { return strings.Join(items, ", ") }

func itoa(n int) string { return strconv.Itoa(n) }
