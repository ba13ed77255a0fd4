// Package userdirs knows where each system keeps a user's application data
// and documents, and expands a leading ~ in paths the user types.
package userdirs

import (
	"bufio"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// App is the folder name txct uses under the system's data folder.
const App = "txct"

// DataDir is where txct keeps its database and backups:
// %LOCALAPPDATA%\txct on Windows, ~/Library/Application Support/txct on
// macOS, and $XDG_DATA_HOME/txct (default ~/.local/share/txct) elsewhere.
func DataDir() string {
	return dataDir(runtime.GOOS, os.Getenv, home())
}

func dataDir(goos string, getenv func(string) string, home string) string {
	switch goos {
	case "windows":
		if d := getenv("LOCALAPPDATA"); d != "" {
			return filepath.Join(d, App)
		}
		return filepath.Join(home, "AppData", "Local", App)
	case "darwin", "ios":
		return filepath.Join(home, "Library", "Application Support", App)
	}
	return xdgDataDir(getenv, home)
}

// LegacyDataDir is where txct kept its data on every system before it used
// the system's own place: the XDG rule.
func LegacyDataDir() string {
	return xdgDataDir(os.Getenv, home())
}

func xdgDataDir(getenv func(string) string, home string) string {
	if d := getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, App)
	}
	return filepath.Join(home, ".local", "share", App)
}

func home() string {
	h, err := os.UserHomeDir()
	if err != nil || h == "" {
		wd, _ := os.Getwd()
		return wd
	}
	return h
}

// Documents is the user's Documents folder as the system knows it (on
// Windows the known folder, which may be redirected to OneDrive; elsewhere
// XDG_DOCUMENTS_DIR from user-dirs.dirs, else ~/Documents), or "" when there
// is none.
func Documents() string {
	if d := knownDocuments(); d != "" && isDir(d) {
		return d
	}
	h := home()
	if runtime.GOOS != "windows" && runtime.GOOS != "darwin" {
		if d := xdgDocuments(h); d != "" && isDir(d) {
			return d
		}
	}
	if d := filepath.Join(h, "Documents"); isDir(d) {
		return d
	}
	return ""
}

// xdgDocuments reads XDG_DOCUMENTS_DIR from $XDG_CONFIG_HOME/user-dirs.dirs,
// where desktops record the localized name ("Tài liệu").
func xdgDocuments(h string) string {
	cfg := os.Getenv("XDG_CONFIG_HOME")
	if cfg == "" {
		cfg = filepath.Join(h, ".config")
	}
	f, err := os.Open(filepath.Join(cfg, "user-dirs.dirs"))
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(strings.TrimSpace(sc.Text()), "=")
		if !ok || k != "XDG_DOCUMENTS_DIR" {
			continue
		}
		v = strings.Trim(v, `"`)
		v = strings.Replace(v, "$HOME", h, 1)
		if v = filepath.Clean(v); filepath.IsAbs(v) && v != filepath.Clean(h) {
			return v
		}
	}
	return ""
}

func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}

// ExpandHome replaces a leading "~" with the user's home folder: "~",
// "~/…" everywhere and also "~\…" on Windows, where no shell does it.
func ExpandHome(p string) string {
	return expandHome(runtime.GOOS, p, home)
}

func expandHome(goos, p string, home func() string) string {
	if p == "~" {
		return home()
	}
	rest, ok := strings.CutPrefix(p, "~/")
	if !ok && goos == "windows" {
		rest, ok = strings.CutPrefix(p, `~\`)
	}
	if !ok {
		return p
	}
	return filepath.Join(home(), rest)
}
