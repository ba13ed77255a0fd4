// Package live shares one session read-only with the delegates' phones and
// the room's projector, over the meeting room's local network: a small HTTP
// server renders the session as one self-contained HTML page and keeps it
// current with Server-Sent Events.
//
// It is a rendering of the session for readers outside the app, like the
// documents of package export, so it sits beside them; the terminal app and
// "txct serve" both start it. It reads the store's saved state on its own
// goroutine, woken by the store after each committed write, so a keystroke
// never waits on it. Nothing it serves can change data: it answers GET and
// HEAD only, and only to requests that carry the access token.
package live

import (
	"crypto/rand"
	"encoding/base32"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"txct/store"
)

// DefaultPort is tried first when the address names no port; if it is taken,
// the system picks a free one.
const DefaultPort = 8765

// DefaultMaxConns caps the open connections: a room's phones and a projector
// stay far below it, and a flood of connections cannot exhaust the laptop.
const DefaultMaxConns = 64

// Options configure a Server.
type Options struct {
	Session uint64
	// Addr is HOST:PORT, HOST or :PORT to listen on. An empty host means the
	// machine's LAN address (never every interface unless 0.0.0.0 or :: is
	// given); an empty port means DefaultPort, else a free one.
	Addr string
	// HideAddresses leaves voters' addresses out of every page and event.
	HideAddresses bool
	// English renders the page in English; Vietnamese otherwise.
	English bool
	// MaxConns caps open connections (0: DefaultMaxConns).
	MaxConns int
	// WriteTimeout drops a viewer that has not taken an event within it
	// (0: 10 s), so a client that never reads holds nothing for long.
	WriteTimeout time.Duration
	// Heartbeat is the interval of keep-alive comments on the event stream
	// (0: 15 s).
	Heartbeat time.Duration
}

// Errors from Start, for the callers' messages.
var (
	// ErrNoNetwork means no LAN address was found to listen on.
	ErrNoNetwork = errors.New("no local network found")
)

// Server is a running share of one session.
type Server struct {
	db    *store.Store
	opts  Options
	token string
	url   string
	ip    net.IP // the address listened on (nil: every interface)

	ln   *limitListener
	http *http.Server
	feed *feed
	// mu makes each rendering and its publication one step, so the pages
	// served are never older than the last settings change: a rendering
	// that read the old settings cannot publish after the new ones.
	mu      sync.Mutex
	hide    atomic.Bool // written only under mu
	stop    chan struct{}
	done    chan struct{}
	once    sync.Once
	lost    atomic.Bool // the address listened on left this machine
	renders atomic.Uint64
	cache   repeatCache
	// articles is the last rendering of each remark; guarded by mu.
	articles map[uint64]article
}

// Start listens on the chosen address and starts serving session
// opts.Session. The returned server's URL carries a fresh access token.
func Start(db *store.Store, opts Options) (*Server, error) {
	if opts.MaxConns <= 0 {
		opts.MaxConns = DefaultMaxConns
	}
	if opts.WriteTimeout <= 0 {
		opts.WriteTimeout = 10 * time.Second
	}
	if opts.Heartbeat <= 0 {
		opts.Heartbeat = 15 * time.Second
	}
	if _, err := db.Session(opts.Session); err != nil {
		return nil, err
	}
	host, port, err := splitAddr(opts.Addr)
	if err != nil {
		return nil, err
	}
	var ip net.IP
	if host == "" {
		if ip, err = LANAddr(); err != nil {
			return nil, err
		}
	} else if ip = net.ParseIP(host); ip == nil {
		ips, err := net.LookupIP(host)
		if err != nil || len(ips) == 0 {
			return nil, fmt.Errorf("cannot resolve %q: %v", host, err)
		}
		ip = ips[0]
	}
	inner, err := listen(ip, port)
	if err != nil {
		return nil, err
	}
	s := &Server{
		db:    db,
		opts:  opts,
		token: newToken(),
		ln:    &limitListener{Listener: inner, max: int64(opts.MaxConns)},
		stop:  make(chan struct{}),
		done:  make(chan struct{}),
	}
	s.hide.Store(opts.HideAddresses)
	if !ip.IsUnspecified() {
		s.ip = ip
	}
	shown := ip
	if ip.IsUnspecified() {
		if lan, err := LANAddr(); err == nil {
			shown = lan
		} else {
			shown = net.IPv4(127, 0, 0, 1)
		}
	}
	p := inner.Addr().(*net.TCPAddr).Port
	s.url = "http://" + net.JoinHostPort(shown.String(), strconv.Itoa(p)) + "/" + s.token + "/"
	s.feed = newFeed()
	// The channel is taken before the first read, so a write that lands
	// while it renders is not missed.
	changed := db.Changed()
	s.refresh()
	s.http = &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		IdleTimeout:       30 * time.Second,
		MaxHeaderBytes:    8 << 10,
		ErrorLog:          discardLog,
	}
	go func() { _ = s.http.Serve(s.ln) }()
	go s.loop(changed)
	return s, nil
}

// listen binds ip:port; with no port it tries DefaultPort, then any.
func listen(ip net.IP, port string) (net.Listener, error) {
	if port != "" {
		ln, err := net.Listen("tcp", net.JoinHostPort(ip.String(), port))
		if err != nil {
			return nil, fmt.Errorf("cannot listen on %s: %w", net.JoinHostPort(ip.String(), port), err)
		}
		return ln, nil
	}
	if ln, err := net.Listen("tcp", net.JoinHostPort(ip.String(), strconv.Itoa(DefaultPort))); err == nil {
		return ln, nil
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(ip.String(), "0"))
	if err != nil {
		return nil, fmt.Errorf("cannot listen on %s: %w", ip, err)
	}
	return ln, nil
}

