package base

import (
	"time"

	"txct/store/model"
)

// MinWidth and MinHeight are the smallest terminal the layout supports; below
// it the app says so instead of drawing a broken screen.
const (
	MinWidth  = 80
	MinHeight = 24
)

// Context is the one small value every screen gets: size, styles, keys, text
// and the clock. The root and every screen share one *Context: the root
// updates it in place on resize and when the background colour becomes known,
// and each screen reads it when it draws. It holds no store: the root keeps
// the open store and hands each screen's constructor only the small Store
// interface that screen declares, so what a screen may touch is written next
// to it.
type Context struct {
	Width, Height int
	Styles        Styles
	Keys          KeyMap
	Text          Text
	Deadline      model.DeadlineRule
	Now           func() time.Time
	// NewToneStyle puts the tone of the built-in Telex on the second vowel
	// of oa, oe, uy (hoà, thuỷ) instead of the first (hòa, thủy).
	NewToneStyle bool
	// Telex is whether the built-in Telex is on. It lives here, not in a
	// screen, so the choice (F9) holds for the whole run of the app, across
	// leaving a session and coming back; the store keeps it for the next
	// start (see TelexMsg).
	Telex bool
}

// NewContext builds a context for lang with dark styles until the terminal
// tells its background.
func NewContext(lang Lang) *Context {
	t := Text{Lang: lang}
	return &Context{
		Styles:   NewStyles(true),
		Keys:     DefaultKeyMap(t),
		Text:     t,
		Deadline: model.DefaultDeadline,
		Now:      time.Now,
	}
}

// Navigation and status messages, sent by screens and handled by the root.
type (
	// GoHomeMsg returns to the list of sessions.
	GoHomeMsg struct{}
	// AskDemoMsg asks the root to offer loading (or removing) the demo.
	AskDemoMsg struct{}
	// OpenSessionMsg opens the session screen, with remark Remark (an id)
	// open in the editor when it is set.
	OpenSessionMsg struct{ ID, Remark uint64 }
	// EditSessionMsg opens the session form (ID 0: a new session).
	EditSessionMsg struct{ ID uint64 }
	// OpenArchiveMsg opens the archive browser, at petition ID if given.
	OpenArchiveMsg struct{ ID string }
	// OpenReviewMsg opens the delegates' review of a session.
	OpenReviewMsg struct{ ID uint64 }
	// OpenStatsMsg opens the statistics (ID 0: across all sessions).
	OpenStatsMsg struct{ ID uint64 }
	// OpenExportMsg opens the export dialog of a session.
	OpenExportMsg struct{ ID uint64 }
	// OpenRoundMsg opens the round of a session: its points and the same
	// demands raised at several of them, to confirm.
	OpenRoundMsg struct{ ID uint64 }
	// ShareMsg starts sharing a session with the delegates' devices (or
	// shows the address again when it is already shared).
	ShareMsg struct{ ID uint64 }
	// TelexMsg says the built-in Telex was turned on or off; the root
	// remembers the choice in the store for the next start.
	TelexMsg struct{ On bool }
	// StatusMsg shows a line in the status bar.
	StatusMsg struct {
		Text string
		Err  error
	}
	// IndexReadyMsg says the repeat index finished loading.
	IndexReadyMsg struct {
		Count int
		Err   error
	}
)
