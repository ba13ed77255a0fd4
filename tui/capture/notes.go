package capture

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"golang.org/x/text/unicode/norm"

	"txct/store/model"
	"txct/tui/base"
)

// maxPaste is the largest paste taken into the notes at once.
const maxPaste = 64 << 10

// notes edits one minutes section as a list of paragraphs. Only the paragraph
// under the cursor lives in a textarea (whose cost grows with its content);
// the others are rendered once per width and cached, so 20,000 words of
// notes cost no more per keystroke than one paragraph.
type notes struct {
	ctx     *base.Context
	section model.Section
	paras   []string
	cur     int
	ta      textarea.Model
	cache   []string // rendered paragraphs, "" = not rendered
	cacheW  int
	off     int // scroll offset in lines when the wheel moved the view
	dirty   bool
}

func newNotes(ctx *base.Context) notes {
	ta := textarea.New()
	ta.ShowLineNumbers = false
	ta.Prompt = ""
	// The paragraph's box grows with its wrapped lines up to half the
	// section (set in view); growing, the textarea clamps its scroll so the
	// first wrapped line is never left above the box.
	ta.DynamicHeight = true
	ta.MinHeight = 1
	ta.MaxHeight = 3
	ta.CharLimit = 0
	ta.SetVirtualCursor(false)
	ta.KeyMap.InsertNewline.SetEnabled(false) // enter starts a new paragraph
	return notes{ctx: ctx, ta: ta}
}

// load shows section sec of s, cursor on its last paragraph.
func (n *notes) load(s *model.Session, sec model.Section) {
	n.section = sec
	n.paras = strings.Split(s.Note(sec), "\n")
	n.cache = make([]string, len(n.paras))
	n.cur = len(n.paras) - 1
	n.ta.Placeholder = n.ctx.Text.S("cap.ph.note." + string(sec))
	n.ta.SetValue(n.paras[n.cur])
	n.ta.MoveToEnd()
	n.off = 0
	if sec != model.SecRemarks {
		n.ta.Focus()
	} else {
		n.ta.Blur()
	}
}

func (n *notes) setWidth(w int) {
	n.ta.SetWidth(max(10, w)) // also sizes the box to the wrapped text
	if w != n.cacheW {
		n.cacheW = w
		clear(n.cache)
	}
}

// store puts the textarea's text back into the current paragraph.
func (n *notes) store() {
	v := norm.NFC.String(n.ta.Value())
	if v != n.paras[n.cur] {
		n.paras[n.cur] = v
		n.cache[n.cur] = ""
		n.dirty = true
	}
}

// flush writes the section into the session and hands it to the saver.
func (n *notes) flush(s *model.Session, saver Saver) {
	if n.section == model.SecRemarks || n.paras == nil {
		return
	}
	n.store()
	if !n.dirty {
		return
	}
	n.dirty = false
	s.SetNote(n.section, strings.Join(n.paras, "\n"))
	if saver != nil {
		saver.PutSession(*s)
	}
}

func (n *notes) goTo(i int, atEnd bool) {
	n.store()
	n.cur = i
	n.ta.SetValue(n.paras[i])
	if atEnd {
		n.ta.MoveToEnd()
	} else {
		n.ta.MoveToBegin()
	}
	n.off = 0
}

func (n *notes) update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	n.ta, cmd = n.ta.Update(msg)
	return cmd
}

func (n *notes) scroll(d int) { n.off = max(0, n.off+d) }

