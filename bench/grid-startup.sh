#!/usr/bin/env bash
# First start of grid-service alone with demo-data generation, RUNS times, each on a fresh temporary data
# directory: wall time from launch to readiness UP, the JVM's CPU seconds at that moment, and the demo
# generators' own log lines. Prints a line per run and the medians. Nothing else of the suite is started
# (grid needs no other service to start). Stops the JVM it started.
#   bench/grid-startup.sh [RUNS]          # default 3
# Environment: GRID_SERVICE_PORT (default 28081), JAVA_OPTS (default: run.sh's), GRID_JAR (default: the
# module's built jar), EXTRA_OPTS (added, e.g. -XX:StartFlightRecording=...).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-3}"
port="${GRID_SERVICE_PORT:-28081}"
jar="${GRID_JAR:-grid-service/target/grid-service-0.1.0-SNAPSHOT.jar}"
opts="${JAVA_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=64m}"
tick="$(getconf CLK_TCK)"
walls=() cpus=()
for ((r = 1; r <= runs; r++)); do
  data="$(mktemp -d "${TMPDIR:-/tmp}/grid-startup.XXXXXX")"
  log="$data/grid.log"
  start="$(date +%s.%N)"
  # shellcheck disable=SC2086 # word splitting of the option strings is intended
  SERVER_PORT="$port" FENGQIAO_DATA_DIR="$data" java $opts ${EXTRA_OPTS:-} -Dfengqiao.demo-data.enabled=true \
    -jar "$jar" </dev/null >"$log" 2>&1 &
  pid=$!
  trap 'kill -TERM $pid 2>/dev/null || true' EXIT
  up=0
  for ((i = 0; i < 1200; i++)); do
    if curl -fsS --max-time 2 "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q '"status":"UP"'; then
      up=1
      break
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  end="$(date +%s.%N)"
  if ((up == 0)); then
    echo "run $r: grid-service did not become ready; tail of $log:" >&2
    tail -30 "$log" >&2
    exit 1
  fi
  read -r -a stat <<<"$(sed 's/.*) //' "/proc/$pid/stat")"
  cpu="$(awk -v u="${stat[11]}" -v s="${stat[12]}" -v t="$tick" 'BEGIN { printf "%.1f", (u + s) / t }')"
  wall="$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')"
  load="$(cut -d' ' -f1 /proc/loadavg)"
  printf 'run %d: ready after %s s wall, %s s CPU (load average %s)\n' "$r" "$wall" "$cpu" "$load"
  grep -o 'Demo [^:]*generated.*\|Started GridServiceApplication.*' "$log" | sed 's/^/    /' || true
  walls+=("$wall") cpus+=("$cpu")
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  trap - EXIT
  if [[ -n ${KEEP_LOG:-} ]]; then cp "$log" "$KEEP_LOG.$r"; fi
  rm -rf "$data"
done
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
printf 'median of %d: %s s wall, %s s CPU\n' "$runs" "$(median "${walls[@]}")" "$(median "${cpus[@]}")"
