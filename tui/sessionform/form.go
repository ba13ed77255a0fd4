// Package sessionform is the form that creates a session or edits its
// details: kind, title, date and times, place, organiser, delegates, chair,
// secretary and voter count. Names and places complete from earlier sessions
// (accent-insensitive), errors are shown in words next to their field, and
// the store is written only from a command.
package sessionform

import (
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"txct/store"
	"txct/store/model"
	"txct/tui/base"
)

// field identifies one field of the form, in tab order.
type field int

const (
	fKind field = iota
	fTitle
	fDate
	fStart
	fEnd
	fPlace
	fLocality
	fOrganiser
	fGroup
	fSitting
	fDelegates
	fChair
	fChairTitle
	fSecretary
	fVoters
	nFields
)

// fieldDef says how a field is labelled and completed.
type fieldDef struct {
	key   string         // suffix of the form.f.* and form.ph.* strings
	names store.NameKind // remembered names offered while typing ("" = none)
	list  bool           // comma-separated list: complete the last item
	limit int
}

var defs = [nFields]fieldDef{
	fKind:       {key: "kind"},
	fTitle:      {key: "title", limit: 300},
	fDate:       {key: "date", limit: 10},
	fStart:      {key: "start", limit: 5},
	fEnd:        {key: "end", limit: 5},
	fPlace:      {key: "place", names: store.NamePlace, limit: 200},
	fLocality:   {key: "locality", names: store.NameLocale, limit: 100},
	fOrganiser:  {key: "organiser", names: store.NameOrg, limit: 200},
	fGroup:      {key: "group", names: store.NameGroup, limit: 200},
	fSitting:    {key: "sitting", limit: 200},
	fDelegates:  {key: "delegates", names: store.NamePerson, list: true, limit: 1000},
	fChair:      {key: "chair", names: store.NamePerson, limit: 120},
	fChairTitle: {key: "chairtitle", limit: 200},
	fSecretary:  {key: "secretary", names: store.NamePerson, limit: 120},
	fVoters:     {key: "voters", limit: 6},
}

// nameKinds are the kinds of names loaded at Init.
var nameKinds = []store.NameKind{store.NamePerson, store.NamePlace, store.NameGroup, store.NameOrg, store.NameLocale}

type (
	loadedMsg struct {
		id   uint64
		sess model.Session
		err  error
	}
	namesMsg struct{ names map[store.NameKind][]string }
	// previousMsg is the latest session, whose round a new session
	// continues by default.
	previousMsg struct{ sess model.Session }
	savedMsg    struct {
		id      uint64
		created bool
		err     error
	}
)

// Store is what the session form reads and writes.
type Store interface {
	Session(id uint64) (model.Session, error)
	Names(kind store.NameKind) ([]string, error)
	CreateSession(sess model.Session) (model.Session, error)
	UpdateSession(sess model.Session) error
	// Sessions lists every session, newest first: a new session continues
	// the latest one's round.
	Sessions() ([]store.Summary, error)
}

var _ Store = (*store.Store)(nil)

// Model is the session form.
type Model struct {
	ctx *base.Context
	db  Store
	id  uint64 // 0 while creating

	orig    model.Session // the stored session: fields the form does not show survive
	loaded  bool
	loadErr error
	saving  bool
	formErr string

	kind   int // index into model.Kinds
	inputs [nFields]textinput.Model
	errs   [nFields]string
	focus  field

	names map[store.NameKind][]string
	sugg  suggestions

	w, h   int
	offset int // first body line shown when the form is taller than the screen

	// prefilled marks fields holding a default the user has not touched
	// (today's date, the current time): typing replaces the default instead
	// of appending to it, as a selected field would.
	prefilled map[field]bool

	// The form's own keys. Up and down move between fields, or choose a
	// suggestion while the list is open; Enter and Tab take the chosen
	// suggestion, else move on.
	next, prev, suggPrev, suggNext, acceptKey, closeSugg, kindKey, kindBack, cancel key.Binding
}

