// Package tui is txct's terminal interface. The root model in this file owns
// the global keys, the terminal size, the status and help lines, and which
// screen is showing; each screen is its own model in a sub-package and gets
// every other message. Shared styles, keys and strings live in tui/base.
package tui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"txct/store"
	"txct/tui/base"
	"txct/tui/capture"
)

// Options configure the root model.
type Options struct {
	// OpenSession, if set, opens that session's screen at start.
	OpenSession uint64
	// ShareAddr is where sharing with the delegates listens (HOST:PORT);
	// empty means this machine's LAN address.
	ShareAddr string
	// Warning, if set, shows on the status line at start: a problem found
	// while opening that does not stop the app (an unreadable setting).
	Warning error
	// Notice, if set, shows in a box at start until a key is pressed:
	// news the user must not miss (the database was moved to the system's
	// data folder).
	Notice string
}

// Model is the root model.
type Model struct {
	ctx        *base.Context
	db         *store.Store // the open store; screens get only their own part of it
	screen     base.Screen
	help       help.Model
	showHelp   bool
	helpPage   int      // the help overlay's page
	palette    *palette // the command palette, while open
	status     string
	statusErr  bool
	statusAt   time.Time // when the status was set; it shows for statusTTL
	frame      frame     // the last frame drawn, reused while nothing changed
	quitting   bool
	offer      bool      // first-run demo offer is showing
	ask        *question // a yes/no question is showing
	notice     string    // a notice is showing until a key is pressed
	saveErr    error
	savedAt    time.Time
	share      share
	current    uint64 // the session the screen shows, if any
	telexSaver telexSaver
	hists      *capture.Histories // each session's undo history, for the app run
	// held are the keys and pastes that came while the window was too
	// small, waiting for the terminal's size (see hold).
	held []tea.Msg
	// SessionOpened records that a session screen was shown, so the caller
	// takes the "session closed" backup after the program ends.
	SessionOpened bool
}

// SaveResult is the message the autosaver's callback sends after each write.
func SaveResult(err error) tea.Msg { return savedMsg{err: err, at: time.Now()} }

// New builds the root model over db, an open store.
func New(ctx *base.Context, db *store.Store, opts Options) *Model {
	m := &Model{ctx: ctx, db: db, help: help.New(), hists: capture.NewHistories()}
	m.share.addr = opts.ShareAddr
	m.help.Styles = help.DefaultStyles(ctx.Styles.IsDark)
	if opts.OpenSession != 0 {
		m.screen = m.newCapture(opts.OpenSession, 0)
		m.current = opts.OpenSession
		m.SessionOpened = true
	} else {
		m.screen = m.newHome()
	}
	if opts.Warning != nil {
		m.setStatus("", opts.Warning)
	}
	m.notice = opts.Notice
	return m
}

// Init asks for the background colour, starts the first screen, loads the
// repeat index in the background and decides on the first-run demo offer.
func (m *Model) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, m.screen.Init(), loadIndex(m.db), m.firstRun())
}

// Update routes a message: global keys and navigation here, the rest to the
// current screen.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tea.MouseMsg); ok && (m.palette != nil || m.notice != "") {
		return m, nil // a click must not act on the screen under the box
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.ctx.Width, m.ctx.Height = msg.Width, msg.Height
		m.help.SetWidth(msg.Width)
		m.screen.SetSize(m.screenSize())
		return m, m.releaseHeld()
	case tea.BackgroundColorMsg:
		m.ctx.Styles = base.NewStyles(msg.IsDark())
		m.help.Styles = help.DefaultStyles(msg.IsDark())
		m.screen.SetSize(m.screenSize())
		return m, nil
	case tea.KeyPressMsg:
		if m.tooSmall() && !key.Matches(msg, m.ctx.Keys.Quit) {
			return m, m.hold(msg)
		}
		if cmd, done := m.onKey(msg); done {
			return m, cmd
		}
	case tea.PasteMsg:
		if m.notice != "" {
			return m, nil // the notice says a key goes on; text would land unseen
		}
		if m.palette != nil {
			m.palette.pick.Paste(msg.Content)
			return m, nil
		}
		if m.tooSmall() {
			return m, m.hold(msg)
		}
	case base.StatusMsg:
		m.setStatus(msg.Text, msg.Err)
		return m, expireStatus()
	case base.TelexMsg:
		return m, m.telexSaver.save(m.db, m.ctx.Text, msg.On)
	case statusExpiredMsg:
		return m, nil // the frame drawn after this message leaves it out
	case base.IndexReadyMsg:
		if msg.Err != nil {
			m.setStatus("", msg.Err)
		} else {
			m.setStatus(m.ctx.Text.F("app.idxready", msg.Count), nil)
		}
		var cmd tea.Cmd
		m.screen, cmd = m.screen.Update(msg)
		return m, cmd
	case savedMsg:
		m.saveErr = msg.err
		if msg.err == nil {
			m.savedAt = msg.at
		}
		return m, nil
	case demoLoadedMsg:
		return m, m.onDemoLoaded(msg)
	case base.AskDemoMsg:
		return m, askDemo(m.db)
	case demoAskMsg:
		m.onDemoAsk(msg)
		return m, nil
	case demoRemovedMsg:
		return m, m.onDemoRemoved(msg)
	case base.ShareMsg:
		return m, m.onShare(msg)
	case shareStartedMsg:
		return m, m.onShareStarted(msg)
	case shareTickMsg:
		return m, m.onShareTick(msg)
	}
	if cmd, ok := m.navigate(msg); ok {
		return m, cmd
	}
	var cmd tea.Cmd
	m.screen, cmd = m.screen.Update(msg)
	return m, cmd
}

