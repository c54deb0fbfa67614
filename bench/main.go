package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"syscall"
	"text/tabwriter"
	"time"
)

func main() {
	data := flag.String("data", "../../shared/eval/extraction", "the extraction benchmark folder (html/*.html.gz, ground-truth.json)")
	wcxb := flag.String("wcxb", "", "also score quality on, and measure speed on, this WCXB folder (../../shared/eval/wcxb-dev)")
	minTime := flag.Duration("time", 5*time.Second, "measure each extractor for at least this long, in whole passes over the pages")
	procs := flag.Int("procs", 1, "GOMAXPROCS while measuring; the target is stated for one core")
	fallback := flag.Bool("fallback", false, "also measure go-trafilatura with its fallback extractors on")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of the wiretrace passes to this file (go tool pprof)")
	pagesOut := flag.String("pages", "", "with -wcxb, write every system's per-page scores as JSON to PREFIX.<system>.json")
	flag.Parse()
	if *wcxb == "" && *pagesOut != "" {
		fmt.Fprintln(os.Stderr, "bench: -pages needs -wcxb")
		os.Exit(2)
	}
	profile = *cpuProfile
	runtime.GOMAXPROCS(*procs)
	dirs := []string{*data}
	if *wcxb != "" {
		// Fallback is go-trafilatura's best mode: the peer quality is
		// judged against.
		if err := quality(os.Stdout, *wcxb, *pagesOut, append(extractors(false), extractors(true)[1])); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
		dirs = append(dirs, *wcxb)
	}
	for _, dir := range dirs {
		if err := run(os.Stdout, dir, *minTime, *fallback); err != nil {
			fmt.Fprintln(os.Stderr, "bench:", err)
			os.Exit(1)
		}
	}
}

// result is what one extractor measured.
type result struct {
	name    string
	passes  int
	elapsed time.Duration // wall time of the measured passes
	cpu     time.Duration // process CPU time (user+system) of the same
	alloc   uint64        // bytes allocated
	mallocs uint64
	failed  int
}

func (r result) pages(n int) float64 { return float64(r.passes * n) }

func run(w io.Writer, dir string, minTime time.Duration, fallback bool) error {
	pages, err := loadPages(dir)
	if err != nil {
		return err
	}
	var size int
	for _, p := range pages {
		size += len(p.html)
	}
	exs := extractors(false)
	if fallback {
		exs = append(exs, extractors(true)[1])
	}
	fmt.Fprintf(w, "speed on %s: %d pages, %.1f MB of HTML, decompressed in memory; GOMAXPROCS=%d, %s %s/%s\n\n",
		dir, len(pages), float64(size)/1e6, runtime.GOMAXPROCS(0), runtime.Version(), runtime.GOOS, runtime.GOARCH)
	results, err := measure(exs, pages, minTime)
	if err != nil {
		return err
	}
	n := len(pages)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "extractor\tpasses\tpages/s\tms/page\tpages/CPU-s\tKB alloc/page\tallocs/page\tfailed\t")
	for _, r := range results {
		fmt.Fprintf(tw, "%s\t%d\t%.1f\t%.2f\t%.1f\t%.0f\t%.0f\t%d\t\n", r.name, r.passes,
			r.pages(n)/r.elapsed.Seconds(), 1000*r.elapsed.Seconds()/r.pages(n),
			r.pages(n)/r.cpu.Seconds(), float64(r.alloc)/r.pages(n)/1024, float64(r.mallocs)/r.pages(n), r.failed)
	}
	tw.Flush()
	fmt.Fprintln(w)
	base := results[0]
	for _, r := range results[1:] {
		fmt.Fprintf(w, "speed ratio wiretrace / %s: %.2fx by wall time, %.2fx by CPU time; allocated bytes per page: %.2fx\n",
			r.name, r.elapsed.Seconds()/base.elapsed.Seconds()*base.pages(n)/r.pages(n),
			r.cpu.Seconds()/base.cpu.Seconds()*base.pages(n)/r.pages(n),
			float64(base.alloc)/base.pages(n)/(float64(r.alloc)/r.pages(n)))
	}
	fmt.Fprintln(w)
	return nil
}

// profile, when set, is where measure writes a CPU profile of wiretrace's
// measured passes.
var profile string

// measure runs one warm-up pass of each extractor (not counted: it fills
// caches and lets lazily compiled regular expressions compile), then
// rounds of one pass each, interleaved so that a change in the machine's
// load during the run falls on all of them alike, until every extractor
// has run for minTime.
func measure(exs []extractor, pages []page, minTime time.Duration) ([]result, error) {
	results := make([]result, len(exs))
	for i, e := range exs {
		failed, firstErr := runAll(e, pages)
		if failed == len(pages) {
			return nil, fmt.Errorf("every page failed: %w", firstErr)
		}
		results[i] = result{name: e.name, failed: failed}
	}
	var prof *os.File
	for done := false; !done; {
		done = true
		for i, e := range exs {
			r := &results[i]
			if r.passes > 0 && r.elapsed >= minTime {
				continue
			}
			done = false
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			cpu0 := cpuTime()
			if profile != "" && e.name == "wiretrace" {
				var err error
				if prof == nil {
					if prof, err = os.Create(profile); err != nil {
						return nil, err
					}
					defer prof.Close()
				}
				pprof.StartCPUProfile(prof)
			}
			start := time.Now()
			runAll(e, pages)
			r.elapsed += time.Since(start)
			if profile != "" && e.name == "wiretrace" {
				pprof.StopCPUProfile()
				profile = "" // one pass is enough to see where time goes
			}
			r.cpu += cpuTime() - cpu0
			runtime.ReadMemStats(&after)
			r.alloc += after.TotalAlloc - before.TotalAlloc
			r.mallocs += after.Mallocs - before.Mallocs
			r.passes++
		}
	}
	return results, nil
}

// cpuTime is the CPU time the process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
