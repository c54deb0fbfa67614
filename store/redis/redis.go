package redis

import (
	"context"
	"crypto/rand"
	"crypto/sha1"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	goredis "github.com/redis/go-redis/v9"

	"github.com/wiretrace/wiretrace/store"
)

// EnvAddrs is the environment variable that holds the Redis addresses
// (host:port,host:port,...) when the --redis flag is not given.
const EnvAddrs = "WIRETRACE_REDIS"

// Options tunes Open. The zero value is ready to use.
type Options struct {
	// Prefix starts every key, so that several stores can share one
	// cluster; "" means "wt:".
	Prefix string
	// DialTimeout bounds one connection attempt; 0 means 2 s. A server
	// that is down refuses at once; this bounds one that does not answer.
	DialTimeout time.Duration
	// OpenTimeout bounds Open as a whole (probing the seeds, checking
	// the cluster state and every master); 0 means 10 s.
	OpenTimeout time.Duration
	// RetryTimeout is how long a call keeps retrying commands that fail
	// with retriable errors (a lost connection, CLUSTERDOWN while a
	// replica takes over from a dead master) before it gives up; 0 means
	// 30 s. A failover takes about twice the servers'
	// cluster-node-timeout (15 s by default), so raise it to match.
	RetryTimeout time.Duration
	// ReplicaTimeout bounds the wait for a replica to acknowledge the
	// writes of a Put or Delete; 0 means 2 s.
	ReplicaTimeout time.Duration
	// ReadTimeout bounds the wait for one reply (a pipeline's first);
	// 0 means 10 s. A write batch is one pipeline of thousands of
	// commands, which a loaded server can take seconds to answer; a reply
	// that times out is sent again, adding to the load, so this is well
	// above go-redis's 3 s default.
	ReadTimeout time.Duration
	// NoReplicaWait returns from writes without waiting for a replica's
	// acknowledgement: faster, but a master that dies just after a
	// write may take it with it.
	NoReplicaWait bool
	// PoolSize is the connection pool size per server; 0 means go-redis's
	// default (10 per CPU).
	PoolSize int
}

func (o Options) withDefaults() Options {
	if o.Prefix == "" {
		o.Prefix = "wt:"
	}
	if o.DialTimeout <= 0 {
		o.DialTimeout = 2 * time.Second
	}
	if o.OpenTimeout <= 0 {
		o.OpenTimeout = 10 * time.Second
	}
	if o.RetryTimeout <= 0 {
		o.RetryTimeout = 30 * time.Second
	}
	if o.ReplicaTimeout <= 0 {
		o.ReplicaTimeout = 2 * time.Second
	}
	if o.ReadTimeout <= 0 {
		o.ReadTimeout = 10 * time.Second
	}
	return o
}

// lockTTL is how long a writer's lock on a document lives if the writer
// dies holding it. It bounds how long a crashed ingest blocks a re-ingest
// of the documents it was writing; it must exceed the time one Put holds
// a lock, a few round trips, even across a short failover.
const lockTTL = 15 * time.Second

var errClosed = fmt.Errorf("redis: %w", store.ErrClosed)

// Store is a store.Store on Redis Cluster or on one Redis server. It is
// safe for concurrent use.
type Store struct {
	rdb     goredis.UniversalClient
	cluster *goredis.ClusterClient // nil on a single server
	opts    Options
	k       keys
	closed  atomic.Bool
	retries retryCounter

	// replicas caches, per master address, how many replicas it had at
	// the last write; sync waits for one of them when there are any.
	replMu   sync.Mutex
	replicas map[string]replicaCount
}

var _ store.Store = (*Store)(nil)

// Open connects to the Redis servers at addrs, a comma-separated list of
// host:port: any subset of a cluster's nodes (the rest are discovered), or
// one server not in cluster mode. It fails, within Options.OpenTimeout,
// when no address answers, when a cluster is not in state ok, when a master
// that serves slots cannot be reached, or when the keys under the prefix
// were written by an incompatible layout.
func Open(ctx context.Context, addrs string, opts Options) (*Store, error) {
	opts = opts.withDefaults()
	quiet()
	list, err := ParseAddrs(addrs)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, opts.OpenTimeout)
	defer cancel()

	clustered, err := probe(ctx, list, opts)
	if err != nil {
		return nil, err
	}
	s := &Store{opts: opts, k: keys{prefix: opts.Prefix}, replicas: map[string]replicaCount{}}
	if clustered {
		s.cluster = goredis.NewClusterClient(&goredis.ClusterOptions{
			Addrs:           list,
			DialTimeout:     opts.DialTimeout,
			ReadTimeout:     opts.ReadTimeout,
			WriteTimeout:    opts.ReadTimeout,
			PoolSize:        opts.PoolSize,
			MaxRetries:      2,
			MinRetryBackoff: 8 * time.Millisecond,
			MaxRetryBackoff: 256 * time.Millisecond,
			// Redirects during a resharding or failover: go-redis follows
			// them; our own retry loop covers longer outages.
			MaxRedirects:    8,
			DisableIdentity: true,
			// go-redis retries a failed dial 5 times by default, inside
			// each command; a dead master then stalls every command for
			// a while before our retry loop can reload the slot map.
			DialerRetries: 1,
		})
		s.rdb = s.cluster
	} else {
		s.rdb = goredis.NewClient(&goredis.Options{
			Addr:            list[0],
			DialTimeout:     opts.DialTimeout,
			ReadTimeout:     opts.ReadTimeout,
			WriteTimeout:    opts.ReadTimeout,
			PoolSize:        opts.PoolSize,
			MaxRetries:      2,
			DisableIdentity: true,
			DialerRetries:   1,
		})
	}
	if err := s.check(ctx, addrs); err != nil {
		s.rdb.Close()
		return nil, err
	}
	return s, nil
}

