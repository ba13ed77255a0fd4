// Package exportui is the export dialog: the clerk picks the formats and the
// folder, txct writes the minutes, the summary report and the spreadsheet,
// and the dialog lists the files written.
package exportui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"txct/export"
	"txct/store"
	"txct/store/model"
	"txct/store/userdirs"
	"txct/tui/base"
)

// Rows of the dialog, in tab order.
const (
	rowDocx = iota
	rowXlsx
	rowMd
	rowRound   // the round's report too (shown when the round has 2+ points)
	rowSame    // opens the round screen (same demands across points)
	rowSitting // the sitting's report too (shown with 2+ delegate groups)
	rowForce
	rowOnlyThis
	rowTo
	rowSigner
	rowRepParent
	rowRepBody
	rowMinParent
	rowMinBody
	rowDir
	rowGo
	nRows
)

// Store is what the export dialog reads and writes.
type Store interface {
	Session(id uint64) (model.Session, error)
	ExportSession(id uint64, now time.Time, write func(model.Snapshot) ([]string, error)) ([]string, error)
	Profile() model.Profile
	SetProfile(p model.Profile) error
	UpdateSession(sess model.Session) error
	Snapshot(id uint64) (model.Snapshot, error)
	ExportCheck(snap model.Snapshot) ([]store.CheckItem, error)
	RoundSessions(id uint64) ([]model.Session, error)
	SittingSessions(sitting string) ([]model.Session, error)
	RoundSnapshot(sessions []model.Session) (model.Snapshot, error)
}

var _ Store = (*store.Store)(nil)

// Model is the export dialog.
type Model struct {
	ctx     *base.Context
	db      Store
	id      uint64
	sess    model.Session
	loaded  bool
	formats [3]bool // docx, xlsx, md
	force   bool
	// onlyThis keeps changed issuers with this session instead of
	// remembering them for every export.
	onlyThis bool
	dir      textinput.Model
	to       textinput.Model // the report's addressee ("Kính gửi")
	signer   textinput.Model // the name under the report's signature
	// Who issues the report and who keeps the minutes: parent body and
	// body, filled in with what the export would use (was); what the clerk
	// changes is remembered for later exports.
	repParent, repBody, minParent, minBody textinput.Model
	was                                    model.Profile
	row                                    int
	busy                                   bool
	files                                  []string
	err                                    error
	w, h                                   int
	// The pre-export check: what is still half-made, the highlighted item
	// (the session screen opens on its remark), and whether it ran.
	items    []store.CheckItem
	item     int
	checked  bool
	checkErr error
	// The session's round and sitting, and whether their reports are
	// written too.
	round                  roundMsg
	withRound, withSitting bool
}

// roundMsg is what the dialog knows of the session's round and sitting.
type roundMsg struct {
	points               int // sessions in the round
	suggested, confirmed int // same demands across its points
	groups, sitPoints    int // delegate groups and sessions of the sitting
	err                  error
}

type loadedMsg struct {
	sess     model.Session
	defaults model.Profile
	err      error
}

// checkedMsg carries the pre-export check.
type checkedMsg struct {
	items []store.CheckItem
	err   error
}

type doneMsg struct {
	files []string
	err   error
}

// New builds the dialog for session id.
func New(ctx *base.Context, db Store, id uint64) *Model {
	ti := textinput.New()
	ti.Prompt = ""
	ti.SetVirtualCursor(false)
	ti.SetValue(DefaultDir())
	ti.CharLimit = 1024
	mk := func(ph string) textinput.Model {
		in := textinput.New()
		in.Prompt = ""
		in.SetVirtualCursor(false)
		in.CharLimit = 200
		in.Placeholder = ctx.Text.S(ph)
		return in
	}
	return &Model{ctx: ctx, db: db, id: id, formats: [3]bool{true, true, false}, dir: ti, to: mk("exp.ph.to"), signer: mk("exp.ph.signer"),
		repParent: mk("exp.ph.parent"), repBody: mk("exp.ph.body"), minParent: mk("exp.ph.parent"), minBody: mk("exp.ph.body"), row: rowGo}
}

