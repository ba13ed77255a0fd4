package telex

// This file decides whether composed letters spell a Vietnamese syllable. The
// decoders use it so that only tokens that become real syllables are touched:
// "GPMB", "huawei" or "internet" stay as typed.

// isOnset reports whether on is an initial consonant, as written.
func isOnset(on []byte) bool {
	switch string(on) {
	case "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng",
		"ngh", "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x":
		return true
	}
	return false
}

// hasRhyme reports whether b is a written rhyme (medial + nucleus + final)
// without tone. A switch is cheaper here than a map: no hashing.
func hasRhyme(b []byte) bool {
	switch string(b) {
	case
		// open and glide-final rhymes
		"a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
		"ia", "ua", "ưa", "uơ", "oa", "oe", "uê", "uy",
		"ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "iu", "oi", "ôi", "ơi", "ui", "ưi", "ưu",
		"oai", "oay", "oao", "oeo", "uây", "uya", "uyu", "uôi", "ươi", "ươu", "iêu", "yêu",
		// closed rhymes
		"ac", "ach", "am", "an", "ang", "anh", "ap", "at",
		"ăc", "ăk", "ăm", "ăn", "ăng", "ăp", "ăt", // ăk: Đắk Lắk, Đắk Nông
		"âc", "âm", "ân", "âng", "âp", "ât",
		"ec", "em", "en", "eng", "ep", "et",
		"êch", "êm", "ên", "ênh", "êp", "êt",
		"ich", "im", "in", "inh", "ip", "it",
		"oc", "om", "on", "ong", "op", "ot", "ooc", "oong",
		"ôc", "ôm", "ôn", "ông", "ôp", "ôt",
		"ơm", "ơn", "ơp", "ơt",
		"uc", "um", "un", "ung", "up", "ut",
		"ưc", "ưm", "ưn", "ưng", "ưt",
		"iêc", "iêm", "iên", "iêng", "iêp", "iêt",
		"yêm", "yên", "yêng", "yêt",
		"uôc", "uôm", "uôn", "uông", "uôt",
		"ươc", "ươm", "ươn", "ương", "ươp", "ươt",
		"oac", "oach", "oam", "oan", "oang", "oanh", "oap", "oat",
		"oăc", "oăm", "oăn", "oăng", "oăt",
		"oen", "oet",
		"uân", "uâng", "uât",
		"uêch", "uênh",
		"uych", "uynh", "uyt",
		"uyên", "uyêt":
		return true
	}
	return false
}

func setOf(xs ...string) map[string]struct{} {
	m := make(map[string]struct{}, len(xs))
	for _, x := range xs {
		m[x] = struct{}{}
	}
	return m
}

// maxSyllable bounds the bytes of an onset or rhyme (uyêt is 6 bytes).
const maxSyllable = 12

// valid reports whether resolved letters ls with tone spell one Vietnamese
// syllable: a known onset, a known rhyme, the c/k, g/gh, ng/ngh spelling
// rules, and only sắc or nặng on the stop finals c, ch, p, t.
func valid(ls []letter, tone uint8) bool {
	s, t := vowelGroup(ls)
	if s == t {
		return false
	}
	for i := 0; i < s; i++ {
		if isVowel(ls[i].r) {
			return false // two vowel groups
		}
	}
	// Onset; qu and gi take the vowel that follows q and g.
	rs := s
	if s == 1 && t-s > 1 && ls[s].mod == modNone && (ls[0].r == 'q' && ls[s].r == 'u' || ls[0].r == 'g' && ls[s].r == 'i') {
		rs = s + 1
	}
	var ob [maxSyllable]byte
	on, ok := spell(ob[:0], ls[:rs])
	if !ok {
		return false
	}
	if !isOnset(on) {
		return false
	}
	var rb [maxSyllable + 2]byte
	rh, ok := spell(rb[:2], ls[rs:])
	if !ok {
		return false
	}
	rh = rh[2:]
	first := ls[rs].rune()
	switch string(on) {
	case "qu":
		if first == 'u' || first == 'ư' {
			return false
		}
		if !hasRhyme(rh) && !hasRhyme(prefixed(rb[:len(rh)+2], 'u')) {
			return false
		}
	case "gi":
		if first == 'i' {
			return false
		}
		if !hasRhyme(rh) && !hasRhyme(prefixed(rb[:len(rh)+2], 'i')) {
			return false
		}
	default:
		if !hasRhyme(rh) {
			return false
		}
	}
	front := first == 'i' || first == 'e' || first == 'ê' || first == 'y'
	switch string(on) {
	case "k":
		if !front {
			return false
		}
	case "gh", "ngh":
		if !front || first == 'y' {
			return false
		}
	case "c", "ng":
		if front {
			return false
		}
	case "g":
		if first == 'e' || first == 'ê' || first == 'y' {
			return false // gi is handled above; g before i is gì, gìn
		}
	case "q":
		return false
	}
	if tone != toneNone && tone != toneSac && tone != toneNang {
		switch last := ls[len(ls)-1].r; {
		case last == 'c' || last == 'k' || last == 'p' || last == 't':
			return false
		case last == 'h' && len(ls) >= 2 && ls[len(ls)-2].r == 'c':
			return false
		}
	}
	return true
}

// spell appends the letters (with modifiers, without tone) to dst.
func spell(dst []byte, ls []letter) ([]byte, bool) {
	for _, l := range ls {
		r := l.rune()
		if r >= 0x800 {
			return dst, false
		}
		if r >= 0x80 {
			if len(dst)+2 > cap(dst) {
				return dst, false
			}
			dst = append(dst, byte(0xC0|r>>6), byte(0x80|r&0x3F))
			continue
		}
		if r < 'a' || r > 'z' || len(dst) >= cap(dst) {
			return dst, false
		}
		dst = append(dst, byte(r))
	}
	return dst, true
}

// prefixed writes the ASCII vowel v just before the rhyme held at buf[2:] and
// returns the rhyme with it.
func prefixed(buf []byte, v byte) []byte {
	buf[1] = v
	return buf[1:]
}

// viable reports whether letters being typed can still become a syllable:
// the consonants before the vowels start a known onset, there is at most one
// run of vowels, and what follows it starts a known final consonant. The
// vowels themselves are checked when the word ends (valid).
func viable(ls []letter) bool {
	i := 0
	for i < len(ls) && !isVowel(ls[i].r) {
		i++
	}
	var ob [maxSyllable]byte
	on, ok := spell(ob[:0], ls[:i])
	if !ok || !isOnsetPrefix(on) {
		return false
	}
	for i < len(ls) && isVowel(ls[i].r) {
		i++
	}
	var fb [maxSyllable]byte
	fin, ok := spell(fb[:0], ls[i:])
	if !ok {
		return false
	}
	switch string(fin) {
	case "", "c", "ch", "k", "m", "n", "ng", "nh", "p", "t":
		return true
	}
	return false
}

// isOnsetPrefix reports whether on begins some onset (ng of ngh, q of qu).
func isOnsetPrefix(on []byte) bool {
	switch string(on) {
	case "q", "ngh", "gh":
		return true
	}
	return isOnset(on)
}
