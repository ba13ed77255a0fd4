// Package telex turns Vietnamese Telex and VNI keystrokes into composed,
// NFC-normalised Vietnamese text.
//
// It serves two callers. The TUI's built-in typing mode, for terminals without
// an input method, feeds keystrokes one at a time to a [Composer] (or keeps the
// raw keys of the current word and calls [Word] after each one). The repeat
// matcher calls [DecodeText] and [DecodeVNIText] on remarks a secretary typed
// with the input method switched off ("kieens nghij" for "kiến nghị"), so that
// they compare equal to remarks typed properly.
//
// The package is pure: no I/O, no globals that change, no UI types.
package telex

import (
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Style chooses where the tone mark goes on the open rhymes oa, oe and uy.
type Style uint8

const (
	// StyleOld puts the tone on the first vowel of oa, oe, uy when no final
	// consonant follows: hòa, khỏe, thủy. It is the zero value because most
	// Vietnamese offices still write this way.
	StyleOld Style = iota
	// StyleNew puts the tone on the second vowel: hoà, khoẻ, thuỷ.
	StyleNew
)

// Method is a keyboard scheme for typing diacritics.
type Method uint8

const (
	// Telex uses letters: aa â, aw ă, ee ê, oo ô, ow ơ, uw or w ư, dd đ;
	// tones s sắc, f huyền, r hỏi, x ngã, j nặng; z removes the tone.
	Telex Method = iota
	// VNI uses digits: 6 circumflex (â ê ô), 7 horn (ơ ư), 8 breve (ă), 9 đ;
	// tones 1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng; 0 removes the tone.
	VNI
)

// Word returns the composed form of raw, the Telex keystrokes of one word, for
// example Word("nuowcs", StyleOld) == "nước". Any string is accepted: keys that
// are not Telex markers are kept as typed, and a doubled marker key types the
// key itself ("aaa" → "aa", "ass" → "as", "ww" → "w"). The result is NFC.
//
// Word is pure, so a caller that keeps the raw keys of the word being typed can
// call it after every keystroke.
func Word(raw string, style Style) string {
	return compose(raw, Telex, style)
}

// WordVNI is [Word] for VNI keystrokes: WordVNI("nu7o71c", StyleOld) == "nước".
func WordVNI(raw string, style Style) string {
	return compose(raw, VNI, style)
}

func compose(raw string, m Method, style Style) string {
	var buf [maxLetters]letter
	e := engine{letters: buf[:0], method: m}
	ascii := true
	for _, r := range raw {
		if r >= utf8.RuneSelf {
			ascii = false
		}
		e = e.key(r)
	}
	var obuf [4 * maxLetters]byte
	out := string(e.appendWord(obuf[:0], style))
	if !ascii {
		// A non-ASCII key (a combining mark, say) is kept as typed and may
		// combine with the letter before it.
		out = norm.NFC.String(out)
	}
	return out
}

// Composer composes one word at a time from keystrokes, for the TUI's typing
// mode. The zero value is ready to use: Telex, old tone style.
//
// Typical use in a text field:
//
//	if c.Accepts(r) {
//		shown := c.Key(r) // draw committed text + shown
//	} else {
//		text += c.Word() + string(r) // space or punctuation commits the word
//		c.Reset()
//	}
//
// On backspace call [Composer.Backspace]; if it returns false the word was
// already empty and the caller deletes from its committed text instead.
type Composer struct {
	// Style is the tone placement for oa, oe, uy.
	Style Style
	// Method is the keyboard scheme; it is read at each key.
	Method Method

	e engine
	// raw is the keys of the word, for Commit to give back when the word is
	// no Vietnamese syllable. After a Backspace it is the keys that spell
	// what is left.
	raw []byte
	// undid is set when the last key took a mark back ("ass" for as).
	undid bool
}

// Accepts reports whether r belongs to the word being typed: an ASCII letter,
// or for VNI also a digit. Other keys end the word.
func (c *Composer) Accepts(r rune) bool {
	switch {
	case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z':
		return true
	case '0' <= r && r <= '9':
		return c.Method == VNI
	}
	return false
}

// Key feeds one keystroke and returns the composed word to display.
func (c *Composer) Key(r rune) string {
	undos := c.e.undos
	c.e.method = c.Method
	c.e = c.e.key(r)
	if r < utf8.RuneSelf {
		c.raw = append(c.raw, byte(r))
	}
	c.undid = c.e.undos > undos
	return c.Word()
}

// Backspace deletes the last letter of the composed word, as the user sees it
// (so after "việt", Backspace leaves "việ"). It reports false, and changes
// nothing, when the word is already empty.
func (c *Composer) Backspace() bool {
	if !c.e.backspace() {
		return false
	}
	c.raw = c.e.appendKeys(c.raw[:0])
	return true
}

// Reset empties the word, typically after the caller committed it.
func (c *Composer) Reset() {
	c.e.reset()
	c.raw, c.undid = c.raw[:0], false
}

// Commit returns the word as it stands once it ends (at a space, punctuation
// or a move), with the rule Unikey and OpenKey call spell checking: a word
// that is no Vietnamese syllable goes back to the keys typed, so Facebook,
// website and email come out as typed, and so do a few loan words that
// happen to spell one (tax, not tã). Two exceptions: an all-capital
// abbreviation keeps its đ (HDDND is HĐND), and a word whose last key took
// a mark back to type a plain letter ("ass" for as) stays as it shows. The
// caller then calls Reset.
func (c *Composer) Commit() string {
	w := c.Word()
	raw := string(c.raw)
	if w == raw {
		return w
	}
	var buf [maxLetters]letter
	ls := c.e.resolve(buf[:0])
	switch {
	case isTypedLoanWord(raw):
		return raw
	case valid(ls, c.e.tone):
		return w
	case c.e.tone == toneNone && isUpper(raw) && onlyStrokes(ls):
		return w
	case c.undid && isASCII(w):
		return w
	}
	return raw
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Len returns the number of letters in the composed word.
func (c *Composer) Len() int {
	return len(c.e.letters)
}

// Word returns the composed word, NFC.
func (c *Composer) Word() string {
	out := string(c.e.appendWord(nil, c.Style))
	for i := 0; i < len(c.e.letters); i++ {
		if c.e.letters[i].r >= utf8.RuneSelf {
			return norm.NFC.String(out)
		}
	}
	return out
}
