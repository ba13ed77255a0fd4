package capture

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"golang.org/x/text/unicode/norm"

	"txct/store"
	"txct/store/classify"
	"txct/store/model"
	"txct/tui/base"
)

// Field limits. A remark is a paragraph; a paste beyond the limit is refused
// with a message rather than freezing the editor.
const (
	maxText  = 8000
	maxShort = 300
	// maxLine is the longest paste a one-line field (a name, an address)
	// takes as its own; a longer one is a remark's words, not a name.
	maxLine = 120
)

// Editor fields, in tab order.
const (
	fVoter = iota
	fAddress
	fText
	fAnswerBy
	fAnswer
	nFields
)

// editor is the form for the remark being typed. It holds copies of the
// remark's fields; apply writes them back.
type editor struct {
	ctx      *base.Context
	idx      int
	focus    int
	voter    textinput.Model
	address  textinput.Model
	text     textarea.Model
	answerBy textinput.Model
	answer   textarea.Model // the answer given on the spot, as wide as the text

	typ      model.RemarkType
	field    model.Field
	auth     model.Authority
	setField bool // chosen by hand: the guess no longer overrides it
	setAuth  bool
	setType  bool
	cursorX  int // cursor position inside the form, set by editorView
	cursorY  int
}

func newEditor(ctx *base.Context) editor {
	t := ctx.Text
	mk := func(ph string) textinput.Model {
		ti := textinput.New()
		ti.Placeholder = t.S(ph)
		ti.CharLimit = maxShort
		ti.SetVirtualCursor(false)
		ti.Prompt = ""
		return ti
	}
	// The text and answer boxes grow with their wrapped lines (text 3 to 6,
	// answer 2 to 4); the textarea keeps the cursor's line inside the box
	// and, after a resize, clamps its scroll so the text never sits above an
	// empty box. Enter moves to the next field: each is one paragraph.
	area := func(ph string, minH, maxH int) textarea.Model {
		ta := textarea.New()
		ta.ShowLineNumbers = false
		ta.Placeholder = t.S(ph)
		ta.CharLimit = maxText
		ta.DynamicHeight = true
		ta.MinHeight = minH
		ta.MaxHeight = maxH
		ta.Prompt = ""
		ta.SetVirtualCursor(false)
		ta.KeyMap.InsertNewline.SetEnabled(false)
		return ta
	}
	e := editor{ctx: ctx, idx: -1, voter: mk("cap.ph.voter"), address: mk("cap.ph.address"), text: area("cap.ph.text", 3, 6),
		answerBy: mk("cap.ph.answerby"), answer: area("cap.ph.answer", 2, 4)}
	// Names and places used before complete inline as grey text; → takes
	// the completion (tab stays "next field", and arrows up/down are free).
	for _, ti := range []*textinput.Model{&e.voter, &e.address, &e.answerBy} {
		ti.ShowSuggestions = true
		ti.KeyMap.AcceptSuggestion = key.NewBinding(key.WithKeys("right"))
		ti.KeyMap.NextSuggestion = key.NewBinding(key.WithKeys("down"))
		ti.KeyMap.PrevSuggestion = key.NewBinding(key.WithKeys("up"))
	}
	return e
}

// suggest gives the fields the names remembered from earlier sessions.
func (e *editor) suggest(names map[store.NameKind][]string) {
	e.voter.SetSuggestions(names[store.NamePerson])
	e.address.SetSuggestions(names[store.NamePlace])
	e.answerBy.SetSuggestions(names[store.NameAnswerer])
}

func (e *editor) setWidth(w int) {
	half := max(10, (w-24)/2)
	e.voter.SetWidth(half)
	e.address.SetWidth(half)
	e.text.SetWidth(max(10, w-12))
	e.answerBy.SetWidth(max(10, w-20))
	e.answer.SetWidth(max(10, w-12))
}

