package ingest

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"txct/store/model"
)

func read(t testing.TB, name, content string) (*Result, error) {
	t.Helper()
	return Read(strings.NewReader(content), name, Options{})
}

const row1 = `{"id":"A1","text":"Đề nghị sửa đường ĐT.612","field":"giao thông","authority":"tỉnh","location":"xã Tân Thành","raised_at":"2024-05-01","session":"Trước kỳ họp giữa năm 2024","response":"","status":"unresolved","source":""}`

func TestReadJSONL(t *testing.T) {
	in := "\ufeff" + row1 + "\r\n\r\n" +
		`{"text":" Xin hỗ trợ giống lúa ","field":"Nong nghiep-Thuy loi","authority":"TW","status":"Đã trả lời","raised_at":"","extra":{"x":1},"body":"Sở NN","answered_at":"2024-06-01","ref":"12/SNN"}` + "\n" +
		`{"id":null,"text":"Cu\u0300ng ho\u0301a","field":"","authority":"huyện","status":"đang giải quyết"}`
	res, err := read(t, "a.jsonl", in)
	if err != nil {
		t.Fatal(err)
	}
	ps := res.Petitions
	if len(ps) != 3 {
		t.Fatalf("got %d petitions, want 3", len(ps))
	}
	want1 := model.Petition{ID: "A1", Text: "Đề nghị sửa đường ĐT.612", Field: "giao thông", Authority: "tỉnh",
		Location: "xã Tân Thành", RaisedAt: "2024-05-01", Session: "Trước kỳ họp giữa năm 2024", Status: "unresolved"}
	if !samePetition(&ps[0], &want1) {
		t.Errorf("row 1 = %+v\nwant %+v", ps[0], want1)
	}
	p := ps[1]
	if p.Text != "Xin hỗ trợ giống lúa" || p.Field != "nông nghiệp - thủy lợi" || p.Authority != model.AuthCentral ||
		p.Status != model.StatusAnswered || p.Body != "Sở NN" || p.AnsweredAt != "2024-06-01" || p.Ref != "12/SNN" {
		t.Errorf("row 2 = %+v", p)
	}
	if p.ID != MakeID("Xin hỗ trợ giống lúa", "", "") || !strings.HasPrefix(p.ID, "IMP-") || len(p.ID) != 16 {
		t.Errorf("made-up id %q", p.ID)
	}
	if ps[2].Text != "Cùng hóa" {
		t.Errorf("text not NFC: %q", ps[2].Text)
	}
	if ps[2].Authority != model.AuthDistrict || ps[2].Status != model.StatusInProgress || ps[2].Field != "" {
		t.Errorf("row 3 = %+v", ps[2])
	}
	// importing twice gives the same ids
	res2, _ := read(t, "a.jsonl", in)
	if res2.Petitions[1].ID != p.ID {
		t.Error("made-up id is not deterministic")
	}
}

func TestReadJSONLErrors(t *testing.T) {
	big := strings.Repeat("a", MaxField+1)
	tests := []struct {
		name string
		in   string
		want string // substring of the message
		is   error
		line int
	}{
		{"missing text", row1 + "\n" + `{"id":"B"}`, "a.jsonl:2: text: text is empty", nil, 2},
		{"blank text", `{"text":"   "}`, "text is empty", nil, 1},
		{"unknown field", `{"text":"x","field":"giao thong x"}`, `a.jsonl:1: field: "giao thong x" is not one of giao thông, đất đai`, nil, 1},
		{"unknown authority", `{"text":"x","authority":"quận"}`, `authority: "quận" is not one of trung ương, tỉnh, huyện, xã`, nil, 1},
		{"unknown status", `{"text":"x","status":"done"}`, `status: "done" is not one of resolved`, nil, 1},
		{"bad date", `{"text":"x","raised_at":"2024-13-01"}`, `raised_at: date "2024-13-01" is not YYYY-MM-DD`, nil, 1},
		{"dmy date refused in jsonl", `{"text":"x","raised_at":"01/05/2024"}`, "is not YYYY-MM-DD", nil, 1},
		{"wrong type", `{"text":12}`, "text: want a string, got a JSON number", nil, 1},
		{"not an object", "\n\n" + `["x"]`, "a.jsonl:3: want a JSON object", nil, 3},
		{"array file", `[{"text":"x"}]`, "JSON array is not supported", ErrFormat, 1},
		{"syntax", `{"text":"x"`, "a.jsonl:1: invalid JSON", nil, 1},
		{"raw NUL", "{\"text\":\"a\x00b\"}", "a.jsonl:1: NUL byte", ErrNUL, 1},
		{"escaped NUL", `{"text":"a\u0000b"}`, "text: NUL byte", ErrNUL, 1},
		{"invalid utf8", row1 + "\n" + "{\"text\":\"a\xffb\"}", "a.jsonl:2: invalid UTF-8", ErrInvalidUTF8, 2},
		{"field too large", `{"text":"` + big + `"}`, "over the 1048576-byte limit", ErrTooLarge, 1},
		{"line too large", row1 + "\n" + `{"text":"x","pad":"` + strings.Repeat("b", MaxLine) + `"}`, "a.jsonl:2: line is over", ErrTooLarge, 2},
		{"duplicate id", row1 + "\n" + strings.Replace(row1, "sửa", "làm", 1), `a.jsonl:2: id: id "A1" is already used by a different petition on line 1`, nil, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := read(t, "a.jsonl", tt.in)
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %q does not contain %q", err, tt.want)
			}
			var ie *Error
			if !errors.As(err, &ie) || ie.File != "a.jsonl" || ie.Line != tt.line {
				t.Fatalf("error %#v: want *Error at a.jsonl:%d", err, tt.line)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Fatalf("error %v is not %v", err, tt.is)
			}
		})
	}
}

