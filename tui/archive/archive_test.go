package archive

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"txct/store"
	"txct/store/model"
	"txct/tui/archive/archivetest"
	"txct/tui/base"
	"txct/tui/tuitest"
)

// open builds the screen over db at w×h and loads it.
func open(t *testing.T, db *store.Store, w, h int, id string) *Model {
	t.Helper()
	m := New(archivetest.Context(), db)
	if id != "" {
		m = NewAt(archivetest.Context(), db, id)
	}
	m.wait = time.Millisecond
	tuitest.Load(t, m, w, h)
	return m
}

func view(m *Model) string { return ansi.Strip(m.View()) }

func TestView(t *testing.T) {
	db, _ := archivetest.Fixture(t)
	sizes := []struct{ w, h int }{{80, 24}, {120, 40}}
	steps := []struct {
		name string
		id   string
		do   func(*Model)
	}{
		{"list", "", func(*Model) {}},
		{"filtered", "", func(m *Model) { tuitest.Press(t, m, "/"); tuitest.Type(t, m, "cau ba") }},
		{"choices", "", func(m *Model) { tuitest.Press(t, m, "f6", "f6", "f8", "f8", "f8") }},
		{"detail", "P-2023-001", func(*Model) {}},
		{"edit", "P-2024-004", func(m *Model) {
			tuitest.Press(t, m, "e")
			tuitest.Type(t, m, "Bộ Nội vụ đang nghiên cứu.")
		}},
	}
	for _, sz := range sizes {
		for _, st := range steps {
			t.Run(strings.ReplaceAll(st.name, " ", "_")+fmt.Sprintf("_%dx%d", sz.w, sz.h), func(t *testing.T) {
				m := open(t, db, sz.w, sz.h, st.id)
				st.do(m)
				v := m.View()
				tuitest.CheckSize(t, ansi.Strip(v), sz.w, sz.h)
				golden.RequireEqual(t, []byte(ansi.Strip(v)))
			})
		}
	}
}

func ids(m *Model) []string {
	var out []string
	for _, r := range m.rows {
		out = append(out, m.entries[r.Index].p.ID)
	}
	return out
}

func TestFilterFoldsAccents(t *testing.T) {
	db, _ := archivetest.Fixture(t)
	m := open(t, db, 80, 24, "")
	if len(m.rows) != 5 || !strings.Contains(view(m), "5 / 5") {
		t.Fatalf("start: %d rows", len(m.rows))
	}
	tuitest.Press(t, m, "/")
	tuitest.Type(t, m, "cau")
	if got := ids(m); len(got) == 0 || got[0] != "P-2023-001" {
		t.Fatalf(`"cau" gave %v, want P-2023-001 ("cầu") first`, got)
	}
	m.View()
	if c := m.Cursor(); c == nil || c.Y != 0 || c.X != ansi.StringWidth("Kho kiến nghị  Lọc: cau") {
		t.Fatalf("filter cursor at %+v", c)
	}
	tuitest.Type(t, m, " ba ren")
	got := ids(m)
	if len(got) >= 5 || got[0] != "P-2023-001" {
		t.Fatalf(`"cau ba ren" gave %v`, got)
	}
	if v := view(m); !strings.Contains(v, fmt.Sprintf("%d / 5", len(got))) {
		t.Errorf("count not shown:\n%s", v)
	}
	// enter leaves the field: bare keys are commands again.
	tuitest.Press(t, m, "enter")
	if m.Typing() {
		t.Fatal("still typing after enter")
	}
	tuitest.Press(t, m, "enter")
	if !m.detail || m.entries[m.cur].p.ID != "P-2023-001" {
		t.Fatal("enter did not open the match")
	}
}

func TestStaleFilterDropped(t *testing.T) {
	db, _ := archivetest.Fixture(t)
	m := open(t, db, 80, 24, "")
	m.seq = 5
	m.Update(filteredMsg{seq: 4, rows: nil})
	if len(m.rows) != 5 {
		t.Fatalf("a stale result replaced the list: %d rows", len(m.rows))
	}
}