// open loads remark r (at position i) into the form and focuses a field: the
// voter for a new remark, the text for one already written.
func (e *editor) open(r model.Remark, i int) tea.Cmd {
	e.idx = i
	e.voter.SetValue(r.Voter)
	e.address.SetValue(r.Address)
	e.text.SetValue(r.Text)
	e.text.MoveToEnd()
	by, ans := "", ""
	if r.Answer != nil {
		by, ans = r.Answer.By, r.Answer.Text
	}
	e.answerBy.SetValue(by)
	e.answer.SetValue(ans)
	e.answer.MoveToEnd()
	e.typ, e.field, e.auth = typeOr(r.Type), r.Field, r.Authority
	// A classification the app guessed stays a guess (and follows the text)
	// until a person picks it.
	e.setField = r.Field != "" && r.Guessed&model.GuessedField == 0
	e.setAuth = r.Authority != "" && r.Guessed&model.GuessedLevel == 0
	e.setType = r.Type != "" && r.Guessed&model.GuessedType == 0
	if r.Text == "" && r.Voter == "" {
		return e.focusOn(fVoter)
	}
	return e.focusOn(fText)
}

func (e *editor) blur() {
	e.voter.Blur()
	e.address.Blur()
	e.text.Blur()
	e.answerBy.Blur()
	e.answer.Blur()
}

func (e *editor) focusOn(f int) tea.Cmd {
	e.blur()
	e.focus = (f%nFields + nFields) % nFields
	switch e.focus {
	case fVoter:
		return e.voter.Focus()
	case fAddress:
		return e.address.Focus()
	case fText:
		return e.text.Focus()
	case fAnswerBy:
		return e.answerBy.Focus()
	default:
		return e.answer.Focus()
	}
}

// update sends msg to the focused field.
func (e *editor) update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch e.focus {
	case fVoter:
		e.voter, cmd = e.voter.Update(msg)
	case fAddress:
		e.address, cmd = e.address.Update(msg)
	case fText:
		e.text, cmd = e.text.Update(msg)
	case fAnswerBy:
		e.answerBy, cmd = e.answerBy.Update(msg)
	default:
		e.answer, cmd = e.answer.Update(msg)
	}
	return cmd
}

func (e *editor) value(f int) string {
	switch f {
	case fVoter:
		return e.voter.Value()
	case fAddress:
		return e.address.Value()
	case fText:
		return e.text.Value()
	case fAnswerBy:
		return e.answerBy.Value()
	}
	return e.answer.Value()
}

// typeInto puts s in place of the n runes before a textarea's cursor,
// through Update, which also scrolls the box to the cursor (InsertString
// alone left a long insertion below the box). s goes in as a paste: as a
// key, typed text that reads "up" or "end" would be taken for that key.
func typeInto(ta *textarea.Model, n int, s string) {
	for range n {
		*ta, _ = ta.Update(tea.KeyPressMsg{Code: tea.KeyBackspace})
	}
	if s != "" {
		*ta, _ = ta.Update(tea.PasteMsg{Content: s})
	}
}

// limit is the most runes field f takes.
func (e *editor) limit(f int) int {
	if f == fText || f == fAnswer {
		return maxText
	}
	return maxShort
}

// replaceBack deletes n runes before the cursor of the focused field and
// inserts s there. The built-in Telex mode uses it to rewrite the word being
// typed; it goes through the widgets' own editing, so their state stays right.
func (e *editor) replaceBack(n int, s string) {
	if ta := e.area(e.focus); ta != nil {
		typeInto(ta, n, s)
		return
	}
	ti := e.input(e.focus)
	v := []rune(ti.Value())
	pos := min(ti.Position(), len(v))
	start := max(0, pos-n)
	nv := string(v[:start]) + s + string(v[pos:])
	ti.SetValue(nv)
	ti.SetCursor(start + len([]rune(s)))
	*ti, _ = ti.Update(tea.KeyPressMsg{}) // a key that types nothing: the completion follows the new text
}

// input is the one-line field f, or nil for the text and the answer.
func (e *editor) input(f int) *textinput.Model {
	switch f {
	case fVoter:
		return &e.voter
	case fAddress:
		return &e.address
	case fAnswerBy:
		return &e.answerBy
	}
	return nil
}

// area is the text or the answer box, or nil for a one-line field.
func (e *editor) area(f int) *textarea.Model {
	switch f {
	case fText:
		return &e.text
	case fAnswer:
		return &e.answer
	}
	return nil
}

