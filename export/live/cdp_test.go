package live

import (
	"bufio"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sync"
	"testing"
	"time"
)

// browser drives a headless Chromium over the DevTools protocol on a pipe
// (--remote-debugging-pipe: commands on fd 3, replies on fd 4, each JSON
// message ended by a NUL byte), so the test needs no client library.
type browser struct {
	t       *testing.T
	cmd     *exec.Cmd
	w       io.WriteCloser
	mu      sync.Mutex
	nextID  int
	waiting map[int]chan cdpReply
	events  chan cdpReply
	session string
}

type cdpReply struct {
	ID        int             `json:"id"`
	Method    string          `json:"method"`
	Params    json.RawMessage `json:"params"`
	Result    json.RawMessage `json:"result"`
	Error     *struct{ Message string }
	SessionID string `json:"sessionId"`
}

// chromiumPath finds Debian's chromium (or TXCT_CHROMIUM). The test fails
// without it: a browser test that cannot run must not pass.
func chromiumPath(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("TXCT_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatal("headless Chromium is needed for the live view's browser test and was not found: install Debian's chromium package (apt-get install chromium; .ci/run installs it) or set TXCT_CHROMIUM")
	return ""
}

func startBrowser(t *testing.T) *browser {
	t.Helper()
	path := chromiumPath(t)
	inR, inW, err := os.Pipe() // we write, Chromium reads (its fd 3)
	if err != nil {
		t.Fatal(err)
	}
	outR, outW, err := os.Pipe() // Chromium writes (its fd 4), we read
	if err != nil {
		t.Fatal(err)
	}
	// The profile is Chromium's own folder, not t.TempDir: Chromium and its
	// helpers write into it until they exit, and a leftover file there must
	// not fail the test. stop removes it once they are all gone.
	profile, err := os.MkdirTemp("", "txct-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	args := []string{"--headless", "--disable-gpu", "--remote-debugging-pipe", "--no-first-run",
		"--no-default-browser-check", "--disable-extensions", "--hide-scrollbars", "--mute-audio",
		"--disable-breakpad", "--disable-component-update", "--disable-background-networking", "--user-data-dir=" + profile, "about:blank"}
	if os.Geteuid() == 0 {
		args = append([]string{"--no-sandbox"}, args...)
	}
	cmd := exec.Command(path, args...)
	cmd.ExtraFiles = []*os.File{inR, outW}
	ownGroup(cmd)
	if err := cmd.Start(); err != nil {
		inR.Close()
		outW.Close()
		inW.Close()
		outR.Close()
		removeProfile(t, profile)
		t.Fatalf("cannot start Chromium (%s): %v", path, err)
	}
	inR.Close()
	outW.Close()
	exited := make(chan struct{})
	go func() {
		_ = cmd.Wait()
		close(exited)
	}()
	b := &browser{t: t, cmd: cmd, w: inW, waiting: map[int]chan cdpReply{}, events: make(chan cdpReply, 256)}
	go b.read(outR)
	t.Cleanup(func() { b.stop(exited, profile) })
	var targets struct {
		TargetInfos []struct {
			TargetID string `json:"targetId"`
			Type     string `json:"type"`
		} `json:"targetInfos"`
	}
	b.callRoot("Target.getTargets", nil, &targets)
	var page string
	for _, ti := range targets.TargetInfos {
		if ti.Type == "page" {
			page = ti.TargetID
		}
	}
	if page == "" {
		t.Fatal("Chromium opened no page")
	}
	var att struct {
		SessionID string `json:"sessionId"`
	}
	b.callRoot("Target.attachToTarget", map[string]any{"targetId": page, "flatten": true}, &att)
	b.session = att.SessionID
	b.call("Page.enable", nil, nil)
	b.call("Runtime.enable", nil, nil)
	return b
}

// stop shuts Chromium down the way it expects (Browser.close, so it flushes
// its profile and ends its helpers), waits for the browser process to exit,
// then ends and waits out anything left in its process group before the
// profile folder is removed.
func (b *browser) stop(exited <-chan struct{}, profile string) {
	b.t.Helper()
	select {
	case <-exited:
	default:
		// The reply may never come: Chromium can close the pipe first.
		done := make(chan struct{})
		go func() {
			_ = b.send("", "Browser.close", nil, nil)
			close(done)
		}()
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			b.t.Logf("Chromium did not close in 10 s; killing it")
			killGroup(b.cmd)
			<-exited
		}
		<-done
	}
	b.w.Close()
	// Helpers that outlived the browser process (they share its group).
	killGroup(b.cmd)
	if !waitGroupGone(b.cmd, 10*time.Second) {
		b.t.Logf("Chromium helper processes were still alive 10 s after it exited")
	}
	removeProfile(b.t, profile)
}

// removeProfile removes Chromium's profile folder, retrying while files
// vanish or appear under it; what cannot be removed is logged, not failed:
// it is Chromium's scratch space, not something the test asserts.
func removeProfile(t *testing.T, dir string) {
	t.Helper()
	var err error
	for wait := 10 * time.Millisecond; wait < 3*time.Second; wait *= 2 {
		if err = os.RemoveAll(dir); err == nil {
			return
		}
		time.Sleep(wait)
	}
	t.Logf("leaving Chromium's profile %s behind: %v", dir, err)
}

