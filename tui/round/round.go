// Package round is the round screen: the points a delegate group held
// before or after one sitting, the round's deadline, and the demands raised
// at several points that the repeat engine suggests or the clerk confirmed
// as one, so the round report shows them once ("n lượt cử tri tại m
// điểm"). Only Ctrl keys change anything, and every change can be undone.
package round

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"txct/store"
	"txct/store/model"
	"txct/tui/base"
)

// Store is what the round screen reads and writes.
type Store interface {
	RoundSessions(id uint64) ([]model.Session, error)
	RoundSnapshot(sessions []model.Session) (model.Snapshot, error)
	SameDemand(id, lead uint64) error
}

var _ Store = (*store.Store)(nil)

// pair is one line of the list: remark (of a later point) and lead (of an
// earlier one), suggested by the engine or confirmed by the clerk.
type pair struct {
	remark, lead uint64
	rPt, rNo     int // point number and the remark's number in its minutes
	lPt, lNo     int
	rText, lText string
	score        float64
	confirmed    bool
}

// change is one confirmation or unconfirmation, kept for undo: remark was
// marked the same demand as remark was (0: none) before it.
type change struct{ remark, was uint64 }

type loadedMsg struct {
	snap  model.Snapshot
	last  model.Session
	pairs []pair
	err   error
}

// doneMsg is the result of a change; did is the change to remember for
// undo (nil for an undo).
type doneMsg struct {
	status string
	did    *change
	err    error
}

// Model is the round screen.
type Model struct {
	ctx    *base.Context
	db     Store
	id     uint64
	w, h   int
	loaded bool
	err    error
	snap   model.Snapshot
	last   model.Session // the round's last session: it sets the deadline
	pairs  []pair
	sel    int
	undo   []change
	busy   bool
}

// New builds the round screen of session id's round.
func New(ctx *base.Context, db Store, id uint64) *Model {
	return &Model{ctx: ctx, db: db, id: id}
}

// Init reads the round.
func (m *Model) Init() tea.Cmd { return m.load() }

// load reads the round off the UI goroutine: the confirmed pairs first,
// then the engine's suggestions.
func (m *Model) load() tea.Cmd {
	db, id := m.db, m.id
	return func() tea.Msg {
		list, err := db.RoundSessions(id)
		if err != nil {
			return loadedMsg{err: err}
		}
		snap, err := db.RoundSnapshot(list)
		if err != nil {
			return loadedMsg{err: err}
		}
		return loadedMsg{snap: snap, last: list[len(list)-1], pairs: pairs(snap)}
	}
}

// pairs lists the round's confirmed same demands, then the suggested ones.
func pairs(snap model.Snapshot) []pair {
	type at struct{ pt, no int }
	where := map[uint64]at{}
	text := map[uint64]string{}
	pos := 0
	for pi, pt := range snap.Points {
		for i := 0; i < pt.Remarks; i++ {
			r := snap.Remarks[pos+i]
			where[r.ID], text[r.ID] = at{pi + 1, i + 1}, r.Text
		}
		pos += pt.Remarks
	}
	var out []pair
	for _, r := range snap.Remarks {
		l, ok := where[r.SameAs]
		if r.SameAs == 0 || !ok {
			continue
		}
		w := where[r.ID]
		out = append(out, pair{remark: r.ID, lead: r.SameAs, rPt: w.pt, rNo: w.no, lPt: l.pt, lNo: l.no,
			rText: r.Text, lText: text[r.SameAs], confirmed: true})
	}
	for _, sg := range store.RoundSuggestions(snap) {
		w, l := where[sg.Remark], where[sg.Lead]
		out = append(out, pair{remark: sg.Remark, lead: sg.Lead, rPt: w.pt, rNo: w.no, lPt: l.pt, lNo: l.no,
			rText: text[sg.Remark], lText: text[sg.Lead], score: sg.Score})
	}
	return out
}

// Update handles keys and results.
func (m *Model) Update(msg tea.Msg) (base.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		m.loaded, m.err = true, msg.err
		if msg.err == nil {
			m.snap, m.last, m.pairs = msg.snap, msg.last, msg.pairs
			m.sel = max(0, min(m.sel, len(m.pairs)-1))
		}
	case doneMsg:
		m.busy = false
		if msg.err == nil && msg.did != nil {
			m.undo = append(m.undo, *msg.did)
		}
		status := base.StatusMsg{Text: msg.status, Err: msg.err}
		return m, tea.Batch(func() tea.Msg { return status }, m.load())
	case tea.KeyPressMsg:
		return m, m.onKey(msg)
	}
	return m, nil
}

