package match

import "strings"

// The flag score of a remark and a petition depends on the two texts only,
// never on the rest of the archive: a word's weight is fixed by what kind of
// word it is, not by how many petitions hold it. So a pair scores the same
// in an archive of 200 petitions and of 200,000, and one threshold serves
// both. The archive's statistics (BM25 rarity) only choose which petitions
// are scored.

// genericWords are the words every kind of petition uses: places in
// general, people, time, quantity, and the verbs of asking, building and
// repairing. They say little about which demand is meant and count for
// genericWeight. Folded forms: the weight applies to a word typed with or
// without marks.
var genericWords = setOf(
	// places, people and bodies in general
	"tinh", "huyen", "xa", "thon", "xom", "phuong", "khu", "dia", "ban", "vung", "noi",
	"dan", "nguoi", "nha", "dinh", "nhan", "cap", "nganh", "chinh", "quyen",
	"uy", "hoi", "co", "quan", "don", "vi", "trung", "uong", "so",
	// time and quantity
	"nam", "thang", "ngay", "lau", "truoc", "sau", "khi", "nao", "luc", "dot", "lan", "hang",
	"tu", "den", "tren", "duoi", "trong", "ngoai", "gan", "tong", "con", "moi",
	"hon", "it", "het", "cung", "deu", "van", "chua", "khong", "co", "phai", "nhu",
	// asking, acting
	"nghi", "de", "kien", "yeu", "mong", "muon", "xem", "xet", "giai", "quyet",
	"lam", "thuc", "hien", "trien", "khai", "bo", "tri", "kinh", "phi", "von",
	"tro", "xu", "ly", "kiem", "tra", "som", "nhanh", "chong", "day",
	// states
	"nguy", "hiem", "anh", "huong", "kho", "khan", "nho", "nang", "nhe", "tot", "xau",
)

// actionWords are the verbs of doing something to a thing (repair, build,
// invest, upgrade, install), the words that place it ("đoạn qua", "ấp",
// "điểm"), states of disrepair and small function words. Every kind of
// petition uses them: they say what is to be done, where and how bad it
// is, never to what, so they never stand for the object of a demand.
// Folded forms; a form shared with a word that names a thing ("đặt" and
// "đất") is left out.
var actionWords = setOf(
	"sua", "chua", "dau", "tu", "xay", "dung", "nang", "cap", "cai", "tao", "khac", "phuc",
	"hoan", "thanh", "tiep", "tuc", "bo", "sung", "ho", "tro", "lap", "mo", "rong",
	"doan", "qua", "tai", "o", "cua", "va", "cho", "voi", "bi", "da", "dang", "se", "rat",
	"nhieu", "mot", "cac", "nhung", "lai", "ra", "vao", "len",
	"ap", "to", "khom", "diem", "thi", "tran",
	// states of disrepair any thing may be in
	"hu", "hong", "hai", "nghiem", "xuong",
)

// objectWord reports whether folded word w may name the object of a
// demand: not a generic word, an action word or a number.
func objectWord(w string) bool {
	return !genericWords[w] && !actionWords[w] && !isDigits(w)
}

// genericWeight is how much a generic word counts against a content word.
const genericWeight = 0.5

// staticWeight is how much term t counts in a pair's score: its kind
// (filler, word pair, road number) times how generic its words are.
func staticWeight(t string) float64 {
	f := termFactor(t)
	if strings.HasPrefix(t, fillerMark) {
		return f
	}
	a, b, pair := strings.Cut(t, " ")
	switch {
	case pair && genericWords[a] && genericWords[b]:
		f *= genericWeight
	case !pair && genericWords[a]:
		f *= genericWeight
	case !pair && isDigits(a):
		f *= genericWeight // a number alone: the pair "thôn 3" carries it
	}
	return f
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// Vietnamese syllables, folded, are an initial consonant, a vowel cluster
// and a final consonant from short closed lists. A folded word that is not
// such a syllable was mistyped ("ngp", "hno", "tiinh"); only such words are
// matched against a petition's words one edit away, so real words that
// happen to be one letter apart ("cau", "cao") never stand in for each
// other.
var (
	initials = setOf("", "b", "c", "ch", "d", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n",
		"ng", "ngh", "nh", "p", "ph", "q", "qu", "r", "s", "t", "th", "tr", "v", "x")
	vowelClusters = setOf("a", "e", "i", "o", "u", "y",
		"ai", "ao", "au", "ay", "eo", "eu", "ia", "ie", "iu", "oa", "oe", "oi", "oo", "ua",
		"ue", "ui", "uo", "uu", "uy", "ye",
		"oai", "oao", "oay", "oeo", "uai", "uay", "uoi", "uou", "uya", "uye", "uyu", "ieu", "yeu", "uao")
	finals = setOf("", "c", "ch", "m", "n", "ng", "nh", "p", "t")
	// openClusters end in a glide and take no final consonant.
	openClusters = setOf("ai", "ao", "au", "ay", "eo", "eu", "ia", "iu", "oi", "ui", "uu",
		"oai", "oao", "oay", "oeo", "uai", "uay", "uoi", "uou", "uyu", "ieu", "yeu")
)

// isSyllable reports whether folded word w is a well-formed Vietnamese
// syllable (without its marks).
func isSyllable(w string) bool {
	i := 0
	for i < len(w) && !isVowel(w[i]) {
		i++
	}
	ini := w[:i]
	// "gi" and "qu" take the following vowel letter as part of the initial.
	j := i
	for j < len(w) && isVowel(w[j]) {
		j++
	}
	if j == i {
		return false
	}
	v, fin := w[i:j], w[j:]
	if (ini == "g" && v[0] == 'i' && len(v) > 1) || (ini == "q" && v[0] == 'u') {
		ini, v = ini+v[:1], v[1:]
		if v == "" {
			return ini == "gi" && finals[fin]
		}
	}
	if !initials[ini] || !vowelClusters[v] || !finals[fin] || fin != "" && openClusters[v] {
		return false
	}
	// Spelling rules: k, gh and ngh stand before e, i and y only; c, g
	// and ng never do.
	front := v[0] == 'e' || v[0] == 'i' || v[0] == 'y'
	switch ini {
	case "k", "gh", "ngh":
		return front
	case "c", "ng":
		return !front
	}
	return true
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// mistyped reports whether a folded word looks like a typing slip rather
// than a word: letters only, long enough to guess from, not a syllable.
func mistyped(w string) bool {
	return typoCandidate(w) && !isSyllable(w)
}
