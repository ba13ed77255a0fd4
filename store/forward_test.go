package store

import (
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"txct/store/model"
)

// loopSession makes a session of group 3 with the given remarks in order;
// merged[i] > 0 merges remark i into remark merged[i]-1.
func loopSession(t *testing.T, s *Store, date string, rems []model.Remark, merged []int) (model.Session, []model.Remark) {
	t.Helper()
	sess, err := s.CreateSession(model.Session{Title: "TXCT tại xã Hưng Lợi " + date, Kind: model.KindBefore, Date: date,
		Sitting: "Kỳ họp cuối năm 2026", DelegateGroup: "Tổ đại biểu HĐND tỉnh số 3", Place: "Hội trường UBND xã"})
	if err != nil {
		t.Fatal(err)
	}
	var out []model.Remark
	for i, r := range rems {
		r.SessionID = sess.ID
		if i < len(merged) && merged[i] > 0 {
			r.MergedInto = out[merged[i]-1].ID
		}
		r, err := s.SaveRemark(r)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	return sess, out
}

func exportNow(t *testing.T, s *Store, id uint64) {
	t.Helper()
	if _, err := s.ExportSession(id, time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC), func(model.Snapshot) ([]string, error) { return nil, nil }); err != nil {
		t.Fatal(err)
	}
}

const deSongLam = "Đề nghị tỉnh sớm đầu tư gia cố tuyến đê sông Lam đoạn qua xóm 5, mùa mưa năm nào cũng sạt lở, bà con rất lo lắng"

