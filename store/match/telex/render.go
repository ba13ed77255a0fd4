package telex

// This file turns the engine's letters into text: the spelling fixes that
// depend on the whole word, tone placement and the toned letters.

import (
	"unicode"
	"unicode/utf8"
)

// resolve copies the letters into dst with the spelling fixes that depend on
// the whole word: u before a horned o takes a horn when something follows
// (nước, người, but thuở), and a toned ie/ye before a final consonant is iê/yê
// ("tiengs" is tiếng; ie never stands before a final without the circumflex).
func (e *engine) resolve(dst []letter) []letter {
	ls := append(dst, e.letters...)
	s, t := vowelGroup(ls)
	for i := s + 1; i < t; i++ {
		if ls[i].r == 'o' && ls[i].mod == modHorn && ls[i-1].r == 'u' && ls[i-1].mod == modNone &&
			i+1 < len(ls) && !(i-1 == s && s == 1 && ls[0].r == 'q') {
			ls[i-1].mod = modHorn
		}
	}
	if e.tone != toneNone && t < len(ls) && t-s >= 2 && ls[t-1].r == 'e' && ls[t-1].mod == modNone &&
		(ls[t-2].r == 'i' || ls[t-2].r == 'y') && ls[t-2].mod == modNone {
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
