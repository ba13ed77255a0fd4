package tui

import (
	"fmt"
	"sync"

	tea "charm.land/bubbletea/v2"

	"txct/store"
	"txct/tui/base"
)

// telexSaver writes the Telex choice to the store in a command, off the
// keystroke path. Choices are numbered: when F9 is pressed twice quickly and
// the writes run out of order, an older choice never overwrites a newer one.
type telexSaver struct {
	mu      *sync.Mutex
	asked   uint64 // choices made, counted in Update
	written *uint64
}

func (t *telexSaver) save(db *store.Store, text base.Text, on bool) tea.Cmd {
	if db == nil {
		return nil
	}
	if t.mu == nil {
		t.mu, t.written = new(sync.Mutex), new(uint64)
	}
	t.asked++
	n, mu, written := t.asked, t.mu, t.written
	return func() tea.Msg {
		mu.Lock()
		defer mu.Unlock()
		if n < *written {
			return nil
		}
		*written = n
		if err := db.SetTelex(on); err != nil {
			return base.StatusMsg{Err: fmt.Errorf("%s: %w", text.S("app.telexnotsaved"), err)}
		}
		return nil
	}
}
