package tui

import (
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"txct/tui/base"
)

// palette is the command palette (Ctrl+P): every action of the current
// screen with its keys, filtered as the user types (accents ignored). Enter
// runs the chosen action by pressing its first key; Esc closes it. While it
// is open every key is its own: nothing typed reaches the screen beneath.
type palette struct {
	pick    *base.Picker      // Key: the keys as people read them; Text: the help
	presses []tea.KeyPressMsg // each item's first key
}

// newPalette lists the screen's bindings (its full help) and the root's,
// each once, skipping disabled ones and keys that cannot be pressed.
func newPalette(ctx *base.Context, screen base.Screen, global []key.Binding) *palette {
	_, full := screen.Help()
	full = append(full, global)
	p := &palette{}
	var items []base.PickItem
	seen := map[string]bool{}
	for _, group := range full {
		for _, b := range group {
			ks := b.Keys()
			if !b.Enabled() || len(ks) == 0 || seen[ks[0]] || slices.Contains(ctx.Keys.Palette.Keys(), ks[0]) {
				continue
			}
			press, ok := base.KeyPress(ks[0])
			if !ok {
				continue
			}
			seen[ks[0]] = true
			items = append(items, base.PickItem{Key: base.KeyNames(b), Text: b.Help().Desc})
			p.presses = append(p.presses, press)
		}
	}
	p.pick = base.NewPicker(items)
	return p
}

// onPaletteKey handles a key while the palette is open; nothing goes to the
// screen except the chosen action's key after Enter.
func (m *Model) onPaletteKey(msg tea.KeyPressMsg) tea.Cmd {
	p := m.palette
	if key.Matches(msg, m.ctx.Keys.Palette) {
		m.palette = nil
		return nil
	}
	switch p.pick.Key(msg, m.ctx.Keys) {
	case base.PickClose:
		m.palette = nil
	case base.PickChosen:
		m.palette = nil
		i, _ := p.pick.Chosen()
		_, cmd := m.Update(p.presses[i])
		return cmd
	}
	return nil
}

func (m *Model) paletteView() string {
	s, k := m.ctx.Styles, m.ctx.Keys
	w := min(m.ctx.Width-4, 72)
	body := s.Title.Render(m.ctx.Text.S("app.palettetitle")) + "\n" +
		m.palette.pick.View(s, max(10, w-4), max(1, m.ctx.Height-10), m.ctx.Text.S("app.palettenone")) + "\n\n" +
		s.Muted.Render(m.ctx.Text.F("app.paletteclose", base.KeyNames(k.ArrowUp), base.KeyNames(k.ArrowDown), base.KeyNames(k.Open), base.KeyNames(k.Back)))
	box := s.Overlay.Width(w).Render(body)
	// Centred first, then fitted: a box padded to the full height first
	// would leave Place nothing to centre.
	return base.Fit(lipgloss.Place(m.ctx.Width, m.ctx.Height, lipgloss.Center, lipgloss.Center, box), m.ctx.Width, m.ctx.Height)
}