// input is the text field of a row, or nil for a check box or the button.
func (m *Model) input(row int) *textinput.Model {
	switch row {
	case rowTo:
		return &m.to
	case rowSigner:
		return &m.signer
	case rowRepParent:
		return &m.repParent
	case rowRepBody:
		return &m.repBody
	case rowMinParent:
		return &m.minParent
	case rowMinBody:
		return &m.minBody
	case rowDir:
		return &m.dir
	}
	return nil
}

// DefaultDir is where documents go unless the clerk says otherwise: the
// user's Documents folder as the system knows it (on Windows it may be on
// OneDrive), else the home folder, else the working folder.
func DefaultDir() string {
	if d := userdirs.Documents(); d != "" {
		return d
	}
	if home, err := os.UserHomeDir(); err == nil {
		return home
	}
	wd, _ := os.Getwd()
	return wd
}

// Init loads the session.
func (m *Model) Init() tea.Cmd {
	db, id := m.db, m.id
	return tea.Batch(func() tea.Msg {
		s, err := db.Session(id)
		return loadedMsg{sess: s, defaults: db.Profile(), err: err}
	}, m.check(), m.roundInfo())
}

// roundInfo reads the session's round and sitting off the UI goroutine.
func (m *Model) roundInfo() tea.Cmd {
	db, id := m.db, m.id
	return func() tea.Msg {
		var out roundMsg
		list, err := db.RoundSessions(id)
		if err != nil || len(list) == 0 {
			return roundMsg{err: err}
		}
		out.points = len(list)
		snap, err := db.RoundSnapshot(list)
		if err != nil {
			return roundMsg{err: err}
		}
		out.suggested = len(store.RoundSuggestions(snap))
		for _, r := range snap.Remarks {
			if r.SameAs != 0 {
				out.confirmed++
			}
		}
		if sitting := list[0].Sitting; strings.TrimSpace(sitting) != "" {
			all, err := db.SittingSessions(sitting)
			if err != nil {
				return roundMsg{err: err}
			}
			groups := map[string]bool{}
			for _, s := range all {
				groups[store.RoundKey(s)] = true
			}
			out.groups, out.sitPoints = len(groups), len(all)
		}
		return out
	}
}

// shown tells whether row is on the dialog: the round's rows only when
// the round has several points, the sitting's when several delegate groups
// held sessions for it.
func (m *Model) shown(row int) bool {
	switch row {
	case rowRound, rowSame:
		return m.round.points >= 2
	case rowSitting:
		return m.round.groups >= 2
	}
	return true
}

// check runs the pre-export check off the UI goroutine.
func (m *Model) check() tea.Cmd {
	db, id := m.db, m.id
	return func() tea.Msg {
		snap, err := db.Snapshot(id)
		if err != nil {
			return checkedMsg{err: err}
		}
		items, err := db.ExportCheck(snap)
		return checkedMsg{items: items, err: err}
	}
}

// Update handles keys and results.
func (m *Model) Update(msg tea.Msg) (base.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		m.sess, m.err, m.loaded = msg.sess, msg.err, true
		m.was = export.Issuers(msg.sess, export.Options{Defaults: msg.defaults})
		m.repParent.SetValue(m.was.Report.Parent)
		m.repBody.SetValue(m.was.Report.Body)
		m.minParent.SetValue(m.was.Minutes.Parent)
		m.minBody.SetValue(m.was.Minutes.Body)
		return m, nil
	case roundMsg:
		m.round = msg
		if msg.err != nil {
			m.err = msg.err
		}
		return m, nil
	case checkedMsg:
		m.items, m.checkErr, m.checked = msg.items, msg.err, true
		m.item = min(m.item, max(0, len(m.items)-1))
		return m, nil
	case doneMsg:
		m.busy, m.files, m.err = false, msg.files, msg.err
		if msg.err == nil {
			return m, func() tea.Msg { return base.StatusMsg{Text: m.ctx.Text.F("exp.done", len(msg.files))} }
		}
		return m, nil
	case tea.KeyPressMsg:
		return m, m.onKey(msg)
	case tea.PasteMsg:
		if in := m.input(m.row); in != nil {
			var cmd tea.Cmd
			*in, cmd = in.Update(msg)
			return m, cmd
		}
	}
	return m, nil
}

