package archive

import (
	"errors"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"golang.org/x/text/unicode/norm"

	"txct/store/model"
	"txct/tui/base"
)

// editor edits the answer of one petition: the answering body, the
// answer letter's number and date in text inputs, the response in a
// textarea. Tab moves through them in that order.
type editor struct {
	idx    int // entry being edited
	body   textinput.Model
	ref    textinput.Model
	date   textinput.Model
	resp   textarea.Model
	field  int // the field with focus: 0 body, 1 ref, 2 date, 3 response
	saving bool
}

// Fields of the editor, in Tab order.
const (
	edBody = iota
	edRef
	edDate
	edResp
	edFields
)

func newInput(placeholder, value string, limit int) textinput.Model {
	b := textinput.New()
	b.Prompt = ""
	b.Placeholder = placeholder
	b.CharLimit = limit
	b.SetVirtualCursor(false)
	// Stored text may come from an imported file; what goes back into the
	// field is the safe rendering, so no escape sequence reaches the screen.
	b.SetValue(model.Safe(value, false))
	return b
}

func newEditor(ctx *base.Context, idx int, p model.Petition, w int) *editor {
	t := ctx.Text
	r := textarea.New()
	r.Prompt = ""
	r.ShowLineNumbers = false
	r.Placeholder = t.S("arc.e.respph")
	r.CharLimit = 0
	r.MaxHeight = 0
	r.SetVirtualCursor(false)
	r.SetValue(model.Safe(p.Response, true))
	e := &editor{idx: idx, resp: r,
		body: newInput(t.S("arc.e.bodyph"), p.Body, 200),
		ref:  newInput(t.S("arc.e.refph"), p.Ref, 60),
		date: newInput(t.S("arc.e.dateph"), base.ShortDate(p.AnsweredAt), 10)}
	e.setWidth(w)
	e.focus(edResp)
	return e
}

func (e *editor) setWidth(w int) {
	for _, in := range []*textinput.Model{&e.body, &e.ref, &e.date} {
		in.SetWidth(max(10, w-2))
	}
	e.resp.SetWidth(max(10, w))
}

func (e *editor) setHeight(h int) { e.resp.SetHeight(max(2, h)) }

// input is the text input of field f, nil for the response.
func (e *editor) input(f int) *textinput.Model {
	switch f {
	case edBody:
		return &e.body
	case edRef:
		return &e.ref
	case edDate:
		return &e.date
	}
	return nil
}

// focus gives the keys to field f. The fields' Focus commands only blink
// a virtual cursor, and the real one is used.
func (e *editor) focus(f int) {
	e.field = f
	for i := range edFields {
		if in := e.input(i); in != nil {
			in.Blur()
		}
	}
	e.resp.Blur()
	if in := e.input(f); in != nil {
		_ = in.Focus()
		return
	}
	_ = e.resp.Focus()
}

func (e *editor) update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	if in := e.input(e.field); in != nil {
		*in, cmd = in.Update(msg)
	} else {
		e.resp, cmd = e.resp.Update(msg)
	}
	return cmd
}

func (m *Model) startEdit() {
	if m.cur < 0 {
		return
	}
	m.ed = newEditor(m.ctx, m.cur, m.entries[m.cur].p, m.detailWidth())
}

func (m *Model) editKey(msg tea.KeyPressMsg) tea.Cmd {
	g := m.ctx.Keys
	switch {
	case m.ed.saving:
		return nil
	case key.Matches(msg, g.Submit):
		return m.saveEdit()
	case key.Matches(msg, m.keys.cancel):
		m.ed = nil
		return nil
	case key.Matches(msg, g.NextField):
		m.ed.focus((m.ed.field + 1) % edFields)
		return nil
	case key.Matches(msg, g.PrevField):
		m.ed.focus((m.ed.field + edFields - 1) % edFields)
		return nil
	}
	return m.ed.update(msg)
}

// storedText is typed text as stored: NFC (input methods may send decomposed
// marks) and without trailing blanks.
func storedText(s string) string { return strings.TrimRight(norm.NFC.String(s), " \n\t") }

func (m *Model) saveEdit() tea.Cmd {
	old := m.entries[m.ed.idx].p
	p := old
	p.Raises = slices.Clone(old.Raises)
	p.Body = strings.TrimSpace(storedText(m.ed.body.Value()))
	p.Ref = strings.TrimSpace(storedText(m.ed.ref.Value()))
	p.Response = storedText(m.ed.resp.Value())
	date, ok := base.ParseTypedDate(m.ed.date.Value())
	if !ok && strings.TrimSpace(m.ed.date.Value()) != "" {
		m.ed.focus(edDate)
		return status("", errors.New(m.ctx.Text.F("arc.e.baddate", strings.TrimSpace(m.ed.date.Value()))))
	}
	p.AnsweredAt = date
	m.ed.saving = true
	return m.save(p, old, false)
}

