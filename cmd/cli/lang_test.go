package cli

import (
	"strings"
	"testing"
)

// said runs txct in Vietnamese (the default) and in English with args and
// checks that stderr and stdout together hold vi and en respectively, and
// that the exit status is code.
func said(t *testing.T, code int, vi, en string, args ...string) {
	t.Helper()
	for _, c := range []struct {
		lang, want string
	}{{"vi", vi}, {"en", en}} {
		got, out, errs := call(t, "", append([]string{"--lang", c.lang}, args...)...)
		if got != code || !strings.Contains(out+errs, c.want) {
			t.Errorf("txct --lang %s %s: exit %d, want %d with %q; stdout %q, stderr %q",
				c.lang, strings.Join(args, " "), got, code, c.want, out, errs)
		}
	}
}

// A session that is not there is named in the UI language, whether it was
// given by number, by uid or as latest, by every command that takes one.
func TestSessionNotFoundInBothLanguages(t *testing.T) {
	empty := tempDB(t)
	if code, _, errs := call(t, "", "--db", empty, "deadline", "--days", "5"); code != 0 {
		t.Fatal(errs)
	}
	said(t, 1, "chưa có hội nghị nào", "there are no sessions", "--db", empty, "round", "latest")
	path := tempDB(t)
	withSession(t, path, "2026-11-20")
	out := t.TempDir()
	for _, args := range [][]string{
		{"export", "99", "--out", out},
		{"export", "--round", "99", "--out", out},
		{"round", "99"},
		{"round", "same", "99:1", "1:1"},
		{"bundle", "export", "99", out + "/b.json"},
		{"archive", "forward", "99"},
		{"serve", "--session", "99"},
	} {
		said(t, 1, `không có hội nghị "99"`, `no session "99"`, append([]string{"--db", path}, args...)...)
	}
	said(t, 1, `không có hội nghị "u-nope"`, `no session "u-nope"`, "--db", path, "round", "u-nope")
}
