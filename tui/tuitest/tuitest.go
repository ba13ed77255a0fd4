// Package tuitest drives Bubble Tea models in tests the way the program's
// loop would, but synchronously: it runs a model's commands, feeds their
// messages back, presses keys by name and checks a frame's size. Every
// screen's tests and the root's use it, so a key or a command is run the
// same way everywhere.
package tuitest

import (
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"txct/store"
	"txct/tui/base"
)

// Model is anything with a Bubble Tea Update: a screen (whose Update returns
// base.Screen) or the root (tea.Model).
type Model[S any] interface {
	Update(tea.Msg) (S, tea.Cmd)
}

// Screen is a model that can be sized and started.
type Screen[S any] interface {
	Model[S]
	Init() tea.Cmd
	SetSize(width, height int)
}

// Store opens a new store in a temporary folder, closed when the test ends.
func Store(t testing.TB, opts store.Options) *store.Store {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "t.db"), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	return db
}

// Load sizes s to w×h and drives its Init to the end.
func Load[S any](t testing.TB, s Screen[S], w, h int) []tea.Msg {
	t.Helper()
	s.SetSize(w, h)
	return Drive(t, s, s.Init())
}

// Drive runs cmd and every command that follows from it, feeding back to m
// the messages whose type is declared in m's own package and returning the
// others (status lines, navigation, other packages' ticks) in order, after
// running them once. So a screen's loads and saves complete, while cursor
// blinks and timers cannot loop.
func Drive[S any](t testing.TB, m Model[S], cmd tea.Cmd) []tea.Msg {
	t.Helper()
	pkg := pkgOf(m)
	var out []tea.Msg
	queue := []tea.Cmd{cmd}
	for n := 0; len(queue) > 0; n++ {
		if n > 10000 {
			t.Fatal("tuitest.Drive: commands do not settle")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		default:
			if pkgOf(msg) != pkg {
				out = append(out, msg)
				continue
			}
			_, next := m.Update(msg)
			queue = append(queue, next)
		}
	}
	return out
}

// Follow runs cmd and feeds every message back to m, as the program would,
// for at most depth rounds, leaving out the messages skip reports (nil: none).
// It suits the root, which routes every screen's messages.
func Follow[S any](m Model[S], cmd tea.Cmd, depth int, skip func(tea.Msg) bool) {
	if cmd == nil || depth <= 0 {
		return
	}
	switch msg := cmd().(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			Follow(m, c, depth-1, skip)
		}
	default:
		if skip != nil && skip(msg) {
			return
		}
		_, next := m.Update(msg)
		Follow(m, next, depth-1, skip)
	}
}

// IsTick reports whether msg is a timer's message (its type is named
// "…tick…" or is a cursor blink), which a synchronous test does not follow.
func IsTick(msg tea.Msg) bool {
	name := strings.ToLower(reflect.TypeOf(msg).String())
	return strings.Contains(name, "tick") || strings.Contains(name, "blink")
}

// Collect runs cmd and the commands of its batches and returns their
// messages, feeding nothing back.
func Collect(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if b, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range b {
			out = append(out, Collect(c)...)
		}
		return out
	}
	if msg == nil {
		return nil
	}
	return []tea.Msg{msg}
}

// Press sends each key (a name as KeyMsg reads it) to m and drives what
// follows; it returns the messages Drive returns.
func Press[S any](t testing.TB, m Model[S], keys ...string) []tea.Msg {
	t.Helper()
	var out []tea.Msg
	for _, k := range keys {
		_, cmd := m.Update(KeyMsg(k))
		out = append(out, Drive(t, m, cmd)...)
	}
	return out
}

// Type sends text one rune at a time, driving what follows each key.
func Type[S any](t testing.TB, m Model[S], text string) []tea.Msg {
	t.Helper()
	var out []tea.Msg
	for _, r := range text {
		_, cmd := m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		out = append(out, Drive(t, m, cmd)...)
	}
	return out
}

// Send delivers msgs to m in order without running the commands they
// return: what a screen does on the key itself, before anything it started.
func Send[S any, M tea.Msg](m Model[S], msgs ...M) {
	for _, msg := range msgs {
		m.Update(msg)
	}
}

// SendText delivers text one rune at a time without running commands.
func SendText[S any](m Model[S], text string) {
	for _, r := range text {
		m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// KeyMsg is the key press for a name (see base.KeyPress). It panics on a
// name it does not know, so a typo fails the test instead of pressing
// another key.
func KeyMsg(k string) tea.KeyPressMsg {
	msg, ok := base.KeyPress(k)
	if !ok {
		panic(fmt.Sprintf("tuitest: unknown key %q", k))
	}
	return msg
}

// CheckSize fails unless the view v (escape sequences are ignored) is
// exactly w×h cells.
func CheckSize(t testing.TB, v string, w, h int) {
	t.Helper()
	lines := strings.Split(ansi.Strip(v), "\n")
	if len(lines) != h {
		t.Fatalf("view has %d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if got := ansi.StringWidth(l); got != w {
			t.Fatalf("line %d is %d cells wide, want %d: %q", i, got, w, l)
		}
	}
}

func pkgOf(v any) string {
	t := reflect.TypeOf(v)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.PkgPath()
}
