package redis

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"net"
	"strings"
	"sync"
	"syscall"
	"time"

	goredis "github.com/redis/go-redis/v9"
)

// RetryStats counts what a Store re-sent after retriable failures: lost
// connections, a master that died, slots that moved or were briefly
// unserved during a failover.
type RetryStats struct {
	// Rounds is the number of pipelines re-sent.
	Rounds int64
	// Commands is the number of commands re-sent.
	Commands int64
	// Reasons counts re-sent commands by the kind of error that failed
	// them: a Redis error code (CLUSTERDOWN, MOVED, TRYAGAIN, READONLY,
	// ...) or a network condition (dial, EOF, reset, timeout).
	Reasons map[string]int64
}

type retryCounter struct {
	mu sync.Mutex
	s  RetryStats
}

func (r *retryCounter) note(reasons map[string]int64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.s.Rounds++
	if r.s.Reasons == nil {
		r.s.Reasons = map[string]int64{}
	}
	for k, n := range reasons {
		r.s.Commands += n
		r.s.Reasons[k] += n
	}
}

func (r *retryCounter) snapshot() RetryStats {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := r.s
	s.Reasons = maps.Clone(r.s.Reasons)
	return s
}

// retryReason classifies err: the reason to count, and whether the
// command may be sent again. Every command this package sends is
// idempotent, so a command that may or may not have run (its connection
// broke before the reply) is safe to send again.
func retryReason(err error) (string, bool) {
	var op *net.OpError
	switch {
	case err == nil:
		return "", false
	case errors.As(err, &op) && op.Op == "dial":
		// go-redis wraps a dial timeout in context.DeadlineExceeded, so
		// dial errors are told apart before context errors.
		return "dial", true
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return "", false
	case errors.Is(err, goredis.ErrClosed):
		return "", false
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return "EOF", true
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE):
		return "reset", true
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return "timeout", true
	}
	if op != nil {
		return "network", true
	}
	msg := err.Error()
	for _, code := range []string{"CLUSTERDOWN", "TRYAGAIN", "MOVED", "ASK", "LOADING", "READONLY", "MASTERDOWN", "NOREPLICAS"} {
		if strings.HasPrefix(msg, code+" ") {
			return code, true
		}
	}
	if strings.Contains(msg, "connection pool timeout") {
		return "pool timeout", true
	}
	return "", false
}

// pipeline sends cmds as one pipeline (go-redis splits it per master and
// sends the parts in parallel), then sends again the commands that failed
// with a retriable error, with a growing pause, until all succeed, one
// fails for good, ctx ends, or the Store's RetryTimeout has passed since
// the first failure. A reply of redis.Nil (key absent) is a success.
func (s *Store) pipeline(ctx context.Context, cmds []goredis.Cmder) error {
	todo := cmds
	var first time.Time
	for attempt := 0; len(todo) > 0; attempt++ {
		p := s.rdb.Pipeline()
		for _, c := range todo {
			c.SetErr(nil)
			_ = p.Process(ctx, c)
		}
		_, _ = p.Exec(ctx)
		var failed []goredis.Cmder
		var lastErr error
		reasons := map[string]int64{}
		for _, c := range todo {
			err := c.Err()
			if err == nil || errors.Is(err, goredis.Nil) {
				continue
			}
			reason, ok := retryReason(err)
			if !ok {
				return s.fail(err)
			}
			failed = append(failed, c)
			reasons[reason]++
			lastErr = err
		}
		if len(failed) == 0 {
			return nil
		}
		if attempt == 0 {
			first = time.Now()
		} else if time.Since(first) > s.opts.RetryTimeout {
			return fmt.Errorf("%d commands still failing after retrying for %v: %w", len(failed), s.opts.RetryTimeout, lastErr)
		}
		s.retries.note(reasons)
		s.reload()
		if err := sleep(ctx, backoff(attempt)); err != nil {
			return err
		}
		todo = failed
	}
	return nil
}

// reload asks go-redis to reload the cluster's slot map in the background.
// go-redis reloads it by itself on MOVED replies, but not when a master
// has died: until a reload, it keeps dialing the dead address for slots a
// promoted replica now serves.
func (s *Store) reload() {
	if s.cluster != nil {
		s.cluster.ReloadState(context.Background())
	}
}

// fail maps an error from go-redis after Close to ErrClosed.
func (s *Store) fail(err error) error {
	if s.closed.Load() && errors.Is(err, goredis.ErrClosed) {
		return errClosed
	}
	return err
}

// backoff is the pause before retry attempt+1: 20 ms doubling to 500 ms,
// with jitter so that many writers do not retry in lockstep. A failover
// on a cluster with the default 15 s cluster-node-timeout takes tens of
// seconds, so the pause stays short and RetryTimeout bounds the total.
func backoff(attempt int) time.Duration {
	d := 20 * time.Millisecond << min(attempt, 5)
	d = min(d, 500*time.Millisecond)
	return d/2 + rand.N(d/2+1)
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
