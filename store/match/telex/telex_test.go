package telex

import "testing"

func TestWord(t *testing.T) {
	tests := []struct {
		name, raw, want string
	}{
		// vowel modifiers
		{"aa circumflex", "caan", "cân"},
		{"aw breve", "aw", "ă"},
		{"ee circumflex", "ee", "ê"},
		{"oo circumflex", "coo", "cô"},
		{"ow horn", "cow", "cơ"},
		{"uw horn", "tuw", "tư"},
		{"lone w is u horn", "w", "ư"},
		{"lone w after consonant", "nhwng", "nhưng"},
		{"dd stroke", "ddi", "đi"},
		{"dd capital", "DDi", "Đi"},
		{"modifier after final", "vietej", "việt"},
		{"circumflex after final", "tana", "tân"},
		{"oa breve", "hoawcj", "hoặc"},
		{"ua horn", "muaw", "mưa"},
		{"qua breve", "quawng", "quăng"},
		// tones
		{"sac", "bans", "bán"},
		{"huyen", "nhaf", "nhà"},
		{"hoi", "car", "cả"},
		{"nga", "ngax", "ngã"},
		{"nang", "nghij", "nghị"},
		{"tone at end", "tieengs", "tiếng"},
		{"tone before final", "tiesng", "tiếng"},
		{"tone before modifier", "vieejt", "việt"},
		{"nang at end", "vieetj", "việt"},
		{"tone key before vowel is a letter", "sa", "sa"},
		{"r onset", "rar", "rả"},
		{"x onset", "xas", "xá"},
		{"tone replaced", "asf", "à"},
		// z
		{"z clears tone", "hoasz", "hoa"},
		{"z without tone is a letter", "za", "za"},
		{"z then new tone", "ansz", "an"},
		{"z then retone", "aszf", "à"},
		// doubled keys type the key
		{"aaa", "aaa", "aa"},
		{"ass", "ass", "as"},
		{"ddd", "ddd", "dd"},
		{"ww", "ww", "w"},
		{"aww", "aww", "aw"},
		{"eee", "eee", "ee"},
		{"ooo", "ooo", "oo"},
		{"uww", "uww", "uw"},
		{"jj", "ajj", "aj"},
		{"undone key stays a letter", "asss", "ass"},
		// ươ and uơ
		{"uow final", "nuowcs", "nước"},
		{"uwow final", "nuwowcs", "nước"},
		{"uow no tone", "truowng", "trương"},
		{"huowng", "huowng", "hương"},
		{"thuowr", "thuowr", "thuở"},
		{"thuowr tone first", "thurow", "thuở"},
		{"huow open", "huow", "huơ"},
		{"duwowngf", "dduwowngf", "đường"},
		{"uoiw", "nguoiwf", "người"},
		{"uwowi", "nguwowif", "người"},
		{"ươu", "ruwowuj", "rượu"},
		{"quowr", "quowr", "quở"},
		{"uoo", "muoons", "muốn"},
		// gi and qu
		{"gius p", "giusp", "giúp"},
		{"giups", "giups", "giúp"},
		{"gi alone", "gif", "gì"},
		{"gin", "ginf", "gìn"},
		{"gia", "giaf", "già"},
		{"gieng", "gieengs", "giếng"},
		{"quoc", "quoocs", "quốc"},
		{"quy", "quys", "quý"},
		{"qua", "quas", "quá"},
		{"quyet", "quyeets", "quyết"},
		// tone placement without style differences
		{"toan", "toans", "toán"},
		{"hoang", "hoangf", "hoàng"},
		{"tuan", "tuaans", "tuấn"},
		{"thuyen", "thuyeenf", "thuyền"},
		{"huynh", "huynhf", "huỳnh"},
		{"mua", "mufa", "mùa"},
		{"tai", "taif", "tài"},
		{"cui", "cuis", "cúi"},
		{"kia", "kiaf", "kìa"},
		{"khuyu", "khuyru", "khuỷu"},
		{"ngoai", "ngoaif", "ngoài"},
		{"khuya", "khuya", "khuya"},
		{"cua", "cuwar", "cửa"},
		{"huu", "huwux", "hữu"},
		{"thue", "thuees", "thuế"},
		{"cau", "caau", "câu"},
		// no vowel change
		{"plain", "ban", "ban"},
		{"plain toned", "nhaf", "nhà"},
		// case
		{"capital first", "Cuwr", "Cử"},
		{"all caps", "KIEENS", "KIẾN"},
		{"all caps dd", "DDUWOWNGF", "ĐƯỜNG"},
		{"mixed", "ViEETj", "ViỆT"},
		{"caps w", "W", "Ư"},
		{"caps ww", "WW", "W"},
		// sane on non-words
		{"huawei", "huawei", "hưaei"},
		{"empty", "", ""},
		{"digits kept", "a1", "a1"},
		{"non-ASCII kept", "đa", "đa"},
		{"combining mark NFC", "a\u0301", "á"},
		{"space kept", "a b", "a b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Word(tt.raw, StyleOld); got != tt.want {
				t.Errorf("Word(%q) = %q, want %q", tt.raw, got, tt.want)
			}
		})
	}
}

