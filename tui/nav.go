package tui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"txct/store"
	"txct/store/demo"
	"txct/store/model"
	"txct/tui/base"
)

type (
	savedMsg struct {
		err error
		at  time.Time
	}
	demoLoadedMsg struct {
		session uint64
		err     error
	}
	firstRunMsg struct{}
)

// navigate switches screens on the navigation messages of base.
func (m *Model) navigate(msg tea.Msg) (tea.Cmd, bool) {
	var next base.Screen
	switch msg := msg.(type) {
	case base.GoHomeMsg:
		next = m.newHome()
	case base.OpenSessionMsg:
		next = m.newCapture(msg.ID, msg.Remark)
		m.SessionOpened = true
	case base.EditSessionMsg:
		next = m.newSessionForm(msg.ID)
	case base.OpenArchiveMsg:
		next = m.newArchive(msg.ID)
	case base.OpenReviewMsg:
		next = m.newReview(msg.ID)
	case base.OpenStatsMsg:
		next = m.newStats(msg.ID)
	case base.OpenExportMsg:
		next = m.newExport(msg.ID)
	case base.OpenRoundMsg:
		next = m.newRound(msg.ID)
	case firstRunMsg:
		m.offer = true
		return nil, true
	case leaveShareMsg:
		m.stopShare()
		return m.navigate(msg.to)
	default:
		return nil, false
	}
	if m.share.srv != nil && sessionOf(msg) != m.share.session {
		// Leaving the shared session would stop sharing and every device
		// would lose the page: a reflex Esc must not do that unasked.
		m.ask = &question{text: m.ctx.Text.F("share.leaveask", m.share.viewers),
			yes: func() tea.Msg { return leaveShareMsg{to: msg} }}
		return nil, true
	}
	return m.switchTo(next, sessionOf(msg)), true
}

// switchTo leaves the current screen (its changes go to the autosaver),
// points sharing at session shared (0: none), shows next at the current size
// and starts it.
func (m *Model) switchTo(next base.Screen, shared uint64) tea.Cmd {
	m.leave()
	m.followShare(shared)
	m.screen = next
	m.screen.SetSize(m.screenSize())
	return m.afterSaves(m.screen.Init())
}

// afterSaves runs init (a screen's first read of the store) once the changes
// the last screen left with the autosaver are written: a session opened
// again at once must show its last keystrokes, not an older copy that its
// next edit would save over them.
func (m *Model) afterSaves(init tea.Cmd) tea.Cmd {
	a := m.db.Autosaver(0, nil)
	return func() tea.Msg {
		if err := a.Flush(); err != nil {
			return tea.BatchMsg{func() tea.Msg { return base.StatusMsg{Err: err} }, init}
		}
		if init == nil {
			return nil
		}
		return init()
	}
}

// loadIndex loads the repeat index off the UI goroutine, so the first frame
// does not wait for a large archive.
func loadIndex(db *store.Store) tea.Cmd {
	return func() tea.Msg {
		err := db.LoadIndex()
		return base.IndexReadyMsg{Count: db.ArchiveCount(), Err: err}
	}
}

// firstRun offers the demo once, on a database with no sessions and no archive.
func (m *Model) firstRun() tea.Cmd {
	db := m.db
	if db.ReadOnly() {
		return nil
	}
	return func() tea.Msg {
		offered, err := db.DemoOffered()
		if err != nil {
			return base.StatusMsg{Err: err}
		}
		if offered || db.HasArchive() {
			return nil
		}
		if ss, err := db.Sessions(); err != nil || len(ss) > 0 {
			return nil
		}
		return firstRunMsg{}
	}
}

// answerOffer takes the reply to the first-run offer, on an empty database:
// yes or Enter loads the demo, no or Esc starts empty; other keys wait.
func (m *Model) answerOffer(msg tea.KeyPressMsg) tea.Cmd {
	k := m.ctx.Keys
	switch {
	case key.Matches(msg, k.Yes, k.Open):
		m.offer = false
		return tea.Batch(setDemoOffered(m.db), loadDemo(m.db, m.ctx.Now()))
	case key.Matches(msg, k.No):
		m.offer = false
		return setDemoOffered(m.db)
	}
	return nil
}

// demoAskMsg carries what the demo key found: demo records on file (then it
// offers to remove them) or real work (then loading says it goes beside it).
type demoAskMsg struct {
	rows store.DemoRows
	real bool
	err  error
}

