package stats

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"txct/store"
	"txct/store/model"
	"txct/tui/archive/archivetest"
	"txct/tui/base"
	"txct/tui/tuitest"
)

// open loads the statistics of session id (0: all) at w×h.
func open(t *testing.T, db *store.Store, id uint64, w, h int) *Model {
	m := New(archivetest.Context(), db, id)
	tuitest.Load(t, m, w, h)
	return m
}

func TestView(t *testing.T) {
	db, id := archivetest.Fixture(t)
	for _, sz := range []struct{ w, h int }{{80, 24}, {120, 40}} {
		for _, c := range []struct {
			name string
			id   uint64
			keys []string
		}{
			{"session", id, nil},
			{"session_all", id, []string{"tab"}},
			{"session_scrolled", id, []string{"pgdown"}},
			{"all", 0, nil},
		} {
			t.Run(fmt.Sprintf("%s_%dx%d", c.name, sz.w, sz.h), func(t *testing.T) {
				m := open(t, db, c.id, sz.w, sz.h)
				tuitest.Press(t, m, c.keys...)
				v := ansi.Strip(m.View())
				tuitest.CheckSize(t, v, sz.w, sz.h)
				golden.RequireEqual(t, []byte(v))
			})
		}
	}
}

var rowRE = regexp.MustCompile(`^(.*?)\s+[█▏▎▍▌▋▊▉]*\s*(\d+)\s+(\d+,\d)%$`)

// rows reads the label → count rows of a stacked chart from the view.
func rows(t *testing.T, v, title string) map[string]int {
	t.Helper()
	out := map[string]int{}
	in := false
	for _, l := range strings.Split(v, "\n") {
		l = strings.TrimRight(l, " ")
		switch {
		case l == title:
			in = true
			continue
		case !in:
			continue
		case l == "":
			return out
		}
		mt := rowRE.FindStringSubmatch(l)
		if mt == nil {
			t.Fatalf("not a chart row: %q", l)
		}
		n, _ := strconv.Atoi(mt[2])
		out[strings.TrimSpace(mt[1])] = n
	}
	return out
}

func TestCountsAddUp(t *testing.T) {
	db, id := archivetest.Fixture(t)
	for _, c := range []struct {
		id    uint64
		keys  []string
		total int
	}{{id, nil, 4}, {id, []string{"tab"}, 5}, {0, nil, 5}} {
		m := open(t, db, c.id, 80, 200) // tall: the stacked charts fit
		tuitest.Press(t, m, c.keys...)
		v := ansi.Strip(m.View())
		for _, title := range []string{"Theo lĩnh vực", "Theo thẩm quyền"} {
			r := rows(t, v, title)
			sum := 0
			for k, n := range r {
				if k != "Cộng" {
					sum += n
				}
			}
			if sum != c.total || r["Cộng"] != c.total {
				t.Errorf("%s (session %d %v): rows add up to %d, total row %d, want %d\n%s", title, c.id, c.keys, sum, r["Cộng"], c.total, v)
			}
		}
		if c.total == 4 {
			r := rows(t, v, "Theo lĩnh vực")
			if len(r) != len(model.Fields)+1 || r["Giao thông"] != 2 || r["Y tế"] != 0 {
				t.Errorf("by field: %v", r)
			}
			if l := rows(t, v, "Theo thẩm quyền"); l["Tỉnh"] != 1 || l["Xã"] != 2 || l["Trung ương"] != 1 {
				t.Errorf("by level: %v", l)
			}
			for _, want := range []string{"4 ý kiến · 3 sau khi gộp", "50,0% (2/4)", "60,0% (3/5)", "40,0% (2/5)"} {
				if !strings.Contains(v, want) {
					t.Errorf("missing %q", want)
				}
			}
		}
	}
}

func TestBar(t *testing.T) {
	for _, c := range []struct {
		v, top, w int
		want      string
	}{
		{0, 5, 10, ""}, {5, 5, 4, "████"}, {1, 2, 3, "█▌"}, {1, 100, 10, "▏"}, {3, 8, 1, "▍"},
	} {
		if got := bar(c.v, c.top, c.w); got != c.want {
			t.Errorf("bar(%d, %d, %d) = %q, want %q", c.v, c.top, c.w, got, c.want)
		}
	}
}

func TestEscAndEnglish(t *testing.T) {
	db, id := archivetest.Fixture(t)
	m := open(t, db, id, 80, 24)
	if msgs := tuitest.Press(t, m, "esc"); len(msgs) != 1 || msgs[0] != (base.OpenSessionMsg{ID: id}) {
		t.Fatalf("esc from a session's stats: %v", msgs)
	}
	m = open(t, db, 0, 80, 24)
	if msgs := tuitest.Press(t, m, "esc"); len(msgs) != 1 || msgs[0] != (base.GoHomeMsg{}) {
		t.Fatalf("esc from all stats: %v", msgs)
	}
	ctx := archivetest.Context()
	ctx.Text = base.Text{Lang: base.EN}
	m = New(ctx, db, id)
	tuitest.Load(t, m, 120, 40)
	if v := ansi.Strip(m.View()); !strings.Contains(v, "50.0% (2/4)") || !strings.Contains(v, "By field") {
		t.Fatalf("English view:\n%s", v)
	}
}
