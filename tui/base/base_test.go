package base

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"txct/store/model"
)

func TestCatalogComplete(t *testing.T) {
	for _, k := range Keys() {
		e := catalog[k]
		if e[0] == "" || e[1] == "" {
			t.Errorf("%s: missing a language: %q", k, e)
		}
		if strings.Count(e[0], "%") != strings.Count(e[1], "%") {
			t.Errorf("%s: format verbs differ between languages", k)
		}
	}
	if (Text{Lang: EN}).S("key.quit") != "quit" || (Text{}).S("key.quit") != "thoát" {
		t.Error("language lookup")
	}
}

func TestFuzzyFindFoldsAccents(t *testing.T) {
	items := []string{"Nguyễn Văn Đông", "Trần Thị Hoa", "Lê Việt Hùng"}
	cases := []struct {
		pattern string
		want    int
		pos     []int
	}{
		{"dong", 0, []int{11, 12, 13, 14}},
		{"viet", 2, []int{3, 4, 5, 6}},
		{"tth", 1, nil},
	}
	for _, c := range cases {
		t.Run(c.pattern, func(t *testing.T) {
			res := FuzzyFind(c.pattern, items)
			if len(res) == 0 || res[0].Index != c.want {
				t.Fatalf("FuzzyFind(%q) = %+v", c.pattern, res)
			}
			if c.pos != nil && !slices.Equal(res[0].Positions, c.pos) {
				t.Errorf("positions %v, want %v", res[0].Positions, c.pos)
			}
		})
	}
}

func TestWidthMatchesLipgloss(t *testing.T) {
	for _, s := range []string{"", "abc", "Tiếng Việt có dấu", "\x1b[1;31mđỏ\x1b[0m xanh", "─│▌✎⟳", "e\u0302\u0301", "日本語", "👍🏽 ok", "\x1b]8;;http://x\x07link\x1b]8;;\x07"} {
		if got, want := Width(s), ansiWidth(s); got != want {
			t.Errorf("Width(%q) = %d, want %d", s, got, want)
		}
	}
}

// Every literal key passed to S or F anywhere in tui/ or cmd/ is in the
// catalog, so no screen or command can show ⟨key⟩ (a golden file would catch
// it only on the screens it draws).
func TestEveryUsedKeyExists(t *testing.T) {
	re := regexp.MustCompile(`\.(?:S|F)\("([a-z0-9_.]+)"`)
	walk := func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range re.FindAllStringSubmatch(string(src), -1) {
			if strings.HasSuffix(m[1], ".") {
				continue // a prefix completed at run time ("field." + f)
			}
			if _, ok := catalog[m[1]]; !ok {
				t.Errorf("%s uses UI string %q, which is not in the catalog", path, m[1])
			}
		}
		return nil
	}
	for _, root := range []string{"..", "../../cmd"} {
		if err := filepath.WalkDir(root, walk); err != nil {
			t.Fatal(err)
		}
	}
}

// verbRE matches one fmt verb; "%%" is not one.
var verbRE = regexp.MustCompile(`%(?:%|[-+# 0]*[0-9]*(?:\.[0-9]+)?[a-zA-Z])`)

func countVerbs(s string) int {
	n := 0
	for _, v := range verbRE.FindAllString(s, -1) {
		if v != "%%" {
			n++
		}
	}
	return n
}

// walkCalls calls fn on every call with arguments in the Go files under
// root, tests left out.
func walkCalls(root string, fn func(fset *token.FileSet, f *ast.File, call *ast.CallExpr)) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok && len(call.Args) > 0 {
				fn(fset, f, call)
			}
			return true
		})
		return nil
	})
}

// Every call of F with a literal key passes as many arguments as the string
// has verbs in both languages, and S is never used on a string with verbs,
// so no screen shows %!(EXTRA …) or %!d(MISSING).
func TestCatalogArgumentCounts(t *testing.T) {
	checked := 0
	walk := func(fset *token.FileSet, _ *ast.File, call *ast.CallExpr) {
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok || (sel.Sel.Name != "F" && sel.Sel.Name != "S") {
			return
		}
		lit, ok := call.Args[0].(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			return
		}
		k, err := strconv.Unquote(lit.Value)
		if err != nil {
			return
		}
		e, ok := catalog[k]
		if !ok {
			return // TestEveryUsedKeyExists reports it
		}
		want := 0
		if sel.Sel.Name == "F" {
			if call.Ellipsis.IsValid() {
				return
			}
			want = len(call.Args) - 1
		}
		checked++
		for li, s := range e {
			if got := countVerbs(s); got != want {
				t.Errorf("%s: %s(%q) passes %d arguments, the %s string has %d verbs: %q",
					fset.Position(call.Pos()), sel.Sel.Name, k, want, []string{"vi", "en"}[li], got, s)
			}
		}
	}
	// The screens and the command line both format catalog strings.
	for _, root := range []string{"..", "../../cmd"} {
		if err := walkCalls(root, walk); err != nil {
			t.Fatal(err)
		}
	}
	if checked < 50 {
		t.Fatalf("only %d calls checked: the walk missed the screens", checked)
	}
}

// A session changed after its export shows it, with its deadline again.
func TestDeadlineLabelChangedSinceExport(t *testing.T) {
	c := NewContext(VI)
	c.Now = func() time.Time { return time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC) }
	s := model.Session{Date: "2026-11-20", ExportedAt: time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC), Rev: 4, ExportedRev: 4}
	if l, _ := c.DeadlineLabel(&s); l != "đã xuất văn bản" {
		t.Fatalf("exported: %q", l)
	}
	s.Rev++
	if l, _ := c.DeadlineLabel(&s); l != "sửa sau khi xuất · còn 3 ngày" {
		t.Errorf("changed since export: %q", l)
	}
}

// TestHintsNameKeysThroughTheKeyMap: a UI string names a key only as a key
// map binding ("{Undo}", drawn from the binding), never as typed text
// ("Ctrl+Z"), so no hint can name a key the app does not take; and every
// binding a string names exists. The key map's own help texts are left out
// (they are what the keys do, not hints).
func TestHintsNameKeysThroughTheKeyMap(t *testing.T) {
	literal := regexp.MustCompile(`(Ctrl|Alt|Shift)\+\S|\bF([1-9]|1[0-2])\b|\b(Esc|Enter|Tab|PgUp|PgDn)\b|[↑↓←→]`)
	for k, e := range catalog {
		for lang, s := range e {
			if strings.HasPrefix(k, "key.") {
				continue
			}
			if m := literal.FindString(s); m != "" {
				t.Errorf("%s [%d] names the key %q as text; name the binding, {Name}: %q", k, lang, m, s)
			}
			for _, tok := range keyToken.FindAllString(s, -1) {
				if _, ok := keyTokens()[tok]; !ok {
					t.Errorf("%s [%d] names %s, which is no binding of the key map", k, lang, tok)
				}
			}
		}
	}
	if got := (Text{Lang: EN}).F("cap.deleted", "x"); !strings.Contains(got, "Ctrl+Z") {
		t.Errorf("cap.deleted does not show the undo key: %q", got)
	}
}
