-- wrk script for src/bench/run.sh: one endpoint per run, described by the environment.
--   BENCH_PATH    the path; "{id}" in it becomes a random id in [BENCH_FIRST_ID, BENCH_LAST_ID]
--   BENCH_METHOD  GET (default) or POST; BENCH_BODY the request body
--   BENCH_ACCEPT, BENCH_AUTH, BENCH_TYPE  Accept, Authorization and Content-Type headers, if set
--   BENCH_PATHS   a file of paths, one per line: each request takes one at random (BENCH_PATH unused)
-- At the end it prints one JSON line: requests, duration, bytes, latency percentiles (microseconds)
-- and errors, which run.sh records.
local path = os.getenv("BENCH_PATH") or ""
local paths = nil
if os.getenv("BENCH_PATHS") then
    paths = {}
    for line in io.lines(os.getenv("BENCH_PATHS")) do paths[#paths + 1] = line end
end
local method = os.getenv("BENCH_METHOD") or "GET"
local body = os.getenv("BENCH_BODY")
local first = tonumber(os.getenv("BENCH_FIRST_ID") or "1")
local last = tonumber(os.getenv("BENCH_LAST_ID") or "1")
local random = string.find(path, "{id}", 1, true) ~= nil

local headers = {}
if os.getenv("BENCH_ACCEPT") then headers["Accept"] = os.getenv("BENCH_ACCEPT") end
if os.getenv("BENCH_AUTH") then headers["Authorization"] = os.getenv("BENCH_AUTH") end
if os.getenv("BENCH_TYPE") then headers["Content-Type"] = os.getenv("BENCH_TYPE") end

local fixed = nil

function init(args)
    math.randomseed(os.time())
    if not random and not paths then
        fixed = wrk.format(method, path, headers, body)
    end
end

function request()
    if fixed then
        return fixed
    end
    if paths then
        return wrk.format(method, paths[math.random(1, #paths)], headers, body)
    end
    local target = string.gsub(path, "{id}", tostring(math.random(first, last)))
    return wrk.format(method, target, headers, body)
end

function done(summary, latency, requests)
    local e = summary.errors
    io.write(string.format(
        '{"requests":%d,"duration_us":%d,"bytes":%d,"p50_us":%d,"p99_us":%d,"max_us":%d,' ..
        '"connect_errors":%d,"read_errors":%d,"write_errors":%d,"status_errors":%d,"timeouts":%d}\n',
        summary.requests, summary.duration, summary.bytes, latency:percentile(50), latency:percentile(99),
        latency.max, e.connect, e.read, e.write, e.status, e.timeout))
end
