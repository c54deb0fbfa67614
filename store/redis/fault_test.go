package redis

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wiretrace/wiretrace/internal/redistest"
	"github.com/wiretrace/wiretrace/store"
)

// genDoc makes a document with a content-hash-like id, a band key and a
// term of its own (to check its postings) and a shared term.
func genDoc(r *rand.Rand) store.Document {
	id := fmt.Sprintf("%016x", r.Uint64())
	return store.Document{
		ID:        id,
		Article:   []byte(fmt.Sprintf(`{"title":"Report %s","paragraphs":["%s"]}`, id, strings.Repeat("word ", 100))),
		Signature: []uint32{r.Uint32(), r.Uint32(), r.Uint32(), r.Uint32()},
		Bands:     []uint64{r.Uint64(), r.Uint64()},
		Terms:     []string{"own-" + id, "shared"},
	}
}

// TestFailoverDuringIngest kills a master (SIGKILL) of a cluster of three
// masters with one replica each while writers keep putting documents. The
// writers must ride the failover, and every document whose Put returned
// nil must be readable and findable afterwards.
func TestFailoverDuringIngest(t *testing.T) {
	c := redistest.NewCluster(t, 3, 1)
	s := openFresh(t, strings.Join(c.Addrs(), ","), Options{RetryTimeout: 30 * time.Second})
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()

	const writers, batch = 4, 20
	var (
		mu        sync.Mutex
		acked     []store.Document
		ackedPost int // acknowledged after the kill
		failures  []error
		killed    bool
	)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(w), 1))
			for {
				select {
				case <-stop:
					return
				default:
				}
				docs := make([]store.Document, batch)
				for i := range docs {
					docs[i] = genDoc(r)
				}
				err := s.Put(ctx, docs)
				mu.Lock()
				if err != nil {
					failures = append(failures, err)
				} else {
					acked = append(acked, docs...)
					if killed {
						ackedPost += len(docs)
					}
				}
				mu.Unlock()
			}
		}()
	}

	time.Sleep(300 * time.Millisecond)
	ms, err := c.Masters(ctx)
	if err != nil {
		t.Fatal(err)
	}
	victim := ms[0]
	mu.Lock()
	before := len(acked)
	killed = true
	mu.Unlock()
	if err := victim.Kill(); err != nil {
		t.Fatal(err)
	}
	killedAt := time.Now()
	t.Logf("killed master %s (pid %d) after %d acknowledged documents", victim.Addr, victim.PID(), before)
	if err := c.WaitOK(ctx); err != nil {
		t.Fatalf("cluster did not recover: %v", err)
	}
	t.Logf("replica took over after %v", time.Since(killedAt).Round(time.Millisecond))
	// Let the writers show they carry on: a few batches each after the
	// failover (bounded, so that a writer stuck for good fails below
	// rather than hangs).
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); {
		mu.Lock()
		done := ackedPost >= 3*writers*batch
		mu.Unlock()
		if done {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	close(stop)
	wg.Wait()

	st := s.Retries()
	t.Logf("acknowledged %d documents (%d after the kill), %d Puts failed; retried %d commands in %d rounds: %v",
		len(acked), ackedPost, len(failures), st.Commands, st.Rounds, st.Reasons)
	for _, err := range failures {
		t.Errorf("Put failed during the failover: %v", err)
	}
	if ackedPost == 0 {
		t.Errorf("no Put succeeded after the kill: the writers did not ride the failover")
	}
	if st.Commands == 0 {
		t.Errorf("nothing was retried: the kill did not hit the writers")
	}

	// Nothing acknowledged is lost: each document is stored, and its own
	// band and term find it.
	ids := make([]string, len(acked))
	bands := make([]uint64, len(acked))
	terms := make([]string, len(acked))
	for i, d := range acked {
		ids[i], bands[i], terms[i] = d.ID, d.Bands[0], d.Terms[0]
	}
	ex, err := s.Exists(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	bl, err := s.BandPostings(ctx, bands, 0)
	if err != nil {
		t.Fatal(err)
	}
	tl, err := s.TermPostings(ctx, terms, 0)
	if err != nil {
		t.Fatal(err)
	}
	lost := 0
	for i, id := range ids {
		if !ex[i] || !contains(bl[i], id) || !contains(tl[i], id) {
			lost++
			if lost <= 5 {
				t.Errorf("acknowledged document %s lost: stored %v, band lists %v, term lists %v", id, ex[i], bl[i], tl[i])
			}
		}
	}
	if lost > 0 {
		t.Errorf("%d of %d acknowledged documents lost", lost, len(ids))
	}
	n, err := s.Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if n < int64(len(acked)) {
		t.Errorf("Count = %d, fewer than the %d acknowledged", n, len(acked))
	}
	for _, id := range ids[len(ids)-3:] {
		if _, err := s.Get(ctx, id); err != nil {
			t.Errorf("Get(%s): %v", id, err)
		}
	}
}

func contains(ids []string, id string) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// TestDownAtStart: Open must fail with an error that names the problem,
// within a bounded time, when the servers it is given are down.
func TestDownAtStart(t *testing.T) {
	const bound = 5 * time.Second
	opts := Options{OpenTimeout: bound}
	check := func(t *testing.T, addrs, want string) {
		t.Helper()
		start := time.Now()
		s, err := Open(context.Background(), addrs, opts)
		took := time.Since(start)
		if err == nil {
			s.Close()
			t.Fatalf("Open(%s) succeeded", addrs)
		}
		t.Logf("Open failed after %v: %v", took.Round(time.Millisecond), err)
		if took > bound+time.Second {
			t.Errorf("Open took %v, over the %v bound", took, bound)
		}
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Open error %q does not mention %q", err, want)
		}
	}

	t.Run("nothing listening", func(t *testing.T) {
		addr := closedAddr(t)
		check(t, addr, addr)
	})
	t.Run("one of the seeds down", func(t *testing.T) {
		// A dead seed next to a live one is no error: the live one
		// answers.
		n := redistest.Server(t)
		s, err := Open(context.Background(), closedAddr(t)+","+n.Addr, opts)
		if err == nil {
			s.Close()
			t.Fatal("Open of a single server with two addresses succeeded")
		}
		if !strings.Contains(err.Error(), "not in cluster mode") {
			t.Errorf("error %q does not say the server is not in cluster mode", err)
		}
	})
	t.Run("cluster master down", func(t *testing.T) {
		c := redistest.NewCluster(t, 3, 0)
		ctx := context.Background()
		ms, err := c.Masters(ctx)
		if err != nil {
			t.Fatal(err)
		}
		dead := ms[len(ms)-1]
		if err := dead.Kill(); err != nil {
			t.Fatal(err)
		}
		var seeds []string
		for _, n := range c.Nodes {
			if n != dead {
				seeds = append(seeds, n.Addr)
			}
		}
		addrs := strings.Join(seeds, ",")
		// At once, the survivors still report the cluster ok: Open's
		// ping of every master finds the dead one.
		check(t, addrs, dead.Addr)
		// Once they have noticed (after cluster-node-timeout), the
		// cluster state itself is fail.
		wctx, cancel := context.WithTimeout(ctx, 20*time.Second)
		defer cancel()
		for {
			info, err := c.Node(seeds[0]).Do(wctx, "CLUSTER", "INFO")
			if err == nil && strings.Contains(info, "cluster_state:fail") {
				break
			}
			if wctx.Err() != nil {
				t.Fatalf("cluster never reported the dead master: %v", err)
			}
			time.Sleep(50 * time.Millisecond)
		}
		check(t, addrs, dead.Addr)
	})
	t.Run("all servers die after Open", func(t *testing.T) {
		n := redistest.Server(t)
		s := openFresh(t, n.Addr, Options{RetryTimeout: 2 * time.Second})
		if err := n.Kill(); err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		err := s.Put(context.Background(), []store.Document{{ID: "x", Article: []byte("{}")}})
		took := time.Since(start)
		t.Logf("Put failed after %v: %v", took.Round(time.Millisecond), err)
		if err == nil {
			t.Fatal("Put to a dead server succeeded")
		}
		if took > 10*time.Second {
			t.Errorf("Put took %v to fail, over the 2 s retry budget by far", took)
		}
		if errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("Put error is a bare deadline, not the cause: %v", err)
		}
	})
}

