package store

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"txct/store/ingest"
	"txct/store/model"

	"txct/store/safefile"
)

func openTemp(t testing.TB) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "txct.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

func sampleSession() model.Session {
	return model.Session{Title: "Tiếp xúc cử tri trước kỳ họp", Kind: model.KindBefore, Date: "2026-11-20",
		Start: "08:00", End: "10:30", Place: "Hội trường UBND xã Tân Thành", Chair: "Bà Lê Thị Hoa",
		Secretary: "Ông Trần Văn Nam", Delegates: []string{"Ông Nguyễn Văn An"}, Voters: 85}
}

func TestCreateReopen(t *testing.T) {
	s, path := openTemp(t)
	sess, err := s.CreateSession(sampleSession())
	if err != nil {
		t.Fatal(err)
	}
	var ids []uint64
	for i, text := range []string{"Sửa đường ĐT.612", "Cấp sổ đỏ", "Nước sạch thôn 3"} {
		r, err := s.SaveRemark(model.Remark{SessionID: sess.ID, Voter: "Ông A", Text: text, Field: model.Fields[i]})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, r.ID)
	}
	sess.SetNote(model.SecOpening, "Bà Hoa khai mạc hội nghị.")
	if err := s.UpdateSession(sess); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s2, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	got, err := s2.Session(sess.ID)
	if err != nil || got.Note(model.SecOpening) != "Bà Hoa khai mạc hội nghị." || got.UID != sess.UID {
		t.Fatalf("session after reopen: %+v %v", got, err)
	}
	rems, err := s2.Remarks(sess.ID)
	if err != nil || len(rems) != 3 || rems[2].Text != "Nước sạch thôn 3" || rems[0].ID != ids[0] {
		t.Fatalf("remarks after reopen: %+v %v", rems, err)
	}
	// New ids continue after the stored ones.
	if id := s2.NewID(); id <= ids[2] {
		t.Errorf("NewID after reopen = %d, want > %d", id, ids[2])
	}
	list, _ := s2.Sessions()
	if len(list) != 1 || list[0].Remarks != 3 {
		t.Errorf("Sessions() = %+v", list)
	}
}

func TestBigEndianOrder(t *testing.T) {
	for _, pair := range [][2]uint64{{1, 2}, {255, 256}, {65535, 65536}, {1 << 40, 1<<40 + 1}} {
		if bytes.Compare(u64(pair[0]), u64(pair[1])) >= 0 {
			t.Errorf("u64(%d) does not sort before u64(%d)", pair[0], pair[1])
		}
		if fromU64(u64(pair[1])) != pair[1] {
			t.Errorf("round trip of %d", pair[1])
		}
	}
}