func (m *Model) onKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.ctx.Keys
	switch {
	case key.Matches(msg, k.Back):
		return func() tea.Msg { return base.OpenSessionMsg{ID: m.id} }
	case key.Matches(msg, k.NextMatch):
		if len(m.items) > 0 {
			m.item = (m.item + 1) % len(m.items)
		}
		return nil
	case key.Matches(msg, k.Details):
		if m.item < len(m.items) {
			at := m.items[m.item].RemarkID
			return func() tea.Msg { return base.OpenSessionMsg{ID: m.id, Remark: at} }
		}
		return nil
	case key.Matches(msg, k.NextField, k.ArrowDown):
		return m.move(1)
	case key.Matches(msg, k.PrevField, k.ArrowUp):
		return m.move(-1)
	case key.Matches(msg, k.Submit), key.Matches(msg, k.Open) && (m.row == rowGo || m.row == rowDir):
		return m.run()
	case key.Matches(msg, k.Open) && m.row == rowSame:
		id := m.id
		return func() tea.Msg { return base.OpenRoundMsg{ID: id} }
	case key.Matches(msg, k.Open) && m.input(m.row) != nil:
		return m.move(1)
	}
	if in := m.input(m.row); in != nil {
		var cmd tea.Cmd
		*in, cmd = in.Update(msg)
		return cmd
	}
	if key.Matches(msg, k.Toggle, k.Open) {
		switch m.row {
		case rowDocx, rowXlsx, rowMd:
			m.formats[m.row] = !m.formats[m.row]
		case rowForce:
			m.force = !m.force
		case rowOnlyThis:
			m.onlyThis = !m.onlyThis
		case rowRound:
			m.withRound = !m.withRound
		case rowSitting:
			m.withSitting = !m.withSitting
		}
	}
	return nil
}

// move goes d rows down (up when negative), over the rows not shown.
func (m *Model) move(d int) tea.Cmd {
	r := m.row
	for range nRows {
		if r = ((r+d)%nRows + nRows) % nRows; m.shown(r) {
			break
		}
	}
	return m.focus(r)
}

func (m *Model) focus(r int) tea.Cmd {
	m.row = (r%nRows + nRows) % nRows
	for row := rowTo; row <= rowDir; row++ {
		m.input(row).Blur()
	}
	if in := m.input(m.row); in != nil {
		return in.Focus()
	}
	return nil
}

// chosen lists the chosen formats by name.
func (m *Model) chosen() []string {
	var out []string
	for i, name := range []string{"docx", "xlsx", "md"} {
		if m.formats[i] {
			out = append(out, name)
		}
	}
	return out
}