func TestChoiceFilters(t *testing.T) {
	db, _ := archivetest.Fixture(t)
	cases := []struct {
		keys []string
		want []string
	}{
		{[]string{"f5"}, []string{"P-2023-001"}},                                 // giao thông
		{[]string{"f5", "f5", "f5"}, []string{"H-2019-005"}},                     // nông nghiệp - thủy lợi
		{[]string{"f6", "f6", "f6"}, []string{"H-2019-005"}},                     // huyện (cũ)
		{[]string{"f6", "f6"}, []string{"P-2023-001", "P-2024-003"}},             // tỉnh
		{[]string{"f8"}, []string{"P-2023-002"}},                                 // resolved
		{[]string{"f8", "f8", "f8", "f8"}, []string{"H-2019-005", "P-2024-004"}}, // unresolved
		{[]string{"f6", "f6", "f8", "f8", "f8"}, []string{"P-2024-003"}},         // tỉnh and answered
		{[]string{"f8", "f8", "f8", "f8", "f8", "f8"}, nil},                      // back to all: see below
	}
	for _, c := range cases {
		t.Run(strings.Join(c.keys, "-"), func(t *testing.T) {
			m := open(t, db, 80, 24, "")
			tuitest.Press(t, m, c.keys...)
			got := ids(m)
			if c.want == nil {
				if len(got) != 5 {
					t.Fatalf("cycling back to all gave %v", got)
				}
				return
			}
			if strings.Join(got, ",") != strings.Join(c.want, ",") {
				t.Fatalf("got %v, want %v", got, c.want)
			}
		})
	}
}

func TestEditAnswerPersists(t *testing.T) {
	db, _ := archivetest.Fixture(t)
	m := open(t, db, 120, 40, "P-2024-004")
	if !m.detail {
		t.Fatal("NewAt did not open the record")
	}
	tuitest.Press(t, m, "e")
	m.View()
	if !m.Typing() || m.Cursor() == nil {
		t.Fatal("editor has no focus or cursor")
	}
	tuitest.Type(t, m, "Bộ Nội vụ đang xây dựng nghị định.")
	tuitest.Press(t, m, "tab")
	tuitest.Type(t, m, "Bộ Nội vụ")
	msgs := tuitest.Press(t, m, "ctrl+s")
	if m.ed != nil {
		t.Fatalf("editor still open after save: %v", msgs)
	}
	p, err := db.Petition("P-2024-004")
	if err != nil {
		t.Fatal(err)
	}
	if p.Response != "Bộ Nội vụ đang xây dựng nghị định." || p.Body != "Bộ Nội vụ" {
		t.Fatalf("stored %q / %q", p.Response, p.Body)
	}
	if p.Status != model.StatusUnresolved || p.Text == "" {
		t.Fatalf("other fields lost: %+v", p)
	}
	if v := view(m); !strings.Contains(v, "xây dựng nghị định") {
		t.Errorf("the new answer is not shown:\n%s", v)
	}
	if !hasStatus(msgs, "Đã lưu kiến nghị P-2024-004") {
		t.Errorf("no status line: %v", msgs)
	}
	// esc cancels without writing.
	tuitest.Press(t, m, "e")
	tuitest.Type(t, m, "XYZ")
	tuitest.Press(t, m, "esc")
	if p2, _ := db.Petition("P-2024-004"); p2.Response != p.Response || m.ed != nil {
		t.Fatal("esc saved or did not close")
	}
}

func hasStatus(msgs []tea.Msg, text string) bool {
	for _, m := range msgs {
		if s, ok := m.(base.StatusMsg); ok && strings.Contains(s.Text, text) {
			return true
		}
	}
	return false
}

