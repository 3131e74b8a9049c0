-- POST /sessions: logins of random seeded users (password "benchpass").
dofile(os.getenv("WRK_DIR") .. "/report.lua")

local users = tonumber(os.getenv("USERS"))

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16))
end

function request()
  local body = "email=bench" .. math.random(0, users - 1) .. "%40example.com&password=benchpass"
  return wrk.format("POST", "/sessions",
    { ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end
