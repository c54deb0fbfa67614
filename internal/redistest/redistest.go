// Package redistest starts real redis-server processes for tests: a single
// node, or a Redis Cluster of M masters with R replicas each, on free
// loopback ports with their files in the test's temporary directory.
//
// Nothing is mocked: the processes are Debian's redis-server, and the
// cluster is created with redis-cli --cluster create, exactly as an operator
// would. Every process started is killed by its PID when the test ends
// (t.Cleanup), and also when the test binary itself dies (Linux parent-death
// signal), so a failed or timed-out test leaves no server behind.
//
// When redis-server is not installed the calling test skips with a message
// that says how to install it; under CI=true it fails instead, because CI
// installs it (scripts/test.sh) and a silent skip would hide the backend.
package redistest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// NodeTimeout is the cluster-node-timeout given to cluster nodes. Redis's
// default is 15 s, which would make a failover test wait ~30 s; 1 s keeps a
// master's failover to its replica within ~2-3 s on loopback while staying
// well above the loopback round trip, so a busy 2-core machine does not
// produce false failure reports.
const NodeTimeout = time.Second

// startTimeout bounds how long one server may take to answer PING.
const startTimeout = 10 * time.Second

// clusterTimeout bounds how long a cluster may take to reach cluster_state:ok
// on every node after redis-cli --cluster create returns.
const clusterTimeout = 30 * time.Second

// Node is one running redis-server process.
type Node struct {
	// Addr is host:port of the server on loopback.
	Addr string
	// Dir holds the server's files (nodes.conf, log).
	Dir string

	cmd  *exec.Cmd
	done chan struct{} // closed when the process has exited and been reaped

	mu     sync.Mutex
	killed bool
}

// PID is the process id of the server.
func (n *Node) PID() int { return n.cmd.Process.Pid }

// Kill sends SIGKILL to the server (a crash, not a shutdown: no save, no
// goodbye to the cluster) and waits until the process has exited. Killing
// a node twice is harmless.
func (n *Node) Kill() error {
	n.mu.Lock()
	already := n.killed
	n.killed = true
	n.mu.Unlock()
	if !already {
		if err := syscall.Kill(n.PID(), syscall.SIGKILL); err != nil && !errors.Is(err, syscall.ESRCH) {
			return fmt.Errorf("kill redis-server %s (pid %d): %w", n.Addr, n.PID(), err)
		}
	}
	select {
	case <-n.done:
		return nil
	case <-time.After(10 * time.Second):
		return fmt.Errorf("kill redis-server %s (pid %d): still running 10s after SIGKILL", n.Addr, n.PID())
	}
}

// Alive reports whether the process is still running.
func (n *Node) Alive() bool {
	select {
	case <-n.done:
		return false
	default:
		return true
	}
}

// CPUTime returns the CPU time (user and system) the server process has
// used so far, from /proc (Linux only). Benchmarks divide it by the work
// done to get a server cost that does not depend on how busy the machine
// is, unlike wall time.
func (n *Node) CPUTime() (time.Duration, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", n.PID()))
	if err != nil {
		return 0, fmt.Errorf("cpu time of redis-server %s: %w", n.Addr, err)
	}
	// Fields after the command name, which is in parentheses and may
	// hold spaces: state is field 3, utime 14 and stime 15.
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(f) < 13 {
		return 0, fmt.Errorf("cpu time of redis-server %s: short /proc stat %q", n.Addr, s)
	}
	var ticks int64
	for _, x := range f[11:13] {
		v, err := strconv.ParseInt(x, 10, 64)
		if err != nil {
			return 0, fmt.Errorf("cpu time of redis-server %s: %w", n.Addr, err)
		}
		ticks += v
	}
	// Linux reports in USER_HZ, 100 a second on every architecture Go
	// supports.
	return time.Duration(ticks) * 10 * time.Millisecond, nil
}

// Log returns the server's log, for failure messages.
func (n *Node) Log() string {
	b, _ := os.ReadFile(filepath.Join(n.Dir, "redis.log"))
	return string(b)
}

// Do sends one command to this node over a fresh connection and returns the
// reply rendered as text (bulk strings as is, arrays one element a line).
// It is enough for the administrative commands tests need (CLUSTER INFO,
// INFO memory, CLUSTER NODES) without tying the helper to a client library.
func (n *Node) Do(ctx context.Context, args ...string) (string, error) {
	return do(ctx, n.Addr, args...)
}

// Cluster is a running Redis Cluster.
type Cluster struct {
	// Nodes are all nodes in the order they were created; with R replicas
	// per master, redis-cli makes the first M nodes the masters.
	Nodes []*Node
}

