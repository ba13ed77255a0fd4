package tui

import (
	"errors"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"txct/export/live"
	"txct/tui/base"
)

// share is the root's sharing of one session with the delegates' devices:
// the live view's server, started from the session screen and stopped when
// the app leaves that session or quits. It lives in the root, not in a
// screen, so the review, statistics and export of the same session keep it.
type share struct {
	srv     *live.Server
	session uint64
	qr      string
	show    bool // the box with the address and QR code is open
	gen     int  // ticks of an older share are ignored
	addr    string
	viewers int
	lost    bool
}

type (
	shareStartedMsg struct {
		session uint64
		srv     *live.Server
		err     error
	}
	shareTickMsg struct{ gen int }
)

// onShare answers the session screen's share key: it opens the box when
// this session is already shared, otherwise starts sharing it off the UI
// goroutine (the first rendering reads the session and its matches).
func (m *Model) onShare(msg base.ShareMsg) tea.Cmd {
	if m.share.srv != nil && m.share.session == msg.ID {
		m.share.show = true
		return nil
	}
	m.stopShare()
	db, addr, en := m.db, m.share.addr, m.ctx.Text.Lang == base.EN
	return func() tea.Msg {
		srv, err := live.Start(db, live.Options{Session: msg.ID, Addr: addr, English: en})
		return shareStartedMsg{session: msg.ID, srv: srv, err: err}
	}
}

func (m *Model) onShareStarted(msg shareStartedMsg) tea.Cmd {
	t := m.ctx.Text
	switch {
	case errors.Is(msg.err, live.ErrNoNetwork):
		m.setStatus(t.S("share.nonetwork"), nil)
		m.statusErr = true
		return nil
	case msg.err != nil:
		m.setStatus("", errors.New(t.S("share.failed")+": "+t.Err(msg.err)))
		return nil
	}
	if m.sharedSession() != msg.session {
		msg.srv.Close() // the user left the session meanwhile
		return nil
	}
	q, _ := live.QR(msg.srv.URL())
	m.share.srv, m.share.session, m.share.qr, m.share.show = msg.srv, msg.session, q, true
	m.share.gen++
	m.share.viewers, m.share.lost = 0, false
	m.setStatus(t.F("share.started", msg.srv.URL()), nil)
	return m.shareTick()
}

// shareTick refreshes the device count and the network state every second.
func (m *Model) shareTick() tea.Cmd {
	gen := m.share.gen
	return tea.Tick(time.Second, func(time.Time) tea.Msg { return shareTickMsg{gen: gen} })
}

func (m *Model) onShareTick(msg shareTickMsg) tea.Cmd {
	if m.share.srv == nil || msg.gen != m.share.gen {
		return nil
	}
	m.share.viewers = m.share.srv.Viewers()
	if lost := m.share.srv.NetworkLost(); lost != m.share.lost {
		m.share.lost = lost
		if lost {
			m.setStatus(m.ctx.Text.S("share.netlost"), nil)
			m.statusErr = true
		} else {
			m.setStatus(m.ctx.Text.S("share.netback"), nil)
		}
	}
	return m.shareTick()
}

// stopShare ends sharing, if on; every device loses the page.
func (m *Model) stopShare() {
	if m.share.srv == nil {
		return
	}
	_ = m.share.srv.Close()
	m.share.srv, m.share.session, m.share.show = nil, 0, false
	m.share.gen++
	m.setStatus(m.ctx.Text.S("share.stopped"), nil)
}

// sharedSession is the session the current screen belongs to (0: none).
func (m *Model) sharedSession() uint64 { return m.current }

// sessionOf is the session a navigation message opens a screen of; the
// session screen, its review, statistics, export and details all count.
func sessionOf(msg tea.Msg) uint64 {
	switch msg := msg.(type) {
	case base.OpenSessionMsg:
		return msg.ID
	case base.OpenReviewMsg:
		return msg.ID
	case base.OpenStatsMsg:
		return msg.ID
	case base.OpenExportMsg:
		return msg.ID
	case base.OpenRoundMsg:
		return msg.ID
	case base.EditSessionMsg:
		return msg.ID
	}
	return 0
}

// followShare records the session now on screen and stops sharing when the
// app has left the shared session.
func (m *Model) followShare(session uint64) {
	m.current = session
	if m.share.srv != nil && m.share.session != session {
		m.stopShare()
	}
}

// onShareKey handles keys while the share box is open: Ctrl+A switches
// voters' addresses, Ctrl+X stops sharing, Esc (or the share key again)
// closes the box. Any other key closes the box and goes on to the screen,
// so a secretary who keeps typing loses nothing and no bare letter acts
// on the share.
func (m *Model) onShareKey(msg tea.KeyPressMsg) bool {
	k := m.ctx.Keys
	switch {
	case key.Matches(msg, k.ShareAddr):
		hide := !m.share.srv.HideAddresses()
		m.share.srv.SetHideAddresses(hide)
		if hide {
			m.setStatus(m.ctx.Text.S("share.addrhidden"), nil)
		} else {
			m.setStatus(m.ctx.Text.S("share.addrshown"), nil)
		}
	case key.Matches(msg, k.StopShare):
		m.stopShare()
	case key.Matches(msg, k.Back, k.Share):
		m.share.show = false
	default:
		m.share.show = false
		return false
	}
	return true
}

// shareIndicator is the status bar's mark while sharing.
func (m *Model) shareIndicator() string {
	if m.share.srv == nil {
		return ""
	}
	s, t := m.ctx.Styles, m.ctx.Text
	if m.share.lost {
		return s.Error.Render(t.S("share.netlostbar"))
	}
	key := "share.on"
	if m.share.srv.HideAddresses() {
		key = "share.onhidden"
	}
	return s.Title.Render(t.F(key, m.share.viewers))
}

// shareView is the box with the QR code beside the instructions, and the
// address in full under them; it fits 80×24.
func (m *Model) shareView() string {
	s, t := m.ctx.Styles, m.ctx.Text
	qr := lipgloss.NewStyle().Foreground(lipgloss.Color("#000000")).Background(lipgloss.Color("#ffffff")).Render(m.share.qr)
	textW := max(20, min(44, m.ctx.Width-lipgloss.Width(qr)-8))
	addr := t.S("share.addrshown")
	if m.share.srv.HideAddresses() {
		addr = t.S("share.addrhidden")
	}
	side := lipgloss.NewStyle().Width(textW).PaddingLeft(2).Render(
		t.S("share.scan") + "\n\n" + addr + "\n\n" + m.shareIndicator() + "\n\n" + s.Subtitle.Render(base.Hints(m.shareKeys()...)+" · "+
			t.F("share.close", base.KeyNames(m.ctx.Keys.Back)+"/"+base.KeyNames(m.ctx.Keys.Share))))
	url := m.share.srv.URL()
	box := s.Overlay.Padding(0, 1).Render(s.Title.Render(t.S("share.title")) + "\n" +
		lipgloss.JoinHorizontal(lipgloss.Top, qr, side) + "\n" + url)
	return lipgloss.Place(m.ctx.Width, m.ctx.Height, lipgloss.Center, lipgloss.Center, base.Fit(box, m.ctx.Width, m.ctx.Height))
}

// shareKeys are the share box's own keys; Esc or the share key closes it.
func (m *Model) shareKeys() []key.Binding {
	return []key.Binding{m.ctx.Keys.ShareAddr, m.ctx.Keys.StopShare}
}
