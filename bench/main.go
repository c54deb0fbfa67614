package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"text/tabwriter"
	"time"
)

func main() {
	data := flag.String("data", "../../shared/eval/extraction", "the extraction benchmark folder (html/*.html.gz, ground-truth.json)")
	minTime := flag.Duration("time", 5*time.Second, "measure each extractor for at least this long, in whole passes over the pages")
	procs := flag.Int("procs", 1, "GOMAXPROCS while measuring; the target is stated for one core")
	fallback := flag.Bool("fallback", false, "also measure go-trafilatura with its fallback extractors on")
	flag.Parse()
	if err := run(os.Stdout, *data, *minTime, *procs, *fallback); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// result is what one extractor measured.
type result struct {
	name          string
	passes        int
	elapsed       time.Duration
	pagesPerSec   float64
	bytesPerPage  float64
	allocsPerPage float64
	failed        int
}

func run(w io.Writer, dir string, minTime time.Duration, procs int, fallback bool) error {
	pages, err := loadPages(dir)
	if err != nil {
		return err
	}
	var size int
	for _, p := range pages {
		size += len(p.html)
	}
	runtime.GOMAXPROCS(procs)
	exs := extractors(false)
	if fallback {
		exs = append(exs, extractors(true)[1])
	}
	fmt.Fprintf(w, "%d pages, %.1f MB of HTML, decompressed in memory; GOMAXPROCS=%d, %s %s/%s\n\n",
		len(pages), float64(size)/1e6, runtime.GOMAXPROCS(0), runtime.Version(), runtime.GOOS, runtime.GOARCH)
	var results []result
	for _, e := range exs {
		r, err := measure(e, pages, minTime)
		if err != nil {
			return err
		}
		results = append(results, r)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "extractor\tpasses\tpages/s\tms/page\tKB alloc/page\tallocs/page\tfailed\t")
	for _, r := range results {
		fmt.Fprintf(tw, "%s\t%d\t%.1f\t%.2f\t%.0f\t%.0f\t%d\t\n", r.name, r.passes, r.pagesPerSec,
			1000/r.pagesPerSec, r.bytesPerPage/1024, r.allocsPerPage, r.failed)
	}
	tw.Flush()
	fmt.Fprintln(w)
	for _, r := range results[1:] {
		fmt.Fprintf(w, "speed ratio wiretrace / %s: %.2fx (pages/s); allocated bytes ratio: %.2fx\n",
			r.name, results[0].pagesPerSec/r.pagesPerSec, results[0].bytesPerPage/r.bytesPerPage)
	}
	return nil
}

// measure runs one warm-up pass (not counted: it fills caches and lets
// lazily compiled regular expressions compile), then whole passes until
// minTime has passed.
func measure(e extractor, pages []page, minTime time.Duration) (result, error) {
	failed, firstErr := runAll(e, pages)
	if failed == len(pages) {
		return result{}, fmt.Errorf("every page failed: %w", firstErr)
	}
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	passes := 0
	for passes == 0 || time.Since(start) < minTime {
		runAll(e, pages)
		passes++
	}
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	n := float64(passes * len(pages))
	return result{
		name:          e.name,
		passes:        passes,
		elapsed:       elapsed,
		pagesPerSec:   n / elapsed.Seconds(),
		bytesPerPage:  float64(after.TotalAlloc-before.TotalAlloc) / n,
		allocsPerPage: float64(after.Mallocs-before.Mallocs) / n,
		failed:        failed,
	}, nil
}
