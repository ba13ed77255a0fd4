package capture

import (
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"

	"txct/store/match/telex"
)

// telexState is the built-in Telex mode for terminals without a Vietnamese
// input method. The engine's Composer holds the word being typed and the
// field shows what it composes, rewritten after each key ("tieengs" →
// "tiếng"); backspace edits the word as shown ("loạn" → "lọa", then "n" →
// "loạn" again); a key that ends the word lets the spell-check rule put back
// the keys of a word that is no syllable ("Facebôk" → "Facebook").
type telexState struct {
	c     telex.Composer
	shown int // runes of the composed word now in the field
	style telex.Style
}

func (t *telexState) reset() {
	t.c.Reset()
	t.shown = 0
}

func (t *telexState) active() bool { return t.c.Len() > 0 }

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

// step handles a key; replace(n, s) puts s in place of the n runes before
// the cursor. It reports false when the key is not part of the word and goes
// to the field as typed (the word has then ended).
func (t *telexState) step(msg tea.KeyPressMsg, erase bool, replace func(n int, s string)) bool {
	t.c.Style = t.style
	show := func(w string) {
		replace(t.shown, w)
		t.shown = utf8.RuneCountInString(w)
	}
	if erase && t.active() {
		t.c.Backspace()
		show(t.c.Word())
		if !t.active() {
			t.reset()
		}
		return true
	}
	if r, ok := letter(msg); ok && t.c.Accepts(r) {
		show(t.c.Key(r))
		return true
	}
	t.end(replace)
	return false
}

// end finishes the word: the spell-check rule may give back its keys.
func (t *telexState) end(replace func(n int, s string)) {
	if t.active() {
		if w := t.c.Commit(); w != t.c.Word() {
			replace(t.shown, w)
		}
	}
	t.reset()
}

// key handles a key in a remark field; erase says it is the field's
// backspace, which edits the word being composed.
func (t *telexState) key(e *editor, msg tea.KeyPressMsg, erase bool) bool {
	return t.step(msg, erase, e.replaceBack)
}

// keyNotes is key for the notes editor.
func (t *telexState) keyNotes(n *notes, msg tea.KeyPressMsg, erase bool) bool {
	return t.step(msg, erase, n.replaceBack)
}

// compose runs typed text through Telex as key presses and returns the
// edit to make at the cursor in one go: delete del runes before it, then
// insert ins. It is what replaceBack would do key by key, without touching
// the field for every key.
func (t *telexState) compose(text string) (del int, ins string) {
	var buf []rune
	replace := func(n int, s string) {
		if n <= len(buf) {
			buf = append(buf[:len(buf)-n], []rune(s)...)
			return
		}
		del += n - len(buf)
		buf = append(buf[:0], []rune(s)...)
	}
	for _, r := range text {
		if !t.step(tea.KeyPressMsg{Code: r, Text: string(r)}, false, replace) {
			buf = append(buf, r)
		}
	}
	return del, string(buf)
}

// endIn finishes the word in a remark field.
func (t *telexState) endIn(e *editor) { t.end(e.replaceBack) }