func TestForwardSessionToArchive(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "t.db"), Options{BackupDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.PutPetitions([]model.Petition{
		{ID: "OLD-1", Text: "Xây mới cầu tràn Nà Ca bị xuống cấp", Location: "thôn Nà Ca", RaisedAt: "2025-05-02", Session: "Trước kỳ họp giữa năm 2025",
			Body: "Sở Xây dựng", Response: "Đã bố trí vốn năm 2027.", Status: model.StatusAnswered},
		{ID: "OLD-2", Text: "Hỗ trợ giống cây trồng sau lũ cho bà con", RaisedAt: "2025-05-02", Status: model.StatusUnresolved},
	}); err != nil {
		t.Fatal(err)
	}
	if err := s.LoadIndex(); err != nil {
		t.Fatal(err)
	}
	sess1, rems := loopSession(t, s, "2026-11-20", []model.Remark{
		{Voter: "Ông Lê Văn Hải", Text: deSongLam, Type: model.TypePetition, Field: "nông nghiệp - thủy lợi", Authority: model.AuthProvince, Location: "xóm 5"},
		{Voter: "Bà Trần Thị Mai", Text: "Tôi cũng đề nghị gia cố đê sông Lam qua xóm 5 trước mùa mưa", Type: model.TypePetition},
		{Voter: "Ông Phạm Văn Nam", Text: "Bà con rất phấn khởi vì đường làng đã được bê tông hóa", Type: model.TypeOpinion},
		{Voter: "Ông Hồ Văn Tư", Text: "Cầu tràn Nà Ca xuống cấp nghiêm trọng, xe máy đi lại rất nguy hiểm, đề nghị xây mới", RepeatOf: []string{"OLD-1"}},
		{Voter: "Bà Lê Thị Hoa", Text: "Đề nghị nạo vét kênh mương nội đồng thôn 2", Type: model.TypePetition, Field: "nông nghiệp - thủy lợi", Authority: model.AuthCommune},
	}, []int{0, 1})
	exportNow(t, s, sess1.ID)

	// The merge group is one record counting two voters; the opinion and
	// the confirmed repeat add none.
	if got := s.ArchiveCount(); got != 4 {
		var ids []string
		s.Petitions(func(p model.Petition) error { ids = append(ids, p.ID); return nil })
		t.Fatalf("archive holds %d records, want 2 old + 2 forwarded: %v (variants %d, len %d)", got, ids, s.index.variants, s.index.ix.Len())
	}
	lead, err := s.Petition("2026-T3-1120-01")
	if err != nil {
		t.Fatal(err)
	}
	if lead.Text != deSongLam || lead.Status != model.StatusForwarded || lead.Voters != 2 || lead.RaisedAt != "2026-11-20" ||
		lead.Session != sess1.Title || lead.Sitting != "Kỳ họp cuối năm 2026" || lead.Group != "Tổ đại biểu HĐND tỉnh số 3" ||
		lead.Authority != model.AuthProvince || lead.Location != "xóm 5" || lead.Origin != sess1.UID+"#1" || len(lead.Variants) != 1 {
		t.Fatalf("forwarded record: %+v", lead)
	}
	if p, err := s.Petition("2026-T3-1120-02"); err != nil || p.Text != rems[4].Text || p.Voters != 1 || p.Origin != sess1.UID+"#5" {
		t.Fatalf("second record: %+v %v", p, err)
	}
	old1, _ := s.Petition("OLD-1")
	if old1.TimesRaised() != 2 || len(old1.Variants) != 1 || old1.Variants[0].Text != rems[3].Text || old1.Status != model.StatusAnswered {
		t.Fatalf("repeated record: %+v", old1)
	}
	// The remark knows its record.
	got, _ := s.Remarks(sess1.ID)
	if got[0].ArchiveID != lead.ID || got[1].ArchiveID != "" || got[2].ArchiveID != "" {
		t.Fatalf("remark links: %q %q %q", got[0].ArchiveID, got[1].ArchiveID, got[2].ArchiveID)
	}

	// Exporting again adds nothing; an edit is followed; an editor that still
	// holds the remark without its link does not make a second record.
	exportNow(t, s, sess1.ID)
	if got := s.ArchiveCount(); got != 4 {
		t.Fatalf("after a second export the archive holds %d records", got)
	}
	edited := rems[4]
	edited.Text = "Đề nghị nạo vét kênh mương nội đồng thôn 2 và thôn 3"
	if _, err := s.SaveRemark(edited); err != nil {
		t.Fatal(err)
	}
	exportNow(t, s, sess1.ID)
	if p, _ := s.Petition("2026-T3-1120-02"); p.Text != edited.Text || s.ArchiveCount() != 4 {
		t.Fatalf("edited petition: record says %q, archive %d", p.Text, s.ArchiveCount())
	}
	// An answered record survives its remark becoming an opinion; an
	// unanswered one is withdrawn.
	demoted := edited
	demoted.Type = model.TypeOpinion
	if _, err := s.SaveRemark(demoted); err != nil {
		t.Fatal(err)
	}
	res, err := s.ForwardSession(sess1.ID)
	if err != nil || res.Withdrawn != 1 || s.ArchiveCount() != 3 {
		t.Fatalf("demoted: %+v %v, archive %d", res, err, s.ArchiveCount())
	}
	if r := s.mustFind(t, "nao vet kenh muong noi dong thon 2 thon 3"); r == "2026-T3-1120-02" {
		t.Fatal("a withdrawn record is still matched")
	}
	// Promoting the opinion forwards it again, under a new id.
	demoted.Promoted = true
	if _, err := s.SaveRemark(demoted); err != nil {
		t.Fatal(err)
	}
	if res, err := s.ForwardSession(sess1.ID); err != nil || res.Added != 1 {
		t.Fatalf("promoted: %+v %v", res, err)
	}

	// Session 2, at the next round: a paraphrase typed without diacritics is
	// flagged as the record of session 1, with its session and status.
	sess2, _ := loopSession(t, s, "2027-05-10", nil, nil)
	_ = sess2
	rep, err := s.FindRepeats("de nghi gia co de song Lam doan xom 5 bi sat lo vao mua mua", RepeatOptions{Top: 3})
	if err != nil || !rep.Repeat || len(rep.Hits) == 0 {
		t.Fatalf("paraphrase not flagged: %+v %v", rep, err)
	}
	top := rep.Hits[0].Petition
	if top.ID != lead.ID || top.Session != sess1.Title || top.RaisedAt != "2026-11-20" || top.Status != model.StatusForwarded {
		t.Fatalf("paraphrase matched %+v", top)
	}
	// In session 1 itself the record is not offered: a remark never
	// repeats itself.
	own, err := s.FindRepeats("de nghi gia co de song Lam doan xom 5 bi sat lo vao mua mua", RepeatOptions{Top: 3, Session: sess1.UID})
	if err != nil || slices.ContainsFunc(own.Hits, func(h Repeat) bool { return h.Petition.ID == lead.ID }) {
		t.Fatalf("session 1 sees its own record: %+v %v", own, err)
	}
	// The wording of a confirmed repeat is matched too, as its record.
	if id := s.mustFind(t, "xe may di lai nguy hiem o cau tran Na Ca"); id != "OLD-1" {
		t.Fatalf("variant wording matched %q", id)
	}

	// A reopened store loads the saved index with the new records and
	// counts petitions, not wordings.
	path := s.Path()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s2, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if err := s2.LoadIndex(); err != nil {
		t.Fatal(err)
	}
	if n := s2.ArchiveCount(); n != 4 {
		t.Fatalf("reopened archive counts %d", n)
	}
	if id := s2.mustFind(t, "gia co de song Lam xom 5"); id != lead.ID {
		t.Fatalf("after reopening matched %q", id)
	}
}

