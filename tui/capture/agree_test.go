package capture

import (
	"bufio"
	"bytes"
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"txct/store"
	"txct/store/model"
	"txct/tui/base"
)

// devPack is the shared dev evaluation pack, relative to this directory.
const devPack = "../../../shared/eval/dev"

// The capture panel and `txct check` make one decision: on every remark of
// the dev pack, typed into the session screen and piped to the real
// binary, both flag the same remarks and list the same petitions in the
// same order with the same scores.
func TestPanelAgreesWithCheck(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the txct binary")
	}
	dir, _ := filepath.Abs(devPack)
	if _, err := os.Stat(filepath.Join(dir, "queries.jsonl")); err != nil {
		t.Skipf("dev pack not found at %s", dir)
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "txct")
	if out, err := exec.Command("go", "build", "-o", bin, "txct/cmd/txct").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	db := filepath.Join(tmp, "t.db")
	if out, err := exec.Command(bin, "--db", db, "import", filepath.Join(dir, "archive.jsonl")).CombinedOutput(); err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}
	queries, err := os.ReadFile(filepath.Join(dir, "queries.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "--db", db, "check", "--jsonl")
	cmd.Stdin = bytes.NewReader(queries)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("check: %v", err)
	}
	type answer struct {
		Text    string `json:"text"`
		Repeat  bool   `json:"repeat"`
		Matches []struct {
			ID    string  `json:"id"`
			Score float64 `json:"score"`
		} `json:"matches"`
	}
	var answers []answer
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var a answer
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		answers = append(answers, a)
	}

	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.LoadIndex(); err != nil {
		t.Fatal(err)
	}
	sess, _ := s.CreateSession(model.Session{Title: "TXCT", Kind: model.KindAfter, Date: "2026-11-20"})
	m := New(base.NewContext(base.VI), s, sess.ID)
	m.SetSize(130, 40)
	drive(m, m.Init(), 3)
	flags := 0
	for i, a := range answers {
		// Timers are not followed: the check the debounce would start is
		// run below.
		m.Update(ctrlN)
		press(m, enter, enter)
		m.Update(tea.PasteMsg{Content: a.Text})
		// The debounce tick has passed: run the check it would start.
		check := m.onCheckTick(checkTickMsg{seq: m.panel.seq})
		if check == nil {
			t.Fatalf("remark %d: no check started", i+1)
		}
		m.Update(check())
		if m.panel.text != a.Text {
			t.Fatalf("remark %d: the panel checked %q, not %q", i+1, m.panel.text, a.Text)
		}
		var got []string
		for _, h := range m.panel.hits {
			got = append(got, h.Petition.ID)
		}
		var want []string
		for k, x := range a.Matches {
			want = append(want, x.ID)
			if k < len(m.panel.hits) && math.Abs(m.panel.hits[k].Score-x.Score) > 0.0005 {
				t.Errorf("remark %d, %s: panel %.3f, check %.3f", i+1, x.ID, m.panel.hits[k].Score, x.Score)
			}
		}
		if m.panel.repeat != a.Repeat || strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("remark %d %q:\npanel %v %v\ncheck %v %v", i+1, a.Text, m.panel.repeat, got, a.Repeat, want)
		}
		if a.Repeat {
			flags++
		}
	}
	t.Logf("%d remarks, %d flagged, the same in the panel and in check", len(answers), flags)
	if len(answers) < 100 || flags == 0 {
		t.Fatalf("%d answers, %d flags: the pack did not run", len(answers), flags)
	}
}
