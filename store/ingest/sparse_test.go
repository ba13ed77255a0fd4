package ingest

import (
	"bufio"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// sparseSentences are petitions as offices summarise them; their accented
// words are what the sparse files below are made of.
var sparseSentences = []string{
	"Cử tri thôn Đông Hòa đề nghị sửa chữa tuyến đường ĐT.612 đoạn qua cầu Nà Ca, mùa mưa lũ nước ngập sâu, học sinh đi lại nguy hiểm.",
	"Đề nghị sớm cấp giấy chứng nhận quyền sử dụng đất cho các hộ dân đã nộp hồ sơ từ năm 2019 nhưng đến nay chưa được giải quyết.",
	"Cử tri phản ánh trạm y tế xã thiếu thuốc, thiếu bác sĩ; người dân phải lên tuyến trên khám chữa bệnh, tốn kém thời gian.",
	"Đề nghị tỉnh quan tâm đầu tư xây dựng trường mầm non tại trung tâm xã, phòng học hiện nay xuống cấp, mái dột khi trời mưa.",
	"Kênh mương nội đồng bị bồi lấp, không đủ nước tưới cho vụ lúa đông xuân; đề nghị nạo vét và kiên cố hóa kênh.",
	"Cử tri kiến nghị tăng mức phụ cấp cho người hoạt động không chuyên trách ở thôn, tổ dân phố cho tương xứng với khối lượng công việc.",
	"Bãi rác tập trung gây ô nhiễm môi trường, mùi hôi ảnh hưởng đến sức khỏe khoảng ba trăm hộ dân xung quanh.",
	"Đề nghị ngành điện lắp đặt thêm trạm biến áp, điện yếu vào giờ cao điểm, nhiều thiết bị sinh hoạt không dùng được.",
	"Việc bồi thường, hỗ trợ tái định cư khi giải phóng mặt bằng dự án khu công nghiệp còn chậm, giá đất bồi thường thấp hơn thị trường.",
	"Cử tri đề nghị có chính sách hỗ trợ người có công, thân nhân liệt sĩ sửa chữa nhà ở đã hư hỏng nặng.",
	"Tình trạng xe chở vật liệu quá tải trọng làm hư hỏng đường giao thông nông thôn, đề nghị công an xử lý nghiêm.",
	"Đề nghị Ủy ban nhân dân tỉnh chỉ đạo sớm hoàn thành dự án nước sạch, người dân vẫn phải dùng nước giếng khoan nhiễm phèn.",
	"Cử tri hỏi khi nào thì trả tiền hỗ trợ chuyển đổi cơ cấu cây trồng năm 2023, bà con đã nhiều lần hỏi nhưng chưa được trả lời.",
	"Đề nghị lắp đặt hệ thống chiếu sáng và biển báo tại ngã ba giao với quốc lộ, nơi thường xảy ra tai nạn giao thông.",
	"Xin cho biết tiến độ nâng cấp bệnh viện đa khoa khu vực, hiện nay phòng bệnh quá tải, bệnh nhân phải nằm ghép.",
	"HĐND tỉnh xem xét hỗ trợ kinh phí xây dựng nhà văn hóa thôn, thôn đã góp đất và ngày công nhưng còn thiếu vốn.",
	"Cử tri thắc mắc về việc thu hồi GCNQSDĐ đã cấp sai, đề nghị UBND xã trả lời rõ ràng cho bà con.",
	"Đê bao bị sạt lở khoảng hai trăm mét, đề nghị có phương án gia cố trước mùa mưa bão năm nay.",
}

// sparsePool returns the distinct accented words of the sentences above,
// and of the dev pack's archive when it is beside the repository.
func sparsePool(t *testing.T) []string {
	t.Helper()
	texts := append([]string(nil), sparseSentences...)
	if f, err := os.Open("../../../shared/eval/dev/archive.jsonl"); err == nil {
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			var p struct{ Text string }
			if json.Unmarshal(sc.Bytes(), &p) == nil {
				texts = append(texts, p.Text)
			}
		}
		f.Close()
	}
	seen := map[string]bool{}
	var pool []string
	for _, s := range texts {
		for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
			w = norm.NFC.String(w)
			if w == stripMarks(w) || seen[w] {
				continue
			}
			seen[w] = true
			pool = append(pool, w)
		}
	}
	return pool
}

// stripMarks writes w without diacritics, the way unaccented text is typed.
func stripMarks(w string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(w) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'đ':
			b.WriteByte('d')
		case r == 'Đ':
			b.WriteByte('D')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// TestSparseDetection writes small CSV files (five rows) whose text is
// unaccented except for 1–6 words, in each legacy encoding, and reads them:
// each must be read in its own encoding or refused, never imported in
// another encoding that changes its text.
func TestSparseDetection(t *testing.T) {
	pool := sparsePool(t)
	rng := rand.New(rand.NewPCG(15, 2026))
	const trials = 400
	type tally struct{ right, refused, wrong int }
	refusedByK := make([]int, 7)
	total := map[string]*tally{}
	for _, e := range legacyEncodings {
		total[e.Name] = &tally{}
	}
	for k := 1; k <= 6; k++ {
		for _, e := range legacyEncodings {
			tl := total[e.Name]
			for n := 0; n < trials; n++ {
				var rows []string
				for i := 0; i < 5; i++ {
					s := stripMarks(sparseSentences[rng.IntN(len(sparseSentences))])
					rows = append(rows, strings.ReplaceAll(s, ",", ""))
				}
				for i := 0; i < k; i++ {
					w := pool[rng.IntN(len(pool))]
					if e == TCVN3 {
						w = strings.ToLower(w) // VN3 has no capitals with tones
					}
					r := rng.IntN(len(rows))
					ws := strings.Fields(rows[r])
					ws[rng.IntN(len(ws))] = w
					rows[r] = strings.Join(ws, " ")
				}
				// an unaccented header: the accented words are all the evidence
				text := "noi dung\n" + strings.Join(rows, "\n") + "\n"
				b, err := e.Encode(text)
				if err != nil {
					t.Fatal(err)
				}
				res, err := Read(strings.NewReader(string(b)), "sparse.csv", Options{})
				switch {
				case err != nil:
					if !errors.Is(err, ErrEncoding) {
						t.Fatalf("%s, %d words: unexpected error %v", e.Name, k, err)
					}
					tl.refused++
					refusedByK[k]++
				case res.Encoding == e.Name:
					tl.right++
				default:
					// another encoding that reads these bytes the same
					// (í is 0xED in both VNI and Windows-1258) is no harm
					same := false
					for _, o := range legacyEncodings {
						if o.Name == res.Encoding {
							same = o.Decode(b) == e.Decode(b)
						}
					}
					if same {
						tl.right++
						continue
					}
					tl.wrong++
					t.Errorf("%s file with %d accented words read as %s: %+v", e.Name, k, res.Encoding, res.Petitions)
				}
			}
		}
	}
	for _, e := range legacyEncodings {
		tl := total[e.Name]
		t.Logf("%-14s right %4d, refused %4d, wrong %d (of %d files, 1–6 accented words)", e.Name, tl.right, tl.refused, tl.wrong, 6*trials)
	}
	t.Logf("refused by number of accented words (1..6, all encodings): %v", refusedByK[1:])
}
