-- wrk script: each connection waits $BENCH_DELAY_MS milliseconds before each request, so the offered rate is
-- connections * 1000 / BENCH_DELAY_MS requests per second whatever the answers' speed (an open loop, as far as
-- wrk allows): the latency then shows the service at that rate, not the queue a closed loop builds up.
local delay_ms = tonumber(os.getenv("BENCH_DELAY_MS") or "100")

function delay()
  return delay_ms
end