// cycleStatus proposes the next status for the shown petition (F7 again
// proposes the one after); nothing is saved until the proposal is
// confirmed with Enter or y, and Esc or n drops it.
func (m *Model) cycleStatus() tea.Cmd {
	if m.cur < 0 {
		return nil
	}
	from := m.entries[m.cur].p.Status
	if m.pending != nil {
		from = *m.pending
	}
	i := slices.Index(model.AnswerStatuses, from)
	next := model.AnswerStatuses[(i+1)%len(model.AnswerStatuses)]
	if next == m.entries[m.cur].p.Status {
		next = model.AnswerStatuses[(i+2)%len(model.AnswerStatuses)]
	}
	m.pending = &next
	return nil
}

// confirmKey answers the status proposal.
func (m *Model) confirmKey(msg tea.KeyPressMsg) tea.Cmd {
	g := m.ctx.Keys
	switch {
	case key.Matches(msg, g.CycleStatus):
		return m.cycleStatus()
	case key.Matches(msg, g.Open, g.Yes):
		old := m.entries[m.cur].p
		p := old
		p.Status = *m.pending
		m.pending = nil
		return tea.Batch(m.apply(p), m.save(p, old, true))
	case key.Matches(msg, g.No):
		m.pending = nil
	}
	return nil
}

func (m *Model) save(p, old model.Petition, isStatus bool) tea.Cmd {
	db := m.db
	if db == nil {
		return nil
	}
	return func() tea.Msg { return savedMsg{p: p, old: old, status: isStatus, err: db.UpdatePetition(p)} }
}

func (m *Model) onSaved(msg savedMsg) tea.Cmd {
	t := m.ctx.Text
	id := model.Safe(msg.p.ID, false)
	if msg.err != nil {
		var cmd tea.Cmd
		if msg.status {
			cmd = m.apply(msg.old)
		}
		if m.ed != nil {
			m.ed.saving = false
		}
		return tea.Batch(cmd, status("", msg.err))
	}
	if msg.status {
		return status(t.F("arc.statusset", id, t.S("status."+string(msg.p.Status))), nil)
	}
	m.ed = nil
	return tea.Batch(m.apply(msg.p), status(t.F("arc.saved", id), nil))
}

// apply puts p in place of the loaded copy. The filter keys are copied, not
// written, because a filter run may be reading them; a status filter runs
// again so the list stays true.
func (m *Model) apply(p model.Petition) tea.Cmd {
	i, ok := m.byID[p.ID]
	if !ok {
		return nil
	}
	e, k := makeEntry(p)
	m.entries[i] = e
	ks := slices.Clone(m.fkeys)
	ks[i] = k
	m.fkeys = ks
	if m.q.status >= 0 {
		return m.refilter(true)
	}
	return nil
}

// deletedMsg and restoredMsg report a deletion and its undo.
type (
	deletedMsg struct {
		p   model.Petition
		err error
	}
	restoredMsg struct {
		p   model.Petition
		err error
	}
)

// remove deletes entry i from the archive; u brings it back (the last
// deletion, as long as the screen is open).
func (m *Model) remove(i int) tea.Cmd {
	db := m.db
	if db == nil || i < 0 || i >= len(m.entries) {
		return nil
	}
	id := m.entries[i].p.ID
	return func() tea.Msg {
		p, err := db.DeletePetition(id)
		return deletedMsg{p: p, err: err}
	}
}

func (m *Model) restore() tea.Cmd {
	db := m.db
	if db == nil || m.undo == nil {
		return status("", errors.New(m.ctx.Text.S("arc.noundo")))
	}
	p := *m.undo
	return func() tea.Msg {
		_, err := db.PutPetitions([]model.Petition{p})
		return restoredMsg{p: p, err: err}
	}
}

// setGone marks the entry of id deleted or back, and refilters.
func (m *Model) setGone(id string, gone bool) tea.Cmd {
	i, ok := m.byID[id]
	if !ok {
		return nil
	}
	ks := slices.Clone(m.fkeys)
	ks[i].gone = gone
	m.fkeys = ks
	return m.refilter(true)
}

func (m *Model) onDeleted(msg deletedMsg) tea.Cmd {
	t := m.ctx.Text
	if msg.err != nil {
		return status("", msg.err)
	}
	p := msg.p
	m.undo, m.sameUndo = &p, nil
	return tea.Batch(m.setGone(p.ID, true), status(t.F("arc.deleted", model.Safe(p.ID, false)), nil))
}

func (m *Model) onRestored(msg restoredMsg) tea.Cmd {
	t := m.ctx.Text
	if msg.err != nil {
		return status("", msg.err)
	}
	m.undo = nil
	return tea.Batch(m.setGone(msg.p.ID, false), status(t.F("arc.restored", model.Safe(msg.p.ID, false)), nil))
}
