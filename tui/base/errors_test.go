package base

import (
	"errors"
	"fmt"
	"go/ast"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"txct/store/ingest"
	"txct/store/model"
)

// translatable walks the store for the English texts an error can carry:
// every format given to model.Errorf (errorf in the readers, Errorf in
// model) and every errors.New of the readers. It fails on a format that is
// not a string literal, which the catalog could not know.
func translatable(t *testing.T) map[string]string {
	t.Helper()
	found := map[string]string{}
	err := walkCalls("../../store", func(fset *token.FileSet, f *ast.File, call *ast.CallExpr) {
		inIngest := f.Name.Name == "ingest"
		var name string
		switch fn := call.Fun.(type) {
		case *ast.Ident:
			if fn.Name == "errorf" || fn.Name == "Errorf" && f.Name.Name == "model" {
				name = fn.Name
			}
		case *ast.SelectorExpr:
			if x, ok := fn.X.(*ast.Ident); ok && (x.Name == "model" && fn.Sel.Name == "Errorf" || inIngest && x.Name == "errors" && fn.Sel.Name == "New") {
				name = x.Name + "." + fn.Sel.Name
			}
		}
		if name == "" {
			return
		}
		if id, ok := call.Args[0].(*ast.Ident); ok && id.Name == "format" {
			return // errorf passing its own format on
		}
		lit, ok := call.Args[0].(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			t.Errorf("%s: %s with a format that is not a string literal: the catalog cannot word it", fset.Position(call.Pos()), name)
			return
		}
		s, err := strconv.Unquote(lit.Value)
		if err != nil {
			t.Errorf("%s: %v", fset.Position(call.Pos()), err)
			return
		}
		found[s] = fset.Position(call.Pos()).String()
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(found) < 100 {
		t.Fatalf("only %d error texts found: the walk missed the readers", len(found))
	}
	return found
}

// Every English error text of the readers and the session has a
// Vietnamese one with the same verbs in the same order, and the table holds
// nothing the code no longer says.
func TestErrorsVIComplete(t *testing.T) {
	found := translatable(t)
	for en, at := range found {
		vi, ok := errorsVI[en]
		if !ok {
			t.Errorf("%s: no Vietnamese for %q", at, en)
			continue
		}
		if got, want := verbRE.FindAllString(vi, -1), verbRE.FindAllString(en, -1); !slices.Equal(got, want) {
			t.Errorf("%q: the Vietnamese has verbs %q, the English %q", en, got, want)
		}
	}
	for en := range errorsVI {
		if _, ok := found[en]; !ok {
			t.Errorf("errorsVI has %q, which no error in the store says", en)
		}
	}
}

func writeTemp(t *testing.T, name, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// A reader's error is said in Vietnamese with its position, and in
// English exactly as Error() says it.
func TestErrWordsReaderErrors(t *testing.T) {
	vi, en := Text{Lang: VI}, Text{Lang: EN}
	cases := []struct {
		name, file, body string
		wantVI           string
	}{
		{"empty text", "a.csv", "Mã,Nội dung\nX1,\n", `:2: cột "Nội dung": nội dung trống`},
		{"short row", "b.csv", "Mã,Nội dung\nX1\n", ":2: hàng có 1 cột, hàng tiêu đề có 2 cột"},
		{"bad date", "c.jsonl", `{"text":"Đường hỏng","raised_at":"31/02"}` + "\n", `ngày "31/02" không theo dạng YYYY-MM-DD`},
		{"wrong type", "d.jsonl", `{"text":12}` + "\n", "text: cần một chuỗi, nhưng gặp giá trị JSON kiểu số"},
		{"too large", "e.jsonl", `{"text":"` + strings.Repeat("a", ingest.MaxLine+10) + `"}` + "\n", "vượt giới hạn 4194304 byte: quá lớn"},
		{"empty file", "f.csv", "", "tệp trống: cần một hàng tiêu đề và các hàng dữ liệu"},
		{"json syntax", "g.jsonl", `{"text" "x"}` + "\n", `JSON không hợp lệ ở byte 9: ký tự '"' không hợp lệ sau tên trường (cần dấu hai chấm)`},
		{"json number", "i.jsonl", `{"text":"x","voters":1.}` + "\n", `ký tự '}' không hợp lệ sau dấu thập phân của một số`},
		{"json literal", "h.jsonl", `{"text":"x","x":tru}` + "\n", `ký tự '}' không hợp lệ trong từ khóa true (cần 'e')`},
	}
	for _, c := range cases {
		p := writeTemp(t, c.file, c.body)
		_, err := ingest.ReadFile(p, ingest.Options{})
		if err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		if got := en.Err(err); got != err.Error() {
			t.Errorf("%s: English %q, Error() %q", c.name, got, err.Error())
		}
		got := vi.Err(err)
		if !strings.HasPrefix(got, c.file) || !strings.Contains(got, c.wantVI) {
			t.Errorf("%s: Vietnamese %q, want %s…%s", c.name, got, c.file, c.wantVI)
		}
		if got == err.Error() {
			t.Errorf("%s: not translated: %q", c.name, got)
		}
	}
}

// The position words of a spreadsheet row and a CSV column are said in
// the UI language; what wraps a reader's error keeps its own words.
func TestErrWordsPositionAndWrappers(t *testing.T) {
	vi := Text{Lang: VI}
	e := &ingest.Error{File: "s.xlsx", Sheet: "Sheet 1", Line: 7, Err: model.Errorf("the sheet is empty")}
	if got, want := vi.Err(e), "s.xlsx: 'Sheet 1' hàng 7: trang tính trống"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	wrapped := fmt.Errorf("%w (nothing was imported)", e)
	if got, want := vi.Err(wrapped), "s.xlsx: 'Sheet 1' hàng 7: trang tính trống (nothing was imported)"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	// A sentinel wrapped with %w is still seen by errors.Is, and worded.
	big := &ingest.Error{File: "a.jsonl", Line: 3, Err: model.Errorf("line is over the %d-byte limit: %w", 10, ingest.ErrTooLarge)}
	if !errors.Is(big, ingest.ErrTooLarge) {
		t.Error("errors.Is does not see the sentinel through model.Errorf")
	}
	if got, want := vi.Err(big), "a.jsonl:3: dòng vượt giới hạn 10 byte: quá lớn"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	// A session's field errors, as a bundle or the form gets them.
	s := model.Session{Title: " ", Kind: "x", Date: "2026-02-30", Voters: -1}
	err := s.Validate()
	got := vi.Err(err)
	for _, want := range []string{"title: đang trống", `kind: "x" không thuộc các giá trị`, `date: ngày "2026-02-30" không theo dạng YYYY-MM-DD`, "voters: -1 là số âm"} {
		if !strings.Contains(got, want) {
			t.Errorf("Validate in Vietnamese %q lacks %q", got, want)
		}
	}
	if en := (Text{Lang: EN}).Err(err); en != err.Error() {
		t.Errorf("English %q, Error() %q", en, err.Error())
	}
	// A file that is not there, in the system's words or the UI's.
	_, err = os.Open(filepath.Join(t.TempDir(), "none.csv"))
	if got := vi.Err(err); !strings.HasSuffix(got, "none.csv: không có tệp hoặc thư mục này") {
		t.Errorf("missing file worded as %q", got)
	}
	// An error passed to F is worded in the UI language too.
	if got, want := vi.F("cli.answers.warn", e), "cảnh báo: s.xlsx: 'Sheet 1' hàng 7: trang tính trống"; got != want {
		t.Errorf("F: got %q, want %q", got, want)
	}
	if got, want := (Text{Lang: EN}).F("cli.answers.warn", e), "warning: "+e.Error(); got != want {
		t.Errorf("F in English: got %q, want %q", got, want)
	}
	// Text the catalog does not know is left as it is.
	if got := vi.Err(errors.New("disk full")); got != "disk full" {
		t.Errorf("unknown error worded as %q", got)
	}
}
