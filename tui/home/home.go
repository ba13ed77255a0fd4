// Package home is the first screen: the list of voter-contact sessions,
// newest first, with each one's report deadline, a fuzzy filter, and the keys
// that open, create, edit and delete sessions. It reads the store only in
// commands and redraws from the loaded summaries.
package home

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"txct/store"
	"txct/store/model"
	"txct/tui/base"
)

// ReloadMsg asks the home screen to read the list of sessions again (after
// the demo is loaded, a session is saved elsewhere…).
type ReloadMsg struct{}

// loadedMsg carries the sessions read by load.
type loadedMsg struct {
	list []store.Summary
	demo []uint64 // sessions the demo created
	err  error
}

// deletedMsg reports the outcome of deleting a session.
type deletedMsg struct {
	id   uint64
	date string
	err  error
}

// Store is what the home screen reads and writes.
type Store interface {
	Sessions() ([]store.Summary, error)
	DeleteSession(id uint64) error
	DemoRows() store.DemoRows
}

var _ Store = (*store.Store)(nil)

// Model is the home screen.
type Model struct {
	ctx   *base.Context
	db    Store
	edit  key.Binding // 'e': edit the selected session's details
	clear key.Binding // esc: clear the filter

	all    []store.Summary
	demo   map[uint64]bool // sessions the demo created, marked in the list
	hay    []string        // filter haystack per session: date place title group
	rows   []int           // indices into all that pass the filter, in list order
	loaded bool
	err    error

	sel, top int
	w, h     int

	filtering bool // the filter input has focus
	filter    textinput.Model

	confirm *store.Summary // session waiting for the y/n delete answer
}

// New builds the home screen; Init loads the sessions.
func New(ctx *base.Context, db Store) *Model {
	ti := textinput.New()
	ti.Prompt = ""
	ti.Placeholder = ctx.Text.S("home.filterph")
	ti.CharLimit = 100
	ti.SetVirtualCursor(false)
	ti.SetStyles(textinput.DefaultStyles(ctx.Styles.IsDark))
	return &Model{
		ctx:    ctx,
		db:     db,
		filter: ti,
		edit:   base.Binding(ctx.Text.S("home.key.edit"), "e"),
		clear:  base.Binding(ctx.Text.S("home.key.clear"), "esc"),
	}
}

// Init loads the list of sessions.
func (m *Model) Init() tea.Cmd { return m.load() }

func (m *Model) load() tea.Cmd {
	db := m.db
	if db == nil {
		return func() tea.Msg { return loadedMsg{} }
	}
	return func() tea.Msg {
		list, err := db.Sessions()
		return loadedMsg{list: list, demo: db.DemoRows().Sessions, err: err}
	}
}

// SetSize sets the area the screen draws into.
func (m *Model) SetSize(w, h int) {
	m.w, m.h = w, h
	m.filter.SetWidth(max(10, w-lipglossWidth(m.ctx.Text.S("home.filter"))-lipglossWidth(m.filterHint())-4))
	m.clamp()
}

// Typing reports whether the filter input has focus.
func (m *Model) Typing() bool { return m.filtering }

// Cursor puts the real cursor in the filter input while it has focus.
func (m *Model) Cursor() *tea.Cursor {
	if !m.filtering || m.confirm != nil {
		return nil
	}
	c := m.filter.Cursor()
	if c == nil {
		return nil
	}
	c.X += lipglossWidth(m.ctx.Text.S("home.filter"))
	c.Y++ // the filter sits on the second line
	return c
}

// Help lists the home screen's keys.
func (m *Model) Help() (short []key.Binding, full [][]key.Binding) {
	k := m.ctx.Keys
	short = []key.Binding{k.Open, k.NewSession, m.edit, k.Filter, k.DeleteSess, k.Archive, k.Stats}
	full = [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.First, k.Last},
		{k.Open, k.NewSession, m.edit, k.DeleteSess},
		{k.Filter, m.clear, k.Archive, k.Stats, k.Demo},
	}
	return short, full
}

// Update dispatches one message.
func (m *Model) Update(msg tea.Msg) (base.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		m.onLoaded(msg)
		return m, nil
	case ReloadMsg:
		return m, m.load()
	case deletedMsg:
		return m, m.onDeleted(msg)
	case tea.MouseWheelMsg:
		switch msg.Mouse().Button {
		case tea.MouseWheelUp:
			m.move(-3)
		case tea.MouseWheelDown:
			m.move(3)
		}
		return m, nil
	case tea.KeyPressMsg:
		return m, m.onKey(msg)
	case tea.PasteMsg:
		if m.filtering {
			return m, m.updateFilter(msg)
		}
	}
	return m, nil
}

