package ingest

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// checkRead asserts what every reader promises: a result of valid,
// identified petitions, or an *Error naming the file.
func checkRead(t *testing.T, name string, res *Result, err error) {
	t.Helper()
	if err != nil {
		var ie *Error
		if !errors.As(err, &ie) || ie.File != name || !strings.HasPrefix(err.Error(), name+":") {
			t.Fatalf("error %q (%T) does not name %s", err, err, name)
		}
		return
	}
	seen := make(map[string]bool)
	for _, p := range res.Petitions {
		if p.ID == "" || strings.TrimSpace(p.Text) == "" {
			t.Fatalf("petition without id or text: %+v", p)
		}
		if seen[p.ID] {
			t.Fatalf("id %q twice", p.ID)
		}
		seen[p.ID] = true
		if !utf8.ValidString(p.Text) || !norm.NFC.IsNormalString(p.Text) || strings.IndexByte(p.Text, 0) >= 0 {
			t.Fatalf("text %q is not clean NFC", p.Text)
		}
		if p.Field != "" && !p.Field.Valid() || p.Authority != "" && !p.Authority.Valid() || p.Status != "" && !p.Status.Valid() {
			t.Fatalf("unchecked label in %+v", p)
		}
	}
}

func FuzzReadJSONL(f *testing.F) {
	f.Add([]byte(row1 + "\n" + `{"text":"x","field":"Giao Thong"}`))
	f.Add([]byte(`{"text":"a\u0000"}`))
	f.Add([]byte("\ufeff{\"text\":\"b\",\"status\":\"đã trả lời\"}\r\n\r\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		res, err := Read(bytes.NewReader(b), "f.jsonl", Options{Format: FormatJSONL})
		checkRead(t, "f.jsonl", res, err)
	})
}

func FuzzReadCSV(f *testing.F) {
	f.Add([]byte("Mã;Nội dung;Lĩnh vực\r\n1;\"a;b\";giao thông\r\n"))
	f.Add([]byte("text,raised_at\n\"x\ny\",05/01/2024\n"))
	f.Add([]byte("M\xb7,N\xe9i dung\r\n1,\xae\xd2 ngh\xde\r\n"))
	f.Add([]byte("\xff\xfet\x00e\x00x\x00t\x00\n\x00a\x00"))
	f.Fuzz(func(t *testing.T, b []byte) {
		res, err := Read(bytes.NewReader(b), "f.csv", Options{Format: FormatCSV})
		checkRead(t, "f.csv", res, err)
	})
}

func FuzzReadXLSX(f *testing.F) {
	f.Add(workbook(f, [][]any{xlsxHeader, {1, "Sửa đường", "giao thông", "tỉnh", 45000}}))
	f.Add(workbook(f, [][]any{{"t"}, xlsxHeader, {1, "a", "khác"}, {2, "b"}}, "C3:C4"))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, b []byte) {
		res, err := Read(bytes.NewReader(b), "f.xlsx", Options{Format: FormatXLSX})
		checkRead(t, "f.xlsx", res, err)
	})
}

func FuzzReadBundle(f *testing.F) {
	s, rs := sampleSession()
	var buf bytes.Buffer
	if err := WriteBundle(&buf, s, rs); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte(`{"format":"txct-session/1","session":{"title":"T","kind":"khac","date":"2026-01-02"},"remarks":[{"text":"a","merged_into":0}]}`))
	f.Add([]byte(`{"format":"txct-session/1"} x`))
	f.Fuzz(func(t *testing.T, b []byte) {
		bun, err := ReadBundle(bytes.NewReader(b), "f.json")
		if err != nil {
			var ie *Error
			if !errors.As(err, &ie) || !strings.HasPrefix(err.Error(), "f.json:") {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		// whatever reads must write, and read back to the same bytes
		var one, two bytes.Buffer
		if err := bun.Write(&one); err != nil {
			t.Fatal(err)
		}
		again, err := ReadBundle(bytes.NewReader(one.Bytes()), "f.json")
		if err != nil {
			t.Fatalf("re-reading our own output: %v\n%s", err, one.String())
		}
		if err := again.Write(&two); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(one.Bytes(), two.Bytes()) {
			t.Fatalf("not idempotent:\n%s\n---\n%s", one.String(), two.String())
		}
	})
}

func FuzzDetectEncoding(f *testing.F) {
	for _, e := range legacyEncodings {
		b, _ := e.Encode("đề nghị sửa đường của thôn, xã; người dân được hỗ trợ")
		f.Add(b)
	}
	f.Add([]byte("Le d\xe9l\xe9gu\xe9"))
	f.Fuzz(func(t *testing.T, b []byte) {
		e, err := DetectEncoding(b)
		if err != nil {
			if !errors.Is(err, ErrEncoding) {
				t.Fatalf("error %v is not ErrEncoding", err)
			}
			return
		}
		s := e.Decode(b)
		if !utf8.ValidString(s) || !norm.NFC.IsNormalString(s) {
			t.Fatalf("%s decoded to invalid or non-NFC text %q", e.Name, s)
		}
		// what decodes re-encodes to the same text
		if enc, err := e.Encode(s); err == nil {
			if got := e.Decode(enc); got != s {
				t.Fatalf("%s: decode(encode(%q)) = %q", e.Name, s, got)
			}
		}
	})
}

// FuzzReadXLS: any bytes behind an OLE signature give petitions or an
// *Error, never a panic.
func FuzzReadXLS(f *testing.F) {
	for _, name := range []string{"testdata/xls/unicode.xls", "testdata/xls/vntime.xls"} {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		_, err := Read(bytes.NewReader(b), "f.xls", Options{Format: FormatXLS})
		var e *Error
		if err != nil && !errors.As(err, &e) {
			t.Fatalf("error %v is not an *Error", err)
		}
	})
}

// FuzzReadReport: any bytes give a report or an error, never a panic.
func FuzzReadReport(f *testing.F) {
	for _, name := range []string{"testdata/report/layout1.pdf"} {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	f.Add(testDocx(f, reportLayouts[0].lines))
	f.Fuzz(func(t *testing.T, b []byte) {
		rep, err := ReadReport(bytes.NewReader(b), "f.docx", ReportOptions{})
		if err == nil && len(rep.Items) == 0 {
			t.Fatal("a report with no items was accepted")
		}
	})
}
