-- Every request asks a different one-typo prefix (a word of the seed's syllables with one letter dropped), so the
-- suggest engine's cache of compiled one-edit queries rarely helps: each request compiles its automata.
local syllables = {"ne", "u", "tri", "no", "so", "lar", "quan", "tum", "gra", "vi", "ta", "ti", "on", "al", "dark",
  "mat", "ter", "ex", "o", "pla", "net", "cos", "mic", "ray", "spin", "glass", "field", "the", "ory"}
request = function()
  local w = ""
  for _ = 1, math.random(3, 4) do w = w .. syllables[math.random(#syllables)] end
  local cut = math.random(2, #w - 1)
  return wrk.format("GET", wrk.path .. "&prefix=" .. w:sub(1, cut - 1) .. w:sub(cut + 1))
end