// onNotesKey edits the notes: enter splits the paragraph, backspace at its
// start joins it to the one before, up and down at the edges move between
// paragraphs.
func (m *Model) onNotesKey(msg tea.KeyPressMsg) tea.Cmd {
	n := &m.notes
	ta := &n.ta
	k := m.ctx.Keys
	switch {
	case key.Matches(msg, k.Undo):
		m.tx.reset()
		m.undoStep()
		return nil
	case key.Matches(msg, k.Redo):
		m.tx.reset()
		m.redoStep()
		return nil
	}
	if base.Typed(msg) {
		return m.queueTyped(msg)
	}
	defer m.notesRun()()
	switch {
	case key.Matches(msg, k.Back):
		m.switchSection(2)
		return nil
	case key.Matches(msg, k.Open):
		m.tx.reset()
		v := []rune(ta.Value())
		pos := min(ta.Column(), len(v))
		n.paras[n.cur] = norm.NFC.String(string(v[:pos]))
		n.cache[n.cur] = ""
		n.paras = append(n.paras[:n.cur+1], append([]string{string(v[pos:])}, n.paras[n.cur+1:]...)...)
		n.cache = append(n.cache[:n.cur+1], append([]string{""}, n.cache[n.cur+1:]...)...)
		n.cur++
		ta.SetValue(n.paras[n.cur])
		ta.MoveToBegin()
		n.dirty = true
		m.flushNotes()
		return nil
	case key.Matches(msg, k.Erase):
		if ta.Column() == 0 && ta.Line() == 0 && n.cur > 0 && !(m.telex && m.tx.active()) {
			prev := n.paras[n.cur-1]
			cur := ta.Value()
			n.paras = append(n.paras[:n.cur], n.paras[n.cur+1:]...)
			n.cache = append(n.cache[:n.cur], n.cache[n.cur+1:]...)
			n.cur--
			ta.SetValue(prev + cur)
			ta.MoveToBegin()
			ta.SetCursorColumn(len([]rune(prev)))
			n.paras[n.cur] = prev + cur
			n.cache[n.cur] = ""
			n.dirty = true
			m.flushNotes()
			return nil
		}
	case key.Matches(msg, k.ArrowUp):
		if ta.Line() == 0 && ta.LineInfo().RowOffset == 0 && n.cur > 0 {
			n.goTo(n.cur-1, true)
			return nil
		}
	case key.Matches(msg, k.ArrowDown):
		li := ta.LineInfo()
		if ta.Line() == ta.LineCount()-1 && li.RowOffset >= li.Height-1 && n.cur < len(n.paras)-1 {
			n.goTo(n.cur+1, false)
			return nil
		}
	}
	if key.Matches(msg, k.Commit, k.Delete, k.CycleType, k.CycleField, k.CycleLevel, k.FieldBack,
		k.LevelBack, k.PickClass, k.NextMatch, k.Confirm, k.Dismiss, k.Merge) {
		// A remark's action does nothing in the notes. Passed on, the text
		// box would take Ctrl+U, Ctrl+D… as its own editing keys and cut
		// text the secretary meant to keep.
		return nil
	}
	was := ta.Value()
	var cmd tea.Cmd
	if !(m.telex && m.tx.keyNotes(n, msg, key.Matches(msg, k.Erase))) {
		cmd = n.update(msg)
	}
	if ta.Value() != was {
		if !norm.NFC.IsNormalString(ta.Value()) {
			ta.SetValue(norm.NFC.String(ta.Value()))
		}
		n.store()
		m.flushNotes()
	}
	return cmd
}

// notesRun starts watching a change to the notes for undo and returns the
// function that ends it. A typing run is one paragraph: the section as it
// was before the run's first change is one undo step.
func (m *Model) notesRun() func() {
	n := &m.notes
	run := runKey{note: n.section, para: n.cur}
	if run == m.hist.run && len(m.hist.undo) > 0 {
		return func() {}
	}
	before := m.noteState(n.section)
	return func() {
		if !slices.Equal(before.paras, n.paras) {
			m.push(step{label: m.noteLabel(), notes: before}, run)
		}
	}
}

// notesInsert puts typed characters (queued by queueTyped) at the cursor,
// through Telex when it is on.
func (m *Model) notesInsert(text string) {
	n := &m.notes
	defer m.notesRun()()
	was := n.ta.Value()
	del, ins := 0, text
	if m.telex {
		del, ins = m.tx.compose(text)
	}
	n.replaceBack(del, ins)
	if n.ta.Value() != was {
		if !norm.NFC.IsNormalString(n.ta.Value()) {
			n.ta.SetValue(norm.NFC.String(n.ta.Value()))
		}
		n.store()
		m.flushNotes()
	}
}

// flushNotes queues the section for saving (a map write; the autosaver
// writes within its delay).
func (m *Model) flushNotes() { m.notes.flush(&m.sess, m.saver) }

