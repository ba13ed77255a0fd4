package capture

import (
	"slices"

	"txct/store/model"
)

// maxUndo is how many steps the session screen can take back.
const maxUndo = 200

// step is the state of the session's remarks before (on the undo stack) or
// after (on the redo stack) one change, with what the change was.
type step struct {
	label   string // what was done, in the UI language: "xóa ý kiến số 12"
	remarks []model.Remark
	sel     int
}

// history is one undo/redo stack over every change to the session's remarks:
// text, voter, answer, type, field, level, repeat links, merge, move and
// delete. A run of typing into one field of one remark is one step.
type history struct {
	undo, redo []step
	run        runKey // the typing run the top undo step belongs to
}

// runKey names a typing run: which remark and which field.
type runKey struct {
	id    uint64
	field int
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
	h := &m.hist
	if run.id != 0 && run == h.run && len(h.undo) > 0 {
		return
	}
	h.run = run
	h.undo = append(h.undo, step{label: label, remarks: cloneRemarks(m.remarks), sel: m.sel})
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
