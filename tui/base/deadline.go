package base

import (
	"charm.land/lipgloss/v2"

	"txct/store/model"
)

// DeadlineLabel words a session's deadline state ("còn 3 ngày", "quá hạn 2
// ngày"…) and picks its colour, so every list shows it the same way.
func (c *Context) DeadlineLabel(s *model.Session) (string, lipgloss.Style) {
	dl, err := model.SessionDeadline(s, c.Deadline, c.Now())
	if err != nil {
		return "—", c.Styles.Muted
	}
	t := c.Text
	switch dl.State {
	case model.DeadlineExported:
		return t.S("deadline.exported"), c.Styles.OK
	case model.DeadlineToday:
		return t.S("deadline.today"), c.Styles.Warn
	case model.DeadlineOverdue:
		return t.F("deadline.overdue", -dl.DaysLeft), c.Styles.Error
	}
	st := c.Styles.OK
	if dl.DaysLeft <= 2 {
		st = c.Styles.Warn
	}
	return t.F("deadline.left", dl.DaysLeft), st
}

// DueDate is the due date of s as DD/MM/YYYY.
func (c *Context) DueDate(s *model.Session) string {
	dl, err := model.SessionDeadline(s, c.Deadline, c.Now())
	if err != nil {
		return ""
	}
	return dl.Due.Format("02/01/2006")
}

// ShortDate turns YYYY-MM-DD into DD/MM/YYYY, the way Vietnamese offices write it.
func ShortDate(iso string) string {
	t, err := model.ParseDate(iso)
	if err != nil {
		return iso
	}
	return t.Format("02/01/2006")
}
