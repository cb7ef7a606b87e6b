#!/usr/bin/env bash
# Mediation KPIs over 100,000 disputes and mediator suggestions over 1,000 mediators: see
# bench/mediation/bench_mediation.py --help and docs/benchmarks.md (mediation section). Needs the jars of
# identity-service, mediation-service and gateway (./mvnw -B -q -o install -DskipTests), python3, wrk.
set -euo pipefail
exec python3 "$(dirname "${BASH_SOURCE[0]}")/bench_mediation.py" "$@"
