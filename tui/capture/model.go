// Package capture is the session screen, built for typing live: the minutes
// sections in order, the numbered voter remarks with a small editor for the
// one being typed, and the repeat panel that shows earlier petitions the
// remark repeats. Every change goes to the store's autosaver at once (a map
// write, never a disk write); finished remarks are rendered once per width
// and cached, so a keystroke costs the same at 10 remarks as at 300.
package capture

import (
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"txct/store"
	"txct/store/match/telex"
	"txct/store/model"
	"txct/tui/base"
)

// Saver is what the screen needs to persist: the store's autosaver.
type Saver interface {
	PutSession(model.Session)
	PutRemark(model.Remark)
	PutOrder(sessionID uint64, ids []uint64)
}

// Store is what the screen reads from the store, and where its Saver comes
// from.
type Store interface {
	Session(id uint64) (model.Session, error)
	Remarks(sessionID uint64) ([]model.Remark, error)
	Names(kind store.NameKind) ([]string, error)
	NewID() uint64
	FindRepeats(text string, opt store.RepeatOptions) (store.RepeatResult, error)
	IndexReady() bool
	Autosaver(delay time.Duration, onSave func(error)) *store.Autosaver
}

var _ Store = (*store.Store)(nil)

// mode says where keys go on the remarks section.
type mode int

const (
	modeList mode = iota // moving through remarks; bare keys are commands
	modeEdit             // a remark's fields have focus
)

// Model is the session screen.
type Model struct {
	ctx   *base.Context
	db    Store
	saver Saver
	id    uint64

	sess    model.Session
	remarks []model.Remark
	loaded  bool
	err     error

	section int // index into model.Sections
	mode    mode
	sel     int // selected remark in list mode
	top     int // first remark shown
	hist    *history
	hists   *Histories // every session's history for the app run, or nil
	openAt  uint64     // remark to open once loaded

	lastView string // the last frame drawn, shown again while typed characters wait

	mergeAsk bool   // Ctrl+G found no candidate: the number of a remark is being typed
	mergeNum string // the digits typed

	pick *classPick // the field/level picker, while open

	ed    editor
	notes notes
	panel panel

	telex bool
	tx    telexState

	cache   map[uint64]cached
	saved   map[uint64]bool // remarks handed to the saver at least once
	w, h    int
	cur     cursorAt // where the real cursor goes, set by View
	pending []string // status lines for the root
	queued  []byte   // characters typed, not yet applied (queueTyped)

	hintCache [2]string
	headCache struct {
		key headKey
		out string
		ok  bool
	}
	panelCache struct {
		key panelKey
		out string
		ok  bool
	}
}

type loadedMsg struct {
	id      uint64
	sess    model.Session
	remarks []model.Remark
	names   map[store.NameKind][]string // for completion in the editor
	err     error
}

// New builds the session screen for session id.
func New(ctx *base.Context, db Store, id uint64) *Model {
	m := &Model{ctx: ctx, id: id, cache: map[uint64]cached{}, saved: map[uint64]bool{}, section: 2}
	m.db = db
	if m.db != nil {
		m.saver = m.db.Autosaver(0, nil)
	}
	m.ed = newEditor(ctx)
	m.notes = newNotes(ctx)
	m.hist = &history{}
	m.telex = ctx.Telex
	if ctx.NewToneStyle {
		m.tx.style = telex.StyleNew
	}
	return m
}

// NewAt builds the session screen with remark at (an id) open in the
// editor once the session is loaded; 0 opens the list. The session's undo
// history is taken from hists and kept there when the screen is left.
func NewAt(ctx *base.Context, db Store, id, at uint64, hists *Histories) *Model {
	m := New(ctx, db, id)
	m.openAt = at
	m.hists = hists
	return m
}

// Init loads the session in the background.
func (m *Model) Init() tea.Cmd {
	if m.loaded || m.db == nil {
		return nil
	}
	db, id := m.db, m.id
	return func() tea.Msg {
		sess, err := db.Session(id)
		if err != nil {
			return loadedMsg{id: id, err: err}
		}
		rems, err := db.Remarks(id)
		names := map[store.NameKind][]string{}
		for _, k := range []store.NameKind{store.NamePerson, store.NamePlace, store.NameAnswerer} {
			names[k], _ = db.Names(k)
		}
		return loadedMsg{id: id, sess: sess, remarks: rems, names: names, err: err}
	}
}

func (m *Model) onLoaded(msg loadedMsg) {
	if msg.id != m.id {
		return
	}
	m.loaded, m.err = true, msg.err
	m.sess, m.remarks = msg.sess, msg.remarks
	for _, r := range m.remarks {
		m.saved[r.ID] = true
	}
	m.sel = max(0, len(m.remarks)-1)
	if m.hists != nil && msg.err == nil {
		m.hist = m.hists.take(m.sess.UID, m.remarks, sessionNotes(&m.sess))
	}
	m.ed.suggest(msg.names)
	m.notes.load(&m.sess, model.Sections[m.section])
	m.layout()
	if i := m.indexOf(m.openAt); m.openAt != 0 && i >= 0 {
		m.edit(i)
	}
}

