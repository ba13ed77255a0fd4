package match

import (
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"txct/store/model"
)

// Benchmarks at archive scale. With TXCT_SCALE=/tmp/scale100k.jsonl they use
// the archive shared/eval/gen_scale.py writes; the *Synth variants build one
// in-process from the dev pack, so CI can run them without Python:
//
//	GOMAXPROCS=1 TXCT_SCALE=/tmp/scale100k.jsonl go test -run '^$' -bench . -benchmem ./store/match/

var scaleCache = map[string][]model.Petition{}

func scaleArchive(b *testing.B, synth bool) []model.Petition {
	b.Helper()
	key := "synth"
	if !synth {
		key = os.Getenv("TXCT_SCALE")
		if key == "" {
			b.Skip("set TXCT_SCALE to an archive from gen_scale.py")
		}
	}
	if ps, ok := scaleCache[key]; ok {
		return ps
	}
	var ps []model.Petition
	if synth {
		dev, _ := loadDev(b)
		ps = synthArchive(dev, 100_000)
	} else {
		ps = readJSONL[model.Petition](b, key)
	}
	scaleCache[key] = ps
	return ps
}

// synthArchive grows seed to n petitions: each copy gets a new id and new
// proper names after place and object words, so it is the same topic about
// another place, the hard case for the index.
func synthArchive(seed []model.Petition, n int) []model.Petition {
	rng := rand.New(rand.NewPCG(1, 2))
	syl := []string{"An", "Bình", "Cao", "Đông", "Hà", "Hòa", "Lạc", "Long", "Minh", "Nam", "Phú",
		"Quang", "Sơn", "Tân", "Thạch", "Thịnh", "Trung", "Vân", "Xuân", "Yên", "Khê", "Lũng", "Pác", "Nà"}
	out := make([]model.Petition, 0, n)
	for i := 0; len(out) < n; i++ {
		p := seed[i%len(seed)]
		if i >= len(seed) {
			words := strings.Fields(p.Text)
			for k := 1; k < len(words); k++ {
				if Fold(words[k-1]) == "xa" || Fold(words[k-1]) == "thon" || Fold(words[k-1]) == "cau" || Fold(words[k-1]) == "ho" {
					words[k] = syl[rng.IntN(len(syl))]
				}
			}
			p.Text = strings.Join(words, " ")
			p.ID = fmt.Sprintf("X-%06d", i)
		}
		out = append(out, p)
	}
	return out
}

func benchQueries(b *testing.B) []string {
	_, qs := loadDev(b)
	out := make([]string, len(qs))
	for i, q := range qs {
		out[i] = q.Text
	}
	return out
}

// longQueries are the dev remarks as spoken (spokenPack), lengthened with
// more spoken material to 90–120 words: the common case in a session.
func longQueries(b *testing.B) []string {
	_, qs := loadDev(b)
	rng := rand.New(rand.NewPCG(5, 7))
	var out []string
	for _, q := range spokenPack(qs) {
		words := strings.Fields(q.Text)
		for len(words) < 90 {
			words = append(words, strings.Fields(spokenClosings[rng.IntN(len(spokenClosings))])...)
			words = append(strings.Fields(spokenOpenings[rng.IntN(len(spokenOpenings))]), words...)
		}
		if len(words) > 120 {
			words = words[len(words)-120:]
		}
		out = append(out, strings.Join(words, " "))
	}
	return out
}

func benchCheck(b *testing.B, synth bool) { benchCheckOn(b, synth, benchQueries(b)) }

func benchCheckOn(b *testing.B, synth bool, qs []string) {
	ps := scaleArchive(b, synth)
	ix := Build(ps)
	durs := make([]time.Duration, 0, 1<<16)
	cpus := make([]time.Duration, 0, 1<<16)
	// One OS thread for the loop, so its CPU time is the checks'.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		c0, cpuOK := threadCPU()
		t := time.Now()
		ix.Check(qs[i%len(qs)], 5)
		durs = append(durs, time.Since(t))
		if c1, ok := threadCPU(); ok && cpuOK {
			cpus = append(cpus, c1-c0)
		}
		i++
	}
	// Wall time counts the time other programs hold the core; CPU time is
	// the check's own cost on one core, the figure on a quiet machine.
	pct := func(ds []time.Duration, q int) float64 {
		slices.Sort(ds)
		return float64(ds[len(ds)*q/100].Microseconds()) / 1000
	}
	b.ReportMetric(pct(durs, 99), "p99-ms")
	b.ReportMetric(pct(durs, 50), "p50-ms")
	if len(cpus) == len(durs) {
		b.ReportMetric(pct(cpus, 99), "p99-cpu-ms")
		b.ReportMetric(pct(cpus, 50), "p50-cpu-ms")
	}
}

