package telex

import (
	"unicode/utf8"
)

// maxLetters is the stack capacity for one word; longer words spill to the
// heap. No Vietnamese syllable needs more than 7 letters (nghiêng).
const maxLetters = 16

// mod is the diacritic a key put on a base letter.
type mod uint8

const (
	modNone   mod = iota
	modCirc       // â ê ô
	modBreve      // ă
	modHorn       // ơ ư
	modStroke     // đ
)

// Tones, numbered as the VNI keys.
const (
	toneNone uint8 = iota
	toneSac
	toneHuyen
	toneHoi
	toneNga
	toneNang
)

// letter is one letter of the word being composed. r is the lower-case base
// letter for ASCII keys, or the key itself for anything else.
type letter struct {
	r     rune
	upper bool
	mod   mod
	// bare marks an ư typed as a lone w, so that a second w turns it back
	// into a w rather than leaving a u.
	bare bool
}

// engine applies keystrokes to a word. It is shared by Word, Composer and the
// text decoders; strict mode is the decoders' stricter reading of the keys.
type engine struct {
	letters []letter
	tone    uint8
	method  Method
	// strict (decoders) accepts dd only at the start of a word and d9 only
	// right after the d.
	strict bool
	// undone is the marker key whose effect a doubled press removed; further
	// presses of it are plain letters, as in common IMEs.
	undone rune
	undos  int // doubled-key undos seen
	tones  int // tone keys applied

	// pend is a letter the current key adds. Only key appends, on a value
	// receiver, so a decoder's letter buffer can stay on the stack.
	pend    letter
	hasPend bool
}

