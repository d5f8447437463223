-- wrk script: GET /api/v1/results with randomised parameters, so no database result cache (H2 reuses the result
-- of an identical query while no table changed) flatters the figures. TEMPLATE (env) is the path and query with
-- {a} (random 0..4999: an author number), {p} (random page 1..100), {h} (a random hour start in the last 10 days)
-- and {now}.
local template = os.getenv("TEMPLATE")
local now = tonumber(os.getenv("NOW"))
math.randomseed(os.time())
request = function()
  local h = now - math.random(1, 239) * 3600
  local path = template:gsub("{a}", tostring(math.random(0, 4999)))
                       :gsub("{p}", tostring(math.random(1, 100)))
                       :gsub("{h0}", tostring(h)):gsub("{h1}", tostring(h + 3599))
                       :gsub("{now}", tostring(now))
  return wrk.format("GET", path)
end
