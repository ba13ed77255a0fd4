package cli

import (
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"txct/store"
	"txct/store/model"
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
	State    string `json:"state"` // draft, exported, overdue
}

func runSessions(g *global, args []string, env Env) error {
	fs := subFlags("sessions", g, env)
	asJSON := fs.Bool("json", false, "print JSON (one array, ISO dates)")
	if _, err := parseInterspersed(fs, args); err != nil {
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
	rule := db.DeadlineRule()
	rows := make([]sessionRow, 0, len(list))
	for _, s := range list {
		dl, err := model.SessionDeadline(&s.Session, rule, env.Now())
		if err != nil {
			return fmt.Errorf("session %d: %w", s.ID, err)
		}
		state := "draft"
		switch dl.State {
		case model.DeadlineExported:
			state = "exported"
		case model.DeadlineOverdue:
			state = "overdue"
		}
		rows = append(rows, sessionRow{ID: s.ID, UID: s.UID, Title: s.Title, Date: s.Date, Place: s.Place,
			Kind: string(s.Kind), Remarks: s.Remarks, Due: dl.Due.Format(model.DateLayout), DaysLeft: dl.DaysLeft, State: state})
	}
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 2, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tDATE\tPLACE\tKIND\tREMARKS\tDUE\tSTATE")
	for _, r := range rows {
		state := r.State
		if state == "draft" {
			state = "draft, " + days(r.DaysLeft) + " left"
			if r.DaysLeft == 0 {
				state = "draft, due today"
			}
		} else if state == "overdue" {
			state = "overdue by " + days(-r.DaysLeft)
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d\t%s\t%s\n", r.ID, r.Date, model.Safe(r.Place, false), r.Kind, r.Remarks, r.Due, state)
	}
	return tw.Flush()
}

// days is "1 day" or "n days".
func days(n int) string {
	if n == 1 {
		return "1 day"
	}
	return fmt.Sprintf("%d days", n)
}
