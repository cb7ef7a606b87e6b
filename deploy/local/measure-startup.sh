#!/usr/bin/env bash
# Measures the suite's startup with the jars already built: the seconds from `run.sh --detach` to
# every service healthy, and each JVM's resident memory (VmRSS) once up. Each run uses a fresh, empty
# data directory and ends with stop.sh. Prints a table per run and the medians (docs/benchmarks.md).
#
# Usage: deploy/local/measure-startup.sh [RUNS]      (default 3)
# Environment: SETTLE_SECONDS (default 5): wait after "all healthy" before reading RSS;
# MAX_LOAD (e.g. 1.0): on a shared machine, wait before each run until the 1-minute load average is
# below it (at most 15 minutes); JAVA_OPTS and the rest of run.sh's variables pass through.
# Each run also reports the CPU time other processes used meanwhile: a run that competed with a
# build on the same cores is not a measure of startup.
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

runs="${1:-3}"
settle="${SETTLE_SECONDS:-5}"
[[ $runs =~ ^[1-9][0-9]*$ ]] || { printf 'Usage: %s [RUNS]\n' "$0" >&2; exit 2; }

for svc in "${SERVICES[@]}"; do
  [[ -f $(jar_of "$svc") ]] || {
    printf 'measure-startup.sh: %s is missing; build first (./mvnw -B -DskipTests package or run.sh --build)\n' \
      "$(jar_of "$svc")" >&2
    exit 1
  }
done

# The median of numbers given one per line.
median() {
  sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

rss_mb() { awk '/^VmRSS:/ { printf "%d\n", $2 / 1024 }' "/proc/$1/status"; }

# CPU seconds the whole machine has been busy (all cores, everything but idle and iowait).
machine_busy_seconds() {
  awk -v hz="$(getconf CLK_TCK)" '$1 == "cpu" { printf "%.1f\n", ($2 + $3 + $4 + $7 + $8 + $9) / hz }' /proc/stat
}

wait_for_quiet() {
  local deadline=$((SECONDS + 900))
  [[ -n ${MAX_LOAD:-} ]] || return 0
  until awk -v max="$MAX_LOAD" '{ exit !($1 < max) }' /proc/loadavg; do
    if ((SECONDS >= deadline)); then
      printf '  (load average still %s after 15 minutes: measuring anyway)\n' "$(cut -d' ' -f1 /proc/loadavg)"
      return 0
    fi
    sleep 10
  done
}

# CPU seconds (user + system) a process has used so far.
cpu_seconds() {
  local stat
  stat="$(<"/proc/$1/stat")"
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f\n", ($12 + $13) / hz }' <<<"${stat##*) }"
}

mkdir -p "$LOG_DIR"
run_log="$LOG_DIR/measure-startup.run.log"
results="$(mktemp)"
data_dir=""
cleanup() {
  "$LOCAL_DIR/stop.sh" >/dev/null 2>&1 || true
  [[ -n $data_dir ]] && rm -rf "$data_dir"
  rm -f "$results"
}
trap cleanup EXIT

# Anything run.sh would build before starting (class-data-sharing archives) is built now, untimed.
"$LOCAL_DIR/run.sh" --prepare-only >"$run_log" 2>&1 || { cat "$run_log" >&2; exit 1; }

printf 'java: %s\n' "$(java -version 2>&1 | head -n 1)"
printf 'cpus: %s, JAVA_OPTS: %s, class-data sharing: %s\n\n' "$(nproc)" "${JAVA_OPTS:-(run.sh default)}" \
  "${FENGQIAO_CDS:-true}"

for ((run = 1; run <= runs; run++)); do
  data_dir="$(mktemp -d "${TMPDIR:-/tmp}/fengqiao-measure.XXXXXX")"
  wait_for_quiet
  load="$(cut -d' ' -f1 /proc/loadavg)"
  busy_before="$(machine_busy_seconds)"
  start="$(date +%s.%N)"
  if ! FENGQIAO_DATA_DIR="$data_dir" "$LOCAL_DIR/run.sh" --detach >"$run_log" 2>&1; then
    cat "$run_log" >&2
    printf 'measure-startup.sh: run %s: run.sh failed\n' "$run" >&2
    exit 1
  fi
  end="$(date +%s.%N)"
  busy_after="$(machine_busy_seconds)"
  suite_cpu=0
  declare -A cpu_of=()
  for svc in "${SERVICES[@]}"; do
    cpu_of[$svc]="$(cpu_seconds "$(running_pid "$svc")")"
    suite_cpu="$(awk -v a="$suite_cpu" -v b="${cpu_of[$svc]}" 'BEGIN { print a + b }')"
  done
  seconds="$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')"
  others="$(awk -v a="$busy_before" -v b="$busy_after" -v s="$suite_cpu" 'BEGIN { o = b - a - s; printf "%.1f", o < 0 ? 0 : o }')"
  sleep "$settle"
  printf 'run %s: all healthy after %s s (load average before: %s; CPU used meanwhile by the suite %s s, by other processes %s s)\n' \
    "$run" "$seconds" "$load" "$suite_cpu" "$others"
  printf '  %-18s %8s %14s\n' service "RSS (MB)" "CPU to start (s)"
  printf 'startup %s\n' "$seconds" >>"$results"
  for svc in "${SERVICES[@]}"; do
    pid="$(running_pid "$svc")"
    mb="$(rss_mb "$pid")"
    printf '  %-18s %8s %14s\n' "$svc" "$mb" "${cpu_of[$svc]}"
    printf '%s %s\n' "$svc" "$mb" >>"$results"
  done
  grep -E '^\[ *[0-9]+s\] .* up after' "$run_log" | sed 's/^/  /'
  "$LOCAL_DIR/stop.sh" >/dev/null
  rm -rf "$data_dir"
  data_dir=""
  printf '\n'
done

printf 'median of %s runs\n' "$runs"
printf '| measure | median | target |\n|---|---|---|\n'
printf '| all JVMs healthy after run.sh --detach | %s s | <= 40 s |\n' "$(awk '$1 == "startup" { print $2 }' "$results" | median)"
for svc in "${SERVICES[@]}"; do
  printf '| %s RSS | %s MB | <= 400 MB |\n' "$svc" "$(awk -v s="$svc" '$1 == s { print $2 }' "$results" | median)"
done
