-- GET /profile with a session cookie drawn at random from many users.
dofile(os.getenv("WRK_DIR") .. "/report.lua")

-- At most this many ids, spread evenly over the whole file: enough to hit
-- the database all over, small enough that the client's own garbage
-- collector does not stall requests and show up in the latency.
local SAMPLE = 100000
local ids = {}

function init(args)
  local all = {}
  for line in io.lines(os.getenv("SESSIONS_FILE")) do
    all[#all + 1] = line
  end
  local stride = math.max(1, math.floor(#all / SAMPLE))
  for i = 1, #all, stride do
    ids[#ids + 1] = all[i]
  end
  all = nil
  collectgarbage("collect")
  math.randomseed(os.time() + tonumber(tostring(ids):match("0x(%x+)") or "0", 16))
end

function request()
  local id = ids[math.random(#ids)]
  return wrk.format("GET", "/profile", { ["Cookie"] = "session_id=" .. id })
end
