package home

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"txct/store/model"
	"txct/tui/base"
)

// Lines above the list: title, filter or hint, column headers.
const headLines = 3

func lipglossWidth(s string) int { return lipgloss.Width(s) }

func (m *Model) listHeight() int { return max(0, m.h-headLines) }

// View draws the screen into exactly w×h cells.
func (m *Model) View() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	lines := []string{m.titleLine()}
	switch {
	case !m.loaded:
		lines = append(lines, "", m.ctx.Styles.Muted.Render(m.ctx.Text.S("home.loading")))
	case m.err != nil && len(m.all) == 0:
		lines = append(lines, "", m.ctx.Styles.Error.Render(m.ctx.Text.F("home.loaderr", m.err)))
	case len(m.all) == 0:
		lines = append(lines, m.emptyView())
	default:
		cols := m.columns()
		lines = append(lines, m.secondLine(), m.headerLine(cols))
		if len(m.rows) == 0 {
			msg := m.ctx.Text.F("home.nomatch", model.Safe(m.filter.Value(), false))
			lines = append(lines, "", m.ctx.Styles.Muted.Render(msg))
		}
		end := min(len(m.rows), m.top+m.listHeight())
		for i := m.top; i < end; i++ {
			if m.roundStart(i) {
				lines = append(lines, m.roundLine(i))
			}
			lines = append(lines, m.rowLine(cols, i))
		}
	}
	return base.Fit(strings.Join(lines, "\n"), m.w, m.h)
}

// titleLine: the app name, then how many sessions, overdue and due today.
func (m *Model) titleLine() string {
	s, t := m.ctx.Styles, m.ctx.Text
	out := s.Title.Render(t.S("app.name"))
	if !m.loaded || len(m.all) == 0 {
		return out
	}
	parts := []string{s.Muted.Render(t.F("home.count", len(m.all)))}
	over, today := m.counts()
	if over > 0 {
		parts = append(parts, s.Error.Render(t.F("home.overdue", over)))
	}
	if today > 0 {
		parts = append(parts, s.Warn.Render(t.F("home.duetoday", today)))
	}
	if len(m.rows) != len(m.all) {
		parts = append(parts, s.Muted.Render(t.F("home.shown", len(m.rows), len(m.all))))
	}
	return out + "   " + strings.Join(parts, s.Muted.Render(" · "))
}

// secondLine is the delete question, the filter, or a hint.
func (m *Model) secondLine() string {
	s, t := m.ctx.Styles, m.ctx.Text
	switch {
	case m.confirm != nil:
		q := t.F("home.confirm", base.ShortDate(m.confirm.Date), m.confirm.Remarks)
		return s.Error.Render(ansi.Truncate(q, m.w, "…"))
	case m.filtering || m.filter.Value() != "":
		line := s.Label.Render(t.S("home.filter")) + m.filter.View()
		if m.filtering {
			line += "  " + s.Muted.Render(m.filterHint())
		}
		return line
	}
	k := m.ctx.Keys
	return s.Muted.Render(base.Hints(k.Open, k.NewSession, m.edit, k.DeleteSess, k.Filter))
}

// column is one column of the table: its header, width and alignment.
type column struct {
	id    string
	width int
	right bool
}

// columns fits the table to the width: fixed columns for date, kind, remarks,
// due date and status; the rest goes to place, then title (≥ 100 cells) and
// delegate group (≥ 150 cells).
func (m *Model) columns() []column {
	t := m.ctx.Text
	hw := func(id string) int { return lipgloss.Width(t.S("home.col." + id)) }
	kindW, stateW := hw("kind"), hw("state")
	for _, k := range model.Kinds {
		kindW = max(kindW, lipgloss.Width(t.S("kind."+string(k))))
	}
	for i := range m.all {
		label, _ := m.ctx.DeadlineLabel(&m.all[i].Session)
		stateW = max(stateW, lipgloss.Width(label))
	}
	gap := 1
	if m.w >= 100 {
		gap = 2
	}
	fixed := []column{
		{id: "date", width: max(10, hw("date"))},
		{id: "kind", width: kindW},
		{id: "count", width: max(4, hw("count")), right: true},
		{id: "due", width: max(10, hw("due"))},
		{id: "state", width: stateW},
	}
	used := 2 // selection marker
	for _, c := range fixed {
		used += c.width + gap
	}
	flex := []string{"place"}
	switch {
	case m.w >= 150:
		flex = []string{"place", "title", "group"}
	case m.w >= 100:
		flex = []string{"place", "title"}
	}
	room := max(8, m.w-used-gap*(len(flex)-1))
	shares := map[int][]int{1: {100}, 2: {40, 60}, 3: {30, 45, 25}}[len(flex)]
	cols := []column{fixed[0]}
	left := room
	for i, id := range flex {
		w := room * shares[i] / 100
		if i == len(flex)-1 {
			w = left
		}
		left -= w
		cols = append(cols, column{id: id, width: w})
	}
	return append(cols, fixed[1:]...)
}