// New builds the form for session id, or for a new session when id is 0.
func New(ctx *base.Context, db Store, id uint64) *Model {
	t := ctx.Text
	m := &Model{ctx: ctx, db: db, id: id, names: map[store.NameKind][]string{}, loaded: id == 0}
	for f := fTitle; f < nFields; f++ {
		ti := textinput.New()
		ti.Prompt = ""
		ti.Placeholder = t.S("form.ph." + phKey(f))
		ti.CharLimit = defs[f].limit
		ti.SetVirtualCursor(false)
		ti.SetStyles(textinput.DefaultStyles(ctx.Styles.IsDark))
		// Completion is ours (accent-insensitive, fuzzy); keep bubbles'
		// prefix suggestions from claiming tab, up and down.
		ti.KeyMap.AcceptSuggestion.SetEnabled(false)
		ti.KeyMap.NextSuggestion.SetEnabled(false)
		ti.KeyMap.PrevSuggestion.SetEnabled(false)
		m.inputs[f] = ti
	}
	b := func(help string, keys ...string) key.Binding {
		return base.Binding(t.S(help), keys...)
	}
	m.next = b("key.nextfield", "tab", "enter", "down")
	m.prev = b("key.prevfield", "shift+tab", "up")
	m.suggPrev = b("form.key.suggprev", "up")
	m.suggNext = b("form.key.suggnext", "down")
	m.acceptKey = b("form.key.acceptsugg", "enter", "tab")
	m.closeSugg = b("form.key.closesugg", "esc")
	m.kindKey = b("form.key.kind", "right", "space")
	m.kindBack = b("form.key.kindback", "left")
	m.cancel = b("form.key.cancel", "esc")
	if id == 0 {
		now := ctx.Now()
		m.orig = model.Session{Kind: model.KindBefore}
		m.inputs[fDate].SetValue(now.Format("02/01/2006"))
		m.inputs[fStart].SetValue(now.Round(15 * time.Minute).Format("15:04"))
		m.prefilled = map[field]bool{fDate: true, fStart: true}
		m.focus = fTitle
	}
	return m
}

func phKey(f field) string {
	switch f {
	case fStart, fEnd:
		return "time"
	}
	return defs[f].key
}

// Init loads the session being edited and the remembered names.
func (m *Model) Init() tea.Cmd {
	db := m.db
	cmds := []tea.Cmd{m.focusOn(m.focus)}
	if db == nil {
		return tea.Batch(cmds...)
	}
	cmds = append(cmds, func() tea.Msg {
		out := map[store.NameKind][]string{}
		for _, k := range nameKinds {
			if ns, err := db.Names(k); err == nil {
				out[k] = ns
			}
		}
		return namesMsg{names: out}
	})
	if m.id != 0 {
		id := m.id
		cmds = append(cmds, func() tea.Msg {
			s, err := db.Session(id)
			return loadedMsg{id: id, sess: s, err: err}
		})
	} else {
		cmds = append(cmds, func() tea.Msg {
			ss, err := db.Sessions()
			if err != nil || len(ss) == 0 {
				return nil
			}
			return previousMsg{sess: ss[0].Session}
		})
	}
	return tea.Batch(cmds...)
}

// onPrevious defaults a new session's round (delegate group, sitting) to
// the latest session's, as prefilled values that typing replaces; fields
// the user already typed in are left alone.
func (m *Model) onPrevious(msg previousMsg) {
	if m.id != 0 {
		return
	}
	for f, v := range map[field]string{fGroup: msg.sess.DelegateGroup, fSitting: msg.sess.Sitting} {
		if v != "" && m.inputs[f].Value() == "" {
			m.inputs[f].SetValue(model.Safe(v, false))
			m.prefilled[f] = true
		}
	}
}

// onLoaded fills the fields from the stored session. Stored text goes through
// model.Safe, so control and bidi characters cannot reach the terminal.
func (m *Model) onLoaded(msg loadedMsg) {
	if msg.id != m.id {
		return
	}
	m.loaded, m.loadErr = true, msg.err
	if msg.err != nil {
		return
	}
	s := msg.sess
	m.orig = s
	for i, k := range model.Kinds {
		if k == s.Kind {
			m.kind = i
		}
	}
	set := func(f field, v string) { m.inputs[f].SetValue(model.Safe(v, false)) }
	set(fTitle, s.Title)
	set(fDate, displayDate(s.Date))
	set(fStart, s.Start)
	set(fEnd, s.End)
	set(fPlace, s.Place)
	set(fLocality, s.Locality)
	set(fOrganiser, s.Organiser)
	set(fGroup, s.DelegateGroup)
	set(fSitting, s.Sitting)
	set(fDelegates, joinList(s.Delegates))
	set(fChair, s.Chair)
	set(fChairTitle, s.ChairTitle)
	set(fSecretary, s.Secretary)
	if s.Voters > 0 {
		set(fVoters, itoa(s.Voters))
	}
	m.focus = fTitle
	m.focusOn(fTitle)
}

// SetSize sets the area the form draws into.
func (m *Model) SetSize(w, h int) {
	m.w, m.h = w, h
	m.ensureVisible()
}

// Typing is always true: some field has focus, so bare letters are text.
func (m *Model) Typing() bool { return true }

// Help lists the form's keys: the short list is what acts now (the
// suggestion keys while suggestions show, the kind keys on the kind field).
func (m *Model) Help() (short []key.Binding, full [][]key.Binding) {
	k := m.ctx.Keys
	switch {
	case m.sugg.open():
		short = []key.Binding{k.Submit, m.suggPrev, m.suggNext, m.acceptKey, m.closeSugg}
	case m.focus == fKind:
		short = []key.Binding{k.Submit, m.cancel, m.kindKey, m.kindBack, m.next, m.prev}
	default:
		short = []key.Binding{k.Submit, m.cancel, m.next, m.prev}
	}
	full = [][]key.Binding{{k.Submit, m.cancel}, {m.next, m.prev}, {m.suggPrev, m.suggNext, m.acceptKey, m.closeSugg}, {m.kindKey, m.kindBack}}
	return short, full
}

