package sessionform

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"txct/store/model"
	"txct/tui/base"
)

const (
	headLines = 3   // form title, hint or error, blank
	twoColMin = 100 // from this width the form uses two columns
	colGap    = 3
)

// geom is where a field sits: its area's left edge and width (the whole
// screen, or one of two columns), the width of its label column, and the
// column where its input starts inside the area.
type geom struct {
	x0, width int
	inputX    int
	column    int // 0: full width (or single column), 1: left, 2: right
}

func (m *Model) twoCol() bool { return m.w >= twoColMin }

func (m *Model) label(f field) string { return m.ctx.Text.S("form.f." + defs[f].key) }

func (m *Model) labelWidth(from, to field) int {
	w := 0
	for f := from; f <= to; f++ {
		w = max(w, lipgloss.Width(m.label(f)))
	}
	return w
}

func (m *Model) geom(f field) geom {
	if !m.twoCol() {
		return geom{width: m.w, inputX: 2 + m.labelWidth(fKind, fVoters) + 1}
	}
	left := 2 + m.labelWidth(fKind, fOrganiser) + 1
	right := 2 + m.labelWidth(fGroup, fVoters) + 1
	colW := m.leftWidth()
	switch {
	case f <= fTitle:
		return geom{width: m.w, inputX: left}
	case f <= fOrganiser:
		return geom{width: colW, inputX: left, column: 1}
	}
	return geom{x0: colW + colGap, width: m.w - colW - colGap, inputX: right, column: 2}
}

// leftWidth is the width of the left column: wider by the difference of the
// label columns, so both columns' inputs get the same room.
func (m *Model) leftWidth() int {
	left := m.labelWidth(fKind, fOrganiser)
	right := m.labelWidth(fGroup, fVoters)
	return (m.w - colGap + left - right) / 2
}

// sizeInputs fits every input to its column; the extra cell is for the
// cursor after the last letter.
func (m *Model) sizeInputs() {
	for f := fTitle; f < nFields; f++ {
		g := m.geom(f)
		m.inputs[f].SetWidth(max(4, g.width-g.inputX-1))
	}
}

// fieldLines draws one field: the label and input, then its error, then the
// suggestions when it has focus.
func (m *Model) fieldLines(f field) []string {
	s := m.ctx.Styles
	g := m.geom(f)
	marker, lst := "  ", s.Label
	if f == m.focus {
		marker, lst = "▸ ", s.Cursor
	}
	lbl := m.label(f)
	head := s.Cursor.Render(marker) + lst.Render(lbl) + strings.Repeat(" ", g.inputX-2-lipgloss.Width(lbl))
	var value string
	if f == fKind {
		value = m.kindView()
	} else {
		value = m.inputs[f].View()
	}
	out := []string{fit(head+value, g.width)}
	indent := strings.Repeat(" ", g.inputX)
	if e := m.errs[f]; e != "" {
		// Wrapped, not cut: in a narrow column the message must stay whole.
		wrapped := lipgloss.NewStyle().Width(max(10, g.width-g.inputX)).Render("⚠ " + e)
		for _, l := range strings.Split(wrapped, "\n") {
			out = append(out, fit(indent+s.Error.Render(strings.TrimRight(l, " ")), g.width))
		}
	}
	if f == m.focus && m.sugg.open() {
		for i, name := range m.sugg.items {
			out = append(out, fit(indent+m.suggestionLine(i, name), g.width))
		}
	}
	return out
}

// kindView shows every kind in words, the chosen one highlighted.
func (m *Model) kindView() string {
	s := m.ctx.Styles
	parts := make([]string, len(model.Kinds))
	for i, k := range model.Kinds {
		label := m.ctx.Text.S("kind." + string(k))
		switch {
		case i == m.kind && m.focus == fKind:
			parts[i] = s.Selected.Render("◂ " + label + " ▸")
		case i == m.kind:
			parts[i] = s.Value.Bold(true).Underline(true).Render(label)
		default:
			parts[i] = s.Muted.Render(label)
		}
	}
	return strings.Join(parts, "   ")
}

