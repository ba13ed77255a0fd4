package live

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"txct/store"
	"txct/store/model"
)

func startTest(t *testing.T, opts Options) (*Server, *store.Store, uint64) {
	t.Helper()
	db, sid := fixture(t)
	opts.Session = sid
	if opts.Addr == "" {
		opts.Addr = "127.0.0.1:0"
	}
	srv, err := Start(db, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return srv, db, sid
}

func get(t *testing.T, srv *Server, method, path string) *httptest.ResponseRecorder {
	t.Helper()
	w := httptest.NewRecorder()
	srv.ServeHTTP(w, httptest.NewRequest(method, path, nil))
	return w
}

func tokenOf(srv *Server) string {
	u := srv.URL()
	return strings.TrimSuffix(u[strings.LastIndex(strings.TrimSuffix(u, "/"), "/")+1:], "/")
}

func checkHeaders(t *testing.T, name string, h http.Header) {
	t.Helper()
	for k, want := range map[string]string{
		"Referrer-Policy":        "no-referrer",
		"Cache-Control":          "no-store",
		"X-Content-Type-Options": "nosniff",
	} {
		if got := h.Get(k); got != want {
			t.Errorf("%s: %s = %q, want %q", name, k, got, want)
		}
	}
	c := h.Get("Content-Security-Policy")
	if !strings.Contains(c, "default-src 'none'") || !strings.Contains(c, "script-src 'sha256-") || strings.Contains(c, "unsafe-inline") {
		t.Errorf("%s: CSP %q is not strict", name, c)
	}
}

func TestToken(t *testing.T) {
	srv, _, _ := startTest(t, Options{})
	tok := tokenOf(srv)
	if !regexp.MustCompile(`^[A-Z2-7]{26}$`).MatchString(tok) {
		t.Fatalf("token %q is not 128 bits of base32", tok)
	}
	ok := get(t, srv, "GET", "/"+tok+"/")
	if ok.Code != 200 || !strings.Contains(ok.Body.String(), "Nguyễn Văn Hùng") {
		t.Fatalf("with the token: %d, body has the session: %v", ok.Code, strings.Contains(ok.Body.String(), "Nguyễn Văn Hùng"))
	}
	checkHeaders(t, "page", ok.Header())
	wrong := tok[:25] + string("ABCDEFGHIJKLMNOPQRSTUVWXYZ"[(strings.IndexByte("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", tok[25])+1)%26])
	for _, p := range []string{"/", "/favicon.ico", "/" + wrong + "/", "/" + strings.ToLower(tok) + "/", "/" + tok[:25] + "/",
		"/" + tok + "x/", "/x/" + tok + "/", "/../" + tok + "/", "//" + tok + "/", "/" + wrong + "/events?v=all",
		"/%2e%2e/" + tok + "/"} {
		for _, m := range []string{"GET", "HEAD", "POST"} {
			w := get(t, srv, m, p)
			if w.Code != http.StatusForbidden || w.Body.Len() != 0 {
				t.Errorf("%s %s: %d with %d bytes, want 403 and nothing", m, p, w.Code, w.Body.Len())
			}
			checkHeaders(t, m+" "+p, w.Header())
		}
	}
	// A fresh token each time sharing starts.
	db, sid := fixture(t)
	seen := map[string]bool{tok: true}
	for range 5 {
		s2, err := Start(db, Options{Session: sid, Addr: "127.0.0.1:0"})
		if err != nil {
			t.Fatal(err)
		}
		if seen[tokenOf(s2)] {
			t.Errorf("token %s came twice", tokenOf(s2))
		}
		seen[tokenOf(s2)] = true
		s2.Close()
	}
}

func TestReadOnlyAndPaths(t *testing.T) {
	srv, _, _ := startTest(t, Options{})
	tok := tokenOf(srv)
	for _, m := range []string{"POST", "PUT", "DELETE", "PATCH", "OPTIONS"} {
		w := get(t, srv, m, "/"+tok+"/")
		if w.Code != http.StatusMethodNotAllowed || w.Body.Len() != 0 {
			t.Errorf("%s: %d with %d bytes, want 405 and nothing", m, w.Code, w.Body.Len())
		}
	}
	for _, p := range []string{"/" + tok + "/..", "/" + tok + "/../", "/" + tok + "/../../etc/passwd", "/" + tok + "/%2e%2e/",
		"/" + tok + "/repeats/../projector", "/" + tok + "/events?v=../all", "/" + tok + "/events", "/" + tok + "/page.js", "/" + tok + "/fragments.tmpl"} {
		w := get(t, srv, "GET", p)
		if w.Code != http.StatusNotFound || w.Body.Len() != 0 {
			t.Errorf("GET %s: %d with %d bytes, want 404 and nothing", p, w.Code, w.Body.Len())
		}
	}
	w := get(t, srv, "GET", "/"+tok)
	if w.Code != http.StatusPermanentRedirect || w.Header().Get("Location") != "/"+tok+"/" {
		t.Errorf("GET /TOKEN: %d to %q, want a redirect to /TOKEN/", w.Code, w.Header().Get("Location"))
	}
	for _, v := range []string{"repeats", "projector"} {
		if w := get(t, srv, "GET", "/"+tok+"/"+v); w.Code != 200 || !strings.Contains(w.Body.String(), `data-view="`+v+`"`) {
			t.Errorf("GET %s: %d", v, w.Code)
		}
	}
	// A request with a body is refused, whatever its method.
	req := httptest.NewRequest("GET", "/"+tok+"/", strings.NewReader("x=1"))
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	if rec.Code != http.StatusRequestEntityTooLarge || rec.Body.Len() != 0 {
		t.Errorf("GET with a body: %d, want 413", rec.Code)
	}
}

func TestEscaping(t *testing.T) {
	srv, _, _ := startTest(t, Options{})
	tok := tokenOf(srv)
	for _, v := range []string{"", "repeats", "projector"} {
		body := get(t, srv, "GET", "/"+tok+"/"+v).Body.String()
		for _, bad := range []string{"\x1b", "\x07", "\u202e", "\u202c", "<img", "<script>alert", "</article><script>"} {
			if strings.Contains(body, bad) {
				t.Errorf("view %q: page carries %q raw", v, bad)
			}
		}
		if v == "" {
			for _, want := range []string{"&lt;img src=x onerror=alert(1)&gt;", "␛]52;c;aGk=␇", "&lt;/article&gt;&lt;script&gt;alert(1)&lt;/script&gt;", "ấp &#34;Bàu&#34; &amp; &#39;Sen&#39;"} {
				if !strings.Contains(body, want) {
					t.Errorf("page lacks the harmless form %q", want)
				}
			}
		}
		if n := strings.Count(body, "<script"); n != 1 {
			t.Errorf("view %q: %d script elements, want the page's one", v, n)
		}
	}
	// The inline script and style are exactly the ones the CSP hashes.
	body := get(t, srv, "GET", "/"+tok+"/").Body.String()
	js := between(body, "<script>", "</script>")
	css := between(body, "<style>", "</style>")
	c := get(t, srv, "GET", "/"+tok+"/").Header().Get("Content-Security-Policy")
	if !strings.Contains(c, "'"+hash(js)+"'") || !strings.Contains(c, "'"+hash(css)+"'") {
		t.Error("the CSP hashes do not match the page's script and style")
	}
}

func between(s, a, b string) string {
	_, rest, _ := strings.Cut(s, a)
	in, _, _ := strings.Cut(rest, b)
	return in
}

// sse is a test viewer reading the event stream of one view.
type sse struct {
	conn   net.Conn
	r      *bufio.Reader
	events chan sseEvent
}

type sseEvent struct {
	id   string
	data string // the patch as sent
	page string // the view after applying it, as the page's script does
}

// pageState is what the page's script keeps: the header and the articles
// in order.
type pageState struct {
	head  string
	order []uint64
	items map[uint64]string
}

func (st *pageState) apply(data string) error {
	var p struct {
		Head  *string           `json:"head"`
		Order []uint64          `json:"order"`
		Set   map[uint64]string `json:"set"`
	}
	if err := json.Unmarshal([]byte(data), &p); err != nil {
		return err
	}
	if st.items == nil {
		st.items = map[uint64]string{}
	}
	if p.Head != nil {
		st.head = *p.Head
	}
	for id, html := range p.Set {
		st.items[id] = html
	}
	if p.Order == nil {
		return fmt.Errorf("a patch without an order")
	}
	st.order = p.Order
	for id := range st.items {
		if !slices.Contains(st.order, id) {
			delete(st.items, id)
		}
	}
	return nil
}

func (st *pageState) page() string {
	var b strings.Builder
	b.WriteString(st.head)
	for _, id := range st.order {
		b.WriteString(st.items[id])
	}
	return b.String()
}

func dialSSE(t testing.TB, srv *Server, view string) *sse {
	t.Helper()
	u := strings.TrimPrefix(srv.URL(), "http://")
	host, path, _ := strings.Cut(u, "/")
	c, err := net.Dial("tcp", host)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(c, "GET /%sevents?v=%s HTTP/1.1\r\nHost: %s\r\nAccept: text/event-stream\r\n\r\n", path, view, host)
	s := &sse{conn: c, r: bufio.NewReader(c), events: make(chan sseEvent, 4096)}
	resp, err := http.ReadResponse(s.r, nil)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/event-stream; charset=utf-8" {
		t.Fatalf("event stream: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	s.r = bufio.NewReader(resp.Body)
	go s.read()
	t.Cleanup(func() { c.Close() })
	return s
}

func (s *sse) read() {
	defer close(s.events)
	var st pageState
	var ev sseEvent
	var data []string
	for {
		line, err := s.r.ReadString('\n')
		if err != nil {
			return
		}
		line = strings.TrimSuffix(line, "\n")
		switch {
		case line == "":
			if data != nil {
				ev.data = strings.Join(data, "\n")
				if st.apply(ev.data) != nil {
					return
				}
				ev.page = st.page()
				s.events <- ev
			}
			ev, data = sseEvent{}, nil
		case strings.HasPrefix(line, "id: "):
			ev.id = line[4:]
		case strings.HasPrefix(line, "data: "):
			data = append(data, line[6:])
		}
	}
}

// next waits for the next event (the stream's own timeout is the limit).
func (s *sse) next(t testing.TB, within time.Duration) sseEvent {
	t.Helper()
	select {
	case ev, ok := <-s.events:
		if !ok {
			t.Fatal("the event stream closed")
		}
		return ev
	case <-time.After(within):
		t.Fatalf("no event within %v", within)
	}
	return sseEvent{}
}

func TestEventsOnChange(t *testing.T) {
	srv, db, sid := startTest(t, Options{})
	v := dialSSE(t, srv, "all")
	first := v.next(t, 5*time.Second)
	if !strings.Contains(first.page, "Nguyễn Văn Hùng") {
		t.Fatal("the first event is not the current session")
	}
	if _, err := db.SaveRemark(model.Remark{SessionID: sid, Voter: "Bà Trần Thị Lụa", Text: "Đề nghị lắp đèn ngã tư ấp Mới"}); err != nil {
		t.Fatal(err)
	}
	ev := v.next(t, 5*time.Second)
	if !strings.Contains(ev.page, "Trần Thị Lụa") || !strings.Contains(ev.page, "lắp đèn ngã tư ấp Mới") {
		t.Fatal("the event after a change lacks the new remark")
	}
	// Only what changed travels: the header (counts), the new remark and the
	// one that stopped being the newest.
	var pt struct {
		Head *string           `json:"head"`
		Set  map[uint64]string `json:"set"`
	}
	if err := json.Unmarshal([]byte(ev.data), &pt); err != nil {
		t.Fatal(err)
	}
	if pt.Head == nil || len(pt.Set) < 1 || len(pt.Set) > 2 || len(ev.data) > len(first.data)/3 {
		t.Errorf("a new remark sent %d articles in %d bytes (the first event had %d)", len(pt.Set), len(ev.data), len(first.data))
	}
	if ev.id <= first.id && len(ev.id) <= len(first.id) {
		t.Errorf("event ids %s then %s do not increase", first.id, ev.id)
	}
	if strings.Contains(ev.data, "\r") {
		t.Error("a carriage return inside an event")
	}
	// Hiding addresses takes effect on the open stream at once.
	if !strings.Contains(ev.page, "&#34;Bàu&#34;") {
		t.Fatal("the address is missing before hiding")
	}
	srv.SetHideAddresses(true)
	ev = v.next(t, 5*time.Second)
	if strings.Contains(ev.page, "&#34;Bàu&#34;") || strings.Contains(ev.page, `class="addr"`) {
		t.Error("an address is still shown after hiding addresses")
	}
	if !strings.Contains(ev.page, "Trần Thị Lụa") {
		t.Error("hiding addresses hid the remarks too")
	}
	if strings.Contains(get(t, srv, "GET", "/"+tokenOf(srv)+"/").Body.String(), `class="addr"`) {
		t.Error("a newly loaded page shows addresses while they are hidden")
	}
	if srv.Viewers() != 1 {
		t.Errorf("Viewers = %d, want 1", srv.Viewers())
	}
}

// TestHideAddressesAtOnce: once SetHideAddresses returns, every page served
// follows it, even while the session is being written and re-rendered on the
// server's own goroutine (a rendering that read the old setting must not
// publish after the switch).
func TestHideAddressesAtOnce(t *testing.T) {
	srv, db, sid := startTest(t, Options{})
	// Saved before the switching starts, so every rendering holds it.
	r, err := db.SaveRemark(model.Remark{SessionID: sid, Voter: "Ông Tư", Address: "xóm Đồng", Text: "Đề nghị"})
	if err != nil {
		t.Fatal(err)
	}
	stop := make(chan struct{})
	wrote := make(chan error, 1)
	go func() {
		for i := 0; ; i++ {
			select {
			case <-stop:
				wrote <- nil
				return
			default:
			}
			r.Text = fmt.Sprintf("Đề nghị sửa đường lần %d", i)
			saved, err := db.SaveRemark(r)
			if err != nil {
				wrote <- err
				return
			}
			r = saved
		}
	}()
	page := "/" + tokenOf(srv) + "/"
	for i := range 40 {
		srv.SetHideAddresses(true)
		if body := get(t, srv, "GET", page).Body.String(); strings.Contains(body, `class="addr"`) || strings.Contains(body, "xóm Đồng") {
			t.Fatalf("round %d: a page served after hiding addresses shows one", i)
		}
		srv.SetHideAddresses(false)
		if body := get(t, srv, "GET", page).Body.String(); !strings.Contains(body, "xóm Đồng") {
			t.Fatalf("round %d: a page served after showing addresses lacks them", i)
		}
	}
	close(stop)
	if err := <-wrote; err != nil {
		t.Fatal(err)
	}
}

// TestConnectionCap: beyond MaxConns a connection is closed at once, a
// flood of 1,000 attempts leaves the viewers in place, and the server
// serves again when it is over.
func TestConnectionCap(t *testing.T) {
	srv, db, sid := startTest(t, Options{MaxConns: 4})
	var vs []*sse
	for range 4 {
		v := dialSSE(t, srv, "projector")
		v.next(t, 5*time.Second)
		vs = append(vs, v)
	}
	host := strings.TrimPrefix(strings.SplitN(srv.URL(), "/", 4)[2], "")
	var wg sync.WaitGroup
	var mu sync.Mutex
	served := 0
	start := time.Now()
	for g := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 50 {
				c, err := net.DialTimeout("tcp", host, time.Second)
				if err != nil {
					continue // refused: fine
				}
				_ = c.SetDeadline(time.Now().Add(2 * time.Second))
				fmt.Fprintf(c, "GET /%s/ HTTP/1.1\r\nHost: x\r\n\r\n", tokenOf(srv))
				buf := make([]byte, 12)
				if n, _ := io.ReadFull(c, buf); n == 12 && string(buf[9:12]) == "200" {
					mu.Lock()
					served++
					mu.Unlock()
				}
				c.Close()
				_ = g + i
			}
		}()
	}
	wg.Wait()
	t.Logf("1,000 connection attempts with 4 viewers in a cap of 4 took %v; %d were served", time.Since(start).Round(time.Millisecond), served)
	if served != 0 {
		t.Errorf("%d requests were served beyond the cap", served)
	}
	if _, err := db.SaveRemark(model.Remark{SessionID: sid, Voter: "Ông Tư", Text: "Đề nghị nạo vét kênh Ba Xã"}); err != nil {
		t.Fatal(err)
	}
	for i, v := range vs {
		if ev := v.next(t, 5*time.Second); !strings.Contains(ev.page, "nạo vét kênh Ba Xã") {
			t.Errorf("viewer %d missed the change during the flood", i)
		}
	}
	vs[0].conn.Close()
	deadline := time.Now().Add(5 * time.Second)
	for srv.Viewers() != 3 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	resp, err := http.Get(srv.URL())
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("after a viewer left, a page load failed: %v", err)
	}
	resp.Body.Close()
}

