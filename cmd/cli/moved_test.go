//go:build windows || darwin

package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"txct/store/userdirs"
)

// A database in the folder older versions used moves once to the system's
// data folder. A command says so on stderr; for the terminal app the notice
// is kept (g.moved) for the app to show, since the screen would hide stderr.
func TestMovedNotice(t *testing.T) {
	root := t.TempDir()
	t.Setenv("HOME", root)
	t.Setenv("USERPROFILE", root)
	t.Setenv("LOCALAPPDATA", filepath.Join(root, "AppData", "Local"))
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("TXCT_DB", "")
	old := filepath.Join(userdirs.LegacyDataDir(), "txct.db")
	withSession(t, old, "2026-11-20")

	g := global{lang: "vi"}
	path, err := g.path()
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(userdirs.DataDir(), "txct.db"); path != want {
		t.Fatalf("path %q, want %q", path, want)
	}
	if !strings.Contains(g.moved, "Đã chuyển cơ sở dữ liệu") || !strings.Contains(g.moved, userdirs.DataDir()) {
		t.Fatalf("notice kept for the app: %q", g.moved)
	}
	// Moved once: the next start has nothing to say.
	code, out, errs := call(t, "", "sessions")
	if code != 0 || strings.Contains(errs, "Đã chuyển") || !strings.Contains(out, "20/11/2026") {
		t.Fatalf("second start: %d %q %q", code, out, errs)
	}
}