func (m *Model) onKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.ctx.Keys
	switch {
	case key.Matches(msg, k.Back):
		id := m.id
		return func() tea.Msg { return base.OpenExportMsg{ID: id} }
	case key.Matches(msg, k.Down):
		m.sel = min(m.sel+1, max(0, len(m.pairs)-1))
	case key.Matches(msg, k.Up):
		m.sel = max(m.sel-1, 0)
	case key.Matches(msg, k.Confirm):
		if p, ok := m.current(); ok && !p.confirmed {
			return m.set(change{remark: p.remark}, p.lead,
				m.ctx.Text.F("round.did", p.rPt, p.rNo, p.lPt, p.lNo))
		}
	case key.Matches(msg, k.Dismiss):
		if p, ok := m.current(); ok && p.confirmed {
			return m.set(change{remark: p.remark, was: p.lead}, 0,
				m.ctx.Text.F("round.undid", p.rPt, p.rNo))
		}
	case key.Matches(msg, k.Undo):
		if len(m.undo) == 0 {
			return func() tea.Msg { return base.StatusMsg{Text: m.ctx.Text.S("round.nothing")} }
		}
		if m.busy {
			return nil
		}
		c := m.undo[len(m.undo)-1]
		m.undo = m.undo[:len(m.undo)-1]
		m.busy = true
		db := m.db
		return func() tea.Msg { return doneMsg{err: db.SameDemand(c.remark, c.was)} }
	}
	return nil
}

func (m *Model) current() (pair, bool) {
	if m.busy || m.sel >= len(m.pairs) {
		return pair{}, false
	}
	return m.pairs[m.sel], true
}

// set marks c.remark the same demand as lead (0: none); once done, c is
// remembered for undo.
func (m *Model) set(c change, lead uint64, status string) tea.Cmd {
	m.busy = true
	db := m.db
	return func() tea.Msg {
		if err := db.SameDemand(c.remark, lead); err != nil {
			return doneMsg{err: err}
		}
		return doneMsg{status: status, did: &c}
	}
}

// View draws the round: group and sitting, deadline, points, then the pairs
// with the highlighted one kept in view.
func (m *Model) View() string {
	s, t := m.ctx.Styles, m.ctx.Text
	switch {
	case !m.loaded:
		return s.Muted.Render(t.S("round.loading"))
	case m.err != nil:
		return s.Error.Render(t.F("app.error", m.err))
	}
	var head []string
	line := func(st func(...string) string, text string) {
		head = append(head, st(ansi.Truncate(text, max(10, m.w), "…")))
	}
	line(s.Title.Render, t.S("round.title")+": "+orUnset(t, m.snap.Session.DelegateGroup)+" — "+orUnset(t, m.snap.Session.Sitting))
	dl, dst := m.ctx.DeadlineLabel(&m.last)
	line(dst.Render, t.F("round.due", m.ctx.DueDate(&m.last), dl))
	head = append(head, "")
	line(s.Label.Render, t.F("round.points", len(m.snap.Points)))
	for i, pt := range m.snap.Points {
		line(plain, "  "+t.F("round.point", i+1, base.ShortDate(pt.Session.Date), model.Safe(pt.Session.Place, false), pt.Remarks))
	}
	head = append(head, "")
	line(s.Label.Render, t.S("round.same"))
	line(s.Muted.Render, t.S("round.hint"))
	if len(m.pairs) == 0 {
		line(s.Muted.Render, "  "+t.S("round.none"))
		return strings.Join(head, "\n")
	}
	// Each pair takes three lines; as many as fit, the highlighted one in
	// view.
	room := max(1, (m.h-len(head))/3)
	first := max(0, min(m.sel-room/2, len(m.pairs)-room))
	body := head
	for i := first; i < len(m.pairs) && i < first+room; i++ {
		p := m.pairs[i]
		title := t.F("round.suggested", p.rPt, p.rNo, p.lPt, p.lNo, int(100*p.score+0.5))
		st := s.Warn
		if p.confirmed {
			title, st = t.F("round.confirmed", p.rPt, p.rNo, p.lPt, p.lNo), s.OK
		}
		mark := "  "
		if i == m.sel {
			mark, st = "› ", s.Selected
		}
		w := max(10, m.w)
		body = append(body, st.Render(ansi.Truncate(mark+title, w, "…")),
			ansi.Truncate(fmt.Sprintf("     %d.%d  %s", p.rPt, p.rNo, oneLine(p.rText)), w, "…"),
			s.Muted.Render(ansi.Truncate(fmt.Sprintf("     %d.%d  %s", p.lPt, p.lNo, oneLine(p.lText)), w, "…")))
	}
	return strings.Join(body, "\n")
}

func plain(s ...string) string { return strings.Join(s, " ") }

func orUnset(t base.Text, s string) string {
	if strings.TrimSpace(s) == "" {
		return t.S("round.nogroup")
	}
	return model.Safe(s, false)
}

// oneLine is a remark's text on one line, safe for the terminal.
func oneLine(s string) string { return strings.Join(strings.Fields(model.Safe(s, false)), " ") }

// SetSize records the area.
func (m *Model) SetSize(w, h int) { m.w, m.h = w, h }

// Typing is false: the screen has no text field.
func (m *Model) Typing() bool { return false }

// Cursor is nil: no field, no cursor.
func (m *Model) Cursor() *tea.Cursor { return nil }

// Help lists the screen's keys, the shared bindings worded for what they
// do here.
func (m *Model) Help() ([]key.Binding, [][]key.Binding) {
	k, t := m.ctx.Keys, m.ctx.Text
	as := func(b key.Binding, help string) key.Binding { return base.Relabel(b, t.S(help)) }
	short := []key.Binding{as(k.Confirm, "round.key.confirm"), as(k.Dismiss, "round.key.clear"), k.Undo, k.Down, k.Up, k.Back}
	return short, [][]key.Binding{short}
}
