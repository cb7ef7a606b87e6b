#!/usr/bin/env bash
# Starts the whole Fengqiao suite on this machine: identity-service, the four domain services and the
# gateway, each a separate JVM on its embedded MongoDB (no Docker, no MongoDB install), and waits until
# every one is healthy. Ctrl-C stops them all; --detach leaves them running (stop them with stop.sh).
#
# Environment (all optional):
#   FENGQIAO_DATA_DIR        where the services keep their data (default: <repo>/data)
#   JAVA_OPTS                JVM options for every service (default: a small heap, see below)
#   <SERVICE>_JAVA_OPTS      added for one service, e.g. GRID_SERVICE_JAVA_OPTS, GATEWAY_JAVA_OPTS (after
#                            JAVA_OPTS and the gateway's and grid-service's own heap shapes below, so they win)
#   <SERVICE>_PORT           a service's port, e.g. GATEWAY_PORT=18080, GRID_SERVICE_PORT=18081
#   <SERVICE>_MONGODB_URI    a real MongoDB for one service, e.g. GRID_SERVICE_MONGODB_URI=mongodb://db:27017/fengqiao_grid
#   STARTUP_TIMEOUT          seconds each service may take to become healthy (default 120)
#   STOP_TIMEOUT             seconds to wait after TERM before KILL (default 20)
#   FENGQIAO_DEMO_DATA_ENABLED  load the demo data set (default true)
#   FENGQIAO_CDS             true (default; all says the same): every JVM starts from a class-data-sharing archive;
#                            false: every JVM from its plain jar
#   MALLOC_ARENA_MAX         glibc malloc arenas per JVM (default 2, see below)
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<USAGE
Usage: deploy/local/run.sh [--build] [--detach | --prepare-only]

  --build         rebuild the jars first (./mvnw -B -q -DskipTests package), even if they exist
  --detach        return once everything is healthy and leave it running; stop with deploy/local/stop.sh
  --prepare-only  build what is missing (jars, class-data-sharing archives), start nothing
  -h, --help      this text

Without --detach, run.sh stays in the foreground and Ctrl-C stops every service.
USAGE
}

build=0
detach=0
prepare_only=0
for arg in "$@"; do
  case "$arg" in
    --build) build=1 ;;
    --detach) detach=1 ;;
    --prepare-only) prepare_only=1 ;;
    -h | --help) usage; exit 0 ;;
    *) printf 'run.sh: unknown option %s\n\n' "$arg" >&2; usage >&2; exit 2 ;;
  esac
done

STARTUP_TIMEOUT="${STARTUP_TIMEOUT:-120}"
# A small heap that gives memory back: once a service has started, its heap shrinks after a collection until at most
# 30 % of it is free (the JVM keeps up to 70 %), so it does not keep the peak of its start (demo data) for good; the
# platform sets these ratios when the service is ready (fengqiao.jvm.after-start, HeapShapeAfterStart).
# Not from the first instant: with at most 10-30 % free while the demo data grew, grid-service's old generation grew
# in small steps and it collected 17 times in full to start instead of 5 (docs/benchmarks.md, session 16).
DEFAULT_JAVA_OPTS="-Xms64m -Xmx256m -XX:+UseSerialGC -Dfengqiao.jvm.after-start.min-heap-free-ratio=10 -Dfengqiao.jvm.after-start.max-heap-free-ratio=30 -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=64m"
JAVA_OPTS="${JAVA_OPTS:-$DEFAULT_JAVA_OPTS}"
# The gateway's heap: a proxy whose live set is small (~30-40 MB) but which allocates ~45 KB per request. On the
# shared small heap its old generation sat just above the live set, and under load every few seconds of promotion
# ended in a full collection of 80-200 ms (10 in one benchmark run, the closed-loop p99s); with a young generation
# of its own size and 128 MB from the start there were none, at 281 MB RSS after the benchmark
# (docs/benchmarks.md, session 7).
GATEWAY_HEAP_OPTS="-Xms128m -Xmn64m"
# grid-service's: it holds the largest long-lived set (the map and locator, the KPI tally of every incident, the
# store's page cache), so its old generation is large and its young generation, a third of the heap by default,
# came on top: 55 MB of its 409 MB RSS after the benchmark's keyed runs (~190,000 incidents). A quarter: 380 MB,
# with keyed intake as fast (docs/benchmarks.md, session 14).
GRID_HEAP_OPTS="-XX:NewRatio=3"
FENGQIAO_DEMO_DATA_ENABLED="${FENGQIAO_DEMO_DATA_ENABLED:-true}"
FENGQIAO_CDS="${FENGQIAO_CDS:-true}"
case "$FENGQIAO_CDS" in
  true | all | false) ;; # all: true's old name, when true left the gateway out
  *) printf 'run.sh: FENGQIAO_CDS must be true, all or false, not %s\n' "$FENGQIAO_CDS" >&2; exit 2 ;;
