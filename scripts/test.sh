#!/usr/bin/env bash
# Runs every test of wiretrace: installs what the tests need when it is
# missing (Debian's redis-server, chromium and wordnet), then gofmt, go vet
# (of the module and of bench/), staticcheck, go test -race over the whole
# module but the quality floors, then the quality floors (internal/eval, and
# extract's benchmark-wide tests) without the race detector.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v redis-server >/dev/null || need+=(redis-server)
command -v chromium >/dev/null || need+=(chromium)
[ -d /usr/share/wordnet ] || need+=(wordnet-base)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing ${need[*]} from Debian's packages" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "missing ${need[*]}: tests that need them will skip (run as root to install)" >&2
  fi
fi

go mod download
unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
if [ -n "$unformatted" ]; then
  echo "gofmt wants to change: $unformatted" >&2
  exit 1
fi
go vet ./...
# staticcheck: unused code, simplifications and suspicious constructs that
# vet does not look for. Pinned, fetched through the module proxy like the
# module's own dependencies.
go run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...
# The speed benchmark against go-trafilatura is its own module (the product
# never depends on a peer); make sure it still builds against our API.
(cd bench && go vet ./...)
# internal/eval runs the whole evaluation sets through code that the other
# packages' tests already run under the race detector; under -race it costs
# five to ten times the CPU for no extra coverage, so it runs without it.
go test -race -timeout 15m $(go list ./... | grep -v '/internal/eval$') "$@"
go test -timeout 15m ./internal/eval "$@"
# extract's benchmark-wide figures (text dumps, page addresses) skip under
# the race detector for the same reason.
go test -timeout 5m -run 'TestTextDumpBenchmark|TestURLBenchmark' ./extract "$@"
