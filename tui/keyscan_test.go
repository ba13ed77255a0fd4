package tui

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// bindingLayer are the only files that may look at a key press's fields or
// its name: the key map and the key-press helpers. Everywhere else a key is
// matched with key.Matches against a binding, so help, hints and the palette,
// which are drawn from the bindings, name exactly the keys that act.
var bindingLayer = map[string]bool{
	"base/keys.go":     true,
	"base/keypress.go": true,
}

// keyChecks are the ways a key can be matched around the bindings.
var keyChecks = []*regexp.Regexp{
	regexp.MustCompile(`\.String\(\)\s*(==|!=)`),                    // msg.String() == "esc"
	regexp.MustCompile(`switch\s+(strings\.\w+\()?\w+\.String\(\)`), // switch msg.String() {
	regexp.MustCompile(`\.Keystroke\(\)`),                           // msg.Keystroke()
	regexp.MustCompile(`\.Code\s*(==|!=)`),                          // msg.Code == tea.KeyEnter
	regexp.MustCompile(`switch\s+\w+\.Code\b`),                      // switch msg.Code {
	regexp.MustCompile(`\.Text\s*(==|!=)\s*"[^"]`),                  // msg.Text == "y"
	regexp.MustCompile(`\.Mod\s*(==|!=|&)`),                         // msg.Mod == 0
}

// scanKeyChecks lists, as "file:line: text", every line of the Go sources
// under root (tests left out) that matches a key outside the binding layer.
func scanKeyChecks(t *testing.T, root string) []string {
	t.Helper()
	var found []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		if bindingLayer[filepath.ToSlash(rel)] {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(src), "\n") {
			code, _, _ := strings.Cut(line, "//")
			for _, re := range keyChecks {
				if re.MatchString(code) {
					found = append(found, filepath.ToSlash(rel)+":"+strconv.Itoa(i+1)+": "+strings.TrimSpace(line))
					break
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}

// TestKeysOnlyThroughBindings fails when a screen matches a key by its name
// or fields instead of through a key.Binding.
func TestKeysOnlyThroughBindings(t *testing.T) {
	if found := scanKeyChecks(t, "."); len(found) > 0 {
		t.Errorf("keys matched outside the key map (use key.Matches with a binding of base.KeyMap or the screen's own):\n%s",
			strings.Join(found, "\n"))
	}
}

// TestKeyScanCatchesBypass checks the scan on the shapes it must catch and
// on the ones it must leave alone.
func TestKeyScanCatchesBypass(t *testing.T) {
	dir := t.TempDir()
	bad := []string{
		`if msg.String() == "esc" {`,
		`switch strings.ToLower(msg.String()) {`,
		`case msg.Code == tea.KeyHome:`,
		`switch msg.Code {`,
		`case msg.Text == "y":`,
		`if msg.Mod == 0 {`,
	}
	good := []string{
		`case key.Matches(msg, k.Back):`,
		`typed := m.filtering && msg.Text != ""`,
		`// msg.String() == "esc" in a comment`,
	}
	src := "package x\n" + strings.Join(append(append([]string{}, bad...), good...), "\n") + "\n"
	if err := os.WriteFile(filepath.Join(dir, "x.go"), []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	found := scanKeyChecks(t, dir)
	if len(found) != len(bad) {
		t.Fatalf("found %d key checks, want %d:\n%s", len(found), len(bad), strings.Join(found, "\n"))
	}
	for i, f := range found {
		if !strings.HasSuffix(f, bad[i]) {
			t.Errorf("finding %d is %q, want %q", i, f, bad[i])
		}
	}
}
