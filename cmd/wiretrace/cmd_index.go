package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/wiretrace/wiretrace/cluster"
	"github.com/wiretrace/wiretrace/index"
	"github.com/wiretrace/wiretrace/ingest"
	"github.com/wiretrace/wiretrace/source"
	"github.com/wiretrace/wiretrace/store/pebble"
)

// progressEvery is how often index logs its progress when stderr is not a
// terminal: often enough to show a long run is alive, rarely enough that a
// million-article log stays readable.
const progressEvery = 10 * time.Second

// runIndex runs `wiretrace index`: it reads pages, WARC files and feeds,
// extracts their articles and adds them to the index. A page that cannot
// be read or extracted is logged and counted; only a store failure, bad
// usage or an interrupt stops the run.
func runIndex(ctx context.Context, e *env, args []string) (err error) {
	fs := newFlags(e, "index", "[--store DIR|--redis ADDRS] [--json] [--workers N] [--max-bytes N] [--host-delay D] [--cluster] INPUT...")
	stFlags := addStoreFlags(fs)
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "pages extracted and fingerprinted at once, one per core by default")
	maxBytes := fs.Int64("max-bytes", ingest.DefaultMaxBytes, "largest page, WARC record or feed read, in bytes; larger ones are skipped and counted as failed")
	asJSON := fs.Bool("json", false, "print the summary as JSON")
	hostDelay := fs.Duration("host-delay", source.DefaultHostDelay, "least time between two requests to one host when INPUTs are URLs (a longer robots.txt Crawl-delay wins)")
	clusters := fs.Bool("cluster", false, "store each new article's story cluster with it (wiretrace cluster and the server read them back); the stored clusters are read first, one read and fingerprint per stored article")
	inputs, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(inputs) == 0 {
		return usagef("index needs at least one INPUT: a file, a folder, a .warc(.gz) file, a feed, an http(s) URL, or - for stdin")
	}
	if *hostDelay <= 0 {
		return usagef("--host-delay must be positive, got %s", *hostDelay)
	}
	if *workers <= 0 {
		return usagef("--workers must be positive, got %d", *workers)
	}
	if *maxBytes <= 0 {
		return usagef("--max-bytes must be positive, got %d", *maxBytes)
	}
	st, where, err := stFlags.open(ctx, false)
	if err != nil {
		return err
	}
	// Closing flushes the store: its failure is the run's. The store is
	// closed before the summary, which says its size on disk.
	closed := false
	closeStore := func() {
		if closed {
			return
		}
		closed = true
		if cerr := st.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("close %s: %w", where, cerr)
		}
	}
	defer closeStore()

	ix := index.New(st)
	opts := ingest.IndexOptions{
		Options: ingest.Options{MaxBytes: *maxBytes, Stdin: e.stdin, HostDelay: *hostDelay},
		Workers: *workers,
	}
	if *clusters {
		c, err := cluster.Build(ctx, ix, cluster.Options{})
		if err != nil {
			return err
		}
		opts.OnIndexed = c.OnIndexed
	}
	rep := newReporter(e.stderr, source.Measure(ctx, inputs))
	rep.named = inputs
	opts.OnRead, opts.OnArticle, opts.OnFail = rep.read, rep.step, rep.fail
	sum, err := ingest.Index(ctx, ix, inputs, opts)
	rep.finish()
	n, cerr := st.Count(context.WithoutCancel(ctx))
	if cerr != nil {
		n = -1
	}
	// The size is measured closed: closing flushes the memtables, and
	// what is left is what the store keeps on disk.
	closeStore()
	var size int64
	if where.backend == "pebble" {
		size, _ = pebble.DirSize(where.location)
	}
	if *asJSON {
		if jerr := writeJSON(e.stdout, newIndexReport(sum, where, n, size)); jerr != nil && err == nil {
			err = jerr
		}
	} else {
		fmt.Fprintln(e.stdout, summaryLine(sum))
		switch {
		case cerr == nil && size > 0:
			fmt.Fprintf(e.stdout, "%s holds %d articles, %.1f MiB on disk\n", where, n, float64(size)/(1<<20))
		case cerr == nil:
			fmt.Fprintf(e.stdout, "%s holds %d articles\n", where, n)
		}
	}
	if err != nil {
		return err
	}
	if sum.Indexed == 0 && sum.Duplicates == 0 && sum.Failed > 0 {
		return fmt.Errorf("no article indexed, %d of %d items failed (see the log above)", sum.Failed, sum.Items)
	}
	if sum.Indexed == 0 && sum.Duplicates == 0 && sum.Empty > 0 {
		return fmt.Errorf("no article indexed, %d of %d items empty (no text)", sum.Empty, sum.Items)
	}
	if len(rep.missing) > 0 {
		// A path named on the command line that does not exist (a
		// typo) is the caller's mistake, not one bad page among many:
		// the run failed.
		return fmt.Errorf("no such file or folder: %s", strings.Join(rep.missing, ", "))
	}
	return nil
}

// indexReport is the JSON form of an index run's summary (`wiretrace
// index --json`).
type indexReport struct {
	Items      int64   `json:"items"`
	Indexed    int64   `json:"indexed"`
	Duplicates int64   `json:"duplicates"`
	Empty      int64   `json:"empty"`
	Failed     int64   `json:"failed"`
	Seconds    float64 `json:"seconds"`
	// Backend is "pebble" or "redis"; Store is the Pebble directory or
	// the Redis addresses.
	Backend string `json:"backend"`
	Store   string `json:"store"`
	// StoreCount is how many articles the store holds after the run; -1
	// when it could not be counted.
	StoreCount int64 `json:"store_count"`
	// StoreBytes is what a Pebble store takes on disk after the run
	// (closed, so flushed); absent for Redis.
	StoreBytes int64 `json:"store_bytes,omitempty"`
}