// paste adds pasted text at the cursor; lines become paragraphs. A paste is
// an undo step of its own.
func (n *notes) paste(m *Model, msg tea.PasteMsg) tea.Cmd {
	if len(msg.Content) > maxPaste {
		m.status(m.ctx.Text.F("cap.pastetoolong", len([]rune(msg.Content)), maxPaste))
		return nil
	}
	m.tx.reset()
	m.push(step{label: m.noteLabel(), notes: m.noteState(n.section)}, runKey{})
	text := strings.ReplaceAll(msg.Content, "\r\n", "\n")
	lines := strings.Split(norm.NFC.String(text), "\n")
	n.ta.InsertString(lines[0])
	n.store()
	if len(lines) > 1 {
		rest := lines[1:]
		n.paras = append(n.paras[:n.cur+1], append(rest, n.paras[n.cur+1:]...)...)
		n.cache = append(n.cache[:n.cur+1], append(make([]string, len(rest)), n.cache[n.cur+1:]...)...)
		n.cur += len(rest)
		n.ta.SetValue(n.paras[n.cur])
		n.ta.MoveToEnd()
	}
	n.dirty = true
	m.flushNotes()
	return nil
}

// view draws the section: paragraphs before and after the one being edited,
// from the cache, around the textarea; the textarea stays in view.
func (n *notes) view(st base.Styles, w, h int) (string, int) {
	n.ta.MaxHeight = max(1, h/2)
	n.setWidth(w)
	render := func(i int) []string {
		if n.cache[i] == "" {
			txt := model.Safe(n.paras[i], false)
			if txt == "" {
				txt = " "
			}
			n.cache[i] = lipgloss.NewStyle().Width(w).Render(txt)
		}
		return strings.Split(n.cache[i], "\n")
	}
	edit := strings.Split(n.ta.View(), "\n")
	// Paragraphs above, nearest first, as many as fit above the editor.
	var above []string
	room := h - len(edit)
	for i := n.cur - 1; i >= 0 && len(above) < room; i-- {
		ls := render(i)
		above = append(append([]string(nil), ls...), above...)
	}
	if len(above) > room/2 && n.cur < len(n.paras)-1 {
		above = above[len(above)-room/2:]
	} else if len(above) > room {
		above = above[len(above)-room:]
	}
	cursorY := len(above)
	out := append(above, edit...)
	for i := n.cur + 1; i < len(n.paras) && len(out) < h; i++ {
		out = append(out, render(i)...)
	}
	if len(out) > h {
		out = out[:h]
	}
	return strings.Join(out, "\n"), cursorY
}

// replaceBack puts s in place of the n runes before the cursor, through the
// textarea's own editing, for the built-in Telex mode.
func (n *notes) replaceBack(k int, s string) { typeInto(&n.ta, k, s) }

// noteLabel names a change to the notes section being edited, for undo.
func (m *Model) noteLabel() string {
	return m.ctx.Text.F("cap.step.notes", m.ctx.Text.S("section."+string(m.notes.section)))
}

// noteState is notes section sec as it is now, with the cursor.
func (m *Model) noteState(sec model.Section) *noteStep {
	n := &m.notes
	if n.section == sec && n.paras != nil {
		n.store()
		return &noteStep{section: sec, paras: slices.Clone(n.paras), cur: n.cur, col: n.ta.Column()}
	}
	ps := strings.Split(m.sess.Note(sec), "\n")
	return &noteStep{section: sec, paras: ps, cur: len(ps) - 1, col: len([]rune(ps[len(ps)-1]))}
}

// restoreNotes puts a notes section back as ns holds it and shows it, with
// the cursor where it stood.
func (m *Model) restoreNotes(ns noteStep) {
	if i := sectionIndex(ns.section); i != m.section {
		m.switchSection(i)
	}
	n := &m.notes
	n.paras = slices.Clone(ns.paras)
	n.cache = make([]string, len(n.paras))
	n.cur = min(max(0, ns.cur), len(n.paras)-1)
	n.ta.SetValue(n.paras[n.cur]) // a paragraph holds no newline
	n.ta.MoveToBegin()
	n.ta.SetCursorColumn(ns.col)
	n.off = 0
	n.dirty = true
	m.flushNotes()
}

// sectionIndex is the position of sec in model.Sections.
func sectionIndex(sec model.Section) int { return max(0, slices.Index(model.Sections, sec)) }
