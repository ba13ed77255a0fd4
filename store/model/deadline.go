package model

import "time"

// DeadlineRule says how the reporting deadline is counted: by
// default 5 calendar days after the session; some provinces count working days,
// skipping weekends and the listed days off.
type DeadlineRule struct {
	Days        int      `json:"days"`
	WorkingDays bool     `json:"working_days"`
	DaysOff     []string `json:"days_off,omitempty"` // YYYY-MM-DD
}

// DefaultDeadline is the five-calendar-day rule.
var DefaultDeadline = DeadlineRule{Days: 5}

// Due returns the due date for a session held on date.
func (r DeadlineRule) Due(date time.Time) time.Time {
	days := r.Days
	if days <= 0 {
		days = 5
	}
	d := time.Date(date.Year(), date.Month(), date.Day(), 0, 0, 0, 0, time.UTC)
	if !r.WorkingDays {
		return d.AddDate(0, 0, days)
	}
	off := make(map[string]bool, len(r.DaysOff))
	for _, s := range r.DaysOff {
		off[s] = true
	}
	for n := 0; n < days; {
		d = d.AddDate(0, 0, 1)
		if d.Weekday() == time.Saturday || d.Weekday() == time.Sunday || off[d.Format(DateLayout)] {
			continue
		}
		n++
	}
	return d
}

// DeadlineState is where a session stands against its deadline.
type DeadlineState int

// Deadline states.
const (
	DeadlineOpen     DeadlineState = iota // days left > 0
	DeadlineToday                         // due today
	DeadlineOverdue                       // past due and not exported
	DeadlineExported                      // documents exported
)

// Deadline is a session's due date and how many days are left on today.
type Deadline struct {
	Due      time.Time
	DaysLeft int // negative when overdue
	State    DeadlineState
	// Changed: exported, then changed; the deadline counts again until the
	// documents are exported anew.
	Changed bool
}

// SessionDeadline computes the deadline of s as seen on today.
func SessionDeadline(s *Session, r DeadlineRule, today time.Time) (Deadline, error) {
	d, err := ParseDate(s.Date)
	if err != nil {
		return Deadline{}, err
	}
	due := r.Due(d)
	t := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	left := int(due.Sub(t).Hours() / 24)
	st := DeadlineOpen
	switch {
	case !s.ExportedAt.IsZero() && !s.ChangedSinceExport():
		st = DeadlineExported
	case left == 0:
		st = DeadlineToday
	case left < 0:
		st = DeadlineOverdue
	}
	return Deadline{Due: due, DaysLeft: left, State: st, Changed: s.ChangedSinceExport()}, nil
}