func (m *Model) onKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := m.ctx.Keys
	switch {
	case key.Matches(msg, k.Quit):
		return m.quit(), true
	case key.Matches(msg, k.Redraw):
		return tea.ClearScreen, true
	case m.notice != "":
		m.notice = ""
		return nil, true
	case m.offer:
		return m.answerOffer(msg), true
	case m.ask != nil:
		return m.answerQuestion(msg), true
	case m.palette != nil:
		return m.onPaletteKey(msg), true
	case key.Matches(msg, k.Palette):
		m.showHelp = false
		m.palette = newPalette(m.ctx, m.screen, m.globalKeys())
		return nil, true
	case m.showHelp:
		switch {
		case key.Matches(msg, k.Back, k.Help):
			m.showHelp = false
		case key.Matches(msg, k.PageDown, k.ArrowDown):
			_, n := m.helpPages()
			m.helpPage = min(n-1, m.helpPage+1)
		case key.Matches(msg, k.PageUp, k.ArrowUp):
			m.helpPage = max(0, m.helpPage-1)
		}
		return nil, true
	case m.share.show && m.share.srv != nil && m.onShareKey(msg):
		return nil, true
	case key.Matches(msg, k.Help) && !(base.Typed(msg) && m.screen.Typing()):
		// A help key that types text ('?') is text while a field has focus.
		m.showHelp, m.helpPage = true, 0
		return nil, true
	case key.Matches(msg, k.Home):
		cmd, _ := m.navigate(base.GoHomeMsg{})
		return cmd, true
	}
	return nil, false
}

// frame is a drawn frame and what it was drawn from.
type frame struct {
	ok      bool
	screen  string
	status  string
	w, h    int
	content string
}

// statusTTL is how long a status message shows; errors stay until replaced.
const statusTTL = 5 * time.Second

// statusExpiredMsg redraws the status line once its message has expired.
type statusExpiredMsg struct{}

func expireStatus() tea.Cmd {
	return tea.Tick(statusTTL, func(time.Time) tea.Msg { return statusExpiredMsg{} })
}

func (m *Model) setStatus(text string, err error) {
	m.status, m.statusErr, m.statusAt = text, err != nil, m.ctx.Now()
	if err != nil {
		m.status = m.ctx.Text.F("app.error", err)
	}
}

// leave lets the current screen hand its unsaved changes to the autosaver.
func (m *Model) leave() {
	if l, ok := m.screen.(base.Leaving); ok {
		l.Leave()
	}
}

// quit hands the screen's changes to the autosaver and quits with status 0
// once they are written. The write runs in the command, not in Update; a
// failed write stays pending, and the caller of the program flushes again
// after it ends and reports the error.
func (m *Model) quit() tea.Cmd {
	m.leave()
	m.stopShare()
	m.quitting = true
	a := m.db.Autosaver(0, nil)
	return func() tea.Msg {
		_ = a.Flush() // a failure is reported by the flush after the program ends
		return tea.QuitMsg{}
	}
}

// maxHeld bounds the keys held while the window is too small.
const maxHeld = 1024