// run writes the documents in a command.
func (m *Model) run() tea.Cmd {
	if m.busy || !m.loaded {
		return nil
	}
	formats := m.chosen()
	if len(formats) == 0 {
		m.err = errNoFormat{m.ctx.Text.S("exp.noformat")}
		return nil
	}
	dir := userdirs.ExpandHome(strings.TrimSpace(m.dir.Value()))
	m.busy, m.err, m.files = true, nil, nil
	db, id, now := m.db, m.id, m.ctx.Now()
	changed, onlyThis := m.changedIssuers(), m.onlyThis
	withRound, withSitting := m.withRound && m.shown(rowRound), m.withSitting && m.shown(rowSitting)
	opts := export.Options{Today: now, Force: m.force, SentTo: strings.TrimSpace(m.to.Value()), Profile: m.issuers()}
	opts.Profile.Report.Signer = strings.TrimSpace(m.signer.Value())
	return func() tea.Msg {
		// What the clerk changed stays with this session, or is remembered
		// for the next exports.
		opts.Defaults = db.Profile()
		switch {
		case changed.Minutes.IsZero() && changed.Report.IsZero():
		case onlyThis:
			s, err := db.Session(id)
			if err == nil {
				s.Issuers = changed.Or(s.Issuers)
				err = db.UpdateSession(s)
			}
			if err != nil {
				return doneMsg{err: err}
			}
		default:
			opts.Defaults = changed.Or(opts.Defaults)
			if err := db.SetProfile(opts.Defaults); err != nil {
				return doneMsg{err: err}
			}
		}
		files, err := db.ExportSession(id, now, func(snap model.Snapshot) ([]string, error) {
			return export.WriteFiles(dir, snap, formats, opts)
		})
		if err != nil {
			return doneMsg{files: files, err: err}
		}
		// The round's and the sitting's reports, on the same document
		// model, once this session's petitions are in the archive.
		for _, sitting := range []bool{false, true} {
			if !sitting && !withRound || sitting && !withSitting {
				continue
			}
			more, err := writeRound(db, id, dir, formats, opts, sitting)
			files = append(files, more...)
			if err != nil {
				return doneMsg{files: files, err: err}
			}
		}
		return doneMsg{files: files}
	}
}

// writeRound writes the report of session id's round, or of its sitting.
func writeRound(db Store, id uint64, dir string, formats []string, opts export.Options, sitting bool) ([]string, error) {
	list, err := db.RoundSessions(id)
	if err == nil && sitting && len(list) > 0 {
		list, err = db.SittingSessions(list[0].Sitting)
	}
	if err != nil {
		return nil, err
	}
	snap, err := db.RoundSnapshot(list)
	if err != nil {
		return nil, err
	}
	return export.WriteRound(dir, snap, formats, opts, sitting)
}

// issuers is who the dialog says issues each document. A body changed
// without its parent drops the parent the old body had.
func (m *Model) issuers() model.Profile {
	v := func(in textinput.Model) string { return strings.TrimSpace(in.Value()) }
	p := model.Profile{
		Report:  model.Issuer{Parent: v(m.repParent), Body: v(m.repBody)},
		Minutes: model.Issuer{Parent: v(m.minParent), Body: v(m.minBody)},
	}
	// A new body gets its own code and capacity, not the old body's.
	if p.Report.Body == m.was.Report.Body {
		p.Report.Code, p.Report.Capacity = m.was.Report.Code, m.was.Report.Capacity
	}
	if p.Minutes.Body == m.was.Minutes.Body {
		p.Minutes.Code, p.Minutes.Capacity = m.was.Minutes.Code, m.was.Minutes.Capacity
	}
	return p
}

// changedIssuers is what the clerk changed in the issuer fields.
func (m *Model) changedIssuers() model.Profile {
	p, out := m.issuers(), model.Profile{}
	if p.Report.Parent != m.was.Report.Parent || p.Report.Body != m.was.Report.Body {
		out.Report = model.Issuer{Parent: p.Report.Parent, Body: p.Report.Body}
	}
	if p.Minutes.Parent != m.was.Minutes.Parent || p.Minutes.Body != m.was.Minutes.Body {
		out.Minutes = model.Issuer{Parent: p.Minutes.Parent, Body: p.Minutes.Body}
	}
	return out
}

type errNoFormat struct{ s string }

func (e errNoFormat) Error() string { return e.s }

