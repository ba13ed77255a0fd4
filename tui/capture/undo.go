package capture

import (
	"slices"

	"txct/store/model"
)

// maxUndo is how many steps the session screen can take back.
const maxUndo = 200

// step is the state of the session before (on the undo stack) or after (on
// the redo stack) one change, with what the change was: the remarks, or one
// section of the minutes notes.
type step struct {
	label   string // what was done, in the UI language: "xóa ý kiến số 12"
	remarks []model.Remark
	sel     int
	notes   *noteStep // set for a change to a notes section
}

// noteStep is a notes section as it was: its paragraphs (the strings are
// shared, never copied) and where the cursor stood.
type noteStep struct {
	section  model.Section
	paras    []string
	cur, col int
}

// history is one undo/redo stack over every change to the session: the
// remarks' text, voter, answer, type, field, level, repeat links, merge, move
// and delete, and typing in the notes sections. A run of typing into one
// field of one remark, or into one paragraph of the notes, is one step.
type history struct {
	undo, redo []step
	run        runKey // the typing run the top undo step belongs to
	// left is the session as the screen left it; a history is taken up
	// again only over the same remarks and notes (see Histories).
	left *leftState
}

type leftState struct {
	remarks []model.Remark
	notes   []string
}

// runKey names a typing run: which remark and which field, or which notes
// section and paragraph.
type runKey struct {
	id    uint64
	field int
	note  model.Section
	para  int
}

// maxHistories is how many sessions keep their undo history for the run of
// the app; the session opened least recently loses its history first.
const maxHistories = 8

// Histories keeps each session's undo history for the run of the app, so
// leaving a session and opening it again keeps Ctrl+Z and Ctrl+R. Memory is
// bounded: maxUndo steps for each of the maxHistories sessions opened last;
// a step shares the remarks' and paragraphs' strings instead of copying them.
type Histories struct {
	by    map[string]*history // by session uid: a number may be reused
	order []string            // uids, least recently opened first
}

// NewHistories makes an empty set of histories.
func NewHistories() *Histories { return &Histories{by: map[string]*history{}} }

// take returns the history of the session with uid, now showing remarks and
// notes; a history left over a different state (changed by another screen)
// is dropped, since undoing it would revert those changes.
func (hs *Histories) take(uid string, remarks []model.Remark, notes []string) *history {
	h := hs.by[uid]
	if h == nil || h.left == nil || !sameState(*h.left, remarks, notes) {
		h = &history{}
		hs.by[uid] = h
	}
	h.left = nil
	hs.order = append(slices.DeleteFunc(hs.order, func(u string) bool { return u == uid }), uid)
	if len(hs.order) > maxHistories {
		delete(hs.by, hs.order[0])
		hs.order = hs.order[1:]
	}
	return h
}

func sameState(l leftState, remarks []model.Remark, notes []string) bool {
	return slices.EqualFunc(l.remarks, remarks, func(a, b model.Remark) bool { return a.ID == b.ID && sameRemark(a, b) }) &&
		slices.Equal(l.notes, notes)
}

// sessionNotes is every notes section's text, in order.
func sessionNotes(s *model.Session) []string {
	out := make([]string, len(model.Sections))
	for i, sec := range model.Sections {
		out[i] = s.Note(sec)
	}
	return out
}

// keepHistory marks the history with the session as the screen leaves it.
func (m *Model) keepHistory() {
	if m.hist != nil && m.loaded {
		m.hist.left = &leftState{remarks: cloneRemarks(m.remarks), notes: sessionNotes(&m.sess)}
	}
}

// cloneRemarks copies remarks deeply enough that later edits of the copy
// (appends to RepeatOf, a new Answer) never reach the original.
func cloneRemarks(rs []model.Remark) []model.Remark {
	out := make([]model.Remark, len(rs))
	for i, r := range rs {
		r.RepeatOf = slices.Clone(r.RepeatOf)
		r.Dismissed = slices.Clone(r.Dismissed)
		if r.Answer != nil {
			a := *r.Answer
			r.Answer = &a
		}
		out[i] = r
	}
	return out
}