// mustFind returns the id of the best match for text, or "".
func (s *Store) mustFind(t *testing.T, text string) string {
	t.Helper()
	res, err := s.FindRepeats(text, RepeatOptions{Top: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 {
		return ""
	}
	return res.Hits[0].Petition.ID
}

func TestGroupCode(t *testing.T) {
	for in, want := range map[string]string{
		"Tổ đại biểu HĐND tỉnh số 3": "T3",
		"Tổ đại biểu số 03":          "T3",
		"Tổ đại biểu Tân Thành":      "TDBTT",
		"":                           "TXCT",
	} {
		if got := GroupCode(in); got != want {
			t.Errorf("GroupCode(%q) = %q, want %q", in, got, want)
		}
	}
}

// BenchmarkForwardSession forwards a session of 60 petitions into an
// archive of 100,000, keeping the repeat index current in place.
func BenchmarkForwardSession(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "b.db"), Options{BackupDir: b.TempDir()})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	batch := make([]model.Petition, 0, 10000)
	for i := range 100000 {
		batch = append(batch, model.Petition{ID: fmt.Sprintf("S-%06d", i),
			Text:     fmt.Sprintf("Cử tri thôn %d xã %d đề nghị sửa chữa ĐT.%d đoạn km %d, mặt đường hư hỏng nặng", i%40, i%300, 700+i%90, i%90),
			RaisedAt: "2024-05-01", Status: model.StatusAnswered})
		if len(batch) == cap(batch) {
			if _, err := s.PutPetitions(batch); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	if err := s.LoadIndex(); err != nil {
		b.Fatal(err)
	}
	var sessions []uint64
	for i := range b.N + 1 {
		sess, err := s.CreateSession(model.Session{Title: fmt.Sprintf("TXCT %d", i), Kind: model.KindBefore,
			Date: "2026-11-20", DelegateGroup: "Tổ đại biểu số 3"})
		if err != nil {
			b.Fatal(err)
		}
		for j := range 60 {
			r := model.Remark{SessionID: sess.ID, Type: model.TypePetition,
				Text: fmt.Sprintf("Đề nghị nạo vét kênh N%d đoạn qua thôn %d, mùa khô thiếu nước tưới %d", j, i, j*7)}
			if j%10 == 9 {
				r.RepeatOf = []string{fmt.Sprintf("S-%06d", j*1000)}
			}
			if _, err := s.SaveRemark(r); err != nil {
				b.Fatal(err)
			}
		}
		sessions = append(sessions, sess.ID)
	}
	b.ResetTimer()
	for i := range b.N {
		res, err := s.ForwardSession(sessions[i])
		if err != nil || res.Added != 54 || res.Repeats != 6 {
			b.Fatalf("%+v %v", res, err)
		}
	}
	b.StopTimer()
	if n := s.ArchiveCount(); n != 100000+54*b.N {
		b.Fatalf("archive counts %d", n)
	}
	if !slices.ContainsFunc(mustHits(b, s, "nao vet kenh N3 doan qua thon 0 mua kho thieu nuoc tuoi 21"), func(id string) bool { return id == "2026-T3-1120-04" }) {
		b.Fatal("a forwarded petition is not in the index")
	}
}

func mustHits(b *testing.B, s *Store, text string) []string {
	res, err := s.FindRepeats(text, RepeatOptions{Top: 5})
	if err != nil {
		b.Fatal(err)
	}
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.Petition.ID)
	}
	return ids
}

