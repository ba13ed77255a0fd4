package base

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// PickItem is one choice of a Picker: Text is what it says, Key an optional
// second column (a key name); both are matched.
type PickItem struct {
	Key, Text string
}

// Picker is a list filtered as the user types: sahilm/fuzzy over folded text
// (accents ignored), ↑/↓ choose, Enter takes the choice, Esc closes. Every
// key goes to it while it is open; the caller owns what a choice does.
type Picker struct {
	Items []PickItem
	query []rune
	shown []int // indexes into Items, best match first
	sel   int   // position in shown
}

// PickResult is what a key did to a Picker.
type PickResult int

const (
	PickKeep   PickResult = iota // still open
	PickClose                    // closed with no choice
	PickChosen                   // Enter: Chosen says which
)

// NewPicker shows every item, in order, until something is typed.
func NewPicker(items []PickItem) *Picker {
	p := &Picker{Items: items}
	p.filter()
	return p
}

// Query is what has been typed.
func (p *Picker) Query() string { return string(p.query) }

func (p *Picker) filter() {
	p.sel = 0
	p.shown = p.shown[:0]
	if len(p.query) == 0 {
		for i := range p.Items {
			p.shown = append(p.shown, i)
		}
		return
	}
	texts := make([]string, len(p.Items))
	for i, it := range p.Items {
		texts[i] = strings.TrimSpace(it.Text + " " + it.Key)
	}
	for _, m := range FuzzyFind(string(p.query), texts) {
		p.shown = append(p.shown, m.Index)
	}
}

// Chosen is the index in Items of the selected choice; false when nothing
// matches what was typed.
func (p *Picker) Chosen() (int, bool) {
	if p.sel < 0 || p.sel >= len(p.shown) {
		return 0, false
	}
	return p.shown[p.sel], true
}

// Key handles one key press; a key it has no use for is dropped.
func (p *Picker) Key(msg tea.KeyPressMsg, k KeyMap) PickResult {
	switch {
	case key.Matches(msg, k.Back):
		return PickClose
	case key.Matches(msg, k.Open):
		if _, ok := p.Chosen(); ok {
			return PickChosen
		}
		return PickClose
	case key.Matches(msg, k.ArrowUp): // only arrows: letters are the filter's
		p.sel = max(0, p.sel-1)
	case key.Matches(msg, k.ArrowDown):
		p.sel = min(max(0, len(p.shown)-1), p.sel+1)
	case key.Matches(msg, k.Erase):
		if n := len(p.query); n > 0 {
			p.query = p.query[:n-1]
			p.filter()
		}
	case Typed(msg):
		p.query = append(p.query, []rune(msg.Text)...)
		p.filter()
	}
	return PickKeep
}

// Paste types pasted text into the filter, on one line.
func (p *Picker) Paste(text string) {
	p.query = append(p.query, []rune(strings.Join(strings.Fields(text), " "))...)
	p.filter()
}

// View draws the filter line and at most rows choices, each cut to width,
// the selected one highlighted; none says there is no match.
func (p *Picker) View(s Styles, width, rows int, none string) string {
	cut := func(t string, w int) string { return ansi.Truncate(t, max(0, w), "…") }
	lines := []string{"> " + cut(string(p.query), width-3) + "▏"}
	if len(p.shown) == 0 {
		lines = append(lines, s.Muted.Render(cut(none, width)))
	}
	keyW := 0
	for _, i := range p.shown {
		keyW = max(keyW, Width(p.Items[i].Key))
	}
	keyW = min(keyW, width/2)
	rows = max(1, rows)
	first := max(0, p.sel-rows+1)
	for n := first; n < len(p.shown) && n < first+rows; n++ {
		it := p.Items[p.shown[n]]
		line := it.Text
		if keyW > 0 {
			kc := cut(it.Key, keyW)
			line = kc + strings.Repeat(" ", keyW-Width(kc)) + "  " + it.Text
		}
		line = cut(line, width)
		if n == p.sel {
			line = s.Selected.Render(line + strings.Repeat(" ", max(0, width-Width(line))))
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}
