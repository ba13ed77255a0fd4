package ingest

import (
	"errors"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// sentence uses every vowel with every tone, capitals and đ.
const sentence = "Cử tri thôn Đông Hòa, xã Việt Hưng đề nghị sửa chữa đường ĐT.612 đoạn qua cầu Nà Ca; " +
	"mùa lũ nước ngập, học sinh đi lại nguy hiểm. Ông Nguyễn Văn Hải phản ánh việc cấp giấy chứng nhận " +
	"quyền sử dụng đất còn chậm, đề nghị Ủy ban xem xét giải quyết dứt điểm trong năm nay. " +
	"Bà Trần Thị Yến kiến nghị tăng phụ cấp cho người hoạt động không chuyên trách ở thôn, tổ dân phố; " +
	"khuyến khích trồng cây ăn quả, hỗ trợ giống lúa, phân bón; nghỉ ngơi, ngoằn ngoèo, khuya, quýt, giữa, gì."

func TestEncodingRoundTrip(t *testing.T) {
	for _, e := range legacyEncodings {
		t.Run(e.Name, func(t *testing.T) {
			src := sentence
			if e == TCVN3 {
				// VN3 has no capitals with tones: the ABC fonts drew them from
				// the lower-case codes, so they come back lower case.
				src = "cử tri thôn Đông Hòa, xã Việt Hưng đề nghị sửa chữa đường ĐT.612; ông Nguyễn Văn Hải, " +
					"bà Trần Thị Yến: ủy ban xem xét giải quyết dứt điểm; ngoằn ngoèo, khuya, quýt, giữa, gì."
			}
			b, err := e.Encode(src)
			if err != nil {
				t.Fatal(err)
			}
			if got := e.Decode(b); got != norm.NFC.String(src) {
				t.Fatalf("decode(encode(s)) =\n%q\nwant\n%q", got, src)
			}
			got, err := DetectEncoding(b)
			if err != nil {
				t.Fatal(err)
			}
			if got != e {
				t.Fatalf("detected %s, want %s", got.Name, e.Name)
			}
		})
	}
}

// TestKnownBytes checks hand-written byte sequences, as they appear when a
// legacy file is opened as Latin-1 ("ViÖt Nam", "Vieät Nam").
func TestKnownBytes(t *testing.T) {
	tests := []struct {
		name string
		enc  *Encoding
		in   []byte
		want string
	}{
		{"tcvn3 Viet Nam", TCVN3, []byte("Vi\xd6t Nam"), "Việt Nam"},
		{"tcvn3 doc lap", TCVN3, []byte("\xa7\xe9c l\xcbp - T\xf9 do - H\xb9nh ph\xf3c"), "Độc lập - Tự do - Hạnh phúc"},
		{"tcvn3 cong hoa", TCVN3, []byte("C\xe9ng ho\xb5 x\xb7 h\xe9i ch\xf1 ngh\xdca"), "Cộng hoà xã hội chủ nghĩa"},
		{"tcvn3 de nghi", TCVN3, []byte("\xae\xd2 ngh\xde c\xf1a th\xabn"), "đề nghị của thôn"},
		{"tcvn3 nguoi nam", TCVN3, []byte("ng\xad\xeai n\xa8m"), "người năm"},
		{"vni Viet Nam", VNI, []byte("Vie\xe4t Nam"), "Việt Nam"},
		{"vni duoc", VNI, []byte("\xf1\xf6\xf4\xefc"), "được"},
		{"vni de nghi", VNI, []byte("\xf1e\xe0 ngh\xf2 cu\xfba xa\xf5"), "đề nghị của xã"},
		{"vni nguoi", VNI, []byte("Ng\xf6\xf4\xf8i"), "Người"},
		{"vni capitals", VNI, []byte("\xd1A\xd9"), "ĐÁ"},
		{"cp1258 Viet", Windows1258, []byte("Vi\xea\xf2t Nam"), "Việt Nam"},
		{"cp1258 duoc", Windows1258, []byte("\xf0\xfd\xf5\xf2c"), "được"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.enc.Decode(tt.in); got != tt.want {
				t.Fatalf("Decode = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDetectEncoding(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want *Encoding
	}{
		{"tcvn3 header", []byte("M\xb7,N\xe9i dung,L\xdcnh v\xf8c\r\n1,\xae\xd2 ngh\xde s\xf6a \xae\xad\xeang,giao th\xabng\r\n"), TCVN3},
		{"vni header", []byte("Ma\xf5,No\xe4i dung,L\xf3nh v\xf6\xefc\r\n1,\xd1e\xe0 ngh\xf2 s\xf6\xfba \xf1\xf6\xf4\xf8ng,giao tho\xe2ng\r\n"), VNI},
		{"one word against a non-word", []byte("giao th\xfd\xf5ng"), Windows1258},
		{"cp1258", []byte("\xd0\xea\xcc ngh\xf2 s\xfd\xd2a \xf0\xfd\xf5\xccng th\xf4n"), Windows1258},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := DetectEncoding(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Fatalf("got %s, want %s", got.Name, tt.want.Name)
			}
		})
	}
}

func TestDetectEncodingRefuses(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
	}{
		{"latin1 french", []byte("Le d\xe9l\xe9gu\xe9 a r\xe9pondu \xe0 la requ\xeate: \xe7a co\xfbte tr\xe8s cher, na\xefvet\xe9")},
		{"binary", []byte{0x89, 'P', 'N', 'G', 0xff, 0xfe, 0x80, 0x81, 0x82, 0x90, 0x91, 0x92}},
		{"no accented words", []byte("abc \xa9\xa9\xa9 \xb6\xb6 def")},
		// thông (Windows-1258) or thụng (TCVN3): both syllables, one word
		// is too little evidence to choose.
		{"one word, two readings", []byte("giao th\xf4ng")},
		// tâm (Windows-1258) or tõm (TCVN3)
		{"tam or tom", []byte("t\xe2m")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := DetectEncoding(tt.in)
			if err == nil {
				t.Fatalf("detected %s, want an error", e.Name)
			}
			if !errors.Is(err, ErrEncoding) {
				t.Fatalf("error %v is not ErrEncoding", err)
			}
		})
	}
}

func TestValidSyllable(t *testing.T) {
	tests := []struct {
		w    string
		want bool
	}{
		{"Việt", true}, {"người", true}, {"được", true}, {"nghiêng", true}, {"khuya", true},
		{"quốc", true}, {"gì", true}, {"giữa", true}, {"thuở", true}, {"ngoằn", true}, {"Ủy", true},
		{"Vieọt", false}, {"viưt", false}, {"cuûa", false}, {"ngh©n", false}, {"áà", false}, {"hello", false},
	}
	for _, tt := range tests {
		t.Run(tt.w, func(t *testing.T) {
			if got := validSyllable(tt.w); got != tt.want {
				t.Fatalf("validSyllable(%q) = %v, want %v", tt.w, got, tt.want)
			}
		})
	}
}

func TestQuickNFC(t *testing.T) {
	for _, s := range []string{"", "abc", "Việt Nam – “đường” ĐT.612", "Cu\u0300ng", "Ω\u2126", "e\u0302\u0323", "\u1e9b\u0323", "a\u0308"} {
		nfc, valid := quickNFC(s)
		if !valid {
			t.Fatalf("%q reported invalid", s)
		}
		if nfc && !norm.NFC.IsNormalString(s) {
			t.Errorf("quickNFC(%q) says NFC but it is not", s)
		}
	}
	if _, valid := quickNFC("a\xffb"); valid {
		t.Error("invalid UTF-8 passed")
	}
}
