package store

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"txct/store/model"
)

// buildLarge makes a large file: 100,000 petitions, 200 sessions
// and 30,000 remarks (150 a session), written the way txct writes them.
func buildLarge(b *testing.B, petitions, sessions, perSession int) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "large.db")
	s, err := Open(path, Options{NoIndex: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	roads := []string{"ĐT.741", "QL14", "ĐT.753", "đường liên xã", "cầu Bàu Sen"}
	batch := make([]model.Petition, 0, 10000)
	for i := range petitions {
		batch = append(batch, model.Petition{ID: fmt.Sprintf("S-%06d", i),
			Text:  fmt.Sprintf("Cử tri thôn %d xã %d đề nghị sửa chữa %s đoạn km %d, mặt đường hư hỏng nặng", i%40, i%300, roads[i%len(roads)], i%90),
			Field: model.Fields[i%len(model.Fields)], Authority: model.Authorities[i%3], RaisedAt: "2024-05-01",
			Session: "Trước kỳ họp thứ 8", Response: "Sở Xây dựng đã có kế hoạch sửa chữa năm 2027.", Status: model.StatusAnswered})
		if len(batch) == cap(batch) {
			if _, err := s.PutPetitions(batch); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	if len(batch) > 0 {
		if _, err := s.PutPetitions(batch); err != nil {
			b.Fatal(err)
		}
	}
	a := s.Autosaver(time.Hour, nil)
	for i := range sessions {
		sess, err := s.CreateSession(model.Session{Title: fmt.Sprintf("TXCT %d", i), Kind: model.KindBefore,
			Date: fmt.Sprintf("2026-%02d-%02d", i%12+1, i%28+1), Place: fmt.Sprintf("Xã %d", i)})
		if err != nil {
			b.Fatal(err)
		}
		var ids []uint64
		for j := range perSession {
			r := model.Remark{ID: s.NewID(), SessionID: sess.ID, Voter: "Ông Nguyễn Văn Minh", Address: "Thôn 2",
				Text: fmt.Sprintf("Đề nghị sửa %s đoạn qua thôn %d", roads[j%len(roads)], j)}
			a.PutRemark(r)
			ids = append(ids, r.ID)
		}
		a.PutOrder(sess.ID, ids)
		if err := a.Flush(); err != nil {
			b.Fatal(err)
		}
	}
	return path
}

// BenchmarkLargeFile measures, on a file of 100,000 petitions, 200 sessions
// and 30,000 remarks: opening it, listing the sessions (the home screen),
// reading one session with its remarks (the session screen) and one
// autosave flush of a typed remark.
func BenchmarkLargeFile(b *testing.B) {
	path := buildLarge(b, 100000, 200, 150)
	b.Run("open", func(b *testing.B) {
		for b.Loop() {
			s, err := Open(path, Options{NoIndex: true})
			if err != nil {
				b.Fatal(err)
			}
			s.Close()
		}
	})
	s, err := Open(path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	list, _ := s.Sessions()
	b.Run("sessions", func(b *testing.B) {
		for b.Loop() {
			if l, err := s.Sessions(); err != nil || len(l) != 200 {
				b.Fatal(len(l), err)
			}
		}
	})
	b.Run("session+remarks", func(b *testing.B) {
		for b.Loop() {
			if r, err := s.Remarks(list[0].ID); err != nil || len(r) != 150 {
				b.Fatal(len(r), err)
			}
		}
	})
	b.Run("autosave-flush", func(b *testing.B) {
		a := s.Autosaver(time.Hour, nil)
		rems, _ := s.Remarks(list[0].ID)
		r := rems[0]
		for b.Loop() {
			r.Text += "a"
			a.PutRemark(r)
			if err := a.Flush(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("snapshot", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.Snapshot(list[0].ID); err != nil {
				b.Fatal(err)
			}
		}
	})
}