func TestStatusChangeAsksFirst(t *testing.T) {
	db, _ := archivetest.Fixture(t)
	m := open(t, db, 80, 24, "P-2023-002")
	stored := func() model.Petition {
		p, err := db.Petition("P-2023-002")
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	// F7 proposes, F7 again proposes the next one, Esc drops it: nothing saved.
	tuitest.Press(t, m, "f7", "f7")
	if v := view(m); !strings.Contains(v, "Đổi tình trạng thành «đã trả lời»?") {
		t.Fatalf("no question asked:\n%s", v)
	}
	tuitest.Press(t, m, "esc")
	if p := stored(); p.Status != model.StatusResolved {
		t.Fatalf("a proposal was saved: %q", p.Status)
	}
	if m.detail != true || strings.Contains(view(m), "Đổi tình trạng") {
		t.Fatal("Esc should only drop the proposal")
	}
	for _, want := range []model.Status{model.StatusInProgress, model.StatusAnswered, model.StatusUnresolved, model.StatusResolved} {
		tuitest.Press(t, m, "f7", "enter")
		if p := stored(); p.Status != want || len(p.Raises) != 1 {
			t.Fatalf("stored status %q (raises %d), want %q", p.Status, len(p.Raises), want)
		}
	}
	// With a status filter on, a record that leaves the status leaves the list.
	tuitest.Press(t, m, "esc", "f8")
	if got := ids(m); len(got) != 1 {
		t.Fatalf("resolved: %v", got)
	}
	tuitest.Press(t, m, "enter", "f7", "enter")
	if got := ids(m); len(got) != 0 {
		t.Fatalf("after the change the list still has %v", got)
	}
}

func TestEditAnswerDateAndNumber(t *testing.T) {
	db, _ := archivetest.Fixture(t)
	m := open(t, db, 80, 24, "P-2024-004")
	tuitest.Press(t, m, "e", "shift+tab") // from the response back to the date
	tuitest.Type(t, m, "32/13/2027")
	tuitest.Press(t, m, "ctrl+s")
	if p, _ := db.Petition("P-2024-004"); p.AnsweredAt != "" || m.ed == nil {
		t.Fatalf("a bad date was saved: %+v", p)
	}
	tuitest.Press(t, m, "ctrl+a", "ctrl+k")
	tuitest.Type(t, m, "5/1/2027")
	tuitest.Press(t, m, "shift+tab")
	tuitest.Type(t, m, "125/SNV-CS")
	tuitest.Press(t, m, "ctrl+s")
	p, _ := db.Petition("P-2024-004")
	if p.AnsweredAt != "2027-01-05" || p.Ref != "125/SNV-CS" || m.ed != nil {
		t.Fatalf("saved %+v", p)
	}
	if v := view(m); !strings.Contains(v, "05/01/2027") || !strings.Contains(v, "125/SNV-CS") {
		t.Fatalf("not shown:\n%s", v)
	}
}

func TestEscapeSequencesInert(t *testing.T) {
	db, _ := archivetest.Fixture(t)
	evil := model.Petition{ID: "X-1", Text: "Nội dung \x1b]52;c;aGk=\x07 chép trộm", Field: "khác", Authority: model.AuthCommune,
		Location: "thôn \x1b[2J", Response: "trả lời \x1b]0;title\x07", Status: model.StatusAnswered, RaisedAt: "2025-01-01"}
	if _, err := db.PutPetitions([]model.Petition{evil}); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"", "X-1"} {
		m := open(t, db, 120, 40, id)
		raw := m.View()
		if strings.Contains(raw, "\x1b]52") || strings.Contains(raw, "\x1b]0;") || strings.Contains(raw, "\x1b[2J") {
			t.Fatalf("an escape sequence from the archive reached the view")
		}
		if v := ansi.Strip(raw); !strings.Contains(v, "␛]52") {
			t.Fatalf("the neutralised text is not shown:\n%s", v)
		}
	}
}

func TestNewAtMissing(t *testing.T) {
	db, _ := archivetest.Fixture(t)
	m := NewAt(archivetest.Context(), db, "NOPE")
	m.SetSize(80, 24)
	msgs := tuitest.Drive(t, m, m.Init()) // Load would drop the status line
	if m.detail || !hasStatus(msgs, "NOPE") {
		t.Fatalf("missing id: detail=%v msgs=%v", m.detail, msgs)
	}
	if msgs := tuitest.Press(t, m, "esc"); len(msgs) != 1 || msgs[0] != (base.GoHomeMsg{}) {
		t.Fatalf("esc from the list: %v", msgs)
	}
}

