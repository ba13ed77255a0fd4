//go:build unix

package main

import (
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"txct/store"
)

// Closing the terminal window (SIGHUP) or the console (Windows reports it as
// SIGTERM, then ends the program about 5 s later) saves what was typed at
// once and exits without starting a backup that could be cut short.
func TestCloseWindow(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGHUP, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			path, sid := newSessionDB(t)
			cmd, f, scr := startApp(t, path, sid)
			defer f.Close()
			text := "Đề nghị sửa cầu Nà Ca"
			for _, s := range []string{"\x0e", "Ông Tám\r", "Thôn 3\r", text} {
				if _, err := f.Write([]byte(s)); err != nil {
					t.Fatal(err)
				}
			}
			deadline := time.Now().Add(10 * time.Second)
			for !scr.contains("Nà Ca") {
				if time.Now().After(deadline) {
					cmd.Process.Kill()
					t.Fatal("the typed text never showed")
				}
				time.Sleep(10 * time.Millisecond)
			}
			start := time.Now()
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case <-done:
			case <-time.After(5 * time.Second):
				cmd.Process.Kill()
				t.Fatal("still running 5 s after the window closed")
			}
			t.Logf("%v: exited in %v", sig, time.Since(start).Round(time.Millisecond))
			if bs := store.Backups(filepath.Join(filepath.Dir(path), "backups")); len(bs) > 0 {
				t.Errorf("a backup was started on close: %v", bs)
			}
			if left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "backups", ".txct-backup-*")); len(left) > 0 {
				t.Errorf("temporary files left: %v", left)
			}
			db, err := store.Open(path, store.Options{NoIndex: true, ReadOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			rems, err := db.Remarks(sid)
			if err != nil || len(rems) != 1 || rems[0].Text != text {
				t.Fatalf("saved: %+v %v", rems, err)
			}
		})
	}
}
