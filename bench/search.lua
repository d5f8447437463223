-- wrk script: GET /api/v1/search with a random q, so every search misses the provider cache and calls the upstream.
math.randomseed(os.time())
request = function()
  return wrk.format("GET", "/api/v1/search?q=federated+" .. math.random(1, 100000000))
end
