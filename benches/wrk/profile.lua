-- GET /profile with a session cookie drawn at random from many users.
dofile(os.getenv("WRK_DIR") .. "/report.lua")

local ids = {}

function init(args)
  for line in io.lines(os.getenv("SESSIONS_FILE")) do
    ids[#ids + 1] = line
  end
  math.randomseed(os.time() + tonumber(tostring(ids):match("0x(%x+)") or "0", 16))
end

function request()
  local id = ids[math.random(#ids)]
  return wrk.format("GET", "/profile", { ["Cookie"] = "session_id=" .. id })
end
