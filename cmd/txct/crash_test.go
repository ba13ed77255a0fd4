package main

// The crash harness of issues 2 and 5: it types a session into the built
// binary under a pseudo-terminal, kills it with SIGKILL at random moments,
// reopens the file and checks that it opens, passes bbolt's consistency
// check, holds everything typed more than a second before the kill, and
// holds no half-written remark.
//
// TXCT_CRASH_RUNS sets the number of runs (default 50; -short: 8) and
// TXCT_CRASH_SEED the seed (default: the time; printed either way).

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"

	"txct/store"
	"txct/store/model"
)

var binPath string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "txct-bin-")
	if err != nil {
		panic(err)
	}
	binPath = filepath.Join(dir, "txct")
	out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
	if err != nil {
		fmt.Fprintf(os.Stderr, "build: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// remarkTexts are what the harness types, a rune at a time.
var remarkTexts = []string{
	"Đường ĐT.741 đoạn qua thôn 3 xuống cấp nghiêm trọng, đề nghị sớm sửa chữa",
	"Cử tri đề nghị cấp giấy chứng nhận quyền sử dụng đất cho 12 hộ ở ấp Bàu Sen",
	"Trạm y tế xã thiếu thuốc BHYT, người dân phải mua ngoài",
	"Kênh N2 bồi lắng, mùa khô không đủ nước tưới cho cánh đồng Gò Mây",
}

// screen collects what the app writes to the terminal.
type screen struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (s *screen) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.Write(p)
}

func (s *screen) contains(sub string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return bytes.Contains(s.buf.Bytes(), []byte(sub))
}

func newSessionDB(t *testing.T) (string, uint64) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "txct.db")
	db, err := store.Open(path, store.Options{NoIndex: true})
	if err != nil {
		t.Fatal(err)
	}
	sess, err := db.CreateSession(model.Session{Title: "Crash harness", Kind: model.KindBefore, Date: "2026-11-20",
		Start: "08:00", End: "10:00", Place: "Nhà văn hóa thôn 3"})
	if err != nil {
		t.Fatal(err)
	}
	db.SetDemoOffered()
	db.Close()
	return path, sess.ID
}