func (b *browser) read(r io.Reader) {
	br := bufio.NewReaderSize(r, 1<<20)
	for {
		msg, err := br.ReadBytes(0)
		if err != nil {
			b.mu.Lock()
			for id, ch := range b.waiting {
				close(ch)
				delete(b.waiting, id)
			}
			b.mu.Unlock()
			return
		}
		var rep cdpReply
		if json.Unmarshal(msg[:len(msg)-1], &rep) != nil {
			continue
		}
		if rep.ID == 0 {
			select {
			case b.events <- rep:
			default: // nobody waits for this many events
			}
			continue
		}
		b.mu.Lock()
		ch := b.waiting[rep.ID]
		delete(b.waiting, rep.ID)
		b.mu.Unlock()
		if ch != nil {
			ch <- rep
		}
	}
}

func (b *browser) send(session, method string, params any, out any) error {
	b.mu.Lock()
	b.nextID++
	id := b.nextID
	ch := make(chan cdpReply, 1)
	b.waiting[id] = ch
	b.mu.Unlock()
	msg := map[string]any{"id": id, "method": method}
	if params != nil {
		msg["params"] = params
	}
	if session != "" {
		msg["sessionId"] = session
	}
	data, _ := json.Marshal(msg)
	if _, err := b.w.Write(append(data, 0)); err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	select {
	case rep, ok := <-ch:
		if !ok {
			return fmt.Errorf("%s: Chromium went away", method)
		}
		if rep.Error != nil {
			return fmt.Errorf("%s: %s", method, rep.Error.Message)
		}
		if out != nil {
			return json.Unmarshal(rep.Result, out)
		}
		return nil
	case <-time.After(30 * time.Second):
		return fmt.Errorf("%s: no reply from Chromium in 30 s", method)
	}
}

func (b *browser) callRoot(method string, params, out any) {
	b.t.Helper()
	if err := b.send("", method, params, out); err != nil {
		b.t.Fatal(err)
	}
}

func (b *browser) call(method string, params, out any) {
	b.t.Helper()
	if err := b.send(b.session, method, params, out); err != nil {
		b.t.Fatal(err)
	}
}

// size sets the viewport; mobile also makes the page see a touch phone.
func (b *browser) size(w, h int, mobile bool, dark bool) {
	b.t.Helper()
	b.call("Emulation.setDeviceMetricsOverride", map[string]any{"width": w, "height": h, "deviceScaleFactor": 1, "mobile": mobile}, nil)
	scheme := "light"
	if dark {
		scheme = "dark"
	}
	b.call("Emulation.setEmulatedMedia", map[string]any{"features": []map[string]string{{"name": "prefers-color-scheme", "value": scheme}}}, nil)
}

// open navigates and waits for the load event.
func (b *browser) open(url string) {
	b.t.Helper()
	for len(b.events) > 0 {
		<-b.events
	}
	var nav struct {
		ErrorText string `json:"errorText"`
	}
	b.call("Page.navigate", map[string]any{"url": url}, &nav)
	if nav.ErrorText != "" {
		b.t.Fatalf("Chromium could not open %s: %s", url, nav.ErrorText)
	}
	deadline := time.After(20 * time.Second)
	for {
		select {
		case ev := <-b.events:
			if ev.Method == "Page.loadEventFired" {
				return
			}
		case <-deadline:
			b.t.Fatalf("%s did not load in 20 s", url)
		}
	}
}

// eval runs a JavaScript expression in the page (awaiting a promise) and
// decodes its value into out.
func (b *browser) eval(expr string, out any) {
	b.t.Helper()
	var res struct {
		Result struct {
			Value json.RawMessage `json:"value"`
		} `json:"result"`
		ExceptionDetails *struct {
			Text      string `json:"text"`
			Exception struct {
				Description string `json:"description"`
			} `json:"exception"`
		} `json:"exceptionDetails"`
	}
	b.call("Runtime.evaluate", map[string]any{"expression": expr, "awaitPromise": true, "returnByValue": true}, &res)
	if res.ExceptionDetails != nil {
		b.t.Fatalf("in the page: %s %s", res.ExceptionDetails.Text, res.ExceptionDetails.Exception.Description)
	}
	if out != nil {
		if err := json.Unmarshal(res.Result.Value, out); err != nil {
			b.t.Fatalf("page value %s: %v", res.Result.Value, err)
		}
	}
}

// screenshot writes a PNG of the viewport to path.
func (b *browser) screenshot(path string) {
	b.t.Helper()
	var shot struct {
		Data string `json:"data"`
	}
	b.call("Page.captureScreenshot", map[string]any{"format": "png"}, &shot)
	data, err := base64.StdEncoding.DecodeString(shot.Data)
	if err != nil {
		b.t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		b.t.Fatal(err)
	}
}