// normalise recomposes the focused field when an input method sent
// decomposed marks (e + U+0302 + U+0301), so what is stored and matched is NFC.
func (e *editor) normalise() {
	v := e.value(e.focus)
	if norm.NFC.IsNormalString(v) {
		return
	}
	n := norm.NFC.String(v)
	if ta := e.area(e.focus); ta != nil {
		ta.SetValue(n)
		ta.MoveToEnd()
		return
	}
	ti := e.input(e.focus)
	pos := ti.Position()
	before := norm.NFC.String(string([]rune(v)[:min(pos, len([]rune(v)))]))
	ti.SetValue(n)
	ti.SetCursor(len([]rune(before)))
}

// guess fills field, level and type from the text unless set by hand.
func (e *editor) guess() {
	g := classify.Guess(e.text.Value())
	if !e.setField {
		e.field = g.Field
	}
	if !e.setAuth {
		e.auth = g.Authority
	}
	if !e.setType {
		e.typ = g.Type
	}
}

// guessed says which of the classification is still the app's guess.
func (e *editor) guessed() model.Guessed {
	var g model.Guessed
	if !e.setField && e.field != "" {
		g |= model.GuessedField
	}
	if !e.setAuth && e.auth != "" {
		g |= model.GuessedLevel
	}
	if !e.setType && e.text.Value() != "" {
		g |= model.GuessedType
	}
	return g
}

func (e *editor) cycleField() {
	e.setField = true
	e.field = cycle(model.Fields, e.field, +1)
}

func (e *editor) cycleFieldBack() {
	e.setField = true
	e.field = cycle(model.Fields, e.field, -1)
}

func (e *editor) cycleLevel() {
	e.setAuth = true
	e.auth = cycle(model.Authorities, e.auth, +1)
}

func (e *editor) cycleLevelBack() {
	e.setAuth = true
	e.auth = cycle(model.Authorities, e.auth, -1)
}

func (e *editor) cycleType() {
	e.setType = true
	if e.typ == model.TypePetition {
		e.typ = model.TypeOpinion
	} else {
		e.typ = model.TypePetition
	}
}

// cycle steps through list from cur by d (+1 or -1), wrapping; from a value
// not in the list it starts at the first (or last) entry.
func cycle[T comparable](list []T, cur T, d int) T {
	i := slices.Index(list, cur)
	if i < 0 && d < 0 {
		i = 0
	}
	n := len(list)
	return list[((i+d)%n+n)%n]
}

// apply writes the form into r and reports whether anything changed.
func (e *editor) apply(r *model.Remark) bool {
	vals := [nFields]string{}
	for f := range nFields {
		vals[f] = norm.NFC.String(strings.TrimRight(e.value(f), " "))
	}
	var ans *model.Answer
	if strings.TrimSpace(vals[fAnswerBy]+vals[fAnswer]) != "" {
		ans = &model.Answer{By: vals[fAnswerBy], Text: vals[fAnswer]}
	}
	g := e.guessed()
	changed := vals[fVoter] != r.Voter || vals[fAddress] != r.Address || vals[fText] != r.Text ||
		e.typ != r.Type || e.field != r.Field || e.auth != r.Authority || !sameAnswer(ans, r.Answer) || g != r.Guessed
	if !changed {
		return false
	}
	r.Voter, r.Address, r.Text = vals[fVoter], vals[fAddress], vals[fText]
	r.Type, r.Field, r.Authority, r.Answer, r.Guessed = e.typ, e.field, e.auth, ans, g
	return true
}

func sameAnswer(a, b *model.Answer) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

// onEditKey handles a key while a remark's field has focus.
func (m *Model) onEditKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.ctx.Keys
	e := &m.ed
	if m.mergeAsk {
		m.onMergeKey(msg)
		return nil
	}
	switch {
	case key.Matches(msg, k.Back):
		m.commitEdit()
		return nil
	case key.Matches(msg, k.Commit):
		return m.newRemark()
	case key.Matches(msg, k.NextField), key.Matches(msg, k.Open):
		m.endWord()
		m.endRun()
		if e.focus == fAnswer && key.Matches(msg, k.Open) {
			return m.newRemark()
		}
		return e.focusOn(e.focus + 1)
	case key.Matches(msg, k.PrevField):
		m.endWord()
		m.endRun()
		return e.focusOn(e.focus - 1)
	case key.Matches(msg, k.CycleField):
		m.classStep("cap.step.field", e.cycleField)
		return nil
	case key.Matches(msg, k.CycleLevel):
		m.classStep("cap.step.level", e.cycleLevel)
		return nil
	case key.Matches(msg, k.FieldBack):
		m.classStep("cap.step.field", e.cycleFieldBack)
		return nil
	case key.Matches(msg, k.LevelBack):
		m.classStep("cap.step.level", e.cycleLevelBack)
		return nil
	case key.Matches(msg, k.PickClass):
		m.openPick(false)
		return nil
	case key.Matches(msg, k.CycleType):
		m.classStep("cap.step.type", e.cycleType)
		return nil
	case key.Matches(msg, k.NextMatch):
		m.panel.next()
		return nil
	case key.Matches(msg, k.Confirm):
		m.confirmRepeat()
		return nil
	case key.Matches(msg, k.Dismiss):
		m.dismissRepeat()
		return nil
	case key.Matches(msg, k.Merge):
		m.mergeWithSuggestion()
		return nil
	case key.Matches(msg, k.Undo):
		m.undoStep()
		return nil
	case key.Matches(msg, k.Redo):
		m.redoStep()
		return nil
	case key.Matches(msg, k.Delete):
		i := m.ed.idx
		m.commitEdit()
		if i >= 0 && i < len(m.remarks) && m.sel == i {
			m.deleteSelected()
		}
		return nil
	}
	return m.typeKey(msg)
}

// classStep changes the edited remark's type, field or level by hand as one
// undo step.
func (m *Model) classStep(label string, change func()) {
	m.syncEditor()
	m.record(m.ctx.Text.F(label, seqOf(m.ed.idx)), runKey{})
	change()
	m.syncEditor()
}

// fieldNames are the undo labels of the editor's fields.
var fieldNames = [nFields]string{"cap.fname.voter", "cap.fname.address", "cap.fname.text", "cap.fname.answerby", "cap.fname.answer"}

// flushMsg applies the characters typed since the last one (see typeKey).
type flushMsg struct{}

// flushDelay is how long typed characters may wait before they reach the
// field: less than a frame, so typing shows as instant, and long enough for
// a paste that arrives as key messages to land in a few large insertions.
const flushDelay = 8 * time.Millisecond

func flushLater() tea.Cmd {
	return tea.Tick(flushDelay, func(time.Time) tea.Msg { return flushMsg{} })
}

// endWord finishes the Telex word before the focus leaves the field, and
// saves what the spell-check rule changed.
func (m *Model) endWord() {
	m.tx.endIn(&m.ed)
	m.syncEditor()
}

// typeKey sends a key to the focused field (through Telex when it is on),
// then saves the remark and schedules a repeat check if the text changed.
// A run of typing into one field is one undo step. Plain characters are
// queued (see queueTyped).
func (m *Model) typeKey(msg tea.KeyPressMsg) tea.Cmd {
	if base.Typed(msg) {
		return m.queueTyped(msg)
	}
	cmd := m.flushTyped()
	return tea.Batch(cmd, m.applyKey(msg))
}

// queueTyped queues a plain character for the focused field, a remark's or
// the notes'. The queue is applied by the flush message the first character
// schedules (flushDelay later): a paste that arrives as thousands of key
// messages (a terminal without bracketed paste) then costs a few insertions
// of many characters each, not one re-wrap of the whole field and one
// classification per character, with the built-in Telex on or off. Any
// other message applies the queue first, so nothing is reordered.
func (m *Model) queueTyped(msg tea.KeyPressMsg) tea.Cmd {
	first := len(m.queued) == 0
	m.queued = append(m.queued, msg.Text...)
	if first {
		return flushLater()
	}
	return nil
}

// flushTyped applies the queued characters to the focused field.
func (m *Model) flushTyped() tea.Cmd {
	if len(m.queued) == 0 {
		return nil
	}
	text := string(m.queued)
	m.queued = m.queued[:0]
	switch {
	case model.Sections[m.section] != model.SecRemarks:
		m.notesInsert(text)
		return nil
	case m.mode != modeEdit:
		return nil
	}
	e := &m.ed
	del, ins := 0, text
	if m.telex {
		del, ins = m.tx.compose(text)
		// A field at its limit takes what fits, and the word being
		// composed ends there: Telex must not rewrite runes that never
		// reached the field.
		if room := e.limit(e.focus) - utf8.RuneCountInString(e.value(e.focus)) + del; utf8.RuneCountInString(ins) > room {
			ins = string([]rune(ins)[:max(0, room)])
			m.tx.reset()
		}
	}
	return m.applyChange(func() tea.Cmd {
		e.replaceBack(del, ins)
		return nil
	})
}