// Update dispatches one message and passes status lines on to the root.
func (m *Model) Update(msg tea.Msg) (base.Screen, tea.Cmd) {
	cmd := m.update(msg)
	if len(m.pending) == 0 {
		return m, cmd
	}
	cmds := []tea.Cmd{cmd}
	for _, p := range m.pending {
		cmds = append(cmds, navigate(base.StatusMsg{Text: p}))
	}
	m.pending = m.pending[:0]
	return m, tea.Batch(cmds...)
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	// Characters queued by typeKey go into the field before anything else
	// happens, so no key or message is applied out of order.
	if k, ok := msg.(tea.KeyPressMsg); !ok || !base.Typed(k) {
		if cmd := m.flushTyped(); cmd != nil {
			return tea.Batch(cmd, m.update(msg))
		}
	}
	switch msg := msg.(type) {
	case flushMsg:
		return nil // flushed above
	case loadedMsg:
		m.onLoaded(msg)
		return nil
	case checkTickMsg:
		return m.onCheckTick(msg)
	case repeatsFoundMsg:
		m.panel.onFound(msg, m.editingID())
		return nil
	case base.IndexReadyMsg:
		return m.scheduleCheck()
	case tea.PasteMsg:
		if m.pick != nil {
			m.pick.Paste(msg.Content)
			return nil
		}
		return m.onPaste(msg)
	case tea.MouseWheelMsg:
		m.onWheel(msg)
		return nil
	case tea.KeyPressMsg:
		if !m.loaded {
			return nil
		}
		return m.onKey(msg)
	}
	return m.forward(msg)
}

func goHome() tea.Msg { return base.GoHomeMsg{} }

// onKey handles keys that work everywhere on the screen, then hands the key
// to the notes editor, the remark editor or the list.
func (m *Model) onKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.ctx.Keys
	if m.pick != nil {
		m.onPickKey(msg)
		return nil
	}
	switch {
	case key.Matches(msg, k.Telex):
		m.telex = !m.telex
		m.ctx.Telex = m.telex
		m.tx.reset()
		on := m.telex
		return func() tea.Msg { return base.TelexMsg{On: on} }
	case key.Matches(msg, k.NextSection):
		m.switchSection(m.section + 1)
		return nil
	case key.Matches(msg, k.PrevSection):
		m.switchSection(m.section - 1)
		return nil
	case key.Matches(msg, k.NewRemark):
		m.switchSection(2)
		return m.newRemark()
	case key.Matches(msg, k.Review):
		m.Leave()
		return navigate(base.OpenReviewMsg{ID: m.id})
	case key.Matches(msg, k.Export):
		m.Leave()
		return navigate(base.OpenExportMsg{ID: m.id})
	case key.Matches(msg, k.Share):
		return navigate(base.ShareMsg{ID: m.id})
	case key.Matches(msg, k.Stats):
		m.Leave()
		return navigate(base.OpenStatsMsg{ID: m.id})
	case key.Matches(msg, k.EditSession) && m.mode != modeEdit:
		m.Leave()
		return navigate(base.EditSessionMsg{ID: m.id})
	}
	if model.Sections[m.section] != model.SecRemarks {
		return m.onNotesKey(msg)
	}
	if m.mode == modeEdit {
		return m.onEditKey(msg)
	}
	return m.onListKey(msg)
}

func navigate(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }

func (m *Model) switchSection(i int) {
	n := len(model.Sections)
	i = (i%n + n) % n
	if i == m.section {
		return
	}
	m.commitEdit()
	m.notes.flush(&m.sess, m.saver)
	m.section = i
	m.tx.reset()
	m.notes.load(&m.sess, model.Sections[i])
	m.layout()
}

// forward gives non-key messages (cursor blink…) to the focused field.
func (m *Model) forward(msg tea.Msg) tea.Cmd {
	if model.Sections[m.section] != model.SecRemarks {
		return m.notes.update(msg)
	}
	if m.mode == modeEdit {
		return m.ed.update(msg)
	}
	return nil
}

// Leave hands every unsaved change to the autosaver; the root flushes it.
func (m *Model) Leave() {
	m.flushTyped()
	m.commitEdit()
	m.notes.flush(&m.sess, m.saver)
	m.keepHistory()
}

// Typing reports whether a text field has focus.
func (m *Model) Typing() bool {
	return model.Sections[m.section] != model.SecRemarks || m.mode == modeEdit
}

// SetSize sets the area the screen draws into.
func (m *Model) SetSize(w, h int) {
	m.flushTyped() // queued characters are wrapped at the width they were typed for
	if w != m.w {
		clear(m.cache)
	}
	m.w, m.h = w, h
	m.layout()
}