// View draws the dialog.
func (m *Model) View() string {
	s, t := m.ctx.Styles, m.ctx.Text
	if !m.loaded {
		return s.Muted.Render(t.S("exp.loading"))
	}
	var b strings.Builder
	b.WriteString(s.Title.Render(t.S("exp.title")) + "\n")
	b.WriteString(s.Muted.Render(model.Safe(m.sess.Title, false)+" · "+base.ShortDate(m.sess.Date)) + "\n")
	dl, dst := m.ctx.DeadlineLabel(&m.sess)
	b.WriteString(s.Label.Render(t.S("exp.deadline")+" ") + dst.Render(dl+" ("+m.ctx.DueDate(&m.sess)+")") + "\n\n")
	check := func(row int, on bool, label string) {
		box := "[ ]"
		if on {
			box = "[x]"
		}
		line := box + " " + label
		if m.row == row {
			line = s.Selected.Render("› " + line)
		} else {
			line = "  " + line
		}
		b.WriteString(line + "\n")
	}
	check(rowDocx, m.formats[0], t.S("exp.docx"))
	check(rowXlsx, m.formats[1], t.S("exp.xlsx"))
	check(rowMd, m.formats[2], t.S("exp.md"))
	if m.shown(rowRound) {
		check(rowRound, m.withRound, t.F("exp.round", m.round.points))
		same := "    " + t.F("exp.same", m.round.suggested, m.round.confirmed)
		if m.row == rowSame {
			same = s.Selected.Render("  › " + t.F("exp.same", m.round.suggested, m.round.confirmed))
		} else if m.round.suggested > 0 {
			same = s.Warn.Render(same)
		}
		b.WriteString(ansi.Truncate(same, max(20, m.w), "…") + "\n")
	}
	if m.shown(rowSitting) {
		check(rowSitting, m.withSitting, t.F("exp.sitting", m.round.groups, m.round.sitPoints))
	}
	check(rowForce, m.force, t.S("exp.force"))
	check(rowOnlyThis, m.onlyThis, t.S("exp.onlythis"))
	b.WriteString("\n")
	for _, f := range []struct {
		row   int
		label string
	}{{rowTo, "exp.to"}, {rowSigner, "exp.signer"}, {rowRepParent, "exp.rep.parent"}, {rowRepBody, "exp.rep.body"},
		{rowMinParent, "exp.min.parent"}, {rowMinBody, "exp.min.body"}, {rowDir, "exp.dir"}} {
		lbl := fmt.Sprintf("  %-*s ", labelW, t.S(f.label))
		if m.row == f.row {
			lbl = s.Cursor.Render(fmt.Sprintf("› %-*s", labelW, t.S(f.label))) + " "
		}
		in := m.input(f.row)
		in.SetWidth(max(20, m.w-lipgloss.Width(lbl)-2))
		b.WriteString(lbl + in.View() + "\n")
	}
	b.WriteString("\n")
	goLbl := "[ " + t.S("exp.go") + " ]"
	if m.row == rowGo {
		goLbl = s.Selected.Render(goLbl)
	}
	// What the last export did: on lines under the button, or, where they
	// would fall below the screen (80×24 with the round's and the sitting's
	// rows), on the button's own line, as much as fits.
	var long []string
	short := ""
	switch {
	case m.busy:
		short = s.Muted.Render(t.S("exp.busy"))
		long = []string{short}
	case m.err != nil:
		short = s.Error.Render(strings.Join(strings.Fields(m.errText()), " "))
		long = []string{s.Error.Render(lipgloss.NewStyle().Width(max(20, m.w-2)).Render(m.errText()))}
	case len(m.files) > 0:
		names := make([]string, len(m.files))
		for i, f := range m.files {
			names[i] = filepath.Base(f)
		}
		short = s.OK.Render(model.Safe(t.F("exp.written.n", len(m.files), filepath.Dir(m.files[0]), strings.Join(names, ", ")), false))
		long = []string{s.OK.Render(t.S("exp.written"))}
		for _, f := range m.files {
			long = append(long, "  "+model.Safe(f, false))
		}
	}
	if short != "" && m.h-strings.Count(b.String(), "\n")-2 < lipgloss.Height(strings.Join(long, "\n")) {
		b.WriteString(ansi.Truncate("  "+goLbl+"  "+short, max(20, m.w), "…") + "\n\n")
	} else {
		b.WriteString("  " + goLbl + "\n\n")
		for _, l := range long {
			b.WriteString(l + "\n")
		}
	}
	m.checkView(&b)
	return b.String()
}

