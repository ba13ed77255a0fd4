package capture

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"txct/store/model"
	"txct/tui/base"
)

// Layout constants: the side panel appears from sideMin columns; below that
// the panel sits under the editor.
const (
	sideMin    = 110
	editorRows = 8
)

// geometry is where things are drawn, computed on resize and mode change.
type geometry struct {
	mainW, panelW int
	bodyH         int // rows under the header and tabs
	panelBelow    bool
}

func (m *Model) geo() geometry {
	g := geometry{bodyH: max(1, m.h-3)}
	if m.w >= sideMin {
		g.panelW = max(36, m.w*2/5)
		g.mainW = m.w - g.panelW - 1
	} else {
		g.mainW = m.w
		g.panelBelow = true
	}
	return g
}

// layout sizes the editors for the current geometry.
func (m *Model) layout() {
	g := m.geo()
	m.ed.setWidth(g.mainW)
	m.notes.setWidth(g.mainW)
}

// View draws the header, the section tabs and the section.
func (m *Model) View() string {
	if m.w == 0 {
		return ""
	}
	// While typed characters wait for their flush nothing on screen has
	// changed: the program draws after every message, and a paste that
	// arrives as thousands of key messages must not redraw the field (whose
	// drawing grows with its text) thousands of times.
	if len(m.queued) > 0 && m.lastView != "" {
		return m.lastView
	}
	m.lastView = m.view()
	return m.lastView
}

func (m *Model) view() string {
	if !m.loaded {
		return m.ctx.Styles.Muted.Render(m.ctx.Text.S("cap.loading"))
	}
	if m.err != nil {
		return m.ctx.Styles.Error.Render(m.ctx.Text.F("app.error", m.err))
	}
	g := m.geo()
	head := m.head()
	var body string
	if model.Sections[m.section] == model.SecRemarks {
		body = m.remarksView(g)
	} else {
		txt, y := m.notes.view(m.ctx.Styles, g.mainW, g.bodyH)
		m.cur = cursorAt{x: 0, y: 3 + y}
		body = txt
		if !g.panelBelow {
			body = joinCols(box(txt, g.mainW, g.bodyH), " ", m.sectionHint(g.panelW, g.bodyH))
		}
	}
	return head + "\n" + body
}

type cursorAt struct{ x, y int }

// headKey is what the header and tabs depend on; they are drawn once per key.
type headKey struct {
	w, section, count int
	telex             bool
	deadline, title   string
}

func (m *Model) head() string {
	dl, _ := m.ctx.DeadlineLabel(&m.sess)
	k := headKey{w: m.w, section: m.section, count: len(m.remarks), telex: m.telex, deadline: dl, title: m.sess.Title + m.sess.Place + m.sess.Date}
	if m.headCache.ok && m.headCache.key == k {
		return m.headCache.out
	}
	out := m.header() + "\n" + m.tabs() + "\n" + m.ctx.Styles.Muted.Render(strings.Repeat("─", m.w))
	m.headCache.key, m.headCache.out, m.headCache.ok = k, out, true
	return out
}

func box(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	for len(lines) < h {
		lines = append(lines, "")
	}
	lines = lines[:h]
	for i, l := range lines {
		if d := w - base.Width(l); d > 0 {
			lines[i] = l + strings.Repeat(" ", d)
		} else if d < 0 {
			lines[i] = ansi.Truncate(l, w, "")
		}
	}
	return strings.Join(lines, "\n")
}

// joinCols puts two boxes (already padded to their widths by box) side by
// side with sep between them. Unlike lipgloss.JoinHorizontal it measures
// nothing, which matters on the keystroke path.
func joinCols(left, sep, right string) string {
	l, r := strings.Split(left, "\n"), strings.Split(right, "\n")
	n := max(len(l), len(r))
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte('\n')
		}
		if i < len(l) {
			b.WriteString(l[i])
		}
		b.WriteString(sep)
		if i < len(r) {
			b.WriteString(r[i])
		}
	}
	return b.String()
}

func (m *Model) header() string {
	s, t := m.ctx.Styles, m.ctx.Text
	dl, dst := m.ctx.DeadlineLabel(&m.sess)
	right := dst.Render(dl)
	if m.telex {
		right = s.OK.Render(t.S("cap.telexon")) + "  " + right
	} else {
		right = s.Muted.Render(t.S("cap.telexoff")) + "  " + right
	}
	left := s.Title.Render(safe(m.sess.Title)) + s.Muted.Render(" · "+base.ShortDate(m.sess.Date)+" · "+safe(m.sess.Place))
	avail := m.w - lipgloss.Width(right) - 1
	left = ansi.Truncate(left, max(0, avail), "…")
	return left + strings.Repeat(" ", max(1, m.w-lipgloss.Width(left)-lipgloss.Width(right))) + right
}

func (m *Model) tabs() string {
	s, t := m.ctx.Styles, m.ctx.Text
	draw := func(short bool) string {
		var parts []string
		for i, sec := range model.Sections {
			name := t.S("section." + string(sec))
			if short && i != m.section {
				name = t.S("section.short." + string(sec))
			}
			label := fmt.Sprintf("%d %s", i+1, name)
			if sec == model.SecRemarks {
				label += fmt.Sprintf(" (%d)", len(m.remarks))
			}
			if i == m.section {
				parts = append(parts, s.TabActive.Render(label))
			} else {
				parts = append(parts, s.Tab.Render(label))
			}
		}
		return strings.Join(parts, "")
	}
	out := draw(false)
	if base.Width(out) > m.w {
		out = draw(true)
	}
	return ansi.Truncate(out, m.w, "…")
}

func (m *Model) sectionHint(w, h int) string {
	k := fmt.Sprint(w, h, m.section)
	if m.hintCache[0] == k {
		return m.hintCache[1]
	}
	out := m.drawHint(w, h)
	m.hintCache = [2]string{k, out}
	return out
}

func (m *Model) drawHint(w, h int) string {
	s, t := m.ctx.Styles, m.ctx.Text
	hint := s.PanelTitle.Render(t.S("section."+string(model.Sections[m.section]))) + "\n" +
		s.Muted.Render(wrap(t.S("cap.hint.notes"), w))
	return box(hint, w, h)
}

// remarksView draws the list, the editor when a remark is open, and the panel.
func (m *Model) remarksView(g geometry) string {
	listH := g.bodyH
	var editor string
	if m.mode == modeEdit {
		editor = m.editorView(g.mainW)
		listH -= strings.Count(editor, "\n") + 1
	}
	var panel string
	if g.panelBelow && m.mode == modeEdit {
		ph := max(0, min(9, listH-3))
		if ph > 2 {
			panel = m.panelView(g.mainW, ph)
			listH -= strings.Count(panel, "\n") + 1 + 1
		}
	}
	var list string
	if m.pick != nil {
		list = box(m.pickView(g.mainW, max(1, listH)), g.mainW, max(1, listH))
	} else {
		list = box(m.listView(g.mainW, max(1, listH)), g.mainW, max(1, listH))
	}
	main := list
	if editor != "" {
		main += "\n" + editor
		m.cur = cursorAt{x: m.ed.cursorX, y: 3 + max(1, listH) + m.ed.cursorY}
	}
	if panel != "" {
		main += "\n" + m.ctx.Styles.Muted.Render(strings.Repeat("─", g.mainW)) + "\n" + panel
	}
	if g.panelBelow {
		return main
	}
	side := box(m.panelView(g.panelW, g.bodyH), g.panelW, g.bodyH)
	return joinCols(box(main, g.mainW, g.bodyH), m.ctx.Styles.Muted.Render("│"), side)
}

// editorView draws the remark form and records where the cursor goes.
func (m *Model) editorView(w int) string {
	s, t := m.ctx.Styles, m.ctx.Text
	e := &m.ed
	lbl := func(f int, key string) string {
		st := s.Label
		if e.focus == f {
			st = s.Cursor
		}
		return st.Render(t.S(key))
	}
	sep := s.Muted.Render(strings.Repeat("─", w))
	row1a := lbl(fVoter, "cap.f.voter") + " "
	row1b := "  " + lbl(fAddress, "cap.f.address") + " "
	row1 := row1a + e.voter.View() + row1b + e.address.View()
	textLbl := lbl(fText, "cap.f.text") + " "
	textView := indent(e.text.View(), lipgloss.Width(textLbl))
	textView = textLbl + strings.TrimLeft(textView, " ")
	// A guess is drawn muted with a "?" until a person picks it.
	val := func(label string, set bool, keys string) string {
		if set {
			return s.Value.Render(label) + s.Muted.Render(" ["+keys+"]")
		}
		return s.Muted.Render(label + "? [" + keys + "]")
	}
	k := m.ctx.Keys
	class := s.Label.Render(t.S("cap.f.class")+" ") +
		val(t.S("type."+string(typeOr(e.typ))), e.setType, base.KeyNames(k.CycleType)) + s.Muted.Render(" · ") +
		val(fieldLabel(t, e.field), e.setField || e.field == "", base.KeyNames(k.CycleField)) + s.Muted.Render(" · ") +
		val(levelLabel(t, e.auth), e.setAuth || e.auth == "", base.KeyNames(k.CycleLevel))
	ansA := lbl(fAnswerBy, "cap.f.answerby") + " "
	row4 := ansA + e.answerBy.View()
	ansLbl := lbl(fAnswer, "cap.f.answer") + " "
	if lipgloss.Width(ansLbl) > lipgloss.Width(textLbl) {
		ansLbl = lbl(fAnswer, "cap.f.answershort") + " "
	}
	ansLbl += strings.Repeat(" ", max(0, lipgloss.Width(textLbl)-lipgloss.Width(ansLbl)))
	ansView := ansLbl + strings.TrimLeft(indent(e.answer.View(), lipgloss.Width(ansLbl)), " ")
	out := strings.Join([]string{sep, row1, textView, class, row4, ansView}, "\n")
	if m.mergeAsk {
		out = strings.Join([]string{s.Warn.Render(t.F("cap.mergeask", m.mergeNum)), row1, textView, class, row4, ansView}, "\n")
	}

	// The real cursor, so an input method's popup follows it.
	switch e.focus {
	case fVoter:
		e.cursorX, e.cursorY = lipgloss.Width(row1a)+e.voter.Position(), 1
	case fAddress:
		e.cursorX, e.cursorY = lipgloss.Width(row1a)+e.voter.Width()+lipgloss.Width(row1b)+e.address.Position(), 1
	case fText:
		c := e.text.Cursor()
		if c != nil {
			e.cursorX, e.cursorY = lipgloss.Width(textLbl)+c.X, 2+c.Y
		}
	case fAnswerBy:
		e.cursorX, e.cursorY = lipgloss.Width(ansA)+e.answerBy.Position(), 3+lipgloss.Height(textView)
	case fAnswer:
		if c := e.answer.Cursor(); c != nil {
			e.cursorX, e.cursorY = lipgloss.Width(ansLbl)+c.X, 4+lipgloss.Height(textView)+c.Y
		}
	}
	return out
}

func fieldLabel(t base.Text, f model.Field) string {
	if f == "" {
		return t.S("field.none")
	}
	return t.S("field." + string(f))
}

func levelLabel(t base.Text, a model.Authority) string {
	if a == "" {
		return t.S("level.none")
	}
	return t.S("level." + string(a))
}

// Cursor places the terminal's cursor in the focused field.
func (m *Model) Cursor() *tea.Cursor {
	if !m.loaded || !m.Typing() {
		return nil
	}
	c := tea.NewCursor(m.cur.x, m.cur.y)
	return c
}