// Help lists the bindings for the help bar and overlay.
func (m *Model) Help() ([]key.Binding, [][]key.Binding) {
	k := m.ctx.Keys
	var short []key.Binding
	switch {
	case model.Sections[m.section] != model.SecRemarks:
		short = []key.Binding{k.NextSection, k.NewRemark, k.Telex}
	case m.mode == modeEdit:
		short = []key.Binding{k.NextField, k.Commit, k.PickClass, k.CycleField, k.CycleLevel, k.Confirm, k.Undo, k.Telex, k.Back}
	default:
		short = []key.Binding{k.NewRemark, k.Edit, k.Delete, k.Undo, k.Redo, k.NextSection, k.Review, k.Export}
	}
	accept := base.Binding(m.ctx.Text.S("cap.key.accept"), "right")
	full := [][]key.Binding{
		{k.NewRemark, k.Commit, k.NextField, k.PrevField, accept, k.Back, k.Telex},
		{k.CycleType, k.PickClass, k.CycleField, k.FieldBack, k.CycleLevel, k.LevelBack, k.NextMatch, k.Confirm, k.Dismiss, k.Merge},
		{k.Edit, k.ArrowUp, k.ArrowDown, k.PageUp, k.PageDown, k.First, k.Last, k.MoveUp, k.MoveDown, k.Delete, k.Undo, k.Redo},
		{k.NextSection, k.PrevSection, k.Review, k.Stats, k.Export, k.Share, k.EditSession},
	}
	return short, full
}

// editingID is the id of the remark in the editor, or 0.
func (m *Model) editingID() uint64 {
	if m.mode != modeEdit || m.ed.idx < 0 || m.ed.idx >= len(m.remarks) {
		return 0
	}
	return m.remarks[m.ed.idx].ID
}

func (m *Model) order() []uint64 {
	ids := make([]uint64, len(m.remarks))
	for i, r := range m.remarks {
		ids[i] = r.ID
	}
	return ids
}

// saveOrder hands the order of the saved remarks to the saver; a remark left
// out of it is deleted.
func (m *Model) saveOrder() {
	if m.saver == nil {
		return
	}
	ids := make([]uint64, 0, len(m.remarks))
	for _, r := range m.remarks {
		if m.saved[r.ID] {
			ids = append(ids, r.ID)
		}
	}
	m.saver.PutOrder(m.id, ids)
}

func (m *Model) saveRemark(i int) {
	if i < 0 || i >= len(m.remarks) {
		return
	}
	m.remarks[i].Updated = time.Now().UTC()
	delete(m.cache, m.remarks[i].ID)
	if isBlank(m.remarks[i]) && !m.saved[m.remarks[i].ID] {
		return // nothing typed yet: not a remark until something is
	}
	if m.saver != nil {
		if !m.saved[m.remarks[i].ID] {
			m.saved[m.remarks[i].ID] = true
			defer m.saveOrder() // a new remark joins the order where it stands
		}
		m.saver.PutRemark(m.remarks[i])
	}
}

// newRemark appends an empty remark and opens it in the editor, stamped
// with the time it was started. The remark being edited is finished first
// (and dropped if it is still blank).
func (m *Model) newRemark() tea.Cmd {
	m.commitEdit()
	r := model.Remark{SessionID: m.id, Type: model.TypePetition, Created: m.ctx.Now().UTC(),
		Guessed: model.GuessedField | model.GuessedLevel | model.GuessedType}
	if m.db != nil {
		r.ID = m.db.NewID()
	} else {
		r.ID = uint64(len(m.remarks) + 1)
		for slices.ContainsFunc(m.remarks, func(x model.Remark) bool { return x.ID == r.ID }) {
			r.ID++
		}
	}
	m.remarks = append(m.remarks, r)
	return m.edit(len(m.remarks) - 1)
}

// isBlank reports whether a remark holds nothing typed: such a remark is
// never kept (it would reach the minutes as "13. Một cử tri:").
func isBlank(r model.Remark) bool {
	return strings.TrimSpace(r.Text+r.Voter+r.Address) == "" && (r.Answer == nil || strings.TrimSpace(r.Answer.By+r.Answer.Text) == "")
}

// edit opens remark i in the editor.
func (m *Model) edit(i int) tea.Cmd {
	m.mode = modeEdit
	m.sel = i
	m.tx.reset()
	cmd := m.ed.open(m.remarks[i], i)
	m.panel.reset()
	m.layout()
	return tea.Batch(cmd, m.scheduleCheck())
}

// commitEdit writes the editor back into its remark and leaves edit mode. A
// remark left blank is dropped: it was never saved, or its saved copy is
// removed with the order.
func (m *Model) commitEdit() {
	if m.mode != modeEdit {
		return
	}
	m.syncEditor()
	m.ed.blur()
	m.mode = modeList
	m.tx.reset()
	m.endRun()
	if i := m.ed.idx; i >= 0 && i < len(m.remarks) && isBlank(m.remarks[i]) {
		id := m.remarks[i].ID
		m.remarks = slices.Delete(m.remarks, i, i+1)
		delete(m.cache, id)
		if m.saved[id] {
			delete(m.saved, id)
			m.saveOrder()
		}
		m.sel = min(m.sel, max(0, len(m.remarks)-1))
	}
	m.ed.idx = -1
	m.layout()
}

// syncEditor copies the editor's fields into the remark and queues it.
func (m *Model) syncEditor() {
	i := m.ed.idx
	if i < 0 || i >= len(m.remarks) {
		return
	}
	if m.ed.apply(&m.remarks[i]) {
		m.saveRemark(i)
	}
}
