package cli

import (
	"flag"
	"fmt"
	"strings"

	"txct/store"
)

// runDeadline shows or sets how the reporting deadline is counted.
func runDeadline(g *global, args []string, env Env) error {
	fs := subFlags("deadline", g, env)
	t := g.text()
	days := fs.Int("days", 0, t.S("cli.f.days"))
	working := fs.Bool("working", false, t.S("cli.f.working"))
	calendar := fs.Bool("calendar", false, t.S("cli.f.calendar"))
	off := fs.String("days-off", "", t.S("cli.f.daysoff"))
	if err := g.parseNoArgs(fs, args); err != nil {
		return err
	}
	// --days-off given at all replaces the list, so an empty value clears it.
	offGiven := false
	fs.Visit(func(f *flag.Flag) { offGiven = offGiven || f.Name == "days-off" })
	set := *days != 0 || *working || *calendar || offGiven
	if *working && *calendar {
		return usageError(g.text().S("cli.dl.exclusive"))
	}
	db, err := g.open(store.Options{ReadOnly: !set, NoIndex: true})
	if err != nil {
		return err
	}
	defer db.Close()
	r, err := db.DeadlineRule()
	if err != nil {
		if !set {
			return fmt.Errorf("%s: %w", db.Path(), err)
		}
		// Setting the rule is how an unreadable one is repaired: start from
		// the default and say so.
		fmt.Fprintf(env.Stderr, "txct: %s: %v\n", db.Path(), err)
	}
	if set {
		if *days != 0 {
			r.Days = *days
		}
		if *working {
			r.WorkingDays = true
		}
		if *calendar {
			r.WorkingDays = false
		}
		if offGiven {
			r.DaysOff = splitList(*off)
		}
		if err := db.SetDeadlineRule(r); err != nil {
			return err
		}
	}
	kind := t.S("cli.dl.calendar")
	if r.WorkingDays {
		kind = t.S("cli.dl.working")
	}
	line := t.F("cli.dl.show", r.Days, kind)
	if len(r.DaysOff) > 0 {
		line += t.F("cli.dl.daysoff", strings.Join(r.DaysOff, ", "))
	}
	fmt.Fprintln(env.Stdout, line)
	return nil
}
