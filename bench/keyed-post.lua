-- wrk script: every request a POST with its own Idempotency-Key (thread id + counter + a per-run
-- random prefix), the JSON body from $BENCH_BODY. bench/bench.py counts what was created afterwards.
local counter = 0
local threads = 0
local prefix = string.format("%x", os.time()) .. "-" .. string.format("%x", math.random(0, 0xffffff))

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

function init(args)
  wrk.method = os.getenv("BENCH_METHOD") or "POST"
  wrk.body = os.getenv("BENCH_BODY") or "{}"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  counter = counter + 1
  wrk.headers["Idempotency-Key"] = "bench-" .. prefix .. "-" .. id .. "-" .. counter
  return wrk.format()
end
