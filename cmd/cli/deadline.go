package cli

import (
	"fmt"
	"strings"

	"txct/store"
)

// runDeadline shows or sets how the reporting deadline is counted.
func runDeadline(g *global, args []string, env Env) error {
	fs := subFlags("deadline", g, env)
	days := fs.Int("days", 0, "days after the session (default 5)")
	working := fs.Bool("working", false, "count working days (skip weekends and days off)")
	calendar := fs.Bool("calendar", false, "count calendar days")
	off := fs.String("days-off", "", "comma-separated days off, YYYY-MM-DD (with --working)")
	if _, err := parseInterspersed(fs, args); err != nil {
		return err
	}
	set := *days != 0 || *working || *calendar || *off != ""
	db, err := g.open(store.Options{ReadOnly: !set, NoIndex: true})
	if err != nil {
		return err
	}
	defer db.Close()
	r := db.DeadlineRule()
	if set {
		if *days != 0 {
			r.Days = *days
		}
		if *working && *calendar {
			return fmt.Errorf("--working and --calendar exclude each other")
		}
		if *working {
			r.WorkingDays = true
		}
		if *calendar {
			r.WorkingDays = false
		}
		if *off != "" {
			r.DaysOff = splitList(*off)
		}
		if err := db.SetDeadlineRule(r); err != nil {
			return err
		}
	}
	kind := "calendar days"
	if r.WorkingDays {
		kind = "working days"
	}
	fmt.Fprintf(env.Stdout, "deadline: %d %s after the session", r.Days, kind)
	if len(r.DaysOff) > 0 {
		fmt.Fprintf(env.Stdout, "; days off: %s", strings.Join(r.DaysOff, ", "))
	}
	fmt.Fprintln(env.Stdout)
	return nil
}