// TestSlowClient: a viewer that never reads is dropped after the write
// timeout while the others go on.
func TestSlowClient(t *testing.T) {
	srv, db, sid := startTest(t, Options{WriteTimeout: 2 * time.Second})
	host := strings.SplitN(srv.URL(), "/", 4)[2]
	raw, err := net.Dial("tcp", host)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	_ = raw.(*net.TCPConn).SetReadBuffer(2048)
	fmt.Fprintf(raw, "GET /%s/events?v=all HTTP/1.1\r\nHost: x\r\n\r\n", tokenOf(srv))
	good := dialSSE(t, srv, "all")
	good.next(t, 5*time.Second)
	long := strings.Repeat("Cử tri đề nghị xem xét lại việc bồi thường giải phóng mặt bằng. ", 300)
	dropped := false
	for i := 0; i < 400 && !dropped; i++ {
		if _, err := db.SaveRemark(model.Remark{SessionID: sid, Voter: fmt.Sprintf("Cử tri %d", i), Text: long}); err != nil {
			t.Fatal(err)
		}
		// The reading viewer gets each change.
		for {
			ev := good.next(t, 5*time.Second)
			if strings.Contains(ev.page, fmt.Sprintf("Cử tri %d<", i)) {
				break
			}
		}
		dropped = srv.Viewers() == 1
	}
	deadline := time.Now().Add(5 * time.Second)
	for srv.Viewers() != 1 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if srv.Viewers() != 1 {
		t.Fatalf("Viewers = %d: the client that never reads was not dropped", srv.Viewers())
	}
}

