#!/usr/bin/env bash
# Compares `apierr send --no-history URL` as a whole process with
# `curl -s URL`, against the same loopback server, N runs each,
# interleaved so load on the machine affects both alike.
# Target: apierr ≤ 1.5× curl. Usage: probe/testdata/bench_send.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
export CGO_ENABLED=0
n=${1:-200}
tmp=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$tmp"' EXIT

go build -o "$tmp/apierr" .
go build -o "$tmp/benchserver" ./probe/testdata/benchserver
"$tmp/benchserver" >"$tmp/url" &
server=$!
for _ in $(seq 50); do [[ -s $tmp/url ]] && break; sleep 0.1; done
url=$(cat "$tmp/url")
export XDG_DATA_HOME=$tmp XDG_CONFIG_HOME=$tmp NO_COLOR=1

# Warm up both (page cache, first connection).
"$tmp/apierr" send --no-history "$url" >/dev/null || true
curl -s "$url" >/dev/null

now() { date +%s%N; }
apierr_ns=0 curl_ns=0
for _ in $(seq "$n"); do
  t0=$(now); "$tmp/apierr" send --no-history "$url" >/dev/null || true; t1=$(now)
  curl -s "$url" >/dev/null; t2=$(now)
  apierr_ns=$((apierr_ns + t1 - t0)) curl_ns=$((curl_ns + t2 - t1))
done
awk -v a="$apierr_ns" -v c="$curl_ns" -v n="$n" 'BEGIN {
  printf "apierr send: %.2f ms/run\ncurl -s:     %.2f ms/run\nratio:       %.2fx (target <= 1.5x), %d runs each\n", a/n/1e6, c/n/1e6, a/c, n
}'
