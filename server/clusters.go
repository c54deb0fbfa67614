package server

import (
	"context"
	"net/http"
	"strconv"
	"sync"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/cluster"
	"github.com/wiretrace/wiretrace/index"
)

// storyClusters holds the index's story clusters, built on first use by
// replaying the index, then kept up to date by the server's own writes.
type storyClusters struct {
	once sync.Once
	c    *cluster.Clusters
	err  error
}

// clusters returns the story clusters of the server's index, building them
// the first time.
func (s *Server) clusters(ctx context.Context) (*cluster.Clusters, error) {
	s.storyClusters.once.Do(func() {
		s.storyClusters.c, s.storyClusters.err = cluster.Build(context.WithoutCancel(ctx), s.opts.Index, cluster.Options{})
	})
	return s.storyClusters.c, s.storyClusters.err
}

// clustered adds an article the server is about to store to its story
// cluster, unless it is stored already, and puts its story in meta so
// that it is stored with it (cluster.Build finds it there after a
// restart). The function it returns takes the article out again, for a
// store that failed.
func (s *Server) clustered(ctx context.Context, a *article.Article, meta map[string]string) (undo func()) {
	c, err := s.clusters(ctx)
	if err != nil {
		return func() {}
	}
	id := a.ID()
	if there, err := s.opts.Index.Exists(ctx, id); err != nil || there {
		return func() {}
	}
	// OnIndexed's meta: the story, and the earlier articles standing
	// alone that the article absorbed into its cluster (an undone store
	// gives them back).
	for k, v := range c.OnIndexed(id, a, index.FingerprintOf(a)) {
		meta[k] = v
	}
	return func() { c.Remove(id) }
}

// listOptions reads the min_size and limit parameters of a cluster list.
func listOptions(r *http.Request) (cluster.ListOptions, error) {
	opts := cluster.ListOptions{MinSize: 2, Limit: 50, Relations: true}
	for _, p := range []struct {
		name string
		dst  *int
		max  int
	}{{"min_size", &opts.MinSize, 1 << 20}, {"limit", &opts.Limit, 500}} {
		if v := r.URL.Query().Get(p.name); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n <= 0 || n > p.max {
				return opts, badRequest("clusters: %s %q: want a number from 1 to %d", p.name, v, p.max)
			}
			*p.dst = n
		}
	}
	return opts, nil
}

// listStories lists the story clusters, each member compared with its
// cluster's original.
func (s *Server) listStories(r *http.Request) ([]cluster.Story, error) {
	if s.opts.Index == nil {
		return nil, errNoIndex
	}
	opts, err := listOptions(r)
	if err != nil {
		return nil, err
	}
	opts.Trace = s.opts.Trace
	c, err := s.clusters(r.Context())
	if err != nil {
		return nil, err
	}
	release, err := s.acquire(r.Context())
	if err != nil {
		return nil, err
	}
	defer release()
	return cluster.Stories(r.Context(), s.opts.Index, c, opts)
}

func (s *Server) listClusters(w http.ResponseWriter, r *http.Request) {
	st, err := s.listStories(r)
	if err != nil {
		fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, cluster.List{Clusters: st})
}

func (s *Server) uiClusters(w http.ResponseWriter, r *http.Request) {
	p := &page{Nav: "clusters", HasIndex: s.opts.Index != nil}
	if s.opts.Index != nil {
		st, err := s.listStories(r)
		if err != nil {
			s.uiError(w, err)
			return
		}
		p.Stories = st
	}
	s.render(w, http.StatusOK, "clusters", p)
}
