-- wrk script: POST batches of chat messages with the session cookie, and report what was acknowledged.
--
-- wrk -t2 -c16 -d23s --latency -s post-messages.lua URL -- TEXTS BATCH USER CHAT TOKEN ACTIVE_SECONDS
--
-- Requests are sent for ACTIVE_SECONDS only; after that every connection waits (delay()) until wrk stops,
-- so no request is in flight when wrk ends and every stored row belongs to a counted response. wrk's own
-- duration (-d) must therefore be a few seconds longer than ACTIVE_SECONDS.
-- Batches of 1 use the single-message body {"message", "actor"}, larger ones {"messages": [...]}.

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clock_id, bench_timespec *tp);
]]
local CLOCK_MONOTONIC = 1
local ts = ffi.new("bench_timespec")
local function now()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, ts)
  return tonumber(ts.tv_sec) + tonumber(ts.tv_nsec) / 1e9
end

local VARIANTS = 16 -- distinct bodies per connection, sent in turn
local ROLES = { "user", "assistant" }

local threads = {}
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_no", thread_count)
  table.insert(threads, thread)
end

-- per-thread state
local requests = {}
variants = {} -- path, headers and body of each request, for scripts that build on this one
local next_request = 1
local active_seconds
local deadline
ok, non2xx, first_sent, last_done = 0, 0, 0, 0
first_failure = ""

local function read_lines(path)
  local lines = {}
  for line in io.lines(path) do
    if #line > 0 then
      table.insert(lines, line)
    end
  end
  assert(#lines > 0, "no message texts in " .. path)
  return lines
end

function init(args)
  local texts = read_lines(args[1])
  local batch = tonumber(args[2])
  local user, chat, token = args[3], args[4], args[5]
  active_seconds = tonumber(args[6])
  local path = "/api/users/" .. user .. "/chats/" .. chat .. "/messages"
  local headers = {
    ["Content-Type"] = "application/json",
    ["Cookie"] = "neptun-session=" .. token,
  }
  for v = 0, VARIANTS - 1 do
    local tag = "[" .. tostring(thread_no) .. "." .. v .. "] "
    local body
    if batch == 1 then
      body = '{"message":"' .. tag .. texts[v % #texts + 1] .. '","actor":"' .. ROLES[v % 2 + 1] .. '"}'
    else
      local items = {}
      for i = 0, batch - 1 do
        items[#items + 1] = '{"content":"' .. tag .. i .. " " .. texts[(v + i) % #texts + 1]
            .. '","role":"' .. ROLES[(v + i) % 2 + 1] .. '"}'
      end
      body = '{"messages":[' .. table.concat(items, ",") .. "]}"
    end
    variants[#variants + 1] = { path = path, headers = headers, body = body }
    requests[#requests + 1] = wrk.format("POST", path, headers, body)
  end
end

-- The request for variant v: the same bytes every time. post-messages-keyed.lua replaces it.
function request_for(v)
  return requests[v]
end

function request()
  if not deadline then
    first_sent = now()
    deadline = first_sent + active_seconds
  end
  local r = request_for(next_request)
  next_request = next_request % #requests + 1
  return r
end

-- Past the deadline no connection sends again: wrk stops while they wait.
function delay()
  if deadline and now() >= deadline then
    return 3600000
  end
  return 0
end

function response(status, headers, body)
  last_done = now()
  if status >= 200 and status < 300 then
    ok = ok + 1
  else
    non2xx = non2xx + 1
    if first_failure == "" then
      first_failure = status .. " " .. string.sub(body or "", 1, 200)
    end
  end
end

function done(summary, latency, requests)
  local total_ok, total_non2xx, first, last = 0, 0, math.huge, 0
  local failure = ""
  for _, thread in ipairs(threads) do
    total_ok = total_ok + thread:get("ok")
    total_non2xx = total_non2xx + thread:get("non2xx")
    local f, l = thread:get("first_sent"), thread:get("last_done")
    if f > 0 and f < first then first = f end
    if l > last then last = l end
    if failure == "" then failure = thread:get("first_failure") end
  end
  local e = summary.errors
  local elapsed = (last > first) and (last - first) or 0
  io.write(string.format(
      "RESULT completed=%d ok=%d non2xx=%d err_connect=%d err_read=%d err_write=%d err_status=%d err_timeout=%d "
          .. "elapsed_s=%.3f p50_us=%d p90_us=%d p99_us=%d max_us=%d mean_us=%.0f\n",
      summary.requests, total_ok, total_non2xx, e.connect, e.read, e.write, e.status, e.timeout,
      elapsed, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
  if failure ~= "" then
    io.write("FIRST_FAILURE " .. (failure:gsub("[\r\n]", " ")) .. "\n")
  end
end