func TestOrderMoveDelete(t *testing.T) {
	s, _ := openTemp(t)
	sess, _ := s.CreateSession(sampleSession())
	var ids []uint64
	for _, text := range []string{"a", "b", "c"} {
		r, _ := s.SaveRemark(model.Remark{SessionID: sess.ID, Text: text})
		ids = append(ids, r.ID)
	}
	if err := s.SetOrder(sess.ID, []uint64{ids[2], ids[0], ids[1]}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteRemark(sess.ID, ids[0]); err != nil {
		t.Fatal(err)
	}
	rems, _ := s.Remarks(sess.ID)
	if len(rems) != 2 || rems[0].Text != "c" || rems[1].Text != "b" {
		t.Fatalf("after move and delete: %+v", rems)
	}
}

func TestSecondOpenFailsFast(t *testing.T) {
	_, path := openTemp(t)
	start := time.Now()
	_, err := Open(path, Options{})
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second open: %v, want ErrLocked", err)
	}
	if !strings.Contains(err.Error(), path) {
		t.Errorf("error %q does not name the file", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("second open took %v", d)
	}
	if _, err := Open(path, Options{ReadOnly: true}); !errors.Is(err, ErrLocked) {
		t.Errorf("read-only open while locked: %v", err)
	}
}

func TestFileModes(t *testing.T) {
	s, path := openTemp(t)
	if err := safefile.CheckPrivate(path); err != nil {
		t.Error(err)
	}
	b, err := s.AutoBackup("test", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if err := safefile.CheckPrivate(b); err != nil {
		t.Error(err)
	}
}

func TestRefusesForeignFiles(t *testing.T) {
	dir := t.TempDir()
	cases := map[string][]byte{
		"text.db":  []byte("hello, this is not a database\n"),
		"empty.db": {},
	}
	for name, data := range cases {
		p := filepath.Join(dir, name)
		os.WriteFile(p, data, 0o644)
		_, err := Open(p, Options{})
		if !errors.Is(err, ErrNotTxct) || !strings.Contains(err.Error(), p) {
			t.Errorf("%s: err = %v", name, err)
		}
		if got, _ := os.ReadFile(p); !bytes.Equal(got, data) {
			t.Errorf("%s was modified", name)
		}
	}
	// A bbolt file of another program.
	p := filepath.Join(dir, "other.db")
	db, _ := bolt.Open(p, 0o600, nil)
	db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("x")); return err })
	db.Close()
	before, _ := os.ReadFile(p)
	if _, err := Open(p, Options{}); !errors.Is(err, ErrNotTxct) {
		t.Errorf("foreign bbolt: %v", err)
	}
	if after, _ := os.ReadFile(p); !bytes.Equal(before, after) {
		t.Error("foreign bbolt file was modified")
	}
}

func TestRefusesNewerSchema(t *testing.T) {
	s, path := openTemp(t)
	s.update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put(keySchema, []byte("99")) })
	s.Close()
	_, err := Open(path, Options{})
	if !errors.Is(err, ErrNewer) || !strings.Contains(err.Error(), "99") {
		t.Fatalf("newer schema: %v", err)
	}
}

