package archive

import (
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"txct/store/match"
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
	raised string // date raised, YYYY-MM-DD: the waiting view's order
	gone   bool   // deleted (kept in place so an undo can bring it back)
}

// query is the whole filter: words plus three cycling choices; -1 is
// "all", anything else an index into model.Fields, levels or model.Statuses.
type query struct {
	text                 string
	field, level, status int
	// waiting keeps the petitions forwarded and not yet answered, oldest
	// first.
	waiting bool
}

// levels are the competent levels the filter offers, legacy huyện included:
// old records carry it.
var levels = model.AllAuthorities

// foldKey folds s rune by rune (match.FoldRune) and reports whether the
// result is plain ASCII.
func foldKey(s string) (string, bool) {
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
		fr := match.FoldRune(r)
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
	for i, p := range ps {
		es[i], ks[i] = makeEntry(p)
	}
	return es, ks
}

func makeEntry(p model.Petition) (entry, fkey) {
	e := entry{p: p,
		id:   norm.NFC.String(model.Safe(p.ID, false)),
		text: norm.NFC.String(model.Safe(p.Text, false)),
		date: base.ShortDate(p.RaisedAt)}
	loc := norm.NFC.String(model.Safe(p.Location, false))
	hay, ascii := foldKey(e.id + " " + e.text + " " + loc)
	return e, fkey{field: p.Field, level: p.Authority, status: p.Status, hay: hay, ascii: ascii,
		textAt: utf8.RuneCountInString(e.id) + 1, raised: p.RaisedAt}
}

// keep reports whether k passes the field, level and status choices of q.
func (q query) keep(k *fkey) bool {
	return !k.gone && (!q.waiting || k.status == model.StatusForwarded) &&
		(q.field < 0 || k.field == model.Fields[q.field]) &&
		(q.level < 0 || k.level == levels[q.level]) &&
		(q.status < 0 || k.status == model.Statuses[q.status])
}

// run applies q to keys. Without text the archive order is kept. With
// text, a record passes when it holds every typed word, in any order, each
// at the start of one of its words and compared with accents folded ("cau
// suoi tre" finds "cầu Suối Tre" but not "phụ cấp … suối"); records where
// the words are found whole ("cau", not "cautious") come first, then
// archive order. It reads haystacks folded once at load instead of folding
// 100,000 strings again on every keystroke (BenchmarkFilter100k).
func run(keys []fkey, q query) []base.Match {
	cand := make([]int, 0, len(keys))
	for i := range keys {
		if q.keep(&keys[i]) {
			cand = append(cand, i)
		}
	}
	if q.waiting {
		slices.SortStableFunc(cand, func(a, b int) int { return strings.Compare(keys[a].raised, keys[b].raised) })
	}
	words := strings.Fields(string(base.FoldRunes(strings.TrimSpace(q.text))))
	if len(words) == 0 {
		out := make([]base.Match, len(cand))
		for i, c := range cand {
			out[i] = base.Match{Index: c}
		}
		return out
	}
	// Each core checks its own slice of the candidates; the parts are
	// joined in archive order, so ties keep that order.
	parts := make([][]base.Match, max(1, min(runtime.GOMAXPROCS(0), len(cand)/minChunk)))
	var wg sync.WaitGroup
	for p := range parts {
		chunk := cand[p*len(cand)/len(parts) : (p+1)*len(cand)/len(parts)]
		wg.Go(func() { parts[p] = score(keys, chunk, words) })
	}
	wg.Wait()
	out := slices.Concat(parts...)
	slices.SortStableFunc(out, func(a, b base.Match) int { return b.Score - a.Score })
	return out
}

// minChunk is the fewest candidates worth a goroutine of their own.
const minChunk = 5000

func score(keys []fkey, cand []int, words []string) []base.Match {
	var out []base.Match
	for _, c := range cand {
		if whole, pos, ok := allWords(&keys[c], words); ok {
			out = append(out, base.Match{Index: c, Score: whole, Positions: pos})
		}
	}
	return out
}

// allWords reports whether every word starts a word of k's haystack; it
// returns how many are found as whole words and their rune positions, for
// highlighting.
func allWords(k *fkey, words []string) (int, []int, bool) {
	whole := 0
	var bytePos []int
	for _, w := range words {
		at, full := -1, false
		for i := 0; i+len(w) <= len(k.hay); {
			j := strings.Index(k.hay[i:], w)
			if j < 0 {
				break
			}
			p := i + j
			if p == 0 || !isWordByte(k.hay[p-1]) {
				end := p + len(w)
				f := end == len(k.hay) || !isWordByte(k.hay[end])
				if at < 0 || f && !full {
					at, full = p, f
				}
				if full {
					break
				}
			}
			i = p + 1
		}
		if at < 0 {
			return 0, nil, false
		}
		if full {
			whole++
		}
		for j := range len(w) {
			bytePos = append(bytePos, at+j)
		}
	}
	slices.Sort(bytePos)
	return whole, runePositions(k, slices.Compact(bytePos)), true
}

// isWordByte reports whether b continues a word: an ASCII letter or digit,
// or a byte of a non-ASCII letter (folding leaves few of those).
func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b >= 0x80
}

// runePositions turns byte offsets in k's haystack into rune positions.
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