func newIndexReport(s ingest.Summary, where storeName, count, size int64) indexReport {
	return indexReport{
		Items: s.Items, Indexed: s.Indexed, Duplicates: s.Duplicates, Empty: s.Empty, Failed: s.Failed,
		Seconds: s.Elapsed.Seconds(), Backend: where.backend, Store: where.location, StoreCount: count, StoreBytes: size,
	}
}

// summaryLine says what an index run did in one line.
func summaryLine(s ingest.Summary) string {
	rate := 0.0
	if sec := s.Elapsed.Seconds(); sec > 0 {
		rate = float64(s.Items-s.Failed) / sec
	}
	return fmt.Sprintf("indexed %d articles from %d items in %s (%.0f articles/s): %d duplicates, %d empty, %d failed",
		s.Indexed, s.Items, s.Elapsed.Round(time.Millisecond), rate, s.Duplicates, s.Empty, s.Failed)
}

// reporter shows progress: a progress bar when stderr is a terminal,
// structured log lines otherwise. Failures are logged either way. The bar
// counts articles when their number is known up front (files and folders
// of pages); otherwise it counts the input bytes read (WARC files, feeds),
// with the articles in its description; for standard input and URLs it is
// a spinner. It is safe for concurrent use.
type reporter struct {
	log     *slog.Logger
	bar     *progressbar.ProgressBar // nil when stderr is not a terminal
	byBytes bool                     // the bar counts bytes, not articles
	size    source.Size
	start   time.Time
	every   time.Duration // between progress log lines

	mu     sync.Mutex
	done   int64 // items extracted
	failed int64
	// named are the inputs named on the command line; missing those of
	// them that do not exist.
	named, missing []string
	bytes          int64 // input bytes read
	lastLog        time.Time
	lastDesc       time.Time
}

func newReporter(w io.Writer, size source.Size) *reporter {
	r := &reporter{log: slog.New(slog.NewTextHandler(w, nil)), size: size, start: time.Now(), every: progressEvery}
	r.lastLog = r.start
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return r
	}
	opts := []progressbar.Option{
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription("indexing"),
		progressbar.OptionThrottle(100 * time.Millisecond),
		progressbar.OptionFullWidth(),
		progressbar.OptionClearOnFinish(),
	}
	switch {
	case size.ItemsKnown:
		r.bar = progressbar.NewOptions64(int64(size.Items), append(opts,
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("articles"),
			progressbar.OptionSetPredictTime(true))...)
	case size.BytesKnown && size.Bytes > 0:
		r.byBytes = true
		r.bar = progressbar.NewOptions64(size.Bytes, append(opts,
			progressbar.OptionShowBytes(true),
			progressbar.OptionSetPredictTime(true))...)
	default:
		r.bar = progressbar.NewOptions64(-1, append(opts,
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("articles"))...)
	}
	return r
}

// read counts input bytes read; it is source.Options.OnRead.
func (r *reporter) read(n int64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.bytes += n
	if r.byBytes {
		r.bar.Add64(n)
	}
}

// step counts one item read and extracted.
func (r *reporter) step() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.done++
	r.advance()
}

// fail logs and counts one item that failed.
func (r *reporter) fail(name string, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.failed++
	if errors.Is(err, fs.ErrNotExist) && slices.Contains(r.named, name) {
		r.missing = append(r.missing, name)
	}
	if r.bar != nil {
		r.bar.Clear()
	}
	r.log.Warn("skipped", "item", name, "err", err)
	r.advance()
}

// advance moves the bar, or logs progress now and then. r.mu is held.
func (r *reporter) advance() {
	now := time.Now()
	rate := float64(r.done) / now.Sub(r.start).Seconds()
	switch {
	case r.bar != nil && !r.byBytes:
		r.bar.Add(1)
	case r.bar != nil:
		if now.Sub(r.lastDesc) >= 250*time.Millisecond {
			r.lastDesc = now
			r.bar.Describe(fmt.Sprintf("indexing: %d articles, %.0f articles/s", r.done, rate))
		}
	case now.Sub(r.lastLog) >= r.every:
		r.lastLog = now
		attrs := []any{"extracted", r.done, "failed", r.failed, "articles_per_s", int(rate)}
		if r.size.BytesKnown && r.bytes > 0 {
			// The ETA extrapolates the bytes read so far: WARC files
			// have no article count up front.
			left := time.Duration(float64(now.Sub(r.start)) * float64(r.size.Bytes-r.bytes) / float64(r.bytes))
			attrs = append(attrs, "read_percent", int(100*r.bytes/max(r.size.Bytes, 1)), "eta", left.Round(time.Second).String())
		} else if r.size.ItemsKnown && r.done+r.failed > 0 {
			left := time.Duration(float64(now.Sub(r.start)) * float64(int64(r.size.Items)-r.done-r.failed) / float64(r.done+r.failed))
			attrs = append(attrs, "eta", max(left, 0).Round(time.Second).String())
		}
		r.log.Info("progress", attrs...)
	}
}

// finish removes the bar.
func (r *reporter) finish() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.bar != nil {
		r.bar.Finish()
	}
}
