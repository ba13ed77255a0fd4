package archive

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"txct/store/model"
)

// Marking the open record as the same demand as another: "=" asks for the
// other record's id (empty takes the record out of its cluster), Enter
// applies, Esc drops, Ctrl+Z undoes the last mark or unmark.

type (
	// clusterMsg is the cluster of record id, read for the detail view.
	clusterMsg struct {
		id  string
		ids []string
		err error
	}
	sameMsg struct {
		id   string
		undo *sameUndo
		text string
		err  error
	}
	// sameUndo puts clusters back as they were: free leaves every id
	// alone, then each of restore becomes a cluster again.
	sameUndo struct {
		free    []string
		restore [][]string
	}
)

// sameStore is what marking needs from the store.
type sameStore interface {
	Cluster(id string) ([]string, error)
	MarkSameDemand(a, b string) error
	UnmarkSameDemand(id string) ([]string, error)
	SetSameDemand(ids []string) error
}

func (m *Model) startSame() {
	ti := textinput.New()
	ti.Prompt = ""
	ti.Placeholder = m.ctx.Text.S("arc.same.ph")
	ti.CharLimit = 60
	_ = ti.Focus() // its own (virtual) cursor: the detail view places no other
	m.same = &ti
}

func (m *Model) sameKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.ctx.Keys
	switch {
	case key.Matches(msg, k.Back):
		m.same = nil
		return nil
	case key.Matches(msg, k.Open):
		other := strings.TrimSpace(m.same.Value())
		m.same = nil
		return m.markSame(other)
	}
	var cmd tea.Cmd
	*m.same, cmd = m.same.Update(msg)
	return cmd
}

// markSame marks the open record as the same demand as other, or takes it
// out of its cluster when other is empty.
func (m *Model) markSame(other string) tea.Cmd {
	db := m.db
	if db == nil || m.cur < 0 || m.cur >= len(m.entries) {
		return nil
	}
	t := m.ctx.Text
	id := m.entries[m.cur].p.ID
	return func() tea.Msg {
		before, err := db.Cluster(id)
		if err != nil {
			return sameMsg{id: id, err: err}
		}
		if other == "" {
			if before == nil {
				return sameMsg{id: id, err: errors.New(t.F("arc.same.alone", model.Safe(id, false)))}
			}
			was, err := db.UnmarkSameDemand(id)
			return sameMsg{id: id, err: err, undo: &sameUndo{restore: [][]string{was}},
				text: t.F("arc.same.unmarked", model.Safe(id, false))}
		}
		otherBefore, err := db.Cluster(other)
		if err != nil {
			return sameMsg{id: id, err: err}
		}
		if err := db.MarkSameDemand(id, other); err != nil {
			return sameMsg{id: id, err: err}
		}
		after, err := db.Cluster(id)
		return sameMsg{id: id, err: err, undo: &sameUndo{free: after, restore: [][]string{before, otherBefore}},
			text: t.F("arc.same.marked", model.Safe(id, false), model.Safe(other, false))}
	}
}

func (m *Model) undoSame() tea.Cmd {
	db := m.db
	u := m.sameUndo
	if db == nil || u == nil {
		return nil
	}
	m.sameUndo = nil
	id := ""
	if m.cur >= 0 && m.cur < len(m.entries) {
		id = m.entries[m.cur].p.ID
	}
	return func() tea.Msg {
		for _, x := range u.free {
			if _, err := db.UnmarkSameDemand(x); err != nil {
				return sameMsg{id: id, err: err}
			}
		}
		for _, c := range u.restore {
			if len(c) >= 2 {
				if err := db.SetSameDemand(c); err != nil {
					return sameMsg{id: id, err: err}
				}
			}
		}
		return sameMsg{id: id, text: m.ctx.Text.S("arc.same.undone")}
	}
}

func (m *Model) onSame(msg sameMsg) tea.Cmd {
	if msg.err != nil {
		return status("", msg.err)
	}
	if msg.undo != nil {
		m.sameUndo, m.undo = msg.undo, nil
	}
	return tea.Batch(m.loadCluster(), status(msg.text, nil))
}

// loadCluster reads the open record's cluster for the detail view, on
// opening a record or after a mark, off the UI goroutine.
func (m *Model) loadCluster() tea.Cmd {
	m.cluster = nil
	db := m.db
	if db == nil || m.cur < 0 || m.cur >= len(m.entries) {
		return nil
	}
	id := m.entries[m.cur].p.ID
	return func() tea.Msg {
		c, err := db.Cluster(id)
		return clusterMsg{id: id, ids: c, err: err}
	}
}

// onCluster shows the cluster read for record id, if it is still the one
// open; a failed read says so on the status line.
func (m *Model) onCluster(msg clusterMsg) tea.Cmd {
	if !m.detail || m.cur < 0 || m.cur >= len(m.entries) || m.entries[m.cur].p.ID != msg.id {
		return nil
	}
	if msg.err != nil {
		return status("", msg.err)
	}
	m.cluster = nil
	for _, x := range msg.ids {
		if x != msg.id {
			m.cluster = append(m.cluster, x)
		}
	}
	return nil
}
