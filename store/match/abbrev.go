package match

import "strings"

// abbrevs expands the abbreviations secretaries type. Keys
// are folded, so "HĐND", "hdnd" and "HDND" all expand. Only unambiguous ones
// are here; the short ones that need a dot (x. th. p.) are in dotAbbrevs, and
// road prefixes (QL, ĐT, ĐH, TL) are handled by canonRoads only when a number
// follows them.
var abbrevs = map[string]string{
	"ubnd":    "ủy ban nhân dân",
	"hdnd":    "hội đồng nhân dân",
	"ubmttq":  "ủy ban mặt trận tổ quốc",
	"mttq":    "mặt trận tổ quốc",
	"dbqh":    "đại biểu quốc hội",
	"ubtvqh":  "ủy ban thường vụ quốc hội",
	"gcnqsdd": "giấy chứng nhận quyền sử dụng đất",
	"gcnqsd":  "giấy chứng nhận quyền sử dụng đất",
	"qsdd":    "quyền sử dụng đất",
	"gcn":     "giấy chứng nhận",
	"gpmb":    "giải phóng mặt bằng",
	"bhyt":    "bảo hiểm y tế",
	"bhxh":    "bảo hiểm xã hội",
	"bhtn":    "bảo hiểm thất nghiệp",
	"thcs":    "trung học cơ sở",
	"thpt":    "trung học phổ thông",
	"tdp":     "tổ dân phố",
	"tyt":     "trạm y tế",
	"ttyt":    "trung tâm y tế",
	"ntm":     "nông thôn mới",
	"kcn":     "khu công nghiệp",
	"ccn":     "cụm công nghiệp",
	"kdc":     "khu dân cư",
	"tdc":     "tái định cư",
	"kdt":     "khu đô thị",
	"csgt":    "cảnh sát giao thông",
	"attp":    "an toàn thực phẩm",
	"atgt":    "an toàn giao thông",
	"antt":    "an ninh trật tự",
	"ktxh":    "kinh tế xã hội",
	"ptnt":    "phát triển nông thôn",
	"tnmt":    "tài nguyên môi trường",
	"gtvt":    "giao thông vận tải",
	"hs":      "học sinh",
	"gv":      "giáo viên",
	"tp":      "thành phố",
	"tx":      "thị xã",
}

// dotAbbrevs are one- and two-letter abbreviations that only count when a
// dot follows them ("x. Xuân Lập", "th. An Lạc").
var dotAbbrevs = map[string]string{
	"x":  "xã",
	"th": "thôn",
	"p":  "phường",
	"h":  "huyện",
	"q":  "quận",
	"tt": "thị trấn",
	"tx": "thị xã",
	"tp": "thành phố",
}

// expandAbbrev replaces abbreviation tokens by their words.
func expandAbbrev(toks []token) []token {
	var out []token
	for i, t := range toks {
		exp := ""
		switch {
		case t.dot && dotAbbrevs[t.fold] != "" && !isRoadAt(toks, i):
			exp = dotAbbrevs[t.fold]
		case t.fold == "dn":
			// "đn" is always đề nghị; capital "DN" is a company (doanh nghiệp).
			exp = "đề nghị"
			if t.lower != "đn" && t.upper {
				exp = "doanh nghiệp"
			}
		case abbrevs[t.fold] != "":
			exp = abbrevs[t.fold]
		}
		if exp == "" {
			if out != nil {
				out = append(out, t)
			}
			continue
		}
		if out == nil {
			out = append(make([]token, 0, len(toks)+8), toks[:i]...)
		}
		for k, w := range strings.Fields(exp) {
			out = append(out, token{fold: Fold(w), lower: w, start: t.start && k == 0})
		}
		if t.dot && i+1 < len(toks) {
			toks[i+1].start = false // the dot ends the abbreviation, not a sentence
		}
	}
	if out == nil {
		return toks
	}
	return out
}

