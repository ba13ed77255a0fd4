package tui

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"txct/store/demo"
	"txct/store/model"
	"txct/tui/base"
	"txct/tui/tuitest"
)

// TestMonkey presses thousands of random keys across every screen (with the
// demo loaded) and checks that nothing panics, every frame draws and every
// command but a timer answers (within blockLimit). Ticks are not followed, so
// repeat checks are not; commands are run once.
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
		{Code: 'u', Mod: tea.ModCtrl}, {Code: 'k', Mod: tea.ModCtrl}, {Code: 'w', Mod: tea.ModCtrl},
		{Code: 'a', Mod: tea.ModCtrl}, {Code: 'j', Mod: tea.ModCtrl}, {Code: 'f', Mod: tea.ModCtrl},
		{Code: tea.KeyPgUp, Mod: tea.ModCtrl}, {Code: tea.KeyPgDown, Mod: tea.ModCtrl},
	}
	letters := []rune("anđươếệ /?e3 ")
	sizes := [][2]int{{80, 24}, {120, 40}, {100, 30}, {20, 5}, {160, 50}}
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	mix := monkeyMix{keys: keys, letters: letters, sizes: sizes, paste: "Đề nghị\nsửa \x1b[31mđường", pKey: 45, pLetter: 93, pPaste: 97}
	runner := &monkeyRunner{m: m}
	for i := 0; i < 4000; i++ {
		mix.step(runner, rng)
		if m.quitting {
			t.Fatalf("quit at step %d", i)
		}
		_ = m.View()
	}
	runner.check(t)
}

// waitLimit is how long the monkey waits for a command before it leaves it
// running and presses on: timers answer only after their period, so they
// are not waited for. It decides nothing about passing.
const waitLimit = 50 * time.Millisecond

// blockLimit is the safety net for a command that is not a timer: one that
// runs longer than this blocks on something (a lock, the network, a scan of
// the whole archive) rather than being slow on a loaded machine. How fast
// commands are is for the benchmarks, not for this test.
const blockLimit = 5 * time.Second

// ran is what a command returned and how long it ran (on its goroutine,
// not counting the wait for the monkey to look).
type ran struct {
	msg  tea.Msg
	took time.Duration
}

// monkeyRunner runs commands once and feeds back what they return, skipping
// quits. A command that does not answer within waitLimit is left running;
// at the end, every such command whose message is not a timer's tick and
// that ran longer than blockLimit (or never answered) is a failure.
type monkeyRunner struct {
	m       *Model
	pending []chan ran
}

func (r *monkeyRunner) run(cmd tea.Cmd) {
	done := make(chan ran, 1)
	go func() {
		start := time.Now()
		msg := cmd()
		done <- ran{msg, time.Since(start)}
	}()
	var msg tea.Msg
	select {
	case res := <-done:
		msg = res.msg
	case <-time.After(waitLimit):
		r.pending = append(r.pending, done)
		return
	}
	switch msg := msg.(type) {
	case nil, tea.QuitMsg:
	case tea.BatchMsg:
		for _, c := range msg {
			if c != nil {
				r.run(c)
			}
		}
	default:
		r.m.Update(msg)
	}
}

// check waits for the commands left running and fails the test for each
// that was not a timer; one still running after the wait counts as slow too.
func (r *monkeyRunner) check(t *testing.T) {
	t.Helper()
	deadline := time.After(2 * blockLimit)
	ticks, late := 0, 0
	var slowest time.Duration
	var slow []string
	for _, ch := range r.pending {
		select {
		case res := <-ch:
			if res.msg != nil && tuitest.IsTick(res.msg) {
				ticks++
				continue
			}
			late++
			slowest = max(slowest, res.took)
			if res.took > blockLimit {
				slow = append(slow, fmt.Sprintf("%T (%v)", res.msg, res.took.Round(time.Millisecond)))
			}
		case <-deadline:
			slow = append(slow, "(still running)")
		}
	}
	t.Logf("%d timer commands not followed; %d other commands answered after %v (slowest ran %v)", ticks, late, waitLimit, slowest.Round(time.Millisecond))
	if len(slow) > 0 {
		t.Errorf("%d commands that are not timers ran longer than %v: %v", len(slow), blockLimit, slow)
	}
}

