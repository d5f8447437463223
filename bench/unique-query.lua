-- Every request asks a different q, so provider caches never answer: each request is a real fan-out.
local counter = 0
request = function()
  counter = counter + 1
  local path = wrk.path .. "&q=bench" .. math.random(1, 1000000000) .. "x" .. counter
  return wrk.format("GET", path)
end
