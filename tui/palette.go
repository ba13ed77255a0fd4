package tui

import (
	"strings"

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
	items []paletteItem
	query []rune
	shown []int // indexes into items, best match first
	sel   int   // position in shown
}

type paletteItem struct {
	press tea.KeyPressMsg // the binding's first key
	keys  string          // its keys as people read them: "Ctrl+T"
	desc  string          // its help text, in the UI language
}

// newPalette lists the screen's bindings (its full help) and the root's,
// each once, skipping disabled ones and keys that cannot be pressed.
func newPalette(ctx *base.Context, screen base.Screen) *palette {
	_, full := screen.Help()
	k := ctx.Keys
	full = append(full, []key.Binding{k.Help, k.Home, k.Redraw, k.Quit})
	p := &palette{}
	seen := map[string]bool{}
	for _, group := range full {
		for _, b := range group {
			ks := b.Keys()
			if !b.Enabled() || len(ks) == 0 || seen[ks[0]] {
				continue
			}
			press, ok := base.KeyPress(ks[0])
			if !ok {
				continue
			}
			seen[ks[0]] = true
			names := make([]string, len(ks))
			for i, s := range ks {
				names[i] = base.KeyName(s)
			}
			p.items = append(p.items, paletteItem{press: press, keys: strings.Join(names, " / "), desc: b.Help().Desc})
		}
	}
	p.filter()
	return p
}

// filter ranks the items against the query with sahilm/fuzzy over the help
// text and the key names, accents folded on both sides.
func (p *palette) filter() {
	p.sel = 0
	p.shown = p.shown[:0]
	if len(p.query) == 0 {
		for i := range p.items {
			p.shown = append(p.shown, i)
		}
		return
	}
	texts := make([]string, len(p.items))
	for i, it := range p.items {
		texts[i] = it.desc + " " + it.keys
	}
	for _, m := range base.FuzzyFind(string(p.query), texts) {
		p.shown = append(p.shown, m.Index)
	}
}

// chosen is the selected item, if any matches.
func (p *palette) chosen() (paletteItem, bool) {
	if p.sel < 0 || p.sel >= len(p.shown) {
		return paletteItem{}, false
	}
	return p.items[p.shown[p.sel]], true
}

// onPaletteKey handles a key while the palette is open; nothing goes to the
// screen except the chosen action's key after Enter.
func (m *Model) onPaletteKey(msg tea.KeyPressMsg) tea.Cmd {
	p, k := m.palette, m.ctx.Keys
	switch {
	case key.Matches(msg, k.Back), key.Matches(msg, k.Palette):
		m.palette = nil
	case key.Matches(msg, k.Open):
		m.palette = nil
		if it, ok := p.chosen(); ok {
			_, cmd := m.Update(it.press)
			return cmd
		}
	case msg.Code == tea.KeyUp && msg.Mod == 0:
		p.sel = max(0, p.sel-1)
	case msg.Code == tea.KeyDown && msg.Mod == 0:
		p.sel = min(max(0, len(p.shown)-1), p.sel+1)
	case msg.Code == tea.KeyBackspace:
		if n := len(p.query); n > 0 {
			p.query = p.query[:n-1]
			p.filter()
		}
	case msg.Text != "" && msg.Mod&^tea.ModShift == 0:
		p.query = append(p.query, []rune(msg.Text)...)
		p.filter()
	}
	return nil
}

// onPalettePaste types pasted text into the filter, on one line.
func (m *Model) onPalettePaste(text string) {
	text = strings.Join(strings.Fields(text), " ")
	m.palette.query = append(m.palette.query, []rune(text)...)
	m.palette.filter()
}

func (m *Model) paletteView() string {
	p, s := m.palette, m.ctx.Styles
	w := min(m.ctx.Width-4, 72)
	inner := max(10, w-4)
	rows := max(1, m.ctx.Height-10)
	var b strings.Builder
	b.WriteString(s.Title.Render(m.ctx.Text.S("app.palettetitle")) + "\n")
	b.WriteString("> " + truncate(string(p.query), inner-3) + "▏\n\n")
	if len(p.shown) == 0 {
		b.WriteString(s.Muted.Render(m.ctx.Text.S("app.palettenone")) + "\n")
	}
	keyW := 0
	for _, i := range p.shown {
		keyW = max(keyW, base.Width(p.items[i].keys))
	}
	keyW = min(keyW, inner/2)
	first := max(0, p.sel-rows+1)
	for n := first; n < len(p.shown) && n < first+rows; n++ {
		it := p.items[p.shown[n]]
		line := truncate(it.keys, keyW)
		line += strings.Repeat(" ", keyW-base.Width(line)) + "  " + it.desc
		line = truncate(line, inner)
		if n == p.sel {
			line = s.Selected.Render(line + strings.Repeat(" ", inner-base.Width(line)))
		}
		b.WriteString(line + "\n")
	}
	b.WriteString("\n" + s.Muted.Render(m.ctx.Text.S("app.paletteclose")))
	box := s.Overlay.Width(w).Render(b.String())
	return lipgloss.Place(m.ctx.Width, m.ctx.Height, lipgloss.Center, lipgloss.Center, base.Fit(box, m.ctx.Width, m.ctx.Height))
}
