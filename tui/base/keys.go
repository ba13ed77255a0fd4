package base

import (
	"slices"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
)

// KeyMap is the one key map. Bindings are named after actions. Where a text
// field has focus it gets every key first, except ctrl-chords, alt-chords and
// F-keys, so no binding that works while typing is a bare letter.
//
// Every F-key or Alt action has a second key that no common terminal takes,
// because terminals and desktops take some first keys: GNOME Terminal takes
// F1 and F10, macOS takes Ctrl+←/→ and sends Alt only with "Option as
// Meta", laptops need Fn for F-keys, GNOME Terminal takes Ctrl+PgUp/PgDn.
// The second keys are Ctrl letters, one per F-key across screens where it
// can be: F2 Ctrl+W, F3 Ctrl+K, F4 Ctrl+A, F7 Ctrl+U, F8 Ctrl+J, F9 Ctrl+Q;
// the archive's F5/F6 filters Ctrl+F/Ctrl+G. Ctrl+H, Ctrl+I, Ctrl+M and
// Ctrl+[ are Backspace, Tab, Enter and Esc in legacy terminals and Ctrl+V
// is Windows Terminal's paste, so none is used; Ctrl+B (the demo) is tmux's
// prefix, so Alt+M is its second key.
// Three actions have no second key of their own: F10 (Esc steps back to
// the home screen from every screen), and the session screen's F5/F6 and
// Shift+F5/F6 cycling (no Ctrl letter is left there; Ctrl+F picks the field
// or level from a list instead). The palette (Ctrl+P) reaches every action.
type KeyMap struct {
	Quit     key.Binding
	Help     key.Binding
	Back     key.Binding
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Open     key.Binding
	Home     key.Binding
	First    key.Binding
	Last     key.Binding
	Palette  key.Binding

	// Home screen.
	NewSession key.Binding
	Filter     key.Binding
	Archive    key.Binding
	Stats      key.Binding
	Demo       key.Binding
	Redraw     key.Binding
	DeleteSess key.Binding

	// Forms.
	NextField key.Binding
	PrevField key.Binding
	Submit    key.Binding

	// Session screen.
	NextSection key.Binding
	PrevSection key.Binding
	NewRemark   key.Binding
	Commit      key.Binding
	Edit        key.Binding
	Delete      key.Binding
	Undo        key.Binding
	Redo        key.Binding
	EditSession key.Binding
	MoveUp      key.Binding
	MoveDown    key.Binding
	CycleField  key.Binding
	CycleLevel  key.Binding
	FieldBack   key.Binding
	LevelBack   key.Binding
	CycleType   key.Binding
	PickClass   key.Binding
	Telex       key.Binding
	NextMatch   key.Binding
	Confirm     key.Binding
	Dismiss     key.Binding
	Merge       key.Binding
	Review      key.Binding
	Export      key.Binding
	Share       key.Binding
	Details     key.Binding

	// Archive browser.
	CycleStatus key.Binding
	FilterField key.Binding
	FilterLevel key.Binding
	FilterState key.Binding

	// Answers, and the keys of a text field or a list that takes typed
	// letters (where k and j are text, so only the arrows move).
	Yes       key.Binding
	No        key.Binding
	Erase     key.Binding
	ArrowUp   key.Binding
	ArrowDown key.Binding
	Toggle    key.Binding
	ShareAddr key.Binding
	StopShare key.Binding
}

