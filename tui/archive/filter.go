package archive

import (
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"
	"golang.org/x/text/unicode/norm"

	"txct/store/model"
	"txct/tui/base"
)

// entry is one petition with the strings the list draws, made safe once at
// load time so View never sanitises 100,000 rows.
type entry struct {
	p    model.Petition
	id   string // model.Safe id
	text string // model.Safe text, NFC: highlight positions index its runes
	date string // DD/MM/YYYY
}

// fkey is what the filter reads of an entry. A published []fkey is never
// written again: the filter runs in a goroutine, so a change copies the slice.
type fkey struct {
	field  model.Field
	level  model.Authority
	status model.Status
	hay    string // folded "id text location"
	ascii  bool   // hay is ASCII: fuzzy's byte offsets are rune positions
	textAt int    // rune position of the text inside hay
}

// query is the whole filter: fuzzy text plus three cycling choices; -1 is
// "all", anything else an index into model.Fields, levels or model.Statuses.
type query struct {
	text                 string
	field, level, status int
}

// levels are the competent levels the filter offers, legacy huyện included:
// old records carry it.
var levels = model.AllAuthorities

// folder folds runes to their base letters (base.FoldRune) and remembers the
// answers: FoldRune decomposes every non-ASCII rune, and 100,000 petitions
// repeat the same hundred Vietnamese letters millions of times.
type folder map[rune]rune

func (f folder) fold(s string) (string, bool) {
	var b strings.Builder
	b.Grow(len(s))
	ascii := true
	for _, r := range s {
		if r < 0x80 {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
			continue
		}
		fr, ok := f[r]
		if !ok {
			fr = base.FoldRune(r)
			f[r] = fr
		}
		if fr >= 0x80 {
			ascii = false
		}
		b.WriteRune(fr)
	}
	return b.String(), ascii
}

// prepare turns loaded petitions into entries and filter keys.
func prepare(ps []model.Petition) ([]entry, []fkey) {
	es := make([]entry, len(ps))
	ks := make([]fkey, len(ps))
	f := folder{}
	for i, p := range ps {
		es[i], ks[i] = makeEntry(p, f)
	}
	return es, ks
}

func makeEntry(p model.Petition, f folder) (entry, fkey) {
	e := entry{p: p,
		id:   norm.NFC.String(model.Safe(p.ID, false)),
		text: norm.NFC.String(model.Safe(p.Text, false)),
		date: base.ShortDate(p.RaisedAt)}
	loc := norm.NFC.String(model.Safe(p.Location, false))
	hay, ascii := f.fold(e.id + " " + e.text + " " + loc)
	return e, fkey{field: p.Field, level: p.Authority, status: p.Status, hay: hay, ascii: ascii,
		textAt: utf8.RuneCountInString(e.id) + 1}
}

// keep reports whether k passes the field, level and status choices of q.
func (q query) keep(k *fkey) bool {
	return (q.field < 0 || k.field == model.Fields[q.field]) &&
		(q.level < 0 || k.level == levels[q.level]) &&
		(q.status < 0 || k.status == model.Statuses[q.status])
}

// source lets fuzzy read the haystacks of the candidates only.
type source struct {
	keys []fkey
	idx  []int
}

func (s source) String(i int) string { return s.keys[s.idx[i]].hay }
func (s source) Len() int            { return len(s.idx) }

