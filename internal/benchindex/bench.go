package benchindex

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/index"
	"github.com/wiretrace/wiretrace/store"
	"github.com/wiretrace/wiretrace/trace"
)

// Backend is a store to measure.
type Backend struct {
	// Name labels the backend in the table ("pebble", "redis 3 masters").
	Name string
	// Open opens the empty store the run fills.
	Open func(ctx context.Context) (store.Store, error)
	// Size returns the bytes the store takes once the ingest is done (on
	// disk for Pebble, in memory for Redis). Nil skips the figure.
	Size func(ctx context.Context, st store.Store) (int64, error)
	// Written, when set, returns the bytes the store has written to disk
	// (its log, flushes and compactions): with Size, its write
	// amplification. Nil skips the figure.
	Written func(ctx context.Context, st store.Store) (int64, error)
	// Settle, when set, waits until the store has done the background
	// work (flushes, compactions) that the writes so far left it. Nil
	// skips the settled figures.
	Settle func(ctx context.Context, st store.Store) error
}

// Config sets the size of a run. The zero value of every field but N has
// a default.
type Config struct {
	// N is how many corpus articles to index.
	N int
	// Seed selects the corpus.
	Seed uint64
	// Chunk is how many articles are generated ahead of each timed
	// ingest step; 0 means 20,000. Generating is not part of the ingest
	// figure, and chunks bound the memory the generated text takes.
	Chunk int
	// Workers and BatchSize are passed to index.Options.
	Workers, BatchSize int
	// Queries is how many traces time candidate retrieval; 0 means 1,000.
	Queries int
	// ReportQueries is how many traces also compare the top Reports
	// candidates in full; 0 means 200.
	ReportQueries int
	// Reports is how many candidates are compared per trace; 0 means 3.
	Reports int
	// Log, when set, receives a progress line per chunk.
	Log io.Writer
	// OnIndexed, when set, is given the bench's index and returns its
	// index.Options.OnIndexed: work done for each article inside the
	// timed ingest (story clustering, say, which reads earlier articles
	// back from the index).
	OnIndexed func(ix *index.Index) func(id string, a *article.Article, fp index.Fingerprint) map[string]string
	// IngestProfile and QueryProfile, when set, receive a CPU profile
	// (go tool pprof) of the ingest steps (corpus generation between
	// them included) and of the timed queries.
	IngestProfile, QueryProfile io.Writer
}

// Result holds a run's figures.
type Result struct {
	Backend string
	N       int64 // documents in the store after the ingest
	Workers int

	// IngestTime is the time spent in index.Ingest; GenerateTime the
	// time spent making the corpus, outside it.
	IngestTime, GenerateTime time.Duration
	// IngestRate is articles per second of IngestTime.
	IngestRate float64
	// IngestCPU is the process's CPU time (user and system, all threads,
	// the store's background compactions included) per article during
	// the ingest steps: unlike IngestRate it does not depend on what else
	// the machine runs. 0 where getrusage is missing.
	IngestCPU time.Duration
	// SettleTime and SettleCPU (per article, all threads) are the time
	// and CPU spent after each step of the ingest waiting for the store's
	// background work (Backend.Settle), outside IngestTime and IngestCPU:
	// a fast ingest leaves compactions for later, which the corpus
	// generation between its steps hides, and a slower one does more of
	// them inside its own time, so that two ingests compare fairly only
	// with the settling counted.
	SettleTime time.Duration
	SettleCPU  time.Duration
	// OnIndexedCPU is the CPU time per article spent inside
	// Config.OnIndexed (the calling thread's, on Linux; 0 elsewhere or
	// without a hook), part of IngestCPU: what the hook adds to an
	// ingest, measured where it runs rather than as the difference of
	// two noisy runs.
	OnIndexedCPU time.Duration

	// Candidate retrieval, and a full trace with the reports of the top
	// Reports candidates.
	CandP50, CandP99, TraceP50, TraceP99 time.Duration
	// CandCPU and TraceCPU are the mean CPU time of the querying thread
	// per candidates query and per trace: unlike the latencies they do
	// not depend on what else the machine runs (the store's background
	// compactions and work on other threads not counted). 0 outside
	// Linux.
	CandCPU, TraceCPU               time.Duration
	Queries, ReportQueries, Reports int
	// Recall is the share of derived queries whose original is among
	// the first 10 candidates; RecallByKind splits it.
	Recall       float64
	RecallByKind map[Kind]float64
	// TraceFirst is the share of copied and edited report queries whose
	// first match is their original; TraceFirstRewrite the same for
	// rewrites. The generator's rewrites swap words for random others
	// (no real synonyms), so a full comparison may fairly call them
	// same_story rather than rewrite; that figure is reported apart.
	TraceFirst, TraceFirstRewrite float64

	// StoreBytes is what Backend.Size reported; TextBytes the bytes of
	// the articles' titles and paragraphs.
	StoreBytes, TextBytes int64
	// WrittenBytes is what Backend.Written reported after the ingest
	// (and Size's flush): with --settle, the compactions the ingest
	// called for included.
	WrittenBytes int64
	// PeakRSS is the process's peak resident memory (VmHWM), in bytes.
	PeakRSS int64
}

