package tui

import (
	"math/rand/v2"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"txct/store/demo"
	"txct/tui/base"
)

// TestMonkey presses thousands of random keys across every screen (with the
// demo loaded) and checks that nothing panics and every frame draws. Ticks
// are not followed, so repeat checks are not; commands are run once.
func TestMonkey(t *testing.T) {
	m, db := newRoot(t, base.VI, Options{})
	if _, err := demo.Load(db, time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 1))
	keys := []tea.KeyPressMsg{
		{Code: tea.KeyEnter}, {Code: tea.KeyEscape}, {Code: tea.KeyTab}, {Code: tea.KeyTab, Mod: tea.ModShift},
		{Code: tea.KeyUp}, {Code: tea.KeyDown}, {Code: tea.KeyLeft}, {Code: tea.KeyRight}, {Code: tea.KeyBackspace},
		{Code: tea.KeyPgDown}, {Code: tea.KeyUp, Mod: tea.ModAlt}, {Code: tea.KeyDown, Mod: tea.ModAlt},
		{Code: tea.KeyRight, Mod: tea.ModCtrl}, {Code: tea.KeyLeft, Mod: tea.ModCtrl},
		{Code: tea.KeyF2}, {Code: tea.KeyF3}, {Code: tea.KeyF4}, {Code: tea.KeyF5}, {Code: tea.KeyF6}, {Code: tea.KeyF7},
		{Code: tea.KeyF8}, {Code: tea.KeyF9}, {Code: tea.KeyF10}, {Code: tea.KeyF1},
		{Code: 'n', Mod: tea.ModCtrl}, {Code: 's', Mod: tea.ModCtrl}, {Code: 'd', Mod: tea.ModCtrl}, {Code: 'z', Mod: tea.ModCtrl},
		{Code: 'y', Mod: tea.ModCtrl}, {Code: 'x', Mod: tea.ModCtrl}, {Code: 'g', Mod: tea.ModCtrl}, {Code: 'e', Mod: tea.ModCtrl},
		{Code: 'u', Mod: tea.ModCtrl}, {Code: 'k', Mod: tea.ModCtrl},
	}
	letters := []rune("anđươếệ /?e3 ")
	sizes := [][2]int{{80, 24}, {120, 40}, {100, 30}, {20, 5}, {160, 50}}
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	for i := 0; i < 4000; i++ {
		var msg tea.Msg
		switch r := rng.IntN(100); {
		case r < 45:
			msg = keys[rng.IntN(len(keys))]
		case r < 93:
			c := letters[rng.IntN(len(letters))]
			msg = tea.KeyPressMsg{Code: c, Text: string(c)}
		case r < 97:
			msg = tea.PasteMsg{Content: "Đề nghị\nsửa \x1b[31mđường"}
		default:
			sz := sizes[rng.IntN(len(sizes))]
			msg = tea.WindowSizeMsg{Width: sz[0], Height: sz[1]}
		}
		_, cmd := m.Update(msg)
		if cmd != nil && rng.IntN(3) == 0 {
			runOnce(m, cmd)
		}
		if m.quitting {
			t.Fatalf("quit at step %d", i)
		}
		_ = m.View()
	}
}

// runOnce runs a command (and a batch's commands) once and feeds back what
// they return, skipping ticks and quits.
func runOnce(m *Model, cmd tea.Cmd) {
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(50 * time.Millisecond):
		return // a tick: not followed
	}
	switch msg := msg.(type) {
	case nil, tea.QuitMsg:
	case tea.BatchMsg:
		for _, c := range msg {
			if c != nil {
				runOnce(m, c)
			}
		}
	default:
		m.Update(msg)
	}
}