// Addrs lists host:port of every node, the seed list a client needs.
func (c *Cluster) Addrs() []string {
	out := make([]string, len(c.Nodes))
	for i, n := range c.Nodes {
		out[i] = n.Addr
	}
	return out
}

// Node returns the node listening on addr, or nil.
func (c *Cluster) Node(addr string) *Node {
	for _, n := range c.Nodes {
		if n.Addr == addr {
			return n
		}
	}
	return nil
}

// Masters returns the live nodes that currently serve slots as masters, as
// seen by the first live node's CLUSTER NODES.
func (c *Cluster) Masters(ctx context.Context) ([]*Node, error) {
	var errs []error
	for _, n := range c.Nodes {
		if !n.Alive() {
			continue
		}
		out, err := n.Do(ctx, "CLUSTER", "NODES")
		if err != nil {
			errs = append(errs, err)
			continue
		}
		var ms []*Node
		for _, line := range strings.Split(out, "\n") {
			f := strings.Fields(line)
			// <id> <ip:port@cport> <flags> <master> <ping> <pong> <epoch> <state> <slots...>
			if len(f) < 9 || !strings.Contains(f[2], "master") || strings.Contains(f[2], "fail") {
				continue
			}
			addr, _, _ := strings.Cut(f[1], "@")
			if m := c.Node(addr); m != nil && m.Alive() {
				ms = append(ms, m)
			}
		}
		return ms, nil
	}
	return nil, fmt.Errorf("list masters: no live node answered: %w", errors.Join(errs...))
}

