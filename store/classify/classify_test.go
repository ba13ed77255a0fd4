package classify

import (
	"testing"

	"txct/store/model"
)

func TestGuess(t *testing.T) {
	cases := []struct {
		name, text string
		field      model.Field
		auth       model.Authority
		typ        model.RemarkType
	}{
		{"provincial road", "Đề nghị sửa chữa đường ĐT.741 đoạn qua thôn 3, nhiều ổ gà", "giao thông", model.AuthProvince, model.TypePetition},
		{"national road", "Quốc lộ 14 đoạn qua xã thường xuyên ngập, đề nghị nâng cấp", "giao thông", model.AuthCentral, model.TypePetition},
		{"land certificate", "Kiến nghị sớm cấp sổ đỏ cho các hộ ở ấp 2", "đất đai", model.AuthCommune, model.TypePetition},
		{"health insurance", "Cử tri phản ánh mức đóng BHYT hộ gia đình còn cao", "y tế", model.AuthCentral, model.TypeOpinion},
		{"praise", "Cử tri đánh giá cao sự quan tâm của các đại biểu", "khác", model.AuthCommune, model.TypeOpinion},
		{"empty", "", "", "", model.TypePetition},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			g := Guess(c.text)
			if g.Field != c.field || g.Authority != c.auth || g.Type != c.typ {
				t.Errorf("Guess(%q) = %+v, want %s/%s/%s", c.text, g, c.field, c.auth, c.typ)
			}
		})
	}
}
