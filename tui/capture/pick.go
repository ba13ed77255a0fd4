package capture

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"txct/store/model"
	"txct/tui/base"
)

// classPick chooses the edited remark's field or level from a list filtered
// as the user types (accents ignored). It takes the list's place on screen
// and every key while it is open; Tab switches between fields and levels.
type classPick struct {
	*base.Picker
	levels bool
}

// openPick opens the picker on the fields, or on the levels.
func (m *Model) openPick(levels bool) {
	t := m.ctx.Text
	var items []base.PickItem
	if levels {
		for _, a := range model.Authorities {
			items = append(items, base.PickItem{Text: levelLabel(t, a)})
		}
	} else {
		for _, f := range model.Fields {
			items = append(items, base.PickItem{Text: fieldLabel(t, f)})
		}
	}
	m.pick = &classPick{Picker: base.NewPicker(items), levels: levels}
}

// onPickKey handles a key while the picker is open. A choice is set as a
// person's (no longer a guess) through the same undo step as F5/F6.
func (m *Model) onPickKey(msg tea.KeyPressMsg) {
	p := m.pick
	if key.Matches(msg, m.ctx.Keys.NextField) || key.Matches(msg, m.ctx.Keys.PrevField) {
		m.openPick(!p.levels)
		return
	}
	switch p.Key(msg, m.ctx.Keys) {
	case base.PickClose:
		m.pick = nil
	case base.PickChosen:
		m.pick = nil
		i, _ := p.Chosen()
		e := &m.ed
		if p.levels {
			m.classStep("cap.step.level", func() { e.setAuth, e.auth = true, model.Authorities[i] })
		} else {
			m.classStep("cap.step.field", func() { e.setField, e.field = true, model.Fields[i] })
		}
	}
}

// pickView draws the picker in the list's place.
func (m *Model) pickView(w, h int) string {
	s, t := m.ctx.Styles, m.ctx.Text
	title := "cap.pickfield"
	if m.pick.levels {
		title = "cap.picklevel"
	}
	return s.Title.Render(t.S(title)) + "\n" + m.pick.View(s, w, h-2, t.S("cap.picknone"))
}
