// Package stats is the statistics screen: the remarks of a session, or of
// every session, counted by field (in the fixed order the report lists fields) and
// by competent level as bar charts, with the share that repeat an earlier
// petition and the share answered on the spot as gauges, for the session and
// across all sessions.
package stats

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"txct/store"
	"txct/store/model"
	"txct/tui/base"
)

// counts are the figures of one scope. The by-field and by-level rows each
// add up to total: a remark without a valid field or level is counted in a
// last "unclassified" row.
type counts struct {
	total    int
	merged   int   // remarks merged into another (not separate items in the report)
	field    []int // by model.Fields, then unclassified
	level    []int // by model.AllAuthorities, then none
	repeats  int   // remarks with a confirmed repeat
	answered int   // remarks answered on the spot
}

func (c *counts) add(r *model.Remark) {
	if c.field == nil {
		c.field, c.level = make([]int, len(model.Fields)+1), make([]int, len(model.AllAuthorities)+1)
	}
	c.total++
	if r.MergedInto != 0 {
		c.merged++
	}
	if i := r.Field.Index(); i >= 0 {
		c.field[i]++
	} else {
		c.field[len(model.Fields)]++
	}
	c.level[r.Authority.Index()]++ // Index gives len(AllAuthorities) for none
	if len(r.RepeatOf) > 0 {
		c.repeats++
	}
	if r.Answered() {
		c.answered++
	}
}

type loadedMsg struct {
	id           uint64
	title        string
	session, all counts
	err          error
}

// Store is what the statistics screen reads.
type Store interface {
	Session(id uint64) (model.Session, error)
	Remarks(sessionID uint64) ([]model.Remark, error)
	AllRemarks(fn func(model.Remark)) error
}

var _ Store = (*store.Store)(nil)

// Model is the statistics screen.
type Model struct {
	ctx  *base.Context
	db   Store
	id   uint64 // 0: all sessions only
	w, h int
	tab  key.Binding

	loaded       bool
	err          error
	title        string
	session, all counts
	showAll      bool
	off          int // first line shown
}

// New builds the statistics of session sessionID, or of all sessions when 0.
func New(ctx *base.Context, db Store, sessionID uint64) *Model {
	return &Model{ctx: ctx, db: db, id: sessionID, showAll: sessionID == 0,
		tab: base.Binding(ctx.Text.S("key.scope"), "tab")}
}

// Init counts in the background.
func (m *Model) Init() tea.Cmd {
	if m.db == nil {
		return nil
	}
	db, id := m.db, m.id
	return func() tea.Msg {
		msg := loadedMsg{id: id}
		if id != 0 {
			sess, err := db.Session(id)
			if err != nil {
				return loadedMsg{id: id, err: err}
			}
			rems, err := db.Remarks(id)
			if err != nil {
				return loadedMsg{id: id, err: err}
			}
			msg.title = sess.Title
			for i := range rems {
				msg.session.add(&rems[i])
			}
		}
		msg.err = db.AllRemarks(func(r model.Remark) { msg.all.add(&r) })
		return msg
	}
}

// Update dispatches one message.
func (m *Model) Update(msg tea.Msg) (base.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.id == m.id {
			m.loaded, m.err = true, msg.err
			m.title, m.session, m.all = msg.title, msg.session, msg.all
		}
	case tea.MouseWheelMsg:
		if b := msg.Mouse().Button; b == tea.MouseWheelUp {
			m.scroll(-3)
		} else if b == tea.MouseWheelDown {
			m.scroll(3)
		}
	case tea.KeyPressMsg:
		return m, m.onKey(msg)
	}
	return m, nil
}

func (m *Model) onKey(msg tea.KeyPressMsg) tea.Cmd {
	g := m.ctx.Keys
	switch {
	case key.Matches(msg, g.Back):
		if m.id == 0 {
			return func() tea.Msg { return base.GoHomeMsg{} }
		}
		id := m.id
		return func() tea.Msg { return base.OpenSessionMsg{ID: id} }
	case key.Matches(msg, m.tab) && m.id != 0:
		m.showAll = !m.showAll
		m.off = 0
	case key.Matches(msg, g.Down):
		m.scroll(1)
	case key.Matches(msg, g.Up):
		m.scroll(-1)
	case key.Matches(msg, g.PageDown):
		m.scroll(m.h - 1)
	case key.Matches(msg, g.PageUp):
		m.scroll(1 - m.h)
	}
	return nil
}

// scroll moves the view by n lines; View keeps it inside the content.
func (m *Model) scroll(n int) {
	m.off = max(0, min(m.off+n, len(m.lines())-m.h))
}

// SetSize sets the area the screen draws into.
func (m *Model) SetSize(w, h int) { m.w, m.h = w, h }

// Typing is false: the screen has no text field.
func (m *Model) Typing() bool { return false }

// Cursor is nil: no field, no cursor.
func (m *Model) Cursor() *tea.Cursor { return nil }

// Help lists the screen's keys.
func (m *Model) Help() ([]key.Binding, [][]key.Binding) {
	g := m.ctx.Keys
	s := []key.Binding{g.Down, g.Up, g.Back}
	if m.id != 0 {
		s = []key.Binding{m.tab, g.Down, g.Up, g.Back}
	}
	return s, [][]key.Binding{s, {g.PageDown, g.PageUp}}
}
