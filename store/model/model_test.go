package model

import (
	"errors"
	"slices"
	"testing"
	"time"
)

func TestSafe(t *testing.T) {
	cases := []struct {
		name, in string
		nl       bool
		want     string
	}{
		{"plain", "Cử tri thôn 3", false, "Cử tri thôn 3"},
		{"csi", "a\x1b[31mred", false, "a␛[31mred"},
		{"osc52", "x\x1b]52;c;aGVsbG8=\x07y", false, "x␛]52;c;aGVsbG8=␇y"},
		{"title", "\x1b]0;pwned\x1b\\", false, "␛]0;pwned␛\\"},
		{"c1 csi", "a\u009b31m", false, "a\uFFFD31m"},
		{"bidi", "abc\u202edcba\u2066x", false, "abcdcbax"},
		{"newline kept", "a\nb\tc", true, "a\nb\tc"},
		{"newline folded", "a\r\nb", false, "a  b"},
		{"invalid utf8", "a\xffb", false, "a\uFFFDb"},
		{"del", "a\x7fb", false, "a␡b"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Safe(c.in, c.nl); got != c.want {
				t.Errorf("Safe(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestDue(t *testing.T) {
	d := func(s string) time.Time { t, _ := ParseDate(s); return t }
	cases := []struct {
		name string
		rule DeadlineRule
		date string
		want string
	}{
		{"calendar", DefaultDeadline, "2026-11-20", "2026-11-25"},
		{"calendar month end", DefaultDeadline, "2026-12-29", "2027-01-03"},
		{"working days skip weekend", DeadlineRule{Days: 5, WorkingDays: true}, "2026-11-20", "2026-11-27"},
		{"working days with day off", DeadlineRule{Days: 5, WorkingDays: true, DaysOff: []string{"2026-11-24"}}, "2026-11-20", "2026-11-30"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := c.rule.Due(d(c.date)).Format(DateLayout); got != c.want {
				t.Errorf("Due(%s) = %s, want %s", c.date, got, c.want)
			}
		})
	}
}

func TestSessionDeadline(t *testing.T) {
	s := &Session{Date: "2026-11-20"}
	today := func(x string) time.Time { t, _ := ParseDate(x); return t.Add(15 * time.Hour) }
	cases := []struct {
		today string
		left  int
		state DeadlineState
	}{
		{"2026-11-22", 3, DeadlineOpen},
		{"2026-11-25", 0, DeadlineToday},
		{"2026-11-27", -2, DeadlineOverdue},
	}
	for _, c := range cases {
		dl, err := SessionDeadline(s, DefaultDeadline, today(c.today))
		if err != nil || dl.DaysLeft != c.left || dl.State != c.state {
			t.Errorf("on %s: got %+v %v, want left %d state %d", c.today, dl, err, c.left, c.state)
		}
	}
	s.ExportedAt = time.Now()
	if dl, _ := SessionDeadline(s, DefaultDeadline, today("2026-11-27")); dl.State != DeadlineExported {
		t.Errorf("exported session state = %d", dl.State)
	}
}

func TestValidate(t *testing.T) {
	ok := Session{Title: "TXCT", Kind: KindBefore, Date: "2026-11-20", Start: "08:00", End: "10:30"}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	bad := ok
	bad.End = "07:00"
	if bad.Validate() == nil {
		t.Error("end before start accepted")
	}
	bad = ok
	bad.Voters = -1
	if bad.Validate() == nil {
		t.Error("negative voters accepted")
	}
	bad = ok
	bad.Date = "20/11/2026"
	if bad.Validate() == nil {
		t.Error("bad date accepted")
	}
	// Every problem is reported, each keyed by the field's JSON name.
	bad = Session{Title: " ", Kind: "truoc", Date: "2026-11-20", Start: "8h", End: "07:00", Voters: -2,
		Notes: []Note{{Section: SecOpening}, {Section: "mo_dau"}}}
	var fes FieldErrors
	if !errors.As(bad.Validate(), &fes) {
		t.Fatalf("Validate did not return FieldErrors: %v", bad.Validate())
	}
	var got []string
	for _, fe := range fes {
		got = append(got, fe.Field+"="+fe.Problem)
	}
	want := []string{"title=empty", "kind=invalid", "start=invalid", "voters=negative", "notes[1].section=invalid"}
	if !slices.Equal(got, want) {
		t.Errorf("problems %v, want %v", got, want)
	}
	bad = ok
	bad.End = "08:00"
	if !errors.As(bad.Validate(), &fes) || len(fes) != 1 || fes[0].Field != "end" || fes[0].Problem != ProblemBeforeStart {
		t.Errorf("end at start: %v", bad.Validate())
	}
}
