#!/usr/bin/env bash
# The grid KPIs over many incidents, through HTTP: starts identity-service and grid-service alone on a fresh
# temporary data directory, grid generating INCIDENTS demo incidents (fengqiao.demo-data.incidents; the
# rest of the demo set as usual), gets demo-commander's token, then times REQUESTS sequential calls each of
#   GET /api/grid/stats/incidents  (city-wide, the last 365 days against the year before, 90-day zero-case)
#   GET /api/grid/stats/incidents?county=331123
#   GET /api/grid/stats/overview
# and prints the median, p90 and max (curl's time_total, ms); with wrk installed also 10 s at 8 connections
# on the city-wide KPI. Stops both JVMs.
#   bench/grid-kpi.sh [INCIDENTS] [REQUESTS]     # defaults 100000 and 30
# Ports: IDENTITY_SERVICE_PORT (default 29000), GRID_SERVICE_PORT (default 28081); never the suite's.
# JAVA_OPTS as run.sh's default unless set (grid gets -Xmx512m more for the 100,000 incidents).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
incidents="${1:-100000}"
requests="${2:-30}"
id_port="${IDENTITY_SERVICE_PORT:-29000}"
grid_port="${GRID_SERVICE_PORT:-28081}"
opts="${JAVA_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=64m}"
data="$(mktemp -d "${TMPDIR:-/tmp}/grid-kpi.XXXXXX")"
secret="$(head -c 24 /dev/urandom | base64 | tr -d '/+=\n')"
common=(FENGQIAO_DATA_DIR="$data" FENGQIAO_ISSUER="http://127.0.0.1:$id_port"
  FENGQIAO_JWK_SET_URI="http://127.0.0.1:$id_port/oauth2/jwks" FENGQIAO_TOKEN_URI="http://127.0.0.1:$id_port/oauth2/token"
  FENGQIAO_SERVICE_CLIENT_SECRET="$secret" IDENTITY_SERVICE_URL="http://127.0.0.1:$id_port"
  GRID_SERVICE_URL="http://127.0.0.1:$grid_port" MEDIATION_SERVICE_URL="http://127.0.0.1:1"
  GATEWAY_URL="http://127.0.0.1:$id_port")
pids=()
cleanup() {
  local status=$?
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if ((status == 0)); then rm -rf "$data"; else printf 'failed: logs kept in %s\n' "$data" >&2; fi
}
trap cleanup EXIT
# shellcheck disable=SC2086 # word splitting of the option strings is intended
env "${common[@]}" SERVER_PORT="$id_port" java $opts -Dfengqiao.demo-data.enabled=true \
  -jar identity-service/target/identity-service-0.1.0-SNAPSHOT.jar </dev/null >"$data/identity.log" 2>&1 &
pids+=($!)
start="$(date +%s)"
# shellcheck disable=SC2086
env "${common[@]}" SERVER_PORT="$grid_port" java $opts -Xmx512m -Dfengqiao.demo-data.enabled=true \
  -Dfengqiao.demo-data.incidents="$incidents" \
  -jar grid-service/target/grid-service-0.1.0-SNAPSHOT.jar </dev/null >"$data/grid.log" 2>&1 &
pids+=($!)
ready() { curl -fsS --max-time 2 "http://127.0.0.1:$1/actuator/health/readiness" 2>/dev/null | grep -q '"status":"UP"'; }
for port in "$id_port" "$grid_port"; do
  for ((i = 0; i < 36000; i++)); do
    ready "$port" && break
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || { tail -30 "$data"/*.log >&2; exit 1; }; done
    sleep 0.5
  done
done
printf 'identity and grid ready after %s s (grid: %s)\n' "$(($(date +%s) - start))" \
  "$(grep -o 'Demo incidents generated: [0-9]*' "$data/grid.log" || echo '?')"
token="$(curl -fsS -d grant_type=password -d client_id=fengqiao-cli -d username=demo-commander \
  -d "password=${FENGQIAO_DEMO_PASSWORD:-Fengqiao-Demo-2026}" "http://127.0.0.1:$id_port/oauth2/token" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')"
to="$(TZ=Asia/Shanghai date +%F)"
from="$(TZ=Asia/Shanghai date -d "$to - 364 days" +%F)"
base="http://127.0.0.1:$grid_port"
# the first call waits for the tally's load (started when grid became ready)
first="$(curl -fsS -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $token" \
  "$base/api/grid/stats/incidents?from=$from&to=$to")"
printf 'first KPI call (tally loading): %.0f ms\n' "$(awk -v t="$first" 'BEGIN { print t * 1000 }')"
measure() {
  local name="$1" url="$2" i
  for ((i = 0; i < requests; i++)); do
    curl -fsS -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "$url"
  done | sort -n | awk -v n="$name" '{ a[NR] = $1 * 1000 } END {
    printf "%-34s median %6.1f ms  p90 %6.1f ms  max %6.1f ms  (%d calls)\n", n, a[int((NR + 1) / 2)], a[int(NR * 0.9 + 0.5)], a[NR], NR }'
}
body="$(curl -fsS -H "Authorization: Bearer $token" "$base/api/grid/stats/incidents?from=$from&to=$to")"
printf 'city-wide %s..%s: %s\n' "$from" "$to" "$(python3 -c 'import json,sys; r=json.loads(sys.argv[1]); print("total", r["total"], "criminal", r["criminal"]["current"], "zero-case", r["zeroCaseVillages"]["zeroCaseVillages"])' "$body")"
measure "stats/incidents (city, 365 days)" "$base/api/grid/stats/incidents?from=$from&to=$to"
measure "stats/incidents?county=331123" "$base/api/grid/stats/incidents?from=$from&to=$to&county=331123"
measure "stats/overview" "$base/api/grid/stats/overview"
if command -v wrk >/dev/null 2>&1; then
  printf '\nwrk -t2 -c8 -d10s, city-wide KPI:\n'
  wrk -t2 -c8 -d10s --latency -H "Authorization: Bearer $token" "$base/api/grid/stats/incidents?from=$from&to=$to" |
    grep -E 'Requests/sec|50%|99%'
  printf '\nwrk -t2 -c64 -d10s, overview:\n'
  wrk -t2 -c64 -d10s --latency -H "Authorization: Bearer $token" "$base/api/grid/stats/overview" |
    grep -E 'Requests/sec|50%|99%'
fi
printf 'grid RSS %s MB\n' "$(($(awk '/VmRSS/ { print $2 }' "/proc/${pids[1]}/status") / 1024))"
