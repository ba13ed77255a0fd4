package tui

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"txct/store"
	"txct/store/demo"
	"txct/tui/base"
	"txct/tui/tuitest"
)

// keyScene is one place in the app a key can be pressed: how to get there
// from the home screen of a database holding the demo.
type keyScene struct {
	name  string
	setup func(m *Model, sid uint64)
}

// press presses keys named as in the key map and feeds back what their
// commands return (follow skips the status line's five-second expiry).
func press(m *Model, keys ...string) {
	for _, k := range keys {
		_, cmd := m.Update(tuitest.KeyMsg(k))
		follow(m, cmd, 8)
	}
}

var keyScenes = []keyScene{
	{"home", func(*Model, uint64) {}},
	{"session list", func(m *Model, sid uint64) { run(m, func() tea.Msg { return base.OpenSessionMsg{ID: sid} }) }},
	{"session remark", func(m *Model, sid uint64) {
		run(m, func() tea.Msg { return base.OpenSessionMsg{ID: sid} })
		press(m, "enter")
	}},
	{"session notes", func(m *Model, sid uint64) {
		run(m, func() tea.Msg { return base.OpenSessionMsg{ID: sid} })
		press(m, "ctrl+left")
	}},
	{"session form", func(m *Model, sid uint64) { run(m, func() tea.Msg { return base.EditSessionMsg{ID: sid} }) }},
	{"archive", func(m *Model, _ uint64) { run(m, func() tea.Msg { return base.OpenArchiveMsg{} }) }},
	{"archive record", func(m *Model, _ uint64) {
		run(m, func() tea.Msg { return base.OpenArchiveMsg{} })
		press(m, "enter")
	}},
	{"review", func(m *Model, sid uint64) { run(m, func() tea.Msg { return base.OpenReviewMsg{ID: sid} }) }},
	{"statistics", func(m *Model, sid uint64) { run(m, func() tea.Msg { return base.OpenStatsMsg{ID: sid} }) }},
	{"export", func(m *Model, sid uint64) { run(m, func() tea.Msg { return base.OpenExportMsg{ID: sid} }) }},
	{"round", func(m *Model, sid uint64) { run(m, func() tea.Msg { return base.OpenRoundMsg{ID: sid} }) }},
}

// demoFile is a database holding the demo, made once per test binary in
// the first test's temporary folder and copied for every scene: loading
// the demo for each of hundreds of key presses would take minutes.
var demoFile struct {
	once sync.Once
	dir  string // removed by TestMain
	path string
	sid  uint64
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if demoFile.dir != "" {
		_ = os.RemoveAll(demoFile.dir)
	}
	os.Exit(code)
}

// sceneRoot opens a root over a fresh copy of the demo database, at
// 120×36, in the scene.
func sceneRoot(t *testing.T, sc keyScene) (*Model, *store.Store) {
	t.Helper()
	demoFile.once.Do(func() {
		demoFile.dir, demoFile.err = os.MkdirTemp("", "txct-keys-")
		if demoFile.err != nil {
			return
		}
		demoFile.path = filepath.Join(demoFile.dir, "demo.db")
		db, err := store.Open(demoFile.path, store.Options{NoIndex: true})
		if err == nil {
			demoFile.sid, err = demo.Load(db, time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC))
			err = errors.Join(err, db.Close())
		}
		demoFile.err = err
	})
	if demoFile.err != nil {
		t.Fatal(demoFile.err)
	}
	src, err := os.ReadFile(demoFile.path)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "t.db")
	if err := os.WriteFile(path, src, 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	ctx := base.NewContext(base.VI)
	ctx.Now = func() time.Time { return time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC) }
	m := New(ctx, db, Options{ShareAddr: "127.0.0.1:0"})
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 36})
	run(m, func() tea.Msg { return base.GoHomeMsg{} })
	sc.setup(m, demoFile.sid)
	return m, db
}

// sceneBindings are the bindings the scene's help lists, and the root's.
func sceneBindings(m *Model) []key.Binding {
	_, full := m.screen.Help()
	k := m.ctx.Keys
	out := []key.Binding{k.Help, k.Palette, k.Home, k.Redraw}
	for _, g := range full {
		out = append(out, g...)
	}
	return out
}

// TestEveryKeyOfAnActionActsAlike: on every screen, each key of an action
// (a second key given for terminals that take the first, or an old one
// kept) does exactly what its first key does: the same screen follows,
// drawn the same. A key that types text while a field has focus is text
// there, not the action, and is left out.
func TestEveryKeyOfAnActionActsAlike(t *testing.T) {
	if testing.Short() {
		t.Skip("opens a database per key")
	}
	for _, sc := range keyScenes {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel() // most of the time is timers' sleep, not work
			probe, _ := sceneRoot(t, sc)
			typing := probe.screen.Typing()
			compared := 0
			for _, b := range sceneBindings(probe) {
				ks := b.Keys()
				if len(ks) < 2 || !b.Enabled() {
					continue
				}
				first, _ := sceneRoot(t, sc)
				press(first, ks[0])
				want := view(first)
				for _, k := range ks[1:] {
					msg, ok := base.KeyPress(k)
					if !ok {
						t.Fatalf("%s: key %q of %q cannot be pressed", sc.name, k, b.Help().Desc)
					}
					if typing && base.Typed(msg) {
						continue
					}
					other, _ := sceneRoot(t, sc)
					press(other, k)
					if got := view(other); got != want {
						t.Errorf("%s: %s does not do what %s does (%s):\n%s\n--- %s did:\n%s",
							sc.name, k, ks[0], b.Help().Desc, got, ks[0], want)
					}
					compared++
				}
			}
			if compared == 0 {
				t.Errorf("%s: no action with a second key was compared", sc.name)
			}
		})
	}
}

