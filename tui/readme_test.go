package tui

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"txct/store/demo"
	"txct/tui/base"
)

// keyRow is one line of a key table: the keys as people read them, and what
// they do (the binding's English help).
type keyRow struct {
	keys   []string
	action string
}

func (r keyRow) String() string {
	ks := make([]string, len(r.keys))
	for i, k := range r.keys {
		ks[i] = "`" + k + "`"
	}
	return "| " + strings.Join(ks, " / ") + " | " + r.action + " |"
}

// readmeSections says which scenes make up each section of the README's key
// reference; a nil scene list stands for keys that are not a screen's.
var readmeSections = []struct {
	title  string
	scenes []string
}{
	{"Everywhere", nil},
	{"Questions", nil},
	{"Home", []string{"home"}},
	{"Session form", []string{"session form"}},
	{"Session screen", []string{"session list", "session remark", "session notes"}},
	{"Sharing box", nil},
	{"Archive", []string{"archive", "archive record", "archive editor"}},
	{"Review", []string{"review"}},
	{"Statistics", []string{"statistics"}},
	{"Export dialog", []string{"export"}},
	{"Round screen", []string{"round"}},
}

// appKeyTables builds, in English, the key table of every section from the
// bindings the screens show in their help.
func appKeyTables(t *testing.T) map[string][]keyRow {
	t.Helper()
	rows := func(bs []key.Binding) []keyRow {
		var out []keyRow
		for _, b := range bs {
			if !b.Enabled() || len(b.Keys()) == 0 {
				continue
			}
			r := keyRow{base.KeyNameList(b), b.Help().Desc}
			if !slices.ContainsFunc(out, func(o keyRow) bool { return o.String() == r.String() }) {
				out = append(out, r)
			}
		}
		return out
	}
	scenes := append(slices.Clone(keyScenes), keyScene{"archive editor", func(m *Model, _ uint64) {
		run(m, func() tea.Msg { return base.OpenArchiveMsg{} })
		press(m, "enter", "e")
	}})
	out := map[string][]keyRow{}
	for _, sec := range readmeSections {
		var bs []key.Binding
		m, db := newRoot(t, base.EN, Options{ShareAddr: "127.0.0.1:0"})
		sid, err := demo.Load(db, time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		m.Update(tea.WindowSizeMsg{Width: 120, Height: 36})
		k := m.ctx.Keys
		switch sec.title {
		case "Everywhere":
			bs = m.globalKeys()
		case "Questions":
			bs = []key.Binding{k.Yes, k.No}
		case "Sharing box":
			bs = m.shareKeys()
		}
		for _, name := range sec.scenes {
			i := slices.IndexFunc(scenes, func(s keyScene) bool { return s.name == name })
			if i < 0 {
				t.Fatalf("no scene %q", name)
			}
			run(m, func() tea.Msg { return base.GoHomeMsg{} })
			scenes[i].setup(m, sid)
			_, full := m.screen.Help()
			for _, g := range full {
				bs = append(bs, g...)
			}
		}
		out[sec.title] = rows(bs)
	}
	return out
}

// readmeKeyTables reads the tables under "## Keys" in README.md, by "###"
// section.
func readmeKeyTables(t *testing.T) map[string][]keyRow {
	t.Helper()
	src, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, body, ok := strings.Cut(string(src), "\n## Keys\n")
	if !ok {
		t.Fatal(`README.md has no "## Keys" section`)
	}
	if i := strings.Index(body, "\n## "); i >= 0 {
		body = body[:i]
	}
	out := map[string][]keyRow{}
	section := ""
	tick := regexp.MustCompile("`([^`]+)`")
	for n, line := range strings.Split(body, "\n") {
		switch {
		case strings.HasPrefix(line, "### "):
			section = strings.TrimSpace(line[4:])
		case strings.HasPrefix(line, "|") && !strings.HasPrefix(line, "| Keys") && !strings.HasPrefix(line, "|--") && !strings.HasPrefix(line, "| --"):
			cells := strings.Split(strings.Trim(line, "| "), " | ")
			if len(cells) != 2 || section == "" {
				t.Fatalf("README.md, line %d under ## Keys: %q is not a | keys | action | row of a ### section", n+1, line)
			}
			var keys []string
			for _, m := range tick.FindAllStringSubmatch(cells[0], -1) {
				keys = append(keys, m[1])
			}
			out[section] = append(out[section], keyRow{keys, strings.TrimSpace(cells[1])})
		}
	}
	return out
}

// TestReadmeKeysMatchTheApp: the README's key reference and the screens'
// help name the same keys for the same actions, both ways. On a mismatch it
// prints the tables the app has, to paste in.
func TestReadmeKeysMatchTheApp(t *testing.T) {
	if testing.Short() {
		t.Skip("opens the app on every screen")
	}
	app, doc := appKeyTables(t), readmeKeyTables(t)
	bad := false
	for _, sec := range readmeSections {
		var have, want []string
		for _, r := range doc[sec.title] {
			have = append(have, r.String())
		}
		for _, r := range app[sec.title] {
			want = append(want, r.String())
		}
		for _, w := range want {
			if !slices.Contains(have, w) {
				t.Errorf("README.md, ### %s lacks the app's row %s", sec.title, w)
				bad = true
			}
		}
		for _, h := range have {
			if !slices.Contains(want, h) {
				t.Errorf("README.md, ### %s has a row the app does not: %s", sec.title, h)
				bad = true
			}
		}
	}
	for title := range doc {
		if !slices.ContainsFunc(readmeSections, func(s struct {
			title  string
			scenes []string
		}) bool {
			return s.title == title
		}) {
			t.Errorf("README.md, ### %s under ## Keys is no section of the app", title)
			bad = true
		}
	}
	if bad {
		var b strings.Builder
		for _, sec := range readmeSections {
			b.WriteString("\n### " + sec.title + "\n\n| Keys | Action |\n|---|---|\n")
			for _, r := range app[sec.title] {
				b.WriteString(r.String() + "\n")
			}
		}
		t.Logf("the app's key tables:\n%s", b.String())
	}
}

// TestReadmeProseKeysExist: every key the README names in backquotes
// (`Ctrl+X`, `F5`, `Alt+↑/↓`, `Shift+F5`) is a key of some action.
func TestReadmeProseKeysExist(t *testing.T) {
	if testing.Short() {
		t.Skip("opens the app on every screen")
	}
	known := map[string]bool{}
	for _, rows := range appKeyTables(t) {
		for _, r := range rows {
			for _, k := range r.keys {
				known[k] = true
			}
		}
	}
	src, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	named := regexp.MustCompile("`((?:Ctrl|Alt|Shift)\\+[^`]+|F[0-9]{1,2})`")
	for _, m := range named.FindAllStringSubmatch(string(src), -1) {
		parts := strings.Split(m[1], "/")
		mods := parts[0][:strings.LastIndexByte(parts[0], '+')+1]
		for i, p := range parts {
			if i > 0 && !strings.Contains(p, "+") {
				p = mods + p // Ctrl+←/→ is Ctrl+← and Ctrl+→
			}
			if !known[p] {
				t.Errorf("README.md names %s (in %s), which no action has", p, m[0])
			}
		}
	}
}
