package archive

import (
	"fmt"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"txct/store/model"
	"txct/tui/base"
)

const (
	headerLines = 3   // filter line, choices line, column headings
	wideWidth   = 120 // from here the detail sits beside the list
	maxIDWidth  = 14
)

// View draws the list, the detail or both, in exactly the size given.
func (m *Model) View() string {
	m.cursor = nil
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	s, t := m.ctx.Styles, m.ctx.Text
	var body string
	switch {
	case !m.loaded:
		body = s.Muted.Render(t.S("arc.loading"))
	case m.err != nil:
		body = s.Error.Render(t.F("app.error", m.err))
	case m.detail && m.w < wideWidth:
		body = m.detailView(m.w, m.h, 0)
	case m.detail:
		lw := m.listWidth()
		sep := strings.TrimSuffix(strings.Repeat(s.Muted.Render("│")+" \n", m.h), "\n")
		dw := m.w - lw - 2
		body = lipgloss.JoinHorizontal(lipgloss.Top, base.Fit(m.listView(lw), lw, m.h), sep,
			base.Fit(m.detailView(dw, m.h, lw+2), dw, m.h))
	default:
		body = m.listView(m.w)
	}
	return base.Fit(body, m.w, m.h)
}

func (m *Model) listWidth() int {
	if m.detail && m.w >= wideWidth {
		return m.w - m.detailWidth() - 2
	}
	return m.w
}

func (m *Model) detailWidth() int {
	if m.w >= wideWidth {
		return m.w * 9 / 20
	}
	return m.w
}

// cols are the widths of the list's columns; a zero date is left out.
type cols struct {
	id, date, field, status, text int
	label                         bool // the status column has words, not just a mark
}

func (m *Model) columns(w int) cols {
	c := cols{id: m.idW, date: 10, field: 12, status: 1}
	if w >= 100 {
		c.field, c.status, c.label = 18, 17, true
	}
	c.text = w - 2 - c.id - c.date - c.field - c.status - 4
	if c.text < 20 {
		c.date, c.text = 0, c.text+c.date+1
	}
	return c
}

func idWidth(es []entry) int {
	w := 2
	for i := range es {
		w = max(w, lipgloss.Width(es[i].id))
		if w >= maxIDWidth {
			return maxIDWidth
		}
	}
	return w
}

func (m *Model) listView(w int) string {
	s, t := m.ctx.Styles, m.ctx.Text
	title := s.Title.Render(t.S("arc.title")) + "  "
	label := s.Label.Render(t.S("arc.filter"))
	count := fmt.Sprintf("%d / %d", len(m.rows), len(m.entries))
	if m.busy {
		count = s.Muted.Render(t.S("arc.busy")) + " " + count
	}
	inW := w - lipgloss.Width(title) - lipgloss.Width(label) - lipgloss.Width(count) - 2
	m.input.SetWidth(max(1, inW))
	in := m.input.View()
	if c := m.input.Cursor(); c != nil && m.filtering {
		c.X += lipgloss.Width(title) + lipgloss.Width(label)
		m.cursor = c
	}
	gap := max(1, w-lipgloss.Width(title)-lipgloss.Width(label)-lipgloss.Width(in)-lipgloss.Width(count))
	lines := []string{title + label + in + strings.Repeat(" ", gap) + count, m.choices(w)}
	c := m.columns(w)
	lines = append(lines, m.headings(c))
	if len(m.rows) == 0 {
		msg := t.S("arc.nomatch")
		if len(m.entries) == 0 {
			msg = t.S("arc.empty")
		}
		lines = append(lines, "", s.Muted.Render("  "+msg))
	}
	for r := m.top; r < len(m.rows) && r < m.top+m.listHeight(); r++ {
		lines = append(lines, m.row(r, c))
	}
	return strings.Join(lines, "\n")
}

// choices shows the field, level and status filters.
func (m *Model) choices(w int) string {
	s, t := m.ctx.Styles, m.ctx.Text
	one := func(label string, i int, name func(int) string) string {
		if i < 0 {
			return s.Label.Render(label) + s.Muted.Render(t.S("arc.all"))
		}
		return s.Label.Render(label) + s.Badge.Render(name(i))
	}
	sep := s.Muted.Render(" · ")
	out := one(t.S("arc.f.field"), m.q.field, func(i int) string { return fieldLabel(t, model.Fields[i]) }) + sep +
		one(t.S("arc.f.level"), m.q.level, func(i int) string { return levelLabel(t, levels[i]) }) + sep +
		one(t.S("arc.f.status"), m.q.status, func(i int) string { return t.S("status." + string(model.Statuses[i])) })
	if m.q.waiting {
		out = s.Badge.Render(t.S("arc.f.waiting")) + sep + out
	}
	return ansi.Truncate(out, w, "…")
}

