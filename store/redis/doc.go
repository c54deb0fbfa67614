// Package redis is the store.Store backend on Redis Cluster (or a single
// Redis server), for indexes that outgrow one machine: the way datasketch
// keeps MinHash LSH buckets in Redis, an existing sharded and replicated
// engine holds wiretrace's documents and postings.
//
// # Key layout
//
// With the default prefix "wt:", and s = xxhash(id) mod 1024 (a "shard"):
//
//	wt:{s}:r:<id>   string  record: signature, band keys, terms, meta
//	wt:{s}:a:<id>   string  the article JSON, zstd-compressed
//	wt:{s}:l:<id>   string  writer lock (a random token, expires)
//	wt:{s}:ids      set     the ids of shard s, for Count and Scan
//	wt:b:<8 bytes>  set     LSH band posting: the members of a band key
//	wt:t:<term>     set     term posting
//	wt:layout       string  layout version and shard count, checked at Open
//
// Only a document's own keys share a hash tag ({s}): its record, article,
// lock and its shard's id set live in one slot, so that one Lua script
// writes them together and Get never sees half a document. Band and term
// postings carry no tag, so they spread over every master by their own
// hash, and so does the read load of a trace. 1024 shards are many more
// than any cluster has masters, so documents spread evenly too.
//
// Posting members are 64-bit integers when the id is 16 lowercase hex
// digits (wiretrace's content-hash ids): Redis keeps a set of integers as a
// compact intset (8 bytes a member) instead of a hash table of strings,
// which divides the memory of postings several times (see
// RecommendedConfig for the server setting that keeps long sets compact).
// Any other id is stored as "s" followed by the id.
//
// # Writes
//
// Put takes each document's lock (reading its previous record in the same
// script), adds the new postings, writes the record and article (and
// releases the lock in the same script when nothing else is left to do),
// else removes the postings the previous version had and the new one
// lacks and then releases the lock: three pipelined round trips for a
// whole batch of new documents, five when some replace a different
// version, each split per master by go-redis and sent to the masters in
// parallel, plus one per master to confirm replication.
// Postings are written before the document, so that a document Get returns
// is always findable; the lock makes concurrent replacements of one id
// leave exactly the postings of the version that won. A lock expires after
// 15 s, so that a writer that died does not block its documents for long;
// a live writer slowed past that still commits when nobody has changed the
// document since it read it (a SHA-1 of the record, checked in the script). Every step is
// idempotent, so a step that fails on a connection error or during a
// failover is retried as is.
//
// When a master has replicas, Put and Delete return only after at least
// one replica of every master they wrote to has acknowledged the writes
// (Redis WAIT), so that a failover after an acknowledged write loses
// nothing. Without replicas, durability is whatever the servers'
// persistence gives (appendonly yes, appendfsync always for none lost).
package redis