func TestCorruptFileNamesBackup(t *testing.T) {
	s, path := openTemp(t)
	sess, _ := s.CreateSession(sampleSession())
	s.SaveRemark(model.Remark{SessionID: sess.ID, Text: "x"})
	bk, err := s.AutoBackup("close", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	data, _ := os.ReadFile(path)
	// Damage both meta pages: bbolt then has no valid root to start from.
	for i := 16; i < 64; i++ {
		data[i] ^= 0xff
		data[4096+i] ^= 0xff
	}
	os.WriteFile(path, data, 0o600)
	_, err = Open(path, Options{})
	if err == nil {
		t.Fatal("damaged file opened")
	}
	msg := err.Error()
	if !strings.Contains(msg, path) || !strings.Contains(msg, "txct --db") || !strings.Contains(msg, bk) {
		t.Errorf("message %q should name the file and the backup", msg)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(after, data) {
		t.Error("damaged file was modified")
	}
	// A file cut short (a copy that stopped half way) is refused too.
	cut := filepath.Join(filepath.Dir(path), "cut.db")
	full, _ := os.ReadFile(bk)
	os.WriteFile(cut, full[:len(full)/2], 0o600)
	if _, err := Open(cut, Options{}); err == nil {
		t.Error("truncated file opened")
	}
	if _, err := Restore(path, bk, time.Now()); err != nil {
		t.Fatal(err)
	}
	s2, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("after restore: %v", err)
	}
	defer s2.Close()
	if rems, _ := s2.Remarks(sess.ID); len(rems) != 1 {
		t.Errorf("restored remarks: %d", len(rems))
	}
	if err := s2.Check(); err != nil {
		t.Error(err)
	}
}

func TestBackupRotation(t *testing.T) {
	s, _ := openTemp(t)
	base := time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC)
	for i := 0; i < KeepBackups+3; i++ {
		if _, err := s.AutoBackup("close", base.Add(time.Duration(i)*time.Minute)); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(Backups(s.BackupDir())); n != KeepBackups {
		t.Errorf("kept %d backups, want %d", n, KeepBackups)
	}
	if name, _ := s.DailyBackup(base); name != "" {
		t.Errorf("second backup on the same day: %s", name)
	}
	if name, _ := s.DailyBackup(base.AddDate(0, 0, 1)); name == "" {
		t.Error("no daily backup on a new day")
	}
}

func TestAutosaverBatches(t *testing.T) {
	s, path := openTemp(t)
	sess, _ := s.CreateSession(sampleSession())
	// Every flush reports here, after its transaction has committed.
	saves := make(chan error, 16)
	a := s.Autosaver(50*time.Millisecond, func(err error) { saves <- err })
	r := model.Remark{ID: s.NewID(), SessionID: sess.ID}
	for _, c := range "Đường liên thôn" {
		r.Text += string(c)
		a.PutRemark(r)
	}
	a.PutOrder(sess.ID, []uint64{r.ID})
	select {
	case err := <-saves:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the burst was never flushed")
	}
	// The one flush took the whole burst: nothing is left to flush, so no
	// second flush can follow it.
	if n := a.Pending(); n != 0 {
		t.Errorf("%d changes left after the flush of one burst, want 0", n)
	}
	rems, _ := s.Remarks(sess.ID)
	if len(rems) != 1 || rems[0].Text != "Đường liên thôn" {
		t.Fatalf("autosaved: %+v", rems)
	}
	r.Text += "!"
	a.PutRemark(r)
	s.Close() // Close flushes
	close(saves)
	var later int
	for err := range saves {
		if err != nil {
			t.Fatal(err)
		}
		later++
	}
	if later != 1 {
		t.Errorf("%d flushes after the burst's, want 1 (the one Close made)", later)
	}
	s2, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if rems, _ := s2.Remarks(sess.ID); len(rems) != 1 || rems[0].Text != "Đường liên thôn!" {
		t.Fatalf("after close: %+v", rems)
	}
}

func TestRepeatLinksCountRaises(t *testing.T) {
	s, _ := openTemp(t)
	if _, err := s.PutPetitions([]model.Petition{{ID: "P1", Text: "Sửa cầu Nà Ca", RaisedAt: "2024-01-10"}}); err != nil {
		t.Fatal(err)
	}
	sess, _ := s.CreateSession(sampleSession())
	r, _ := s.SaveRemark(model.Remark{SessionID: sess.ID, Text: "cầu Nà Ca", RepeatOf: []string{"P1", "UNKNOWN"}})
	s.SaveRemark(r) // saving again must not count twice
	p, _ := s.Petition("P1")
	if p.TimesRaised() != 2 || p.Raises[0].Date != "2026-11-20" {
		t.Fatalf("after confirm: %+v", p)
	}
	r.RepeatOf = nil
	s.SaveRemark(r)
	if p, _ = s.Petition("P1"); p.TimesRaised() != 1 {
		t.Fatalf("after dismiss: %+v", p)
	}
	r.RepeatOf = []string{"P1"}
	s.SaveRemark(r)
	s.DeleteRemark(sess.ID, r.ID)
	if p, _ = s.Petition("P1"); p.TimesRaised() != 1 {
		t.Fatalf("after delete: %+v", p)
	}
}

func TestImportUpdatesById(t *testing.T) {
	s, _ := openTemp(t)
	if s.HasArchive() {
		t.Fatal("a new file has an archive")
	}
	res, err := s.PutPetitions([]model.Petition{{ID: "A", Text: "x"}, {ID: "B", Text: "y"}})
	if err != nil || res.Added != 2 {
		t.Fatal(res, err)
	}
	res, _ = s.PutPetitions([]model.Petition{{ID: "A", Text: "x2"}, {ID: "C", Text: "z"}})
	if res.Added != 1 || res.Updated != 1 || s.ArchiveCount() != 3 || !s.HasArchive() {
		t.Fatalf("second import: %+v, count %d", res, s.ArchiveCount())
	}
	if _, err := s.PutPetitions([]model.Petition{{ID: "D", Text: "ok"}, {Text: "no id"}}); err == nil {
		t.Fatal("import with a bad row succeeded")
	}
	if _, err := s.Petition("D"); !errors.Is(err, ErrNotFound) {
		t.Error("a failed import left rows behind")
	}
}

func TestNames(t *testing.T) {
	s, _ := openTemp(t)
	s.CreateSession(sampleSession())
	names, _ := s.Names(NamePerson)
	if len(names) != 3 {
		t.Fatalf("names: %v", names)
	}
	places, _ := s.Names(NamePlace)
	if len(places) != 1 || places[0] != "Hội trường UBND xã Tân Thành" {
		t.Errorf("places: %v", places)
	}
}

func TestFindRepeats(t *testing.T) {
	s, _ := openTemp(t)
	s.PutPetitions([]model.Petition{
		{ID: "P1", Text: "Cử tri đề nghị xây mới cầu tràn Nà Ca nối thôn Hòa Bình với trung tâm xã", Location: "xã Dũng Liệt"},
		{ID: "P2", Text: "Đề nghị cấp giấy chứng nhận quyền sử dụng đất cho các hộ ở khu tái định cư Gò Mây"},
	})
	if err := s.LoadIndex(); err != nil {
		t.Fatal(err)
	}
	// A petition imported after the index loaded is found too.
	s.PutPetitions([]model.Petition{{ID: "P3", Text: "Nâng cấp hồ chứa Vũng Sâu để đủ nước tưới"}})
	res, err := s.FindRepeats("cau tran Na Ca xuong cap, de nghi xay moi", RepeatOptions{Top: 5})
	if err != nil || len(res.Hits) == 0 || res.Hits[0].Petition.ID != "P1" || !res.Repeat {
		t.Fatalf("FindRepeats: %+v %v", res, err)
	}
	if res.Hits[0].Petition.Location != "xã Dũng Liệt" {
		t.Errorf("hit is not the full record: %+v", res.Hits[0].Petition)
	}
	res, _ = s.FindRepeats("nâng cấp hồ chứa Vũng Sâu", RepeatOptions{Top: 5})
	if len(res.Hits) == 0 || res.Hits[0].Petition.ID != "P3" {
		t.Errorf("late import not indexed: %+v", res)
	}
	if res, err := s.FindRepeats("", RepeatOptions{Top: 5}); err != nil || res.Repeat {
		t.Errorf("empty remark: %+v %v", res, err)
	}
}

func TestImportBundleTwiceAndRoundTrip(t *testing.T) {
	s, _ := openTemp(t)
	s.PutPetitions([]model.Petition{{ID: "P1", Text: "Sửa cầu Nà Ca"}})
	sess, _ := s.CreateSession(sampleSession())
	a, _ := s.SaveRemark(model.Remark{SessionID: sess.ID, Voter: "Ông A", Text: "Sửa cầu Nà Ca", RepeatOf: []string{"P1"}})
	s.SaveRemark(model.Remark{SessionID: sess.ID, Voter: "Bà B", Text: "Cầu Nà Ca hỏng", MergedInto: a.ID, RepeatOf: []string{"GONE-1"}})
	rems, _ := s.Remarks(sess.ID)
	var first bytes.Buffer
	if err := ingest.WriteBundle(&first, sess, rems); err != nil {
		t.Fatal(err)
	}
	b, err := ingest.ReadBundle(bytes.NewReader(first.Bytes()), "b.json")
	if err != nil {
		t.Fatal(err)
	}
	// Into an empty database, twice.
	s2, _ := openTemp(t)
	s2.PutPetitions([]model.Petition{{ID: "P1", Text: "Sửa cầu Nà Ca"}})
	id1, warns, err := s2.ImportBundle(b)
	if err != nil || len(warns) != 1 || warns[0] != (UnknownRepeat{Remark: 2, Petition: "GONE-1"}) {
		t.Fatalf("import: %v %v", warns, err)
	}
	id2, _, err := s2.ImportBundle(b)
	if err != nil || id2 != id1 {
		t.Fatalf("second import made session %d (first %d): %v", id2, id1, err)
	}
	if l, _ := s2.Sessions(); len(l) != 1 || l[0].Remarks != 2 {
		t.Fatalf("after two imports: %+v", l)
	}
	if p, _ := s2.Petition("P1"); p.TimesRaised() != 2 {
		t.Errorf("re-import counted the repeat twice: %d", p.TimesRaised())
	}
	got, _ := s2.Session(id1)
	rems2, _ := s2.Remarks(id1)
	if rems2[1].MergedInto != rems2[0].ID || rems2[1].RepeatOf[0] != "GONE-1" {
		t.Errorf("merge or unknown link lost: %+v", rems2[1])
	}
	var second bytes.Buffer
	if err := ingest.WriteBundle(&second, got, rems2); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first.Bytes(), second.Bytes()) {
		t.Errorf("export → import → export differs:\n%s\n---\n%s", first.String(), second.String())
	}
}

