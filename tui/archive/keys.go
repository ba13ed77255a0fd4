package archive

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"txct/store/model"
	"txct/tui/base"
)

// keyMap holds the bindings only this screen has; the rest come from base.
type keyMap struct {
	edit, prev, next, cancel, del, undo, waiting, same key.Binding
}

func newKeyMap(ctx *base.Context) keyMap {
	t := ctx.Text
	b := func(help string, keys ...string) key.Binding {
		return base.Binding(t.S(help), keys...)
	}
	return keyMap{
		edit:    b("key.editanswer", "e"),
		prev:    b("key.prevrec", "alt+up", "["),
		next:    b("key.nextrec", "alt+down", "]"),
		cancel:  b("key.cancel", "esc"),
		del:     base.Relabel(ctx.Keys.Delete, t.S("key.delrec")),
		undo:    base.Relabel(ctx.Keys.Undo, t.S("key.undorec")),
		waiting: b("key.waiting", "w"),
		same:    b("key.same", "="),
	}
}

func (m *Model) onKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case m.ed != nil:
		return m.editKey(msg)
	case m.same != nil:
		return m.sameKey(msg)
	case m.pending != nil:
		return m.confirmKey(msg)
	case m.filtering:
		return m.filterKey(msg)
	case m.detail:
		return m.detailKey(msg)
	}
	return m.listKey(msg)
}

// cycleChoice handles F5, F6 and F8, which work in every mode but editing.
func (m *Model) cycleChoice(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	g := m.ctx.Keys
	next := func(v, n int) int {
		if v+1 >= n {
			return -1
		}
		return v + 1
	}
	switch {
	case key.Matches(msg, g.FilterField):
		m.q.field = next(m.q.field, len(model.Fields))
	case key.Matches(msg, g.FilterLevel):
		m.q.level = next(m.q.level, len(levels))
	case key.Matches(msg, g.FilterState):
		m.q.status = next(m.q.status, len(model.Statuses))
	case !m.filtering && key.Matches(msg, m.keys.waiting): // w is a letter in the filter
		m.q.waiting = !m.q.waiting
	default:
		return nil, false
	}
	return m.refilter(false), true
}

// move handles the movement keys of the list; it reports whether msg was one.
func (m *Model) move(msg tea.KeyPressMsg, arrowsOnly bool) bool {
	g := m.ctx.Keys
	page := m.listHeight()
	switch {
	case key.Matches(msg, g.ArrowUp) || (!arrowsOnly && key.Matches(msg, g.Up)):
		m.sel--
	case key.Matches(msg, g.ArrowDown) || (!arrowsOnly && key.Matches(msg, g.Down)):
		m.sel++
	case key.Matches(msg, g.PageUp):
		m.sel -= page
		m.top -= page
	case key.Matches(msg, g.PageDown):
		m.sel += page
		m.top += page
	case key.Matches(msg, g.First) && !arrowsOnly:
		m.sel = 0
	case key.Matches(msg, g.Last) && !arrowsOnly:
		m.sel = len(m.rows) - 1
	default:
		return false
	}
	m.scroll()
	return true
}

func (m *Model) listKey(msg tea.KeyPressMsg) tea.Cmd {
	g := m.ctx.Keys
	if cmd, ok := m.cycleChoice(msg); ok {
		return cmd
	}
	switch {
	case m.move(msg, false):
	case key.Matches(msg, m.keys.del):
		if len(m.rows) > 0 {
			return m.remove(m.rows[m.sel].Index)
		}
	case key.Matches(msg, m.keys.undo):
		return m.restore()
	case key.Matches(msg, g.Filter):
		m.focusFilter()
	case key.Matches(msg, g.Open):
		if len(m.rows) > 0 {
			return m.open(m.rows[m.sel].Index)
		}
	case key.Matches(msg, g.Back):
		return goHome
	}
	return nil
}

func (m *Model) filterKey(msg tea.KeyPressMsg) tea.Cmd {
	g := m.ctx.Keys
	if cmd, ok := m.cycleChoice(msg); ok {
		return cmd
	}
	switch {
	case m.move(msg, true):
		return nil
	case key.Matches(msg, g.Open, g.Back):
		m.filtering = false
		m.input.Blur()
		return nil
	}
	return m.typeFilter(msg)
}

// typeFilter gives msg to the filter field and, if the text changed,
// schedules a filter run after the debounce pause.
func (m *Model) typeFilter(msg tea.Msg) tea.Cmd {
	before := m.input.Value()
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	if m.input.Value() == before {
		return cmd
	}
	m.q.text = m.input.Value()
	m.seq++
	m.busy = true
	seq := m.seq
	tick := tea.Tick(m.wait, func(time.Time) tea.Msg { return filterTickMsg{seq: seq} })
	return tea.Batch(cmd, tick)
}

func (m *Model) detailKey(msg tea.KeyPressMsg) tea.Cmd {
	g, k := m.ctx.Keys, m.keys
	if cmd, ok := m.cycleChoice(msg); ok {
		return cmd
	}
	page := max(1, m.h-2)
	switch {
	case key.Matches(msg, g.Back):
		m.detail = false
	case key.Matches(msg, k.edit):
		m.startEdit()
	case key.Matches(msg, k.same):
		m.startSame()
	case key.Matches(msg, g.CycleStatus):
		return m.cycleStatus()
	case key.Matches(msg, m.keys.del):
		m.detail = false
		return m.remove(m.cur)
	case key.Matches(msg, m.keys.undo):
		if m.sameUndo != nil {
			return m.undoSame()
		}
		return m.restore()
	case key.Matches(msg, k.prev), key.Matches(msg, k.next):
		d := 1
		if key.Matches(msg, k.prev) {
			d = -1
		}
		if len(m.rows) > 0 {
			m.sel += d
			m.scroll()
			return m.open(m.rows[m.sel].Index)
		}
	case key.Matches(msg, g.Up):
		m.dtop--
	case key.Matches(msg, g.Down):
		m.dtop++
	case key.Matches(msg, g.PageUp):
		m.dtop -= page
	case key.Matches(msg, g.PageDown):
		m.dtop += page
	case key.Matches(msg, g.Filter):
		m.detail = false
		m.focusFilter()
	}
	m.dtop = max(0, min(m.dtop, m.dmax))
	return nil
}

// focusFilter gives the keys to the filter field. Focus's command only
// blinks the virtual cursor; this screen uses the terminal's cursor.
func (m *Model) focusFilter() {
	m.filtering = true
	_ = m.input.Focus()
}
