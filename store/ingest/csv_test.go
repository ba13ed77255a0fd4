package ingest

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"

	"txct/store/model"
)

func TestReadCSV(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []model.Petition
	}{
		{
			name: "vietnamese headers, semicolon, bom, crlf, dd/mm/yyyy",
			in: "\ufeffMã;NỘI DUNG;Lĩnh Vực;Thẩm quyền;Địa bàn;Ngày;Kỳ họp;Cơ quan trả lời;Trả lời;Tình trạng\r\n" +
				"K1;\"Sửa đường; lát gạch\";Giao thong;TW;thôn Đông;05/01/2024;Trước kỳ họp;Sở GTVT;\"Đã có \"\"kế hoạch\"\"\";đã giải quyết xong\r\n" +
				";;;;;;;;;\r\n",
			want: []model.Petition{{ID: "K1", Text: "Sửa đường; lát gạch", Field: "giao thông", Authority: "trung ương",
				Location: "thôn Đông", RaisedAt: "2024-01-05", Session: "Trước kỳ họp", Body: "Sở GTVT",
				Response: `Đã có "kế hoạch"`, Status: "resolved"}},
		},
		{
			name: "format names, comma, lf, embedded newline, unknown column",
			in: "id,text,ghi chú,raised_at,status\n" +
				"A,\"dòng 1\ndòng 2\",x,2024-02-03,in_progress\n\n" +
				"B,một,,,\n",
			want: []model.Petition{
				{ID: "A", Text: "dòng 1\ndòng 2", RaisedAt: "2024-02-03", Status: "in_progress"},
				{ID: "B", Text: "một"},
			},
		},
		{
			name: "tab separated, headers without marks",
			in:   "Ma\tNoi dung\tTham quyen\r\nX\tđề nghị\txa\r\n",
			want: []model.Petition{{ID: "X", Text: "đề nghị", Authority: "xã"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := read(t, "a.csv", tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Petitions) != len(tt.want) {
				t.Fatalf("got %d petitions, want %d: %+v", len(res.Petitions), len(tt.want), res.Petitions)
			}
			for i := range tt.want {
				if !samePetition(&res.Petitions[i], &tt.want[i]) {
					t.Errorf("row %d =\n%+v\nwant\n%+v", i, res.Petitions[i], tt.want[i])
				}
			}
		})
	}
}

func TestReadCSVErrors(t *testing.T) {
	long := "text\n" + strings.Repeat("x,", 10) + "\n"
	tests := []struct {
		name string
		in   string
		want string
		line int
		is   error
	}{
		{"missing text column", "Mã;Lĩnh vực\r\n1;giao thông\r\n", `a.csv:1: the header has no column Nội dung (text) (found: Mã, Lĩnh vực)`, 1, nil},
		{"empty file", "", "a.csv:1: the file is empty", 1, nil},
		{"too many columns", "text,field\nx,giao thông\ny,giao thông,z\n", "a.csv:3: row has 3 columns, the header has 2", 3, nil},
		{"too few columns", "text,field\nx\n", "a.csv:2: row has 1 columns, the header has 2", 2, nil},
		{"line after multi-line record", "text,field\n\"a\nb\nc\",khác\nx,bad\n", `a.csv:5: column "field": "bad" is not one of`, 5, nil},
		{"error in multi-line record names its first line", "text,field\nx,\n\"a\nb\",bad\n", `a.csv:3: column "field"`, 3, nil},
		{"unclosed quote", "text\n\"abc\n", "a.csv:2: quoted field is not closed", 2, nil},
		{"text after quote", "text\n\"abc\"def\n", "a.csv:2: unexpected 'd' after a closing quote", 2, nil},
		{"empty text", "text,field\n  ,khác\n", `a.csv:2: column "text": text is empty`, 2, nil},
		{"bad date", "text,Ngày\nx,31/02/2024\n", `a.csv:2: column "Ngày": date "31/02/2024" is not YYYY-MM-DD or DD/MM/YYYY`, 2, nil},
		{"duplicate header", "text,Nội dung\nx,y\n", `a.csv:1: column "Nội dung" appears twice`, 1, nil},
		{"NUL", "text\nab\x00c\n", "a.csv:2: NUL byte", 2, ErrNUL},
		{"duplicate id", "id,text\n1,a\n1,b\n", `a.csv:3: id "1" is already used by a different petition on line 2`, 3, nil},
		{"record too large", "text\n\"" + strings.Repeat("a\n", MaxLine/2+1) + "\"\n", "a.csv:2: record is over", 2, ErrTooLarge},
		{"field too large", "text\n" + strings.Repeat("a", MaxField+1) + "\n", "over the 1048576-byte limit", 2, ErrTooLarge},
		{"ten columns vs header", long, "a.csv:2: row has 11 columns", 2, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := read(t, "a.csv", tt.in)
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %q does not contain %q", err, tt.want)
			}
			var ie *Error
			if !errors.As(err, &ie) || ie.File != "a.csv" || ie.Line != tt.line {
				t.Fatalf("error %#v: want *Error at line %d", err, tt.line)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Fatalf("error %v is not %v", err, tt.is)
			}
		})
	}
}

func TestReadCSVInvalidUTF8AfterSample(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("text\n")
	n := 1
	for b.Len() < sampleSize+1000 {
		b.WriteString("Đề nghị sửa đường thôn Đông\n")
		n++
	}
	b.WriteString("bad \xff byte\n")
	_, err := Read(&b, "big.csv", Options{})
	if !errors.Is(err, ErrInvalidUTF8) || !strings.HasPrefix(err.Error(), "big.csv:"+itoa(n+1)+":") {
		t.Fatalf("error %v, want invalid UTF-8 at big.csv:%d", err, n+1)
	}
}