// checkView lists the pre-export check under the dialog, as many items as
// fit, the highlighted one kept in view.
func (m *Model) checkView(b *strings.Builder) {
	s, t, k := m.ctx.Styles, m.ctx.Text, m.ctx.Keys
	switch {
	case !m.checked:
		return
	case m.checkErr != nil:
		b.WriteString(s.Error.Render(t.F("app.error", m.checkErr)) + "\n")
		return
	case len(m.items) == 0:
		b.WriteString(s.OK.Render(t.S("check.none")) + "\n")
		return
	}
	b.WriteString(s.Warn.Render(t.F("check.title", len(m.items))) + s.Muted.Render(" · "+
		t.F("exp.checkkeys", base.KeyNames(k.NextMatch), base.KeyNames(k.Details))) + "\n")
	room := max(1, m.h-strings.Count(b.String(), "\n")-1)
	first := max(0, min(m.item-room/2, len(m.items)-room))
	for i := first; i < len(m.items) && i < first+room; i++ {
		line := "  " + t.CheckLine(m.items[i])
		if i == m.item {
			line = s.Selected.Render("› " + t.CheckLine(m.items[i]))
		}
		b.WriteString(ansi.Truncate(line, m.w, "…") + "\n")
	}
}

// errText words the export's error in the UI language where it is one the
// clerk can act on (the folder), and as it came otherwise.
func (m *Model) errText() string {
	t, dir := m.ctx.Text, model.Safe(userdirs.ExpandHome(strings.TrimSpace(m.dir.Value())), false)
	if msg, ok := t.FileError(m.err); ok {
		return model.Safe(msg, false)
	}
	switch {
	case errors.Is(m.err, export.ErrNoFolder):
		return t.F("exp.err.nofolder", dir)
	case errors.Is(m.err, export.ErrNotFolder):
		return t.F("exp.err.notfolder", dir)
	case errors.Is(m.err, export.ErrNotWritable):
		return t.F("exp.err.notwritable", dir)
	}
	return t.F("app.error", m.err)
}

// SetSize records the area.
func (m *Model) SetSize(w, h int) { m.w, m.h = w, h }

// labelW is the width of the text fields' labels, in cells.
const labelW = 22

// Typing is true while a text field has focus.
func (m *Model) Typing() bool { return m.input(m.row) != nil }

// Cursor puts the real cursor in the folder field.
func (m *Model) Cursor() *tea.Cursor {
	in := m.input(m.row)
	if in == nil || !m.loaded {
		return nil
	}
	// Title, session, deadline, a blank line, five check boxes and the
	// round's rows shown, a blank line, then the fields in row order.
	extra := 0
	for _, r := range []int{rowRound, rowSame, rowSitting} {
		if m.shown(r) {
			extra++
		}
	}
	return tea.NewCursor(2+labelW+1+in.Position(), 10+extra+m.row-rowTo)
}

// Help lists the dialog's keys.
func (m *Model) Help() ([]key.Binding, [][]key.Binding) {
	k, t := m.ctx.Keys, m.ctx.Text
	// The dialog's actions are the key map's keys under the names they have
	// here.
	as := func(b key.Binding, help string) key.Binding { return base.Relabel(b, t.S(help)) }
	toggle := as(k.Toggle, "exp.toggle")
	short := []key.Binding{k.NextField, toggle, as(k.Submit, "exp.run"), k.Back}
	return short, [][]key.Binding{short, {k.PrevField, k.ArrowDown, k.ArrowUp, as(k.Open, "exp.enterkey")},
		{as(k.NextMatch, "exp.nextitem"), as(k.Details, "exp.openremark")}}
}
