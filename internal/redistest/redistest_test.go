package redistest

import (
	"context"
	"strings"
	"testing"
	"time"
)

func TestServer(t *testing.T) {
	n := Server(t)
	ctx := context.Background()
	if _, err := n.Do(ctx, "SET", "k", "v"); err != nil {
		t.Fatal(err)
	}
	got, err := n.Do(ctx, "GET", "k")
	if err != nil || got != "v" {
		t.Fatalf("GET k = %q, %v; want v", got, err)
	}
	if err := n.Kill(); err != nil {
		t.Fatal(err)
	}
	if n.Alive() {
		t.Fatal("node alive after Kill")
	}
	if _, err := n.Do(ctx, "PING"); err == nil {
		t.Fatal("PING answered after Kill")
	}
}

func TestCluster(t *testing.T) {
	for _, tc := range []struct {
		name              string
		masters, replicas int
	}{
		{"3 masters", 3, 0},
		{"3 masters 3 replicas", 3, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			c := NewCluster(t, tc.masters, tc.replicas)
			t.Logf("cluster of %d nodes up in %v", len(c.Nodes), time.Since(start))
			if got, want := len(c.Nodes), tc.masters*(1+tc.replicas); got != want {
				t.Fatalf("nodes = %d, want %d", got, want)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			ms, err := c.Masters(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(ms) != tc.masters {
				t.Fatalf("masters = %d, want %d", len(ms), tc.masters)
			}
			for _, n := range c.Nodes {
				info, err := n.Do(ctx, "CLUSTER", "INFO")
				if err != nil {
					t.Fatal(err)
				}
				if !strings.Contains(info, "cluster_state:ok") {
					t.Fatalf("%s: %s", n.Addr, info)
				}
			}
			if tc.replicas == 0 {
				return
			}
			// Kill a master: its replica must take over and the
			// cluster must be ok again within a few node timeouts.
			if err := ms[0].Kill(); err != nil {
				t.Fatal(err)
			}
			start = time.Now()
			if err := c.WaitOK(ctx); err != nil {
				t.Fatal(err)
			}
			t.Logf("failover done in %v", time.Since(start))
			ms2, err := c.Masters(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(ms2) != tc.masters {
				t.Fatalf("masters after failover = %d, want %d", len(ms2), tc.masters)
			}
		})
	}
}

func TestCPUTime(t *testing.T) {
	n := Server(t)
	before, err := n.CPUTime()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for i := 0; i < 2000; i++ {
		if _, err := n.Do(ctx, "PING"); err != nil {
			t.Fatal(err)
		}
	}
	after, err := n.CPUTime()
	if err != nil {
		t.Fatal(err)
	}
	if after < before {
		t.Errorf("CPU time went back from %v to %v", before, after)
	}
	t.Logf("2000 PINGs on fresh connections: %v of server CPU", after-before)
}