// ParseAddrs splits a comma-separated list of host:port addresses.
func ParseAddrs(addrs string) ([]string, error) {
	var list []string
	for _, a := range strings.Split(addrs, ",") {
		a = strings.TrimSpace(a)
		if a == "" {
			continue
		}
		if _, port, err := net.SplitHostPort(a); err != nil || port == "" {
			return nil, fmt.Errorf("redis address %q: want host:port", a)
		}
		list = append(list, a)
	}
	if len(list) == 0 {
		return nil, fmt.Errorf("redis addresses %q: none given", addrs)
	}
	return list, nil
}

// probe asks each seed in turn whether it runs in cluster mode, and
// checks a cluster's state. It returns at the first seed that answers.
func probe(ctx context.Context, addrs []string, opts Options) (bool, error) {
	var errs []error
	for _, a := range addrs {
		c := goredis.NewClient(&goredis.Options{Addr: a, DialTimeout: opts.DialTimeout, MaxRetries: -1, DialerRetries: 1, DisableIdentity: true})
		info, err := c.Info(ctx, "cluster").Result()
		if err != nil {
			c.Close()
			errs = append(errs, fmt.Errorf("%s: %w", a, err))
			if ctx.Err() != nil {
				break
			}
			continue
		}
		if !strings.Contains(info, "cluster_enabled:1") {
			c.Close()
			if len(addrs) > 1 {
				return false, fmt.Errorf("redis %s: not in cluster mode, but %d addresses were given (give one address for a single server)", a, len(addrs))
			}
			return false, nil
		}
		ci, err := c.ClusterInfo(ctx).Result()
		if err != nil {
			c.Close()
			return false, fmt.Errorf("redis %s: cluster info: %w", a, err)
		}
		if !strings.Contains(ci, "cluster_state:ok") {
			nodes, _ := c.ClusterNodes(ctx).Result()
			c.Close()
			msg := fmt.Sprintf("redis cluster at %s is not serving: %s", a, clusterSummary(ci))
			if failing := failingNodes(nodes); failing != "" {
				msg += "; failing nodes: " + failing
			}
			return false, errors.New(msg)
		}
		c.Close()
		return true, nil
	}
	return false, fmt.Errorf("redis: no server answered at %s: %w", strings.Join(addrs, ","), errors.Join(errs...))
}

// clusterSummary picks the lines of CLUSTER INFO that say what is wrong.
func clusterSummary(info string) string {
	var parts []string
	for _, line := range strings.Split(info, "\n") {
		line = strings.TrimSpace(line)
		for _, f := range []string{"cluster_state:", "cluster_slots_assigned:", "cluster_slots_ok:", "cluster_slots_fail:", "cluster_slots_pfail:", "cluster_known_nodes:"} {
			if strings.HasPrefix(line, f) {
				parts = append(parts, line)
			}
		}
	}
	return strings.Join(parts, " ")
}

// failingNodes lists the nodes CLUSTER NODES flags as failing, with
// their role and slots.
func failingNodes(nodes string) string {
	var out []string
	for _, line := range strings.Split(nodes, "\n") {
		// <id> <ip:port@cport> <flags> <master> <ping> <pong> <epoch> <link> <slots...>
		f := strings.Fields(line)
		if len(f) < 8 || !strings.Contains(f[2], "fail") {
			continue
		}
		addr, _, _ := strings.Cut(f[1], "@")
		desc := addr + " (" + f[2]
		if len(f) > 8 {
			desc += ", slots " + strings.Join(f[8:], " ")
		}
		out = append(out, desc+")")
	}
	return strings.Join(out, "; ")
}

