package store

import (
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"txct/store/ingest"
)

// BenchmarkImport100k is `txct import` of the file TXCT_SCALE names (made
// by shared/eval/gen_scale.py) into a fresh file: read, write, index, save
// the index. It reports the peak Go heap (sampled every millisecond).
//
//	TXCT_SCALE=/tmp/scale100k.jsonl go test -run '^$' -bench Import100k -benchtime 1x ./store
func BenchmarkImport100k(b *testing.B) {
	src := scaleArchive(b)
	var peak atomic.Uint64
	done := make(chan struct{})
	go func() {
		var ms runtime.MemStats
		for {
			select {
			case <-done:
				return
			case <-time.After(time.Millisecond):
			}
			runtime.ReadMemStats(&ms)
			if h := ms.HeapInuse; h > peak.Load() {
				peak.Store(h)
			}
		}
	}()
	defer close(done)
	fi, err := os.Stat(src)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		path := filepath.Join(b.TempDir(), "i.db")
		t0 := time.Now()
		// As `txct import` opens it: room for the rows (importGrowth).
		s, err := Open(path, Options{Grow: fi.Size() * 3 / 2})
		if err != nil {
			b.Fatal(err)
		}
		res, err := ingest.ReadFile(src, ingest.Options{})
		if err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		b.ReportMetric(float64(peak.Swap(0))/(1<<20), "read-peak-MB")
		if _, err := s.PutPetitions(res.Petitions); err != nil {
			b.Fatal(err)
		}
		res = nil
		t2 := time.Now()
		b.ReportMetric(float64(peak.Swap(0))/(1<<20), "write-peak-MB")
		if err := s.LoadIndex(); err != nil {
			b.Fatal(err)
		}
		t3 := time.Now()
		b.ReportMetric(float64(peak.Swap(0))/(1<<20), "index-peak-MB")
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		t4 := time.Now()
		b.ReportMetric(t1.Sub(t0).Seconds(), "read-s")
		b.ReportMetric(t2.Sub(t1).Seconds(), "write-s")
		b.ReportMetric(t3.Sub(t2).Seconds(), "index-s")
		b.ReportMetric(t4.Sub(t3).Seconds(), "save-s")
	}
	b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MB")
}

// BenchmarkLoadIndex100k opens a file holding the TXCT_SCALE archive and
// its saved repeat index and loads the index, as the app does at start,
// and reports the live heap with the index loaded.
//
//	TXCT_SCALE=/tmp/scale100k.jsonl go test -run '^$' -bench LoadIndex100k -benchtime 10x ./store
func BenchmarkLoadIndex100k(b *testing.B) {
	src := scaleArchive(b)
	path := filepath.Join(b.TempDir(), "i.db")
	s, err := Open(path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	res, err := ingest.ReadFile(src, ingest.Options{})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.PutPetitions(res.Petitions); err != nil {
		b.Fatal(err)
	}
	res = nil
	if err := s.Close(); err != nil { // saves the index
		b.Fatal(err)
	}
	var heap uint64
	for b.Loop() {
		s, err := Open(path, Options{ReadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		if err := s.LoadIndex(); err != nil {
			b.Fatal(err)
		}
		if s.ArchiveCount() != 100_000 {
			b.Fatalf("%d petitions", s.ArchiveCount())
		}
		b.StopTimer()
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		heap = ms.HeapAlloc
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(heap)/(1<<20), "live-heap-MB")
}

// scaleArchive is the archive file TXCT_SCALE names (made by
// shared/eval/gen_scale.py); a benchmark without one is skipped.
func scaleArchive(b *testing.B) string {
	src := os.Getenv("TXCT_SCALE")
	if src == "" {
		b.Skip("set TXCT_SCALE")
	}
	return src
}
