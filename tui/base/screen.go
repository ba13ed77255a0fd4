package base

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Screen is one full screen of the app. The root model routes messages to the
// current screen and draws its View above the status line and the help bar.
type Screen interface {
	Init() tea.Cmd
	Update(tea.Msg) (Screen, tea.Cmd)
	// View draws the screen into exactly the area given by the last SetSize.
	View() string
	// SetSize tells the screen the area it owns (the terminal less the root's
	// status and help lines).
	SetSize(width, height int)
	// Typing reports whether a text field has focus: then bare keys such as
	// '?' belong to the field, not to the root.
	Typing() bool
	// Cursor is where the terminal's real cursor goes (so input-method
	// popups follow it), relative to the screen's area; nil hides it.
	Cursor() *tea.Cursor
	// Help lists the bindings for the short help bar and the full overlay.
	Help() (short []key.Binding, full [][]key.Binding)
}

// Leaving is implemented by screens that must save before the app quits or
// the screen is left; the root calls it and waits for nothing else.
type Leaving interface {
	Leave()
}
