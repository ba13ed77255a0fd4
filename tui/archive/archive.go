// Package archive is the archive browser: every petition on record in one
// list, narrowed by a word filter that ignores accents ("cau" finds "cầu")
// and by field, level and status, with a detail view of one record where the
// answer and the status can be edited. The archive may hold 100,000 rows, so
// the filter runs in a command after a short pause in typing, and the list
// draws only the rows on screen.
package archive

import (
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"txct/store"
	"txct/store/model"
	"txct/tui/base"
)

// debounce is how long typing must pause before the filter runs: at 100,000
// petitions a run takes tens of milliseconds, too slow for every keystroke
// of a fast typist or of an input method that rewrites a syllable.
const debounce = 120 * time.Millisecond

// Messages of the screen. Results carry the sequence number of the filter
// they answer, so a late one is dropped.
type (
	loadedMsg struct {
		entries []entry
		keys    []fkey
		idW     int
		err     error
	}
	filterTickMsg struct{ seq int }
	filteredMsg   struct {
		seq  int
		keep bool // keep the selected petition selected
		rows []base.Match
	}
	savedMsg struct {
		p, old model.Petition
		status bool // a status change (applied before saving)
		err    error
	}
)

// Store is what the archive browser reads and writes.
type Store interface {
	Petitions(fn func(model.Petition) error) error
	UpdatePetition(p model.Petition) error
	DeletePetition(id string) (model.Petition, error)
	PutPetitions(ps []model.Petition) (store.ImportResult, error)
	sameStore
}

var _ Store = (*store.Store)(nil)

// Model is the archive browser screen.
type Model struct {
	ctx  *base.Context
	db   Store
	keys keyMap
	w, h int

	loaded  bool
	err     error
	entries []entry
	fkeys   []fkey
	byID    map[string]int
	idW     int

	q         query
	seq       int
	busy      bool
	wait      time.Duration
	rows      []base.Match
	sel, top  int
	input     textinput.Model
	filtering bool

	detail bool
	cur    int // entry shown in the detail view
	dtop   int // first detail line shown
	dmax   int // last useful dtop, set by View
	openID string
	ed     *editor
	// pending is a status proposed with F7 and not yet confirmed.
	pending *model.Status
	// undo is the last petition deleted, which u puts back.
	undo *model.Petition
	// same is the id prompt of "=", open while it asks; sameUndo puts the
	// clusters back as they were before the last mark; cluster is the
	// other records of the open record's cluster.
	same     *textinput.Model
	sameUndo *sameUndo
	cluster  []string

	cursor *tea.Cursor // set by View: where the focused field's cursor is
}

// New builds the archive browser.
func New(ctx *base.Context, db Store) *Model {
	ti := textinput.New()
	ti.Prompt = ""
	ti.Placeholder = ctx.Text.S("arc.filterph")
	ti.CharLimit = 200
	ti.SetVirtualCursor(false)
	return &Model{ctx: ctx, db: db, keys: newKeyMap(ctx), input: ti, wait: debounce,
		q: query{field: -1, level: -1, status: -1}, cur: -1}
}

// NewAt builds the archive browser with petition id open in the detail view.
func NewAt(ctx *base.Context, db Store, id string) *Model {
	m := New(ctx, db)
	m.openID = id
	return m
}

// Init loads the whole archive in the background.
func (m *Model) Init() tea.Cmd {
	if m.db == nil {
		return nil
	}
	db := m.db
	return func() tea.Msg {
		var ps []model.Petition
		err := db.Petitions(func(p model.Petition) error {
			ps = append(ps, p)
			return nil
		})
		es, ks := prepare(ps)
		return loadedMsg{entries: es, keys: ks, idW: idWidth(es), err: err}
	}
}

// Update dispatches one message.
func (m *Model) Update(msg tea.Msg) (base.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		return m, m.onLoaded(msg)
	case deletedMsg:
		return m, m.onDeleted(msg)
	case restoredMsg:
		return m, m.onRestored(msg)
	case sameMsg:
		return m, m.onSame(msg)
	case filterTickMsg:
		if msg.seq != m.seq {
			return m, nil
		}
		return m, m.filter(false)
	case filteredMsg:
		m.onFiltered(msg)
		return m, nil
	case savedMsg:
		return m, m.onSaved(msg)
	case tea.MouseWheelMsg:
		return m, m.onWheel(msg)
	case clusterMsg:
		return m, m.onCluster(msg)
	case tea.KeyPressMsg:
		if !m.loaded {
			if key.Matches(msg, m.ctx.Keys.Back) {
				return m, goHome
			}
			return m, nil
		}
		return m, m.onKey(msg)
	}
	return m, m.forward(msg)
}

func goHome() tea.Msg { return base.GoHomeMsg{} }

func status(text string, err error) tea.Cmd {
	return func() tea.Msg { return base.StatusMsg{Text: text, Err: err} }
}

