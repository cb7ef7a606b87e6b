#!/usr/bin/env bash
# Runs a module's JMH benchmarks (classes named *Benchmark in its test sources; surefire never runs them).
#   bench/jmh.sh grid-service GridLocatorBenchmark        # one class (a regex over benchmark names)
#   bench/jmh.sh public-service WorkingDaysBenchmark -f 1 -wi 2 -i 3   # any JMH option after the pattern
# Compiles the module's tests (offline first), writes its test classpath, then runs org.openjdk.jmh.Main.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
module="${1:?usage: bench/jmh.sh <module> [benchmark-regex] [jmh options]}"
shift
[[ -d $module ]] || { echo "bench/jmh.sh: no module $module" >&2; exit 2; }
./mvnw -B -q -pl "$module" test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/jmh.classpath -Dmdep.includeScope=test
if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]]; then java_cmd="$JAVA_HOME/bin/java"; else java_cmd=java; fi
exec "$java_cmd" -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/jmh.classpath")" \
  org.openjdk.jmh.Main "$@"
