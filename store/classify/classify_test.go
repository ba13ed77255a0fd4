package classify

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
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
		{"praise", "Cử tri đánh giá cao sự quan tâm của các đại biểu", "khác", model.AuthProvince, model.TypeOpinion},
		// Marks tell apart words that fold alike: đề nghị is not đê (dyke),
		// lừa đảo is not lúa, chợ is not cho, thuộc is not thuốc.
		{"pension", "Cử tri đề nghị điều chỉnh lương hưu cho người nghỉ hưu trước năm 1995 vì mức hiện hưởng thấp", "chính sách xã hội", model.AuthCentral, model.TypePetition},
		{"fraud", "Cử tri phản ánh tình trạng lừa đảo qua mạng, đề nghị công an xã tăng cường tuyên truyền", "an ninh - trật tự", model.AuthCommune, model.TypePetition},
		{"no marks", "de nghi nao vet kenh tuoi noi dong thon 3", "nông nghiệp - thủy lợi", model.AuthCommune, model.TypePetition},
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

// TestGuessOnDevPack reports field and level accuracy on the labelled dev
// archive and fails if either falls below what the rules reached when they
// were last tuned (87% field, 60% level, huyện labels included).
func TestGuessOnDevPack(t *testing.T) {
	path := filepath.Join("..", "..", "..", "shared", "eval", "dev", "archive.jsonl")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("dev pack not found: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n, field, level := 0, 0, 0
	for sc.Scan() {
		var p model.Petition
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			t.Fatal(err)
		}
		g := Guess(p.Text)
		n++
		if g.Field == p.Field {
			field++
		}
		if g.Authority == p.Authority {
			level++
		}
	}
	if n == 0 {
		t.Fatal("empty pack")
	}
	fa, la := float64(field)/float64(n), float64(level)/float64(n)
	t.Logf("%d petitions: field %.1f%%, level %.1f%%", n, 100*fa, 100*la)
	if fa < 0.85 || la < 0.58 {
		t.Errorf("accuracy fell: field %.1f%%, level %.1f%%", 100*fa, 100*la)
	}
}