// hold keeps a key or paste that came while the window was too small and
// asks the terminal for its size. A window that has just grown back sends
// its new size after the keys typed into it, so the size is asked for, not
// assumed: if the answer is still too small the keys were typed unseen and go
// nowhere; if the window has grown they go to the screen, in order.
func (m *Model) hold(msg tea.Msg) tea.Cmd {
	if len(m.held) >= maxHeld {
		return nil
	}
	m.held = append(m.held, msg)
	if len(m.held) == 1 {
		return tea.RequestWindowSize
	}
	return nil
}

// releaseHeld settles the held keys after a new size: dropped while the
// window is still too small, handled in order once it is large enough.
func (m *Model) releaseHeld() tea.Cmd {
	held := m.held
	m.held = nil
	if m.tooSmall() {
		for _, msg := range held {
			if _, ok := msg.(tea.PasteMsg); ok {
				m.setStatus(m.ctx.Text.S("app.pastetoosmall"), nil)
			}
		}
		return nil
	}
	cmds := make([]tea.Cmd, 0, len(held))
	for _, msg := range held {
		_, cmd := m.Update(msg)
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}

// tooSmall reports whether the terminal is below the size the screens need;
// then the screen is not drawn and takes no keys.
func (m *Model) tooSmall() bool {
	w, h := m.ctx.Width, m.ctx.Height
	return w > 0 && h > 0 && (w < base.MinWidth || h < base.MinHeight)
}

func (m *Model) screenSize() (int, int) {
	return m.ctx.Width, max(0, m.ctx.Height-2)
}

// View draws the current screen, then the status line and the help bar.
func (m *Model) View() tea.View {
	var v tea.View
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "txct"
	if m.quitting {
		v.SetContent("")
		return v
	}
	w, h := m.ctx.Width, m.ctx.Height
	if w == 0 || h == 0 {
		v.SetContent("txct…")
		return v
	}
	if m.tooSmall() {
		msg := m.ctx.Text.F("app.toosmall", w, h, base.MinWidth, base.MinHeight)
		v.SetContent(lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center,
			lipgloss.NewStyle().Width(w).Align(lipgloss.Center).Render(msg)))
		return v
	}
	if m.notice != "" {
		v.SetContent(m.noticeView())
		return v
	}
	if m.offer {
		v.SetContent(m.offerView())
		return v
	}
	if m.ask != nil {
		v.SetContent(m.questionView())
		return v
	}
	if m.palette != nil {
		v.SetContent(m.paletteView())
		return v
	}
	if m.showHelp {
		v.SetContent(m.helpView())
		return v
	}
	if m.share.show && m.share.srv != nil {
		v.SetContent(m.shareView())
		return v
	}
	// The program draws after every message; when the screen's drawing and
	// the status line are what they were (keys queued mid-paste), the last
	// frame is reused instead of fitted and joined again.
	sv, st := m.screen.View(), m.statusLine()
	f := &m.frame
	if !(f.ok && f.screen == sv && f.status == st && f.w == w && f.h == h) {
		*f = frame{ok: true, screen: sv, status: st, w: w, h: h,
			content: base.Fit(sv, w, h-2) + "\n" + st + "\n" + m.helpBar()}
	}
	v.SetContent(f.content)
	if c := m.screen.Cursor(); c != nil {
		v.Cursor = c
	}
	return v
}

func (m *Model) statusLine() string {
	s := m.ctx.Styles
	var right string
	switch {
	case m.saveErr != nil:
		right = s.Error.Render(m.ctx.Text.F("app.saveerr", m.saveErr))
	case !m.savedAt.IsZero():
		right = s.Muted.Render(m.ctx.Text.F("app.savedat", m.savedAt.Format("15:04:05")))
	}
	if ind := m.shareIndicator(); ind != "" {
		right = ind + "  " + right
	}
	left := m.status
	if !m.statusErr && m.ctx.Now().Sub(m.statusAt) >= statusTTL {
		left = "" // an old message would pass for news about the last key
	}
	st := s.StatusBar
	if m.statusErr {
		st = s.Error
	}
	rw := base.Width(right)
	left = truncate(left, max(0, m.ctx.Width-rw-1))
	return st.Render(left) + pad(m.ctx.Width-base.Width(left)-rw) + right
}

