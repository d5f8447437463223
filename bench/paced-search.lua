-- wrk script: like search.lua (a random q per request, so every search calls the upstream), but each connection
-- waits DELAY_MS (default 8) after every answer, so the offered load stays below saturation (about
-- connections / (DELAY_MS + latency) requests per second: 32 connections and 8 ms give about 3,500/s).
math.randomseed(os.time())
local delay_ms = tonumber(os.getenv("DELAY_MS") or "8")
request = function()
  return wrk.format("GET", "/api/v1/search?q=federated+" .. math.random(1, 100000000))
end
delay = function()
  return delay_ms
end
