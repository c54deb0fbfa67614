package index

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/store"
)

// Item is one article to ingest, with metadata kept beside it (where it
// was read from, for instance).
type Item struct {
	Article *article.Article
	Meta    map[string]string
	// Load, when set and Article is nil, makes the article in the
	// ingest's own worker (extracting it from a page, say), so that one
	// pool of workers does all the work of an article. An error counts
	// the item as failed (Options.OnFail) and the ingest goes on.
	Load func() (*article.Article, error)
	// Name says where the item came from, for OnFail.
	Name string
}

// Options tunes Ingest. The zero value is ready to use.
type Options struct {
	// Workers is how many goroutines fingerprint articles; 0 means one
	// per CPU.
	Workers int
	// BatchSize is how many documents one store write holds at most; 0
	// means 2048. Larger batches amortise the sync of each write, during
	// which the workers can only fill the channel (60,000 articles into
	// Pebble: 512 -> 2048 raised articles/s by 8% at the same CPU); the
	// writer also commits a smaller batch when its input runs dry and
	// the batch's first document has waited 100 ms (see linger), so that
	// a slow source sees its articles acknowledged promptly.
	BatchSize int
	// NoExistCheck skips asking the store whether an article is stored
	// before fingerprinting it. The check saves the work of indexing a
	// corpus again; a corpus known to be new ingests faster without it.
	// Either way the same article is stored once.
	NoExistCheck bool
	// Progress, when set, is called after each committed batch with the
	// running totals, from one goroutine at a time.
	Progress func(Stats)
	// OnCommit, when set, is called with the ids of each batch once the
	// store has made it durable: an id passed here survives a crash. It
	// is called from one goroutine at a time, and must not keep ids.
	OnCommit func(ids []string)
	// OnIndexed, when set, is called with each new article and its
	// stored fingerprint, before it is written: a story clusterer keeps
	// up with the ingest from there without fingerprinting again. What it
	// returns is added to the document's meta (the clusterer's story of
	// the article, stored with it). It is called from one goroutine, one
	// article at a time, beside the workers.
	OnIndexed func(id string, a *article.Article, fp Fingerprint) map[string]string
	// OnLoad, when set, is called after each Item.Load that succeeded,
	// and OnFail after each that failed, from any worker.
	OnLoad func()
	OnFail func(name string, err error)
}

// Stats counts what an ingest did.
type Stats struct {
	// Read is how many items came in.
	Read int64
	// Added is how many documents were written.
	Added int64
	// Duplicates is how many items were stored already or came twice.
	Duplicates int64
	// Empty is how many items had no words and were not stored.
	Empty int64
	// Failed is how many items' Load failed.
	Failed int64
	// Elapsed is the time since the ingest started.
	Elapsed time.Duration
}

// Ingest indexes the items it receives until items is closed or ctx ends,
// and returns what it did. Memory stays bounded: a fixed number of
// workers, and a channel of two batches between them and the one writer.
// When ctx ends or a write fails, Ingest stops, drops the batch not yet
// written and returns the error; everything acknowledged through OnCommit
// is stored.
func (ix *Index) Ingest(ctx context.Context, items <-chan Item, opts Options) (Stats, error) {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	size := opts.BatchSize
	if size <= 0 {
		size = 2048
	}
	p := &pipeline{ix: ix, opts: opts, size: size, start: time.Now()}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)

	docs := make(chan store.Document, 2*size)
	// With OnIndexed, the workers hand their documents to one goroutine
	// that calls it, in turn, and passes them on to the writer: called
	// from every worker, a clusterer's lock left workers waiting on each
	// other (bench index --cluster: 167 % of two cores busy instead of
	// 188 %).
	fingerprinted := docs
	var hooked chan staged
	if opts.OnIndexed != nil {
		hooked = make(chan staged, size)
	}
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := p.work(ctx, items, fingerprinted, hooked); err != nil {
				cancel(err)
			}
		}()
	}
	go func() {
		wg.Wait()
		if hooked != nil {
			close(hooked)
		} else {
			close(docs)
		}
	}()
	if hooked != nil {
		go func() {
			defer close(docs)
			p.hook(ctx, hooked, docs)
		}()
	}
	err := p.write(ctx, docs)
	if err != nil {
		cancel(err)
	}
	for range docs {
		// Let the workers finish after a failure.
	}
	if err == nil {
		if cause := context.Cause(ctx); cause != nil && !errors.Is(cause, context.Canceled) {
			err = cause
		} else {
			err = ctx.Err()
		}
	}
	return p.stats(), err
}

// linger is how long a document may wait in a batch that is not full
// before the writer commits the batch, when its input has run dry: a fast
// source fills whole batches, a slow one sees its articles acknowledged
// within linger. Committing at every empty channel wrote batches of 25
// documents instead of 425 when the workers were slower than the writer
// (a clustering hook; a loaded machine), each with its WAL sync, and
// half again as many bytes flushed and compacted (60,000 articles: 146
// memtable flushes instead of 44, WAL written 59 % over its input); so
// did a 5 ms wait for the next document on a loaded machine.
const linger = 100 * time.Millisecond

// pipeline is the state of one Ingest.
type pipeline struct {
	ix    *Index
	opts  Options
	size  int
	start time.Time

	read, empty, dups, added, failed atomic.Int64
}