// TestMonkeyBareKeysKeepRemarks types random keys without ctrl, alt or an
// action key (Enter opens a remark for editing, F-keys reclassify) on the
// session screen of the demo, with resizes and pastes, and checks that every
// remark saved before is still there, unchanged, in the database.
func TestMonkeyBareKeysKeepRemarks(t *testing.T) {
	m, db := newRoot(t, base.VI, Options{})
	sid, err := demo.Load(db, time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	before, err := db.Remarks(sid)
	if err != nil || len(before) == 0 {
		t.Fatalf("demo remarks: %d, %v", len(before), err)
	}
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 2))
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 36})
	run(m, func() tea.Msg { return base.OpenSessionMsg{ID: sid} })
	keys := []tea.KeyPressMsg{
		{Code: tea.KeyEscape}, {Code: tea.KeyTab}, {Code: tea.KeyTab, Mod: tea.ModShift},
		{Code: tea.KeyUp}, {Code: tea.KeyDown}, {Code: tea.KeyLeft}, {Code: tea.KeyRight}, {Code: tea.KeyBackspace},
		{Code: tea.KeyDelete}, {Code: tea.KeyPgDown}, {Code: tea.KeyPgUp}, {Code: tea.KeyHome}, {Code: tea.KeyEnd},
	}
	letters := []rune("deunarjkxyzDEU?/ 1-.,đươếệ")
	sizes := [][2]int{{80, 24}, {120, 36}, {30, 10}, {20, 5}}
	mix := monkeyMix{keys: keys, letters: letters, sizes: sizes, paste: "Đề nghị sửa đường", pKey: 30, pLetter: 95, pPaste: 98}
	runner := &monkeyRunner{m: m}
	for i := 0; i < 2000; i++ {
		mix.step(runner, rng)
		_ = m.View()
	}
	runner.check(t)
	m.leave()
	if err := db.Autosaver(0, nil).Flush(); err != nil {
		t.Fatal(err)
	}
	after, err := db.Remarks(sid)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[uint64]model.Remark{}
	for _, r := range after {
		byID[r.ID] = r
	}
	for i, b := range before {
		a, ok := byID[b.ID]
		switch {
		case !ok:
			t.Errorf("remark %d (%q) was deleted", i+1, b.Text)
		case a.Text != b.Text || a.Voter != b.Voter || a.Address != b.Address || a.Field != b.Field ||
			a.Authority != b.Authority || a.Type != b.Type || a.MergedInto != b.MergedInto || !sameAnswer(a.Answer, b.Answer):
			t.Errorf("remark %d changed:\n was %+v\n now %+v", i+1, b, a)
		}
	}
	for i, r := range after[:len(before)] {
		if r.ID != before[i].ID {
			t.Errorf("order changed at %d", i+1)
			break
		}
	}
}

func sameAnswer(a, b *model.Answer) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

// monkeyMix is a distribution of random input: keys below pKey percent,
// letters below pLetter, the paste below pPaste, a resize above.
type monkeyMix struct {
	keys                  []tea.KeyPressMsg
	letters               []rune
	sizes                 [][2]int
	paste                 string
	pKey, pLetter, pPaste int
}

// step sends one random message and, one time in three, runs its command.
func (x monkeyMix) step(r *monkeyRunner, rng *rand.Rand) {
	var msg tea.Msg
	switch r := rng.IntN(100); {
	case r < x.pKey:
		msg = x.keys[rng.IntN(len(x.keys))]
	case r < x.pLetter:
		c := x.letters[rng.IntN(len(x.letters))]
		msg = tea.KeyPressMsg{Code: c, Text: string(c)}
	case r < x.pPaste:
		msg = tea.PasteMsg{Content: x.paste}
	default:
		sz := x.sizes[rng.IntN(len(x.sizes))]
		msg = tea.WindowSizeMsg{Width: sz[0], Height: sz[1]}
	}
	_, cmd := r.m.Update(msg)
	if cmd != nil && rng.IntN(3) == 0 {
		r.run(cmd)
	}
}