// TestHugeRequest: a 10 MB request body or header is refused without being
// read, and the server goes on serving.
func TestHugeRequest(t *testing.T) {
	srv, _, _ := startTest(t, Options{})
	host := strings.SplitN(srv.URL(), "/", 4)[2]
	try := func(name, head string, body int) {
		c, err := net.Dial("tcp", host)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		_ = c.SetDeadline(time.Now().Add(10 * time.Second))
		go func() {
			_, _ = io.WriteString(c, head)
			chunk := make([]byte, 64<<10)
			for sent := 0; sent < body; sent += len(chunk) {
				if _, err := c.Write(chunk); err != nil {
					return // the server closed: it did not read it all
				}
			}
		}()
		resp, err := http.ReadResponse(bufio.NewReader(c), nil)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
		if resp.StatusCode < 400 || strings.Contains(string(b), "Nguyễn") {
			t.Errorf("%s: status %d with %d bytes, want a refusal and no content", name, resp.StatusCode, len(b))
		}
	}
	tok := tokenOf(srv)
	try("10 MB body", fmt.Sprintf("POST /%s/ HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n", tok, 10<<20), 10<<20)
	try("10 MB body on GET", fmt.Sprintf("GET /%s/ HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n", tok, 10<<20), 10<<20)
	try("10 MB header", fmt.Sprintf("GET /%s/ HTTP/1.1\r\nHost: x\r\nX-Big: %s", tok, strings.Repeat("a", 10<<20)), 0)
	resp, err := http.Get(srv.URL())
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("after huge requests the page does not load: %v", err)
	}
	resp.Body.Close()
}

