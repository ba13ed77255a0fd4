package ingest

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

// asFont writes s as a legacy font shows it: the bytes of e read as
// Windows-1252 letters, what an old sheet saved as .xlsx holds.
func asFont(t testing.TB, e *Encoding, s string) string {
	t.Helper()
	b, err := e.Encode(s)
	if err != nil {
		t.Fatal(err)
	}
	var sb strings.Builder
	for _, c := range b {
		r := charmap.Windows1252.DecodeByte(c)
		if r == '\uFFFD' {
			r = rune(c)
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

func xlsxOf(t testing.TB, rows [][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	for y, r := range rows {
		for x, v := range r {
			if err := f.SetCellValue("Sheet1", cellName(x+1, y+1), v); err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var fontRows = []struct{ text, field, auth, place string }{
	{"cử tri thôn Đông Hòa đề nghị sửa chữa đường ĐT.612, mùa mưa nước ngập sâu", "giao thông", "tỉnh", "Xã Dũng Liệt"},
	{"đề nghị sớm cấp giấy chứng nhận quyền sử dụng đất cho các hộ dân", "đất đai", "xã", "Thôn Tân Hà"},
	{"trạm y tế xã thiếu thuốc, người dân phải lên tuyến trên khám chữa bệnh", "y tế", "tỉnh", "Xã Việt Hưng"},
}

// TestXLSXFontColumns: a sheet typed in .VnTime (TCVN3) or VNI-Times, with
// its headers and labels in the font too and one column in Unicode, is
// converted column by column; the Unicode column is left as it is.
func TestXLSXFontColumns(t *testing.T) {
	for _, e := range []*Encoding{TCVN3, VNI} {
		t.Run(e.Name, func(t *testing.T) {
			rows := [][]any{
				{asFont(t, e, "danh sách kiến nghị cử tri năm 2015")},
				{"STT", asFont(t, e, "nội dung"), asFont(t, e, "lĩnh vực"), asFont(t, e, "thẩm quyền"), "Địa bàn"},
			}
			for i, r := range fontRows {
				rows = append(rows, []any{i + 1, asFont(t, e, r.text), asFont(t, e, r.field), asFont(t, e, r.auth), r.place})
			}
			res, err := Read(bytes.NewReader(xlsxOf(t, rows)), "cu.xlsx", Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Petitions) != len(fontRows) {
				t.Fatalf("%d petitions, want %d", len(res.Petitions), len(fontRows))
			}
			for i, p := range res.Petitions {
				w := fontRows[i]
				if p.Text != w.text || string(p.Field) != w.field || string(p.Authority) != w.auth || p.Location != w.place {
					t.Errorf("row %d: %q %q %q %q", i+1, p.Text, p.Field, p.Authority, p.Location)
				}
			}
			var got []string
			for _, c := range res.Converted {
				if c.Encoding != e {
					t.Errorf("column %s converted from %s, want %s", c.Column, c.Encoding.Name, e.Name)
				}
				got = append(got, c.Column)
			}
			// the title column (STT: numbers, plus the title) is converted too
			if want := "STT,nội dung,lĩnh vực,thẩm quyền"; strings.Join(got, ",") != want {
				t.Errorf("converted columns %q, want %q", strings.Join(got, ","), want)
			}
		})
	}
}

// TestXLSXUnicodeStays: Unicode text whose letters all happen to be in
// Windows-1252 (thông, xã, Hà, Tân) is not taken for a font encoding.
func TestXLSXUnicodeStays(t *testing.T) {
	rows := [][]any{{"Nội dung", "Lĩnh vực", "Thẩm quyền", "Địa bàn"}}
	for _, s := range []struct{ a, b, c, d string }{
		{"Làm đường thôn Tân Hà", "giao thông", "xã", "Tân Hà"},
		{"Cấp nước sạch", "điện - nước sinh hoạt", "xã", "Hà Tân"},
		{"Nâng cấp cầu", "giao thông", "tỉnh", "Thôn Bàn Thạch"},
	} {
		rows = append(rows, []any{s.a, s.b, s.c, s.d})
	}
	res, err := Read(bytes.NewReader(xlsxOf(t, rows)), "uni.xlsx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Converted) != 0 || res.Petitions[0].Location != "Tân Hà" || res.Petitions[1].Field != "điện - nước sinh hoạt" {
		t.Fatalf("converted %v, petitions %+v", res.Converted, res.Petitions)
	}
}

// TestXLSXFontForced: --encoding forces the conversion, utf8 stops it.
func TestXLSXFontForced(t *testing.T) {
	rows := [][]any{{"Nội dung"}, {asFont(t, Windows1258, "tâm")}}
	data := xlsxOf(t, rows)
	res, err := Read(bytes.NewReader(data), "f.xlsx", Options{Encoding: "cp1258"})
	if err != nil || res.Petitions[0].Text != "tâm" {
		t.Fatalf("%v %+v", err, res)
	}
	res, err = Read(bytes.NewReader(data), "f.xlsx", Options{Encoding: "utf8"})
	if err != nil || len(res.Converted) != 0 {
		t.Fatalf("%v %+v", err, res)
	}
}

// TestXLSXFontThin: a column whose few words read as Vietnamese in two
// encodings is refused, naming the column and --encoding.
func TestXLSXFontThin(t *testing.T) {
	// "söa" is sửa in TCVN3 and sưa in VNI
	rows := [][]any{{"Nội dung"}, {"nop don " + asFont(t, TCVN3, "sửa") + " duong"}}
	_, err := Read(bytes.NewReader(xlsxOf(t, rows)), "thin.xlsx", Options{})
	if err == nil || !errors.Is(err, ErrEncoding) || !strings.Contains(err.Error(), "column A") || !strings.Contains(err.Error(), "--encoding") {
		t.Fatalf("error %v", err)
	}
}

// TestXLS reads .xls workbooks that LibreOffice wrote (testdata), in
// Unicode and in .VnTime, through the same rules as XLSX.
func TestXLS(t *testing.T) {
	for _, tt := range []struct {
		file string
		conv string
	}{
		{"testdata/xls/unicode.xls", ""},
		{"testdata/xls/vntime.xls", "Mã,Nội dung,Lĩnh vực,Thẩm quyền,Ngày"},
	} {
		t.Run(tt.file, func(t *testing.T) {
			res, err := ReadFile(tt.file, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if res.Format != FormatXLS || len(res.Petitions) != 3 {
				t.Fatalf("format %s, %d petitions", res.Format, len(res.Petitions))
			}
			p := res.Petitions[0]
			if p.ID != "K1" || p.Text != "Cử tri thôn Đông Hòa đề nghị sửa chữa đường ĐT.612, mùa mưa nước ngập sâu" || p.Field != "giao thông" || p.Authority != "tỉnh" || p.RaisedAt != "2024-03-15" {
				t.Errorf("first petition %+v", p)
			}
			var cols []string
			for _, c := range res.Converted {
				cols = append(cols, c.Column)
			}
			if strings.Join(cols, ",") != tt.conv {
				t.Errorf("converted %q, want %q", strings.Join(cols, ","), tt.conv)
			}
		})
	}
}

// TestXLSErrors: a bad label in an .xls names sheet, cell and column.
func TestXLSErrors(t *testing.T) {
	_, err := ReadFile("testdata/xls/badlabel.xls", Options{})
	if err == nil || !strings.Contains(err.Error(), "badlabel.xls: badlabel!C3: Lĩnh vực:") {
		t.Fatalf("error %v", err)
	}
	_, err = Read(bytes.NewReader(append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...)), "junk.xls", Options{})
	if !errors.Is(err, ErrFormat) {
		t.Fatalf("junk: %v", err)
	}
}

// BenchmarkReadXLS50k reads a 50,000-row .xls that LibreOffice writes from
// a generated CSV (skipped without soffice).
func BenchmarkReadXLS50k(b *testing.B) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		b.Skip("soffice is not installed")
	}
	dir := b.TempDir()
	var csv strings.Builder
	csv.WriteString("Mã,Nội dung,Lĩnh vực,Thẩm quyền,Ngày\n")
	words := strings.Fields(sparseSentences[0] + " " + sparseSentences[1])
	for i := 0; i < 50000; i++ {
		csv.WriteString("K" + itoa(i+1) + ",")
		for k := 0; k < 12+i%25; k++ {
			csv.WriteString(strings.Trim(words[(i*7+k*3)%len(words)], ",.;") + " ")
		}
		csv.WriteString("(" + itoa(i) + "),giao thông,tỉnh,15/03/2024\n")
	}
	src := filepath.Join(dir, "big.csv")
	if err := os.WriteFile(src, []byte(csv.String()), 0o600); err != nil {
		b.Fatal(err)
	}
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "lo"), "--headless",
		"--infilter=CSV:44,34,76", "--convert-to", "xls:MS Excel 97", "--outdir", dir, src)
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("soffice: %v\n%s", err, out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "big.xls"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		res, err := Read(bytes.NewReader(data), "big.xls", Options{})
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Petitions) != 50000 {
			b.Fatalf("%d petitions", len(res.Petitions))
		}
	}
}

// TestCSVFontColumns: a .VnTime sheet saved as "CSV UTF-8" holds the same
// Latin letters; its columns are converted the same way, and a Unicode CSV
// whose letters all fit Windows-1252 is left alone.
func TestCSVFontColumns(t *testing.T) {
	var b strings.Builder
	b.WriteString("\ufeff" + asFont(t, TCVN3, "nội dung") + ";" + asFont(t, TCVN3, "lĩnh vực") + ";" + asFont(t, TCVN3, "thẩm quyền") + "\r\n")
	for _, r := range fontRows {
		b.WriteString(asFont(t, TCVN3, r.text) + ";" + asFont(t, TCVN3, r.field) + ";" + asFont(t, TCVN3, r.auth) + "\r\n")
	}
	res, err := Read(strings.NewReader(b.String()), "vntime.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Petitions) != len(fontRows) || len(res.Converted) != 3 || res.Converted[0].Column != "nội dung" || res.Converted[0].Encoding != TCVN3 {
		t.Fatalf("converted %+v, %d petitions", res.Converted, len(res.Petitions))
	}
	for i, p := range res.Petitions {
		if w := fontRows[i]; p.Text != w.text || string(p.Field) != w.field || string(p.Authority) != w.auth {
			t.Errorf("row %d: %q %q %q", i+1, p.Text, p.Field, p.Authority)
		}
	}
	res, err = Read(strings.NewReader("Nội dung,Lĩnh vực\nLàm đường thôn Tân Hà,giao thông\n"), "uni.csv", Options{})
	if err != nil || len(res.Converted) != 0 || res.Petitions[0].Text != "Làm đường thôn Tân Hà" {
		t.Fatalf("%v %+v", err, res)
	}
	// every letter here fits Windows-1252, yet it is Unicode Vietnamese
	res, err = Read(strings.NewReader("Noi dung,Linh vuc\nThôn Tân Hà,giao thông\nXóm Hòa Bình,giao thông\n"), "latin.csv", Options{})
	if err != nil || len(res.Converted) != 0 || res.Petitions[0].Text != "Thôn Tân Hà" {
		t.Fatalf("%v %+v", err, res)
	}
}
