#!/usr/bin/env bash
# CPU time one JVM spends per answered request: wrk against a URL while the JVM's user+system time (from
# /proc/<pid>/stat) is read before and after. On a shared machine latency is mostly queueing; CPU per request
# is what a change to the service moves. Prints requests, req/s, p50, p99, CPU ms/request and the load average.
#   bench/cpu-per-request.sh PID URL TOKEN CONNECTIONS SECONDS [more wrk options, e.g. -s bench/paced.lua]
# With -s bench/paced.lua set BENCH_INTERVAL_MS (connections * 1000 / rate). Only 127.0.0.1 URLs, please.
set -euo pipefail
pid="$1" url="$2" token="$3" connections="$4" seconds="$5"
shift 5
[[ $url == http://127.0.0.1:* ]] || { echo "only 127.0.0.1 URLs" >&2; exit 2; }
ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
before="$(ticks)"
out="$(wrk -t2 -c"$connections" -d"${seconds}s" --latency --timeout 5s -H "Authorization: Bearer $token" "$@" "$url")"
after="$(ticks)"
requests="$(grep -o '[0-9]* requests in' <<<"$out" | awk '{ print $1 }')"
awk -v r="$requests" -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" \
  -v rps="$(awk '/Requests\/sec/ { print $2 }' <<<"$out")" -v p50="$(awk '$1 == "50%" { print $2 }' <<<"$out")" \
  -v p99="$(awk '$1 == "99%" { print $2 }' <<<"$out")" -v load="$(cut -d' ' -f1 /proc/loadavg)" \
  'BEGIN { printf "requests %d  req/s %s  p50 %s  p99 %s  CPU %.2f ms/request  load %s\n", r, rps, p50, p99, (r ? t * 1000 / hz / r : 0), load }'
