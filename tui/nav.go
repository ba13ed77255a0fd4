package tui

import (
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"txct/store/demo"
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
		next = newHome(m.ctx)
	case base.OpenSessionMsg:
		next = newCapture(m.ctx, msg.ID)
		m.SessionOpened = true
	case base.EditSessionMsg:
		next = newSessionForm(m.ctx, msg.ID)
	case base.OpenArchiveMsg:
		next = newArchive(m.ctx, msg.ID)
	case base.OpenReviewMsg:
		next = newReview(m.ctx, msg.ID)
	case base.OpenStatsMsg:
		next = newStats(m.ctx, msg.ID)
	case base.OpenExportMsg:
		next = newExport(m.ctx, msg.ID)
	case firstRunMsg:
		m.offer = true
		return nil, true
	default:
		return nil, false
	}
	m.leave()
	m.screen = next
	m.screen.SetSize(m.screenSize())
	return m.screen.Init(), true
}

// loadIndex loads the repeat index off the UI goroutine, so the first frame
// does not wait for a large archive.
func loadIndex(ctx *base.Context) tea.Cmd {
	if ctx.DB == nil {
		return nil
	}
	db := ctx.DB
	return func() tea.Msg {
		err := db.LoadIndex()
		return base.IndexReadyMsg{Count: db.ArchiveCount(), Err: err}
	}
}

// firstRun offers the demo once, on a database with no sessions and no archive.
func (m *Model) firstRun() tea.Cmd {
	db := m.ctx.DB
	if db == nil || db.ReadOnly() {
		return nil
	}
	return func() tea.Msg {
		if db.DemoOffered() || db.HasArchive() {
			return nil
		}
		if ss, err := db.Sessions(); err != nil || len(ss) > 0 {
			return nil
		}
		return firstRunMsg{}
	}
}

func (m *Model) answerOffer(msg tea.KeyPressMsg) tea.Cmd {
	switch strings.ToLower(msg.String()) {
	case "y", "c", "enter":
		m.offer = false
		_ = m.ctx.DB.SetDemoOffered()
		return loadDemo(m.ctx)
	case "n", "k", "esc":
		m.offer = false
		_ = m.ctx.DB.SetDemoOffered()
	}
	return nil
}

func loadDemo(ctx *base.Context) tea.Cmd {
	db, now := ctx.DB, ctx.Now()
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
	m.leave()
	m.screen = newHome(m.ctx)
	m.screen.SetSize(m.screenSize())
	return tea.Batch(m.screen.Init(), loadIndex(m.ctx))
}

func (m *Model) offerView() string {
	s, t := m.ctx.Styles, m.ctx.Text
	box := s.Overlay.Width(min(70, m.ctx.Width-4)).Render(
		s.Title.Render(t.S("app.welcome")) + "\n\n" + t.S("app.demooffer") + "\n\n" + s.Subtitle.Render(t.S("app.demokeys")))
	return lipgloss.Place(m.ctx.Width, m.ctx.Height, lipgloss.Center, lipgloss.Center, box)
}

func truncate(s string, w int) string { return ansi.Truncate(s, w, "…") }

func pad(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat(" ", n)
}
