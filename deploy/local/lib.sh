# shellcheck shell=bash
# Shared by run.sh, stop.sh and measure-startup.sh: the suite's services, their ports, jars and pid
# files, and how to stop a set of processes. Sourced, never run.

LOCAL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$LOCAL_DIR/../.." && pwd)"
# shellcheck disable=SC2034 # used by the scripts that source this file
LOG_DIR="$LOCAL_DIR/logs"
PID_DIR="$LOCAL_DIR/pids"
VERSION="0.1.0-SNAPSHOT"

# The suite: identity, the four domain services and the gateway in front of them (run.sh starts them in this order,
# all at once).
# shellcheck disable=SC2034 # used by the scripts that source this file
SERVICES=(identity-service grid-service mediation-service public-service overseas-service gateway)
declare -A DEFAULT_PORT=(
  [identity-service]=9000
  [grid-service]=8081
  [mediation-service]=8082
  [public-service]=8083
  [overseas-service]=8084
  [gateway]=8080
)

# grid-service -> GRID_SERVICE: the prefix of a service's own variables (GRID_SERVICE_PORT, ...).
env_prefix() {
  local name="${1^^}"
  printf '%s\n' "${name//-/_}"
}

# The port a service listens on: $<PREFIX>_PORT (e.g. GATEWAY_PORT, GRID_SERVICE_PORT) or the default.
port_of() {
  local var
  var="$(env_prefix "$1")_PORT"
  printf '%s\n' "${!var:-${DEFAULT_PORT[$1]}}"
}

jar_of() { printf '%s\n' "$REPO_ROOT/$1/target/$1-$VERSION.jar"; }
pid_file_of() { printf '%s\n' "$PID_DIR/$1.pid"; }

# True while the process runs (a zombie has exited: it only waits to be reaped).
alive() {
  local stat=""
  # read, not $(cat ...): run.sh asks this of every starting service each second, and a process per question takes
  # CPU from the JVMs that are starting
  IFS= read -r stat 2>/dev/null <"/proc/$1/stat" || [[ -n $stat ]] || return 1
  stat="${stat##*) }"
  [[ ${stat:0:1} != Z ]]
}

# True if the pid runs this service's jar: a pid file may outlive its process and the pid be reused.
runs_service() {
  local cmdline
  alive "$1" || return 1
  cmdline="$(tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null)" || return 1
  [[ $cmdline == *"$2-$VERSION.jar"* ]]
}

# Prints the pid of the service started from this directory if it still runs; fails otherwise.
running_pid() {
  local file pid
  file="$(pid_file_of "$1")"
  [[ -r $file ]] || return 1
  pid="$(<"$file")"
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  runs_service "$pid" "$1" || return 1
  printf '%s\n' "$pid"
}

# The process listening on a TCP port, as ss shows it (e.g. users:(("java",pid=123,fd=9))); empty if
# none is known. Fails when nothing listens on the port.
port_listener() {
  local port="$1" line
  if command -v ss >/dev/null 2>&1; then
    line="$(ss -Hltnp 2>/dev/null | awk -v p=":$port" '{ if (substr($4, length($4) - length(p) + 1) == p) { print; exit } }')"
    [[ -n $line ]] || return 1
    [[ $line == *users:* ]] && printf '%s\n' "users:${line##*users:}"
    return 0
  fi
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

# stop_processes NAME=PID...: TERM each, wait up to $STOP_TIMEOUT s (default 20) for all to exit,
# then KILL the stragglers.
stop_processes() {
  local timeout="${STOP_TIMEOUT:-20}" entry i deadline
  local -a names=() pids=() left=()
  for entry in "$@"; do
    names+=("${entry%%=*}")
    pids+=("${entry#*=}")
  done
  for i in "${!pids[@]}"; do
    if alive "${pids[i]}"; then kill -TERM "${pids[i]}" 2>/dev/null || true; fi
  done
  deadline=$((SECONDS + timeout))
  while :; do
    left=()
    for i in "${!pids[@]}"; do
      if alive "${pids[i]}"; then left+=("$i"); fi
    done
    ((${#left[@]} > 0)) || break
    if ((SECONDS >= deadline)); then
      for i in "${left[@]}"; do
        printf '  %s (pid %s) did not stop within %s s: killing it\n' "${names[i]}" "${pids[i]}" "$timeout"
        kill -KILL "${pids[i]}" 2>/dev/null || true
      done
      break
    fi
    sleep 0.2
  done
}
