package cli

import (
	"errors"
	"fmt"
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"

	"txct/store"
	"txct/tui"
	"txct/tui/base"
)

// runTUI opens the database and runs the terminal app until the user quits.
func runTUI(g *global, env Env) error {
	// The screen would hide a line on stderr: the app shows the move itself.
	g.stderr = nil
	db, err := g.open(store.Options{})
	if err != nil {
		return err
	}
	ctx := base.NewContext(g.language())
	opts := tui.Options{Notice: g.moved}
	// An unreadable deadline rule does not keep the secretary out: the app
	// counts with the default and says so on its status line.
	var werr error
	ctx.Deadline, opts.Warning = db.DeadlineRule()
	ctx.Telex, werr = db.Telex()
	opts.Warning = errors.Join(opts.Warning, werr)
	ctx.NewToneStyle = g.tone == "new" || (g.tone == "" && os.Getenv("TXCT_TONE") == "new")
	opts.ShareAddr = g.share
	if g.openRef != "" {
		sess, err := g.findSession(db, g.openRef)
		if err != nil {
			db.Close()
			return err
		}
		opts.OpenSession = sess.ID
	}
	// The autosaver reports each write to the status line.
	var prog atomic.Pointer[tea.Program]
	saver := db.Autosaver(0, func(err error) {
		if p := prog.Load(); p != nil {
			p.Send(tui.SaveResult(err))
		}
	})
	// Closing the window (Windows sends CTRL_CLOSE_EVENT, which Go reports
	// as SIGTERM, and ends the program about 5 s later; a terminal sends
	// SIGHUP) saves at once and quits without a backup, so nothing is cut
	// short and no temporary file is left behind.
	var closing atomic.Bool
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM, syscall.SIGHUP)
	defer signal.Stop(sigs)
	go func() {
		if _, ok := <-sigs; !ok {
			return
		}
		closing.Store(true)
		_ = saver.Flush()
		if p := prog.Load(); p != nil {
			p.Quit()
		}
	}()
	root := tui.New(ctx, db, opts)
	p := tea.NewProgram(root, tea.WithFPS(60))
	prog.Store(p)
	_, runErr := p.Run()
	prog.Store(nil)
	// Whatever happened, save what is pending, then back up: after a
	// session screen was used, else once a day of use. It runs after the
	// screen is gone, so the backup never slows typing, and it is skipped
	// when the window is being closed or a backup was made a moment ago.
	t := g.text()
	if err := saver.Flush(); err != nil {
		fmt.Fprintln(env.Stderr, "txct: "+t.F("cli.saveerr", db.Path(), err))
	}
	var backupErr error
	switch {
	case closing.Load():
	case root.SessionOpened:
		_, backupErr = db.CloseBackup(time.Now())
	default:
		_, backupErr = db.DailyBackup(time.Now())
	}
	if backupErr != nil {
		fmt.Fprintln(env.Stderr, "txct: "+t.F("cli.backuperr", db.Path(), backupErr))
	}
	closeErr := db.Close()
	if runErr != nil && !errors.Is(runErr, tea.ErrProgramKilled) {
		return runErr
	}
	return closeErr
}