esac
CDS_DIR="$LOCAL_DIR/cds"
data_dir="${FENGQIAO_DATA_DIR:-$REPO_ROOT/data}"
mkdir -p "$data_dir"
FENGQIAO_DATA_DIR="$(cd "$data_dir" && pwd)"

if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]]; then java_cmd="$JAVA_HOME/bin/java"; else java_cmd="java"; fi
# glibc keeps much of what the JVM frees (grid: 83-96 MB beyond the JVM's own count after the benchmark, 40-47 MB
# with this; docs/benchmarks.md "s6-store"): a JVM that can (17.0.9+, 21+) hands it back every 5 s
if "$java_cmd" -XX:TrimNativeHeapInterval=5000 -version >/dev/null 2>&1; then
  JAVA_OPTS="$JAVA_OPTS -XX:TrimNativeHeapInterval=5000"
fi
# and at most two malloc arenas per JVM (glibc's default is up to 8 per core, each holding its own free memory):
# after the keyed benchmark grid 30 MB in them instead of 45, public-service 25 instead of 38, the gateway 49 instead
# of 76 (docs/benchmarks.md, session 13)
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"

t0=$SECONDS
say() { printf '[%3ds] %s\n' "$((SECONDS - t0))" "$*"; }
fail() { printf 'run.sh: %s\n' "$*" >&2; exit 1; }

# --- preconditions: Java 17+, nothing of ours already running, every port free -------------------

command -v "$java_cmd" >/dev/null 2>&1 || fail "java not found: install a JDK 17 or newer (or set JAVA_HOME)"
java_version="$("$java_cmd" -version 2>&1 | awk -F'"' '/version/ { print $2; exit }')"
java_major="${java_version%%.*}"
[[ $java_major == 1 ]] && java_major="$(cut -d. -f2 <<<"$java_version")"
if ! [[ $java_major =~ ^[0-9]+$ ]] || ((java_major < 17)); then
  fail "Java 17 or newer is needed; $java_cmd is version '${java_version:-unknown}'"
fi

already=()
for svc in "${SERVICES[@]}"; do
  if pid="$(running_pid "$svc")"; then already+=("$svc (pid $pid)"); fi
