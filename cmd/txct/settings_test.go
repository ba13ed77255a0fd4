package main

import (
	"testing"
	"time"
)

// The built-in Telex, turned on with F9, is on again at the next start of
// the app on the same database.
func TestTelexChoiceAcrossRestart(t *testing.T) {
	path, sid := newSessionDB(t)
	cmd, f, scr := startApp(t, path, sid)
	if scr.contains("BẬT") {
		t.Fatal("Telex on at the first start of a fresh database")
	}
	waitFor := func(what string) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for !scr.contains(what) {
			if time.Now().After(deadline) {
				cmd.Process.Kill()
				t.Fatalf("never showed %q; output:\n%q", what, scr.buf.String())
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	if _, err := f.Write([]byte("\x1b[20~")); err != nil { // F9
		t.Fatal(err)
	}
	waitFor("BẬT")
	if _, err := f.Write([]byte("\x03")); err != nil { // Ctrl+C quits
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("quit: %v", err)
	}
	f.Close()
	cmd, f, scr = startApp(t, path, sid)
	defer f.Close()
	waitFor("BẬT")
	_, _ = f.Write([]byte("\x03"))
	_ = cmd.Wait()
}