func (m *Model) onLoaded(msg loadedMsg) {
	m.loaded, m.err = true, msg.err
	var selID uint64
	if s := m.selected(); s != nil {
		selID = s.ID
	}
	m.all = byRound(msg.list)
	m.demo = map[uint64]bool{}
	for _, id := range msg.demo {
		m.demo[id] = true
	}
	m.hay = make([]string, len(m.all))
	for i, s := range m.all {
		m.hay[i] = strings.Join([]string{base.ShortDate(s.Date), s.Place, s.Title, s.DelegateGroup}, " ")
	}
	m.applyFilter()
	for i, r := range m.rows {
		if m.all[r].ID == selID {
			m.sel = i
		}
	}
	m.clamp()
}

// onKey handles a key: the delete question first, then keys that work while
// filtering (ctrl-chords, F-keys, arrows), then the filter input, then the
// bare-letter commands of the list.
func (m *Model) onKey(msg tea.KeyPressMsg) tea.Cmd {
	if m.confirm != nil {
		return m.answer(msg)
	}
	k := m.ctx.Keys
	typed := m.filtering && msg.Text != ""
	switch {
	case key.Matches(msg, k.Archive):
		return send(base.OpenArchiveMsg{})
	case key.Matches(msg, k.Stats):
		return send(base.OpenStatsMsg{})
	case key.Matches(msg, k.Demo):
		return send(base.AskDemoMsg{})
	case key.Matches(msg, k.DeleteSess):
		if s := m.selected(); s != nil {
			m.confirm = s
		}
		return nil
	case key.Matches(msg, k.NewSession) && !typed: // n is a letter in the filter
		return send(base.EditSessionMsg{})
	case key.Matches(msg, k.Up) && !typed:
		m.move(-1)
		return nil
	case key.Matches(msg, k.Down) && !typed:
		m.move(1)
		return nil
	case key.Matches(msg, k.PageUp):
		m.move(-max(1, m.listHeight()-1))
		return nil
	case key.Matches(msg, k.PageDown):
		m.move(max(1, m.listHeight()-1))
		return nil
	case key.Matches(msg, k.First) && !m.filtering:
		m.move(-len(m.rows))
		return nil
	case key.Matches(msg, k.Last) && !m.filtering:
		m.move(len(m.rows))
		return nil
	}
	if m.filtering {
		switch {
		case key.Matches(msg, k.Back):
			m.clearFilter()
			return nil
		case key.Matches(msg, k.Open):
			m.filtering = false
			m.filter.Blur()
			return nil
		}
		return m.updateFilter(msg)
	}
	switch {
	case key.Matches(msg, k.Open):
		if s := m.selected(); s != nil {
			return send(base.OpenSessionMsg{ID: s.ID})
		}
	case key.Matches(msg, m.edit):
		if s := m.selected(); s != nil {
			return send(base.EditSessionMsg{ID: s.ID})
		}
	case key.Matches(msg, k.Filter):
		m.filtering = true
		return m.filter.Focus()
	case key.Matches(msg, m.clear):
		if m.filter.Value() != "" {
			m.clearFilter()
		}
	}
	return nil
}

// answer takes the reply to "delete this session?": y (yes) or c (có) deletes,
// any other key keeps it.
func (m *Model) answer(msg tea.KeyPressMsg) tea.Cmd {
	s := m.confirm
	m.confirm = nil
	if !key.Matches(msg, m.ctx.Keys.Yes) {
		return nil
	}
	db, id, date := m.db, s.ID, s.Date
	if db == nil {
		return nil
	}
	return func() tea.Msg { return deletedMsg{id: id, date: date, err: db.DeleteSession(id)} }
}

func (m *Model) onDeleted(msg deletedMsg) tea.Cmd {
	if msg.err != nil {
		return send(base.StatusMsg{Err: msg.err, Text: m.ctx.Text.Err(msg.err)})
	}
	return tea.Batch(m.load(), send(base.StatusMsg{Text: m.ctx.Text.F("home.deleted", base.ShortDate(msg.date))}))
}

func (m *Model) updateFilter(msg tea.Msg) tea.Cmd {
	before := m.filter.Value()
	var cmd tea.Cmd
	m.filter, cmd = m.filter.Update(msg)
	if m.filter.Value() != before {
		m.applyFilter()
		m.sel, m.top = 0, 0
		m.clamp()
	}
	return cmd
}

