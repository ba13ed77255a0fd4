package main

import (
	"archive/zip"
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"txct/store"
	"txct/store/model"

	"txct/store/safefile"
)

// bigArchive writes n petitions in the archive format, reusing the dev pack's
// texts under new ids (or made-up texts when the pack is absent).
func bigArchive(t *testing.T, n int) string {
	t.Helper()
	var texts []string
	if f, err := os.Open("../../../shared/eval/dev/archive.jsonl"); err == nil {
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var p model.Petition
			if json.Unmarshal(sc.Bytes(), &p) == nil {
				texts = append(texts, p.Text)
			}
		}
		f.Close()
	}
	if len(texts) == 0 {
		texts = []string{"Đề nghị sửa chữa đường liên thôn", "Đề nghị nạo vét kênh tưới"}
	}
	path := filepath.Join(t.TempDir(), "big.jsonl")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for i := range n {
		enc.Encode(model.Petition{ID: fmt.Sprintf("K-%06d", i), Text: fmt.Sprintf("%s (bản %d)", texts[i%len(texts)], i),
			Field: model.Fields[i%len(model.Fields)], Authority: model.AuthProvince, RaisedAt: "2024-01-10", Status: model.StatusAnswered})
	}
	w.Flush()
	f.Close()
	return path
}

// An import killed at any moment leaves all of the file or none of it, and
// a file that opens and passes the consistency check.
func TestKillDuringImport(t *testing.T) {
	src := bigArchive(t, 30000)
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	counts := map[int]int{}
	for run := range 6 {
		db := filepath.Join(t.TempDir(), "t.db")
		seed := exec.Command(binPath, "--db", db, "import", "../../../shared/eval/dev/archive.jsonl")
		seedRows := 255
		if out, err := seed.CombinedOutput(); err != nil {
			seedRows = 0
			if err := exec.Command(binPath, "--db", db, "deadline", "--days", "5").Run(); err != nil {
				t.Fatalf("%v %s", err, out)
			}
		}
		cmd := exec.Command(binPath, "--db", db, "import", src)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(20+rng.IntN(700)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		s, err := store.Open(db, store.Options{NoIndex: true})
		if err != nil {
			t.Fatalf("run %d: reopen: %v", run, err)
		}
		if err := s.Check(); err != nil {
			t.Fatalf("run %d: %v", run, err)
		}
		n := s.ArchiveCount()
		s.Close()
		if n != seedRows && n != seedRows+30000 {
			t.Fatalf("run %d: %d petitions after the kill: half an import", run, n)
		}
		counts[n-seedRows]++
	}
	t.Logf("kills during import: %d left nothing of the file, %d left all of it", counts[0], counts[30000])
}

// An export killed at any moment leaves no truncated file under a final name.
func TestKillDuringExport(t *testing.T) {
	path, _ := newSessionDB(t)
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 9))
	complete, killedEarly := 0, 0
	for run := range 12 {
		out := t.TempDir()
		cmd := exec.Command(binPath, "--db", path, "export", "latest", "--out", out)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.IntN(60)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		ents, _ := os.ReadDir(out)
		for _, e := range ents {
			if strings.HasPrefix(e.Name(), ".") {
				continue // a temporary file, never a final name
			}
			p := filepath.Join(out, e.Name())
			if strings.HasSuffix(p, ".docx") || strings.HasSuffix(p, ".xlsx") {
				zr, err := zip.OpenReader(p)
				if err != nil {
					t.Fatalf("run %d: %s is truncated: %v", run, e.Name(), err)
				}
				zr.Close()
			}
			if err := safefile.CheckPrivate(p); err != nil {
				t.Errorf("run %d: %v", run, err)
			}
			complete++
		}
		if len(ents) == 0 {
			killedEarly++
		}
	}
	t.Logf("kills during export: %d complete files found, %d runs killed before any file", complete, killedEarly)
}
