package match

import (
	"testing"
	"unicode/utf8"
)

// FoldRune is Fold one rune at a time: on NFC text without stray marks the
// two agree, and FoldRune never changes the number of runes.
func TestFoldRuneAgreesWithFold(t *testing.T) {
	for _, s := range []string{
		"Đường tỉnh ĐT.741 qua xã Tân Thành",
		"CẦU BÀ RÉN XUỐNG CẤP, ĐỀ NGHỊ SỬA CHỮA",
		"Nguyễn Thị Ánh Tuyết, ấp Phú Thạnh",
		"ð Ð ß Ω 3",
	} {
		var b []rune
		for _, r := range s {
			b = append(b, FoldRune(r))
		}
		if got, want := string(b), Fold(s); got != want {
			t.Errorf("FoldRune over %q = %q, Fold = %q", s, got, want)
		}
		if len(b) != utf8.RuneCountInString(s) {
			t.Errorf("FoldRune changed the rune count of %q", s)
		}
	}
	if got := FoldRune('\u0301'); got != '\u0301' {
		t.Errorf("a stray combining mark folds to %q, want it kept", got)
	}
}
