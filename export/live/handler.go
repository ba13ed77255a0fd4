package live

import (
	"bytes"
	"crypto/subtle"
	"encoding/json"
	"io"
	"log"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

var discardLog = log.New(io.Discard, "", 0)

// view is one of the page's three layouts.
type view int

const (
	viewAll       view = iota // every remark with its matches
	viewRepeats               // only remarks that repeat earlier petitions
	viewProjector             // the newest remark in large type
	nViews
)

var viewNames = [nViews]string{"all", "repeats", "projector"}

// path is the page of each view, relative to the token's folder.
var viewPaths = [nViews]string{"", "repeats", "projector"}

func parseView(s string) (view, bool) {
	for i, n := range viewNames {
		if n == s {
			return view(i), true
		}
	}
	return 0, false
}

// securityHeaders go on every answer, refusals included: nothing is cached
// (the page holds personal data), no address leaks through Referer, and the
// page may run only its own hashed script and style.
func securityHeaders(h http.Header) {
	h.Set("Content-Security-Policy", csp)
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
}

// ServeHTTP answers one request. Anything without the token gets 403 and an
// empty body; the pages are GET or HEAD only and take no request body.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	securityHeaders(h)
	rest, ok := s.authorize(r.URL.Path)
	if !ok {
		refuse(w, http.StatusForbidden)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		refuse(w, http.StatusMethodNotAllowed)
		return
	}
	if r.ContentLength != 0 || len(r.TransferEncoding) > 0 {
		h.Set("Connection", "close")
		refuse(w, http.StatusRequestEntityTooLarge)
		return
	}
	if rest == "\x00" { // the token without its trailing slash
		h.Set("Location", "/"+s.token+"/")
		refuse(w, http.StatusPermanentRedirect)
		return
	}
	if rest == "events" {
		v, ok := parseView(r.URL.Query().Get("v"))
		if !ok {
			refuse(w, http.StatusNotFound)
			return
		}
		s.events(w, r, v)
		return
	}
	for v, p := range viewPaths {
		if rest == p {
			s.page(w, r, view(v))
			return
		}
	}
	refuse(w, http.StatusNotFound)
}

func refuse(w http.ResponseWriter, code int) {
	w.Header().Set("Content-Length", "0")
	w.WriteHeader(code)
}

// authorize checks the token, the path's first segment, in constant time,
// and returns the rest of the path ("\x00" when the token ends the path).
func (s *Server) authorize(path string) (string, bool) {
	if !strings.HasPrefix(path, "/") {
		return "", false
	}
	seg, rest, slash := strings.Cut(path[1:], "/")
	if subtle.ConstantTimeCompare([]byte(seg), []byte(s.token)) != 1 {
		return "", false
	}
	if !slash {
		return "\x00", true
	}
	return rest, true
}

func (s *Server) page(w http.ResponseWriter, r *http.Request, v view) {
	_, p := s.feed.get()
	body := pageHTML(p, v, s.opts.English)
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = io.WriteString(w, body)
	}
}

// events streams the view's fragment: the current one at once, then the
// newest after every change. A viewer that does not take an event within
// the write timeout is dropped.
func (s *Server) events(w http.ResponseWriter, r *http.Request, v view) {
	rc := http.NewResponseController(w)
	sub, ok := s.feed.join()
	if !ok {
		refuse(w, http.StatusServiceUnavailable)
		return
	}
	defer s.feed.leave(sub)
	// The stream outlives the server's read timeout, which is there for
	// request headers only.
	_ = rc.SetReadDeadline(time.Time{})
	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return
	}
	send := func(msg string) error {
		_ = rc.SetWriteDeadline(time.Now().Add(s.opts.WriteTimeout))
		if _, err := io.WriteString(w, msg); err != nil {
			return err
		}
		return rc.Flush()
	}
	if err := send("retry: 2000\n\n"); err != nil {
		return
	}
	var d delta
	beat := time.NewTicker(s.opts.Heartbeat)
	defer beat.Stop()
	for {
		if ver, p := s.feed.get(); ver != d.version {
			if msg, ok := d.next(ver, p, v); ok {
				if err := send(msg); err != nil {
					return
				}
			}
		}
		select {
		case <-sub.wake:
		case <-beat.C:
			if err := send(": \n\n"); err != nil {
				return
			}
		case <-r.Context().Done():
			return
		case <-s.stop:
			return
		}
	}
}

