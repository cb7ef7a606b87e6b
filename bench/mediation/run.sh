#!/usr/bin/env bash
# Mediation KPIs over 100,000 disputes and mediator suggestions over 1,000 mediators: see
# bench/mediation/bench_mediation.py --help and docs/benchmarks.md (mediation section). Needs the jars of
# identity-service, mediation-service and gateway (./mvnw -o -q -B -pl identity-service,mediation-service,gateway
# -am package -DskipTests), wrk, and a python3 with pymongo (Debian: apt-get install -y python3-pymongo).
set -euo pipefail
script="$(dirname "${BASH_SOURCE[0]}")/bench_mediation.py"
# the first python3 that has pymongo (a pyenv python3 may come before Debian's)
for python in python3 /usr/bin/python3; do
  if command -v "$python" >/dev/null 2>&1 && "$python" -c 'import pymongo' 2>/dev/null; then
    exec "$python" "$script" "$@"
  fi
done
exec python3 "$script" "$@"