// record remembers the remarks as they are before a change labelled label.
// A typing run (run.id != 0) already recorded is not recorded again.
func (m *Model) record(label string, run runKey) {
	if run != (runKey{}) && run == m.hist.run && len(m.hist.undo) > 0 {
		return
	}
	m.push(step{label: label, remarks: cloneRemarks(m.remarks), sel: m.sel}, run)
}

// push puts s on the undo stack as the start of run, and clears redo.
func (m *Model) push(s step, run runKey) {
	h := m.hist
	h.run = run
	h.undo = append(h.undo, s)
	if len(h.undo) > maxUndo {
		h.undo = slices.Delete(h.undo, 0, len(h.undo)-maxUndo)
	}
	h.redo = h.redo[:0]
}

// endRun makes the next keystroke start a new undo step.
func (m *Model) endRun() { m.hist.run = runKey{} }

// undoStep takes the last change back and says which it was.
func (m *Model) undoStep() {
	m.travel(&m.hist.undo, &m.hist.redo, "cap.undone", "cap.nothingundo")
}

// redoStep makes the last undone change again.
func (m *Model) redoStep() {
	m.travel(&m.hist.redo, &m.hist.undo, "cap.redone", "cap.nothingredo")
}

func (m *Model) travel(from, to *[]step, done, none string) {
	if len(*from) == 0 {
		m.status(m.ctx.Text.S(none))
		return
	}
	if s := (*from)[len(*from)-1]; s.notes != nil {
		*from = (*from)[:len(*from)-1]
		*to = append(*to, step{label: s.label, notes: m.noteState(s.notes.section)})
		m.restoreNotes(*s.notes)
		m.endRun()
		m.status(m.ctx.Text.F(done, s.label))
		return
	}
	if model.Sections[m.section] != model.SecRemarks {
		m.switchSection(sectionIndex(model.SecRemarks)) // show the remarks the step changes
	}
	editing := m.editingID()
	focus := m.ed.focus
	m.commitEdit()
	s := (*from)[len(*from)-1]
	*from = (*from)[:len(*from)-1]
	*to = append(*to, step{label: s.label, remarks: cloneRemarks(m.remarks), sel: m.sel})
	m.restore(s.remarks)
	m.sel = min(max(0, s.sel), max(0, len(m.remarks)-1))
	m.endRun()
	m.status(m.ctx.Text.F(done, s.label))
	if editing != 0 {
		if i := m.indexOf(editing); i >= 0 {
			m.edit(i)
			m.ed.focusOn(focus)
		}
	}
	if m.mode != modeEdit {
		m.dropBlank()
	}
}

// dropBlank removes remarks left with nothing typed (undoing the typing of
// a new remark): a blank remark is never kept.
func (m *Model) dropBlank() {
	n := len(m.remarks)
	m.remarks = slices.DeleteFunc(m.remarks, isBlank)
	if len(m.remarks) != n {
		m.saveOrder()
		m.sel = min(m.sel, max(0, len(m.remarks)-1))
	}
}

// restore replaces the remarks with rs and hands every difference to the
// saver: changed and brought-back remarks, then the order (which deletes the
// remarks it no longer names).
func (m *Model) restore(rs []model.Remark) {
	old := make(map[uint64]model.Remark, len(m.remarks))
	for _, r := range m.remarks {
		old[r.ID] = r
	}
	m.remarks = cloneRemarks(rs)
	for i, r := range m.remarks {
		if o, ok := old[r.ID]; !ok || !sameRemark(o, r) {
			m.saveRemark(i)
		}
		delete(m.cache, r.ID)
	}
	m.saveOrder()
}

func sameRemark(a, b model.Remark) bool {
	return a.Voter == b.Voter && a.Address == b.Address && a.Text == b.Text && a.Type == b.Type &&
		a.Field == b.Field && a.Authority == b.Authority && sameAnswer(a.Answer, b.Answer) &&
		slices.Equal(a.RepeatOf, b.RepeatOf) && slices.Equal(a.Dismissed, b.Dismissed) &&
		a.MergedInto == b.MergedInto && a.Pressing == b.Pressing && a.Guessed == b.Guessed
}

func (m *Model) indexOf(id uint64) int {
	return slices.IndexFunc(m.remarks, func(r model.Remark) bool { return r.ID == id })
}
