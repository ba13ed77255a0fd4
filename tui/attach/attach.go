// Package attach is the screen where a person confirms which items of an
// answer report get their answer attached to an archived petition the
// repeat engine matched, before anything is written.
package attach

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"txct/store/model"
	"txct/tui/base"
)

// Candidate is one proposed attachment.
type Candidate struct {
	No       int     // the item's number in the report
	Item     string  // the item's text in the report
	Body     string  // the answering body
	Answer   string  // the answer
	ID       string  // the archived petition
	Archived string  // its text
	Score    float64 // the repeat engine's score
	Accept   bool    // attach (true) or import as a new petition
}

// Model lists the candidates; Space toggles one, Enter confirms them all,
// Esc cancels the whole import.
type Model struct {
	Cands     []Candidate
	Confirmed bool // Enter: import with the choices made
	cur       int
	w, h      int
	t         base.Text
	st        base.Styles
	keys      keyMap
}

// keyMap is the screen's keys; its hint line is drawn from them.
type keyMap struct{ prev, next, toggle, confirm, cancel key.Binding }

func newKeyMap(t base.Text) keyMap {
	g := base.DefaultKeyMap(t)
	b := func(help string, keys ...string) key.Binding {
		return base.Binding(t.S(help), keys...)
	}
	return keyMap{
		prev:    g.Up,
		next:    b("key.down", "down", "j", "tab"),
		toggle:  b("attach.toggle", "space"), // only space: a stray letter ticks nothing
		confirm: b("attach.confirm", "enter"),
		cancel:  b("attach.cancel", "esc", "q", "ctrl+c"),
	}
}

// New makes the screen.
func New(cands []Candidate, lang base.Lang) *Model {
	t := base.Text{Lang: lang}
	return &Model{Cands: cands, t: t, st: base.NewStyles(true), w: 80, h: 24, keys: newKeyMap(t)}
}

// Init implements tea.Model.
func (m *Model) Init() tea.Cmd { return nil }

// Update implements tea.Model.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
	case tea.KeyPressMsg:
		k := m.keys
		switch {
		case key.Matches(msg, k.prev):
			if m.cur > 0 {
				m.cur--
			}
		case key.Matches(msg, k.next):
			if m.cur < len(m.Cands)-1 {
				m.cur++
			}
		case key.Matches(msg, k.toggle):
			if len(m.Cands) > 0 {
				m.Cands[m.cur].Accept = !m.Cands[m.cur].Accept
			}
		case key.Matches(msg, k.confirm):
			m.Confirmed = true
			return m, tea.Quit
		case key.Matches(msg, k.cancel):
			m.Confirmed = false
			return m, tea.Quit
		}
	}
	return m, nil
}

// block is one candidate's lines.
func (m *Model) block(i int) []string {
	c := m.Cands[i]
	w := max(m.w-6, 20)
	mark := "[ ]"
	if c.Accept {
		mark = "[x]"
	}
	head := fmt.Sprintf("%s %s ⇒ %s", mark, m.t.F("attach.item", c.No), m.t.F("attach.arch", model.Safe(c.ID, false), c.Score))
	if !c.Accept {
		head += " — " + m.t.S("attach.new")
	}
	lines := []string{
		cut(head, m.w-2),
		"    " + cut(model.Safe(c.Item, false), w),
		"    " + cut(model.Safe(c.Archived, false), w),
		"    " + cut(answerLine(m.t.S("attach.answer"), c.Body, c.Answer), w),
	}
	if i == m.cur {
		lines[0] = m.st.Selected.Render("▸ " + lines[0])
	} else {
		lines[0] = "  " + lines[0]
	}
	lines[2] = m.st.Muted.Render(lines[2])
	return lines
}

// View implements tea.Model.
func (m *Model) View() tea.View {
	n := 0
	for _, c := range m.Cands {
		if c.Accept {
			n++
		}
	}
	out := []string{m.st.Title.Render(cut(m.t.F("attach.title", n, len(m.Cands)), m.w)), ""}
	room := max((m.h-4)/5, 1)
	first := max(0, min(m.cur-room/2, len(m.Cands)-room))
	for i := first; i < len(m.Cands) && i < first+room; i++ {
		out = append(out, m.block(i)...)
		out = append(out, "")
	}
	body := base.Fit(strings.Join(out, "\n"), m.w, max(m.h-1, 1)) + "\n" + m.st.Muted.Render(cut(base.Hints(m.keys.prev, m.keys.next, m.keys.toggle, m.keys.confirm, m.keys.cancel), m.w))
	v := tea.NewView(body)
	v.AltScreen = true
	return v
}

// answerLine is "Trả lời (Sở Y tế): …", without the brackets when the
// report does not name the body.
func answerLine(label, body, answer string) string {
	if body != "" {
		label += " (" + model.Safe(body, false) + ")"
	}
	return label + ": " + model.Safe(answer, false)
}

// cut shortens s to w cells with an ellipsis.
func cut(s string, w int) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if base.Width(s) <= w || w < 2 {
		return s
	}
	r := []rune(s)
	if len(r) > w {
		r = r[:w]
	}
	for len(r) > 0 && base.Width(string(r))+1 > w {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}
