-- POST /sessions: wrong passwords for one account, which the throttle
-- refuses (429) before any bcrypt work.
dofile(os.getenv("WRK_DIR") .. "/report.lua")

local body = "email=" .. (os.getenv("TARGET") or "bench0%40example.com") .. "&password=not-the-password"

function request()
  return wrk.format("POST", "/sessions",
    { ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end