func (m *Model) gap() string {
	if m.w >= 100 {
		return "  "
	}
	return " "
}

func (m *Model) headerLine(cols []column) string {
	s, t := m.ctx.Styles, m.ctx.Text
	cells := make([]string, len(cols))
	for i, c := range cols {
		cells[i] = cell(t.S("home.col."+c.id), c.width, c.right, s.Header)
	}
	return "  " + strings.Join(cells, m.gap())
}

// rowLine draws the session at position i of the filtered list.
func (m *Model) rowLine(cols []column, i int) string {
	s := m.ctx.Styles
	sum := &m.all[m.rows[i]]
	sel := i == m.sel
	style := func(st lipgloss.Style) lipgloss.Style {
		if sel {
			return st.Background(s.Selected.GetBackground()).Bold(true)
		}
		return st
	}
	label, stateSt := m.ctx.DeadlineLabel(&sum.Session)
	due := m.ctx.DueDate(&sum.Session)
	// Under a round heading the report is due with the round's, which the
	// heading shows: a row repeats no deadline of its own, only whether its
	// session was exported.
	if m.underRound(i) {
		due = ""
		if !m.ctx.Exported(&sum.Session) {
			label = ""
		}
	}
	cells := make([]string, len(cols))
	for j, c := range cols {
		var text string
		st := s.Value
		switch c.id {
		case "date":
			text = base.ShortDate(sum.Date)
		case "place":
			text = model.Safe(sum.Place, false)
			if m.demo[sum.ID] {
				// Demo sessions are marked where every width shows them.
				text = m.ctx.Text.S("home.demo") + " " + text
			}
		case "title":
			text = model.Safe(sum.Title, false)
		case "group":
			text = model.Safe(sum.DelegateGroup, false)
		case "kind":
			text, st = m.ctx.Text.S("kind."+string(sum.Kind)), s.Muted
		case "count":
			text = fmt.Sprint(sum.Remarks)
		case "due":
			text = due
		case "state":
			text, st = label, stateSt
		}
		cells[j] = cell(text, c.width, c.right, style(st))
	}
	marker := "  "
	if sel {
		marker = "▸ "
	}
	return style(s.Cursor).Render(marker) + strings.Join(cells, style(s.Value).Render(m.gap()))
}

// roundLine heads the sessions of the round row i opens: the delegate
// group and the sitting, how many sessions, and the round's deadline (five
// days after its newest session, which comes first).
func (m *Model) roundLine(i int) string {
	s, t := m.ctx.Styles, m.ctx.Text
	sess := m.all[m.rows[i]].Session
	n := 0
	for j := i; j < len(m.rows) && roundOf(m.all[m.rows[j]].Session) == roundOf(sess); j++ {
		n++
	}
	label, st := m.ctx.DeadlineLabel(&sess)
	due := t.F("home.rounddue", m.ctx.DueDate(&sess))
	head := t.F("home.round", n, model.Safe(sess.DelegateGroup, false), model.Safe(sess.Sitting, false))
	// The deadline first: a narrow screen cuts the names, which the rows
	// below repeat, rather than the date.
	return ansi.Truncate(s.Subtitle.Render("▾ "+due+" ")+st.Render(label)+s.Muted.Render(" · "+head), m.w, "…")
}

// emptyView explains how to start when there is no session at all.
func (m *Model) emptyView() string {
	s, t := m.ctx.Styles, m.ctx.Text
	width := min(72, m.w-4)
	body := lipgloss.NewStyle().Width(width).Render(
		s.Subtitle.Render(t.S("home.empty1")) + "\n\n" + t.S("home.empty2") + "\n\n" + s.Muted.Render(t.S("home.empty3")))
	return lipgloss.Place(m.w, max(1, m.h-1), lipgloss.Center, lipgloss.Center, body)
}

// cell truncates s to w cells (ANSI- and width-aware) and pads it.
func cell(s string, w int, right bool, st lipgloss.Style) string {
	s = ansi.Truncate(s, w, "…")
	pad := strings.Repeat(" ", max(0, w-lipgloss.Width(s)))
	if right {
		return st.Render(pad + s)
	}
	return st.Render(s + pad)
}

// filterHint says how to leave the filter, with the keys that do it.
func (m *Model) filterHint() string {
	k := m.ctx.Keys
	return m.ctx.Text.F("home.filterhint", base.KeyNames(k.Open), base.KeyNames(k.Back))
}
