package demo

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"txct/store"
	"txct/store/model"
)

func TestPetitionsValid(t *testing.T) {
	ps, err := Petitions()
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) < 45 {
		t.Fatalf("%d petitions, want at least 45", len(ps))
	}
	fields := map[model.Field]int{}
	levels := map[model.Authority]int{}
	statuses := map[model.Status]int{}
	reform, _ := model.ParseDate("2025-07-01")
	for _, p := range ps {
		fields[p.Field]++
		levels[p.Authority]++
		statuses[p.Status]++
		raised, err := model.ParseDate(p.RaisedAt)
		if err != nil {
			t.Errorf("%s: %v", p.ID, err)
			continue
		}
		if y := raised.Year(); y < 2022 || y > 2026 {
			t.Errorf("%s: raised in %d, want 2022–2026", p.ID, y)
		}
		if p.Authority == model.AuthDistrict && !raised.Before(reform) {
			t.Errorf("%s: huyện on a record from %s, after the 2025 reform", p.ID, p.RaisedAt)
		}
		if p.AnsweredAt != "" {
			if a, _ := model.ParseDate(p.AnsweredAt); a.Before(raised) {
				t.Errorf("%s: answered %s before it was raised %s", p.ID, p.AnsweredAt, p.RaisedAt)
			}
		}
		if p.Body != "" && !strings.HasPrefix(p.Response, p.Body+" trả lời: ") {
			t.Errorf("%s: response does not name the answering body %q: %q", p.ID, p.Body, p.Response)
		}
		if p.Response == "" && p.Status != model.StatusUnresolved {
			t.Errorf("%s: no answer but status %s", p.ID, p.Status)
		}
		if p.Session == "" {
			t.Errorf("%s: no session label", p.ID)
		}
		if len(p.Raises) != 0 {
			t.Errorf("%s: the embedded archive carries raises", p.ID)
		}
	}
	for _, f := range model.Fields {
		if fields[f] == 0 {
			t.Errorf("no petition in field %q", f)
		}
	}
	if len(levels) < 3 {
		t.Errorf("levels %v, want at least 3", levels)
	}
	for _, a := range model.AllAuthorities {
		if levels[a] == 0 {
			t.Errorf("no petition at level %q", a)
		}
	}
	for _, s := range model.AnswerStatuses {
		if statuses[s] == 0 {
			t.Errorf("no petition with status %q", s)
		}
	}
	if statuses[model.StatusResolved]*4 > len(ps) {
		t.Errorf("%d of %d resolved; most petitions are answered, not fixed", statuses[model.StatusResolved], len(ps))
	}
}

func TestEmbeddedFileIsNFC(t *testing.T) {
	if !norm.NFC.IsNormal(archiveJSONL) {
		t.Fatal("archive.jsonl is not NFC")
	}
}

func TestParseRejects(t *testing.T) {
	good := `{"id":"X-1","text":"Sửa đường","field":"giao thông","authority":"xã","location":"","raised_at":"2024-01-02","session":"s","response":"","status":"unresolved"}`
	if ps, err := parse([]byte(good + "\n\n")); err != nil || len(ps) != 1 {
		t.Fatalf("good row: %v, %d rows", err, len(ps))
	}
	bad := map[string]string{
		"field":     strings.Replace(good, `"giao thông"`, `"giao thong"`, 1),
		"authority": strings.Replace(good, `"xã"`, `"huyen"`, 1),
		"status":    strings.Replace(good, `"unresolved"`, `"done"`, 1),
		"date":      strings.Replace(good, `"2024-01-02"`, `"02/01/2024"`, 1),
		"id":        strings.Replace(good, `"X-1"`, `""`, 1),
		"text":      strings.Replace(good, `"Sửa đường"`, `" "`, 1),
		"unknown":   strings.Replace(good, `"id"`, `"ident"`, 1),
		"nfc":       strings.Replace(good, "Sửa đường", norm.NFD.String("Sửa đường"), 1),
		"duplicate": good + "\n" + good,
		"json":      good[:40],
	}
	for name, data := range bad {
		if _, err := parse([]byte(data)); err == nil {
			t.Errorf("%s: accepted %q", name, data)
		}
	}
}