func (m *Model) onLoaded(msg loadedMsg) tea.Cmd {
	m.loaded, m.err = true, msg.err
	m.entries, m.fkeys, m.idW = msg.entries, msg.keys, msg.idW
	m.byID = make(map[string]int, len(m.entries))
	for i := range m.entries {
		m.byID[m.entries[i].p.ID] = i
	}
	m.rows = run(m.fkeys, m.q)
	if m.openID == "" {
		return nil
	}
	i, ok := m.byID[m.openID]
	if !ok {
		return status(m.ctx.Text.F("arc.notfound", model.Safe(m.openID, false)), nil)
	}
	m.selectEntry(i)
	return m.open(i)
}

// filter runs the query in a command; keep asks to keep the selection.
func (m *Model) filter(keep bool) tea.Cmd {
	m.busy = true
	keys, q, seq := m.fkeys, m.q, m.seq
	return func() tea.Msg { return filteredMsg{seq: seq, keep: keep, rows: run(keys, q)} }
}

// refilter starts a new filter run at once (a choice changed, not typing).
func (m *Model) refilter(keep bool) tea.Cmd {
	m.seq++
	return m.filter(keep)
}

func (m *Model) onFiltered(msg filteredMsg) {
	if msg.seq != m.seq {
		return // a newer filter is on its way
	}
	prev := -1
	if msg.keep && m.sel < len(m.rows) {
		prev = m.rows[m.sel].Index
	}
	m.rows, m.busy = msg.rows, false
	m.sel, m.top = 0, 0
	if prev >= 0 {
		m.selectEntry(prev)
	}
}

// selectEntry moves the selection to entry i if the list shows it.
func (m *Model) selectEntry(i int) {
	for r := range m.rows {
		if m.rows[r].Index == i {
			m.sel = r
			m.scroll()
			return
		}
	}
}

// open shows entry i in the detail view and reads its cluster.
func (m *Model) open(i int) tea.Cmd {
	m.detail, m.cur, m.dtop = true, i, 0
	return m.loadCluster()
}

// listHeight is the number of rows the list shows.
func (m *Model) listHeight() int { return max(1, m.h-headerLines) }

// scroll keeps the selection on screen.
func (m *Model) scroll() {
	h := m.listHeight()
	m.sel = max(0, min(m.sel, len(m.rows)-1))
	if m.sel < m.top {
		m.top = m.sel
	}
	if m.sel >= m.top+h {
		m.top = m.sel - h + 1
	}
	m.top = max(0, min(m.top, len(m.rows)-h))
}

func (m *Model) onWheel(msg tea.MouseWheelMsg) tea.Cmd {
	step := 0
	switch msg.Mouse().Button {
	case tea.MouseWheelUp:
		step = -3
	case tea.MouseWheelDown:
		step = 3
	}
	if m.ed != nil {
		return nil
	}
	if m.detail && (m.w < wideWidth || msg.Mouse().X >= m.listWidth()) {
		m.dtop = max(0, m.dtop+step) // View clamps it
		return nil
	}
	m.sel += step
	m.scroll()
	if m.detail && len(m.rows) > 0 {
		return m.open(m.rows[m.sel].Index)
	}
	return nil
}

// forward hands other messages (cursor blinks) to the focused field.
func (m *Model) forward(msg tea.Msg) tea.Cmd {
	switch {
	case m.ed != nil:
		return m.ed.update(msg)
	case m.same != nil:
		var cmd tea.Cmd
		*m.same, cmd = m.same.Update(msg)
		return cmd
	case m.filtering:
		return m.typeFilter(msg)
	}
	return nil
}

// SetSize sets the area the screen draws into.
func (m *Model) SetSize(w, h int) {
	m.w, m.h = w, h
	m.scroll()
	if m.ed != nil {
		m.ed.setWidth(m.detailWidth())
	}
}

// Typing reports whether a text field has the keys.
func (m *Model) Typing() bool { return m.filtering || m.ed != nil || m.same != nil }

// Cursor is the real cursor of the focused field, placed by the last View.
func (m *Model) Cursor() *tea.Cursor {
	if !m.Typing() {
		return nil
	}
	return m.cursor
}

// Help lists the bindings of the current mode.
func (m *Model) Help() ([]key.Binding, [][]key.Binding) {
	k, g := m.keys, m.ctx.Keys
	switch {
	case m.ed != nil:
		s := []key.Binding{g.Submit, g.NextField, g.PrevField, k.cancel}
		return s, [][]key.Binding{s}
	case m.detail:
		s := []key.Binding{k.edit, g.CycleStatus, k.same, k.prev, k.next, g.Back}
		return s, [][]key.Binding{s, {k.del, k.undo, k.waiting, g.Filter}, {g.FilterField, g.FilterLevel, g.FilterState},
			{g.Up, g.Down, g.PageUp, g.PageDown}}
	}
	s := []key.Binding{g.Filter, g.Open, g.FilterField, g.FilterLevel, g.FilterState, g.Back}
	return s, [][]key.Binding{s, {k.waiting, k.del, k.undo}, {g.Up, g.Down, g.PageUp, g.PageDown, g.First, g.Last}}
}
