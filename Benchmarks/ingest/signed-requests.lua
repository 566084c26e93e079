-- wrk script: every request is a different signed Meta delivery, read from REQUESTS (one
-- "signature<TAB>body" a line). Threads take disjoint slices so no two send the same item.
local requests = {}
local file = assert(io.open(os.getenv("REQUESTS"), "r"))
for line in file:lines() do
  local tab = string.find(line, "\t", 1, true)
  requests[#requests + 1] = { string.sub(line, 1, tab - 1), string.sub(line, tab + 1) }
end
file:close()

local threads = 0
function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

function init(args)
  count = tonumber(os.getenv("THREADS") or "1")
  next_index = id
end

function request()
  local entry = requests[(next_index % #requests) + 1]
  next_index = next_index + count
  return wrk.format("POST", "/webhooks/meta", { ["X-Hub-Signature-256"] = entry[1], ["Content-Type"] = "application/json" }, entry[2])
end