// askDemo looks at the database off the UI goroutine before asking.
func askDemo(db *store.Store) tea.Cmd {
	if db.ReadOnly() {
		return nil
	}
	return func() tea.Msg {
		real, err := demo.HasRealData(db)
		return demoAskMsg{rows: db.DemoRows(), real: real, err: err}
	}
}

// onDemoAsk puts the question: remove the demo when it is there, else load
// it (beside real work, never over it). Nothing happens without "y".
func (m *Model) onDemoAsk(msg demoAskMsg) {
	t := m.ctx.Text
	switch {
	case msg.err != nil:
		m.setStatus("", msg.err)
	case !msg.rows.Empty():
		m.ask = &question{text: t.F("app.demoremoveask", len(msg.rows.Sessions), len(msg.rows.Petitions)), yes: removeDemo(m.db)}
	case msg.real:
		m.ask = &question{text: t.S("app.demobeside"), yes: loadDemo(m.db, m.ctx.Now())}
	default:
		m.ask = &question{text: t.S("app.demoask"), yes: loadDemo(m.db, m.ctx.Now())}
	}
}

// question is a yes/no question over the whole screen; y (yes) or c (có)
// runs yes, any other key cancels.
// leaveShareMsg goes on to the navigation to, once the secretary has agreed
// that leaving the shared session stops sharing.
type leaveShareMsg struct{ to tea.Msg }

type question struct {
	text string
	yes  tea.Cmd
}

func (m *Model) answerQuestion(msg tea.KeyPressMsg) tea.Cmd {
	q := m.ask
	m.ask = nil
	if key.Matches(msg, m.ctx.Keys.Yes) {
		return q.yes
	}
	m.setStatus(m.ctx.Text.S("app.cancelled"), nil)
	return nil
}

// noticeView shows the start-up notice in a box; any key closes it.
func (m *Model) noticeView() string {
	return m.boxView(model.Safe(m.notice, false), m.ctx.Text.S("app.anykey"))
}

func (m *Model) questionView() string {
	return m.boxView(m.ask.text, m.ctx.Text.S("app.yesno"))
}

// boxView draws text in a box over the middle of the screen, with footer
// (what the keys do) under it.
func (m *Model) boxView(text, footer string) string {
	box := m.ctx.Styles.Overlay.Width(min(70, m.ctx.Width-4)).Render(text + "\n\n" + m.ctx.Styles.Subtitle.Render(footer))
	return lipgloss.Place(m.ctx.Width, m.ctx.Height, lipgloss.Center, lipgloss.Center, box)
}

type demoRemovedMsg struct {
	rows store.DemoRows
	err  error
}

func removeDemo(db *store.Store) tea.Cmd {
	return func() tea.Msg {
		d, err := demo.Remove(db)
		return demoRemovedMsg{rows: d, err: err}
	}
}

func (m *Model) onDemoRemoved(msg demoRemovedMsg) tea.Cmd {
	if msg.err != nil {
		m.setStatus("", msg.err)
		return nil
	}
	m.setStatus(m.ctx.Text.F("app.demoremoved", len(msg.rows.Sessions), len(msg.rows.Petitions)), nil)
	return m.switchTo(m.newHome(), 0)
}

// setDemoOffered records, off the UI goroutine, that the demo was offered;
// a failed write shows on the status line.
func setDemoOffered(db *store.Store) tea.Cmd {
	return func() tea.Msg {
		if err := db.SetDemoOffered(); err != nil {
			return base.StatusMsg{Err: err}
		}
		return nil
	}
}

func loadDemo(db *store.Store, now time.Time) tea.Cmd {
	return func() tea.Msg {
		id, err := demo.Load(db, now)
		return demoLoadedMsg{session: id, err: err}
	}
}

func (m *Model) onDemoLoaded(msg demoLoadedMsg) tea.Cmd {
	if msg.err != nil {
		m.setStatus("", msg.err)
		return nil
	}
	m.setStatus(m.ctx.Text.S("app.demoloaded"), nil)
	return tea.Batch(m.switchTo(m.newHome(), 0), loadIndex(m.db))
}

func (m *Model) offerView() string {
	s, t := m.ctx.Styles, m.ctx.Text
	return m.boxView(s.Title.Render(t.S("app.welcome"))+"\n\n"+t.S("app.demooffer"),
		t.F("app.demokeys", base.KeyNames(m.ctx.Keys.Yes)+"/"+base.KeyNames(m.ctx.Keys.Open), base.KeyNames(m.ctx.Keys.No)))
}

func truncate(s string, w int) string { return ansi.Truncate(s, w, "…") }

func pad(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat(" ", n)
}
