package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/creack/pty"
)

// firstFrame starts the binary on db in a pty and returns how long it took
// until the home screen's title reached the terminal, and until the status
// line said the repeat index was ready ("Kho kiến nghị: N kiến nghị").
func firstFrame(b *testing.B, db string, index bool) (time.Duration, time.Duration) {
	cmd := exec.Command(binPath, "--db", db)
	cmd.Env = append(os.Environ(), "TERM=xterm-256color", "TXCT_LANG=vi")
	start := time.Now()
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 30, Cols: 100})
	if err != nil {
		b.Fatal(err)
	}
	defer func() {
		cmd.Process.Kill()
		cmd.Wait()
		f.Close()
	}()
	scr := &screen{}
	go func() { _, _ = copyOut(scr, f) }()
	wait := func(marker string) time.Duration {
		for !scr.contains(marker) {
			if time.Since(start) > 20*time.Second {
				b.Fatalf("no %q after 20 s: %q", marker, scr.buf.String())
			}
			time.Sleep(time.Millisecond)
		}
		return time.Since(start)
	}
	frame := wait("txct")
	if !index {
		return frame, 0
	}
	return frame, wait("Kho kiến nghị:")
}

// BenchmarkStartupEmpty is process start to first frame on an empty database
// (the budget is 200 ms). It reports the time as ms/frame.
func BenchmarkStartupEmpty(b *testing.B) {
	db := filepath.Join(b.TempDir(), "t.db")
	if out, err := exec.Command(binPath, "--db", db, "deadline", "--days", "5").CombinedOutput(); err != nil {
		b.Fatalf("%v %s", err, out)
	}
	benchStartup(b, db, false)
}

// BenchmarkStartup100k is the same on a database holding the archive named
// by TXCT_SCALE (e.g. gen_scale.py's 100,000 rows), imported first (the
// budget is 500 ms). Skipped without TXCT_SCALE.
func BenchmarkStartup100k(b *testing.B) {
	src := os.Getenv("TXCT_SCALE")
	if src == "" {
		b.Skip("TXCT_SCALE names no archive file")
	}
	db := filepath.Join(b.TempDir(), "t.db")
	if out, err := exec.Command(binPath, "--db", db, "import", src).CombinedOutput(); err != nil {
		b.Fatalf("%v %s", err, out)
	}
	benchStartup(b, db, true)
}

func benchStartup(b *testing.B, db string, index bool) {
	var frames, ready time.Duration
	n := 0
	for b.Loop() {
		f, r := firstFrame(b, db, index)
		frames += f
		ready += r
		n++
	}
	b.ReportMetric(float64(frames.Microseconds())/1000/float64(n), "ms/frame")
	if index {
		b.ReportMetric(float64(ready.Microseconds())/1000/float64(n), "ms/index-ready")
	}
}
