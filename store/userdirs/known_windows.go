//go:build windows

package userdirs

import "golang.org/x/sys/windows"

// knownDocuments asks Windows for the Documents known folder, which follows
// a redirection to OneDrive or a network share.
func knownDocuments() string {
	d, err := windows.KnownFolderPath(windows.FOLDERID_Documents, 0)
	if err != nil {
		return ""
	}
	return d
}
