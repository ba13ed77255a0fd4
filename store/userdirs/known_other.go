//go:build !windows

package userdirs

func knownDocuments() string { return "" }
