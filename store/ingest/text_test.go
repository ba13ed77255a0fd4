package ingest

import (
	"bytes"
	"errors"
	"testing"
	"unicode/utf16"
)

// withBOM16 encodes s as UTF-16 little-endian with a byte order mark, as
// PowerShell's Out-File and Excel's "Unicode Text" write it.
func withBOM16(s string) []byte {
	var b []byte
	for _, u := range append([]uint16{0xFEFF}, utf16.Encode([]rune(s))...) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

// A bundle saved again by Notepad carries a BOM; one saved as "Unicode" is
// UTF-16. Both read as the bundle they are.
func TestBundleWithBOM(t *testing.T) {
	s, rs := sampleSession()
	var buf bytes.Buffer
	if err := WriteBundle(&buf, s, rs); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"UTF-8 BOM": append([]byte("\uFEFF"), buf.Bytes()...),
		"UTF-16":    withBOM16(buf.String()),
	} {
		b, err := ReadBundle(bytes.NewReader(data), "s.json")
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if b.Session.Title != s.Title || len(b.Remarks) != len(rs) {
			t.Errorf("%s: read %q with %d remarks", name, b.Session.Title, len(b.Remarks))
		}
	}
}

func TestJSONLUTF16(t *testing.T) {
	line := `{"id":"A1","text":"Đề nghị sửa đường ĐT.612","field":"giao thông","authority":"tỉnh","location":"","raised_at":"2021-08-20","session":"","response":"","status":"answered"}` + "\r\n"
	res, err := Read(bytes.NewReader(withBOM16(line)), "a.jsonl", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Petitions) != 1 || res.Petitions[0].Text != "Đề nghị sửa đường ĐT.612" {
		t.Errorf("read %+v", res.Petitions)
	}
}

func TestCheckText(t *testing.T) {
	for s, bad := range map[string]bool{
		"Tuyến ĐT.341 xuống cấp": false,
		"Vì sao?Tôi hỏi mãi":     false, // letters beyond ASCII: intact
		"Is it ok? yes":          false,
		"cau tran Na Ca":         false,
		"Tuy?n ?T.341 xu?ng c?p": true, // PowerShell's ASCII pipe
		"Tuy\uFFFDn":             true,
		"Tuy\xeat":               true, // code page 1258 bytes
		"":                       false,
	} {
		err := CheckText(s)
		if (err != nil) != bad || err != nil && !errors.Is(err, ErrNotUTF8) {
			t.Errorf("CheckText(%q) = %v, want refused %v", s, err, bad)
		}
	}
}
