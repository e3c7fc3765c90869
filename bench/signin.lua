-- wrk script of the sign-in load benchmark (bench/run.sh signin): every request is POST
-- /api/v1/meetings/{id}/sign-ins {"code": …} with a different member's bearer token, each token used exactly once.
--
--   wrk -t T -c C -d LIMIT -s bench/signin.lua URL -- TOKENS CODEFILE MEETING T [PACE_MS] [DONEFILE]
--
-- TOKENS: one token per line; thread i of T takes lines i, i+T, … CODEFILE holds the current 6-digit code (re-read
-- every second, so a long paced pass follows the rotating code). PACE_MS 0 (default): as fast as the connections go;
-- otherwise each connection waits a random 0–2×PACE_MS before each request (an arrival rate, not a burst). When a
-- thread has sent its last token its connections stay idle; when every thread has had its last answer, the script
-- interrupts wrk (SIGINT), so the run lasts as long as the 2,000 sign-ins and not the -d limit. wrk's own
-- Requests/sec then counts from start to that interrupt; the script also prints the span from the first request sent
-- to the last answer received, the answers by status, and the latency percentiles of wrk's histogram.

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } dj_timespec;
  int clock_gettime(int clk_id, dj_timespec *tp);
  int kill(int pid, int sig);
  int getpid(void);
]]

local function now_us()
  local ts = ffi.new("dj_timespec")
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000000 + math.floor(tonumber(ts.tv_nsec) / 1000)
end

local next_id = 0
local threads = {}

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

local function read_code()
  local f = assert(io.open(code_file, "r"))
  code = f:read("*l")
  f:close()
  code_read_at = os.time()
end

function init(args)
  local tokens_file = args[1]
  code_file = args[2]
  local meeting = args[3]
  nthreads = tonumber(args[4])
  pace = tonumber(args[5] or "0")
  done_file = args[6]
  tokens = {}
  local i = 0
  for line in io.lines(tokens_file) do
    if line ~= "" then
      if i % nthreads == id then tokens[#tokens + 1] = line end
      i = i + 1
    end
  end
  quota = #tokens
  reserved, sent, completed = 0, 0, 0
  statuses = {}
  first_sent_us, last_answer_us = 0, 0
  first_error = ""
  path = "/api/v1/meetings/" .. meeting .. "/sign-ins"
  math.randomseed(os.time() + id * 7919)
  read_code()
end

-- Called before each request of a connection: a token is reserved here, so no connection asks for one that is gone.
function delay()
  if reserved >= quota then return 3600000 end
  reserved = reserved + 1
  if pace > 0 then return math.random(0, 2 * pace) end
  return 0
end

function request()
  -- wrk calls request() once in thread 1's state before the run, to check the request parses: that one is never
  -- sent and must not use up a token.
  if reserved == 0 then return wrk.format("POST", path, nil, "{}") end
  sent = sent + 1
  if sent == 1 then first_sent_us = now_us() end
  if os.time() ~= code_read_at then read_code() end
  return wrk.format("POST", path,
    { ["Authorization"] = "Bearer " .. tokens[sent], ["Content-Type"] = "application/json" },
    '{"code":"' .. code .. '"}')
end

function response(status, headers, body)
  completed = completed + 1
  last_answer_us = now_us()
  statuses[status] = (statuses[status] or 0) + 1
  if status >= 300 and first_error == "" then first_error = status .. " " .. string.sub(body, 1, 300) end
  if completed == quota then
    local f = assert(io.open(done_file, "a"))
    f:write(id, "\n")
    f:close()
    local n = 0
    for _ in io.lines(done_file) do n = n + 1 end
    wrk.thread:stop()
    if n == nthreads then ffi.C.kill(ffi.C.getpid(), 2) end
  end
end

function done(summary, latency, requests)
  local counts, first, last, errors = {}, nil, 0, {}
  local total = 0
  for _, t in ipairs(threads) do
    for status, n in pairs(t:get("statuses")) do
      counts[status] = (counts[status] or 0) + n
      total = total + n
    end
    local f, l = t:get("first_sent_us"), t:get("last_answer_us")
    if f > 0 and (first == nil or f < first) then first = f end
    if l > last then last = l end
    local e = t:get("first_error")
    if e ~= "" then errors[#errors + 1] = e end
  end
  local parts = {}
  for status, n in pairs(counts) do parts[#parts + 1] = status .. ": " .. n end
  table.sort(parts)
  local span = (first and last > first) and (last - first) / 1e6 or 0
  io.write(string.format("answers: %d (%s); non-2xx: %d; socket errors: connect %d, read %d, write %d, timeout %d\n",
    total, table.concat(parts, ", "), summary.errors.status, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.timeout))
  io.write(string.format("span first request to last answer: %.3f s -> %.0f answers/s (wrk: %d in %.3f s)\n",
    span, span > 0 and total / span or 0, summary.requests, summary.duration / 1e6))
  io.write(string.format("latency ms: p50 %.1f, p90 %.1f, p99 %.1f, max %.1f, mean %.1f, stdev %.1f\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    latency.mean / 1000, latency.stdev / 1000))
  for _, e in ipairs(errors) do io.write("first error of a thread: " .. e .. "\n") end
end