// BytesPerArticle is the store's size per article beyond the article's
// own text: what the index costs.
func (r Result) BytesPerArticle() float64 {
	if r.N == 0 {
		return 0
	}
	return float64(r.StoreBytes-r.TextBytes) / float64(r.N)
}

// Run fills the backend with cfg.N corpus articles and measures it.
func Run(ctx context.Context, b Backend, cfg Config) (Result, error) {
	if cfg.N <= 0 {
		return Result{}, fmt.Errorf("bench index: N must be positive, got %d", cfg.N)
	}
	chunk := cmp0(cfg.Chunk, 20000)
	workers := cmp0(cfg.Workers, runtime.GOMAXPROCS(0))
	res := Result{
		Backend: b.Name, Workers: workers,
		Queries: cmp0(cfg.Queries, 1000), ReportQueries: cmp0(cfg.ReportQueries, 200), Reports: cmp0(cfg.Reports, 3),
		RecallByKind: map[Kind]float64{},
	}
	st, err := b.Open(ctx)
	if err != nil {
		return res, fmt.Errorf("bench index: open %s: %w", b.Name, err)
	}
	defer st.Close()
	ix := index.New(st)
	corpus := Corpus{Seed: cfg.Seed}

	if err := startProfile(cfg.IngestProfile); err != nil {
		return res, err
	}
	var hookCPU atomic.Int64
	var onIndexed func(id string, a *article.Article, fp index.Fingerprint) map[string]string
	if cfg.OnIndexed != nil {
		hook := cfg.OnIndexed(ix)
		onIndexed = func(id string, a *article.Article, fp index.Fingerprint) map[string]string {
			// Locked, so that the thread's CPU time is the hook's.
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			c0 := threadCPU()
			meta := hook(id, a, fp)
			hookCPU.Add(int64(threadCPU() - c0))
			return meta
		}
	}
	buf := make([]*article.Article, 0, chunk)
	for from := 0; from < cfg.N; from += chunk {
		to := min(from+chunk, cfg.N)
		t0 := time.Now()
		buf = generate(corpus, from, to, workers, buf[:0])
		res.GenerateTime += time.Since(t0)
		for _, a := range buf {
			res.TextBytes += int64(len(a.Title))
			for _, p := range a.Paragraphs {
				res.TextBytes += int64(len(p))
			}
		}
		items := make(chan index.Item, 256)
		go func() {
			defer close(items)
			for _, a := range buf {
				select {
				case items <- index.Item{Article: a}:
				case <-ctx.Done():
					return
				}
			}
		}()
		t0, c0 := time.Now(), cpuTime()
		_, err := ix.Ingest(ctx, items, index.Options{Workers: workers, BatchSize: cfg.BatchSize, NoExistCheck: true, OnIndexed: onIndexed})
		res.IngestTime += time.Since(t0)
		res.IngestCPU += cpuTime() - c0
		if err != nil {
			return res, fmt.Errorf("bench index: ingest articles %d-%d: %w", from, to, err)
		}
		if b.Settle != nil {
			t0, c0 := time.Now(), cpuTime()
			if err := b.Settle(ctx, st); err != nil {
				return res, fmt.Errorf("bench index: settle after articles %d-%d: %w", from, to, err)
			}
			res.SettleTime += time.Since(t0)
			res.SettleCPU += cpuTime() - c0
		}
		if cfg.Log != nil {
			fmt.Fprintf(cfg.Log, "indexed %d/%d articles, %.0f articles/s, peak RSS %d MiB\n",
				to, cfg.N, float64(to)/res.IngestTime.Seconds(), PeakRSS()>>20)
		}
	}
	clear(buf)
	stopProfile(cfg.IngestProfile)
	res.IngestRate = float64(cfg.N) / res.IngestTime.Seconds()
	res.IngestCPU /= time.Duration(cfg.N)
	res.SettleCPU /= time.Duration(cfg.N)
	res.OnIndexedCPU = time.Duration(hookCPU.Load()) / time.Duration(cfg.N)
	if res.N, err = st.Count(ctx); err != nil {
		return res, fmt.Errorf("bench index: count: %w", err)
	}
	if b.Size != nil {
		if res.StoreBytes, err = b.Size(ctx, st); err != nil {
			return res, fmt.Errorf("bench index: size of %s: %w", b.Name, err)
		}
	}
	if b.Written != nil {
		if res.WrittenBytes, err = b.Written(ctx, st); err != nil {
			return res, fmt.Errorf("bench index: bytes written by %s: %w", b.Name, err)
		}
	}

	if err := startProfile(cfg.QueryProfile); err != nil {
		return res, err
	}
	err = measureQueries(ctx, ix, corpus, cfg.N, &res)
	stopProfile(cfg.QueryProfile)
	if err != nil {
		return res, err
	}
	res.PeakRSS = PeakRSS()
	return res, nil
}

