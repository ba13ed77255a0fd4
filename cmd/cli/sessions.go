package cli

import (
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"txct/store"
	"txct/store/model"
	"txct/tui/base"
)

// sessionRow is one session as 'txct sessions --json' prints it (ISO dates).
type sessionRow struct {
	ID       uint64 `json:"id"`
	UID      string `json:"uid"`
	Title    string `json:"title"`
	Date     string `json:"date"`
	Place    string `json:"place"`
	Kind     string `json:"kind"`
	Remarks  int    `json:"remarks"`
	Due      string `json:"due"`
	DaysLeft int    `json:"days_left"`
	State    string `json:"state"` // draft, exported, changed_since_export, overdue
}

func runSessions(g *global, args []string, env Env) error {
	fs := subFlags("sessions", g, env)
	asJSON := fs.Bool("json", false, g.text().S("cli.f.json"))
	if err := g.parseNoArgs(fs, args); err != nil {
		return err
	}
	db, err := g.open(store.Options{ReadOnly: true, NoIndex: true})
	if err != nil {
		return err
	}
	defer db.Close()
	list, err := db.Sessions()
	if err != nil {
		return err
	}
	rule, err := db.DeadlineRule()
	if err != nil {
		return fmt.Errorf("%s: %w", db.Path(), err)
	}
	rows := make([]sessionRow, 0, len(list))
	dls := make([]model.Deadline, 0, len(list))
	for _, s := range list {
		dl, err := model.SessionDeadline(&s.Session, rule, env.Now())
		if err != nil {
			return fmt.Errorf("%s: %w", g.text().F("cli.sessno", s.ID), err)
		}
		state := "draft"
		switch {
		case dl.Changed:
			state = "changed_since_export"
		case dl.State == model.DeadlineExported:
			state = "exported"
		case dl.State == model.DeadlineOverdue:
			state = "overdue"
		}
		rows = append(rows, sessionRow{ID: s.ID, UID: s.UID, Title: s.Title, Date: s.Date, Place: s.Place,
			Kind: string(s.Kind), Remarks: s.Remarks, Due: dl.Due.Format(model.DateLayout), DaysLeft: dl.DaysLeft, State: state})
		dls = append(dls, dl)
	}
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	}
	// The table is for people: words in the chosen language, dates as
	// offices write them, the deadline worded as on the home screen.
	t := g.text()
	if len(list) == 0 {
		_, err := fmt.Fprintln(env.Stdout, t.S("cli.sess.none"))
		return err
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 2, 2, ' ', 0)
	fmt.Fprintln(tw, t.S("cli.sess.head"))
	for i, s := range list {
		r := rows[i]
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d\t%s\t%s\n", r.ID, base.ShortDate(r.Date), model.Safe(r.Place, false),
			t.S("kind."+string(s.Kind)), r.Remarks, base.ShortDate(r.Due), t.DeadlineWords(dls[i]))
	}
	return tw.Flush()
}