// Update dispatches one message.
func (m *Model) Update(msg tea.Msg) (base.Screen, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case loadedMsg:
		m.onLoaded(msg)
	case namesMsg:
		m.names = normNames(msg.names)
	case previousMsg:
		m.onPrevious(msg)
	case savedMsg:
		cmd = m.onSaved(msg)
	case tea.KeyPressMsg:
		cmd = m.onKey(msg)
	case tea.PasteMsg:
		cmd = m.forward(msg)
	default:
		if m.focus != fKind {
			m.inputs[m.focus], cmd = m.inputs[m.focus].Update(msg)
		}
	}
	m.ensureVisible()
	return m, cmd
}

// onKey: save and cancel first, then the open suggestion list, then moving
// between fields, then the focused field.
func (m *Model) onKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.ctx.Keys
	if !m.loaded || m.loadErr != nil {
		if key.Matches(msg, m.cancel) {
			return m.leave()
		}
		return nil
	}
	if m.saving {
		return nil
	}
	if key.Matches(msg, k.Submit) {
		return m.save()
	}
	if m.sugg.open() {
		switch {
		case key.Matches(msg, m.suggPrev):
			m.sugg.move(-1)
			return nil
		case key.Matches(msg, m.suggNext):
			m.sugg.move(1)
			return nil
		case key.Matches(msg, m.closeSugg):
			m.sugg.close()
			return nil
		case key.Matches(msg, m.acceptKey) && m.sugg.sel >= 0:
			m.accept()
			return nil
		}
	}
	switch {
	case key.Matches(msg, m.next):
		return m.focusOn(min(m.focus+1, nFields-1))
	case key.Matches(msg, m.prev):
		return m.focusOn(max(m.focus-1, 0))
	case key.Matches(msg, m.cancel):
		return m.leave()
	}
	if m.focus == fKind {
		switch {
		case key.Matches(msg, m.kindBack):
			m.kind = (m.kind + len(model.Kinds) - 1) % len(model.Kinds)
		case key.Matches(msg, m.kindKey):
			m.kind = (m.kind + 1) % len(model.Kinds)
		}
		return nil
	}
	return m.forward(msg)
}

// forward gives a key or a paste to the focused input; when its text changed
// the field's error goes and the suggestions follow the new text.
func (m *Model) forward(msg tea.Msg) tea.Cmd {
	if m.focus == fKind {
		return nil
	}
	in := &m.inputs[m.focus]
	if m.prefilled[m.focus] {
		delete(m.prefilled, m.focus)
		if k, ok := msg.(tea.KeyPressMsg); ok && k.Text != "" {
			in.SetValue("")
		}
	}
	before := in.Value()
	var cmd tea.Cmd
	*in, cmd = in.Update(msg)
	if in.Value() != before {
		m.errs[m.focus] = ""
		m.refreshSuggestions()
	}
	return cmd
}

func (m *Model) focusOn(f field) tea.Cmd {
	for i := range m.inputs {
		m.inputs[i].Blur()
		// A field without focus shows its beginning, not the tail that
		// was last typed.
		m.inputs[i].CursorStart()
	}
	m.focus = f
	m.sugg.close()
	if f == fKind {
		return nil
	}
	m.inputs[f].CursorEnd()
	return m.inputs[f].Focus()
}

// leave cancels: a new session goes back home, an edited one back to its
// session screen.
func (m *Model) leave() tea.Cmd {
	if m.id == 0 {
		return send(base.GoHomeMsg{})
	}
	return send(base.OpenSessionMsg{ID: m.id})
}

// save checks the fields, then writes the session in a command.
func (m *Model) save() tea.Cmd {
	t := m.ctx.Text
	sess, ok, other := m.collect()
	if !ok {
		n := 0
		first := nFields
		for f, e := range m.errs {
			if e != "" {
				n++
				first = min(first, field(f))
			}
		}
		m.formErr = t.F("form.fixerrors", n)
		return m.focusOn(first)
	}
	if other != nil {
		m.formErr = t.F("form.saveerr", other)
		return nil
	}
	db := m.db
	if db == nil {
		return nil
	}
	m.formErr, m.saving = "", true
	if m.id == 0 {
		return func() tea.Msg {
			s, err := db.CreateSession(sess)
			return savedMsg{id: s.ID, created: true, err: err}
		}
	}
	return func() tea.Msg { return savedMsg{id: sess.ID, err: db.UpdateSession(sess)} }
}

func (m *Model) onSaved(msg savedMsg) tea.Cmd {
	m.saving = false
	if msg.err != nil {
		m.formErr = m.ctx.Text.F("form.saveerr", msg.err)
		return nil
	}
	m.id = msg.id
	status := "form.updated"
	if msg.created {
		status = "form.created"
	}
	return tea.Batch(send(base.OpenSessionMsg{ID: msg.id}), send(base.StatusMsg{Text: m.ctx.Text.S(status)}))
}

func send(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }
