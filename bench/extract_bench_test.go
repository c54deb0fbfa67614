package main

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// benchData finds the extraction benchmark folder: $WIRETRACE_SHARED/eval/
// extraction, else ../../shared/eval/extraction beside the repository.
func benchData(b *testing.B) []page {
	b.Helper()
	dir := filepath.Join("..", "..", "shared", "eval", "extraction")
	if s := os.Getenv("WIRETRACE_SHARED"); s != "" {
		dir = filepath.Join(s, "eval", "extraction")
	}
	pages, err := loadPages(dir)
	if err != nil {
		b.Skipf("skipping: the shared extraction pages are needed: %v", err)
	}
	return pages
}

// BenchmarkExtract runs each extractor over all pages per op, on one core.
// Compare runs with benchstat; pages/s and B/page are per page.
func BenchmarkExtract(b *testing.B) {
	pages := benchData(b)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	for _, e := range extractors(false) {
		b.Run(e.name, func(b *testing.B) {
			if failed, err := runAll(e, pages); failed == len(pages) {
				b.Fatalf("every page failed: %v", err)
			}
			b.ReportAllocs()
			var ms0, ms1 runtime.MemStats
			runtime.ReadMemStats(&ms0)
			cpu0 := cpuTime()
			b.ResetTimer()
			for b.Loop() {
				runAll(e, pages)
			}
			b.StopTimer()
			cpu := cpuTime() - cpu0
			runtime.ReadMemStats(&ms1)
			n := float64(b.N * len(pages))
			b.ReportMetric(n/b.Elapsed().Seconds(), "pages/s")
			// CPU time is what the target is stated in (one core); on
			// a busy machine it is steadier than wall time.
			b.ReportMetric(n/cpu.Seconds(), "pages/CPU-s")
			b.ReportMetric(float64(ms1.TotalAlloc-ms0.TotalAlloc)/n, "B/page")
		})
	}
}
