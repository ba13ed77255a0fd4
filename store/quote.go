package store

import (
	"runtime"
	"strings"
	"unicode"
)

// Command writes a txct command line that the user's shell runs as shown:
// each argument that holds a space or a shell character is quoted, with
// double quotes on Windows (cmd and PowerShell) and single quotes elsewhere.
func Command(args ...string) string {
	return commandFor(runtime.GOOS, args...)
}

func commandFor(goos string, args ...string) string {
	parts := append([]string{"txct"}, args...)
	for i, a := range parts[1:] {
		parts[i+1] = quoteArg(goos, a)
	}
	return strings.Join(parts, " ")
}

func quoteArg(goos, s string) string {
	plain := s != ""
	for _, r := range s {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune(`-_./:\+=,@`, r)) {
			plain = false
			break
		}
	}
	if plain && (goos == "windows" || !strings.Contains(s, `\`)) {
		return s
	}
	if goos == "windows" {
		// A Windows path cannot hold a double quote.
		return `"` + s + `"`
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