func TestExampleSession(t *testing.T) {
	s := Session()
	if err := s.Validate(); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(s.Date, "2026-11-") {
		t.Errorf("date %s, want November 2026", s.Date)
	}
	for _, sec := range model.Sections {
		if strings.TrimSpace(s.Note(sec)) == "" {
			t.Errorf("no note for section %s", sec)
		}
	}
	if len(s.Delegates) != 3 {
		t.Errorf("%d delegates, want 3", len(s.Delegates))
	}
	for _, d := range append([]string{s.Chair, s.Secretary}, s.Delegates...) {
		if !strings.HasPrefix(d, "Ông ") && !strings.HasPrefix(d, "Bà ") {
			t.Errorf("%q has no Ông/Bà", d)
		}
		if strings.ContainsAny(d, ",;") {
			t.Errorf("%q would split in the session form's list", d)
		}
	}
	ids := map[string]bool{}
	ps, _ := Petitions()
	for _, p := range ps {
		ids[p.ID] = true
	}
	var opinions, answered, repeats int
	for i, r := range exampleRemarks {
		if r.Type == model.TypeOpinion {
			opinions++
		} else if r.Type != model.TypePetition {
			t.Errorf("remark %d: type %q", i+1, r.Type)
		}
		if r.Answered() {
			answered++
			if r.Answer.By == "" {
				t.Errorf("remark %d: answer without who gave it", i+1)
			}
		}
		if !r.Field.Valid() {
			t.Errorf("remark %d: field %q", i+1, r.Field)
		}
		if r.Authority == model.AuthDistrict || !r.Authority.Valid() {
			t.Errorf("remark %d: authority %q is not offered for new remarks", i+1, r.Authority)
		}
		if r.Voter == "" || r.Address == "" || !norm.NFC.IsNormalString(r.Text) {
			t.Errorf("remark %d: voter %q, address %q, or text not NFC", i+1, r.Voter, r.Address)
		}
		if len(r.RepeatOf) > 0 {
			repeats++
		}
		for _, id := range append(append([]string{}, r.RepeatOf...), r.Dismissed...) {
			if !ids[id] {
				t.Errorf("remark %d: %s is not in the archive", i+1, id)
			}
		}
		if r.sameAs != 0 && (r.sameAs > i || exampleRemarks[r.sameAs-1].sameAs != 0) {
			t.Errorf("remark %d merges into %d, which is not an earlier group leader", i+1, r.sameAs)
		}
	}
	n := len(exampleRemarks)
	if n < 10 || n > 14 {
		t.Errorf("%d remarks, want about 12", n)
	}
	if opinions*3 < n || opinions*3 > 2*n {
		t.Errorf("%d opinions of %d remarks, want about half", opinions, n)
	}
	if answered == 0 || answered == n {
		t.Errorf("%d of %d answered on the spot", answered, n)
	}
	if repeats < 3 || repeats > 4 {
		t.Errorf("%d confirmed repeats, want 3–4", repeats)
	}
}

