//go:build windows

package userdirs

import (
	"os"
	"strings"
	"testing"
)

// The Documents folder is the one Windows reports (which follows OneDrive),
// and data goes under %LOCALAPPDATA%.
func TestWindowsFolders(t *testing.T) {
	if d := knownDocuments(); d == "" {
		t.Error("no Documents known folder")
	} else if got := Documents(); got != d {
		t.Errorf("Documents() = %q, known folder %q", got, d)
	}
	if la := os.Getenv("LOCALAPPDATA"); la == "" || !strings.HasPrefix(DataDir(), la) {
		t.Errorf("DataDir() = %q, LOCALAPPDATA %q", DataDir(), la)
	}
}
