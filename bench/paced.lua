-- wrk script: paces each connection with wrk's delay() hook: before each request a connection waits about
-- $BENCH_INTERVAL_MS, so N connections offer about N * 1000 / interval requests/s: latency measured below
-- saturation rather than the queueing of a closed loop. wrk starts a request's clock when the request is sent,
-- so the pause is not counted as latency; a slow answer still delays its connection's next request (as in any
-- closed-loop tool), so bench.py reports the rate achieved.
--
-- The connections are kept out of step: each one's first request comes at a random moment of the first interval,
-- and every pause is drawn between half and one and a half intervals. With one fixed pause for all (until session
-- 7) the connections started together and stayed together: the "paced" load was a burst of every connection at
-- once, each interval, and its p99 the time to work off one burst (docs/benchmarks.md, session 7).
local interval_ms = tonumber(os.getenv("BENCH_INTERVAL_MS") or "10")
-- this thread's connections (wrk shares them out evenly between its threads): its first that many pauses
-- are the connections' first requests
local first = tonumber(os.getenv("BENCH_CONNECTIONS_PER_THREAD") or "0")
local calls = 0
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function init(args)
  math.randomseed(os.time() * 1000 + (thread_number or 0))
end

function delay()
  calls = calls + 1
  if calls <= first then
    return math.random(0, interval_ms)
  end
  return math.random(math.floor(interval_ms / 2), math.floor(interval_ms * 3 / 2))
end