func TestIndexPersists(t *testing.T) {
	s, path := openTemp(t)
	s.PutPetitions([]model.Petition{{ID: "P1", Text: "Xây mới cầu tràn Nà Ca"}, {ID: "P2", Text: "Nạo vét kênh N2"}})
	if err := s.LoadIndex(); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ix, _, err := s2.loadPersistedIndex()
	if err != nil || ix == nil || ix.Len() != 2 {
		t.Fatalf("persisted index: %v %v", ix, err)
	}
	// Changing a petition's text makes the saved index stale.
	p, _ := s2.Petition("P2")
	p.Text = "Nạo vét kênh N2 và kè bờ"
	if err := s2.UpdatePetition(p); err != nil {
		t.Fatal(err)
	}
	if ix, _, _ := s2.loadPersistedIndex(); ix != nil {
		t.Fatal("a stale index was loaded")
	}
	res, err := s2.FindRepeats("kè bờ kênh N2", RepeatOptions{Top: 3})
	if err != nil || len(res.Hits) == 0 || res.Hits[0].Petition.ID != "P2" {
		t.Fatalf("after rebuild: %+v %v", res, err)
	}
	s2.Close()
	s3, _ := Open(path, Options{})
	defer s3.Close()
	if ix, _, _ := s3.loadPersistedIndex(); ix == nil {
		t.Error("the rebuilt index was not saved on close")
	}
}

