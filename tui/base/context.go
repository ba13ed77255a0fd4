package base

import (
	"time"

	"txct/store"
	"txct/store/model"
)

// MinWidth and MinHeight are the smallest terminal the layout supports; below
// it the app says so instead of drawing a broken screen.
const (
	MinWidth  = 80
	MinHeight = 24
)

// Context is the one small value every screen gets: size, styles, keys, text,
// the store and the clock. The root and every screen share one *Context: the
// root updates it in place on resize and when the background colour becomes
// known, and each screen reads it when it draws.
type Context struct {
	Width, Height int
	Styles        Styles
	Keys          KeyMap
	Text          Text
	// DB is the open store, for the root. A screen does not call it: it
	// takes the small Store interface it declares through StoreAs.
	DB       *store.Store
	Deadline model.DeadlineRule
	Now      func() time.Time
	// NewToneStyle puts the tone of the built-in Telex on the second vowel
	// of oa, oe, uy (hoà, thuỷ) instead of the first (hòa, thủy).
	NewToneStyle bool
	// Telex is whether the built-in Telex is on. It lives here, not in a
	// screen, so the choice (F9) holds for the whole run of the app, across
	// leaving a session and coming back.
	Telex bool
}

// StoreAs returns the context's store as S, the small interface a screen
// declares for what it reads and writes, or nil without a store. A screen
// keeps only that interface, so what it may touch is written next to it.
func StoreAs[S any](c *Context) S {
	var none S
	if c.DB == nil {
		return none
	}
	return any(c.DB).(S)
}

// NewContext builds a context for lang with dark styles until the terminal
// tells its background.
func NewContext(db *store.Store, lang Lang) *Context {
	t := Text{Lang: lang}
	return &Context{
		Styles:   NewStyles(true),
		Keys:     DefaultKeyMap(t),
		Text:     t,
		DB:       db,
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
	// ShareMsg starts sharing a session with the delegates' devices (or
	// shows the address again when it is already shared).
	ShareMsg struct{ ID uint64 }
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