func TestFilterWords(t *testing.T) {
	ps := archivetest.Petitions()
	ps = append(ps, model.Petition{ID: "DEMO-03", Text: "Sửa cầu Suối Tre"}, model.Petition{ID: "DEMO-13", Text: "Trại heo gần suối gây ô nhiễm, đề nghị tre chắn"})
	_, keys := prepare(ps)
	for pat, want := range map[string][]string{
		"cau":          {"P-2023-001", "DEMO-03"},    // "cầu", never "cấu" inside a word
		"DEMO-03":      {"DEMO-03"},                  // the id, not 23 records sharing its letters
		"cau Suoi Tre": {"DEMO-03"},                  // all words, accents folded
		"tre suoi":     {"DEMO-03", "DEMO-13"},       // any order
		"y te":         {"P-2024-003"},               // "y tế" twice, "tế" also
		"thon 2":       {"H-2019-005", "P-2024-004"}, // words, not letters ("2024" starts with 2)
		"zzz":          nil,
		"phu cap thon": {"P-2024-004"},
	} {
		var got []string
		for _, m := range run(keys, query{text: pat, field: -1, level: -1, status: -1}) {
			got = append(got, ps[m.Index].ID)
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%q: got %v, want %v", pat, got, want)
		}
	}
}

func TestDeleteAndUndo(t *testing.T) {
	db, _ := archivetest.Fixture(t)
	m := open(t, db, 80, 24, "")
	// A bare d deletes nothing; Ctrl+D deletes the selected (second) row:
	// archive order puts H-2019-005 first.
	tuitest.Press(t, m, "down", "d")
	if db.ArchiveCount() != 5 {
		t.Fatal("a bare d deleted a petition")
	}
	msgs := tuitest.Press(t, m, "ctrl+d")
	if _, err := db.Petition("P-2023-001"); err == nil {
		t.Fatalf("ctrl+d did not delete the selected petition: %v %v", ids(m), msgs)
	}
	if got := ids(m); len(got) != 4 || slices.Contains(got, "P-2023-001") {
		t.Fatalf("after delete the list shows %v", got)
	}
	tuitest.Press(t, m, "ctrl+z")
	p, err := db.Petition("P-2023-001")
	if err != nil || len(p.Raises) != 1 {
		t.Fatalf("undo: %+v %v", p, err)
	}
	if got := ids(m); len(got) != 5 {
		t.Fatalf("after undo the list shows %v", got)
	}
	// Nothing left to undo: Ctrl+Z changes nothing.
	tuitest.Press(t, m, "ctrl+z")
	if got := ids(m); len(got) != 5 || db.ArchiveCount() != 5 {
		t.Fatalf("a second Ctrl+Z changed %v", got)
	}
}

func TestWaitingView(t *testing.T) {
	db, _ := archivetest.Fixture(t)
	if _, err := db.PutPetitions([]model.Petition{
		{ID: "2026-T3-1120-01", Text: "Gia cố đê sông Lam", Authority: model.AuthProvince, RaisedAt: "2026-11-20", Status: model.StatusForwarded},
		{ID: "2026-T3-0510-01", Text: "Nạo vét kênh Cầu Đá", Authority: model.AuthCommune, RaisedAt: "2026-05-10", Status: model.StatusForwarded},
	}); err != nil {
		t.Fatal(err)
	}
	m := open(t, db, 120, 40, "")
	tuitest.Press(t, m, "w")
	if got := ids(m); !slices.Equal(got, []string{"2026-T3-0510-01", "2026-T3-1120-01"}) {
		t.Fatalf("waiting view: %v, want the two forwarded petitions, oldest first", got)
	}
	v := view(m)
	days := int(m.ctx.Now().Sub(time.Date(2026, 5, 10, 0, 0, 0, 0, time.UTC)).Hours() / 24)
	if !strings.Contains(v, "W Chờ trả lời") || !strings.Contains(v, fmt.Sprintf("chờ %d ngày", days)) || !strings.Contains(v, "Xã") {
		t.Fatalf("waiting view:\n%s", v)
	}
	tuitest.Press(t, m, "w")
	if got := ids(m); len(got) != 7 {
		t.Fatalf("w again: %v", got)
	}
	// In the filter field w is a letter.
	tuitest.Press(t, m, "/")
	tuitest.Type(t, m, "w")
	if m.q.waiting || m.input.Value() != "w" {
		t.Fatalf("typing w in the filter: waiting %v, filter %q", m.q.waiting, m.input.Value())
	}
}

