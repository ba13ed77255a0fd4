package match

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// Remarks as voters speak them: the dev pack's remarks wrapped in material
// written for this test (not taken from any pack): greetings, thanks, pleas
// to be answered, talk about oneself, and a second demand about something
// the archive does not hold, in varied positions, some typed without marks.

var spokenOpenings = []string{
	"Kính thưa các đồng chí đại biểu, kính thưa toàn thể hội nghị.",
	"Tôi xin cảm ơn các đại biểu đã về tiếp xúc với cử tri chúng tôi.",
	"Kính gửi đoàn đại biểu, tôi xin phép được phát biểu mấy ý.",
	"Thưa các đồng chí,",
	"Dạ, tôi xin trình bày ý kiến của bà con trong xóm.",
	"Kinh thua cac dai bieu, toi xin phat bieu y kien.",
	"Xin chào các đại biểu, chúc các đại biểu mạnh khỏe.",
	"Tôi năm nay đã ngoài bảy mươi tuổi, sinh hoạt ở chi hội người cao tuổi.",
	"Cam on cac dong chi da lang nghe y kien cua chung toi.",
	"Thay mặt bà con, tôi xin nói thẳng một việc.",
	"Tôi xin phép nói ngắn gọn thôi ạ.",
	"Hôm nay được gặp các đại biểu, tôi rất phấn khởi.",
}

var spokenClosings = []string{
	"Rất mong các đại biểu quan tâm trả lời cho bà con được rõ.",
	"Tôi xin cảm ơn.",
	"Xin chân thành cảm ơn các đồng chí.",
	"Đây là lần thứ ba tôi nêu ý kiến này rồi mà chưa thấy ai trả lời.",
	"Mong cac dai bieu tra loi som cho ba con yen tam.",
	"Kính chúc các đại biểu sức khỏe, chúc hội nghị thành công tốt đẹp.",
	"Bà con chúng tôi chờ mãi rồi, mong lần này có câu trả lời cụ thể.",
	"Xin cam on.",
	"Đề nghị đại biểu ghi nhận và phản ánh lên trên giúp chúng tôi.",
	"Tôi nói vậy thôi, cảm ơn các đại biểu đã lắng nghe.",
	"Mong rằng ý kiến này được tiếp thu ạ.",
	"Toi noi het roi, cam on hoi nghi.",
}

// spokenSeconds are second demands about things no archived petition asks.
var spokenSeconds = []string{
	"Ngoài ra, đề nghị xã tổ chức lớp dạy bơi miễn phí cho trẻ em vào dịp hè.",
	"Thứ hai, mong huyện mở thêm lớp tin học cho người cao tuổi.",
	"Đồng thời đề nghị cho lắp thêm mạng wifi công cộng ở khu trung tâm.",
	"Thu hai, de nghi xa ho tro cau lac bo duong sinh mua loa dai.",
	"Ngoài ra, bà con mong có thêm sân cầu lông cho thanh niên chơi buổi tối.",
	"Thứ hai, đề nghị tổ chức tiêm phòng dại cho chó mèo định kỳ hằng năm.",
	"Ngoai ra, mong xa to chuc thi van nghe quan chung dip Tet.",
	"Đồng thời xin hỗ trợ sách truyện cho tủ sách thiếu nhi của thư viện.",
}

// wrapSpoken wraps one remark in spoken material: always an opening or a
// closing, often both, sometimes a second demand before or after it. The
// material is folded when the remark is typed without marks.
func wrapSpoken(rng *rand.Rand, text, kind string) string {
	pick := func(xs []string) string { return xs[rng.IntN(len(xs))] }
	var parts []string
	plain := kind == "no_diacritics" || kind == "telex_raw"
	mode := rng.IntN(4)
	if mode != 1 {
		parts = append(parts, pick(spokenOpenings))
	}
	second := rng.IntN(3) == 0
	if second && rng.IntN(2) == 0 {
		parts = append(parts, pick(spokenSeconds))
		second = false
	}
	body := text
	if !strings.ContainsAny(body[len(body)-1:], ".!?") {
		body += "."
	}
	parts = append(parts, body)
	if second {
		parts = append(parts, pick(spokenSeconds))
	}
	if mode != 0 {
		parts = append(parts, pick(spokenClosings))
	}
	for i, p := range parts {
		if plain && p != body {
			parts[i] = plainASCII(p)
		}
	}
	return strings.Join(parts, " ")
}

// plainASCII is text typed without marks, capitals kept.
func plainASCII(s string) string {
	var b strings.Builder
	for _, r := range s {
		f := Fold(string(r))
		if r != []rune(strings.ToLower(string(r)))[0] {
			f = strings.ToUpper(f)
		}
		b.WriteString(f)
	}
	return b.String()
}

func spokenPack(qs []evalQuery) []evalQuery {
	rng := rand.New(rand.NewPCG(11, 3))
	out := make([]evalQuery, len(qs))
	for i, q := range qs {
		q.Text = wrapSpoken(rng, q.Text, q.Kind)
		out[i] = q
	}
	return out
}

func TestSpokenMaterial(t *testing.T) {
	n := len(spokenOpenings) + len(spokenClosings) + len(spokenSeconds)
	if n < 30 {
		t.Fatalf("%d spoken sentences, want at least 30", n)
	}
	ps, _ := loadDev(t)
	ix := Build(ps)
	// On their own they neither match nor flag anything.
	for _, s := range append(append(append([]string(nil), spokenOpenings...), spokenClosings...), spokenSeconds...) {
		if r := ix.Check(s, 5); r.Repeat {
			t.Errorf("%q flags %s (%.2f)", s, r.Hits[0].ID, r.Hits[0].Score)
		}
	}
}

// TestDevPackSpoken is the dev pack with every remark wrapped as spoken:
// flag F1 at least 0.90 and recall@5 at least 0.98.
func TestDevPackSpoken(t *testing.T) {
	ps, qs := loadDev(t)
	ix := Build(ps)
	sp := spokenPack(qs)
	for _, q := range sp[:3] {
		t.Logf("e.g. %s", q.Text)
	}
	by, all := evaluate(sp, func(s string) Result { return ix.Check(s, 5) })
	t.Log("\n" + table(fmt.Sprintf("engine, spoken remarks (threshold %.2f)", ix.Threshold), by, all))
	if all.f1() < 0.90 {
		t.Errorf("flag F1 %.3f < 0.90", all.f1())
	}
	checkKinds(t, by)
	if all.recallAt5() < 0.98 {
		t.Errorf("recall@5 %.3f < 0.98", all.recallAt5())
	}
}
