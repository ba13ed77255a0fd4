package telex

// This file turns the engine's letters into text: the spelling fixes that
// depend on the whole word, tone placement and the toned letters.

import (
	"unicode"
	"unicode/utf8"
)

// resolve copies the letters into dst with the spelling fixes that depend on
// the whole word, as input methods make them:
//   - uo with one horn takes the other when something follows: u before ơ
//     (nước, người, but thuở) and o after ư (duwois is dưới, truwongf is
//     trường, but hưo stays until the next key);
//   - a toned ie/ye before a final consonant is iê/yê ("tiengs" is tiếng; ie
//     never stands before a final without the circumflex), except after the
//     gi onset, whose i is not a vowel (giefm is gièm).
func (e *engine) resolve(dst []letter) []letter {
	ls := append(dst, e.letters...)
	s, t := vowelGroup(ls)
	qu := s == 1 && ls[0].r == 'q'
	for i := s + 1; i < t; i++ {
		if ls[i-1].r != 'u' || ls[i].r != 'o' || i+1 >= len(ls) || i-1 == s && qu {
			continue
		}
		switch {
		case ls[i].mod == modHorn && ls[i-1].mod == modNone:
			ls[i-1].mod = modHorn
		case ls[i].mod == modNone && ls[i-1].mod == modHorn:
			ls[i].mod = modHorn
		}
	}
	gi := s == 1 && ls[0].r == 'g' && t-2 == s
	if e.tone != toneNone && t < len(ls) && t-s >= 2 && ls[t-1].r == 'e' && ls[t-1].mod == modNone &&
		(ls[t-2].r == 'i' || ls[t-2].r == 'y') && ls[t-2].mod == modNone && !gi {
		ls[t-1].mod = modCirc
	}
	return ls
}

// tonePos returns the index of the letter that carries the tone, or -1.
func tonePos(ls []letter, style Style) int {
	s, t := vowelGroup(ls)
	if s == t {
		return -1
	}
	ns := nucleusStart(ls, s, t)
	for i := t - 1; i >= ns; i-- {
		if m := ls[i].mod; m == modCirc || m == modBreve || m == modHorn {
			return i // the modified vowel; for ươ the ơ
		}
	}
	if t < len(ls) {
		return t - 1 // final consonant: toán, hoàng, huỳnh
	}
	switch t - ns {
	case 1:
		return ns
	case 2:
		a, b := ls[ns].r, ls[ns+1].r
		if style == StyleNew && (a == 'o' && (b == 'a' || b == 'e') || a == 'u' && b == 'y') {
			return ns + 1 // hoà, khoẻ, thuỷ
		}
		return ns // hòa, mùa, tài
	default:
		return ns + 1 // khuỷu, ngoài
	}
}

// appendWord renders the word into dst.
func (e *engine) appendWord(dst []byte, style Style) []byte {
	var buf [maxLetters]letter
	ls := e.resolve(buf[:0])
	return appendLetters(dst, ls, e.tone, style)
}

func appendLetters(dst []byte, ls []letter, tone uint8, style Style) []byte {
	tp := -1
	if tone != toneNone {
		tp = tonePos(ls, style)
	}
	for i, l := range ls {
		r := l.rune()
		if i == tp {
			r = toned(r, tone)
		}
		if l.upper {
			r = unicode.ToUpper(r)
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

// rune returns the letter with its modifier, without tone.
func (l letter) rune() rune {
	switch l.mod {
	case modCirc:
		switch l.r {
		case 'a':
			return 'â'
		case 'e':
			return 'ê'
		case 'o':
			return 'ô'
		}
	case modBreve:
		return 'ă'
	case modHorn:
		if l.r == 'o' {
			return 'ơ'
		}
		return 'ư'
	case modStroke:
		return 'đ'
	}
	return l.r
}

// toneRows lists each vowel followed by its five toned forms, in tone order.
var toneRows = [...][6]rune{
	[6]rune([]rune("aáàảãạ")), [6]rune([]rune("ăắằẳẵặ")), [6]rune([]rune("âấầẩẫậ")),
	[6]rune([]rune("eéèẻẽẹ")), [6]rune([]rune("êếềểễệ")), [6]rune([]rune("iíìỉĩị")),
	[6]rune([]rune("oóòỏõọ")), [6]rune([]rune("ôốồổỗộ")), [6]rune([]rune("ơớờởỡợ")),
	[6]rune([]rune("uúùủũụ")), [6]rune([]rune("ưứừửữự")), [6]rune([]rune("yýỳỷỹỵ")),
}

func toned(r rune, tone uint8) rune {
	row := -1
	switch r {
	case 'a':
		row = 0
	case 'ă':
		row = 1
	case 'â':
		row = 2
	case 'e':
		row = 3
	case 'ê':
		row = 4
	case 'i':
		row = 5
	case 'o':
		row = 6
	case 'ô':
		row = 7
	case 'ơ':
		row = 8
	case 'u':
		row = 9
	case 'ư':
		row = 10
	case 'y':
		row = 11
	}
	if row < 0 || int(tone) >= len(toneRows[row]) {
		return r
	}
	return toneRows[row][tone]
}

// onlyStrokes reports whether the only mark on the letters is the stroke of đ.
func onlyStrokes(ls []letter) bool {
	for _, l := range ls {
		if l.mod != modNone && l.mod != modStroke {
			return false
		}
	}
	return true
}

// appendKeys appends keys that spell the word in its method: each letter,
// then its mark's key (aa, aw, ow, uw, dd; VNI 6, 8, 7, 9), then the tone key.
func (e *engine) appendKeys(dst []byte) []byte {
	for _, l := range e.letters {
		if l.r >= utf8.RuneSelf {
			dst = utf8.AppendRune(dst, l.r)
			continue
		}
		c := byte(l.r)
		if l.upper {
			c -= 'a' - 'A'
		}
		dst = append(dst, c)
		vni := e.method == VNI
		var k byte
		switch l.mod {
		case modCirc:
			k = pick(vni, '6', c|0x20)
		case modBreve:
			k = pick(vni, '8', 'w')
		case modHorn:
			k = pick(vni, '7', 'w')
		case modStroke:
			k = pick(vni, '9', 'd')
		default:
			continue
		}
		if l.upper && k >= 'a' {
			k -= 'a' - 'A'
		}
		dst = append(dst, k)
	}
	if e.tone != toneNone {
		if e.method == VNI {
			dst = append(dst, '0'+e.tone)
		} else {
			dst = append(dst, " sfrxj"[e.tone])
		}
	}
	return dst
}

func pick(vni bool, vniKey, telexKey byte) byte {
	if vni {
		return vniKey
	}
	return telexKey
}