func splitAddr(addr string) (host, port string, err error) {
	if addr == "" {
		return "", "", nil
	}
	if h, p, err := net.SplitHostPort(addr); err == nil {
		if p != "" {
			if n, err := strconv.Atoi(p); err != nil || n < 0 || n > 65535 {
				return "", "", fmt.Errorf("address %q: port %q is not a number from 0 to 65535", addr, p)
			}
		}
		return h, p, nil
	}
	if net.ParseIP(addr) != nil || !containsColon(addr) {
		return addr, "", nil
	}
	return "", "", fmt.Errorf("address %q is not HOST:PORT", addr)
}

func containsColon(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == ':' {
			return true
		}
	}
	return false
}

// newToken is 128 random bits in upper-case base32 (26 characters), which a
// QR code stores in its compact alphanumeric mode.
func newToken() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b[:])
}

// URL is the address to give the delegates, access token included.
func (s *Server) URL() string { return s.url }

// Viewers is how many devices follow the session now (open event streams).
func (s *Server) Viewers() int { return s.feed.count() }

// NetworkLost reports that the address the server listens on is no longer
// one of this machine's (the laptop changed network): viewers cannot reach it
// until sharing is started again.
func (s *Server) NetworkLost() bool { return s.lost.Load() }

// HideAddresses reports whether voters' addresses are left out.
func (s *Server) HideAddresses() bool { return s.hide.Load() }

// SetHideAddresses switches voters' addresses off or on for every viewer.
// The session is rendered again before it returns, so every page and event
// served after it follows the new setting; open pages update at once.
func (s *Server) SetHideAddresses(hide bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.hide.Swap(hide) != hide {
		s.refreshLocked()
	}
}

// Close stops the server and disconnects every viewer.
func (s *Server) Close() error {
	var err error
	s.once.Do(func() {
		close(s.stop)
		err = s.http.Close()
		s.feed.close()
		<-s.done
	})
	return err
}

// loop re-renders the session after every committed write, and watches
// that the address listened on still exists.
// It takes the store's change channel before each read, so a write that
// commits during a rendering wakes it again.
func (s *Server) loop(changed <-chan struct{}) {
	defer close(s.done)
	tick := time.NewTicker(2 * time.Second)
	defer tick.Stop()
	for {
		select {
		case <-changed:
			changed = s.db.Changed()
			s.refresh()
		case <-tick.C:
			if s.ip != nil {
				s.lost.Store(!hasAddr(s.ip))
			}
		case <-s.stop:
			return
		}
	}
}

// refresh reads the saved session and publishes it if it changed.
func (s *Server) refresh() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.refreshLocked()
}

// refreshLocked is refresh with s.mu held.
func (s *Server) refreshLocked() {
	s.renders.Add(1)
	pages, err := s.render()
	if err != nil {
		pages = errorPages(err, s.opts.English)
	}
	s.feed.publish(pages)
}

// LANAddr is the machine's address on the local network: the address the
// system would send from on its default route, if it is one of an
// interface that is up; else the first private IPv4 address of such an
// interface (a laptop with virtual adapters lists them too), else any
// other non-loopback one.
func LANAddr() (net.IP, error) {
	if ip := routeAddr(); ip != nil {
		return ip, nil
	}
	ifs, err := net.Interfaces()
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNoNetwork, err)
	}
	var other net.IP
	for _, ifc := range ifs {
		if ifc.Flags&net.FlagUp == 0 || ifc.Flags&net.FlagLoopback != 0 {
			continue
		}
		addrs, err := ifc.Addrs()
		if err != nil {
			continue
		}
		for _, a := range addrs {
			n, ok := a.(*net.IPNet)
			if !ok {
				continue
			}
			ip := n.IP.To4()
			if ip == nil || ip.IsLoopback() || ip.IsLinkLocalUnicast() {
				continue
			}
			if ip.IsPrivate() {
				return ip, nil
			}
			if other == nil {
				other = ip
			}
		}
	}
	if other != nil {
		return other, nil
	}
	return nil, ErrNoNetwork
}

// routeAddr asks the system which local address it would use to reach a
// documentation address (192.0.2.1) over UDP: connecting a UDP socket
// picks a route and sends nothing.
func routeAddr() net.IP {
	c, err := net.Dial("udp4", "192.0.2.1:9")
	if err != nil {
		return nil
	}
	defer c.Close()
	a, ok := c.LocalAddr().(*net.UDPAddr)
	if !ok || a.IP.IsLoopback() || a.IP.IsUnspecified() || a.IP.IsLinkLocalUnicast() || !hasAddr(a.IP) {
		return nil
	}
	return a.IP.To4()
}

// hasAddr reports whether ip is still one of this machine's addresses.
func hasAddr(ip net.IP) bool {
	if ip.IsLoopback() {
		return true
	}
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return false
	}
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok && n.IP.Equal(ip) {
			return true
		}
	}
	return false
}

// limitListener closes connections beyond max at once instead of queueing
// them, so a flood is refused quickly and the viewers already in keep going.
type limitListener struct {
	net.Listener
	max  int64
	open atomic.Int64
}

func (l *limitListener) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		if l.open.Add(1) > l.max {
			l.open.Add(-1)
			c.Close()
			continue
		}
		return &countedConn{Conn: c, l: l}, nil
	}
}

type countedConn struct {
	net.Conn
	l    *limitListener
	once sync.Once
}

func (c *countedConn) Close() error {
	c.once.Do(func() { c.l.open.Add(-1) })
	return c.Conn.Close()
}
