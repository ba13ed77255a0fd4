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
	t := base.Text{Lang: g.language()}
	ref := fs.String("session", "latest", t.S("cli.f.serveses"))
	addr := fs.String("addr", "", t.S("cli.f.addr"))
	hide := fs.Bool("hide-addresses", false, t.S("cli.f.hideaddr"))
	if err := g.parseNoArgs(fs, args); err != nil {
		return err
	}
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