func openTemp(t *testing.T) *store.Store {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "t.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

type counts struct {
	archive, sessions, remarks int
	raised                     map[string]int
}

func count(t *testing.T, db *store.Store) counts {
	t.Helper()
	ss, err := db.Sessions()
	if err != nil {
		t.Fatal(err)
	}
	c := counts{archive: db.ArchiveCount(), sessions: len(ss), raised: map[string]int{}}
	for _, s := range ss {
		c.remarks += s.Remarks
	}
	if err := db.Petitions(func(p model.Petition) error {
		c.raised[p.ID] = p.TimesRaised()
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestLoad(t *testing.T) {
	db := openTemp(t)
	now := time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
	id, err := Load(db, now)
	if err != nil {
		t.Fatal(err)
	}
	ps, _ := Petitions()
	first := count(t, db)
	if first.archive != len(ps) || first.sessions != 1 || first.remarks != len(exampleRemarks) {
		t.Fatalf("after Load: %d petitions, %d sessions, %d remarks; want %d, 1, %d",
			first.archive, first.sessions, first.remarks, len(ps), len(exampleRemarks))
	}

	sess, err := db.Session(id)
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.Validate(); err != nil {
		t.Fatal(err)
	}
	if sess.UID != SessionUID {
		t.Errorf("UID %q, want %q", sess.UID, SessionUID)
	}
	if got, ok := db.SessionByUID(SessionUID); !ok || got != id {
		t.Errorf("SessionByUID = %d, %v; want %d", got, ok, id)
	}
	want := Session()
	for _, sec := range model.Sections {
		if sess.Note(sec) != want.Note(sec) {
			t.Errorf("note %s was not stored", sec)
		}
	}

	rems, err := db.Remarks(id)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[uint64]model.Remark{}
	for _, r := range rems {
		byID[r.ID] = r
	}
	repeated := map[string]bool{}
	merged := 0
	for i, r := range rems {
		if r.Voter != exampleRemarks[i].Voter {
			t.Errorf("remark %d: voter %q, want %q (order lost)", i+1, r.Voter, exampleRemarks[i].Voter)
		}
		if !r.Created.Equal(now) {
			t.Errorf("remark %d: created %v, want %v", i+1, r.Created, now)
		}
		for _, pid := range r.RepeatOf {
			repeated[pid] = true
			p, err := db.Petition(pid)
			if err != nil {
				t.Errorf("remark %d: repeat %s does not resolve: %v", i+1, pid, err)
				continue
			}
			if p.TimesRaised() != 2 {
				t.Errorf("%s raised %d times, want 2", pid, p.TimesRaised())
			}
			if len(p.Raises) == 1 && (p.Raises[0].Date != sess.Date || p.Raises[0].Session != sess.Title) {
				t.Errorf("%s: raise %+v does not cite the example session", pid, p.Raises[0])
			}
		}
		if r.MergedInto != 0 {
			merged++
			lead, ok := byID[r.MergedInto]
			if !ok {
				t.Errorf("remark %d merges into %d, not a remark of the session", i+1, r.MergedInto)
			} else if lead.MergedInto != 0 || lead.ID == r.ID || lead.Voter == r.Voter || lead.Location != r.Location {
				t.Errorf("remark %d merges into %+v, not a different voter's same demand", i+1, lead)
			}
		}
	}
	if len(repeated) == 0 || merged != 1 {
		t.Errorf("%d petitions repeated, %d remarks merged", len(repeated), merged)
	}
	for pid, n := range first.raised {
		if want := map[bool]int{true: 2, false: 1}[repeated[pid]]; n != want {
			t.Errorf("%s raised %d times, want %d", pid, n, want)
		}
	}

	// A second load (the user presses the key again) changes nothing.
	id2, err := Load(db, now.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if id2 != id {
		t.Errorf("second Load returned session %d, want %d", id2, id)
	}
	second := count(t, db)
	if second.archive != first.archive || second.sessions != first.sessions || second.remarks != first.remarks {
		t.Errorf("second Load changed counts: %+v, then %+v", first, second)
	}
	for pid, n := range first.raised {
		if second.raised[pid] != n {
			t.Errorf("%s: raised %d times, %d after the second Load", pid, n, second.raised[pid])
		}
	}
}

// Load on a store that already holds the user's own work adds the demo
// beside it and leaves that work alone.
func TestLoadBesideUserData(t *testing.T) {
	db := openTemp(t)
	own, err := db.CreateSession(model.Session{Title: "Hội nghị của tôi", Kind: model.KindAfter, Date: "2026-10-02", Voters: 40})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.PutPetitions([]model.Petition{{ID: "MY-1", Text: "Sửa cống", Field: "giao thông",
		Authority: model.AuthCommune, RaisedAt: "2025-01-01", Status: model.StatusAnswered}}); err != nil {
		t.Fatal(err)
	}
	id, err := Load(db, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if id == own.ID {
		t.Fatal("the demo reused the user's session")
	}
	ps, _ := Petitions()
	c := count(t, db)
	if c.archive != len(ps)+1 || c.sessions != 2 || c.remarks != len(exampleRemarks) {
		t.Errorf("counts %+v", c)
	}
	rems, _ := db.Remarks(id)
	for _, r := range rems {
		if r.Created.IsZero() {
			t.Errorf("remark %d has no creation time", r.ID)
		}
	}
}

func TestLoadReadOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t.db")
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	ro, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if _, err := Load(ro, time.Now()); err == nil {
		t.Fatal("Load wrote to a read-only store")
	}
}

// Loading the demo again reverted edits made to a demo petition (status and
// answer of DEMO-005) and would overwrite a real petition with a demo id.
// Now a record on file is never overwritten, and Remove takes away exactly
// what the demo created.
func TestLoadNeverOverwritesAndRemove(t *testing.T) {
	db := openTemp(t)
	real := model.Petition{ID: "DEMO-010", Text: "Kiến nghị thật của xã", Field: "giao thông",
		Authority: model.AuthCommune, RaisedAt: "2025-01-01", Status: model.StatusUnresolved}
	mine := model.Petition{ID: "MY-1", Text: "Sửa cống", Field: "giao thông",
		Authority: model.AuthCommune, RaisedAt: "2025-01-01", Status: model.StatusAnswered}
	if _, err := db.PutPetitions([]model.Petition{real, mine}); err != nil {
		t.Fatal(err)
	}
	own, err := db.CreateSession(model.Session{Title: "Hội nghị của tôi", Kind: model.KindAfter, Date: "2026-10-02", Voters: 40})
	if err != nil {
		t.Fatal(err)
	}
	if has, err := HasRealData(db); err != nil || !has {
		t.Fatalf("HasRealData = %v, %v; want true", has, err)
	}
	id, err := Load(db, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if p, _ := db.Petition("DEMO-010"); p.Text != real.Text {
		t.Errorf("the real DEMO-010 was overwritten: %q", p.Text)
	}
	p5, err := db.Petition("DEMO-005")
	if err != nil {
		t.Fatal(err)
	}
	p5.Status, p5.Response = model.StatusResolved, "Đã sửa xong"
	if err := db.UpdatePetition(p5); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteSession(id); err != nil { // so the next Load makes it again
		t.Fatal(err)
	}
	id, err = Load(db, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if p, _ := db.Petition("DEMO-005"); p.Status != model.StatusResolved || p.Response != "Đã sửa xong" {
		t.Errorf("second load reverted DEMO-005: %s %q", p.Status, p.Response)
	}
	if !db.IsDemoSession(id) || db.IsDemoSession(own.ID) {
		t.Errorf("demo marks: demo session %v, own session %v", db.IsDemoSession(id), db.IsDemoSession(own.ID))
	}
	if _, err := Remove(db); err != nil {
		t.Fatal(err)
	}
	ss, _ := db.Sessions()
	if len(ss) != 1 || ss[0].ID != own.ID {
		t.Errorf("after Remove: sessions %+v", ss)
	}
	var left []string
	_ = db.Petitions(func(p model.Petition) error { left = append(left, p.ID); return nil })
	if len(left) != 2 || left[0] != "DEMO-010" || left[1] != "MY-1" {
		t.Errorf("after Remove the archive holds %v, want the two real rows", left)
	}
	if p, _ := db.Petition("DEMO-010"); p.TimesRaised() != 1 {
		t.Errorf("a raise by the demo session stayed on the real petition: %d", p.TimesRaised())
	}
	if has, _ := HasRealData(db); !has {
		t.Error("HasRealData false with real rows left")
	}
	if !db.DemoRows().Empty() {
		t.Errorf("demo rows left: %+v", db.DemoRows())
	}
}

// After removing and loading the demo again, its session was numbered 14
// although it was the only one: sessions took numbers from the counter that
// also numbers remarks. The only session is number 1.
func TestReloadedDemoIsSessionOne(t *testing.T) {
	db := openTemp(t)
	for round := range 3 {
		id, err := Load(db, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		if id != 1 {
			t.Errorf("load %d: the only session is number %d, want 1", round+1, id)
		}
		if _, err := Remove(db); err != nil {
			t.Fatal(err)
		}
	}
	own, err := db.CreateSession(model.Session{Title: "Hội nghị của tôi", Kind: model.KindAfter, Date: "2026-10-02"})
	if err != nil {
		t.Fatal(err)
	}
	if own.ID != 1 {
		t.Errorf("first real session after the demo: number %d, want 1", own.ID)
	}
}

// A session that takes the number of a demo session deleted by hand is real
// work: removing the demo must not delete it.
func TestRemoveSparesSessionTakingDemoNumber(t *testing.T) {
	db := openTemp(t)
	id, err := Load(db, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteSession(id); err != nil {
		t.Fatal(err)
	}
	own, err := db.CreateSession(model.Session{Title: "Hội nghị của tôi", Kind: model.KindAfter, Date: "2026-10-02"})
	if err != nil {
		t.Fatal(err)
	}
	if own.ID != id {
		t.Fatalf("the new session is number %d; this test needs it to take the demo's number %d", own.ID, id)
	}
	if db.IsDemoSession(own.ID) {
		t.Error("a real session is marked as the demo's")
	}
	if _, err := Remove(db); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Session(own.ID); err != nil {
		t.Errorf("removing the demo deleted the real session: %v", err)
	}
}