func isVowel(r rune) bool {
	switch r {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

func (e *engine) reset() {
	l := e.letters[:0]
	*e = engine{letters: l, method: e.method, strict: e.strict}
}

func (e *engine) backspace() bool {
	if len(e.letters) == 0 {
		return false
	}
	// Delete what the user sees: keep the letters as rendered (the ư of
	// nước stays when the c goes), and drop the tone with the letter that
	// carried it ("việ" → "vi").
	var buf [maxLetters]letter
	ls := e.resolve(buf[:0])
	n := len(ls) - 1
	if e.tone != toneNone && tonePos(ls, StyleOld) == n {
		e.tone = toneNone
	}
	e.letters = append(e.letters[:0], ls[:n]...)
	e.undone, e.undos = 0, 0
	if s, t := e.group(); s == t {
		e.tone = toneNone
	}
	return true
}

// lit adds k as a plain letter.
func (e *engine) lit(k rune) {
	l := letter{r: k}
	if 'A' <= k && k <= 'Z' {
		l.r, l.upper = k+('a'-'A'), true
	}
	e.pend, e.hasPend = l, true
}

// keys applies the bytes of an ASCII token, copying the state once.
func (e engine) keys(tok string) engine {
	for i := 0; i < len(tok); i++ {
		e.apply(rune(tok[i]))
		if e.hasPend {
			e.letters = append(e.letters, e.pend)
			e.hasPend = false
		}
	}
	return e
}

// key applies one keystroke and returns the new state.
func (e engine) key(k rune) engine {
	e.apply(k)
	if e.hasPend {
		e.letters = append(e.letters, e.pend)
		e.hasPend = false
	}
	return e
}

func (e *engine) apply(k rune) {
	if k == utf8.RuneError || k < 0 {
		k = utf8.RuneError
	}
	kl := k
	if 'A' <= k && k <= 'Z' {
		kl = k + ('a' - 'A')
	}
	if kl == e.undone || e.undos > 0 && !e.strict {
		// After a doubled key took a mark back, the rest of the word is
		// typed as it is, as in common IMEs ("daaasd" is daasd).
		e.lit(k)
		return
	}
	done := false
	if e.method == VNI {
		switch kl {
		case '1', '2', '3', '4', '5':
			done = e.setTone(uint8(kl-'0'), kl, k)
		case '0':
			done = e.clearTone()
		case '6':
			done = e.mark("aeo", modCirc, kl, k)
		case '7':
			done = e.horn(kl, k, false)
		case '8':
			done = e.mark("a", modBreve, kl, k)
		case '9':
			done = e.stroke(kl, k)
		}
	} else {
		switch kl {
		case 's':
			done = e.setTone(toneSac, kl, k)
		case 'f':
			done = e.setTone(toneHuyen, kl, k)
		case 'r':
			done = e.setTone(toneHoi, kl, k)
		case 'x':
			done = e.setTone(toneNga, kl, k)
		case 'j':
			done = e.setTone(toneNang, kl, k)
		case 'z':
			done = e.clearTone()
		case 'a', 'e', 'o':
			done = e.mark(string(kl), modCirc, kl, k)
		case 'w':
			done = e.horn(kl, k, true)
		case 'd':
			done = e.stroke(kl, k)
		}
	}
	if !done {
		e.lit(k)
	}
}

// marks reports whether a tone or vowel-mark key may act: always for the
// decoders, and while typing only on a word that can still become a
// Vietnamese syllable, so "class" or "access" are typed as they are.
func (e *engine) marks() bool {
	return e.strict || viable(e.letters)
}

// undo records a doubled marker key: the key is typed as a letter.
func (e *engine) undo(kl, k rune) {
	e.undone = kl
	e.undos++
	e.lit(k)
}

// group returns the last run of vowels, letters[s:t].
func (e *engine) group() (s, t int) {
	return vowelGroup(e.letters)
}

func vowelGroup(ls []letter) (s, t int) {
	t = len(ls)
	for t > 0 && !isVowel(ls[t-1].r) {
		t--
	}
	s = t
	for s > 0 && isVowel(ls[s-1].r) {
		s--
	}
	return s, t
}

// nucleusStart skips the u of qu and the i of gi, which belong to the onset
// when another vowel follows (quá, giúp; but gì keeps its i).
func nucleusStart(ls []letter, s, t int) int {
	// Both onsets only start a word.
	if s == 1 && t-s > 1 && ls[s].mod == modNone {
		switch {
		case ls[s].r == 'u' && ls[0].r == 'q':
			return s + 1
		case ls[s].r == 'i' && ls[0].r == 'g':
			return s + 1
		}
	}
	return s
}

func (e *engine) setTone(t uint8, kl, k rune) bool {
	if !e.marks() {
		return false
	}
	if s, end := e.group(); s == end {
		return false // no vowel yet: s, r, x... are consonants here
	}
	if e.tone == t {
		e.tone = toneNone
		e.undo(kl, k)
		return true
	}
	e.tone = t
	e.tones++
	return true
}

func (e *engine) clearTone() bool {
	if e.tone == toneNone {
		return false
	}
	e.tone = toneNone
	return true
}

// mark gives want (circumflex or breve) to the last vowel of the group whose
// base is in bases, or takes it away on a doubled key. Telex lets the key
// follow the final consonant, as in "vietej" for việt.
func (e *engine) mark(bases string, want mod, kl, k rune) bool {
	if !e.marks() {
		return false
	}
	s, t := e.group()
	for i := t - 1; i >= s; i-- {
		l := &e.letters[i]
		if !hasByte(bases, l.r) {
			continue
		}
		if want == modCirc && l.r == 'o' && i+1 < t && (e.letters[i+1].r == 'a' || e.letters[i+1].r == 'e') {
			return false // oa, oe take no circumflex: the o of ngoèo, ngoao is a letter
		}
		if want == modCirc && l.r == 'o' && i > s && e.letters[i-1].r == 'u' && e.letters[i-1].mod == modHorn {
			e.letters[i-1].mod, e.letters[i-1].bare = modNone, false // ưo + o is uô: buwoo is buô
		}
		if l.mod == want {
			l.mod = modNone
			e.undo(kl, k)
		} else {
			l.mod = want
		}
		return true
	}
	return false
}

func hasByte(set string, r rune) bool {
	for i := 0; i < len(set); i++ {
		if rune(set[i]) == r {
			return true
		}
	}
	return false
}

// horn handles Telex w (breve or horn) and VNI 7 (horn only). On uo it horns
// the o; whether the u gets a horn too is settled when the word is rendered
// (thuở but nước), see resolve.
func (e *engine) horn(kl, k rune, telex bool) bool {
	if !e.marks() {
		return false
	}
	s, t := e.group()
	ns := nucleusStart(e.letters, s, t)
	target := -1
	for i := ns; i+1 < t; i++ {
		if e.letters[i].r == 'u' && (e.letters[i].mod == modNone || e.letters[i].mod == modHorn) && e.letters[i+1].r == 'o' {
			target = i + 1
			break
		}
	}
	if target < 0 {
		for i := ns; i < t; i++ {
			r := e.letters[i].r
			if r == 'o' && i+1 < t && e.letters[i+1].r == 'a' && telex {
				target = i + 1 // oa: hoặc
				break
			}
			if r == 'o' || r == 'u' || r == 'a' && telex {
				target = i
				break
			}
		}
	}
	if target < 0 {
		gi := t-s == 1 && s == 1 && e.letters[0].r == 'g' && e.letters[1].r == 'i'
		if !telex || s != t && t == len(e.letters) && !gi {
			return false // after a vowel it can mark nothing: "chew" stays
		}
		// A lone w is ư: "nhwng" is nhưng.
		e.pend, e.hasPend = letter{r: 'u', mod: modHorn, bare: true, upper: k == 'W'}, true
		return true
	}
	l := &e.letters[target]
	want := modHorn
	if l.r == 'a' {
		want = modBreve
	}
	if l.mod != want {
		l.mod = want
		return true
	}
	if l.bare {
		// "ww": the first w made ư, the second takes it back to a w.
		*l = letter{r: 'w', upper: l.upper}
		e.undone = kl
		e.undos++
		return true
	}
	l.mod = modNone
	e.undo(kl, k)
	return true
}

// stroke makes a d an đ (Telex dd, VNI d9): the d just typed, anywhere in
// the word (HDDND is HĐND, SDD is SĐ), else the word's initial d (Telex
// lets the second d come later: "didd" is đi). A repeated key takes the
// stroke back. The decoders' strict reading takes only a d that starts the
// word and was typed just before.
func (e *engine) stroke(kl, k rune) bool {
	n := len(e.letters)
	if n == 0 {
		return false
	}
	i := -1
	switch {
	case e.strict:
		if n == 1 && e.letters[0].r == 'd' {
			i = 0
		}
	case e.letters[n-1].r == 'd':
		i = n - 1
	case e.letters[0].r == 'd':
		i = 0
	}
	if i < 0 {
		return false
	}
	l := &e.letters[i]
	if l.mod == modStroke {
		l.mod = modNone
		e.undo(kl, k)
		return true
	}
	l.mod = modStroke
	return true
}