// takenKey reports whether a common terminal, desktop or keyboard may take
// a key before txct sees it, or a legacy terminal cannot tell it apart:
// F-keys (laptops need Fn; GNOME Terminal takes F1 and F10), Alt chords
// (macOS sends them only with "Option as Meta"), Ctrl+←/→ (macOS desktops),
// Ctrl+H/I/M/[ (Backspace, Tab, Enter, Esc in legacy terminals) and Ctrl+V
// (Windows Terminal's paste).
func takenKey(k string) bool {
	switch {
	case strings.HasPrefix(k, "alt+"), strings.Contains(k, "+alt+"):
		return true
	case k == "ctrl+left" || k == "ctrl+right":
		return true
	case k == "ctrl+h" || k == "ctrl+i" || k == "ctrl+m" || k == "ctrl+[" || k == "ctrl+v":
		return true
	}
	name := k[strings.LastIndexByte(k, '+')+1:]
	return len(name) >= 2 && name[0] == 'f' && name[1] >= '0' && name[1] <= '9'
}

// noSecondKey are the actions documented as having no second key of their
// own (README, "Keys terminals take"): Esc steps back home from every
// screen, and Ctrl+F picks the field or level the F5/F6 keys cycle through.
var noSecondKey = map[string]bool{"key.home": true, "key.cyclefield": true, "key.cyclelevel": true, "key.fieldback": true, "key.levelback": true}

// TestSecondKeyForEveryTakenKey: every action on every screen whose keys a
// terminal may take has another key that none takes, except those listed
// in noSecondKey.
func TestSecondKeyForEveryTakenKey(t *testing.T) {
	tx := base.Text{Lang: base.VI}
	exempt := map[string]bool{}
	for id := range noSecondKey {
		exempt[tx.S(id)] = true
	}
	for _, sc := range keyScenes {
		m, _ := sceneRoot(t, sc)
		for _, b := range sceneBindings(m) {
			ks := b.Keys()
			if !b.Enabled() || len(ks) == 0 || !takenKey(ks[0]) || exempt[b.Help().Desc] {
				continue
			}
			free := false
			for _, k := range ks {
				free = free || !takenKey(k)
			}
			if !free {
				t.Errorf("%s: %q (%s) has no key that terminals leave alone", sc.name, b.Help().Desc, strings.Join(ks, ", "))
			}
		}
	}
}

// TestHelpOverlayShowsEveryAction: at 80×24 and 120×36, the F1 overlay's
// pages together show every action of the screen and the root with all its
// keys, and each page fits the terminal (at 80 columns it used to show two
// of the session screen's five groups, cut off at the right).
func TestHelpOverlayShowsEveryAction(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 36}} {
		m, _ := sceneRoot(t, keyScenes[1]) // the session screen's list
		m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		press(m, "f1")
		seen := ""
		for range 10 {
			v := view(m)
			tuitest.CheckSize(t, m.View().Content, size[0], size[1])
			seen += v
			press(m, "pgdown")
		}
		for _, b := range sceneBindings(m) {
			if want := base.KeyNames(b); !strings.Contains(seen, want) || !strings.Contains(seen, b.Help().Desc) {
				t.Errorf("%dx%d: the help never shows %s (%s)", size[0], size[1], want, b.Help().Desc)
			}
		}
		press(m, "esc")
		if m.showHelp {
			t.Fatal("esc did not close the help")
		}
	}
}

// withoutStatus is a frame less its status line (the second last): a key
// that only shows a hint there does nothing.
func withoutStatus(v string) string {
	lines := strings.Split(v, "\n")
	if len(lines) >= 2 {
		lines = append(lines[:len(lines)-2], lines[len(lines)-1])
	}
	return strings.Join(lines, "\n")
}

// TestNoKeyActsUnlisted: on every screen, a key its help does not list
// changes nothing on screen but a hint on the status line: what the help
// shows is all that acts. Where a
// text field has focus only F-keys are tried: other keys are the field's
// own (letters, arrows, Home/End, Ctrl+A…) and edit its text.
func TestNoKeyActsUnlisted(t *testing.T) {
	if testing.Short() {
		t.Skip("opens a database per key")
	}
	var probe []string
	for i := 1; i <= 12; i++ {
		probe = append(probe, "f"+strconv.Itoa(i), "shift+f"+strconv.Itoa(i))
	}
	fkeys := len(probe)
	for c := 'a'; c <= 'z'; c++ {
		if c != 'c' && c != 'h' && c != 'i' && c != 'm' { // quit; Backspace, Tab, Enter
			probe = append(probe, "ctrl+"+string(c))
		}
	}
	probe = append(probe, "alt+up", "alt+down", "alt+left", "alt+right", "ctrl+left", "ctrl+right",
		"ctrl+pgup", "ctrl+pgdown", "shift+up", "shift+down", "home", "end", "pgup", "pgdown",
		"tab", "shift+tab", "enter", "esc", "up", "down", "left", "right", "space", "?", "/", "[", "]", "=")
	for _, sc := range keyScenes {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel() // most of the time is timers' sleep, not work
			m, _ := sceneRoot(t, sc)
			listed := map[string]bool{}
			for _, b := range sceneBindings(m) {
				for _, k := range b.Keys() {
					listed[k] = true
				}
			}
			keys := probe
			if m.screen.Typing() {
				keys = probe[:fkeys]
			}
			still := withoutStatus(view(m))
			for _, k := range keys {
				if listed[k] {
					continue
				}
				other, _ := sceneRoot(t, sc)
				press(other, k)
				if got := withoutStatus(view(other)); got != still {
					t.Errorf("%s: %s is not in the help but acts:\n%s", sc.name, k, got)
				}
			}
		})
	}
}
