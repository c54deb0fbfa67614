package source

import (
	"testing"
	"time"
)

func TestRobots(t *testing.T) {
	const txt = `# robots.txt of an invented news site
User-agent: *
Disallow: /private
Disallow: /search

User-agent: OtherBot
User-agent: wiretrace
Disallow: /drafts/
Allow: /drafts/public$
Disallow: /*.pdf$
Disallow: /tmp*/cache
Crawl-delay: 2.5

User-agent: BadBot
Disallow: /
`
	tests := []struct {
		name, robots, agent, path string
		want                      bool
	}{
		{"own group replaces the star group", txt, "wiretrace", "/private/x", true},
		{"own group disallows", txt, "wiretrace", "/drafts/story", false},
		{"longer allow wins", txt, "wiretrace", "/drafts/public", true},
		{"anchored allow does not match longer paths", txt, "wiretrace", "/drafts/public/2", false},
		{"wildcard with end anchor", txt, "wiretrace", "/files/report.pdf", false},
		{"end anchor", txt, "wiretrace", "/files/report.pdf?x=1", true},
		{"wildcard in the middle", txt, "wiretrace", "/tmp-2026/cache/page", false},
		{"agent matched without case", txt, "WireTrace", "/drafts/story", false},
		{"star group for other agents", txt, "somebot", "/search?q=x", false},
		{"star group allows the rest", txt, "somebot", "/news/ferry.html", true},
		{"empty robots allows all", "", "wiretrace", "/anything", true},
		{"empty disallow allows all", "User-agent: *\nDisallow:\n", "wiretrace", "/x", true},
		{"disallow all", "User-agent: *\nDisallow: /\n", "wiretrace", "/x", false},
		{"rules before any group are ignored", "Disallow: /\nUser-agent: *\nAllow: /\n", "wiretrace", "/x", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := parseRobots([]byte(tc.robots), tc.agent).allowed(tc.path); got != tc.want {
				t.Errorf("allowed(%q) = %v, want %v", tc.path, got, tc.want)
			}
		})
	}
	if d := parseRobots([]byte(txt), "wiretrace").delay; d != 2500*time.Millisecond {
		t.Errorf("Crawl-delay %v, want 2.5s", d)
	}
	if d := parseRobots([]byte("User-agent: *\nCrawl-delay: 86400\n"), "wiretrace").delay; d != maxCrawlDelay {
		t.Errorf("Crawl-delay %v, want the %v cap", d, maxCrawlDelay)
	}
}

// FuzzRobots checks that no robots.txt makes the parser or matcher panic
// or hang.
func FuzzRobots(f *testing.F) {
	f.Add([]byte("User-agent: *\nDisallow: /a*b$\nAllow: /a\nCrawl-delay: 1\n"), "/a/b")
	f.Add([]byte("User-agent: wiretrace\nDisallow: /**$\n"), "/x$")
	f.Fuzz(func(t *testing.T, data []byte, path string) {
		parseRobots(data, "wiretrace").allowed(path)
	})
}