// BenchmarkCheck100k is one repeat check against 100,000 petitions.
func BenchmarkCheck100k(b *testing.B) { benchCheck(b, false) }

// BenchmarkCheckLong100k is BenchmarkCheck100k for spoken remarks of 90–120
// words.
func BenchmarkCheckLong100k(b *testing.B) { benchCheckOn(b, false, longQueries(b)) }

// BenchmarkCheckLong100kSynth is BenchmarkCheckLong100k on the in-process
// archive.
func BenchmarkCheckLong100kSynth(b *testing.B) { benchCheckOn(b, true, longQueries(b)) }

// BenchmarkCheck100kSynth is BenchmarkCheck100k on the in-process archive.
func BenchmarkCheck100kSynth(b *testing.B) { benchCheck(b, true) }

// BenchmarkBruteForce100k scores every petition fully, without the
// inverted index: the ratio to BenchmarkCheck100k is what the index buys.
func BenchmarkBruteForce100k(b *testing.B) { benchBrute(b, benchQueries(b)) }

// BenchmarkBruteForceLong100k is the brute force beside BenchmarkCheckLong100k.
func BenchmarkBruteForceLong100k(b *testing.B) { benchBrute(b, longQueries(b)) }

func benchBrute(b *testing.B, qs []string) {
	ps := scaleArchive(b, false)
	ix := Build(ps)
	i := 0
	for b.Loop() {
		ix.mu.RLock()
		best := 0.0
		r := ix.prepareRemark(demands(qs[i%len(qs)]))
		for k := range ix.docs {
			if s, _ := r.score(ix, &ix.docs[k]); s > best {
				best = s
			}
		}
		ix.mu.RUnlock()
		i++
	}
}

func benchBuild(b *testing.B, synth bool) {
	ps := scaleArchive(b, synth)
	for b.Loop() {
		Build(ps)
	}
}

// BenchmarkBuild100k builds the index from 100,000 petitions.
func BenchmarkBuild100k(b *testing.B) { benchBuild(b, false) }

// BenchmarkBuild100kSynth is BenchmarkBuild100k on the in-process archive.
func BenchmarkBuild100kSynth(b *testing.B) { benchBuild(b, true) }

// BenchmarkMarshal100k encodes the index for the store.
func BenchmarkMarshal100k(b *testing.B) {
	ix := Build(scaleArchive(b, false))
	var n int
	for b.Loop() {
		data, _ := ix.MarshalBinary()
		n = len(data)
	}
	b.ReportMetric(float64(n)/(1<<20), "MB")
}

// BenchmarkUnmarshal100k loads the index the store persisted.
func BenchmarkUnmarshal100k(b *testing.B) {
	data, _ := Build(scaleArchive(b, false)).MarshalBinary()
	for b.Loop() {
		if err := NewIndex().UnmarshalBinary(data); err != nil {
			b.Fatal(err)
		}
	}
}

func benchMemory(b *testing.B, synth bool) {
	ps := scaleArchive(b, synth)
	var before, after runtime.MemStats
	for b.Loop() {
		runtime.GC()
		runtime.ReadMemStats(&before)
		ix := Build(ps)
		runtime.GC()
		runtime.ReadMemStats(&after)
		runtime.KeepAlive(ix)
	}
	b.ReportMetric(float64(after.HeapInuse-before.HeapInuse)/(1<<20), "index-MB")
}

// BenchmarkMemory100k reports the heap the index holds at 100,000
// petitions (HeapInuse after GC, with and without the index).
func BenchmarkMemory100k(b *testing.B) { benchMemory(b, false) }

// BenchmarkMemory100kSynth is BenchmarkMemory100k on the in-process archive.
func BenchmarkMemory100kSynth(b *testing.B) { benchMemory(b, true) }

// BenchmarkMemoryLoaded100k is BenchmarkMemory100k for an index loaded with
// UnmarshalBinary, as the store starts it.
func BenchmarkMemoryLoaded100k(b *testing.B) {
	data, _ := Build(scaleArchive(b, false)).MarshalBinary()
	var before, after runtime.MemStats
	for b.Loop() {
		runtime.GC()
		runtime.ReadMemStats(&before)
		ix := NewIndex()
		if err := ix.UnmarshalBinary(data); err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		runtime.KeepAlive(ix)
	}
	b.ReportMetric(float64(after.HeapInuse-before.HeapInuse)/(1<<20), "index-MB")
}
