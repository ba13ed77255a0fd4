package capture

import (
	tea "charm.land/bubbletea/v2"

	"txct/store/match/telex"
)

// telexState is the built-in Telex mode for terminals without a Vietnamese
// input method: it keeps the raw keys of the word being typed and rewrites
// the word in the field after each key ("tieengs" → "tiếng").
type telexState struct {
	raw   []rune
	shown int // runes of the composed word now in the field
	style telex.Style
}

func (t *telexState) reset()       { t.raw, t.shown = t.raw[:0], 0 }
func (t *telexState) active() bool { return len(t.raw) > 0 }

// letter returns the ASCII letter a key types, if any.
func letter(msg tea.KeyPressMsg) (rune, bool) {
	if len(msg.Text) != 1 {
		return 0, false
	}
	r := rune(msg.Text[0])
	if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
		return r, true
	}
	return 0, false
}

// compose adds key r to the word and returns the word to show and how many
// runes of the old one to replace.
func (t *telexState) compose(r rune) (string, int) {
	t.raw = append(t.raw, r)
	w := telex.Word(string(t.raw), t.style)
	n := t.shown
	t.shown = len([]rune(w))
	return w, n
}

// key handles a key in a remark field; false means the key is not part of a
// Telex word and goes to the field as typed (a space, a digit, an arrow and
// backspace end the word).
func (t *telexState) key(e *editor, msg tea.KeyPressMsg) bool {
	r, ok := letter(msg)
	if !ok {
		t.reset()
		return false
	}
	w, n := t.compose(r)
	e.replaceBack(n, w)
	return true
}

// keyNotes is key for the notes editor.
func (t *telexState) keyNotes(n *notes, msg tea.KeyPressMsg) bool {
	r, ok := letter(msg)
	if !ok {
		t.reset()
		return false
	}
	w, k := t.compose(r)
	for range k {
		n.ta, _ = n.ta.Update(tea.KeyPressMsg{Code: tea.KeyBackspace})
	}
	n.ta.InsertString(w)
	return true
}