// closedAddr returns a loopback address nothing listens on.
func closedAddr(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}

// TestReplicaDown: with a replica dead, its master has nobody to confirm
// writes to; Puts must go on without waiting for it every time.
func TestReplicaDown(t *testing.T) {
	c := redistest.NewCluster(t, 3, 1)
	s := openFresh(t, strings.Join(c.Addrs(), ","), Options{})
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	r := rand.New(rand.NewPCG(7, 7))
	put := func() {
		t.Helper()
		docs := make([]store.Document, 50)
		for i := range docs {
			docs[i] = genDoc(r)
		}
		if err := s.Put(ctx, docs); err != nil {
			t.Fatalf("Put: %v", err)
		}
	}
	put() // learn that every master has a replica
	ms, err := c.Masters(ctx)
	if err != nil {
		t.Fatal(err)
	}
	killed := 0
	for _, n := range c.Nodes {
		if !contains(addrsOf(ms), n.Addr) {
			if err := n.Kill(); err != nil {
				t.Fatal(err)
			}
			killed++
			break
		}
	}
	if killed != 1 {
		t.Fatalf("no replica to kill among %v", c.Addrs())
	}
	start := time.Now()
	for range 10 {
		put()
	}
	// One WAIT may time out (ReplicaTimeout, 2 s) before the master is
	// seen without its replica; ten Puts must not each wait.
	if took := time.Since(start); took > 8*time.Second {
		t.Errorf("10 Puts with a replica down took %v", took)
	}
	t.Logf("10 Puts with a replica down: %v; retries %v", time.Since(start).Round(time.Millisecond), s.Retries().Reasons)
}

func addrsOf(ns []*redistest.Node) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = n.Addr
	}
	return out
}