// run applies q to keys. Without text the archive order is kept; with text
// the matches of base.FuzzyFind's folding and scoring are kept, ranked so
// that records holding the typed words whole come first ("cau" puts "cầu"
// before "phụ cấp cho … thu"): the fuzzy score alone punishes long texts
// and scatters its letters. It reads haystacks folded once at load instead
// of folding 100,000 strings again on every keystroke (BenchmarkFilter100k).
func run(keys []fkey, q query) []base.Match {
	cand := make([]int, 0, len(keys))
	for i := range keys {
		if q.keep(&keys[i]) {
			cand = append(cand, i)
		}
	}
	pattern := string(base.FoldRunes(strings.TrimSpace(q.text)))
	if pattern == "" {
		out := make([]base.Match, len(cand))
		for i, c := range cand {
			out[i] = base.Match{Index: c}
		}
		return out
	}
	// Each core scores its own slice of the candidates; the parts are joined
	// in archive order, so ties keep that order.
	words := strings.Fields(pattern)
	parts := make([][]base.Match, max(1, min(runtime.GOMAXPROCS(0), len(cand)/minChunk)))
	var wg sync.WaitGroup
	for p := range parts {
		chunk := cand[p*len(cand)/len(parts) : (p+1)*len(cand)/len(parts)]
		wg.Go(func() { parts[p] = score(keys, chunk, pattern, words) })
	}
	wg.Wait()
	out := slices.Concat(parts...)
	slices.SortFunc(out, func(a, b base.Match) int {
		if a.Score != b.Score {
			return b.Score - a.Score
		}
		return a.Index - b.Index
	})
	return out
}

// minChunk is the fewest candidates worth a goroutine of their own.
const minChunk = 5000

func score(keys []fkey, cand []int, pattern string, words []string) []base.Match {
	// fuzzy looks at every letter of every haystack; most of a large
	// archive lacks the pattern's letters in order and is dropped first by
	// a byte search (both sides are folded to lower case).
	in := make([]int, 0, len(cand))
	for _, c := range cand {
		if subsequence(keys[c].hay, pattern) {
			in = append(in, c)
		}
	}
	cand = in
	res := fuzzy.FindFromNoSort(pattern, source{keys, cand})
	out := make([]base.Match, len(res))
	for i, r := range res {
		k := &keys[cand[r.Index]]
		bonus, pos := wordHits(k, words)
		if pos == nil {
			pos = runePositions(k, r.MatchedIndexes)
		}
		out[i] = base.Match{Index: cand[r.Index], Score: r.Score + bonus, Positions: pos}
	}
	return out
}

// subsequence reports whether the bytes of p occur in s in order. For UTF-8
// this equals the rune test: a rune's bytes occur in order only as a whole
// rune or spread over other runes, which can only let extra haystacks pass.
func subsequence(s, p string) bool {
	for i := 0; i < len(p); i++ {
		j := strings.IndexByte(s, p[i])
		if j < 0 {
			return false
		}
		s = s[j+1:]
	}
	return true
}

// Bonuses for a typed word found whole, and found at the start of a word;
// they outweigh any fuzzy score, which loses a point per unmatched letter.
const (
	wordBonus      = 100_000
	wordStartBonus = 50_000
)

// wordHits scores the words of the pattern found whole in k's haystack and,
// when all are, returns their rune positions for highlighting.
func wordHits(k *fkey, words []string) (int, []int) {
	bonus, all := 0, true
	var bytePos []int
	for _, w := range words {
		at := -1
		if strings.HasPrefix(k.hay, w) {
			at = 0
		} else if i := strings.Index(k.hay, " "+w); i >= 0 {
			at = i + 1
		}
		if at >= 0 {
			bonus += wordBonus + wordStartBonus
		} else if at = strings.Index(k.hay, w); at >= 0 {
			bonus += wordBonus
		} else {
			all = false
			continue
		}
		for j := range len(w) {
			bytePos = append(bytePos, at+j)
		}
	}
	if !all {
		return bonus, nil
	}
	slices.Sort(bytePos)
	return bonus, runePositions(k, slices.Compact(bytePos))
}

// runePositions turns fuzzy's byte offsets into rune positions.
func runePositions(k *fkey, bytes []int) []int {
	if k.ascii {
		return bytes
	}
	pos := make([]int, 0, len(bytes))
	ri, j := 0, 0
	for bi := range k.hay {
		for ; j < len(bytes) && bytes[j] <= bi; j++ {
			if bytes[j] == bi {
				pos = append(pos, ri)
			}
		}
		ri++
	}
	return pos
}