func TestAddresses(t *testing.T) {
	db, sid := fixture(t)
	for _, bad := range []string{"127.0.0.1:99999", "127.0.0.1:x", "a:b:c"} {
		if _, err := Start(db, Options{Session: sid, Addr: bad}); err == nil {
			t.Errorf("address %q accepted", bad)
		}
	}
	// An address that is not this machine's: a clear error, nothing left open.
	_, err := Start(db, Options{Session: sid, Addr: "203.0.113.7:0"})
	if err == nil || !strings.Contains(err.Error(), "cannot listen on 203.0.113.7") {
		t.Errorf("foreign address: %v", err)
	}
	if hasAddr(net.ParseIP("203.0.113.7")) || !hasAddr(net.ParseIP("127.0.0.1")) {
		t.Error("hasAddr does not tell this machine's addresses")
	}
	// The default address is one of this machine's, never loopback; with
	// no network the error says so.
	if ip, err := LANAddr(); err == nil {
		if ip.IsLoopback() || ip.IsUnspecified() || !hasAddr(ip) {
			t.Errorf("LANAddr = %v, not a LAN address of this machine", ip)
		}
	} else if !errors.Is(err, ErrNoNetwork) {
		t.Errorf("LANAddr: %v", err)
	}
	if _, err := Start(db, Options{Session: 999999, Addr: "127.0.0.1:0"}); err == nil {
		t.Error("an unknown session was shared")
	}
	srv, err := Start(db, Options{Session: sid, Addr: "127.0.0.1"})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	if !strings.HasPrefix(srv.URL(), "http://127.0.0.1:") || srv.NetworkLost() {
		t.Errorf("URL %s, lost %v", srv.URL(), srv.NetworkLost())
	}
}

func TestQRFitsTerminal(t *testing.T) {
	q, err := QR("http://192.168.100.200:65535/ABCDEFGHIJKLMNOPQRSTUVWXYZ/")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(q, "\n")
	for _, l := range lines {
		if n := len([]rune(l)); n != len([]rune(lines[0])) || n > 40 {
			t.Fatalf("QR line of %d cells (first %d): want square and at most 40", n, len([]rune(lines[0])))
		}
	}
	if len(lines) > 20 {
		t.Errorf("QR is %d lines, more than fits an 80×24 terminal with its caption", len(lines))
	}
	if qrContent("http://10.0.0.5:8765/ABC/") != "HTTP://10.0.0.5:8765/ABC/" || qrContent("http://h/abc/") != "http://h/abc/" {
		t.Error("qrContent changes case where it must not")
	}
}
