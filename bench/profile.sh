#!/usr/bin/env bash
# CPU profile of one running JVM with async-profiler, while you load it (bench/run.sh --keep-running, wrk, ...):
#   bench/profile.sh PORT SECONDS [OUT]
# PORT is the port the JVM listens on (8080 for the gateway); OUT defaults to /tmp/fengqiao-profile-PORT.collapsed
# (collapsed stacks: one line per stack, frames from the thread's root to the leaf, and the number of samples; feed
# it to a flame graph tool, or read the summary this script prints: bench/profile_summary.py). Samples every 1 ms
# of CPU, Java, native and kernel frames. async-profiler comes from Maven Central (tools.profiler:async-profiler,
# linux-x64) into ~/.m2 the first time. Why not JFR: its "profile" settings cut the gateway from ~3,100 to ~900
# forwarded requests/s on 2 cores, and its samples leave out the kernel; this costs ~10 % (docs/benchmarks.md,
# session 8).
set -euo pipefail
port="${1:?usage: bench/profile.sh PORT SECONDS [OUT]}" seconds="${2:?usage: bench/profile.sh PORT SECONDS [OUT]}"
out="${3:-/tmp/fengqiao-profile-$port.collapsed}"
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
version="${ASYNC_PROFILER_VERSION:-4.1}"
jar="$HOME/.m2/repository/tools/profiler/async-profiler/$version/async-profiler-$version-linux-x64.jar"
if [[ ! -f $jar ]]; then
  "$bench/../mvnw" -B -q dependency:get -Dartifact="tools.profiler:async-profiler:$version:jar:linux-x64"
fi
lib_dir="${XDG_CACHE_HOME:-$HOME/.cache}/fengqiao-bench/async-profiler-$version"
if [[ ! -f $lib_dir/linux-x64/libasyncProfiler.so ]]; then
  mkdir -p "$lib_dir"
  (cd "$lib_dir" && unzip -o -q "$jar" 'linux-x64/*')
fi
pid="$(ss -ltnp "sport = :$port" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)"
[[ -n $pid ]] || { echo "no process listens on port $port" >&2; exit 1; }
lib="$lib_dir/linux-x64/libasyncProfiler.so"
java "$bench/AttachAgent.java" "$pid" "$lib" "start,event=cpu,interval=1ms"
trap 'java "$bench/AttachAgent.java" "$pid" "$lib" "stop" 2>/dev/null || true' INT TERM
sleep "$seconds"
java "$bench/AttachAgent.java" "$pid" "$lib" "stop,file=$out,collapsed"
trap - INT TERM
echo "profile of pid $pid (port $port), $seconds s: $out"
python3 "$bench/profile_summary.py" "$out"