// roadPrefixes maps the folded ways of writing a road class to its canonical
// prefix: national (ql), provincial (dt) and former-district (dh) roads.
var roadPrefixes = map[string]string{
	"ql": "ql", "quoc lo": "ql",
	"dt": "dt", "tl": "dt", "duong tinh": "dt", "tinh lo": "dt",
	"dh": "dh", "hl": "dh", "duong huyen": "dh", "huyen lo": "dh",
}

// roadFirstWords are the first words of roadPrefixes and "duong": a token
// that is none of them starts no road reference of more than one word.
var roadFirstWords = func() map[string]bool {
	m := map[string]bool{"duong": true}
	for k := range roadPrefixes {
		m[strings.Fields(k)[0]] = true
	}
	return m
}()

// isRoadAt reports whether toks[i] is a road prefix followed by a number.
func isRoadAt(toks []token, i int) bool {
	_, n := roadAt(toks, i)
	return n > 0
}

// roadAt recognises a road reference starting at toks[i] and returns its
// canonical token ("dt612", "ql1a") and how many tokens it spans.
func roadAt(toks []token, i int) (string, int) {
	t := toks[i].fold
	if p, num, ok := splitRoad(t); ok {
		return p + num, 1
	}
	if i+1 >= len(toks) || !roadFirstWords[t] {
		return "", 0
	}
	if p, ok := roadPrefixes[t]; ok && isRoadNumber(toks[i+1].fold) {
		return p + toks[i+1].fold, 2
	}
	// "đường 533": a road whose class was not said.
	if t == "duong" && isRoadNumber(toks[i+1].fold) && len(toks[i+1].fold) >= 2 {
		return anyRoad + toks[i+1].fold, 2
	}
	if i+2 < len(toks) {
		if p, ok := roadPrefixes[t+" "+toks[i+1].fold]; ok && isRoadNumber(toks[i+2].fold) {
			return p + toks[i+2].fold, 3
		}
	}
	return "", 0
}

// anyRoad is the prefix of a road number said without its class
// ("đường 533"); it meets that number of any class.
const anyRoad = "r"

// roadAlts returns the road tokens a road token t may name: one of unknown
// class names a road of any class, and one of a known class may have been
// written without it.
func roadAlts(t string) []string {
	if n := len(t); n < 3 || !isDigit(t[n-1]) && !isDigit(t[n-2]) {
		return nil // cheap refusal: every road token ends in a digit or digit+letter
	}
	p, num, ok := splitRoad(t)
	if !ok {
		return nil
	}
	if p == anyRoad {
		return []string{"ql" + num, "dt" + num, "dh" + num}
	}
	return []string{anyRoad + num}
}

// splitRoad splits a glued road token such as "ql1a" or "dt612".
func splitRoad(s string) (prefix, num string, ok bool) {
	if len(s) >= 3 && s[:1] == anyRoad && isRoadNumber(s[1:]) {
		return anyRoad, s[1:], true
	}
	if len(s) < 3 {
		return "", "", false
	}
	p, ok := roadPrefixes[s[:2]]
	if !ok || !isRoadNumber(s[2:]) {
		return "", "", false
	}
	return p, s[2:], true
}

// isRoadNumber accepts 1–4 digits with an optional letter: 612, 1a, 37b.
func isRoadNumber(s string) bool {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n == 0 || n > 4 {
		return false
	}
	rest := s[n:]
	return rest == "" || len(rest) == 1 && rest[0] >= 'a' && rest[0] <= 'z'
}

// canonRoads rewrites every road reference as one canonical token, so that
// "ĐT.612", "DT612", "đường tỉnh 612" and "tỉnh lộ 612" meet.
func canonRoads(toks []token) []token {
	out := toks[:0:0]
	changed := false
	for i := 0; i < len(toks); {
		if road, n := roadAt(toks, i); n > 0 {
			if !changed {
				out = append(make([]token, 0, len(toks)), toks[:i]...)
				changed = true
			}
			out = append(out, token{fold: road, lower: road, start: toks[i].start, road: true})
			i += n
			continue
		}
		if changed {
			out = append(out, toks[i])
		}
		i++
	}
	if !changed {
		return toks
	}
	return out
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
