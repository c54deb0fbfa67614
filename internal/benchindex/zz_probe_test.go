package benchindex

import (
	"context"
	"syscall"
	"testing"
	"time"

	"github.com/wiretrace/wiretrace/fingerprint"
	"github.com/wiretrace/wiretrace/index"
)

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func TestIngestProbe(t *testing.T) {
	ctx := context.Background()
	c := Corpus{Seed: 1}
	const n = 20000
	buf := generate(c, 0, n, 2, nil)
	c0 := cpuTime()
	for _, a := range buf[:5000] {
		fingerprint.Of(a, fingerprint.Options{})
	}
	t.Logf("fingerprint: %v CPU per article", (cpuTime()-c0)/5000)
	st, _ := Pebble(t.TempDir()).Open(ctx)
	defer st.Close()
	ix := index.New(st)
	items := make(chan index.Item, 256)
	go func() {
		for _, a := range buf {
			items <- index.Item{Article: a}
		}
		close(items)
	}()
	batches := 0
	t0 := time.Now()
	c0 = cpuTime()
	_, err := ix.Ingest(ctx, items, index.Options{NoExistCheck: true, OnCommit: func(ids []string) { batches++ }})
	t.Logf("ingest %.0f/s wall, %v CPU per article, %d batches, err %v", n/time.Since(t0).Seconds(), (cpuTime()-c0)/n, batches, err)
}
