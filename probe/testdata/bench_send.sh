#!/usr/bin/env bash
# Compares `apierr send --no-history URL` as a whole process with
# `curl -s URL`, against the same loopback server, N runs each,
# interleaved so load on the machine affects both alike.
# Target (issue 11): apierr ≤ 1.3× curl. Usage: probe/testdata/bench_send.sh [N]
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
mkdir -p "$tmp/data" "$tmp/config"
export XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config NO_COLOR=1

# Warm up both (page cache, first connection).
"$tmp/apierr" send --no-history "$url" >/dev/null || { echo "apierr send failed on the warm-up run: the figure would time an error" >&2; exit 1; }
curl -s "$url" >/dev/null

now() { date +%s%N; }
apierr_ns=0 curl_ns=0
for _ in $(seq "$n"); do
  t0=$(now); "$tmp/apierr" send --no-history "$url" >/dev/null || true; t1=$(now)
  curl -s "$url" >/dev/null; t2=$(now)
  apierr_ns=$((apierr_ns + t1 - t0)) curl_ns=$((curl_ns + t2 - t1))
done
awk -v a="$apierr_ns" -v c="$curl_ns" -v n="$n" 'BEGIN {
  printf "wall time, interleaved:\n  apierr send: %.2f ms/run\n  curl -s:     %.2f ms/run\n  ratio:       %.2fx (target <= 1.3x), %d runs each\n", a/n/1e6, c/n/1e6, a/c, n
}'

# CPU time (user+sys) of the processes, which other load on the machine
# disturbs less than wall time.
TIMEFORMAT=%U+%S
cpu() { { time (for _ in $(seq "$n"); do "$@" >/dev/null || true; done) ; } 2>&1 | awk -F+ '{print $1 + $2}'; }
a_cpu=$(cpu "$tmp/apierr" send --no-history "$url")
c_cpu=$(cpu curl -s "$url")
awk -v a="$a_cpu" -v c="$c_cpu" -v n="$n" 'BEGIN {
  printf "cpu time:\n  apierr send: %.2f ms/run\n  curl -s:     %.2f ms/run\n  ratio:       %.2fx\n", a*1000/n, c*1000/n, a/c
}'