func (m *Model) headings(c cols) string {
	t := m.ctx.Text
	h := "  " + pad(t.S("arc.col.id"), c.id) + " "
	if c.date > 0 {
		h += pad(t.S("arc.col.date"), c.date) + " "
	}
	st := ""
	if c.label {
		st = t.S("arc.col.state")
	}
	h += pad(t.S("arc.col.field"), c.field) + " " + pad(st, c.status) + " " + pad(t.S("arc.col.text"), c.text)
	return m.ctx.Styles.Label.Underline(true).Render(h)
}

// pad truncates or pads plain s to w cells.
func pad(s string, w int) string {
	s = ansi.Truncate(s, w, "…")
	return s + strings.Repeat(" ", max(0, w-lipgloss.Width(s)))
}

// row draws list row r: only rows on screen are ever drawn.
func (m *Model) row(r int, c cols) string {
	s, t := m.ctx.Styles, m.ctx.Text
	mt := m.rows[r]
	e, k := &m.entries[mt.Index], &m.fkeys[mt.Index]
	st, mark := s.Value, "  "
	if r == m.sel {
		st, mark = s.Selected, s.Cursor.Render("▌ ")
	}
	hl := st.Foreground(s.Accent).Bold(true).Underline(true)
	var idPos, textPos []int
	for _, p := range mt.Positions {
		switch {
		case p < k.textAt-1:
			idPos = append(idPos, p)
		case p >= k.textAt:
			textPos = append(textPos, p-k.textAt)
		}
	}
	sp := st.Render(" ")
	out := mark + highlight(e.id, idPos, c.id, st, hl) + sp
	if c.date > 0 {
		out += st.Render(pad(e.date, c.date)) + sp
	}
	mk, sst := statusMark(s, e.p.Status)
	word := mk
	if m.q.waiting {
		// Waiting: who it was sent to (the competent level) and how long.
		out += st.Render(pad(levelLabel(t, e.p.Authority), c.field)) + sp
		if c.label {
			word += " " + t.F("arc.waited", waited(e.p.RaisedAt, m.ctx.Now()))
		}
	} else {
		out += st.Render(pad(fieldLabel(t, e.p.Field), c.field)) + sp
		if c.label && e.p.Status != "" {
			word += " " + t.S("status."+string(e.p.Status))
		}
	}
	out += st.Foreground(sst.GetForeground()).Render(pad(word, c.status)) + sp
	return out + highlight(e.text, textPos, c.text, st, hl)
}

// highlight draws plain s in w cells, the runes at pos in hl.
func highlight(s string, pos []int, w int, st, hl lipgloss.Style) string {
	tr := ansi.Truncate(s, w, "…")
	rs := []rune(tr)
	limit := len(rs)
	if tr != s {
		limit-- // the ellipsis is not a match
	}
	var b strings.Builder
	var seg []rune
	on, pi := false, 0
	flush := func() {
		if len(seg) > 0 {
			if on {
				b.WriteString(hl.Render(string(seg)))
			} else {
				b.WriteString(st.Render(string(seg)))
			}
			seg = seg[:0]
		}
	}
	for i, r := range rs {
		for pi < len(pos) && pos[pi] < i {
			pi++
		}
		now := i < limit && pi < len(pos) && pos[pi] == i
		if now != on {
			flush()
			on = now
		}
		seg = append(seg, r)
	}
	flush()
	if gap := w - lipgloss.Width(tr); gap > 0 {
		b.WriteString(st.Render(strings.Repeat(" ", gap)))
	}
	return b.String()
}

// waited is how many days have passed since a petition was raised.
func waited(raised string, now time.Time) int {
	d, err := model.ParseDate(raised)
	if err != nil {
		return 0
	}
	y, mo, da := now.Date()
	return int(time.Date(y, mo, da, 0, 0, 0, 0, time.UTC).Sub(d).Hours() / 24)
}

// statusMark is a one-cell sign and colour for a status, so it reads
// without colour too.
func statusMark(s base.Styles, st model.Status) (string, lipgloss.Style) {
	switch st {
	case model.StatusResolved:
		return "✓", s.OK
	case model.StatusInProgress:
		return "◐", s.Warn
	case model.StatusAnswered:
		return "↩", s.Warn
	case model.StatusUnresolved:
		return "✗", s.Error
	}
	return "·", s.Muted
}

// fieldLabel and levelLabel name a stored value in the UI language; a value
// outside the lists is shown as stored.
func fieldLabel(t base.Text, f model.Field) string { return label(t, "field.", string(f)) }

func levelLabel(t base.Text, a model.Authority) string { return label(t, "level.", string(a)) }

func label(t base.Text, prefix, v string) string {
	if v == "" {
		return t.S(prefix + "none")
	}
	s := t.S(prefix + v)
	if strings.HasPrefix(s, "⟨") {
		return model.Safe(v, false)
	}
	return s
}
