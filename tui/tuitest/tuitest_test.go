package tuitest

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

func TestKeyMsg(t *testing.T) {
	cases := map[string]tea.KeyPressMsg{
		"enter":     {Code: tea.KeyEnter},
		"shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift},
		"ctrl+s":    {Code: 's', Mod: tea.ModCtrl},
		"alt+down":  {Code: tea.KeyDown, Mod: tea.ModAlt},
		"f12":       {Code: tea.KeyF12},
		"space":     {Code: tea.KeySpace, Text: " "},
		"ư":         {Code: 'ư', Text: "ư"},
		"+":         {Code: '+', Text: "+"},
	}
	for name, want := range cases {
		if got := KeyMsg(name); got != want {
			t.Errorf("KeyMsg(%q) = %+v, want %+v", name, got, want)
		}
	}
	for _, bad := range []string{"f13", "ctrl+", "entr", "hyper+a"} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("KeyMsg(%q) did not panic", bad)
				}
			}()
			KeyMsg(bad)
		}()
	}
}

// counter is a model whose own step messages count up and ask for one more
// until three; another package's message (a focus report) is returned by
// Drive, not fed back.
type counter struct{ n int }

type step struct{}

func (c *counter) Update(msg tea.Msg) (*counter, tea.Cmd) {
	if _, ok := msg.(step); ok {
		c.n++
		if c.n < 3 {
			return c, tea.Batch(func() tea.Msg { return step{} }, func() tea.Msg { return tea.FocusMsg{} })
		}
	}
	return c, nil
}

func TestDriveFeedsOwnMessagesBack(t *testing.T) {
	c := &counter{}
	out := Drive(t, c, func() tea.Msg { return step{} })
	if c.n != 3 {
		t.Errorf("fed back %d steps, want 3", c.n)
	}
	if len(out) != 2 {
		t.Errorf("returned %d messages, want the 2 focus reports: %v", len(out), out)
	}
}
