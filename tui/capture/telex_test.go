package capture

import (
	tea "charm.land/bubbletea/v2"

	"testing"

	"txct/store/model"
	"txct/tui/base"
)

// The app composes through the engine: backspace inside a word edits the
// word as shown, and a word that is no syllable goes back to its keys when
// it ends. Before, backspace ended the word (loanj⌫ showed loạ, tieen⌫ngs
// gave tiêngs) and Facebook came out as Facebôk.
func TestTelexInsideWord(t *testing.T) {
	m, _ := newTest(t, 0, 100, 30)
	press(m, ctrlN, enter, enter) // to the text field
	press(m, f9)
	steps := []struct {
		keys string // ⌫ is Backspace
		want string
	}{
		{"loanj", "loạn"},
		{"⌫", "lọa"},
		{" tieen⌫ngs", "lọa tiếng"},
		{" Facebook website tax HDDND ", "lọa tiếng Facebook website tax HĐND"}, // saved without the trailing space
		{"duwois nguwoif", "lọa tiếng Facebook website tax HĐND dưới người"},
	}
	for _, s := range steps {
		for _, r := range s.keys {
			if r == '⌫' {
				press(m, backspace)
			} else {
				typeText(m, string(r))
			}
		}
		if got := m.remarks[0].Text; got != s.want {
			t.Fatalf("after %q: %q, want %q", s.keys, got, s.want)
		}
	}
	// Tab ends the word too, and the spell check is saved.
	typeText(m, " emaill")
	press(m, backspace)
	press(m, tea.KeyPressMsg{Code: tea.KeyTab})
	if got := m.remarks[0].Text; got != "lọa tiếng Facebook website tax HĐND dưới người email" {
		t.Errorf("after tab: %q", got)
	}
}

func TestTelexNotesBackspace(t *testing.T) {
	m, fs := newTest(t, 0, 100, 30)
	press(m, ctrlLeft, ctrlLeft) // to "Khai mạc"
	press(m, f9)
	for _, r := range "tieen⌫ngs vieetj" {
		if r == '⌫' {
			press(m, backspace)
		} else {
			typeText(m, string(r))
		}
	}
	press(m, enter)
	last := fs.sessions[len(fs.sessions)-1]
	if got := last.Note(model.SecOpening); got != "tiếng việt\n" {
		t.Errorf("note = %q", got)
	}
}

// The Telex choice (F9) belongs to the app run, not to one visit of a
// session: leaving the session and opening it again keeps it on.
func TestTelexSurvivesReopen(t *testing.T) {
	ctx := testCtx(base.VI)
	m := NewWith(ctx, newFakeSaver(), testSession(), nil)
	m.SetSize(100, 30)
	press(m, f9)
	m.Leave()
	again := NewWith(ctx, newFakeSaver(), testSession(), nil)
	again.SetSize(100, 30)
	press(again, ctrlN, enter, enter) // to the text field
	typeText(again, "dduwowngf ")
	if got := again.remarks[0].Text; got != "đường" {
		t.Errorf("after reopening, Telex was off: text %q", got)
	}
	press(again, f9)
	if NewWith(ctx, newFakeSaver(), testSession(), nil).telex {
		t.Error("turning Telex off did not hold for the next visit")
	}
}