// "=" in the detail view marks the open record as the same demand as the
// id typed; the detail shows the other record; Ctrl+Z undoes the mark; an
// empty id takes the record out of its group; Esc asks nothing.
func TestMarkSameDemand(t *testing.T) {
	db, _ := archivetest.Fixture(t)
	m := open(t, db, 100, 30, "P-2023-001")
	tuitest.Press(t, m, "=")
	if !m.Typing() {
		t.Fatal("= did not ask for an id")
	}
	tuitest.Press(t, m, "esc")
	tuitest.Press(t, m, "=")
	tuitest.Type(t, m, "H-2019-005")
	tuitest.Press(t, m, "enter")
	if c, _ := db.Cluster("P-2023-001"); !slices.Equal(c, []string{"H-2019-005", "P-2023-001"}) {
		t.Fatalf("after = the cluster is %v", c)
	}
	if v := view(m); !strings.Contains(v, "Cùng kiến nghị") || !strings.Contains(v, "H-2019-005") {
		t.Fatalf("the detail does not show the cluster:\n%s", v)
	}
	tuitest.Press(t, m, "ctrl+z")
	if c, _ := db.Cluster("P-2023-001"); c != nil {
		t.Fatalf("after Ctrl+Z the cluster is %v", c)
	}
	if strings.Contains(view(m), "H-2019-005") {
		t.Fatalf("the detail still shows the undone cluster:\n%s", view(m))
	}
	// An unknown id marks nothing.
	tuitest.Press(t, m, "=")
	tuitest.Type(t, m, "NOPE")
	tuitest.Press(t, m, "enter")
	if c, _ := db.Cluster("P-2023-001"); c != nil {
		t.Fatalf("an unknown id made the cluster %v", c)
	}
	// Mark again, then take it out with an empty id, then undo that.
	tuitest.Press(t, m, "=")
	tuitest.Type(t, m, "P-2024-003")
	tuitest.Press(t, m, "enter", "=", "enter")
	if c, _ := db.Cluster("P-2024-003"); c != nil {
		t.Fatalf("an empty id left the cluster %v", c)
	}
	tuitest.Press(t, m, "ctrl+z")
	if c, _ := db.Cluster("P-2024-003"); !slices.Equal(c, []string{"P-2023-001", "P-2024-003"}) {
		t.Fatalf("undo of the unmark: cluster %v", c)
	}
}

// clusterFails is a store whose cluster reads fail.
type clusterFails struct{ *store.Store }

func (clusterFails) Cluster(string) ([]string, error) { return nil, fmt.Errorf("disk read failed") }

// Opening a record reads its cluster off the UI goroutine; a failed read is
// said on the status line, not taken for "no cluster".
func TestClusterReadErrorIsShown(t *testing.T) {
	db, _ := archivetest.Fixture(t)
	m := NewAt(archivetest.Context(), clusterFails{db}, "P-2023-001")
	m.wait = time.Millisecond
	var said error
	for _, msg := range tuitest.Load(t, m, 100, 30) {
		if s, ok := msg.(base.StatusMsg); ok && s.Err != nil {
			said = s.Err
		}
	}
	if said == nil || !strings.Contains(said.Error(), "disk read failed") {
		t.Fatalf("the failed cluster read was not said: %v", said)
	}
	if !m.detail || m.cluster != nil {
		t.Fatalf("detail %v, cluster %v", m.detail, m.cluster)
	}
}
