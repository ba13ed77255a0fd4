package telex

import (
	"strings"
	"testing"
)

func TestDecodeText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"sentence", "Cuwr tri kieens nghij sowms suwar dduwowngf", "Cử tri kiến nghị sớm sửa đường"},
		{"codes and plain words unchanged", "GPMB QL1A nam 2023 tai DT.612 kien nghi", "GPMB QL1A nam 2023 tai DT.612 kien nghi"},
		{"mixed with codes", "Ddeef nghij GPMB tuyeens QL1A nawm 2023", "Đề nghị GPMB tuyến QL1A năm 2023"},
		{"punctuation kept", "(nuowcs sachj), ddieenj!", "(nước sạch), điện!"},
		{"already diacritics", "Cử tri kiến nghị ĐT.612, kieens", "Cử tri kiến nghị ĐT.612, kiến"},
		{"all caps", "KIEENS NGHIJ", "KIẾN NGHỊ"},
		{"thuowr", "thuowr ấy", "thuở ấy"},
		{"huowng uow", "huowng truowng nuowcs", "hương trương nước"},
		{"gi qu", "giusp quys quoocs gif", "giúp quý quốc gì"},
		{"old style", "hoaf thuyr khoer", "hòa thủy khỏe"},
		{"huawei unchanged", "huawei", "huawei"},
		{"english unchanged", "internet wifi email camera video", "internet wifi email camera video"},
		{"loan words unchanged", "xe bus, binhf gas, taxi, test", "xe bus, bình gas, taxi, test"},
		{"doubled key unchanged", "class boss ass aaa", "class boss ass aaa"},
		{"two tone keys unchanged", "asf", "asf"},
		{"stop final with huyen unchanged", "catf", "catf"},
		{"cap abbreviation with tone key", "CAX CAS", "CAX CAS"},
		{"abbreviation with modifier decodes", "DDI", "ĐI"},
		{"non-adjacent dd unchanged", "did", "did"},
		{"z alone", "hoasz", "hoasz"},
		{"spelling rule k", "cis kas", "cis kas"},
		{"lone w", "nhwng", "nhưng"},
		{"digits in token", "a1 x2", "a1 x2"},
		{"single letter", "w s", "w s"},
		{"too long", "nghieengxxxxxx", "nghieengxxxxxx"},
		{"empty", "", ""},
		{"tiesng", "tiesng Vieetj", "tiếng Việt"},
		{"invalid utf8", "a\xffkieens", "a\uFFFDkiến"},
		{"nfd input", "Cu\u031b\u0309 kieens", "Cử kiến"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DecodeText(tt.in); got != tt.want {
				t.Errorf("DecodeText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestDecodeVNIText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"sentence", "Cu73 tri kie61n nghi5 so71m su73a d9u7o7ng2", "Cử tri kiến nghị sớm sửa đường"},
		{"numbers and codes unchanged", "QL1A nam 2023 DT.612 km2 A4 CO2 H2O U23", "QL1A nam 2023 DT.612 km2 A4 CO2 H2O U23"},
		{"mixed", "D9e62 nghi5 GPMB tuye61n QL1A na8m 2023", "Đề nghị GPMB tuyến QL1A năm 2023"},
		{"single letters", "a1 o7 u7 y1", "á ơ ư ý"},
		{"a6 a8 need a final", "a6 a8 ca6n na8m", "a6 a8 cân năm"},
		{"d9 needs a vowel", "d9", "d9"},
		{"d9i", "d9i", "đi"},
		{"non-adjacent 9 unchanged", "di9", "di9"},
		{"leftover digit unchanged", "a1b2", "a1b2"},
		{"two tones unchanged", "a12", "a12"},
		{"thuo", "thuo73", "thuở"},
		{"uppercase", "VIE65T NAM", "VIỆT NAM"},
		{"digit first", "1a", "1a"},
		{"stop final huyen unchanged", "ca2t", "ca2t"},
		{"telex untouched", "kieens", "kieens"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DecodeVNIText(tt.in); got != tt.want {
				t.Errorf("DecodeVNIText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestValid(t *testing.T) {
	tests := []struct {
		name string
		raw  string
		want bool
	}{
		{"nghieeng", "nghieeng", true},
		{"thuowr", "thuowr", true},
		{"nuowc", "nuowcs", true},
		{"open uwow", "thuwowr", false},
		{"gh before a", "gha", false},
		{"ng before i", "ngi", false},
		{"k before a", "ka", false},
		{"c before e", "ce", false},
		{"q without u", "qa", false},
		{"qu", "quas", true},
		{"gi", "gif", true},
		{"giup", "giusp", true},
		{"gieng", "gieengs", true},
		{"stop final huyen", "cacf", false},
		{"stop final nang", "hocj", true},
		{"ch final hoi", "sachr", false},
		{"two vowel groups", "huawei", false},
		{"bad final", "tab", false},
		{"bad onset", "fa", false},
		{"no vowel", "ddx", false},
		{"khuyu", "khuyru", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf [maxLetters]letter
			e := engine{letters: buf[:0]}
			for _, r := range tt.raw {
				e = e.key(r)
			}
			if got := valid(e.resolve(nil), e.tone); got != tt.want {
				t.Errorf("valid(%q) = %v, want %v", tt.raw, got, tt.want)
			}
		})
	}
}

// sentence40 is a 40-word remark typed with the input method off.
var sentence40 = "Cuwr tri Ddoong kieens nghij UBND xax sowms suwar chuwxa tuyeens dduwowngf QL1A " +
	"ddoanj qua khu daan cuw soos 3 vif mawtj dduwowngf bij sujt luns nawngj, muaf muwa ngaapj nuwowcs " +
	"gaay nguy hieemr cho nguwowif tham gia giao thoong."

func BenchmarkDecodeText(b *testing.B) {
	if n := len(strings.Fields(sentence40)); n != 40 {
		b.Fatalf("sentence has %d words, want 40", n)
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = DecodeText(sentence40)
	}
}

func BenchmarkDecodeTextPlain(b *testing.B) {
	s := DecodeText(sentence40) // already decoded, as remarks typed with an IME are
	b.ReportAllocs()
	for b.Loop() {
		_ = DecodeText(s)
	}
}

func BenchmarkWord(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = Word("nguwowif", StyleOld)
	}
}