// applyKey sends one key (or queued characters) to the focused field.
func (m *Model) applyKey(msg tea.KeyPressMsg) tea.Cmd {
	e := &m.ed
	return m.applyChange(func() tea.Cmd {
		if m.telex && m.tx.key(e, msg, key.Matches(msg, m.ctx.Keys.Erase)) {
			return nil
		}
		return e.update(msg)
	})
}

// applyChange makes a change to the focused field, then, if its text
// changed, records the undo step, normalises, guesses, saves and schedules
// a repeat check.
func (m *Model) applyChange(change func() tea.Cmd) tea.Cmd {
	e := &m.ed
	before := e.value(e.focus)
	cmd := change()
	after := e.value(e.focus)
	if after == before {
		return cmd
	}
	m.recordTyping()
	e.normalise()
	if e.focus == fText {
		e.guess()
	}
	m.syncEditor()
	if e.focus == fText {
		return tea.Batch(cmd, m.scheduleCheck())
	}
	return cmd
}

// recordTyping starts an undo step for typing into the focused field, unless
// this keystroke continues the run already recorded. The remark in m.remarks
// still holds the text from before the keystroke.
func (m *Model) recordTyping() {
	e := &m.ed
	if e.idx < 0 || e.idx >= len(m.remarks) {
		return
	}
	run := runKey{id: m.remarks[e.idx].ID, field: e.focus}
	if run == m.hist.run && len(m.hist.undo) > 0 {
		return
	}
	t := m.ctx.Text
	m.record(t.F("cap.step.typing", t.S(fieldNames[e.focus]), seqOf(e.idx)), run)
}

// onPaste takes a paste into the focused field, or refuses one that is too long.
func (m *Model) onPaste(msg tea.PasteMsg) tea.Cmd {
	if !m.Typing() {
		// No field is open: the paste is not turned into a remark unseen,
		// and the secretary is told how to open one.
		m.status(m.ctx.Text.S("cap.pastelist"))
		return nil
	}
	if model.Sections[m.section] != model.SecRemarks {
		return m.notes.paste(m, msg)
	}
	e := &m.ed
	n := len([]rune(msg.Content))
	if to, ok := paragraphFor(e.focus); ok && (n > maxLine || strings.ContainsAny(msg.Content, "\r\n")) {
		// Several lines or a long run of words are a remark (or an
		// answer), never a name: they go to the paragraph field below,
		// and the status line says where they went.
		m.endWord()
		m.endRun()
		cmd := e.focusOn(to)
		line := "cap.pastetotext"
		if to == fAnswer {
			line = "cap.pastetoanswer"
		}
		m.status(m.ctx.Text.F(line, maxLine))
		return tea.Batch(cmd, m.onPaste(msg))
	}
	if n+len([]rune(e.value(e.focus))) > e.limit(e.focus) {
		m.status(m.ctx.Text.F("cap.pastetoolong", n, e.limit(e.focus)))
		return nil
	}
	if e.focus != fText {
		msg.Content = strings.ReplaceAll(strings.ReplaceAll(msg.Content, "\r", ""), "\n", " ")
	}
	m.tx.reset()
	m.endRun()
	m.recordTyping()
	m.endRun() // a paste is a step of its own
	cmd := e.update(msg)
	e.normalise()
	if e.focus == fText {
		e.guess()
	}
	m.syncEditor()
	return tea.Batch(cmd, m.scheduleCheck())
}

// paragraphFor is the paragraph field a paste into one-line field f goes
// to when it cannot be a name or an address; ok is false for the
// paragraph fields themselves.
func paragraphFor(f int) (to int, ok bool) {
	switch f {
	case fVoter, fAddress:
		return fText, true
	case fAnswerBy:
		return fAnswer, true
	}
	return 0, false
}

// status queues a status-bar message for the root.
func (m *Model) status(text string) { m.pending = append(m.pending, text) }