func TestReadCSVLegacy(t *testing.T) {
	const text = "Đề nghị sửa chữa đường giao thông của thôn Đông, xã Tân Thành"
	csv := "Mã;Nội dung;Lĩnh vực;Thẩm quyền\r\nK1;" + text + ";giao thông;tỉnh\r\nK2;Hỗ trợ giống lúa cho người dân;nông nghiệp - thủy lợi;xã\r\n"
	for _, e := range legacyEncodings {
		t.Run(e.Name, func(t *testing.T) {
			b, err := e.Encode(csv)
			if err != nil {
				t.Fatal(err)
			}
			res, err := Read(bytes.NewReader(b), "legacy.csv", Options{})
			if err != nil {
				t.Fatal(err)
			}
			if res.Encoding != e.Name {
				t.Errorf("encoding %q, want %q", res.Encoding, e.Name)
			}
			want := text
			if e == TCVN3 {
				want = "Đề nghị sửa chữa đường giao thông của thôn Đông, xã Tân Thành" // no capitals with tones here
			}
			if len(res.Petitions) != 2 || res.Petitions[0].Text != want || res.Petitions[1].Field != "nông nghiệp - thủy lợi" {
				t.Fatalf("got %+v", res.Petitions)
			}
		})
	}
	t.Run("utf-16", func(t *testing.T) {
		enc := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder()
		b, err := enc.Bytes([]byte(strings.ReplaceAll(csv, ";", "\t")))
		if err != nil {
			t.Fatal(err)
		}
		res, err := Read(bytes.NewReader(b), "unicode.txt", Options{})
		if err != nil {
			t.Fatal(err)
		}
		if res.Encoding != "UTF-16" || len(res.Petitions) != 2 || res.Petitions[0].Text != text {
			t.Fatalf("got %s %+v", res.Encoding, res.Petitions)
		}
	})
	t.Run("unknown", func(t *testing.T) {
		_, err := Read(strings.NewReader("text\nLe d\xe9l\xe9gu\xe9 a r\xe9pondu \xe0 la requ\xeate, \xe7a co\xfbte tr\xe8s cher\n"), "fr.csv", Options{})
		if !errors.Is(err, ErrEncoding) || !strings.HasPrefix(err.Error(), "fr.csv:2: not UTF-8") {
			t.Fatalf("error %v", err)
		}
	})
}

// TestReadCSVLegacyAfterASCII: a file ASCII for more than the 64 KiB
// sample, then TCVN3, is read as TCVN3, not refused as invalid UTF-8.
func TestReadCSVLegacyAfterASCII(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("Noi dung;Linh vuc\n")
	for b.Len() < sampleSize+5000 {
		b.WriteString("De nghi sua duong thon Dong;giao thong\n")
	}
	tail := "đề nghị sửa chữa đường của thôn Đông, mùa mưa nước ngập 30°C;giao thông\n"
	enc, err := TCVN3.Encode(tail)
	if err != nil {
		t.Fatal(err)
	}
	b.Write(enc)
	res, err := Read(&b, "late.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	last := res.Petitions[len(res.Petitions)-1]
	if res.Encoding != TCVN3.Name || last.Text != "đề nghị sửa chữa đường của thôn Đông, mùa mưa nước ngập 30°C" || last.Field != "giao thông" {
		t.Fatalf("encoding %q, last %+v", res.Encoding, last)
	}
}

// TestReadCSVDamaged: U+FFFD and marks that belong to no letter are
// refused with the line, never stored.
func TestReadCSVDamaged(t *testing.T) {
	for name, tt := range map[string]struct {
		in   string
		line string
		msg  string
	}{
		"replacement char in UTF-8": {"text\nok\nsửa đường th\uFFFDn\n", "bad.csv:3:", "U+FFFD"},
		"stray mark in UTF-8":       {"text\nnhiệt độ 30\u0300C\n", "bad.csv:2:", "belongs to no letter"},
		"undefined byte cp1258":     {"text\n\xf0\xea\xcc nghi\xf2 s\xfd\xd2a \xf0\xfd\xf5\xccng th\xf4n\n\xf0\xea\xcc nghi\xf2 \x81\n", "bad.csv:3:", "U+FFFD"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tt.in), "bad.csv", Options{})
			if err == nil || !strings.HasPrefix(err.Error(), tt.line) || !strings.Contains(err.Error(), tt.msg) {
				t.Fatalf("error %v, want %s … %s", err, tt.line, tt.msg)
			}
		})
	}
}

// TestReadCSVThinEvidence: one word that reads as Vietnamese in two
// encodings is refused, naming both and the --encoding flag; the flag then
// reads it.
func TestReadCSVThinEvidence(t *testing.T) {
	in := "text\nnop don ve t\xe2m\n" // tâm (Windows-1258) or tõm (TCVN3)
	_, err := Read(strings.NewReader(in), "thin.csv", Options{})
	if !errors.Is(err, ErrEncoding) {
		t.Fatalf("error %v, want ErrEncoding", err)
	}
	for _, want := range []string{"thin.csv:2:", "TCVN3", "Windows-1258", "--encoding"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	for key, want := range map[string]string{"cp1258": "nop don ve tâm", "tcvn3": "nop don ve tõm"} {
		res, err := Read(strings.NewReader(in), "thin.csv", Options{Encoding: key})
		if err != nil || res.Petitions[0].Text != want {
			t.Fatalf("--encoding %s: %v %+v", key, err, res)
		}
	}
	if _, err := Read(strings.NewReader(in), "thin.csv", Options{Encoding: "koi8"}); err == nil || !strings.Contains(err.Error(), "tcvn3") {
		t.Fatalf("unknown encoding: %v", err)
	}
}