func (m *Model) helpBar() string {
	short, _ := m.screen.Help()
	// Help first, so it survives when a narrow terminal cuts the bar.
	short = append(append([]key.Binding{m.ctx.Keys.Help, m.ctx.Keys.Palette}, short...), m.ctx.Keys.Quit)
	return truncate(m.help.ShortHelpView(short), m.ctx.Width)
}

// helpView is the F1 overlay: every action of the screen and the root's,
// one line each with every key that does it (a second key given for
// terminals that take the first is found here), laid out in as many
// columns as the width holds. What does not fit the height goes on further
// pages, turned with the arrows or PgUp/PgDn, so no action is ever cut off.
func (m *Model) helpView() string {
	pages, n := m.helpPages()
	page := min(m.helpPage, n-1) // a resize may leave fewer pages
	w := 0
	for _, p := range pages {
		w = max(w, lipgloss.Width(p))
	}
	s, t := m.ctx.Styles, m.ctx.Text
	foot := t.F("app.helpclose", base.KeyNames(m.ctx.Keys.Help), base.KeyNames(m.ctx.Keys.Back))
	if n > 1 {
		foot = t.F("app.helppage", page+1, n, base.KeyNames(m.ctx.Keys.PageDown)+"/"+base.KeyNames(m.ctx.Keys.ArrowDown),
			base.KeyNames(m.ctx.Keys.PageUp)+"/"+base.KeyNames(m.ctx.Keys.ArrowUp)) + " · " + foot
	}
	foot = lipgloss.NewStyle().Width(max(w, min(40, m.ctx.Width-8))).Render(foot) // wrapped, not wider than the keys
	box := s.Overlay.Render(s.Title.Render(t.S("app.helptitle")) + "\n\n" + pages[page] + "\n\n" + s.Muted.Render(foot))
	return lipgloss.Place(m.ctx.Width, m.ctx.Height, lipgloss.Center, lipgloss.Center, base.Fit(box, m.ctx.Width, m.ctx.Height))
}

// helpPages lays the help's lines out in columns and pages that fit the
// terminal inside the overlay's frame.
func (m *Model) helpPages() (pages []string, n int) {
	_, full := m.screen.Help()
	full = append(full, m.globalKeys())
	st := m.help.Styles
	keyW, descW := 0, 0
	for _, g := range full {
		for _, b := range g {
			if b.Enabled() {
				keyW, descW = max(keyW, base.Width(base.KeyNames(b))), max(descW, base.Width(b.Help().Desc))
			}
		}
	}
	const frame = 8 // the overlay's border and padding, and a margin
	innerW := max(20, m.ctx.Width-frame)
	keyW = min(keyW, innerW/3)
	colW := min(innerW, keyW+2+descW)
	var lines []string
	for _, g := range full {
		if len(lines) > 0 {
			lines = append(lines, "")
		}
		for _, b := range g {
			if !b.Enabled() {
				continue
			}
			k := truncate(base.KeyNames(b), keyW)
			line := st.FullKey.Render(k) + pad(keyW-base.Width(k)+2) + st.FullDesc.Render(b.Help().Desc)
			lines = append(lines, truncate(line, colW))
		}
	}
	const gap = 3
	cols := max(1, (innerW+gap)/(colW+gap))
	rows := max(3, m.ctx.Height-frame-4) // less the title and a foot of up to three lines
	if need := (len(lines) + cols - 1) / cols; need < rows {
		rows = need // one page: columns as even as the lines allow
	}
	for start := 0; start < len(lines); start += rows * cols {
		var columns []string
		for c := 0; c < cols && start+c*rows < len(lines); c++ {
			from := start + c*rows
			part := lines[from:min(len(lines), from+rows)]
			for len(part) > 0 && part[0] == "" {
				part = part[1:] // a column does not start with a gap
			}
			col := lipgloss.NewStyle().Width(colW).Render(strings.Join(part, "\n"))
			if c > 0 {
				col = lipgloss.NewStyle().PaddingLeft(gap).Render(col)
			}
			columns = append(columns, col)
		}
		pages = append(pages, lipgloss.JoinHorizontal(lipgloss.Top, columns...))
	}
	if len(pages) == 0 {
		pages = []string{""}
	}
	return pages, len(pages)
}

// globalKeys are the root's keys, which act on every screen.
func (m *Model) globalKeys() []key.Binding {
	k := m.ctx.Keys
	return []key.Binding{k.Help, k.Palette, k.Home, k.Redraw, k.Quit}
}
