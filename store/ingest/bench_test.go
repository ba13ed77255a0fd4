package ingest

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"runtime"
	"testing"
	"time"

	"txct/store/model"
)

// BenchmarkReadJSONL100k reads the file named by TXCT_SCALE, made with
//
//	python3 /work/shared/eval/gen_scale.py --from /work/shared/eval/dev/archive.jsonl --n 100000 --seed 1 > /tmp/scale100k.jsonl
//	TXCT_SCALE=/tmp/scale100k.jsonl go test -run '^$' -bench ReadJSONL100k -benchmem ./store/ingest
func BenchmarkReadJSONL100k(b *testing.B) {
	path := os.Getenv("TXCT_SCALE")
	if path == "" {
		b.Skip("TXCT_SCALE is not set")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	benchRead(b, data, "scale.jsonl")
}

// BenchmarkReadJSONLGenerated100k needs no Python: 100k realistic rows
// generated in process.
func BenchmarkReadJSONLGenerated100k(b *testing.B) {
	benchRead(b, generateJSONL(100_000), "gen.jsonl")
}

// BenchmarkReadCSVGenerated100k is the same rows as CSV.
func BenchmarkReadCSVGenerated100k(b *testing.B) {
	benchRead(b, generateCSV(100_000), "gen.csv")
}

// BenchmarkReadCSV100k reads the TXCT_SCALE archive written as CSV.
func BenchmarkReadCSV100k(b *testing.B) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write([]string{"Mã", "Nội dung", "Lĩnh vực", "Thẩm quyền", "Địa bàn", "Ngày", "Kỳ họp", "Trả lời", "Tình trạng"})
	for _, p := range scaleRows(b) {
		w.Write([]string{p.ID, p.Text, string(p.Field), string(p.Authority), p.Location, p.RaisedAt, p.Session,
			p.Response, p.Status.Label()})
	}
	w.Flush()
	benchRead(b, buf.Bytes(), "scale.csv")
}

// BenchmarkReadXLSX100k reads the TXCT_SCALE archive written as the
// tracking sheet (`txct archive export FILE.xlsx`).
func BenchmarkReadXLSX100k(b *testing.B) {
	var buf bytes.Buffer
	if err := WriteTrackingSheet(&buf, scaleRows(b)); err != nil {
		b.Fatal(err)
	}
	benchRead(b, buf.Bytes(), "scale.xlsx")
}

// scaleRows reads the TXCT_SCALE archive.
func scaleRows(b *testing.B) []model.Petition {
	path := os.Getenv("TXCT_SCALE")
	if path == "" {
		b.Skip("TXCT_SCALE is not set")
	}
	res, err := ReadFile(path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	return res.Petitions
}

// benchRead reads data whole each round and reports rows read per second.
func benchRead(b *testing.B, data []byte, name string) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	rows := 0
	for b.Loop() {
		res, err := Read(bytes.NewReader(data), name, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Petitions) == 0 {
			b.Fatal("no rows")
		}
		rows += len(res.Petitions)
	}
	b.ReportMetric(float64(rows)/b.Elapsed().Seconds(), "rows/s")
}

var genFields = []string{"giao thông", "đất đai", "y tế", "giáo dục", "môi trường", "khác"}

func genText(i int) string {
	return fmt.Sprintf("Cử tri thôn %d, xã Tân Thành đề nghị sửa chữa, nâng cấp tuyến đường ĐT.%d đoạn qua khu dân cư; "+
		"mặt đường xuống cấp, nhiều ổ gà, mùa mưa ngập úng gây nguy hiểm cho học sinh và người dân đi lại.", i%97, i)
}

func generateJSONL(n int) []byte {
	var b bytes.Buffer
	for i := range n {
		fmt.Fprintf(&b, `{"id":"G-%d","text":%q,"field":%q,"authority":"tỉnh","location":"xã Tân Thành","raised_at":"2024-%02d-%02d","session":"Trước kỳ họp giữa năm 2024","response":"Sở Xây dựng đã đưa vào kế hoạch duy tu năm 2025.","status":"answered","source":""}`+"\n",
			i, genText(i), genFields[i%len(genFields)], 1+i%12, 1+i%28)
	}
	return b.Bytes()
}

func generateCSV(n int) []byte {
	var b bytes.Buffer
	b.WriteString("Mã;Nội dung;Lĩnh vực;Thẩm quyền;Địa bàn;Ngày;Kỳ họp;Trả lời;Tình trạng\r\n")
	for i := range n {
		fmt.Fprintf(&b, "G-%d;\"%s\";%s;tỉnh;xã Tân Thành;%02d/%02d/2024;Trước kỳ họp giữa năm 2024;Đã đưa vào kế hoạch;đã trả lời\r\n",
			i, genText(i), genFields[i%len(genFields)], 1+i%28, 1+i%12)
	}
	return b.Bytes()
}

// TestReadScaleFile streams the TXCT_SCALE file from disk (no copy in
// memory) and logs the time, for measuring peak memory with /usr/bin/time.
func TestReadScaleFile(t *testing.T) {
	path := os.Getenv("TXCT_SCALE")
	if path == "" {
		t.Skip("TXCT_SCALE is not set")
	}
	start := time.Now()
	res, err := ReadFile(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	t.Logf("%s: %d petitions in %v; live heap with the result %d MiB", path, len(res.Petitions), took, ms.HeapAlloc>>20)
	runtime.KeepAlive(res)
}
