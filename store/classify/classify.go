// Package classify guesses a remark's field, competent level and type from
// its text, using the rules of thumb of domain.md §6. The guess only fills the
// editor's defaults: the secretary overrides it with one key, and the clerk
// reviews it later.
package classify

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"txct/store/model"
)

// Result is the suggested classification of a remark.
type Result struct {
	Field     model.Field
	Authority model.Authority
	Type      model.RemarkType
}

// fieldCues map folded phrases to fields; the field with the most cue hits
// wins, ties going to the earlier field in model.Fields.
var fieldCues = map[model.Field][]string{
	"giao thông":              {"duong", "cau ", "cau,", "cau.", "ql", "quoc lo", "dt.", "dt ", "tinh lo", "giao thong", "o ga", "xe tai", "nga ba", "nga tu", "den tin hieu", "be tong hoa", "lien thon", "lien xa"},
	"đất đai":                 {"dat", "so do", "gcnqsdd", "giay chung nhan quyen su dung", "gpmb", "giai phong mat bang", "boi thuong", "tai dinh cu", "quy hoach", "thu hoi", "ranh gioi", "lan chiem"},
	"nông nghiệp - thủy lợi":  {"thuy loi", "kenh", "muong", "tram bom", "ho chua", "tuoi", "lua", "cay trong", "vat nuoi", "dich benh", "giong", "phan bon", "nong nghiep", "chan nuoi", "thuy san", "de "},
	"y tế":                    {"benh vien", "tram y te", "tyt", "bhyt", "bao hiem y te", "kham chua benh", "thuoc", "bac si", "y te"},
	"giáo dục":                {"truong", "hoc sinh", "giao vien", "thcs", "thpt", "mam non", "tieu hoc", "hoc phi", "lop hoc", "giao duc"},
	"chính sách xã hội":       {"ho ngheo", "can ngheo", "nguoi co cong", "tro cap", "bhxh", "bao hiem xa hoi", "luong huu", "chinh sach", "nguoi cao tuoi", "khuyet tat", "bao tro", "viec lam"},
	"môi trường":              {"rac", "moi truong", "o nhiem", "nuoc thai", "mui hoi", "khoi bui", "xa thai", "bai rac"},
	"điện - nước sinh hoạt":   {"dien", "nuoc sach", "nuoc sinh hoat", "cap nuoc", "mat dien", "tram bien ap", "luoi dien", "cot dien"},
	"đô thị - xây dựng":       {"xay dung", "giay phep xay dung", "do thi", "chieu sang", "via he", "thoat nuoc", "cong thoat", "nha o", "chung cu"},
	"kinh tế - ngân sách":     {"von", "ngan sach", "dau tu", "kinh phi", "thue", "vay", "doanh nghiep", "cho ", "gia ca", "kinh te"},
	"an ninh - trật tự":       {"an ninh", "trat tu", "trom", "ma tuy", "co bac", "tin dung den", "lua dao", "cong an", "dua xe", "tai nan"},
	"văn hóa - thông tin":     {"nha van hoa", "van hoa", "the thao", "loa", "truyen thanh", "internet", "song dien thoai", "le hoi", "di tich"},
	"tổ chức bộ máy - cán bộ": {"can bo", "sap nhap", "sap xep", "bo may", "doi ngu", "phu cap", "khong chuyen trach", "cong chuc", "tinh gian"},
}

// centralCues and provinceCues decide the level; anything else is the commune.
var (
	centralCues  = []string{"ql", "quoc lo", "bhyt", "bhxh", "bao hiem", "luong", "luat", "nghi dinh", "thong tu", "quoc hoi", "chinh phu", "bo ", "toan quoc", "cao toc", "phu cap", "chuong trinh muc tieu quoc gia", "luong huu", "nguoi co cong"}
	provinceCues = []string{"dt.", "dt ", "tinh lo", "duong tinh", "benh vien", "thpt", "so giao thong", "so y te", "so tai nguyen", "so nong nghiep", "so xay dung", "so giao duc", "so lao dong", "so tai chinh", "so ke hoach", "so noi vu", "so cong thuong", "ubnd tinh", "cap tinh", "hdnd tinh", "dien luc", "evn", "khu cong nghiep", "kcn", "cong ty", "ngan sach tinh", "du an"}
	petitionCues = []string{"de nghi", "kien nghi", "yeu cau", "mong", "xin", "can ", "som ", "dau tu", "sua chua", "ho tro", "xem xet", "giai quyet", "bo tri", "cap "}
)

// Guess classifies text. An empty text guesses nothing.
func Guess(text string) Result {
	f := " " + fold(text) + " "
	if strings.TrimSpace(f) == "" {
		return Result{Type: model.TypePetition}
	}
	g := Result{Field: model.FieldOther, Authority: model.AuthCommune, Type: model.TypeOpinion}
	best := 0
	for _, fld := range model.Fields {
		n := 0
		for _, c := range fieldCues[fld] {
			if has(f, c) {
				n++
			}
		}
		if n > best {
			best, g.Field = n, fld
		}
	}
	switch {
	case containsAny(f, centralCues):
		g.Authority = model.AuthCentral
	case containsAny(f, provinceCues):
		g.Authority = model.AuthProvince
	}
	if containsAny(f, petitionCues) {
		g.Type = model.TypePetition
	}
	return g
}

func containsAny(s string, cues []string) bool {
	for _, c := range cues {
		if has(s, c) {
			return true
		}
	}
	return false
}

// has reports whether the cue's words occur as whole words in s, which is
// padded with spaces (so "gia ca" does not fire inside "danh gia cao").
func has(s, cue string) bool {
	return strings.Contains(s, " "+strings.Trim(cue, " .,")+" ")
}

// fold lower-cases, strips marks, maps đ to d and leaves words separated by
// single spaces, letters split from digits ("QL1A" → "ql 1 a").
func fold(s string) string {
	var b strings.Builder
	prev := 0 // 0 space, 1 letter, 2 digit
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if r == 'đ' || r == 'Đ' {
			r = 'd'
		}
		cls := 0
		switch {
		case unicode.IsLetter(r):
			cls = 1
		case unicode.IsDigit(r):
			cls = 2
		}
		if cls != prev && b.Len() > 0 {
			b.WriteByte(' ')
		}
		if cls != 0 {
			b.WriteRune(unicode.ToLower(r))
		}
		prev = cls
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
