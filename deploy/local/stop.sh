#!/usr/bin/env bash
# Stops the services that deploy/local/run.sh started (it writes their pids under deploy/local/pids/):
# TERM first, then KILL whatever has not exited after $STOP_TIMEOUT s (default 20).
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

entries=()
names=()
for svc in "${SERVICES[@]}"; do
  file="$(pid_file_of "$svc")"
  [[ -e $file ]] || continue
  if pid="$(running_pid "$svc")"; then
    entries+=("$svc=$pid")
    names+=("$svc (pid $pid)")
  else
    printf '%s: not running (removing a stale pid file)\n' "$svc"
    rm -f "$file"
  fi
done

if ((${#entries[@]} == 0)); then
  printf 'Nothing to stop: no service started by run.sh is running.\n'
  exit 0
fi

printf 'Stopping %s\n' "${names[*]}"
stop_processes "${entries[@]}"
for entry in "${entries[@]}"; do rm -f "$(pid_file_of "${entry%%=*}")"; done
printf 'Stopped.\n'