// startApp runs the binary on path in a pty of 100×30 and waits for the
// session screen.
func startApp(t *testing.T, path string, session uint64) (*exec.Cmd, *os.File, *screen) {
	t.Helper()
	cmd := exec.Command(binPath, "--db", path, "--open", strconv.FormatUint(session, 10))
	cmd.Env = append(os.Environ(), "TERM=xterm-256color", "TXCT_LANG=vi")
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 30, Cols: 100})
	if err != nil {
		t.Fatal(err)
	}
	scr := &screen{}
	go func() { _, _ = copyOut(scr, f) }()
	deadline := time.Now().Add(10 * time.Second)
	for !scr.contains("Crash harness") {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("the app did not draw the session screen; output so far:\n%q", scr.buf.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	return cmd, f, scr
}

func copyOut(s *screen, f *os.File) (int64, error) {
	buf := make([]byte, 32<<10)
	var n int64
	for {
		k, err := f.Read(buf)
		s.Write(buf[:k])
		n += int64(k)
		if err != nil {
			return n, err
		}
	}
}

// typed records what was sent for one remark and when each rune went out.
type typed struct {
	text  []rune
	times []time.Time
}

func TestCrashHarness(t *testing.T) {
	runs := 50
	if testing.Short() {
		runs = 8
	}
	if v, err := strconv.Atoi(os.Getenv("TXCT_CRASH_RUNS")); err == nil && v > 0 {
		runs = v
	}
	seed := uint64(time.Now().UnixNano())
	if v, err := strconv.ParseUint(os.Getenv("TXCT_CRASH_SEED"), 10, 64); err == nil {
		seed = v
	}
	t.Logf("crash harness: %d runs, seed %d (TXCT_CRASH_SEED=%d to repeat)", runs, seed, seed)
	rng := rand.New(rand.NewPCG(seed, seed^0x5eed))
	var worstLag time.Duration
	var worstRunes, totalTyped int
	for run := range runs {
		lostRunes, lag, n := crashOnce(t, rng, run)
		totalTyped += n
		worstRunes = max(worstRunes, lostRunes)
		worstLag = max(worstLag, lag)
		if t.Failed() {
			t.Fatalf("run %d failed (seed %d)", run, seed)
		}
	}
	t.Logf("crash harness: %d runs, %d kills, %d runes typed; at most %d runes (the last %v of typing) lost in one run",
		runs, runs, totalTyped, worstRunes, worstLag.Round(time.Millisecond))
}

// crashOnce types into a fresh database, kills the app at a random moment,
// and checks the file. It returns the runes lost in the last remark, how old
// the oldest lost rune was at the kill, and the runes typed.
func crashOnce(t *testing.T, rng *rand.Rand, run int) (int, time.Duration, int) {
	path, sid := newSessionDB(t)
	cmd, f, _ := startApp(t, path, sid)
	defer f.Close()

	killAfter := time.Duration(300+rng.IntN(2700)) * time.Millisecond
	start := time.Now()
	var all []*typed
	send := func(s string) {
		if _, err := f.Write([]byte(s)); err != nil {
			t.Fatalf("run %d: write to pty: %v", run, err)
		}
	}
	killed := false
	for r := 0; !killed; r++ {
		send("\x0e") // ctrl+n: a new remark, voter field focused
		time.Sleep(30 * time.Millisecond)
		send("Ông Lê Văn Tám\r") // voter, enter → address
		send("Thôn 3\r")         // address, enter → text
		time.Sleep(20 * time.Millisecond)
		cur := &typed{}
		all = append(all, cur)
		for _, c := range remarkTexts[(run+r)%len(remarkTexts)] {
			if time.Since(start) >= killAfter {
				killed = true
				break
			}
			send(string(c))
			cur.text = append(cur.text, c)
			cur.times = append(cur.times, time.Now())
			time.Sleep(time.Duration(5+rng.IntN(25)) * time.Millisecond)
		}
		if !killed {
			send("\x13") // ctrl+s: finish and start the next
			time.Sleep(20 * time.Millisecond)
		}
	}
	killAt := time.Now()
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()

	db, err := store.Open(path, store.Options{NoIndex: true})
	if err != nil {
		t.Fatalf("run %d: reopen after kill: %v", run, err)
	}
	defer db.Close()
	if err := db.Check(); err != nil {
		t.Fatalf("run %d: consistency check: %v", run, err)
	}
	rems, err := db.Remarks(sid)
	if err != nil {
		t.Fatalf("run %d: read remarks: %v", run, err)
	}
	var stored []string
	for _, r := range rems {
		if r.Text != "" {
			stored = append(stored, r.Text)
		}
	}
	lostRunes, lag, total := 0, time.Duration(0), 0
	for i, ty := range all {
		total += len(ty.text)
		// Every rune typed more than a second before the kill must be there.
		must := 0
		for j, at := range ty.times {
			if killAt.Sub(at) > time.Second {
				must = j + 1
			}
		}
		got := ""
		if i < len(stored) {
			got = stored[i]
		}
		if !strings.HasPrefix(string(ty.text), got) {
			t.Errorf("run %d remark %d: stored %q is not what was typed (%q): half-written", run, i+1, got, string(ty.text))
		}
		n := len([]rune(got))
		if n < must {
			t.Errorf("run %d remark %d: %d runes stored, but %d were typed more than a second before the kill", run, i+1, n, must)
		}
		if n < len(ty.text) {
			lostRunes = max(lostRunes, len(ty.text)-n)
			lag = max(lag, killAt.Sub(ty.times[n]))
		}
	}
	if len(stored) > len(all) {
		t.Errorf("run %d: %d remarks stored, %d typed", run, len(stored), len(all))
	}
	return lostRunes, lag, total
}
