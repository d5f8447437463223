-- wrk script: GET /api/v1/results with randomised parameters, so no database result cache (H2 reuses the result
-- of an identical query while no table changed) flatters the figures. TEMPLATE (env) is the path and query with
-- {a} (random 0..4999), {n} (the surname of author {a}), {w} (a random title word), {p} (random page 1..100),
-- {h0}/{h1} (a random hour in the last 10 days) and {now}. Names are built as in HistoryWriteBench.name.
local template = os.getenv("TEMPLATE")
local now = tonumber(os.getenv("NOW"))
local syllables = {"ka", "lo", "mi", "ren", "tor", "sa", "vel", "din", "qua", "ber", "nik", "ola", "pru", "zet", "hal",
  "mor", "gan", "tis", "fel", "dro", "chi", "lum", "pax", "rio", "sen", "bra", "kul", "wen", "yor", "ept", "gil", "nop",
  "sto", "vri", "xan", "jub", "ile", "arc", "ome", "usk"}
local function name(k)
  local w = syllables[k % 40 + 1] .. syllables[math.floor(k / 40) % 40 + 1]
  if k >= 1600 then w = w .. syllables[math.floor(k / 1600) % 40 + 1] end
  return w
end
math.randomseed(os.time())
request = function()
  local h = now - math.random(1, 239) * 3600
  local a = math.random(0, 4999)
  local path = template:gsub("{a}", tostring(a)):gsub("{n}", name(a)):gsub("{w}", name(math.random(0, 9999)))
                       :gsub("{p}", tostring(math.random(1, 100)))
                       :gsub("{h0}", tostring(h)):gsub("{h1}", tostring(h + 3599))
                       :gsub("{now}", tostring(now))
  return wrk.format("GET", path)
end
