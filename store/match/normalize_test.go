package match

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"marks and đ", "Đường tỉnh", "duong tinh"},
		{"all tones", "à á ả ã ạ ầ ẩ ẫ ấ ậ ằ ẳ ẵ ắ ặ", "a a a a a a a a a a a a a a a"},
		{"horn and breve", "ƯỚC Ơ Ă Â Ê Ô", "uoc o a a e o"},
		{"decomposed input", "Vie\u0323\u0302t Nam", "viet nam"},
		{"plain ascii", "kien nghi", "kien nghi"},
		{"digits and punctuation", "ĐT.612, Km8+500", "dt.612, km8+500"},
		{"invalid utf-8", "a\xffb", "a\ufffdb"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Fold(tt.in); got != tt.want {
				t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ name, in, folded, lower string }{
		{"nfc lower fold", "Cử tri XÃ Vân Hòa", "cu tri xa van hoa", "cử tri xã vân hòa"},
		{"UBND HĐND", "UBND xã, HĐND tỉnh", "uy ban nhan dan xa hoi dong nhan dan tinh", ""},
		{"GCNQSDĐ", "chưa có GCNQSDĐ", "chua co giay chung nhan quyen su dung dat", ""},
		{"GPMB BHYT BHXH", "GPMB, BHYT, BHXH", "giai phong mat bang bao hiem y te bao hiem xa hoi", ""},
		{"schools", "THCS và THPT", "trung hoc co so va trung hoc pho thong", ""},
		{"places", "TDP 3, TYT, KCN, CCN, KDC, khu TĐC", "to dan pho 3 tram y te khu cong nghiep cum cong nghiep khu dan cu khu tai dinh cu", ""},
		{"MTTQ NTM", "MTTQ, NTM", "mat tran to quoc nong thon moi", ""},
		{"dotted", "th. An Lạc x. Xuân Lập", "thon an lac xa xuan lap", ""},
		{"đn", "đn sửa", "de nghi sua", ""},
		{"telex", "kieens nghij", "kien nghi", "kiến nghị"},
		{"vni", "kie61n nghi5", "kien nghi", "kiến nghị"},
		{"empty", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Normalize(tt.in)
			if got.Folded != tt.folded {
				t.Errorf("Normalize(%q).Folded = %q, want %q", tt.in, got.Folded, tt.folded)
			}
			if tt.lower != "" && got.Lower != tt.lower {
				t.Errorf("Normalize(%q).Lower = %q, want %q", tt.in, got.Lower, tt.lower)
			}
		})
	}
}

func TestRoads(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"dotted", "ĐT.612", "dt612"},
		{"glued", "DT612", "dt612"},
		{"spaced", "ĐT 612", "dt612"},
		{"words", "đường tỉnh 612", "dt612"},
		{"tỉnh lộ", "tỉnh lộ 612", "dt612"},
		{"TL", "TL612", "dt612"},
		{"national glued", "QL1A", "ql1a"},
		{"national words", "quốc lộ 1A", "ql1a"},
		{"national spaced", "QL 1A", "ql1a"},
		{"district", "ĐH.02", "dh02"},
		{"huyện lộ", "huyện lộ 5", "dh5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Normalize("sửa " + tt.in + " ngay").Folded; got != "sua "+tt.want+" ngay" {
				t.Errorf("Normalize(%q) = %q, want road %q", tt.in, got, tt.want)
			}
		})
	}
	if got := Normalize("đt của tôi").Folded; got != "dt cua toi" {
		t.Errorf("a prefix without a number must stay: %q", got)
	}
}

func TestSpecifics(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"bridge and commune", "Đề nghị làm lại cầu Đá xã Xuân Lập", []string{"cau da", "xuan lap"}},
		{"numbered hamlet", "Cử tri thôn 3 phản ánh", []string{"thon 3"}},
		{"road", "Tuyến ĐT.293 đoạn qua Bảo Sơn", []string{"dt293", "bao son"}},
		{"school with number", "Trường Mầm non Vân Hòa số 2 xuống cấp", []string{"van hoa so 2"}},
		{"school level words", "Trường Tiểu học và THCS Gia Hưng dột nát", []string{"gia hung"}},
		{"speaker is not a specific", "Ông Lường Văn Hải: thôn Nà Lừa thiếu nước", []string{"na lua"}},
		{"abbreviated commune", "Khu dân cư th. An Lạc x. Xuân Lập", []string{"an lac", "xuan lap"}},
		{"telex", "caauf Chowj Cux xax Quynhf Thachj", []string{"cho cu", "quynh thach"}},
		{"lower case has none", "de nghi sua duong", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Specifics(tt.in)
			if len(got) == 0 {
				got = nil
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Specifics(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestWithinOneEdit(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"ngap", "ngap", true}, {"ngp", "ngap", true}, {"hnon", "hon", true}, {"hno", "hon", true},
		{"nya", "nay", true}, {"kau", "khau", true}, {"kau", "cau", true}, {"abc", "xyz", false},
		{"tinh", "tiinh", true}, {"tinh", "tnh", true}, {"ab", "ba", true}, {"abcd", "badc", false},
	}
	for _, tt := range tests {
		if got := withinOneEdit(tt.a, tt.b); got != tt.want {
			t.Errorf("withinOneEdit(%q, %q) = %v", tt.a, tt.b, got)
		}
	}
}

// FuzzNormalize checks that no input panics, the output is valid UTF-8 and
// Fold is idempotent.
func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"Cử tri xã Vân Hòa", "ĐT.612", "kieens nghij", "a\xffb", "QL1A quốc lộ 1A", "x. th. đn"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		for _, out := range []string{n.Lower, n.Folded, Fold(s)} {
			if !utf8.ValidString(out) {
				t.Fatalf("invalid UTF-8 from %q: %q", s, out)
			}
		}
		if f1 := Fold(s); Fold(f1) != f1 {
			t.Fatalf("Fold not idempotent on %q: %q then %q", s, f1, Fold(f1))
		}
		if strings.Contains(n.Folded, "  ") {
			t.Fatalf("double space in %q", n.Folded)
		}
		_ = Specifics(s)
	})
}