done
if ((${#already[@]} > 0)); then
  printf -v list '%s, ' "${already[@]}"
  fail "already running from an earlier run.sh --detach: ${list%, }. Stop them with deploy/local/stop.sh"
fi

busy=()
((prepare_only)) || for svc in "${SERVICES[@]}"; do
  port="$(port_of "$svc")"
  if who="$(port_listener "$port")"; then busy+=("  port $port ($svc) is already in use${who:+ by $who}"); fi
done
if ((${#busy[@]} > 0)); then
  printf 'run.sh: cannot start, ports taken:\n' >&2
  printf '%s\n' "${busy[@]}" >&2
  printf 'Free them, or move a service with e.g. GATEWAY_PORT=18080 / GRID_SERVICE_PORT=18081.\n' >&2
  exit 1
fi

# --- build what is missing -----------------------------------------------------------------------

missing=()
for svc in "${SERVICES[@]}"; do
  [[ -f $(jar_of "$svc") ]] || missing+=("$svc")
done
if ((build)) || ((${#missing[@]} > 0)); then
  if ((build)); then say "building (--build): ./mvnw -B -q -DskipTests package"
  else say "building, jars missing for: ${missing[*]}: ./mvnw -B -q -DskipTests package"; fi
  (cd "$REPO_ROOT" && ./mvnw -B -q -DskipTests package) || fail "the build failed (see the Maven output above)"
  for svc in "${SERVICES[@]}"; do
    [[ -f $(jar_of "$svc") ]] || fail "the build did not produce $(jar_of "$svc")"
  done
  say "built"
else
  stale=()
  for svc in "${SERVICES[@]}"; do
    newer="$(find "$REPO_ROOT/$svc/src" "$REPO_ROOT/$svc/pom.xml" "$REPO_ROOT/platform/src" \
      -newer "$(jar_of "$svc")" -type f -print -quit 2>/dev/null || true)"
    [[ -z $newer ]] || stale+=("$svc")
  done
  ((${#stale[@]} == 0)) || say "note: sources changed since these jars were built: ${stale[*]} (run.sh --build rebuilds)"
fi

# --- prepare, start, wait, report ---------------------------------------------------------------

mkdir -p "$LOG_DIR" "$PID_DIR"
declare -A pid_of=() started_at=() port_for=()
started=()
preparing=()
keep_running=0

stop_started() {
  local entries=() svc
  for svc in "${started[@]}"; do entries+=("$svc=${pid_of[$svc]}"); done
  ((${#entries[@]} > 0)) || return 0
  stop_processes "${entries[@]}"
  for svc in "${started[@]}"; do
    wait "${pid_of[$svc]}" 2>/dev/null || true
    rm -f "$(pid_file_of "$svc")"
  done
  started=()
}

on_exit() {
  ((keep_running)) && return
  # the services are stopped even if nobody reads run.sh's output any more (a closed pipe, terminal)
  trap '' PIPE
  if ((${#preparing[@]} > 0)); then stop_processes "${preparing[@]}" >/dev/null 2>&1 || true; fi
  if ((${#started[@]} > 0)); then
    say "stopping ${started[*]}" || true
    # stderr aside: bash would report each killed child as a job ("Killed ... nohup java ...").
    stop_started >/dev/null 2>&1 || true
    say "stopped" || true
  fi
}
trap on_exit EXIT
trap 'printf "\n"; exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

service_url() { printf 'http://127.0.0.1:%s\n' "$(port_of "$1")"; }

# The secret the services use to get their own tokens from identity-service: from the environment,
# else generated once into the data directory (owner-only), never into the repository.
service_client_secret() {
  local file="$FENGQIAO_DATA_DIR/service-client-secret"
  if [[ -n ${FENGQIAO_SERVICE_CLIENT_SECRET:-} ]]; then return 0; fi
  if [[ ! -s $file ]]; then
    (umask 077 && head -c 32 /dev/urandom | base64 | tr -d '/+=\n' > "$file")
  fi
  FENGQIAO_SERVICE_CLIENT_SECRET="$(cat "$file")"
}
service_client_secret

# The environment of a service's JVM, into the array named by $2 (run.sh passes every URL it knows,
# so that moving one port with <SERVICE>_PORT keeps the suite connected).
service_env() {
  local svc="$1" uri_var
  local -n env_into="$2"
  uri_var="$(env_prefix "$svc")_MONGODB_URI"
  env_into=(
    "SERVER_PORT=$(port_of "$svc")"
    "FENGQIAO_DATA_DIR=$FENGQIAO_DATA_DIR"
    "FENGQIAO_DEMO_DATA_ENABLED=$FENGQIAO_DEMO_DATA_ENABLED"
    "IDENTITY_SERVICE_URL=$(service_url identity-service)"
    "GRID_SERVICE_URL=$(service_url grid-service)"
    "MEDIATION_SERVICE_URL=$(service_url mediation-service)"
    "PUBLIC_SERVICE_URL=$(service_url public-service)"
    "OVERSEAS_SERVICE_URL=$(service_url overseas-service)"
    "GATEWAY_URL=$(service_url gateway)"
    # tokens name the gateway as issuer; the keys and the token endpoint are identity-service's
    "FENGQIAO_ISSUER=${FENGQIAO_ISSUER:-$(service_url gateway)}"
    "FENGQIAO_JWK_SET_URI=${FENGQIAO_JWK_SET_URI:-$(service_url identity-service)/oauth2/jwks}"
    "FENGQIAO_TOKEN_URI=${FENGQIAO_TOKEN_URI:-$(service_url identity-service)/oauth2/token}"
    # the services' client-credentials secret, shared with identity-service (see service_client_secret)
    "FENGQIAO_SERVICE_CLIENT_SECRET=$FENGQIAO_SERVICE_CLIENT_SECRET"
  )
  # The embedded default unless this service is given its own MongoDB: a SPRING_MONGODB_URI left in
  # the caller's environment would point every service at one database.
  if [[ -n ${!uri_var:-} ]]; then env_into+=("SPRING_MONGODB_URI=${!uri_var}"); fi
}

service_java_opts() {
  local opts_var
  local -n opts_into="$2"
  opts_var="$(env_prefix "$1")_JAVA_OPTS"
  local shape=""
  if [[ $1 == gateway ]]; then shape="$GATEWAY_HEAP_OPTS"; fi
  if [[ $1 == grid-service ]]; then shape="$GRID_HEAP_OPTS"; fi
  # shellcheck disable=SC2034 # a nameref: this fills the caller's array
  read -r -a opts_into <<<"$JAVA_OPTS $shape ${!opts_var:-}"
}

# Class-data sharing (CDS): each service starts from its jar extracted under deploy/local/cds/<service>/
# with an archive of the classes its startup loads, recorded by one training start
# (-Dspring.context.exit=onRefresh) per build of the jar and JVM options. It roughly halves the CPU a start takes,
# which is what six JVMs starting together on two cores wait for. The gateway too: from its plain jar it took
# 10.7-14.0 s of CPU to start, from its archive 6.2-8.3, and side by side (two instances of each, five rounds) the two
# forwarded alike, 1.01 x the CPU per request with the archive (docs/benchmarks.md, session 16; sessions 10 and 11
# had left it out on 1.04-1.08 x from one such run, inside the machine's spread).
cds_wanted() { [[ $FENGQIAO_CDS != false ]]; }
# An archive belongs to a build of the jar, a Java version and the JVM options it was recorded with: one recorded
# by the harness's start (bench.py's options) made identity-service take 22-24 s of CPU to start under run.sh's
# options instead of 9-10 (docs/benchmarks.md, session 12), so other options record it again.
cds_stamp() {
  local -a recorded_with
  service_java_opts "$1" recorded_with
  printf '%s|%s|%s|%s\n' "$(stat -c '%s %Y' "$(jar_of "$1")")" "$java_version" "cds-2" "${recorded_with[*]}"
}
cds_jar() { printf '%s\n' "$CDS_DIR/$1/app/$1-$VERSION.jar"; }
cds_archive() { printf '%s\n' "$CDS_DIR/$1/app.jsa"; }
cds_ready() {
  [[ -f $CDS_DIR/$1/stamp && -f $(cds_archive "$1") && -f $(cds_jar "$1") ]] &&
    [[ "$(<"$CDS_DIR/$1/stamp")" == "$(cds_stamp "$1")" ]]
}
# A jar whose training failed is not tried again until it is rebuilt.
cds_failed() { [[ -f $CDS_DIR/$1/failed && "$(<"$CDS_DIR/$1/failed")" == "$(cds_stamp "$1")" ]]; }

# Extracts one service's jar and records its archive in a throw-away data directory on a random port.
cds_train() {
  local svc="$1" dir="$CDS_DIR/$1" scratch rc=0
  local -a env_args opts
  rm -rf "$dir"
  mkdir -p "$dir"
  "$java_cmd" -Djarmode=tools -jar "$(jar_of "$svc")" extract --destination "$dir/app" >"$dir/prepare.log" 2>&1 ||
    return 1
  scratch="$(mktemp -d "${TMPDIR:-/tmp}/fengqiao-cds.XXXXXX")"
  service_env "$svc" env_args
  service_java_opts "$svc" opts
  (cd "$REPO_ROOT" && exec env -u SPRING_MONGODB_URI "${env_args[@]}" SERVER_PORT=0 FENGQIAO_DATA_DIR="$scratch" \
    "$java_cmd" "${opts[@]}" -XX:ArchiveClassesAtExit="$(cds_archive "$svc")" -Dspring.context.exit=onRefresh \
    -Dfengqiao.demo-data.enabled=false -jar "$(cds_jar "$svc")" </dev/null >>"$dir/prepare.log" 2>&1) &
  # run.sh interrupted: stop the training JVM too, not only this subshell
  trap 'kill -TERM $! 2>/dev/null; rm -rf "$scratch"; exit 143' TERM
  wait $! || rc=$?
  rm -rf "$scratch"
  ((rc == 0)) && [[ -s $(cds_archive "$svc") ]] || return 1
  cds_stamp "$svc" >"$dir/stamp"
}

prepare_cds() {
  local svc entry
  local -a todo=() pids=()
  for svc in "${SERVICES[@]}"; do
    cds_wanted "$svc" || continue
    cds_ready "$svc" || cds_failed "$svc" || todo+=("$svc")
  done
  ((${#todo[@]} > 0)) || return 0
  say "preparing class-data-sharing archives (once per build of a jar and JVM options): ${todo[*]}"
  for svc in "${todo[@]}"; do
    cds_train "$svc" &
    pids+=("$!")
    preparing+=("$svc-cds=$!")
  done
  for entry in "${!todo[@]}"; do
    if ! wait "${pids[entry]}"; then
      svc="${todo[entry]}"
      rm -f "$CDS_DIR/$svc/stamp"
      cds_stamp "$svc" >"$CDS_DIR/$svc/failed"
      say "note: no archive for $svc (see ${CDS_DIR#"$REPO_ROOT"/}/$svc/prepare.log); it starts from its jar"
    fi
  done
  preparing=()
  say "prepared"
}

start_service() {
  local svc="$1" port log jar
  local -a opts env_args
  port="$(port_of "$svc")"
  log="$LOG_DIR/$svc.log"
  service_env "$svc" env_args
  service_java_opts "$svc" opts
  jar="$(jar_of "$svc")"
  if cds_wanted "$svc" && cds_ready "$svc"; then
    jar="$(cds_jar "$svc")"
    opts+=("-XX:SharedArchiveFile=$(cds_archive "$svc")")
  fi
  : >"$log"
  (cd "$REPO_ROOT" && exec env -u SPRING_MONGODB_URI "${env_args[@]}" nohup "$java_cmd" "${opts[@]}" \
    "-Dfengqiao.demo-data.enabled=$FENGQIAO_DEMO_DATA_ENABLED" -jar "$jar" </dev/null >>"$log" 2>&1) &
  pid_of[$svc]=$!
  started_at[$svc]=$SECONDS
  port_for[$svc]=$port
  started+=("$svc")
  printf '%s\n' "${pid_of[$svc]}" >"$(pid_file_of "$svc")"
  say "$(printf '%-18s starting on port %s (pid %s)' "$svc" "$port" "${pid_of[$svc]}")"
}

# Asks a started service for its readiness with one HTTP/1.0 request over bash's /dev/tcp, without a process:
# run.sh asks every starting service each second, and a curl, a grep and the subshells around them per question
# took the suite's start ~40 ms of CPU each, several seconds of the two cores the JVMs were starting on.
healthy() {
  local port="${port_for[$1]}" fd reply=""
  { exec {fd}<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 1
  { printf 'GET /actuator/health/readiness HTTP/1.0\r\nHost: 127.0.0.1:%s\r\n\r\n' "$port" >&"$fd"; } 2>/dev/null || true
  IFS= read -r -d '' -t 2 reply <&"$fd" || true
  exec {fd}>&-
  [[ $reply == "HTTP/1."?" 200 "* && $reply == *'"status":"UP"'* ]]
}

# Prints why a service failed and the tail of its log, then exits (the EXIT trap stops the others).
service_failed() {
  local svc="$1" reason="$2" log="$LOG_DIR/$1.log"
  printf '\nrun.sh: %s %s. Last 40 lines of %s:\n' "$svc" "$reason" "${log#"$REPO_ROOT"/}" >&2
  printf -- '----------------------------------------------------------------------\n' >&2
  tail -n 40 "$log" >&2 || true
  printf -- '----------------------------------------------------------------------\n' >&2
  exit 1
}

# "exit code 1", or "killed by SIGTERM" for a process that a signal ended.
exit_status() {
  if (($1 > 128)) && kill -l "$(($1 - 128))" >/dev/null 2>&1; then
    printf 'killed by SIG%s' "$(kill -l "$(($1 - 128))")"
  else
    printf 'exit code %s' "$1"
  fi
}

exit_reason() {
  local rc=0
  wait "${pid_of[$1]}" 2>/dev/null || rc=$?
  printf 'exited during startup (%s)' "$(exit_status "$rc")"
}

# Waits until every named service is healthy, printing each as it comes up and, every 5 s, who is
# still starting.
await_healthy() {
  local -a waiting=("$@") still=()
  local svc next_note=$((SECONDS + 5))
  while ((${#waiting[@]} > 0)); do
    still=()
    for svc in "${waiting[@]}"; do
      if healthy "$svc"; then
        say "$(printf '%-18s up after %ss' "$svc" "$((SECONDS - started_at[$svc]))")"
      elif ! alive "${pid_of[$svc]}"; then
        service_failed "$svc" "$(exit_reason "$svc")"
      elif ((SECONDS - started_at[$svc] >= STARTUP_TIMEOUT)); then
        service_failed "$svc" "was not healthy within ${STARTUP_TIMEOUT} s"
      else
        still+=("$svc")
      fi
    done
    waiting=("${still[@]}")
    if ((${#waiting[@]} > 0)); then
      if ((SECONDS >= next_note)); then
        say "waiting for ${waiting[*]}"
        next_note=$((SECONDS + 5))
      fi
      # sleep in the background so Ctrl-C is handled at once; 2>/dev/null: bash would also report
      # here, as a job, a service that died meanwhile (run.sh reports it itself)
      sleep 1 &
      wait $! 2>/dev/null || true
    fi
  done
}

prepare_cds
if ((prepare_only)); then
  say "ready to start"
  exit 0
fi

say "data: $FENGQIAO_DATA_DIR, logs: ${LOG_DIR#"$REPO_ROOT"/}/"
# All at once, the gateway too: it needs no service to start (it fetches identity-service's keys at the first
# token) and its start overlaps grid-service's demo data instead of following it.
backends=()
for svc in "${SERVICES[@]}"; do
  start_service "$svc"
  [[ $svc == gateway ]] || backends+=("$svc")
done
await_healthy "${SERVICES[@]}"

say "all ${#SERVICES[@]} services healthy in $((SECONDS - t0)) s"
printf '\n  %-18s %s\n' "gateway" "$(service_url gateway)  (all APIs: /api/<area>/..., /open311/...)"
for svc in "${backends[@]}"; do
  printf '  %-18s %s  (API docs: %s)\n' "$svc" "$(service_url "$svc")/swagger-ui.html" "$(service_url "$svc")/v3/api-docs"
done
printf '\n  data in %s, logs in %s/\n' "$FENGQIAO_DATA_DIR" "${LOG_DIR#"$REPO_ROOT"/}"

if ((detach)); then
  keep_running=1
  printf '  running in the background: stop with deploy/local/stop.sh\n'
  exit 0
fi

printf '  press Ctrl-C to stop\n\n'
# Stay in the foreground; if a service dies, stop the rest rather than leave half a suite running.
while :; do
  for svc in "${started[@]}"; do
    if ! alive "${pid_of[$svc]}"; then
      rc=0
      wait "${pid_of[$svc]}" 2>/dev/null || rc=$?
      printf '\nrun.sh: %s stopped unexpectedly (%s). Last 40 lines of %s:\n' \
        "$svc" "$(exit_status "$rc")" "${LOG_DIR#"$REPO_ROOT"/}/$svc.log" >&2
      tail -n 40 "$LOG_DIR/$svc.log" >&2 || true
      exit 1
    fi
  done
  sleep 2 &
  wait $! 2>/dev/null || true
done