// delta is what one viewer's page holds, so that each event carries only
// what changed: the header if it did, the remarks whose article changed,
// and the order of the view's remarks (which also drops the others).
type delta struct {
	version uint64
	head    string
	order   []uint64
	sent    map[uint64]string
	started bool
}

// patch is an event's data: JSON that the page's script applies.
type patch struct {
	Head  *string           `json:"head,omitempty"`
	Order []uint64          `json:"order"`
	Set   map[uint64]string `json:"set,omitempty"`
}

// next is the event that brings the viewer to version ver of view v, and
// false when the view did not change.
func (d *delta) next(ver uint64, p pages, v view) (string, bool) {
	d.version = ver
	var pt patch
	if !d.started || p.head[v] != d.head {
		h := p.head[v]
		pt.Head = &h
	}
	if d.sent == nil {
		d.sent = map[uint64]string{}
	}
	keep := make(map[uint64]bool, len(p.order[v]))
	for _, id := range p.order[v] {
		keep[id] = true
		if html := p.items[id]; d.sent[id] != html {
			if pt.Set == nil {
				pt.Set = map[uint64]string{}
			}
			pt.Set[id] = html
			d.sent[id] = html
		}
	}
	for id := range d.sent {
		if !keep[id] {
			delete(d.sent, id) // the page drops it with the new order
		}
	}
	if d.started && pt.Head == nil && pt.Set == nil && slices.Equal(d.order, p.order[v]) {
		return "", false
	}
	d.started, d.head, d.order = true, p.head[v], slices.Clone(p.order[v])
	pt.Order = d.order
	if pt.Order == nil {
		pt.Order = []uint64{}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(pt)
	return event(ver, strings.TrimSuffix(b.String(), "\n")), true
}

// event formats one SSE event; every line of data becomes a data line, and
// carriage returns (line ends to SSE) are dropped.
func event(ver uint64, data string) string {
	var b strings.Builder
	b.Grow(len(data) + 64)
	b.WriteString("event: patch\nid: ")
	b.WriteString(strconv.FormatUint(ver, 10))
	b.WriteByte('\n')
	for line := range strings.SplitSeq(strings.ReplaceAll(data, "\r", ""), "\n") {
		b.WriteString("data: ")
		b.WriteString(line)
		b.WriteByte('\n')
	}
	b.WriteByte('\n')
	return b.String()
}

// feed holds the latest rendering and wakes the open event streams when it
// changes. Each event carries the whole view, so a viewer that was too slow
// for one version loses nothing by getting the next.
type feed struct {
	mu      sync.Mutex
	version uint64
	cur     pages
	subs    map[*subscriber]struct{}
	closed  bool
}

type subscriber struct{ wake chan struct{} }

func newFeed() *feed { return &feed{subs: map[*subscriber]struct{}{}} }

func (f *feed) publish(p pages) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.version > 0 && p.equal(f.cur) {
		return
	}
	f.version++
	f.cur = p
	for s := range f.subs {
		select {
		case s.wake <- struct{}{}:
		default:
		}
	}
}

func (f *feed) get() (uint64, pages) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.version, f.cur
}

func (f *feed) join() (*subscriber, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		return nil, false
	}
	s := &subscriber{wake: make(chan struct{}, 1)}
	f.subs[s] = struct{}{}
	return s, true
}

func (f *feed) leave(s *subscriber) {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.subs, s)
}

func (f *feed) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.subs)
}

func (f *feed) close() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.closed = true
}