func TestWordStyle(t *testing.T) {
	tests := []struct {
		name, raw, old, new string
	}{
		{"hoa", "hoaf", "hòa", "hoà"},
		{"hoa upper", "HOAF", "HÒA", "HOÀ"},
		{"khoe", "khoer", "khỏe", "khoẻ"},
		{"thuy", "thuyr", "thủy", "thuỷ"},
		{"oa alone", "oaf", "òa", "oà"},
		{"uy after qu is y", "quys", "quý", "quý"},
		{"toan same", "toans", "toán", "toán"},
		{"hoang same", "hoangf", "hoàng", "hoàng"},
		{"hoach same", "hoachj", "hoạch", "hoạch"},
		{"ngoai same", "ngoaif", "ngoài", "ngoài"},
		{"mua same", "mufa", "mùa", "mùa"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Word(tt.raw, StyleOld); got != tt.old {
				t.Errorf("Word(%q, StyleOld) = %q, want %q", tt.raw, got, tt.old)
			}
			if got := Word(tt.raw, StyleNew); got != tt.new {
				t.Errorf("Word(%q, StyleNew) = %q, want %q", tt.raw, got, tt.new)
			}
		})
	}
}

func TestWordVNI(t *testing.T) {
	tests := []struct {
		name, raw, want string
	}{
		{"a1", "a1", "á"},
		{"a6", "a6", "â"},
		{"a8", "a8", "ă"},
		{"o7", "o7", "ơ"},
		{"u7", "u7", "ư"},
		{"d9", "d9", "đ"},
		{"sac", "a1", "á"},
		{"huyen", "a2", "à"},
		{"hoi", "a3", "ả"},
		{"nga", "a4", "ã"},
		{"nang", "a5", "ạ"},
		{"kien", "kie61n", "kiến"},
		{"nghi", "nghi5", "nghị"},
		{"nuoc", "nu7o71c", "nước"},
		{"nuoc o7 only", "nuo71c", "nước"},
		{"thuo", "thuo73", "thuở"},
		{"duong", "d9u7o7ng2", "đường"},
		{"0 clears", "a10", "a"},
		{"doubled 6", "a66", "a6"},
		{"hoa old", "hoa2", "hòa"},
		{"7 without vowel", "7", "7"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := WordVNI(tt.raw, StyleOld); got != tt.want {
				t.Errorf("WordVNI(%q) = %q, want %q", tt.raw, got, tt.want)
			}
		})
	}
}

func TestComposer(t *testing.T) {
	type step struct {
		key  rune // 0 means Backspace
		want string
	}
	bs := rune(0)
	tests := []struct {
		name   string
		style  Style
		method Method
		steps  []step
	}{
		{"type viet", StyleOld, Telex, []step{{'v', "v"}, {'i', "vi"}, {'e', "vie"}, {'e', "viê"}, {'t', "viêt"}, {'j', "việt"}}},
		{"backspace removes shown letter", StyleOld, Telex, []step{{'v', "v"}, {'i', "vi"}, {'e', "vie"}, {'e', "viê"}, {'t', "viêt"}, {'j', "việt"}, {bs, "việ"}, {bs, "vi"}, {'e', "vie"}}},
		{"backspace last vowel clears tone", StyleOld, Telex, []step{{'h', "h"}, {'a', "ha"}, {'s', "há"}, {bs, "h"}, {'o', "ho"}}},
		{"backspace then retype", StyleOld, Telex, []step{{'n', "n"}, {'u', "nu"}, {'o', "nuo"}, {'w', "nuơ"}, {'c', "nươc"}, {'s', "nước"}, {bs, "nướ"}, {'c', "nước"}}},
		{"uo horn moves with final", StyleOld, Telex, []step{{'t', "t"}, {'h', "th"}, {'u', "thu"}, {'o', "thuo"}, {'w', "thuơ"}, {'r', "thuở"}, {'n', "thưởn"}, {bs, "thưở"}}},
		{"new style", StyleNew, Telex, []step{{'h', "h"}, {'o', "ho"}, {'a', "hoa"}, {'f', "hoà"}, {'n', "hoàn"}, {bs, "hoà"}}},
		{"backspace after undo", StyleOld, Telex, []step{{'a', "a"}, {'s', "á"}, {'s', "as"}, {bs, "a"}, {'s', "á"}}},
		{"vni", StyleOld, VNI, []step{{'d', "d"}, {'9', "đ"}, {'i', "đi"}, {'2', "đì"}}},
		{"backspace on empty", StyleOld, Telex, []step{{bs, ""}, {'a', "a"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Composer{Style: tt.style, Method: tt.method}
			for i, s := range tt.steps {
				var got string
				if s.key == bs {
					wasEmpty := c.Len() == 0
					if ok := c.Backspace(); ok == wasEmpty {
						t.Fatalf("step %d: Backspace() = %v with Len %d before", i, ok, c.Len())
					}
					got = c.Word()
				} else {
					got = c.Key(s.key)
					if w := c.Word(); w != got {
						t.Fatalf("step %d: Key returned %q but Word() = %q", i, got, w)
					}
				}
				if got != s.want {
					t.Fatalf("step %d (%q): got %q, want %q", i, s.key, got, s.want)
				}
			}
			c.Reset()
			if c.Word() != "" || c.Len() != 0 {
				t.Errorf("after Reset: %q, len %d", c.Word(), c.Len())
			}
		})
	}
}

func TestComposerAccepts(t *testing.T) {
	tests := []struct {
		name   string
		method Method
		r      rune
		want   bool
	}{
		{"telex letter", Telex, 'a', true},
		{"telex capital", Telex, 'W', true},
		{"telex digit", Telex, '1', false},
		{"telex space", Telex, ' ', false},
		{"vni digit", VNI, '6', true},
		{"vni punctuation", VNI, ',', false},
		{"non-ASCII", Telex, 'đ', false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Composer{Method: tt.method}
			if got := c.Accepts(tt.r); got != tt.want {
				t.Errorf("Accepts(%q) = %v, want %v", tt.r, got, tt.want)
			}
		})
	}
}
