// Package review is the delegates' review of a session, made to be put on a
// projector: each remark that repeats an earlier petition, and under it what
// happened to that petition (when and where it was raised, how many times,
// who answered, what they said and where it stands), in bold headings with
// generous spacing, as one scrolling page or one repeat per screen.
package review

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"txct/store"
	"txct/store/match"
	"txct/store/model"
	"txct/tui/base"
)

// headerLines is the title, the counts and a rule, fixed above the items.
const headerLines = 3

type loadedMsg struct {
	id   uint64
	snap model.Snapshot
	// said is, for a remark that holds several demands, the demand that
	// matched each petition it repeats: remark id → petition id → text.
	said map[uint64]map[string]string
	// flagged holds, for remarks with no confirmed repeat, the archive
	// petition the repeat engine flags and no one has confirmed yet.
	flagged map[uint64]model.Petition
	err     error
}

// item is one remark with confirmed repeats.
type item struct {
	seq  int // 1-based position in the session
	r    model.Remark
	reps []rep
}

// rep is one repeated petition; p is nil when the id is not in the archive.
// unconfirmed marks a repeat the engine flags that no one has confirmed.
type rep struct {
	id          string
	p           *model.Petition
	said        string // the demand of the remark that matched, when it holds several
	unconfirmed bool
}

// Store is what the review screen reads.
type Store interface {
	Snapshot(id uint64) (model.Snapshot, error)
	// ExplainRepeat says which part of a remark matched a petition.
	ExplainRepeat(text, id string) (store.Repeat, error)
	// FindRepeats flags the repeats no one has confirmed yet.
	FindRepeats(text string, opts store.RepeatOptions) (store.RepeatResult, error)
}

var _ Store = (*store.Store)(nil)

// Model is the review screen.
type Model struct {
	ctx  *base.Context
	db   Store
	id   uint64
	w, h int
	page key.Binding

	loaded     bool
	err        error
	title      string
	remarks    int
	items      []item
	confirmed  int // items with a confirmed repeat; the others are flagged only
	unresolved int

	paged bool // one repeat per screen
	table bool // every repeat on one line: the delegates' table
	tkey  key.Binding
	cur   int // the item in view
	off   int // first line shown: of the document, or of the item when paged

	blocks [][]string // rendered items, for width bw
	starts []int      // first document line of each item
	bw     int
	bpaged bool
}

// New builds the review of session sessionID.
func New(ctx *base.Context, db Store, sessionID uint64) *Model {
	return &Model{ctx: ctx, db: db, id: sessionID, page: base.Binding(ctx.Text.S("key.pagemode"), "p"),
		tkey: base.Binding(ctx.Text.S("key.revtable"), "t")}
}

// Init loads the session with the petitions its repeats cite.
func (m *Model) Init() tea.Cmd {
	if m.db == nil {
		return nil
	}
	db, id := m.db, m.id
	return func() tea.Msg {
		snap, err := db.Snapshot(id)
		msg := loadedMsg{id: id, snap: snap, err: err, said: map[uint64]map[string]string{}}
		if err != nil {
			return msg
		}
		for _, r := range snap.Remarks {
			if len(r.RepeatOf) == 0 || len(match.Demands(r.Text)) < 2 {
				continue
			}
			msg.said[r.ID] = map[string]string{}
			for _, pid := range r.RepeatOf {
				if x, err := db.ExplainRepeat(r.Text, pid); err == nil && x.Span.End > x.Span.Start {
					msg.said[r.ID][pid] = string([]rune(r.Text)[x.Span.Start:x.Span.End])
				}
			}
		}
		// Delegates also see what the engine flags and the secretary has
		// not confirmed yet, so they are never blind to a repeat.
		msg.flagged = map[uint64]model.Petition{}
		for _, r := range snap.Remarks {
			if len(r.RepeatOf) > 0 || r.MergedInto != 0 || strings.TrimSpace(r.Text) == "" {
				continue
			}
			res, err := db.FindRepeats(r.Text, store.RepeatOptions{Top: 1, Dismissed: r.Dismissed, Session: snap.Session.UID, History: true})
			if err == nil && res.Repeat && len(res.Hits) > 0 {
				msg.flagged[r.ID] = res.Hits[0].Petition
			}
		}
		return msg
	}
}

// Update dispatches one message.
func (m *Model) Update(msg tea.Msg) (base.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		m.onLoaded(msg)
	case tea.MouseWheelMsg:
		switch msg.Mouse().Button {
		case tea.MouseWheelUp:
			m.scrollLines(-3)
		case tea.MouseWheelDown:
			m.scrollLines(3)
		}
	case tea.KeyPressMsg:
		return m, m.onKey(msg)
	}
	return m, nil
}

func (m *Model) onLoaded(msg loadedMsg) {
	if msg.id != m.id {
		return
	}
	m.loaded, m.err = true, msg.err
	m.title, m.remarks = msg.snap.Session.Title, len(msg.snap.Remarks)
	m.items, m.blocks = nil, nil
	unresolved := map[string]bool{}
	m.confirmed = 0
	for i, r := range msg.snap.Remarks {
		ids, unconfirmed := r.RepeatOf, false
		if len(ids) == 0 {
			p, ok := msg.flagged[r.ID]
			if !ok {
				continue
			}
			ids, unconfirmed = []string{p.ID}, true
			msg.snap.Petitions[p.ID] = p
		} else {
			m.confirmed++
		}
		it := item{seq: i + 1, r: r}
		for _, id := range ids {
			rp := rep{id: id, said: msg.said[r.ID][id], unconfirmed: unconfirmed}
			if p, ok := msg.snap.Petitions[id]; ok {
				// The session under review is not its own history: the
				// raise its confirmation added is left out of the count and
				// of the later raisings.
				own := msg.snap.Session.UID + "/"
				p.Raises = slices.DeleteFunc(slices.Clone(p.Raises), func(x model.Raise) bool {
					return msg.snap.Session.UID != "" && strings.HasPrefix(x.Ref, own)
				})
				rp.p = &p
				if p.Status == model.StatusUnresolved {
					unresolved[id] = true
				}
			}
			it.reps = append(it.reps, rp)
		}
		m.items = append(m.items, it)
	}
	m.unresolved = len(unresolved)
}