// check pings every master (so that a dead one is reported now, not as a
// hang in the first Put) and checks or records the layout key.
func (s *Store) check(ctx context.Context, addrs string) error {
	if s.cluster != nil {
		var mu sync.Mutex
		var bad []string
		err := s.cluster.ForEachMaster(ctx, func(ctx context.Context, c *goredis.Client) error {
			if err := c.Ping(ctx).Err(); err != nil {
				mu.Lock()
				bad = append(bad, fmt.Sprintf("%s: %v", c.Options().Addr, err))
				mu.Unlock()
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("redis cluster %s: list masters: %w", addrs, err)
		}
		if len(bad) > 0 {
			slices.Sort(bad)
			return fmt.Errorf("redis cluster %s: masters unreachable: %s", addrs, strings.Join(bad, "; "))
		}
	}
	want := layoutVersion + " shards=" + strconv.Itoa(shards)
	key := s.k.layout()
	if err := s.rdb.SetNX(ctx, key, want, 0).Err(); err != nil {
		return fmt.Errorf("redis %s: record layout: %w", addrs, err)
	}
	got, err := s.rdb.Get(ctx, key).Result()
	if err != nil {
		return fmt.Errorf("redis %s: read layout: %w", addrs, err)
	}
	if got != want {
		return fmt.Errorf("redis %s: keys under prefix %q have layout %q, this build reads %q", addrs, s.opts.Prefix, got, want)
	}
	return nil
}

// Retries reports what the Store has retried since it was opened.
func (s *Store) Retries() RetryStats { return s.retries.snapshot() }

// Close closes the connections; closing again does nothing.
func (s *Store) Close() error {
	if s.closed.Swap(true) {
		return nil
	}
	if err := s.rdb.Close(); err != nil {
		return fmt.Errorf("redis close: %w", err)
	}
	return nil
}

// begin checks that the store is open and ctx still live.
func (s *Store) begin(ctx context.Context, op string) error {
	if s.closed.Load() {
		return fmt.Errorf("redis %s: %w", op, errClosed)
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("redis %s: %w", op, err)
	}
	return nil
}

// Lua scripts. Each touches only keys of one document's hash tag, so each
// runs on one master, atomically.
var (
	// lockScript takes (or renews) the document's lock for token and
	// returns {1, previous record} or {1} when there is none, or {0}
	// when another writer holds the lock.
	// KEYS: lock, record. ARGV: token, ttl in ms.
	lockScript = `local v = redis.call('GET', KEYS[1])
if v and v ~= ARGV[1] then return {0} end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
local r = redis.call('GET', KEYS[2])
if r then return {1, r} end
return {1}`

	// commitScript writes the document if the caller still holds its
	// lock, and releases the lock when ARGV[5] is "1" (nothing left to
	// do under it). A retried commit whose first run succeeded and
	// released the lock finds the record it wrote, and succeeds. A
	// commit whose lock expired (a write slowed past lockTTL by a
	// starved server or a failover) still succeeds when nobody holds
	// the lock and the stored record is still the one the caller read
	// under it (SHA-1 in ARGV[6], "" for none): then no other writer
	// changed the document in between.
	// KEYS: lock, record, article, id set. ARGV: token, record, article,
	// id member, release, SHA-1 of the record read under the lock.
	commitScript = `local v = redis.call('GET', KEYS[1])
if v ~= ARGV[1] then
  if v ~= false then return redis.error_reply('WTLOCK lock lost') end
  local r = redis.call('GET', KEYS[2])
  if ARGV[5] == '1' and r == ARGV[2] then return 1 end
  local h = ''
  if r then h = redis.sha1hex(r) end
  if h ~= ARGV[6] then return redis.error_reply('WTLOCK lock lost') end
end
redis.call('SET', KEYS[2], ARGV[2])
redis.call('SET', KEYS[3], ARGV[3])
redis.call('SADD', KEYS[4], ARGV[4])
if ARGV[5] == '1' then redis.call('DEL', KEYS[1]) end
return 1`

	// removeScript deletes the document and its lock if the caller
	// holds the lock; a second run after success (a retried command
	// whose first reply was lost) finds nothing and succeeds.
	// KEYS: lock, record, article, id set. ARGV: token, id member.
	removeScript = `local v = redis.call('GET', KEYS[1])
if v == false and redis.call('EXISTS', KEYS[2]) == 0 then return 1 end
if v ~= ARGV[1] then return redis.error_reply('WTLOCK lock lost') end
redis.call('DEL', KEYS[2], KEYS[3], KEYS[1])
redis.call('SREM', KEYS[4], ARGV[2])
return 1`

	// unlockScript releases the lock if the caller holds it.
	// KEYS: lock. ARGV: token.
	unlockScript = `if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 1`
)

func eval(ctx context.Context, script string, keys []string, args ...any) *goredis.Cmd {
	a := make([]any, 0, 3+len(keys)+len(args))
	a = append(a, "EVAL", script, len(keys))
	for _, k := range keys {
		a = append(a, k)
	}
	a = append(a, args...)
	return goredis.NewCmd(ctx, a...)
}

func newToken() string {
	var b [12]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// locked is one document whose lock a writer holds.
type locked struct {
	id       string
	old      *record // the stored version, nil when there is none
	doc      *store.Document
	record   []byte
	released bool   // the lock went with the write (commitScript)
	oldSHA   string // hex SHA-1 of the stored record read under the lock, "" for none
}

// lock takes the locks of ids for token in one pipelined round. It
// returns the documents it locked, with their stored records, and the ids
// another writer holds.
func (s *Store) lock(ctx context.Context, ids []string, token string) (got []locked, busy []int, err error) {
	cmds := make([]goredis.Cmder, len(ids))
	for i, id := range ids {
		cmds[i] = eval(ctx, lockScript, []string{s.k.lock(id), s.k.record(id)}, token, lockTTL.Milliseconds())
	}
	if err := s.pipeline(ctx, cmds); err != nil {
		// Some locks may have been taken: release them all (the unlock
		// script leaves alone a lock that is not ours), rather than
		// block these documents for lockTTL.
		all := make([]locked, len(ids))
		for i, id := range ids {
			all[i].id = id
		}
		uctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.opts.DialTimeout)
		defer cancel()
		_ = s.unlock(uctx, all, token)
		return nil, nil, err
	}
	for i, c := range cmds {
		v, _ := c.(*goredis.Cmd).Val().([]any)
		if len(v) == 0 || v[0] != int64(1) {
			busy = append(busy, i)
			continue
		}
		l := locked{id: ids[i]}
		if len(v) > 1 {
			raw, _ := v[1].(string)
			sum := sha1.Sum([]byte(raw))
			l.oldSHA = hex.EncodeToString(sum[:])
			r, err := decodeRecord([]byte(raw))
			if err != nil {
				// Keep the other locks from lingering until they expire.
				got = append(got, l)
				_ = s.unlock(ctx, got, token)
				return nil, nil, fmt.Errorf("read document %q: %w", ids[i], err)
			}
			l.old = &r
		}
		got = append(got, l)
	}
	return got, busy, nil
}

// unlock releases locks, best effort: a lock that stays expires after
// lockTTL.
func (s *Store) unlock(ctx context.Context, ls []locked, token string) error {
	var cmds []goredis.Cmder
	for _, l := range ls {
		if !l.released {
			cmds = append(cmds, eval(ctx, unlockScript, []string{s.k.lock(l.id)}, token))
		}
	}
	return s.pipeline(ctx, cmds)
}

// withLocks runs fn on the documents of ids in groups whose locks it
// holds, waiting for ids another writer holds. fn's locks are released
// after it returns, whatever it returns. Holding no lock while waiting for
// another keeps two writers of overlapping batches from deadlocking.
func (s *Store) withLocks(ctx context.Context, ids []string, fn func(ls []locked, token string) error) error {
	token := newToken()
	pending := ids
	var waitStart time.Time
	for attempt := 0; len(pending) > 0; attempt++ {
		got, busy, err := s.lock(ctx, pending, token)
		if err != nil {
			return err
		}
		if len(got) > 0 {
			err := fn(got, token)
			// Unlock with a fresh context if ctx ended, so that a
			// cancelled call does not leave locks behind for lockTTL.
			uctx := ctx
			if ctx.Err() != nil {
				var cancel context.CancelFunc
				uctx, cancel = context.WithTimeout(context.WithoutCancel(ctx), s.opts.DialTimeout)
				defer cancel()
			}
			uerr := s.unlock(uctx, got, token)
			if err != nil {
				return err
			}
			if uerr != nil {
				return fmt.Errorf("release locks: %w", uerr)
			}
		}
		if len(busy) == 0 {
			return nil
		}
		if waitStart.IsZero() {
			waitStart = time.Now()
		} else if time.Since(waitStart) > lockTTL+s.opts.RetryTimeout {
			return fmt.Errorf("document %q is locked by another writer since %v", pending[busy[0]], time.Since(waitStart).Round(time.Millisecond))
		}
		next := make([]string, len(busy))
		for i, b := range busy {
			next[i] = pending[b]
		}
		pending = next
		if err := sleep(ctx, backoff(attempt)); err != nil {
			return err
		}
	}
	return nil
}

// Put writes docs; see store.Store. Postings go first, then each
// document's record and article in one script, then the removal of
// postings the previous version had and this one lacks.
func (s *Store) Put(ctx context.Context, docs []store.Document) error {
	if err := s.begin(ctx, "put"); err != nil {
		return err
	}
	for i := range docs {
		if err := docs[i].Validate(); err != nil {
			return fmt.Errorf("redis put: %w", err)
		}
	}
	// The last of a repeated id wins.
	last := make(map[string]int, len(docs))
	for i := range docs {
		last[docs[i].ID] = i
	}
	byID := make(map[string]*store.Document, len(last))
	ids := make([]string, 0, len(last))
	for i := range docs {
		if last[docs[i].ID] == i {
			byID[docs[i].ID] = &docs[i]
			ids = append(ids, docs[i].ID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	err := s.redo(ctx, func() error {
		return s.withLocks(ctx, ids, func(ls []locked, token string) error {
			return s.write(ctx, ls, byID, token)
		})
	})
	if err != nil {
		return fmt.Errorf("redis put %d documents: %w", len(ids), s.fail(err))
	}
	return nil
}

// redo runs op, and runs it again when it fails with errMasterChanged,
// until it succeeds or RetryTimeout has passed. op must be idempotent.
func (s *Store) redo(ctx context.Context, op func() error) error {
	start := time.Now()
	for attempt := 0; ; attempt++ {
		err := op()
		if err == nil || !errors.Is(err, errMasterChanged) || time.Since(start) > s.opts.RetryTimeout {
			return err
		}
		s.retries.note(map[string]int64{"master changed": 1})
		if err := sleep(ctx, backoff(attempt)); err != nil {
			return err
		}
	}
}

// write stores the locked documents, durably (see durable).
func (s *Store) write(ctx context.Context, ls []locked, byID map[string]*store.Document, token string) error {
	adds := map[string][]any{}
	rems := map[string][]any{}
	release := make([]bool, len(ls))
	for i := range ls {
		l := &ls[i]
		l.doc = byID[l.id]
		l.record = encodeRecord(l.doc)
		m := member(l.id)
		nb, nt := postingKeys(s.k, l.doc.Bands, l.doc.Terms)
		for k := range nb {
			adds[k] = append(adds[k], m)
		}
		for k := range nt {
			adds[k] = append(adds[k], m)
		}
		stale := 0
		if l.old != nil {
			ob, ot := postingKeys(s.k, l.old.bands, l.old.terms)
			for k := range ob {
				if !nb[k] {
					rems[k] = append(rems[k], m)
					stale++
				}
			}
			for k := range ot {
				if !nt[k] {
					rems[k] = append(rems[k], m)
					stale++
				}
			}
		}
		// A new document, or one stored again unchanged (the common
		// case: ids are content hashes), has no stale postings to
		// remove under the lock, so the commit releases it: one script
		// and one round trip fewer per batch.
		release[i] = stale == 0
	}
	written := make([]string, 0, len(adds)+len(rems)+len(ls))
	for k := range adds {
		written = append(written, k)
	}
	for k := range rems {
		written = append(written, k)
	}
	for _, l := range ls {
		written = append(written, s.k.record(l.id))
	}
	return s.durable(ctx, written, func() error {
		// Postings first: a crash after this step leaves postings that
		// point at an older version or at nothing, which readers
		// tolerate; it never leaves a stored document its postings do
		// not find.
		if err := s.pipeline(ctx, setCmds(ctx, "SADD", adds)); err != nil {
			return fmt.Errorf("add postings: %w", err)
		}
		cmds := make([]goredis.Cmder, len(ls))
		for i, l := range ls {
			rel := "0"
			if release[i] {
				rel = "1"
			}
			cmds[i] = eval(ctx, commitScript,
				[]string{s.k.lock(l.id), s.k.record(l.id), s.k.article(l.id), s.k.ids(shardOf(l.id))},
				token, l.record, packArticle(l.doc.Article), member(l.id), rel, l.oldSHA)
		}
		if err := s.pipeline(ctx, cmds); err != nil {
			// Some commits may have run and released their locks;
			// unlocking those again is harmless, so all stay marked
			// as held.
			return fmt.Errorf("write documents: %w", err)
		}
		for i := range ls {
			ls[i].released = release[i]
		}
		if len(rems) > 0 {
			if err := s.pipeline(ctx, setCmds(ctx, "SREM", rems)); err != nil {
				return fmt.Errorf("remove stale postings: %w", err)
			}
		}
		return nil
	})
}

// postingKeys returns the distinct posting keys of bands and terms.
func postingKeys(k keys, bands []uint64, terms []string) (map[string]bool, map[string]bool) {
	b := make(map[string]bool, len(bands))
	for _, x := range bands {
		b[k.band(x)] = true
	}
	t := make(map[string]bool, len(terms))
	for _, x := range terms {
		t[k.term(x)] = true
	}
	return b, t
}

// setCmds makes one SADD or SREM per key with all its members.
func setCmds(ctx context.Context, op string, members map[string][]any) []goredis.Cmder {
	cmds := make([]goredis.Cmder, 0, len(members))
	for k, ms := range members {
		args := make([]any, 0, 2+len(ms))
		args = append(args, op, k)
		args = append(args, ms...)
		cmds = append(cmds, goredis.NewIntCmd(ctx, args...))
	}
	return cmds
}

// errMasterChanged reports that a slot written to changed master, or
// that its master could not be reached to confirm replication, between
// the writes and their confirmation: the writes may have died with the
// old master, so the caller must write again (every write is idempotent).
var errMasterChanged = errors.New("master changed during the write")

// slotMasters returns the master serving each slot, as go-redis sees it.
func (s *Store) slotMasters(ctx context.Context, slots []int) (map[int]*goredis.Client, error) {
	out := make(map[int]*goredis.Client, len(slots))
	for _, sl := range slots {
		c, err := s.masterFor(ctx, s.k.syncKey(sl))
		if err != nil {
			return nil, err
		}
		out[sl] = c
	}
	return out, nil
}

// slotsOf returns the distinct hash slots of keys.
func slotsOf(keys []string) []int {
	seen := map[int]bool{}
	var out []int
	for _, k := range keys {
		if sl := slot(k); !seen[sl] {
			seen[sl] = true
			out = append(out, sl)
		}
	}
	return out
}

// durable runs writes (a function that writes keys) and returns once a
// replica of every master that received them has acknowledged them, when
// that master has replicas.
//
// WAIT covers the writes of its own connection only, and go-redis spreads
// a pipeline over pooled connections, so the confirmation writes a small
// key on each master, on the connection it then WAITs on: replication is
// one ordered stream per master, so a replica that has that write has
// every earlier one. If a slot's master changed between the writes and
// the confirmation, or cannot be reached for it, the writes may be lost
// with it: durable returns errMasterChanged and the caller writes again.
func (s *Store) durable(ctx context.Context, keys []string, writes func() error) error {
	if s.opts.NoReplicaWait {
		return writes()
	}
	slots := slotsOf(keys)
	before, err := s.slotMasters(ctx, slots)
	if err != nil {
		return err
	}
	if err := writes(); err != nil {
		return err
	}
	after, err := s.slotMasters(ctx, slots)
	if err != nil {
		return err
	}
	masters := map[string]*goredis.Client{}
	masterSlot := map[string]int{}
	for _, sl := range slots {
		a, b := before[sl].Options().Addr, after[sl].Options().Addr
		if a != b {
			return fmt.Errorf("%w: slot %d moved from %s to %s", errMasterChanged, sl, a, b)
		}
		if _, ok := masters[b]; !ok {
			masters[b], masterSlot[b] = after[sl], sl
		}
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	var errs []error
	for addr, c := range masters {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := s.waitReplica(ctx, c, addr, masterSlot[addr]); err != nil {
				mu.Lock()
				errs = append(errs, err)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

func (s *Store) masterFor(ctx context.Context, key string) (*goredis.Client, error) {
	if s.cluster == nil {
		return s.rdb.(*goredis.Client), nil
	}
	start := time.Now()
	for attempt := 0; ; attempt++ {
		c, err := s.cluster.MasterForKey(ctx, key)
		if err == nil {
			return c, nil
		}
		if _, ok := retryReason(err); !ok || time.Since(start) > s.opts.RetryTimeout {
			return nil, fmt.Errorf("find master of %q: %w", key, err)
		}
		s.reload()
		if err := sleep(ctx, backoff(attempt)); err != nil {
			return nil, err
		}
	}
}

// replicaCheckEvery is how long a master seen without replicas is trusted
// to stay so: within it, writes to that master skip the confirmation
// round entirely. A replica attached later is noticed within this time.
const replicaCheckEvery = 5 * time.Second

type replicaCount struct {
	n  int
	at time.Time
}

// waitReplica makes one write on master c and WAITs, on the same
// connection, for one replica to acknowledge it. A master without
// connected replicas has none to wait for.
func (s *Store) waitReplica(ctx context.Context, c *goredis.Client, addr string, sl int) error {
	s.replMu.Lock()
	rc, known := s.replicas[addr]
	s.replMu.Unlock()
	if known && rc.n == 0 && time.Since(rc.at) < replicaCheckEvery {
		return nil
	}
	// A master not seen yet counts as having no replica: the first round
	// learns the truth from INFO and waits in a second one if needed,
	// rather than block in a WAIT that no replica can answer.
	want := min(rc.n, 1)
	start := time.Now()
	for attempt := 0; ; attempt++ {
		var wait *goredis.IntCmd
		var info *goredis.StringCmd
		_, err := c.Pipelined(ctx, func(p goredis.Pipeliner) error {
			p.Incr(ctx, s.k.syncKey(sl))
			if want > 0 {
				wait = goredis.NewIntCmd(ctx, "WAIT", want, s.opts.ReplicaTimeout.Milliseconds())
				_ = p.Process(ctx, wait)
			}
			info = p.Info(ctx, "replication")
			return nil
		})
		if err != nil {
			if _, ok := retryReason(err); ok {
				// The master is gone or going: what it took may be
				// gone too.
				s.reload()
				return fmt.Errorf("%w: confirm replication on %s: %v", errMasterChanged, addr, err)
			}
			return fmt.Errorf("confirm replication on %s: %w", addr, err)
		}
		now := connectedReplicas(info.Val())
		s.replMu.Lock()
		s.replicas[addr] = replicaCount{n: now, at: time.Now()}
		s.replMu.Unlock()
		var acked int64
		if wait != nil {
			acked = wait.Val()
		}
		switch {
		case now == 0:
			// No replica (left): the writes are as durable as this
			// master's own persistence makes them.
			return nil
		case want > 0 && acked >= int64(want):
			return nil
		case want == 0:
			// A replica appeared since we last looked: wait for it.
			want = 1
			continue
		}
		if time.Since(start) > s.opts.RetryTimeout {
			return fmt.Errorf("confirm replication on %s: %d of %d replicas acknowledged after %v", addr, acked, want, time.Since(start).Round(time.Millisecond))
		}
		s.retries.note(map[string]int64{"WAIT": 1})
		if err := sleep(ctx, backoff(attempt)); err != nil {
			return err
		}
	}
}

func connectedReplicas(info string) int {
	for _, line := range strings.Split(info, "\n") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), "connected_slaves:"); ok {
			n, _ := strconv.Atoi(v)
			return n
		}
	}
	return 0
}

// Get returns the document with id.
func (s *Store) Get(ctx context.Context, id string) (store.Document, error) {
	if err := s.begin(ctx, "get"); err != nil {
		return store.Document{}, err
	}
	// Record and article share a hash tag, so one MGET reads both from
	// one master as one consistent pair.
	cmd := goredis.NewSliceCmd(ctx, "MGET", s.k.record(id), s.k.article(id))
	if err := s.pipeline(ctx, []goredis.Cmder{cmd}); err != nil {
		return store.Document{}, fmt.Errorf("redis get %q: %w", id, s.fail(err))
	}
	v := cmd.Val()
	if len(v) != 2 || v[0] == nil || v[1] == nil {
		return store.Document{}, fmt.Errorf("redis get %q: %w", id, store.ErrNotFound)
	}
	raw, _ := v[0].(string)
	art, _ := v[1].(string)
	r, err := decodeRecord([]byte(raw))
	if err != nil {
		return store.Document{}, fmt.Errorf("redis get %q: %w", id, err)
	}
	article, err := unpackArticle([]byte(art))
	if err != nil {
		return store.Document{}, fmt.Errorf("redis get %q: %w", id, err)
	}
	return store.Document{
		ID:        id,
		Article:   article,
		Meta:      r.meta,
		Signature: r.sig,
		Bands:     r.bands,
		Terms:     r.terms,
	}, nil
}

// Exists reports which of ids are stored.
func (s *Store) Exists(ctx context.Context, ids []string) ([]bool, error) {
	if err := s.begin(ctx, "exists"); err != nil {
		return nil, err
	}
	cmds := make([]goredis.Cmder, len(ids))
	for i, id := range ids {
		cmds[i] = goredis.NewIntCmd(ctx, "EXISTS", s.k.record(id))
	}
	if err := s.pipeline(ctx, cmds); err != nil {
		return nil, fmt.Errorf("redis exists (%d ids): %w", len(ids), s.fail(err))
	}
	out := make([]bool, len(ids))
	for i, c := range cmds {
		out[i] = c.(*goredis.IntCmd).Val() == 1
	}
	return out, nil
}

// Delete removes ids and their postings: postings first, so that a
// Delete that fails midway leaves the record that lists what is left to
// remove, and the next Delete finishes the job.
func (s *Store) Delete(ctx context.Context, ids []string) error {
	if err := s.begin(ctx, "delete"); err != nil {
		return err
	}
	ids = slices.Compact(slices.Sorted(slices.Values(ids)))
	if len(ids) == 0 {
		return nil
	}
	err := s.redo(ctx, func() error {
		return s.withLocks(ctx, ids, func(ls []locked, token string) error {
			return s.remove(ctx, ls, token)
		})
	})
	if err != nil {
		return fmt.Errorf("redis delete %d documents: %w", len(ids), s.fail(err))
	}
	return nil
}

// remove deletes the locked documents, durably (see durable).
func (s *Store) remove(ctx context.Context, ls []locked, token string) error {
	rems := map[string][]any{}
	var cmds []goredis.Cmder
	var written []string
	for _, l := range ls {
		if l.old == nil {
			continue
		}
		m := member(l.id)
		b, t := postingKeys(s.k, l.old.bands, l.old.terms)
		for k := range b {
			rems[k] = append(rems[k], m)
		}
		for k := range t {
			rems[k] = append(rems[k], m)
		}
		cmds = append(cmds, eval(ctx, removeScript,
			[]string{s.k.lock(l.id), s.k.record(l.id), s.k.article(l.id), s.k.ids(shardOf(l.id))},
			token, m))
		written = append(written, s.k.record(l.id))
	}
	for k := range rems {
		written = append(written, k)
	}
	if len(cmds) == 0 {
		return nil
	}
	return s.durable(ctx, written, func() error {
		if err := s.pipeline(ctx, setCmds(ctx, "SREM", rems)); err != nil {
			return fmt.Errorf("remove postings: %w", err)
		}
		if err := s.pipeline(ctx, cmds); err != nil {
			return fmt.Errorf("remove documents: %w", err)
		}
		return nil
	})
}

// Signatures returns the signatures of ids.
func (s *Store) Signatures(ctx context.Context, ids []string) ([][]uint32, error) {
	if err := s.begin(ctx, "signatures"); err != nil {
		return nil, err
	}
	cmds := make([]goredis.Cmder, len(ids))
	for i, id := range ids {
		cmds[i] = goredis.NewStringCmd(ctx, "GET", s.k.record(id))
	}
	if err := s.pipeline(ctx, cmds); err != nil {
		return nil, fmt.Errorf("redis signatures (%d ids): %w", len(ids), s.fail(err))
	}
	out := make([][]uint32, len(ids))
	for i, c := range cmds {
		c := c.(*goredis.StringCmd)
		if c.Err() != nil { // redis.Nil: not stored
			continue
		}
		r, err := decodeRecord([]byte(c.Val()))
		if err != nil {
			return nil, fmt.Errorf("redis signatures: document %q: %w", ids[i], err)
		}
		out[i] = r.sig
		if out[i] == nil {
			out[i] = []uint32{}
		}
	}
	return out, nil
}

// BandPostings returns the ids holding each band key.
func (s *Store) BandPostings(ctx context.Context, bands []uint64, limit int) ([][]string, error) {
	if err := s.begin(ctx, "band postings"); err != nil {
		return nil, err
	}
	ks := make([]string, len(bands))
	for i, b := range bands {
		ks[i] = s.k.band(b)
	}
	out, err := s.postings(ctx, ks, limit)
	if err != nil {
		return nil, fmt.Errorf("redis band postings (%d keys): %w", len(bands), s.fail(err))
	}
	return out, nil
}

// TermPostings returns the ids holding each term.
func (s *Store) TermPostings(ctx context.Context, terms []string, limit int) ([][]string, error) {
	if err := s.begin(ctx, "term postings"); err != nil {
		return nil, err
	}
	ks := make([]string, len(terms))
	for i, t := range terms {
		ks[i] = s.k.term(t)
	}
	out, err := s.postings(ctx, ks, limit)
	if err != nil {
		return nil, fmt.Errorf("redis term postings (%d terms): %w", len(terms), s.fail(err))
	}
	return out, nil
}

// postings reads the sets at ks in one pipelined round. With a limit,
// SRANDMEMBER returns at most limit distinct members without reading the
// whole of a long, uninformative set.
func (s *Store) postings(ctx context.Context, ks []string, limit int) ([][]string, error) {
	cmds := make([]goredis.Cmder, len(ks))
	for i, k := range ks {
		if limit > 0 {
			cmds[i] = goredis.NewStringSliceCmd(ctx, "SRANDMEMBER", k, limit)
		} else {
			cmds[i] = goredis.NewStringSliceCmd(ctx, "SMEMBERS", k)
		}
	}
	if err := s.pipeline(ctx, cmds); err != nil {
		return nil, err
	}
	out := make([][]string, len(ks))
	for i, c := range cmds {
		ms := c.(*goredis.StringSliceCmd).Val()
		if len(ms) == 0 {
			continue
		}
		ids := make([]string, len(ms))
		for j, m := range ms {
			id, err := idOf(m)
			if err != nil {
				return nil, err
			}
			ids[j] = id
		}
		out[i] = ids
	}
	return out, nil
}

// Count returns the number of stored documents: the sum of the sizes of
// the shards' id sets.
func (s *Store) Count(ctx context.Context) (int64, error) {
	if err := s.begin(ctx, "count"); err != nil {
		return 0, err
	}
	cmds := make([]goredis.Cmder, shards)
	for i := range cmds {
		cmds[i] = goredis.NewIntCmd(ctx, "SCARD", s.k.ids(i))
	}
	if err := s.pipeline(ctx, cmds); err != nil {
		return 0, fmt.Errorf("redis count: %w", s.fail(err))
	}
	var n int64
	for _, c := range cmds {
		n += c.(*goredis.IntCmd).Val()
	}
	return n, nil
}

// Scan calls fn with every stored id, walking the shards' id sets with
// SSCAN, all shards a round.
func (s *Store) Scan(ctx context.Context, fn func(id string) error) error {
	if err := s.begin(ctx, "scan"); err != nil {
		return err
	}
	cursors := make(map[int]uint64, shards)
	for i := range shards {
		cursors[i] = 0
	}
	for len(cursors) > 0 {
		order := make([]int, 0, len(cursors))
		cmds := make([]goredis.Cmder, 0, len(cursors))
		for sh, cur := range cursors {
			order = append(order, sh)
			cmds = append(cmds, goredis.NewScanCmd(ctx, nil, "SSCAN", s.k.ids(sh), cur, "COUNT", 512))
		}
		if err := s.pipeline(ctx, cmds); err != nil {
			return fmt.Errorf("redis scan: %w", s.fail(err))
		}
		for i, c := range cmds {
			ms, next := c.(*goredis.ScanCmd).Val()
			for _, m := range ms {
				id, err := idOf(m)
				if err != nil {
					return fmt.Errorf("redis scan: %w", err)
				}
				if err := fn(id); err != nil {
					return err
				}
			}
			if next == 0 {
				delete(cursors, order[i])
			} else {
				cursors[order[i]] = next
			}
		}
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("redis scan: %w", err)
		}
	}
	return nil
}

// UsedMemory returns the sum of used_memory (INFO memory) over the
// masters, the figure to divide by Count for memory per document. It
// counts everything on those servers, not only this store's keys.
func (s *Store) UsedMemory(ctx context.Context) (int64, error) {
	if err := s.begin(ctx, "used memory"); err != nil {
		return 0, err
	}
	var total atomic.Int64
	one := func(ctx context.Context, c *goredis.Client) error {
		info, err := c.Info(ctx, "memory").Result()
		if err != nil {
			return fmt.Errorf("%s: %w", c.Options().Addr, err)
		}
		for _, line := range strings.Split(info, "\n") {
			if v, ok := strings.CutPrefix(strings.TrimSpace(line), "used_memory:"); ok {
				n, err := strconv.ParseInt(v, 10, 64)
				if err != nil {
					return fmt.Errorf("%s: used_memory %q: %w", c.Options().Addr, v, err)
				}
				total.Add(n)
			}
		}
		return nil
	}
	var err error
	if s.cluster != nil {
		err = s.cluster.ForEachMaster(ctx, one)
	} else {
		err = one(ctx, s.rdb.(*goredis.Client))
	}
	if err != nil {
		return 0, fmt.Errorf("redis used memory: %w", err)
	}
	return total.Load(), nil
}
