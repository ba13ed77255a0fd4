package cli

import (
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"txct/export/live"
	"txct/store"
	"txct/tui/base"
)

// runServe shares one session read-only with the delegates' devices until
// ctrl+c. The first line of stdout is the address to open (token included).
func runServe(g *global, args []string, env Env) error {
	fs := subFlags("serve", g, env)
	ref := fs.String("session", "latest", "the session to share: its number from 'txct sessions', its uid, or latest")
	addr := fs.String("addr", "", "HOST:PORT to listen on (default: this machine's LAN address, port 8765 or a free one; 0.0.0.0 for every interface)")
	hide := fs.Bool("hide-addresses", false, "leave voters' addresses out of the view")
	if err := g.parseNoArgs(fs, args); err != nil {
		return err
	}
	t := base.Text{Lang: g.language()}
	db, sess, err := g.openSession(*ref, store.Options{ReadOnly: true})
	if errors.Is(err, store.ErrLocked) {
		return fmt.Errorf("%w\n%s", err, t.S("share.uselocked"))
	}
	if err != nil {
		return err
	}
	defer db.Close()
	srv, err := live.Start(db, live.Options{Session: sess.ID, Addr: *addr, HideAddresses: *hide, English: t.Lang == base.EN})
	if errors.Is(err, live.ErrNoNetwork) {
		return errors.New(t.S("share.nonetwork"))
	}
	if err != nil {
		return fmt.Errorf("%s: %w", t.S("share.failed"), err)
	}
	defer srv.Close()
	fmt.Fprintln(env.Stdout, srv.URL())
	if env.StdoutTTY {
		if q, err := live.QRANSI(srv.URL()); err == nil {
			fmt.Fprintln(env.Stdout, q)
		}
	}
	fmt.Fprintln(env.Stdout, t.F("share.serving", sess.Title))
	if *hide {
		fmt.Fprintln(env.Stdout, t.S("share.addrhidden"))
	}
	stop := env.Stop
	if stop == nil {
		sig := make(chan os.Signal, 1)
		signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
		defer signal.Stop(sig)
		ch := make(chan struct{})
		go func() { <-sig; close(ch) }()
		stop = ch
	}
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	viewers, lost := 0, false
	for {
		select {
		case <-stop:
			fmt.Fprintln(env.Stderr, t.S("share.stopped"))
			return nil
		case <-tick.C:
			if n := srv.Viewers(); n != viewers {
				viewers = n
				fmt.Fprintln(env.Stderr, t.F("share.viewers", n))
			}
			if l := srv.NetworkLost(); l != lost {
				lost = l
				if l {
					fmt.Fprintln(env.Stderr, t.S("share.netlost"))
				} else {
					fmt.Fprintln(env.Stderr, t.S("share.netback"))
				}
			}
		}
	}
}
