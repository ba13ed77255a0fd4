package base

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
)

var namedKeys = map[string]rune{
	"enter": tea.KeyEnter, "esc": tea.KeyEscape, "tab": tea.KeyTab, "backspace": tea.KeyBackspace,
	"delete": tea.KeyDelete, "space": tea.KeySpace, "up": tea.KeyUp, "down": tea.KeyDown,
	"left": tea.KeyLeft, "right": tea.KeyRight, "home": tea.KeyHome, "end": tea.KeyEnd,
	"pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown,
}

var keyMods = map[string]tea.KeyMod{"ctrl": tea.ModCtrl, "alt": tea.ModAlt, "shift": tea.ModShift}

// KeyPress is the key press a binding's key name stands for: "enter", "esc",
// "tab", "up", "pgdown", "f1"…"f12", one printable rune, or any of these
// after modifiers such as "ctrl+s", "alt+down", "shift+tab". ok is false for
// a name it does not know. Its String() is the name again, so the press
// matches the binding it came from.
func KeyPress(k string) (msg tea.KeyPressMsg, ok bool) {
	var mod tea.KeyMod
	name := k
	for {
		i := strings.IndexByte(name, '+')
		if i <= 0 || i == len(name)-1 {
			break
		}
		m, ok := keyMods[name[:i]]
		if !ok {
			break
		}
		mod |= m
		name = name[i+1:]
	}
	if code, ok := namedKeys[name]; ok {
		msg := tea.KeyPressMsg{Code: code, Mod: mod}
		if code == tea.KeySpace && mod == 0 {
			msg.Text = " "
		}
		return msg, true
	}
	var n int
	if _, err := fmt.Sscanf(name, "f%d", &n); err == nil && n >= 1 && n <= 12 && name == fmt.Sprintf("f%d", n) {
		return tea.KeyPressMsg{Code: tea.KeyF1 + rune(n-1), Mod: mod}, true
	}
	if r := []rune(name); len(r) == 1 {
		if mod != 0 {
			return tea.KeyPressMsg{Code: r[0], Mod: mod}, true
		}
		return tea.KeyPressMsg{Code: r[0], Text: name}, true
	}
	return tea.KeyPressMsg{}, false
}

// Typed reports whether a key types text: it has text and no ctrl, alt,
// meta or super held (shift only changes the letter).
func Typed(msg tea.KeyPressMsg) bool {
	return msg.Text != "" && msg.Mod&(tea.ModCtrl|tea.ModAlt|tea.ModMeta|tea.ModSuper) == 0
}