// DefaultKeyMap returns the key map with help text in the language of t.
func DefaultKeyMap(t Text) KeyMap {
	b := func(help string, keys ...string) key.Binding {
		return Binding(t.S(help), keys...)
	}
	return KeyMap{
		Quit:     b("key.quit", "ctrl+c"),
		Help:     b("key.help", "f1", "?"),
		Back:     b("key.back", "esc"),
		Up:       b("key.up", "up", "k"),
		Down:     b("key.down", "down", "j"),
		PageUp:   b("key.pgup", "pgup"),
		PageDown: b("key.pgdown", "pgdown"),
		Open:     b("key.open", "enter"),
		Home:     b("key.home", "f10"),
		First:    b("key.first", "home"),
		Last:     b("key.last", "end"),
		Palette:  b("key.palette", "ctrl+p"),

		NewSession: b("key.newsession", "n", "ctrl+n"),
		Filter:     b("key.filter", "/"),
		Archive:    b("key.archive", "f3", "ctrl+k"),
		Stats:      b("key.stats", "f4", "ctrl+a"),
		Demo:       b("key.demo", "ctrl+b", "alt+m"),
		DeleteSess: b("key.deletesession", "ctrl+d"),
		Redraw:     b("key.redraw", "ctrl+l"),

		NextField: b("key.nextfield", "tab"),
		PrevField: b("key.prevfield", "shift+tab"),
		Submit:    b("key.submit", "ctrl+s"),

		NextSection: b("key.nextsection", "ctrl+right", "alt+right", "ctrl+pgdown"),
		PrevSection: b("key.prevsection", "ctrl+left", "alt+left", "ctrl+pgup"),
		NewRemark:   b("key.newremark", "ctrl+n"),
		Commit:      b("key.commit", "ctrl+s"),
		Edit:        b("key.edit", "enter"),
		Delete:      b("key.delete", "ctrl+d"),
		Undo:        b("key.undo", "ctrl+z"),
		Redo:        b("key.redo", "ctrl+r"),
		EditSession: b("key.editsession", "ctrl+k"),
		MoveUp:      b("key.moveup", "alt+up", "shift+up"),
		MoveDown:    b("key.movedown", "alt+down", "shift+down"),
		CycleField:  b("key.cyclefield", "f5"),
		CycleLevel:  b("key.cyclelevel", "f6"),
		FieldBack:   b("key.fieldback", "shift+f5"),
		LevelBack:   b("key.levelback", "shift+f6"),
		CycleType:   b("key.cycletype", "f7", "ctrl+u"),
		PickClass:   b("key.pickclass", "ctrl+f"),
		Telex:       b("key.telex", "f9", "ctrl+q"),
		NextMatch:   b("key.nextmatch", "f8", "ctrl+j"),
		Confirm:     b("key.confirm", "ctrl+y"),
		Dismiss:     b("key.dismiss", "ctrl+x"),
		Merge:       b("key.merge", "ctrl+g"),
		Review:      b("key.review", "f2", "ctrl+w"),
		Export:      b("key.export", "ctrl+e"),
		Share:       b("key.share", "ctrl+t"),
		Details:     b("key.details", "ctrl+o"),

		CycleStatus: b("key.cyclestatus", "f7", "ctrl+u"),
		FilterField: b("key.filterfield", "f5", "ctrl+f"),
		FilterLevel: b("key.filterlevel", "f6", "ctrl+g"),
		FilterState: b("key.filterstate", "f8", "ctrl+j"),

		// A question is answered y (yes) or c (có); Enter is no answer,
		// so a reflex Enter cannot confirm what it did not read.
		Yes:       b("key.yes", "y", "c", "Y", "C"),
		No:        b("key.no", "n", "k", "N", "K", "esc"),
		Erase:     b("key.erase", "backspace", "ctrl+h"),
		ArrowUp:   b("key.up", "up"),
		ArrowDown: b("key.down", "down"),
		Toggle:    b("key.toggle", "space", "x"),
		ShareAddr: b("key.shareaddr", "ctrl+a"),
		StopShare: b("key.stopshare", "ctrl+x"),
	}
}

// keyNames spell key names the way the README and the hints do.
var keyNames = map[string]string{
	"up": "↑", "down": "↓", "left": "←", "right": "→", "pgup": "PgUp", "pgdown": "PgDn",
	"esc": "Esc", "enter": "Enter", "tab": "Tab", "space": "Space", "home": "Home", "end": "End",
	"backspace": "Backspace", "delete": "Delete",
}

// KeyName spells a key as people read it: "ctrl+n" → "Ctrl+N", "f7" → "F7",
// "alt+up" → "Alt+↑"; a bare character stays as it is typed.
func KeyName(k string) string {
	if utf8.RuneCountInString(k) == 1 {
		return k // a bare character is typed as shown: "n", "?"
	}
	parts := strings.Split(k, "+")
	for i, p := range parts {
		switch {
		case keyNames[p] != "":
			parts[i] = keyNames[p]
		case p == "":
			parts[i] = "+"
		default:
			parts[i] = strings.ToUpper(p[:1]) + p[1:]
		}
	}
	return strings.Join(parts, "+")
}

// KeyOf spells the first key of a binding (see KeyName).
func KeyOf(b key.Binding) string {
	if ks := b.Keys(); len(ks) > 0 {
		return KeyName(ks[0])
	}
	return ""
}

// KeyNames spells every key of a binding, each once, a letter and its
// capital as one: "F1/?", "y/c".
func KeyNames(b key.Binding) string { return strings.Join(KeyNameList(b), "/") }

// KeyNameList is KeyNames as a list.
func KeyNameList(b key.Binding) []string {
	var names []string
	for _, k := range b.Keys() {
		n := KeyName(k)
		if !slices.ContainsFunc(names, func(o string) bool { return strings.EqualFold(o, n) }) {
			names = append(names, n)
		}
	}
	return names
}

// Hints spells bindings as one hint line, "Tab/↓: next field · Ctrl+S:
// save", from the bindings themselves, so a hint names exactly the keys
// that act. Disabled bindings are left out.
func Hints(bs ...key.Binding) string {
	var parts []string
	for _, b := range bs {
		if b.Enabled() && len(b.Keys()) > 0 {
			parts = append(parts, KeyNames(b)+": "+b.Help().Desc)
		}
	}
	return strings.Join(parts, " · ")
}

// Relabel is b under the name its action has on one screen: the same keys,
// another help text.
func Relabel(b key.Binding, desc string) key.Binding {
	b.SetHelp(b.Help().Key, desc)
	return b
}

// Binding is an action's binding: its keys, and the help that names the
// first key as people read it ("Ctrl+N") and says what it does.
func Binding(desc string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(KeyName(keys[0]), desc))
}
