// Package classify guesses a remark's field, competent level and type from
// its text, using the rules of thumb of the domain (roads by class, schools
// by level, national policy to the centre). The guess only fills the
// editor's defaults, marked as a guess: the secretary overrides it with one
// key, and the pre-export check lists what nobody confirmed.
//
// Cues are written with their Vietnamese marks and matched as whole words
// against the lower-cased text, so "đê" (dyke) is not "đề nghị", "lúa" is not
// "lừa đảo" and "chợ" is not "cho". Text typed without marks is matched
// against the cues with their marks taken off.
package classify

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"txct/store/match"
	"txct/store/model"
)

// Result is the suggested classification of a remark.
type Result struct {
	Field     model.Field
	Authority model.Authority
	Type      model.RemarkType
}

// cue is a phrase and its weight: the field (or level) with the highest sum
// of weights of the cues found wins.
type cue struct {
	phrase string
	weight int
}

func cues(w int, phrases ...string) []cue {
	out := make([]cue, len(phrases))
	for i, p := range phrases {
		out[i] = cue{p, w}
	}
	return out
}

func join(parts ...[]cue) []cue {
	var out []cue
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// fieldCues map phrases to fields. Weight 3: the phrase names the field's
// object itself; 1: it often comes with it.
var fieldCues = map[model.Field][]cue{
	"giao thông": join(cues(3, "đường giao thông", "quốc lộ", "ql", "đt", "tỉnh lộ", "đường tỉnh", "cầu", "cầu tràn", "cầu treo", "ổ gà", "giao thông", "đường liên thôn", "đường liên xã", "đèn tín hiệu", "vạch sơn", "xe tải", "tải trọng", "cao tốc", "bến xe", "đò", "nút giao"),
		cues(1, "đường", "mặt đường", "nâng cấp", "mở rộng", "bê tông hóa", "nhựa hóa", "hư hỏng", "xuống cấp", "ngã ba", "ngã tư")),
	"đất đai": join(cues(3, "đất", "sổ đỏ", "giấy chứng nhận quyền sử dụng đất", "gcnqsdđ", "quyền sử dụng đất", "giải phóng mặt bằng", "gpmb", "bồi thường", "tái định cư", "thu hồi đất", "giá đất", "bảng giá đất", "lấn chiếm", "tranh chấp đất", "địa chính", "chuyển mục đích"),
		cues(1, "quy hoạch", "thu hồi", "ranh giới", "thửa")),
	"nông nghiệp - thủy lợi": join(cues(3, "thủy lợi", "kênh", "mương", "kênh mương", "trạm bơm", "hồ chứa", "đê", "kè", "tưới", "tiêu úng", "lúa", "cây trồng", "vật nuôi", "dịch bệnh", "giống", "phân bón", "nông nghiệp", "chăn nuôi", "thủy sản", "nuôi trồng", "khuyến nông", "thú y", "nông sản", "dịch tả", "vụ mùa", "đập", "nạo vét", "khơi thông", "đất nông nghiệp"),
		cues(1, "nông dân", "mùa vụ", "đồng ruộng", "ruộng", "sản xuất")),
	"y tế": join(cues(3, "bệnh viện", "trạm y tế", "tyt", "bhyt", "bảo hiểm y tế", "khám chữa bệnh", "thuốc", "bác sĩ", "y tế", "chạy thận", "khám bệnh", "trung tâm y tế", "y bác sĩ", "tiêm chủng", "vắc xin", "dịch sốt xuất huyết", "cấp cứu"),
		cues(1, "bệnh nhân", "người bệnh", "sức khỏe")),
	"giáo dục": join(cues(3, "trường", "trường học", "học sinh", "giáo viên", "thcs", "thpt", "mầm non", "tiểu học", "học phí", "lớp học", "giáo dục", "điểm trường", "sách giáo khoa", "phòng học", "bán trú"),
		cues(1, "học", "dạy")),
	"chính sách xã hội": join(cues(3, "hộ nghèo", "cận nghèo", "người có công", "trợ cấp", "bhxh", "bảo hiểm xã hội", "lương hưu", "chính sách", "người cao tuổi", "khuyết tật", "bảo trợ xã hội", "việc làm", "thất nghiệp", "liệt sĩ", "thương binh", "chế độ", "hưu trí", "xuất khẩu lao động", "trợ giúp xã hội", "nhà ở xã hội"),
		cues(1, "hỗ trợ", "an sinh", "khó khăn")),
	"môi trường": join(cues(3, "rác", "rác thải", "môi trường", "ô nhiễm", "nước thải", "mùi hôi", "khói bụi", "xả thải", "bãi rác", "chất thải", "vệ sinh môi trường", "lò đốt", "sạt lở"),
		cues(1, "bụi", "hôi", "khói")),
	"điện - nước sinh hoạt": join(cues(3, "điện", "nước sạch", "nước sinh hoạt", "cấp nước", "mất điện", "trạm biến áp", "lưới điện", "cột điện", "đường dây", "điện lực", "evn", "giếng", "đường ống", "nhà máy nước", "chiếu sáng", "đèn đường", "điện chiếu sáng"),
		cues(1, "nước", "ống")),
	"đô thị - xây dựng": join(cues(3, "xây dựng", "giấy phép xây dựng", "đô thị", "vỉa hè", "thoát nước", "cống thoát", "ngập úng", "chung cư", "khu dân cư", "khu đô thị", "quy hoạch treo", "cấp phép xây dựng", "trật tự xây dựng", "nhà ở", "chỉnh trang"),
		cues(1, "ngập", "công trình", "dự án")),
	"kinh tế - ngân sách": join(cues(3, "ngân sách", "đầu tư công", "thuế", "nợ đọng", "nợ nhà thầu", "vốn vay", "tín dụng", "doanh nghiệp", "chợ", "giá cả", "kinh tế", "thanh toán", "quyết toán", "nông thôn mới", "ocop", "phí"),
		cues(1, "vốn", "vay", "nợ", "tiền", "kinh phí")),
	"an ninh - trật tự": join(cues(3, "an ninh", "trật tự", "trộm", "trộm cắp", "ma túy", "cờ bạc", "tín dụng đen", "lừa đảo", "công an", "đua xe", "tai nạn", "tệ nạn", "trái phép", "đánh nhau", "gây rối", "khai thác trái phép"),
		cues(1, "vi phạm", "xử lý")),
	"văn hóa - thông tin": join(cues(3, "nhà văn hóa", "văn hóa", "thể thao", "loa", "truyền thanh", "internet", "sóng điện thoại", "lễ hội", "di tích", "sân vận động", "thư viện", "sóng", "truyền hình", "báo chí"),
		cues(1, "thông tin", "tuyên truyền")),
	"tổ chức bộ máy - cán bộ": join(cues(3, "cán bộ", "sáp nhập", "sắp xếp", "bộ máy", "đội ngũ", "phụ cấp", "không chuyên trách", "công chức", "viên chức", "tinh giản", "biên chế", "dôi dư", "thủ tục hành chính", "một cửa", "hộ tịch", "chứng thực", "đơn vị hành chính"),
		cues(1, "chính quyền", "ủy ban", "thủ tục")),
}

// levelCues say which level must act. Place names ("xã Tân Thành, huyện
// Yên Phong") say where, not who, so bare "xã" and "huyện" are not cues.
var levelCues = map[model.Authority][]cue{
	model.AuthCentral: join(cues(3, "chính phủ", "quốc hội", "thủ tướng", "trung ương", "luật", "nghị định", "thông tư", "toàn quốc", "quốc lộ", "ql", "cao tốc", "bhyt", "bảo hiểm y tế", "bhxh", "bảo hiểm xã hội", "lương hưu", "mức lương", "lương cơ sở", "người có công", "chương trình mục tiêu quốc gia", "nhà nước", "đường sắt"),
		cues(2, "bộ", "phụ cấp", "chế độ", "chính sách")),
	model.AuthProvince: join(cues(3, "tỉnh", "ubnd tỉnh", "hđnd tỉnh", "cấp tỉnh", "đt", "đường tỉnh", "tỉnh lộ", "sở", "bệnh viện", "trung tâm y tế", "thpt", "điện lực", "evn", "khu công nghiệp", "kcn", "công ty", "ngân sách tỉnh", "dự án", "quy hoạch", "giá đất", "bảng giá đất", "bồi thường", "giải phóng mặt bằng", "tái định cư", "khai thác cát", "liên xã", "sông"),
		cues(1, "nâng cấp", "đầu tư", "xây mới")),
	model.AuthCommune: join(cues(3, "ubnd xã", "chính quyền xã", "cấp xã", "đề nghị xã", "thôn", "xóm", "ấp", "bản", "tổ dân phố", "khu phố", "liên thôn", "trạm y tế", "mầm non", "tiểu học", "thcs", "nhà văn hóa", "hộ tịch", "chứng thực", "loa", "truyền thanh", "rác", "vệ sinh", "trật tự", "an ninh", "công an xã", "sổ đỏ", "địa phương"),
		cues(1, "nội đồng", "kênh", "mương")),
}

var petitionCues = []string{"đề nghị", "kiến nghị", "yêu cầu", "mong", "xin", "cần", "sớm", "đầu tư", "sửa chữa", "hỗ trợ", "xem xét", "giải quyết", "bố trí", "cấp"}

// Guess classifies text. An empty text guesses nothing. With no cue for
// the level, the province is guessed: most petitions a delegate group
// carries go to the province, and the guess is marked for review.
func Guess(text string) Result {
	t := prepare(text)
	if strings.TrimSpace(t.s) == "" {
		return Result{Type: model.TypePetition}
	}
	g := Result{Field: model.FieldOther, Authority: model.AuthProvince, Type: model.TypeOpinion}
	best := 0
	for _, f := range model.Fields {
		if n := t.score(fieldCues[f]); n > best {
			best, g.Field = n, f
		}
	}
	best = 0
	for _, a := range []model.Authority{model.AuthCentral, model.AuthProvince, model.AuthCommune} {
		if n := t.score(levelCues[a]); n > best {
			best, g.Authority = n, a
		}
	}
	for _, c := range petitionCues {
		if t.has(c) {
			g.Type = model.TypePetition
			break
		}
	}
	return g
}

// text is a remark prepared for matching: lower-case words padded with
// spaces, and whether it was typed without marks.
type text struct {
	s      string
	noMark bool
}

func prepare(s string) text {
	s = norm.NFC.String(s)
	noMark := true
	for _, r := range s {
		if r > unicode.MaxASCII && unicode.IsLetter(r) {
			noMark = false
			break
		}
	}
	return text{s: " " + words(s) + " ", noMark: noMark}
}

// ambiguous are one-word cues that, without their marks, are also common
// words of another meaning ("de" is đê and đề nghị, "cho" is chợ and cho,
// "thuoc" is thuốc and thuộc): in text typed without marks they say nothing.
var ambiguous = map[string]bool{"de": true, "cho": true, "so": true, "bo": true, "ban": true, "ap": true,
	"lua": true, "dat": true, "thuoc": true, "ke": true, "do": true, "loa": true, "rac": true, "dien": true,
	"truong": true, "thue": true, "phi": true, "hoc": true, "nuoc": true, "song": true, "tinh": true}

// has reports whether the cue occurs as whole words.
func (t text) has(c string) bool {
	c = words(c)
	if t.noMark {
		c = match.Fold(c)
		if ambiguous[c] {
			return false
		}
	}
	return strings.Contains(t.s, " "+c+" ")
}

func (t text) score(cs []cue) int {
	n := 0
	for _, c := range cs {
		if t.has(c.phrase) {
			n += c.weight
		}
	}
	return n
}

// words lower-cases s and leaves words separated by single spaces, letters
// split from digits ("QL1A" → "ql 1 a", "ĐT.741" → "đt 741").
func words(s string) string {
	var b strings.Builder
	prev := 0 // 0 space, 1 letter, 2 digit
	for _, r := range norm.NFC.String(s) {
		cls := 0
		switch {
		case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r):
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
