package base

import (
	"strings"
	"time"

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
	words := c.Text.DeadlineWords(dl)
	switch {
	case dl.Changed && dl.State != model.DeadlineOverdue:
		return words, c.Styles.Warn
	case dl.State == model.DeadlineExported:
		return words, c.Styles.OK
	case dl.State == model.DeadlineToday:
		return words, c.Styles.Warn
	case dl.State == model.DeadlineOverdue:
		return words, c.Styles.Error
	case dl.DaysLeft <= 2:
		return words, c.Styles.Warn
	}
	return words, c.Styles.OK
}

// DeadlineWords words a deadline state the one way the app and the command
// line both use: "còn 3 ngày", "quá hạn 1 ngày", "hạn hôm nay", "đã xuất văn
// bản" (in English "1 day left", "3 days overdue"…).
func (t Text) DeadlineWords(dl model.Deadline) string {
	if dl.Changed {
		// Exported, then changed: the documents out there are stale and the
		// deadline counts until they are exported again.
		return t.F("deadline.changed", t.stateWords(dl))
	}
	return t.stateWords(dl)
}

func (t Text) stateWords(dl model.Deadline) string {
	switch dl.State {
	case model.DeadlineExported:
		return t.S("deadline.exported")
	case model.DeadlineToday:
		return t.S("deadline.today")
	case model.DeadlineOverdue:
		if dl.DaysLeft == -1 {
			return t.F("deadline.overdue1", 1)
		}
		return t.F("deadline.overdue", -dl.DaysLeft)
	}
	if dl.DaysLeft == 1 {
		return t.F("deadline.left1", 1)
	}
	return t.F("deadline.left", dl.DaysLeft)
}

// DueDate is the due date of s as DD/MM/YYYY.
func (c *Context) DueDate(s *model.Session) string {
	dl, err := model.SessionDeadline(s, c.Deadline, c.Now())
	if err != nil {
		return ""
	}
	return dl.Due.Format("02/01/2006")
}

// Exported reports whether the session's documents were exported.
func (c *Context) Exported(s *model.Session) bool {
	dl, err := model.SessionDeadline(s, c.Deadline, c.Now())
	return err == nil && dl.State == model.DeadlineExported
}

// typedDateLayouts are the ways people type a date: ISO, and the Vietnamese
// day-first forms with slashes, dashes or dots (one or two digits each).
var typedDateLayouts = []string{model.DateLayout, "2/1/2006", "2-1-2006", "2.1.2006"}

// ParseTypedDate reads a date as a person types it (21/05/2026, 1-5-2026,
// 21.05.2026 or 2026-05-21) and returns it as YYYY-MM-DD; it reports false
// for anything else, the empty string included.
func ParseTypedDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	for _, l := range typedDateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.Format(model.DateLayout), true
		}
	}
	return "", false
}

// ShortDate turns YYYY-MM-DD into DD/MM/YYYY, the way Vietnamese offices write it.
func ShortDate(iso string) string {
	t, err := model.ParseDate(iso)
	if err != nil {
		return iso
	}
	return t.Format("02/01/2006")
}