// A remark deleted and brought back in one autosave batch keeps its place:
// the order is written after the remark it names, however they were queued.
func TestAutosaverUndeleteKeepsPlace(t *testing.T) {
	s, _ := openTemp(t)
	sess, _ := s.CreateSession(sampleSession())
	var ids []uint64
	for _, text := range []string{"a", "b", "c"} {
		r, _ := s.SaveRemark(model.Remark{SessionID: sess.ID, Text: text, Guessed: model.GuessedField})
		ids = append(ids, r.ID)
	}
	rems, _ := s.Remarks(sess.ID)
	a := s.Autosaver(time.Hour, nil)
	a.PutOrder(sess.ID, []uint64{ids[0], ids[2]}) // delete b
	if err := a.Flush(); err != nil {
		t.Fatal(err)
	}
	a.PutOrder(sess.ID, []uint64{ids[0]}) // delete c
	a.PutRemark(rems[2])                  // undo: c back
	a.PutRemark(rems[1])                  // undo: b back
	a.PutOrder(sess.ID, ids)
	if err := a.Flush(); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Remarks(sess.ID)
	if len(got) != 3 || got[0].Text != "a" || got[1].Text != "b" || got[2].Text != "c" {
		t.Fatalf("after undelete: %+v", got)
	}
	if got[1].Guessed != model.GuessedField {
		t.Errorf("guess mark not stored: %v", got[1].Guessed)
	}
}

