package redis

// RecommendedConfig returns the redis-server settings, beyond Debian's
// defaults, that the memory figures in README.md were measured with, as
// redis-server command-line options (in redis.conf, drop the dashes).
//
// set-max-intset-entries: a posting set of integer ids (see the package
// doc) stays a compact intset, 8 bytes a member, up to this many members,
// and becomes a hash table of strings, about 60 bytes a member, beyond.
// At the default of 512, the postings of the few common terms (a name in
// every tenth story) took 1.4 KB per article in the 10,000-article
// benchmark; at 65,536 they took 0.28 KB. Adding to an intset moves half
// of it in memory, some microseconds at 65,536 members, so ingest pays
// little.
func RecommendedConfig() []string {
	return []string{"--set-max-intset-entries", "65536"}
}