func TestDuplicateIdenticalRowsDropped(t *testing.T) {
	res, err := read(t, "a.jsonl", row1+"\n"+row1+"\n"+`{"text":"x"}`+"\n"+`{"text":"x"}`)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Petitions) != 2 || res.Duplicates != 2 {
		t.Fatalf("got %d petitions, %d duplicates; want 2, 2", len(res.Petitions), res.Duplicates)
	}
}

func TestProgress(t *testing.T) {
	var calls, last, total int64
	in := strings.Repeat(row1+"\n", 3000) // ~1 MiB
	res, err := Read(strings.NewReader(in), "p.jsonl", Options{Size: int64(len(in)),
		Progress: func(done, tot int64) { calls++; last, total = done, tot }})
	if err != nil {
		t.Fatal(err)
	}
	if res.Duplicates != 2999 || calls < 3 || last != int64(len(in)) || total != int64(len(in)) {
		t.Fatalf("dups %d calls %d last %d total %d", res.Duplicates, calls, last, total)
	}
}

func TestDetectFormat(t *testing.T) {
	tests := []struct {
		name, file, in string
		want           Format
		err            string
	}{
		{"jsonl ext", "a.jsonl", row1, FormatJSONL, ""},
		{"json ext", "a.json", row1, FormatJSONL, ""},
		{"csv ext", "a.csv", "text\nx\n", FormatCSV, ""},
		{"sniff json", "archive", row1, FormatJSONL, ""},
		{"sniff csv", "archive", "Nội dung\nx\n", FormatCSV, ""},
		{"xlsx without zip", "a.xlsx", "text\nx\n", "", "not an XLSX workbook"},
		{"xls", "a.xls", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "", "Excel 97–2003"},
		{"zip not xlsx", "a.csv", "PK\x03\x04garbage", "", "not a readable XLSX workbook"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := read(t, tt.file, tt.in)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) || !strings.HasPrefix(err.Error(), tt.file+":") {
					t.Fatalf("error %v, want %q naming %s", err, tt.err, tt.file)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if res.Format != tt.want {
				t.Fatalf("format %s, want %s", res.Format, tt.want)
			}
		})
	}
}

// Lines are decoded in batches on several cores, yet the first bad line in
// file order is the one reported, whatever comes after it, and a good file
// keeps its order.
func TestReadJSONLBatchesKeepOrder(t *testing.T) {
	good := func(i int) string {
		return fmt.Sprintf(`{"id":"B-%d","text":"Đề nghị sửa đường thôn %d"}`, i, i)
	}
	for _, tt := range []struct {
		bad  map[int]string // line → content
		want string
	}{
		{map[int]string{1500: `{"id":"B-x","text":`, 2900: "\x00"}, "a.jsonl:1500: invalid JSON"},
		{map[int]string{2900: "\x00", 1500: `{"id":"B-1","text":"khác"}`}, "a.jsonl:1500"},
		{map[int]string{2999: strings.Repeat("x", MaxLine+10)}, "a.jsonl:2999: line is over"},
		{nil, ""},
	} {
		var b strings.Builder
		for i := 1; i <= 3000; i++ {
			if s, ok := tt.bad[i]; ok {
				b.WriteString(s + "\n")
			} else {
				b.WriteString(good(i) + "\n")
			}
		}
		res, err := Read(strings.NewReader(b.String()), "a.jsonl", Options{})
		if tt.want == "" {
			if err != nil {
				t.Fatal(err)
			}
			for i, p := range res.Petitions {
				if p.ID != fmt.Sprintf("B-%d", i+1) {
					t.Fatalf("row %d is %s", i+1, p.ID)
				}
			}
			continue
		}
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("error %v, want %q…", err, tt.want)
		}
	}
}