func (m *Model) clearFilter() {
	m.filtering = false
	m.filter.Blur()
	m.filter.SetValue("")
	m.applyFilter()
	m.clamp()
}

// applyFilter keeps the sessions whose haystack fuzzy-matches the filter,
// best match first (ties stay newest first). Fuzzy matching is loose ("15/05"
// also matches "18/05/2026 … số 5"), so the score order is what puts the
// session the secretary meant on top.
func (m *Model) applyFilter() {
	m.rows = m.rows[:0]
	q := strings.TrimSpace(m.filter.Value())
	if q == "" {
		for i := range m.all {
			m.rows = append(m.rows, i)
		}
		return
	}
	for _, r := range base.FuzzyFind(q, m.hay) {
		m.rows = append(m.rows, r.Index)
	}
}

func (m *Model) selected() *store.Summary {
	if m.sel < 0 || m.sel >= len(m.rows) {
		return nil
	}
	s := m.all[m.rows[m.sel]]
	return &s
}

func (m *Model) move(d int) {
	m.sel += d
	m.clamp()
}

// clamp keeps the selection inside the list and on screen.
func (m *Model) clamp() {
	m.sel = min(max(m.sel, 0), max(len(m.rows)-1, 0))
	h := m.listHeight()
	if m.sel < m.top {
		m.top = m.sel
	}
	if h > 0 && m.sel >= m.top+h {
		m.top = m.sel - h + 1
	}
	m.top = max(0, min(m.top, len(m.rows)-h))
	// Round headings take lines too: scroll on until the selection shows.
	for h > 0 && m.top < m.sel && m.linesBetween(m.top, m.sel) > h {
		m.top++
	}
}

// roundOf is the round a session belongs to, "" when it names no sitting
// (it then stands alone).
func roundOf(s model.Session) string {
	if strings.TrimSpace(s.Sitting) == "" {
		return ""
	}
	return store.RoundKey(s)
}

// byRound orders sessions (given newest first) so that each round's
// sessions stand together, newest first, the rounds ordered by their newest
// session; sessions of no round keep their place among them.
func byRound(list []store.Summary) []store.Summary {
	pos := map[uint64]int{}
	first := map[string]int{}
	for i, s := range list {
		pos[s.ID] = i
		if k := roundOf(s.Session); k != "" {
			if _, ok := first[k]; !ok {
				first[k] = i
			}
		}
	}
	// A session's place is its round's first (newest) place, or its own.
	at := func(s store.Summary) int {
		if k := roundOf(s.Session); k != "" {
			return first[k]
		}
		return pos[s.ID]
	}
	out := slices.Clone(list)
	slices.SortStableFunc(out, func(a, b store.Summary) int { return at(a) - at(b) })
	return out
}

// roundStart reports whether row i opens a round's group: the rows are
// grouped only when no filter is typed.
func (m *Model) roundStart(i int) bool {
	if strings.TrimSpace(m.filter.Value()) != "" || i < 0 || i >= len(m.rows) {
		return false
	}
	k := roundOf(m.all[m.rows[i]].Session)
	return k != "" && (i == 0 || roundOf(m.all[m.rows[i-1]].Session) != k)
}

// underRound reports whether row i stands under a round heading, which
// shows the round's deadline in its stead.
func (m *Model) underRound(i int) bool {
	return strings.TrimSpace(m.filter.Value()) == "" && i >= 0 && i < len(m.rows) && roundOf(m.all[m.rows[i]].Session) != ""
}

// linesBetween counts the screen lines from row a to row b, both included,
// with the round headings among them.
func (m *Model) linesBetween(a, b int) int {
	n := 0
	for i := a; i <= b && i < len(m.rows); i++ {
		n++
		if m.roundStart(i) {
			n++
		}
	}
	return n
}

// counts returns how many sessions are overdue and due today. A round
// counts once, by its newest session, whose deadline is the round's.
func (m *Model) counts() (overdue, today int) {
	now := m.ctx.Now()
	newest := map[string]int{}
	for i := range m.all {
		if k := roundOf(m.all[i].Session); k != "" {
			if j, ok := newest[k]; !ok || m.all[i].Date > m.all[j].Date {
				newest[k] = i
			}
		}
	}
	for i := range m.all {
		if k := roundOf(m.all[i].Session); k != "" && newest[k] != i {
			continue
		}
		dl, err := model.SessionDeadline(&m.all[i].Session, m.ctx.Deadline, now)
		if err != nil {
			continue
		}
		switch dl.State {
		case model.DeadlineOverdue:
			overdue++
		case model.DeadlineToday:
			today++
		}
	}
	return overdue, today
}

func send(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }
