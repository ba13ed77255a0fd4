package capture

import (
	"fmt"
	"strings"
	"unicode"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"txct/store/model"
	"txct/tui/base"
)

// cached is a remark rendered at one width; it is dropped when the remark
// changes or the width does.
type cached struct {
	lines []string
}

// onListKey handles a key while the remark list has focus. No key without a
// modifier changes a remark here: a letter or digit starts a new remark with
// that character in its text (what a secretary typing blind expects: the
// words land in a remark, not in a command), other printable keys only show
// how to start one. Delete and move need ctrl or alt and are undoable.
func (m *Model) onListKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.ctx.Keys
	n := len(m.remarks)
	if startsRemark(msg) {
		return m.startTyping(msg)
	}
	switch {
	case key.Matches(msg, k.ArrowUp): // only arrows: letters start a remark
		m.sel = max(0, m.sel-1)
	case key.Matches(msg, k.ArrowDown):
		m.sel = min(max(0, n-1), m.sel+1)
	case key.Matches(msg, k.PageUp):
		m.sel = max(0, m.sel-5)
	case key.Matches(msg, k.PageDown):
		m.sel = min(max(0, n-1), m.sel+5)
	case key.Matches(msg, k.First):
		m.sel = 0
	case key.Matches(msg, k.Last):
		m.sel = max(0, n-1)
	case key.Matches(msg, k.Edit):
		if n > 0 {
			return m.edit(m.sel)
		}
		return m.newRemark()
	case key.Matches(msg, k.Delete):
		m.deleteSelected()
	case key.Matches(msg, k.Undo):
		m.undoStep()
	case key.Matches(msg, k.Redo):
		m.redoStep()
	case key.Matches(msg, k.MoveUp):
		m.move(-1)
	case key.Matches(msg, k.MoveDown):
		m.move(+1)
	case key.Matches(msg, k.Back):
		m.Leave()
		return navigate(goHome())
	case base.Typed(msg):
		m.status(m.ctx.Text.S("cap.listhint"))
	}
	return nil // listView keeps the selected remark in view
}

// startsRemark reports whether a key in the list starts a new remark: a
// letter or a digit typed without ctrl or alt.
func startsRemark(msg tea.KeyPressMsg) bool {
	if !base.Typed(msg) {
		return false
	}
	for _, r := range msg.Text {
		return unicode.IsLetter(r) || unicode.IsDigit(r)
	}
	return false
}

// startTyping opens a new remark on its text field and types msg into it.
func (m *Model) startTyping(msg tea.KeyPressMsg) tea.Cmd {
	cmd := m.newRemark()
	focus := m.ed.focusOn(fText)
	m.status(m.ctx.Text.F("cap.started", seqOf(m.ed.idx)))
	return tea.Batch(cmd, focus, m.typeKey(msg))
}

func (m *Model) deleteSelected() {
	if m.sel < 0 || m.sel >= len(m.remarks) {
		return
	}
	r := m.remarks[m.sel]
	label := m.ctx.Text.F("cap.step.delete", seqOf(m.sel))
	m.record(label, runKey{})
	m.remarks = append(m.remarks[:m.sel:m.sel], m.remarks[m.sel+1:]...)
	// Remarks merged into the deleted one lose their lead.
	for i := range m.remarks {
		if m.remarks[i].MergedInto == r.ID {
			m.remarks[i].MergedInto = 0
			m.saveRemark(i)
		}
	}
	clear(m.cache) // numbers after the deleted remark change
	m.saveOrder()
	m.sel = min(m.sel, max(0, len(m.remarks)-1))
	m.status(m.ctx.Text.F("cap.deleted", label))
}

func (m *Model) move(delta int) {
	j := m.sel + delta
	if m.sel < 0 || j < 0 || j >= len(m.remarks) {
		return
	}
	m.record(m.ctx.Text.F("cap.step.move", seqOf(m.sel), seqOf(j)), runKey{})
	m.remarks[m.sel], m.remarks[j] = m.remarks[j], m.remarks[m.sel]
	clear(m.cache) // numbers, and merge badges naming them, change
	m.sel = j
	m.saveOrder()
}

func (m *Model) onWheel(msg tea.MouseWheelMsg) {
	switch msg.Mouse().Button {
	case tea.MouseWheelUp:
		m.top = max(0, m.top-1)
		if model.Sections[m.section] != model.SecRemarks {
			m.notes.scroll(-3)
		}
	case tea.MouseWheelDown:
		m.top = min(max(0, len(m.remarks)-1), m.top+1)
		if model.Sections[m.section] != model.SecRemarks {
			m.notes.scroll(3)
		}
	}
}

// seqOf is the remark's number in the minutes: its position, 1-based.
func seqOf(i int) int { return i + 1 }

// render draws remark i at width w, from the cache when it is there.
func (m *Model) render(i, w int) []string {
	r := &m.remarks[i]
	if c, ok := m.cache[r.ID]; ok {
		return c.lines
	}
	s, t := m.ctx.Styles, m.ctx.Text
	// Markers come right after the number, before anything that may be cut
	// at the screen's edge.
	head := fmt.Sprintf("%d.", seqOf(i))
	if len(r.RepeatOf) > 0 {
		head += " " + s.RepeatHit.Render(t.F("cap.repeatbadge", len(r.RepeatOf)))
	}
	if r.MergedInto != 0 {
		head += " " + s.Badge.Render(t.F("cap.mergedbadge", m.seqOfID(r.MergedInto)))
	}
	if r.Guessed&(model.GuessedField|model.GuessedLevel) != 0 {
		head += " " + s.Warn.Render(t.S("cap.guessbadge"))
	}
	if !r.Created.IsZero() {
		head += " " + s.Muted.Render(r.Created.Local().Format("15:04"))
	}
	who := safe(r.Voter)
	if who == "" {
		who = t.S("cap.anonymous")
	}
	head += " " + s.Subtitle.Render(who)
	if r.Address != "" {
		head += s.Muted.Render(" (" + safe(r.Address) + ")")
	}
	tags := []string{t.S("type." + string(typeOr(r.Type)))}
	if r.Field != "" {
		tags = append(tags, t.S("field."+string(r.Field)))
	}
	if r.Authority != "" {
		tags = append(tags, t.S("level."+string(r.Authority)))
	}
	head += s.Muted.Render(" · " + strings.Join(tags, " · "))
	lines := []string{ansi.Truncate(head, w, "…")}
	text := safe(r.Text)
	if text == "" {
		text = s.Muted.Render(t.S("cap.empty"))
	}
	for _, l := range strings.Split(lipgloss.NewStyle().Width(max(10, w-3)).Render(text), "\n") {
		lines = append(lines, "   "+l)
	}
	if r.Answer != nil && (r.Answer.Text != "" || r.Answer.By != "") {
		ans := "↳ " + t.S("cap.answer")
		if r.Answer.By != "" {
			ans += " (" + safe(r.Answer.By) + ")"
		}
		ans += ": " + safe(r.Answer.Text)
		for _, l := range strings.Split(lipgloss.NewStyle().Width(max(10, w-3)).Render(ans), "\n") {
			lines = append(lines, "   "+s.Answer.Render(l))
		}
	}
	m.cache[r.ID] = cached{lines: lines}
	return lines
}

func (m *Model) seqOfID(id uint64) int {
	for i, r := range m.remarks {
		if r.ID == id {
			return seqOf(i)
		}
	}
	return 0
}

func typeOr(t model.RemarkType) model.RemarkType {
	if t == "" {
		return model.TypePetition
	}
	return t
}

func safe(s string) string { return model.Safe(s, false) }

// listView draws as many remarks as fit in h lines, keeping the selected
// (or edited) one in view. Only visible remarks are touched.
func (m *Model) listView(w, h int) string {
	s := m.ctx.Styles
	if len(m.remarks) == 0 {
		return s.Muted.Render(m.ctx.Text.S("cap.noremarks"))
	}
	focus := m.sel
	if focus < m.top {
		m.top = focus
	}
	// Move top down until the focused remark fits.
	for {
		used := 0
		for i := m.top; i <= focus && i < len(m.remarks); i++ {
			used += len(m.render(i, w-2))
		}
		if used <= h || m.top >= focus {
			break
		}
		m.top++
	}
	// Move top up while the remarks from top to the end leave room (after a
	// resize or a delete), so the screen is never emptier than it must be.
	for m.top > 0 {
		used := 0
		for i := m.top - 1; i < len(m.remarks) && used <= h; i++ {
			used += len(m.render(i, w-2))
		}
		if used > h {
			break
		}
		m.top--
	}
	var out []string
	for i := m.top; i < len(m.remarks) && len(out) < h; i++ {
		marker := "  "
		if i == m.sel {
			marker = s.Cursor.Render("▌ ")
			if m.mode == modeEdit {
				marker = s.Cursor.Render("✎ ")
			}
		}
		for j, l := range m.render(i, w-2) {
			if j == 0 {
				out = append(out, marker+l)
			} else {
				out = append(out, "  "+l)
			}
		}
	}
	if len(out) > h {
		out = out[:h]
	}
	return strings.Join(out, "\n")
}