// suggestionLine draws a remembered name with its matched letters
// highlighted (rune positions, so Vietnamese letters light up correctly).
func (m *Model) suggestionLine(i int, name string) string {
	s := m.ctx.Styles
	base, hit := s.Muted, s.Score.Bold(true).Underline(true)
	marker := "  "
	if i == m.sugg.sel {
		base = s.Selected
		hit = s.Selected.Underline(true)
		marker = "▸ "
	}
	matched := map[int]bool{}
	for _, p := range m.sugg.pos[i] {
		matched[p] = true
	}
	var b strings.Builder
	b.WriteString(base.Render(marker))
	for j, r := range []rune(name) {
		st := base
		if matched[j] {
			st = hit
		}
		b.WriteString(st.Render(model.Safe(string(r), false)))
	}
	b.WriteString(base.Render(" "))
	return b.String()
}

// layout draws the form's body (under the header) and says which lines the
// focused field takes and where its input starts.
func (m *Model) layout() (lines []string, focusTop, focusEnd, inputX int) {
	var top, left, right []string
	note := func(f field, dst *[]string, fl []string) {
		if f == m.focus {
			focusTop, focusEnd, inputX = len(*dst), len(*dst)+len(fl), m.geom(f).x0+m.geom(f).inputX
		}
		*dst = append(*dst, fl...)
	}
	for f := fKind; f < nFields; f++ {
		fl := m.fieldLines(f)
		switch m.geom(f).column {
		case 0:
			note(f, &top, fl)
		case 1:
			note(f, &left, fl)
		case 2:
			note(f, &right, fl)
		}
	}
	if !m.twoCol() {
		return top, focusTop, focusEnd, inputX
	}
	top = append(top, "")
	if m.focus > fTitle {
		focusTop += len(top)
		focusEnd += len(top)
	}
	colW := m.leftWidth()
	for i := range max(len(left), len(right)) {
		var l, r string
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		top = append(top, l+strings.Repeat(" ", colW-lipgloss.Width(l)+colGap)+r)
	}
	return top, focusTop, focusEnd, inputX
}

// ensureVisible scrolls the body so the focused field, its error and its
// suggestions are on screen (24 rows hold the header and about 16 fields).
func (m *Model) ensureVisible() {
	m.sizeInputs()
	bodyH := m.h - headLines
	if bodyH <= 0 {
		return
	}
	lines, top, end, _ := m.layout()
	if end-m.offset > bodyH {
		m.offset = end - bodyH
	}
	if top < m.offset {
		m.offset = top
	}
	m.offset = max(0, min(m.offset, len(lines)-bodyH))
}

// View draws the form into exactly the area given by SetSize.
func (m *Model) View() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	s, t := m.ctx.Styles, m.ctx.Text
	title := t.S("form.new")
	if m.id != 0 {
		title = t.S("form.edit")
	}
	out := []string{s.Title.Render(title)}
	switch {
	case m.loadErr != nil:
		return base.Fit(strings.Join(append(out, s.Error.Render(t.F("form.loaderr", m.loadErr))), "\n"), m.w, m.h)
	case !m.loaded:
		return base.Fit(strings.Join(append(out, s.Muted.Render(t.S("form.loading"))), "\n"), m.w, m.h)
	case m.saving:
		out = append(out, s.Muted.Render(t.S("form.saving")))
	case m.formErr != "":
		out = append(out, s.Error.Render(m.formErr))
	default:
		short, _ := m.Help()
		out = append(out, s.Muted.Render(base.Hints(short...)))
	}
	lines, _, _, _ := m.layout()
	bodyH := max(0, m.h-headLines)
	more := ""
	if m.offset > 0 {
		more += "↑"
	}
	if m.offset+bodyH < len(lines) {
		more += "↓"
	}
	out = append(out, strings.Repeat(" ", max(0, m.w-lipgloss.Width(more)))+s.Muted.Render(more))
	end := min(len(lines), m.offset+bodyH)
	out = append(out, lines[min(m.offset, end):end]...)
	return base.Fit(strings.Join(out, "\n"), m.w, m.h)
}

// Cursor is the real cursor in the focused input, relative to the form's
// area, so an input method's candidate window opens where the letters go.
func (m *Model) Cursor() *tea.Cursor {
	if !m.loaded || m.loadErr != nil || m.saving || m.focus == fKind {
		return nil
	}
	c := m.inputs[m.focus].Cursor()
	if c == nil {
		return nil
	}
	_, top, _, x := m.layout()
	y := headLines + top - m.offset
	if y < headLines || y >= m.h {
		return nil
	}
	c.X += x
	c.Y += y
	return c
}

// fit cuts s to w cells.
func fit(s string, w int) string {
	if lipgloss.Width(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, "…")
}
