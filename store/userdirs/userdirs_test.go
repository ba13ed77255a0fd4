package userdirs

import (
	"os"
	"path/filepath"
	"testing"
)

func TestDataDir(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	home := filepath.Join("h", "an")
	abs := t.TempDir() // an absolute path on every system
	tests := []struct {
		goos string
		env  map[string]string
		want string
	}{
		{"windows", map[string]string{"LOCALAPPDATA": filepath.Join("C:", "Users", "an", "AppData", "Local"), "XDG_DATA_HOME": abs}, filepath.Join("C:", "Users", "an", "AppData", "Local", "txct")},
		{"windows", nil, filepath.Join(home, "AppData", "Local", "txct")},
		{"darwin", map[string]string{"XDG_DATA_HOME": abs}, filepath.Join(home, "Library", "Application Support", "txct")},
		{"linux", map[string]string{"XDG_DATA_HOME": abs}, filepath.Join(abs, "txct")},
		{"linux", map[string]string{"XDG_DATA_HOME": "relative"}, filepath.Join(home, ".local", "share", "txct")},
		{"linux", nil, filepath.Join(home, ".local", "share", "txct")},
	}
	for _, tt := range tests {
		if got := dataDir(tt.goos, env(tt.env), home); got != tt.want {
			t.Errorf("%s %v: %s, want %s", tt.goos, tt.env, got, tt.want)
		}
	}
}

func TestExpandHome(t *testing.T) {
	h := func() string { return "HOME" }
	tests := []struct{ goos, in, want string }{
		{"windows", `~\Tài liệu`, filepath.Join("HOME", "Tài liệu")},
		{"windows", "~/out", filepath.Join("HOME", "out")},
		{"linux", "~/out", filepath.Join("HOME", "out")},
		{"linux", "~", "HOME"},
		{"linux", `~\out`, `~\out`},
		{"linux", "~an/out", "~an/out"},
		{"windows", `C:\out`, `C:\out`},
	}
	for _, tt := range tests {
		if got := expandHome(tt.goos, tt.in, h); got != tt.want {
			t.Errorf("%s %q: %q, want %q", tt.goos, tt.in, got, tt.want)
		}
	}
}

// Desktops record a localized Documents folder in user-dirs.dirs.
func TestXDGDocuments(t *testing.T) {
	h := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", "")
	os.MkdirAll(filepath.Join(h, ".config"), 0o700)
	os.WriteFile(filepath.Join(h, ".config", "user-dirs.dirs"), []byte("# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR=\"$HOME/Màn hình\"\nXDG_DOCUMENTS_DIR=\"$HOME/Tài liệu\"\n"), 0o600)
	if got, want := xdgDocuments(h), filepath.Join(h, "Tài liệu"); got != want {
		t.Errorf("%q, want %q", got, want)
	}
	os.WriteFile(filepath.Join(h, ".config", "user-dirs.dirs"), []byte("XDG_DOCUMENTS_DIR=\"$HOME/\"\n"), 0o600)
	if got := xdgDocuments(h); got != "" {
		t.Errorf("documents = home should be ignored, got %q", got)
	}
}
