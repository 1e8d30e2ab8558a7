-- wrk script: post-messages.lua with a fresh Idempotency-Key on every request, to measure what a key costs.
--
-- wrk -t2 -c16 -d23s --latency -s post-messages-keyed.lua URL -- TEXTS BATCH USER CHAT TOKEN ACTIVE_SECONDS
--
-- Same bodies, same pacing and the same RESULT line as post-messages.lua; each request carries a key no other
-- request of any run has: a per-thread random prefix, the thread's number and a counter. The keyed requests
-- are formatted one by one (the plain ones are formatted once), which costs wrk a little CPU of its own.

local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "post-messages.lua")

local sent = 0
local prefix

function request_for(v)
  if not prefix then
    math.randomseed(os.time() * 1000 + thread_no)
    prefix = string.format("bench-%d-%08x-%d", os.time(), math.random(0, 0x7fffffff), thread_no)
  end
  sent = sent + 1
  local variant = variants[v]
  local headers = {}
  for name, value in pairs(variant.headers) do
    headers[name] = value
  end
  headers["Idempotency-Key"] = prefix .. "-" .. sent
  return wrk.format("POST", variant.path, headers, variant.body)
end
