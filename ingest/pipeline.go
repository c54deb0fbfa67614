package ingest

import (
	"context"
	"errors"
	"runtime"
	"sync/atomic"
	"time"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/extract"
	"github.com/wiretrace/wiretrace/index"
	"github.com/wiretrace/wiretrace/source"
)

// IndexOptions tunes Index. The zero value is ready to use.
type IndexOptions struct {
	Options
	// Workers is how many pages are extracted and fingerprinted at once;
	// 0 means one per CPU.
	Workers int
	// OnRead is called with the input bytes just read (source.Options).
	OnRead func(n int64)
	// OnArticle is called after each page extracted, OnFail for each
	// item that could not be read or extracted, or was empty (counted
	// in Summary.Empty, not Failed); from any goroutine.
	OnArticle func()
	OnFail    func(name string, err error)
	// OnCommit is called with the ids of each batch the store made
	// durable (index.Options.OnCommit).
	OnCommit func(ids []string)
	// OnIndexed is called with each new article and its fingerprint
	// before it is stored, and what it returns is stored in its meta
	// (index.Options.OnIndexed: a story clusterer's).
	OnIndexed func(id string, a *article.Article, fp index.Fingerprint) map[string]string
}

// Summary counts what one Index run did.
type Summary struct {
	// Items is how many items the inputs yielded, failed ones included.
	Items int64
	// Indexed is how many new articles were stored.
	Indexed int64
	// Duplicates is how many were stored already, or met twice.
	Duplicates int64
	// Empty is how many articles had no word.
	Empty int64
	// Failed is how many items could not be read or extracted.
	Failed  int64
	Elapsed time.Duration
}

// Index reads the inputs (files, folders, "-", WARC files, feeds, URLs),
// extracts their articles as Article does and adds the new ones to ix. One
// goroutine reads the inputs; a pool of opts.Workers goroutines extracts
// and fingerprints (index.Ingest, which also writes in batches). Memory
// stays bounded by a few items per worker. A page that cannot be read or
// extracted is counted and reported to OnFail; only a store failure or
// the end of ctx stops the run, and then everything acknowledged through
// OnCommit is stored.
func Index(ctx context.Context, ix *index.Index, inputs []string, opts IndexOptions) (Summary, error) {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	start := time.Now()
	var items, readFailed atomic.Int64
	fail := func(name string, err error) {
		if opts.OnFail != nil {
			opts.OnFail(name, err)
		}
	}
	src := opts.source()
	src.OnRead = opts.OnRead
	max := opts.maxBytes()
	queue := make(chan index.Item, workers)
	go func() {
		defer close(queue)
		for it, err := range source.Items(ctx, inputs, src) {
			if ctx.Err() != nil {
				return
			}
			items.Add(1)
			if err != nil {
				readFailed.Add(1)
				fail(it.Name, err)
				continue
			}
			item := index.Item{Name: it.Name, Meta: itemMeta(it)}
			item.Load = func() (*article.Article, error) {
				a, err := Article(it.Data, it, max)
				if errors.Is(err, extract.ErrEmpty) {
					// An empty file is reported, but counted as
					// empty, not failed: no article, which the
					// index counts as empty.
					fail(it.Name, err)
					return nil, nil
				}
				return a, err
			}
			select {
			case queue <- item:
			case <-ctx.Done():
				return
			}
		}
	}()
	st, err := ix.Ingest(ctx, queue, index.Options{
		Workers:   workers,
		OnCommit:  opts.OnCommit,
		OnIndexed: opts.OnIndexed,
		OnLoad:    opts.OnArticle,
		OnFail:    fail,
	})
	// After a store failure Ingest returns early: stop the reader and let
	// it drain.
	cancel()
	for range queue {
	}
	if errors.Is(err, context.Canceled) {
		err = interrupted{err}
	}
	return Summary{
		Items:      items.Load(),
		Indexed:    st.Added,
		Duplicates: st.Duplicates,
		Empty:      st.Empty,
		Failed:     readFailed.Load() + st.Failed,
		Elapsed:    time.Since(start),
	}, err
}

// itemMeta is what the index keeps about where an article was read.
func itemMeta(it source.Item) map[string]string {
	m := map[string]string{"source": it.Name}
	if !it.Fetched.IsZero() {
		m["fetched"] = it.Fetched.UTC().Format(time.RFC3339)
	}
	if it.ContentType != "" {
		m["content_type"] = it.ContentType
	}
	return m
}

// interrupted is the error of an index run stopped before its end (an
// interrupt): it says so in the user's terms, and is context.Canceled.
type interrupted struct{ err error }

func (e interrupted) Error() string {
	return "interrupted: what was indexed is kept; run the same command again to index the rest"
}

func (e interrupted) Unwrap() error { return e.err }
