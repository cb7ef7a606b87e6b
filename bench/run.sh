#!/usr/bin/env bash
# The benchmark harness: see bench/bench.py --help and docs/benchmarks.md. Needs wrk and nginx
# (apt-get install -y wrk nginx-light) and python3; builds the jars first when they are missing.
set -euo pipefail
exec python3 "$(dirname "${BASH_SOURCE[0]}")/bench.py" "$@"