func (p *pipeline) stats() Stats {
	return Stats{
		Read:       p.read.Load(),
		Added:      p.added.Load(),
		Duplicates: p.dups.Load(),
		Empty:      p.empty.Load(),
		Failed:     p.failed.Load(),
		Elapsed:    time.Since(p.start),
	}
}

// staged is a fingerprinted document on its way to Options.OnIndexed,
// with the article and fingerprint it reads.
type staged struct {
	doc store.Document
	a   *article.Article
	fp  Fingerprint
}

// work fingerprints items until items closes or ctx ends, and sends
// each document to hooked when it is not nil, else to docs.
func (p *pipeline) work(ctx context.Context, items <-chan Item, docs chan<- store.Document, hooked chan<- staged) error {
	var one [1]string
	for {
		var it Item
		var ok bool
		select {
		case <-ctx.Done():
			return nil
		case it, ok = <-items:
			if !ok {
				return nil
			}
		}
		p.read.Add(1)
		if it.Article == nil && it.Load != nil {
			a, err := it.Load()
			if err != nil {
				p.failed.Add(1)
				if p.opts.OnFail != nil {
					p.opts.OnFail(it.Name, err)
				}
				continue
			}
			if p.opts.OnLoad != nil {
				p.opts.OnLoad()
			}
			it.Article = a
		}
		if it.Article == nil {
			p.empty.Add(1)
			continue
		}
		one[0] = ""
		if !p.opts.NoExistCheck {
			one[0] = it.Article.ID()
			ex, err := p.ix.st.Exists(ctx, one[:])
			if err != nil {
				return fmt.Errorf("ingest: check %s: %w", one[0], err)
			}
			if ex[0] {
				p.dups.Add(1)
				continue
			}
		}
		d, fp, ok, err := document(it.Article, it.Meta, one[0], p.opts.OnIndexed != nil)
		if err != nil {
			return fmt.Errorf("ingest: %w", err)
		}
		if !ok {
			p.empty.Add(1)
			continue
		}
		if hooked != nil {
			select {
			case <-ctx.Done():
				return nil
			case hooked <- staged{d, it.Article, fp}:
			}
			continue
		}
		select {
		case <-ctx.Done():
			return nil
		case docs <- d:
		}
	}
}

// hook calls Options.OnIndexed with each document of hooked, adds what it
// returns to the document's meta and sends it on to docs, until hooked
// closes or ctx ends.
func (p *pipeline) hook(ctx context.Context, hooked <-chan staged, docs chan<- store.Document) {
	for s := range hooked {
		d := s.doc
		if add := p.opts.OnIndexed(d.ID, s.a, s.fp); len(add) > 0 {
			meta := maps.Clone(d.Meta)
			if meta == nil {
				meta = make(map[string]string, len(add))
			}
			maps.Copy(meta, add)
			d.Meta = meta
		}
		select {
		case <-ctx.Done():
			for range hooked {
				// Let the workers finish.
			}
			return
		case docs <- d:
		}
	}
}

// write commits documents in batches until docs closes.
func (p *pipeline) write(ctx context.Context, docs <-chan store.Document) error {
	batch := make([]store.Document, 0, p.size)
	ids := make([]string, 0, p.size)
	// recent holds the ids of the last two batches and the current one:
	// an article that comes twice close together passes the workers'
	// existence check twice before its first copy is committed.
	recent := [3]map[string]bool{{}, {}, {}}
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if err := p.ix.st.Put(ctx, batch); err != nil {
			return fmt.Errorf("ingest: write %d documents: %w", len(batch), err)
		}
		ids = ids[:0]
		for i := range batch {
			ids = append(ids, batch[i].ID)
		}
		p.added.Add(int64(len(batch)))
		if p.opts.OnCommit != nil {
			p.opts.OnCommit(ids)
		}
		if p.opts.Progress != nil {
			p.opts.Progress(p.stats())
		}
		clear(batch)
		batch = batch[:0]
		recent[0], recent[1], recent[2] = recent[1], recent[2], recent[0]
		clear(recent[2])
		return nil
	}
	var oldest time.Time // when the batch's first document came
	timer := time.NewTimer(linger)
	timer.Stop()
	for {
		var d store.Document
		var ok bool
		select {
		case d, ok = <-docs:
		default:
			// The channel is empty. A batch that is not full is
			// committed, rather than kept unacknowledged, once its first
			// document has waited linger; until then the next document
			// may still come.
			received := false
			if len(batch) > 0 {
				if wait := linger - time.Since(oldest); wait > 0 {
					timer.Reset(wait)
					select {
					case d, ok = <-docs:
						timer.Stop()
						received = true
					case <-ctx.Done():
						return nil
					case <-timer.C:
					}
				}
				if !received {
					if err := flush(); err != nil {
						return err
					}
				}
			}
			if !received {
				select {
				case d, ok = <-docs:
				case <-ctx.Done():
					return nil
				}
			}
		}
		if !ok {
			return flush()
		}
		if ctx.Err() != nil {
			return nil
		}
		if recent[0][d.ID] || recent[1][d.ID] || recent[2][d.ID] {
			p.dups.Add(1)
			continue
		}
		recent[2][d.ID] = true
		if len(batch) == 0 {
			oldest = time.Now()
		}
		batch = append(batch, d)
		if len(batch) >= p.size {
			if err := flush(); err != nil {
				return err
			}
		}
	}
}
