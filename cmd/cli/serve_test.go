package cli

import (
	"bufio"
	"bytes"
	"io"
	"net/http"
	"strings"
	"testing"
)

// TestServe: the first line of stdout is the address with its token; the
// page answers there and only there; closing Stop ends the command cleanly.
func TestServe(t *testing.T) {
	path := tempDB(t)
	withSession(t, path, "2026-11-20")
	pr, pw := io.Pipe()
	stop := make(chan struct{})
	done := make(chan int, 1)
	var errb bytes.Buffer
	go func() {
		code := Main([]string{"--db", path, "serve", "--addr", "127.0.0.1:0", "--hide-addresses"},
			Env{Stdin: strings.NewReader(""), Stdout: pw, Stderr: &errb, Now: clock, Stop: stop})
		pw.Close()
		done <- code
	}()
	sc := bufio.NewScanner(pr)
	if !sc.Scan() {
		t.Fatalf("no output; stderr: %s", errb.String())
	}
	url := sc.Text()
	if !strings.HasPrefix(url, "http://127.0.0.1:") || !strings.HasSuffix(url, "/") {
		t.Fatalf("first line %q is not the address", url)
	}
	go func() { _, _ = io.Copy(io.Discard, pr) }()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "Sửa đường") {
		t.Fatalf("the page: %d, has the remark: %v", resp.StatusCode, strings.Contains(string(body), "Sửa đường"))
	}
	resp, err = http.Get(strings.TrimSuffix(url[:strings.LastIndex(strings.TrimSuffix(url, "/"), "/")], "/") + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("without the token: %d, want 403", resp.StatusCode)
	}
	close(stop)
	if code := <-done; code != 0 {
		t.Fatalf("exit %d; stderr: %s", code, errb.String())
	}
	if _, err := http.Get(url); err == nil {
		t.Error("the server still answers after serve ended")
	}
}

func TestServeUnknownSession(t *testing.T) {
	path := tempDB(t)
	withSession(t, path, "2026-11-20")
	code, out, errs := call(t, "", "--db", path, "serve", "--session", "42", "--addr", "127.0.0.1:0")
	if code == 0 || out != "" || !strings.Contains(errs, `không có hội nghị "42"`) {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
}
