-- GET /: the HTTP stack's own ceiling.
dofile(os.getenv("WRK_DIR") .. "/report.lua")