// TestSessionEditKeepsForwarded: saving the session's own fields (as the
// app does while the minutes are typed) keeps the list of records the
// session forwarded, so a remark withdrawn afterwards still takes its
// unanswered record out of the archive.
func TestSessionEditKeepsForwarded(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "t.db"), Options{BackupDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.LoadIndex(); err != nil {
		t.Fatal(err)
	}
	sess, rems := loopSession(t, s, "2026-11-20", []model.Remark{
		{Voter: "Bà Lê Thị Hoa", Text: "Đề nghị nạo vét kênh mương nội đồng thôn 2", Type: model.TypePetition},
	}, nil)
	exportNow(t, s, sess.ID)
	if s.ArchiveCount() != 1 {
		t.Fatalf("archive holds %d records after export", s.ArchiveCount())
	}
	edited, err := s.Session(sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	edited.Chair = "Ông Nguyễn Văn Bình"
	if err := s.UpdateSession(edited); err != nil {
		t.Fatal(err)
	}
	demoted := rems[0]
	demoted.Type = model.TypeOpinion
	if _, err := s.SaveRemark(demoted); err != nil {
		t.Fatal(err)
	}
	res, err := s.ForwardSession(sess.ID)
	if err != nil || res.Withdrawn != 1 || s.ArchiveCount() != 0 {
		t.Fatalf("after a session edit the demoted remark's record stays: %+v %v, archive %d", res, err, s.ArchiveCount())
	}
}

// A petition edited after it entered the archive: the record follows at the
// next export and remembers the day, and the session's and the round's
// snapshots say which text the report uses, before and after that export.
func TestEditedAfterForwarding(t *testing.T) {
	s, _ := openTemp(t)
	sess, _ := loopSession(t, s, "2026-11-20", []model.Remark{
		{Voter: "Ông Lê Văn Hải", Text: deSongLam, Type: model.TypePetition},
		{Voter: "Bà Hồ Thị Lan", Text: "Đề nghị nạo vét kênh tiêu Cầu Đá thôn 2", Type: model.TypePetition},
	}, nil)
	exportNow(t, s, sess.ID)
	snap, err := s.Snapshot(sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(snap.Edited) != 0 {
		t.Fatalf("nothing edited yet: %v", snap.Edited)
	}
	rems, _ := s.Remarks(sess.ID)
	rec, _ := s.Petition(rems[0].ArchiveID)
	today := model.DayOf(time.Time{})
	if rec.ForwardedAt != today || rec.EditedAt != "" {
		t.Fatalf("record as forwarded: %+v", rec)
	}

	edited := rems[0]
	edited.Text = deSongLam + ", nhất là đoạn gần trường tiểu học"
	edited, err = s.SaveRemark(edited)
	if err != nil {
		t.Fatal(err)
	}
	want := model.Edit{On: model.DayOf(edited.Updated), Sent: today}
	check := func(when string) {
		t.Helper()
		snap, err := s.Snapshot(sess.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(snap.Edited) != 1 || snap.Edited[edited.ID] != want {
			t.Fatalf("%s: session snapshot says %v; want remark %d edited %v", when, snap.Edited, edited.ID, want)
		}
		round, err := s.RoundSnapshot([]model.Session{sess})
		if err != nil {
			t.Fatal(err)
		}
		if round.Edited[edited.ID] != want {
			t.Fatalf("%s: round snapshot says %v", when, round.Edited)
		}
	}
	check("before the next export")
	exportNow(t, s, sess.ID)
	if rec, _ := s.Petition(edited.ArchiveID); rec.Text != edited.Text || rec.EditedAt != want.On || rec.ForwardedAt != today {
		t.Fatalf("record after the next export: %+v", rec)
	}
	check("after the next export")
}