// startProfile starts a CPU profile into w, when w is set.
func startProfile(w io.Writer) error {
	if w == nil {
		return nil
	}
	if err := pprof.StartCPUProfile(w); err != nil {
		return fmt.Errorf("bench index: start CPU profile: %w", err)
	}
	return nil
}

// stopProfile stops the profile startProfile started into w.
func stopProfile(w io.Writer) {
	if w != nil {
		pprof.StopCPUProfile()
	}
}

// generate makes articles from..to on several goroutines.
func generate(c Corpus, from, to, workers int, buf []*article.Article) []*article.Article {
	buf = slices.Grow(buf, to-from)[:to-from]
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := from + w; i < to; i += workers {
				buf[i-from], _, _ = c.Article(i)
			}
		}()
	}
	wg.Wait()
	return buf
}

func measureQueries(ctx context.Context, ix *index.Index, c Corpus, n int, res *Result) error {
	// Locked to one thread, so that the thread's CPU time is the
	// queries'.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var cand []time.Duration
	cpu0 := threadCPU()
	hits, total := map[Kind]int{}, map[Kind]int{}
	for j := range res.Queries {
		a, kind, of := c.Query(j, n)
		t0 := time.Now()
		cands, err := ix.Candidates(ctx, a, index.QueryOptions{K: 10})
		cand = append(cand, time.Since(t0))
		if err != nil {
			return fmt.Errorf("bench index: query %d: %w", j, err)
		}
		if of >= 0 {
			orig, _, _ := c.Article(of)
			id := orig.ID()
			total[kind]++
			if slices.ContainsFunc(cands, func(x index.Candidate) bool { return x.ID == id }) {
				hits[kind]++
			}
		}
	}
	res.CandCPU = (threadCPU() - cpu0) / time.Duration(res.Queries)
	res.CandP50, res.CandP99 = percentile(cand, 0.50), percentile(cand, 0.99)
	h, t := 0, 0
	for k, tot := range total {
		res.RecallByKind[k] = float64(hits[k]) / float64(tot)
		h += hits[k]
		t += tot
	}
	if t > 0 {
		res.Recall = float64(h) / float64(t)
	}

	var full []time.Duration
	first, derived, firstRW, rewrites := 0, 0, 0, 0
	cpu0 = threadCPU()
	for j := range res.ReportQueries {
		a, kind, of := c.Query(j, n)
		t0 := time.Now()
		tr, err := trace.Trace(ctx, ix, a, trace.Options{Reports: res.Reports})
		full = append(full, time.Since(t0))
		if err != nil {
			return fmt.Errorf("bench index: trace %d: %w", j, err)
		}
		if of < 0 {
			continue
		}
		orig, _, _ := c.Article(of)
		ok := len(tr.Matches) > 0 && tr.Matches[0].ID == orig.ID()
		if kind == Rewrite {
			rewrites++
			if ok {
				firstRW++
			}
			continue
		}
		derived++
		if ok {
			first++
		}
	}
	res.TraceCPU = (threadCPU() - cpu0) / time.Duration(res.ReportQueries)
	res.TraceP50, res.TraceP99 = percentile(full, 0.50), percentile(full, 0.99)
	if derived > 0 {
		res.TraceFirst = float64(first) / float64(derived)
	}
	if rewrites > 0 {
		res.TraceFirstRewrite = float64(firstRW) / float64(rewrites)
	}
	return nil
}

func percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := int(p*float64(len(s))+0.5) - 1
	return s[min(max(i, 0), len(s)-1)]
}