func (m *Model) onKey(msg tea.KeyPressMsg) tea.Cmd {
	g := m.ctx.Keys
	body := m.bodyHeight()
	switch {
	case key.Matches(msg, g.Back):
		id := m.id
		return func() tea.Msg { return base.OpenSessionMsg{ID: id} }
	case key.Matches(msg, m.page):
		m.togglePage()
	case key.Matches(msg, m.tkey):
		m.table = !m.table
	case key.Matches(msg, g.Down):
		m.step(1)
	case key.Matches(msg, g.Up):
		m.step(-1)
	case key.Matches(msg, g.PageDown):
		m.scrollLines(body)
	case key.Matches(msg, g.PageUp):
		m.scrollLines(-body)
	case key.Matches(msg, g.First):
		m.cur, m.off = 0, 0
	case key.Matches(msg, g.Last):
		m.goTo(len(m.items) - 1)
	}
	return nil
}

func (m *Model) bodyHeight() int { return max(1, m.h-headerLines) }

// render draws the items for the current width and mode, once. A page
// gets wide margins and blank lines between the parts when they fit, for
// reading from the back of a hall.
func (m *Model) render() {
	if m.blocks != nil && m.bw == m.w && m.bpaged == m.paged {
		return
	}
	m.bw, m.bpaged = m.w, m.paged
	m.blocks, m.starts = make([][]string, len(m.items)), make([]int, len(m.items))
	n := 0
	for i := range m.items {
		if m.paged {
			m.blocks[i] = m.itemLines(&m.items[i], m.w, max(1, m.w/12), true)
			if len(m.blocks[i]) > m.bodyHeight() {
				m.blocks[i] = m.itemLines(&m.items[i], m.w, max(1, m.w/12), false)
			}
		} else {
			m.blocks[i] = m.itemLines(&m.items[i], m.w, 1, false)
		}
		m.starts[i] = n
		n += len(m.blocks[i]) + 2 // two blank lines between items
	}
}

// docLen is the number of lines of the whole page (scroll mode) or of the
// current item (paged).
func (m *Model) docLen() int {
	m.render()
	if len(m.items) == 0 {
		return 0
	}
	if m.paged {
		return len(m.blocks[m.cur])
	}
	last := len(m.items) - 1
	return m.starts[last] + len(m.blocks[last])
}

// step moves to the next or previous item, unless the current one goes on
// below (or above) the screen: then it scrolls through the item first, so
// nothing is skipped on a small screen.
func (m *Model) step(d int) {
	m.render()
	if len(m.items) == 0 {
		return
	}
	body, start, end := m.bodyHeight(), 0, m.docLen()
	if !m.paged {
		start, end = m.starts[m.cur], m.starts[m.cur]+len(m.blocks[m.cur])
	}
	switch {
	case d > 0 && m.off+body < end:
		m.off = min(m.off+max(1, body-2), end-body)
	case d < 0 && m.off > start:
		m.off = max(m.off-max(1, body-2), start)
	default:
		m.goTo(m.cur + d)
	}
}

// goTo shows item i from its start.
func (m *Model) goTo(i int) {
	m.render()
	if i < 0 || i >= len(m.items) {
		return
	}
	m.cur, m.off = i, 0
	if !m.paged {
		m.off = m.clamp(m.starts[i])
	}
}

// scrollLines scrolls by n lines; the current item follows. Paged, it
// steps through the item and on to the next instead.
func (m *Model) scrollLines(n int) {
	if m.paged {
		if n > 0 {
			m.step(1)
		} else {
			m.step(-1)
		}
		return
	}
	m.off = m.clamp(m.off + n)
	m.cur = m.itemAt(m.off)
}

func (m *Model) clamp(off int) int { return max(0, min(off, m.docLen()-m.bodyHeight())) }

// itemAt is the item shown at document line off.
func (m *Model) itemAt(off int) int {
	i, _ := slices.BinarySearch(m.starts, off+1)
	return max(0, i-1)
}

func (m *Model) togglePage() {
	m.render()
	m.paged = !m.paged
	if m.paged {
		m.off = 0
		return
	}
	if len(m.items) > 0 {
		m.off = m.clamp(m.starts[m.cur])
	}
}

// SetSize sets the area the screen draws into.
func (m *Model) SetSize(w, h int) {
	m.w, m.h = w, h
	m.blocks = nil // widths and styles may have changed
	if m.loaded && len(m.items) > 0 {
		m.goTo(m.cur)
	}
}

// Typing is false: the review has no text field.
func (m *Model) Typing() bool { return false }

// Cursor is nil: no field, no cursor.
func (m *Model) Cursor() *tea.Cursor { return nil }

// Help lists the review's keys.
func (m *Model) Help() ([]key.Binding, [][]key.Binding) {
	g := m.ctx.Keys
	s := []key.Binding{g.Down, g.Up, m.page, m.tkey, g.Back}
	return s, [][]key.Binding{s, {g.PageDown, g.PageUp, g.First, g.Last}}
}