// TestChanged: a committed write closes the channel taken before it; a
// failed write does not, and a read-only store never writes.
func TestChanged(t *testing.T) {
	s, _ := openTemp(t)
	ch := s.Changed()
	select {
	case <-ch:
		t.Fatal("closed before any write")
	default:
	}
	sess, err := s.CreateSession(model.Session{Title: "T", Kind: model.KindOther, Date: "2026-11-20"})
	if err != nil {
		t.Fatal(err)
	}
	select {
	case <-ch:
	default:
		t.Fatal("a committed write did not close the channel")
	}
	ch = s.Changed()
	if _, err := s.SaveRemark(model.Remark{SessionID: sess.ID + 1000, Text: "x"}); err == nil {
		t.Fatal("a remark of a missing session was saved")
	}
	select {
	case <-ch:
		t.Fatal("a failed write closed the channel")
	default:
	}
	a := s.Autosaver(time.Hour, nil)
	a.PutRemark(model.Remark{ID: s.NewID(), SessionID: sess.ID, Text: "đang gõ"})
	if err := a.Flush(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-ch:
	default:
		t.Fatal("an autosave did not close the channel")
	}
}

func TestProfileRemembered(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.db")
	db, err := Open(path, Options{NoIndex: true})
	if err != nil {
		t.Fatal(err)
	}
	if !db.Profile().Report.IsZero() {
		t.Fatal("a new store has a profile")
	}
	p := model.Profile{Report: model.Issuer{Parent: "HĐND tỉnh Đồng Nai", Body: "Tổ đại biểu số 3", Capacity: []string{"TM. TỔ ĐẠI BIỂU", "TỔ TRƯỞNG"}}}
	if err := db.SetProfile(p); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err = Open(path, Options{NoIndex: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if got := db.Profile(); got.Report.Body != "Tổ đại biểu số 3" || len(got.Report.Capacity) != 2 {
		t.Errorf("profile after reopening: %+v", got)
	}
}

// The first large import into an empty archive builds the repeat index
// from the rows in hand; it finds them, and is saved for the next start.
func TestFirstImportBuildsIndex(t *testing.T) {
	s, path := openTemp(t)
	ps := make([]model.Petition, buildFromBatch)
	for i := range ps {
		ps[i] = model.Petition{ID: fmt.Sprintf("G-%05d", i), Text: fmt.Sprintf("Đề nghị sửa đường liên thôn số %d xã Hòa An", i)}
	}
	ps[77].Text = "Đề nghị xây mới cầu tràn Nà Ca nối thôn Hòa Bình với trung tâm xã"
	if _, err := s.PutPetitions(ps); err != nil {
		t.Fatal(err)
	}
	if !s.IndexReady() {
		t.Fatal("the index was not built from the import")
	}
	res, err := s.FindRepeats("cầu tràn Nà Ca xuống cấp, đề nghị xây mới", RepeatOptions{})
	if err != nil || !res.Repeat || res.Hits[0].Petition.ID != "G-00077" {
		t.Fatalf("after the first import: %+v %v", res, err)
	}
	s.Close()
	s2, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if ix, _, _ := s2.loadPersistedIndex(); ix == nil || ix.Len() != buildFromBatch {
		t.Fatalf("index not saved: %v", ix)
	}
}

// An import opened with room to grow writes whole, and the room is only
// mapped: outside Windows the file stays the size of what was written.
func TestGrowMapsRoom(t *testing.T) {
	path := filepath.Join(t.TempDir(), "txct.db")
	s, err := Open(path, Options{Grow: 256 << 20})
	if err != nil {
		t.Fatal(err)
	}
	ps := make([]model.Petition, 2000)
	for i := range ps {
		ps[i] = model.Petition{ID: fmt.Sprintf("G-%05d", i), Text: strings.Repeat("Đề nghị sửa đường liên thôn. ", 20)}
	}
	if _, err := s.PutPetitions(ps); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && fi.Size() > 64<<20 {
		t.Errorf("the file grew to %d bytes for 2,000 rows", fi.Size())
	}
	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n := s.ArchiveCount(); n != len(ps) {
		t.Errorf("%d petitions after reopening, want %d", n, len(ps))
	}
	if p, err := s.Petition("G-01999"); err != nil || p.Text != ps[1999].Text {
		t.Errorf("last petition: %q %v", p.Text, err)
	}
}
