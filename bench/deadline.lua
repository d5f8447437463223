-- Deadline benchmark (bench/deadline-http.sh): unique queries, so no cache answers; counts non-200 answers and,
-- at the end, the share of answers within the deadline plus 20 ms and plus 100 ms, and the p50/p99.
-- DEADLINE_MS comes from the environment (default 500).
local counter = 0
local deadline_ms = tonumber(os.getenv("DEADLINE_MS") or "500")
local threads = {}

setup = function(thread)
  table.insert(threads, thread)
end

init = function(args)
  bad = 0
end

request = function()
  counter = counter + 1
  local path = wrk.path .. "&timeout_ms=" .. deadline_ms .. "&q=bench" .. math.random(1, 1000000000) .. "x" .. counter
  return wrk.format("GET", path)
end

response = function(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end

-- The share of answers at or below `limit_us`: the highest percentile whose latency is within it.
local function share_within(latency, limit_us)
  if latency.max <= limit_us then return 100 end
  local lo, hi = 0, 100
  for _ = 1, 40 do
    local mid = (lo + hi) / 2
    if latency:percentile(mid) <= limit_us then lo = mid else hi = mid end
  end
  return lo
end

done = function(summary, latency, requests)
  local non200 = 0
  for _, t in ipairs(threads) do non200 = non200 + (t:get("bad") or 0) end
  local timeouts = summary.errors.timeout
  io.write(string.format("answers %d, non-200 %d, socket errors %d (timeouts %d)\n", summary.requests, non200,
      summary.errors.connect + summary.errors.read + summary.errors.write + timeouts, timeouts))
  io.write(string.format("within deadline+20ms: %.2f %%  within deadline+100ms: %.2f %%  p50 %.1f ms  p99 %.1f ms  max %.1f ms\n",
      share_within(latency, (deadline_ms + 20) * 1000), share_within(latency, (deadline_ms + 100) * 1000),
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
