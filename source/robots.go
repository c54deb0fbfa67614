package source

import (
	"bufio"
	"bytes"
	"strconv"
	"strings"
	"time"
)

// robots is the part of a site's robots.txt that applies to wiretrace
// (RFC 9309): the rules of the most specific matching user-agent group.
type robots struct {
	rules []robotsRule
	// delay is the group's Crawl-delay (not in RFC 9309, but widely
	// used by news sites to ask for slower crawling); 0 when absent.
	delay time.Duration
}

type robotsRule struct {
	allow   bool
	pattern string
}

// maxCrawlDelay caps a Crawl-delay: some sites ask for hours, which would
// stall a run over a handful of pages; a minute is already very polite.
const maxCrawlDelay = time.Minute

// parseRobots reads a robots.txt for the user agent token agent (matched
// case-insensitively as RFC 9309 says; "*" groups apply when no group
// names it).
func parseRobots(data []byte, agent string) *robots {
	agent = strings.ToLower(agent)
	type group struct {
		agents []string
		r      robots
	}
	var groups []*group
	var cur *group
	inAgents := false
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), 64<<10)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key = strings.ToLower(strings.TrimSpace(key))
		val = strings.TrimSpace(val)
		switch key {
		case "user-agent":
			// Consecutive user-agent lines open one group together.
			if cur == nil || !inAgents {
				cur = &group{}
				groups = append(groups, cur)
			}
			cur.agents = append(cur.agents, strings.ToLower(val))
			inAgents = true
		case "allow", "disallow":
			inAgents = false
			if cur == nil {
				continue
			}
			if val == "" {
				// "Disallow:" with nothing allows everything.
				continue
			}
			cur.r.rules = append(cur.r.rules, robotsRule{allow: key == "allow", pattern: val})
		case "crawl-delay":
			inAgents = false
			if cur == nil {
				continue
			}
			if sec, err := strconv.ParseFloat(val, 64); err == nil && sec > 0 {
				d := time.Duration(sec * float64(time.Second))
				if d > maxCrawlDelay || d < 0 {
					d = maxCrawlDelay
				}
				cur.r.delay = d
			}
		default:
			inAgents = false
		}
	}
	// The group naming our agent wins over "*"; several matching groups
	// are merged, as RFC 9309 asks.
	var mine, star robots
	var foundMine bool
	for _, g := range groups {
		for _, a := range g.agents {
			switch {
			case a == "*":
				star.rules = append(star.rules, g.r.rules...)
				star.delay = max(star.delay, g.r.delay)
			case a != "" && strings.HasPrefix(agent, a):
				foundMine = true
				mine.rules = append(mine.rules, g.r.rules...)
				mine.delay = max(mine.delay, g.r.delay)
			default:
				continue
			}
			break
		}
	}
	if foundMine {
		return &mine
	}
	return &star
}

// allowed reports whether path (with its query) may be fetched: the
// longest matching rule decides, and allow wins a tie (RFC 9309 2.2.2).
func (r *robots) allowed(path string) bool {
	if r == nil {
		return true
	}
	best, allow := -1, true
	for _, rule := range r.rules {
		if !robotsMatch(rule.pattern, path) {
			continue
		}
		n := len(rule.pattern)
		if n > best || (n == best && rule.allow) {
			best, allow = n, rule.allow
		}
	}
	return allow
}

// robotsMatch matches a robots.txt path pattern: a prefix, where "*" is
// any run of characters and a final "$" anchors the end.
func robotsMatch(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	if anchored {
		pattern = pattern[:len(pattern)-1]
	}
	parts := strings.Split(pattern, "*")
	if !strings.HasPrefix(path, parts[0]) {
		return false
	}
	rest := path[len(parts[0]):]
	for i, p := range parts[1:] {
		if i == len(parts)-2 && anchored {
			return strings.HasSuffix(rest, p)
		}
		j := strings.Index(rest, p)
		if j < 0 {
			return false
		}
		rest = rest[j+len(p):]
	}
	return !anchored || rest == "" || (len(parts) > 1 && parts[len(parts)-1] == "")
}
