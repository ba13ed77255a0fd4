package export

import (
	"slices"
	"strings"
	"unicode"

	"txct/store/model"
)

// Issuers is who issues the session's minutes and report, field by field:
// Options.Profile (flags, the export dialog), then the session's own
// (Session.Issuers, carried in bundles), then Options.Defaults (the
// remembered profile), then what the session itself says. The last step
// keeps each document consistent with itself: an issuer code and a signer's
// capacity not given are derived from the issuing body (bodyRoles).
//
// Without settings, the minutes are issued by the session's organiser (the
// Fatherland Front committee, under its parent body) and the report by the
// delegate group.
func Issuers(s model.Session, o Options) model.Profile {
	p := o.Profile.Or(s.Issuers).Or(o.Defaults)
	min, rep := p.Minutes, p.Report
	if strings.TrimSpace(min.Body) == "" {
		min.Body, min.Parent = docText(s.Organiser), docText(s.ParentBody)
		if min.Body == "" {
			min.Body, min.Parent = docText(s.DelegateGroup), ""
		}
		if min.Body == "" {
			min.Body = "Tổ đại biểu"
		}
	}
	if strings.TrimSpace(rep.Body) == "" {
		rep.Body = docText(s.DelegateGroup)
		if rep.Body == "" {
			rep.Body = "Tổ đại biểu"
		}
		// A provincial council's delegate group is headed by the council:
		// "HĐND TỈNH ĐỒNG NAI" over "TỔ ĐẠI BIỂU …".
		if strings.TrimSpace(rep.Parent) == "" && strings.Contains(strings.ToLower(rep.Body), "hđnd tỉnh") {
			if prov := province(s); prov != "" {
				rep.Parent = "HĐND tỉnh " + prov
			}
		}
	}
	if len(min.Recipients) == 0 {
		min.Recipients = s.Recipients
	}
	if len(rep.Recipients) == 0 {
		rep.Recipients = s.Recipients
	}
	if len(rep.Recipients) == 0 {
		rep.Recipients = []string{"Thường trực HĐND tỉnh", "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh", "Thường trực HĐND, UBND xã", "Các đại biểu trong Tổ"}
	}
	if len(min.Recipients) == 0 {
		min.Recipients = rep.Recipients
	}
	for _, is := range []*model.Issuer{&min, &rep} {
		code, capacity := bodyRoles(is.Body)
		if strings.TrimSpace(is.Code) == "" {
			is.Code = code
		}
		if len(is.Capacity) == 0 {
			is.Capacity = capacity
		}
		is.Parent, is.Body, is.Code, is.Signer = docText(is.Parent), docText(is.Body), docText(is.Code), nameOnly(docText(is.Signer))
		is.Capacity = cleanAll(is.Capacity)
		is.Recipients = cleanAll(is.Recipients)
	}
	return model.Profile{Minutes: min, Report: rep}
}

func cleanAll(ss []string) []string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		if c := strings.TrimSpace(docText(s)); c != "" {
			out = append(out, c)
		}
	}
	return out
}

// bodyRoles is the usual issuer code and signer's capacity of a body, from
// its name: a delegate group signs "TM. TỔ ĐẠI BIỂU / TỔ TRƯỞNG" under
// "…/BC-TĐB", the Fatherland Front "TM. BAN THƯỜNG TRỰC / CHỦ TỊCH" under
// "…-MTTQ", and so on. A body txct does not recognise signs "TM." its own
// name, with no code.
func bodyRoles(body string) (code string, capacity []string) {
	b := strings.ToLower(body)
	switch {
	case strings.Contains(b, "tổ đại biểu"):
		return "TĐB", []string{"TM. TỔ ĐẠI BIỂU", "TỔ TRƯỞNG"}
	case strings.Contains(b, "đoàn đại biểu quốc hội") || strings.Contains(b, "đoàn đbqh"):
		return "ĐĐBQH", []string{"TM. ĐOÀN ĐẠI BIỂU QUỐC HỘI", "TRƯỞNG ĐOÀN"}
	case strings.Contains(b, "mttq") || strings.Contains(b, "mặt trận tổ quốc"):
		return "MTTQ", []string{"TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH"}
	case strings.Contains(b, "thường trực hđnd") || strings.Contains(b, "hội đồng nhân dân") || strings.HasPrefix(b, "hđnd"):
		return "HĐND", []string{"TM. THƯỜNG TRỰC HĐND", "CHỦ TỊCH"}
	case strings.Contains(b, "ubnd") || strings.Contains(b, "ủy ban nhân dân"):
		return "UBND", []string{"TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"}
	}
	return "", []string{"TM. " + strings.ToUpper(body)}
}

// province is the province's name as the session gives it ("Đồng Nai" from
// "…, tỉnh Đồng Nai" in the parent body, the place or the sitting), or "".
func province(s model.Session) string {
	return unitName([]string{s.ParentBody, s.Place, s.Sitting}, "tỉnh")
}

// unitName is the name that follows the last of the given unit words
// ("xã", "tỉnh"…) in the first text that has one: the capitalised words after
// it, up to punctuation ("Hưng Lợi" from "Hội trường UBND xã Hưng Lợi, tỉnh
// Nghệ An" and unit "xã"), or "".
func unitName(texts []string, units ...string) string {
	for _, t := range texts {
		words := strings.Fields(docText(t))
		for i := len(words) - 2; i >= 0; i-- {
			if !slices.ContainsFunc(units, func(u string) bool { return endsWithUnit(words[:i+1], u) }) {
				continue
			}
			var name []string
			for _, w := range words[i+1:] {
				word := strings.TrimRight(w, ",.;")
				r := []rune(word)
				if len(r) == 0 || !unicode.IsUpper(r[0]) {
					break
				}
				name = append(name, word)
				if word != w { // the name ends at its punctuation
					break
				}
			}
			if len(name) > 0 {
				return strings.Join(name, " ")
			}
		}
	}
	return ""
}

// endsWithUnit tells whether words end with unit ("đặc khu" is two words).
func endsWithUnit(words []string, unit string) bool {
	us := strings.Fields(unit)
	if len(us) > len(words) {
		return false
	}
	for k, u := range us {
		if strings.ToLower(words[len(words)-len(us)+k]) != u {
			return false
		}
	}
	return true
}
