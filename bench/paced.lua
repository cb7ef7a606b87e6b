-- wrk script: paces each connection with wrk's delay() hook: after each answer a connection waits
-- $BENCH_INTERVAL_MS before its next request, so N connections offer at most N * 1000 / interval
-- requests/s: latency measured below saturation rather than the queueing of a closed loop. wrk starts a
-- request's clock when the request is sent, so the pause is not counted as latency; a slow answer still
-- delays its connection's next request (as in any closed-loop tool), so bench.py reports the rate achieved.
local interval_ms = tonumber(os.getenv("BENCH_INTERVAL_MS") or "10")

function delay()
  return interval_ms
end
