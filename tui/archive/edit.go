package archive

import (
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

// editor edits the answer of one petition: the answering body in a text
// input, the response in a textarea.
type editor struct {
	idx    int // entry being edited
	body   textinput.Model
	resp   textarea.Model
	onResp bool // the response has focus
	saving bool
}

func newEditor(ctx *base.Context, idx int, p model.Petition, w int) *editor {
	t := ctx.Text
	b := textinput.New()
	b.Prompt = ""
	b.Placeholder = t.S("arc.e.bodyph")
	b.CharLimit = 200
	b.SetVirtualCursor(false)
	// Stored text may come from an imported file; what goes back into the
	// field is the safe rendering, so no escape sequence reaches the screen.
	b.SetValue(model.Safe(p.Body, false))
	r := textarea.New()
	r.Prompt = ""
	r.ShowLineNumbers = false
	r.Placeholder = t.S("arc.e.respph")
	r.CharLimit = 0
	r.MaxHeight = 0
	r.SetVirtualCursor(false)
	r.SetValue(model.Safe(p.Response, true))
	e := &editor{idx: idx, body: b, resp: r}
	e.setWidth(w)
	e.focus(true)
	return e
}

func (e *editor) setWidth(w int) {
	e.body.SetWidth(max(10, w-2))
	e.resp.SetWidth(max(10, w))
}

func (e *editor) setHeight(h int) { e.resp.SetHeight(max(2, h)) }

// focus gives the keys to the response (true) or the body. The fields'
// Focus commands only blink a virtual cursor, and the real one is used.
func (e *editor) focus(resp bool) {
	e.onResp = resp
	if resp {
		e.body.Blur()
		_ = e.resp.Focus()
		return
	}
	e.resp.Blur()
	_ = e.body.Focus()
}

func (e *editor) update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	if e.onResp {
		e.resp, cmd = e.resp.Update(msg)
	} else {
		e.body, cmd = e.body.Update(msg)
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
	case key.Matches(msg, g.NextField), key.Matches(msg, g.PrevField):
		m.ed.focus(!m.ed.onResp)
		return nil
	}
	return m.ed.update(msg)
}

// clean is typed text as stored: NFC (input methods may send decomposed
// marks) and without trailing blanks.
func clean(s string) string { return strings.TrimRight(norm.NFC.String(s), " \n\t") }

func (m *Model) saveEdit() tea.Cmd {
	old := m.entries[m.ed.idx].p
	p := old
	p.Raises = slices.Clone(old.Raises)
	p.Body = strings.TrimSpace(clean(m.ed.body.Value()))
	p.Response = clean(m.ed.resp.Value())
	m.ed.saving = true
	return m.save(p, old, false)
}

// cycleStatus moves the shown petition to the next status and saves it at
// once; the change shows before the write ends and is undone if it fails.
func (m *Model) cycleStatus() tea.Cmd {
	if m.cur < 0 {
		return nil
	}
	old := m.entries[m.cur].p
	p := old
	i := slices.Index(model.AnswerStatuses, p.Status)
	p.Status = model.AnswerStatuses[(i+1)%len(model.AnswerStatuses)]
	cmd := m.apply(p)
	return tea.Batch(cmd, m.save(p, old, true))
}

func (m *Model) save(p, old model.Petition, isStatus bool) tea.Cmd {
	db := m.ctx.DB
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
	e, k := makeEntry(p, folder{})
	m.entries[i] = e
	ks := slices.Clone(m.fkeys)
	ks[i] = k
	m.fkeys = ks
	if m.q.status >= 0 {
		return m.refilter(true)
	}
	return nil
}