// WaitOK waits until every live node reports cluster_state:ok, counts all
// 16384 slots as ok, and sees every slot served by a master that is in fact
// running, or ctx ends. The last condition matters right after a Kill: the
// survivors keep saying ok until they notice the loss (NodeTimeout).
func (c *Cluster) WaitOK(ctx context.Context) error {
	var last string
	for {
		last = c.notOK(ctx)
		if last == "" {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("wait for cluster_state:ok: %w (last: %s)", ctx.Err(), last)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// notOK returns why the cluster is not ok yet, or "" when it is.
func (c *Cluster) notOK(ctx context.Context) string {
	for _, n := range c.Nodes {
		if !n.Alive() {
			continue
		}
		info, err := n.Do(ctx, "CLUSTER", "INFO")
		if err != nil {
			return err.Error()
		}
		if !strings.Contains(info, "cluster_state:ok") || !strings.Contains(info, "cluster_slots_ok:16384") {
			return n.Addr + ": " + firstLines(info, 3)
		}
		nodes, err := n.Do(ctx, "CLUSTER", "NODES")
		if err != nil {
			return err.Error()
		}
		for _, line := range strings.Split(nodes, "\n") {
			f := strings.Fields(line)
			if len(f) < 9 || !strings.Contains(f[2], "master") {
				continue // a replica, or a master without slots
			}
			addr, _, _ := strings.Cut(f[1], "@")
			if m := c.Node(addr); m != nil && !m.Alive() {
				return fmt.Sprintf("%s still sees dead %s serving slots %s", n.Addr, addr, f[8])
			}
		}
	}
	return ""
}

// Server starts one standalone redis-server (not in cluster mode) and
// returns it; it is killed when the test ends. config adds server options
// as command-line pairs ("--maxmemory", "1gb").
func Server(t testing.TB, config ...string) *Node {
	t.Helper()
	requireServer(t)
	n, err := startNode(t, false, 0, config)
	if err != nil {
		t.Fatalf("start redis-server: %v", err)
	}
	return n
}

// NewCluster starts masters×(1+replicas) cluster-mode redis-server processes
// and joins them with redis-cli --cluster create, then waits until every node
// says cluster_state:ok. Every process is killed when the test ends.
// Redis Cluster needs at least 3 masters. config adds server options to
// every node, as for Server.
func NewCluster(t testing.TB, masters, replicas int, config ...string) *Cluster {
	t.Helper()
	requireServer(t)
	if masters < 3 {
		t.Fatalf("redistest: a Redis Cluster needs at least 3 masters, asked for %d", masters)
	}
	c := &Cluster{}
	// Ports picked with Listen(":0") can be taken again by someone else
	// between our release and redis-server's bind, so a failed creation
	// is retried with fresh ports.
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		c.Nodes, err = startNodes(t, masters*(1+replicas), config)
		if err == nil {
			err = create(t, c, replicas)
		}
		if err == nil {
			return c
		}
		for _, n := range c.Nodes {
			_ = n.Kill()
		}
		t.Logf("redistest: cluster creation attempt %d failed: %v", attempt+1, err)
	}
	t.Fatalf("start redis cluster of %d masters with %d replicas each: %v", masters, replicas, err)
	return nil
}

// startNodes starts n cluster-mode nodes concurrently.
func startNodes(t testing.TB, n int, config []string) ([]*Node, error) {
	nodes := make([]*Node, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range nodes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			nodes[i], errs[i] = startNode(t, true, i, config)
		}()
	}
	wg.Wait()
	var live []*Node
	for _, nd := range nodes {
		if nd != nil {
			live = append(live, nd)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return live, err
	}
	return nodes, nil
}

// create runs redis-cli --cluster create over the nodes and waits for the
// cluster to be ok everywhere.
func create(t testing.TB, c *Cluster, replicas int) error {
	ctx, cancel := context.WithTimeout(context.Background(), clusterTimeout)
	defer cancel()
	args := append([]string{"--cluster", "create"}, c.Addrs()...)
	args = append(args, "--cluster-replicas", strconv.Itoa(replicas), "--cluster-yes")
	cmd := exec.CommandContext(ctx, "redis-cli", args...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("redis-cli --cluster create: %w\n%s", err, out)
	}
	if err := c.WaitOK(ctx); err != nil {
		return err
	}
	// Replicas report cluster_state:ok before their replication link is
	// up; a failover test that kills a master too early would find no
	// replica able to take over. Wait until every replica is in sync.
	for _, n := range c.Nodes {
		for {
			info, err := n.Do(ctx, "INFO", "replication")
			if err != nil {
				return err
			}
			if !strings.Contains(info, "role:slave") || strings.Contains(info, "master_link_status:up") {
				break
			}
			select {
			case <-ctx.Done():
				return fmt.Errorf("wait for replica %s to sync: %w", n.Addr, ctx.Err())
			case <-time.After(50 * time.Millisecond):
			}
		}
	}
	t.Logf("redistest: cluster up: %s", strings.Join(c.Addrs(), ","))
	return nil
}

// startNode starts one redis-server on a free loopback port, retrying with a
// new port when the chosen one turns out to be taken.
func startNode(t testing.TB, cluster bool, i int, config []string) (*Node, error) {
	var err error
	for attempt := 0; attempt < 5; attempt++ {
		var n *Node
		n, err = tryStartNode(t, cluster, i, config)
		if err == nil {
			return n, nil
		}
	}
	return nil, err
}

func tryStartNode(t testing.TB, cluster bool, i int, config []string) (*Node, error) {
	port, err := freePort(cluster)
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp(t.TempDir(), fmt.Sprintf("redis-%d-", i))
	if err != nil {
		return nil, fmt.Errorf("make redis dir: %w", err)
	}
	args := []string{
		"--port", strconv.Itoa(port),
		"--bind", "127.0.0.1",
		"--dir", dir,
		"--logfile", filepath.Join(dir, "redis.log"),
		"--daemonize", "no",
		"--protected-mode", "no",
		// Tests need no persistence; skipping it keeps the disk quiet.
		"--save", "",
		"--appendonly", "no",
	}
	if cluster {
		args = append(args,
			"--cluster-enabled", "yes",
			"--cluster-config-file", filepath.Join(dir, "nodes.conf"),
			"--cluster-node-timeout", strconv.Itoa(int(NodeTimeout/time.Millisecond)),
			// A replica whose link to the master broke only a moment ago
			// must still be allowed to take over in a failover test.
			"--cluster-replica-validity-factor", "0",
			// Redis waits 5 s by default before a diskless full sync in
			// case more replicas show up; ours are all there at once.
			"--repl-diskless-sync-delay", "0",
		)
	}
	args = append(args, config...)
	cmd := exec.Command("redis-server", args...)
	// The parent-death signal kills the server if the test binary dies
	// (panic, timeout, SIGKILL) before its cleanups run. It is tied to the
	// OS thread that forks, so that thread is kept for the goroutine
	// while the process starts; Go does not end threads that are not
	// locked, so the signal fires only when the whole binary exits.
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL, Setpgid: true}
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	runtime.LockOSThread()
	err = cmd.Start()
	runtime.UnlockOSThread()
	if err != nil {
		return nil, fmt.Errorf("start redis-server on port %d: %w", port, err)
	}
	n := &Node{Addr: "127.0.0.1:" + strconv.Itoa(port), Dir: dir, cmd: cmd, done: make(chan struct{})}
	go func() {
		_ = cmd.Wait()
		close(n.done)
	}()
	t.Cleanup(func() {
		if err := n.Kill(); err != nil {
			t.Errorf("redistest: %v", err)
		}
	})
	ctx, cancel := context.WithTimeout(context.Background(), startTimeout)
	defer cancel()
	for {
		if _, err := n.Do(ctx, "PING"); err == nil {
			return n, nil
		}
		select {
		case <-n.done:
			return nil, fmt.Errorf("redis-server on port %d exited at start: %s %s", port, stderr.String(), firstLines(n.Log(), 20))
		case <-ctx.Done():
			_ = n.Kill()
			return nil, fmt.Errorf("redis-server on port %d did not answer PING within %v: %s", port, startTimeout, firstLines(n.Log(), 20))
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// freePort asks the kernel for a free loopback port. A cluster node also
// binds port+10000 for its cluster bus, so that one must be free too.
func freePort(cluster bool) (int, error) {
	for attempt := 0; attempt < 50; attempt++ {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return 0, fmt.Errorf("find a free port: %w", err)
		}
		port := l.Addr().(*net.TCPAddr).Port
		if !cluster {
			l.Close()
			return port, nil
		}
		if port+10000 > 65535 {
			l.Close()
			continue
		}
		bus, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(port+10000))
		l.Close()
		if err != nil {
			continue
		}
		bus.Close()
		return port, nil
	}
	return 0, errors.New("find a free port pair (port, port+10000) for a cluster node: none after 50 tries")
}

// requireServer skips the test when redis-server or redis-cli is missing,
// and fails it under CI=true.
func requireServer(t testing.TB) {
	t.Helper()
	var missing []string
	for _, bin := range []string{"redis-server", "redis-cli"} {
		if _, err := exec.LookPath(bin); err != nil {
			missing = append(missing, bin)
		}
	}
	if len(missing) == 0 {
		return
	}
	msg := fmt.Sprintf("%s not found on PATH; install Debian's redis-server package (apt-get install redis-server) or run scripts/test.sh as root", strings.Join(missing, " and "))
	if os.Getenv("CI") == "true" {
		t.Fatalf("redis is required under CI=true: %s", msg)
	}
	t.Skipf("skipping: %s", msg)
}

// do sends one RESP command and reads one reply.
func do(ctx context.Context, addr string, args ...string) (string, error) {
	d := net.Dialer{Timeout: time.Second}
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return "", fmt.Errorf("redis %s %s: %w", addr, args[0], err)
	}
	defer conn.Close()
	deadline := time.Now().Add(5 * time.Second)
	if d, ok := ctx.Deadline(); ok && d.Before(deadline) {
		deadline = d
	}
	_ = conn.SetDeadline(deadline)
	var b strings.Builder
	fmt.Fprintf(&b, "*%d\r\n", len(args))
	for _, a := range args {
		fmt.Fprintf(&b, "$%d\r\n%s\r\n", len(a), a)
	}
	if _, err := conn.Write([]byte(b.String())); err != nil {
		return "", fmt.Errorf("redis %s %s: write: %w", addr, args[0], err)
	}
	out, err := readReply(bufio.NewReader(conn))
	if err != nil {
		return "", fmt.Errorf("redis %s %s: %w", addr, args[0], err)
	}
	return out, nil
}

// readReply reads one RESP2 reply; errors come back as Go errors.
func readReply(r *bufio.Reader) (string, error) {
	line, err := r.ReadString('\n')
	if err != nil {
		return "", fmt.Errorf("read reply: %w", err)
	}
	line = strings.TrimRight(line, "\r\n")
	if line == "" {
		return "", errors.New("read reply: empty line")
	}
	switch line[0] {
	case '+', ':':
		return line[1:], nil
	case '-':
		return "", errors.New(line[1:])
	case '$':
		size, err := strconv.Atoi(line[1:])
		if err != nil || size < 0 {
			return "", nil
		}
		buf := make([]byte, size+2)
		if _, err := io.ReadFull(r, buf); err != nil {
			return "", fmt.Errorf("read bulk reply: %w", err)
		}
		return string(buf[:size]), nil
	case '*':
		count, err := strconv.Atoi(line[1:])
		if err != nil || count < 0 {
			return "", nil
		}
		parts := make([]string, count)
		for i := range parts {
			if parts[i], err = readReply(r); err != nil {
				return "", err
			}
		}
		return strings.Join(parts, "\n"), nil
	}
	return "", fmt.Errorf("read reply: unexpected %q", line)
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, " | ")
}