func cmp0(x, def int) int {
	if x <= 0 {
		return def
	}
	return x
}

// PeakRSS returns the process's peak resident set size (VmHWM in
// /proc/self/status), or 0 where that file does not exist.
func PeakRSS() int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err != nil {
				return 0
			}
			return kb << 10
		}
	}
	return 0
}

// WriteTable prints results side by side, one column per backend, as a
// Markdown table.
func WriteTable(w io.Writer, rs ...Result) error {
	row := func(name string, f func(r Result) string) {
		fmt.Fprintf(w, "| %s |", name)
		for _, r := range rs {
			fmt.Fprintf(w, " %s |", f(r))
		}
		fmt.Fprintln(w)
	}
	row("backend", func(r Result) string { return r.Backend })
	fmt.Fprint(w, "|---|")
	for range rs {
		fmt.Fprint(w, "---:|")
	}
	fmt.Fprintln(w)
	ms := func(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d)/1e6) }
	row("articles indexed", func(r Result) string { return strconv.FormatInt(r.N, 10) })
	row("ingest (articles/s)", func(r Result) string { return fmt.Sprintf("%.0f", r.IngestRate) })
	row("ingest CPU per article (all threads)", func(r Result) string { return fmt.Sprintf("%.0f µs", float64(r.IngestCPU)/1e3) })
	if slices.ContainsFunc(rs, func(r Result) bool { return r.OnIndexedCPU > 0 }) {
		row("of which in OnIndexed (clustering), and what it adds to the rest", func(r Result) string {
			rest := r.IngestCPU - r.OnIndexedCPU
			if rest <= 0 {
				return fmt.Sprintf("%.0f µs", float64(r.OnIndexedCPU)/1e3)
			}
			return fmt.Sprintf("%.0f µs, +%.1f %%", float64(r.OnIndexedCPU)/1e3, 100*float64(r.OnIndexedCPU)/float64(rest))
		})
	}
	row("ingest time", func(r Result) string { return r.IngestTime.Round(time.Second).String() })
	if slices.ContainsFunc(rs, func(r Result) bool { return r.SettleTime > 0 }) {
		row("ingest time / CPU per article, with the compactions it left", func(r Result) string {
			return fmt.Sprintf("%s / %.0f µs", (r.IngestTime + r.SettleTime).Round(time.Second), float64(r.IngestCPU+r.SettleCPU)/1e3)
		})
	}
	row("corpus generation (not in ingest)", func(r Result) string { return r.GenerateTime.Round(time.Second).String() })
	row("candidates p50 / p99", func(r Result) string { return ms(r.CandP50) + " / " + ms(r.CandP99) })
	reports := 3
	if len(rs) > 0 {
		reports = rs[0].Reports
	}
	row(fmt.Sprintf("trace with top-%d reports p50 / p99", reports), func(r Result) string { return ms(r.TraceP50) + " / " + ms(r.TraceP99) })
	row("CPU per candidates query / trace (querying thread, mean)", func(r Result) string { return ms(r.CandCPU) + " / " + ms(r.TraceCPU) })
	row("original in top 10 candidates", func(r Result) string {
		return fmt.Sprintf("%.3f (copy %.3f, edited %.3f, rewrite %.3f)", r.Recall, r.RecallByKind[Copy], r.RecallByKind[Edited], r.RecallByKind[Rewrite])
	})
	row("original first in trace (copies and edits / rewrites)", func(r Result) string {
		return fmt.Sprintf("%.3f / %.3f", r.TraceFirst, r.TraceFirstRewrite)
	})
	row("store size", func(r Result) string { return fmt.Sprintf("%.1f MiB", float64(r.StoreBytes)/(1<<20)) })
	row("store bytes per article beyond its text", func(r Result) string { return fmt.Sprintf("%.0f", r.BytesPerArticle()) })
	if slices.ContainsFunc(rs, func(r Result) bool { return r.WrittenBytes > 0 }) {
		row("disk writes per article (log, flushes, compactions)", func(r Result) string {
			return fmt.Sprintf("%.1f KiB (%.1f × the store)", float64(r.WrittenBytes)/float64(max(r.N, 1))/1024, float64(r.WrittenBytes)/float64(max(r.StoreBytes, 1)))
		})
	}
	row("peak RSS", func(r Result) string { return fmt.Sprintf("%d MiB", r.PeakRSS>>20) })
	row("queries (candidates / with reports)", func(r Result) string { return fmt.Sprintf("%d / %d", r.Queries, r.ReportQueries) })
	return nil
}
