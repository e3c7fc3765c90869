#!/usr/bin/env bash
# Builds the benchmarks, seeds a 200k-member tenant into SQLite and PostgreSQL (once; skipped when already there) and
# runs BenchmarkDotNet. Results: $DATA/results/results/*.md (also printed at the end).
#
#   bench/run.sh                                  # everything: seed if missing, all benchmarks on both providers
#   bench/run.sh --filter '*OrgTreeBenchmarks*'   # other arguments go to BenchmarkDotNet (default: --filter '*')
#   DJ_BENCH_SKIP_PG=1 bench/run.sh               # SQLite only
#   bench/run.sh probe                            # single-shot timings of each query (DJ_BENCH_SQL=1: and their SQL)
#   bench/run.sh import                           # roster import of a 50,000-row .xlsx into a fresh database, 3 runs
#                                                 # per provider (DJ_BENCH_IMPORT_ROWS, DJ_BENCH_IMPORT_RUNS)
#   bench/run.sh signin                           # 2,000 members signing in to one 主题党日: the web app on loopback, wrk
#                                                 # (bench/signin.lua), each token once, then the count (DJ_BENCH_SIGNIN_*,
#                                                 # DJ_BENCH_SKIP_SQLITE; docs/benchmarks.md); DJ_BENCH_SIGNIN_SHORT=1: the
#                                                 # cold, warm-up and warm passes only; DJ_BENCH_SIGNIN_APP_ARGS: settings
#                                                 # for the web app (e.g. --Startup:WarmUp:Enabled=false)
#   bench/run.sh assessment                       # points (automatic run, statement, ranking) and the branch assessment
#                                                 # of all branches, on the dashboard's 200,000-member data (DJ_BENCH_ASM_*)
#   DJ_BENCH_PUBLISH=1 bench/run.sh …             # any mode with the web app as deployed: scripts/publish.sh's ReadyToRun
#                                                 # publish instead of the plain build
#   bench/run.sh dashboard                        # 党建红云 at 200,000 members with 3 years of activity, per provider in one run:
#                                                 # roll-up rebuild time and peak RSS, GET …/dashboard p50/p95/p99 of root and
#                                                 # branch on the running web app with its RSS, the naive figures and the ratio
#                                                 # (DJ_BENCH_DATA defaults to /tmp/bench-dash here; DJ_BENCH_DASH_*;
#                                                 # DJ_BENCH_DASH_SEED_ONLY=1 seeds what is missing and measures nothing)
#   bench/run.sh study                            # 10,000 members studying a video at once: heartbeats at 333/s for 5 minutes
#                                                 # on the web app on loopback, then every member's stored seconds recomputed
#                                                 # (DJ_BENCH_STUDY_*; DJ_BENCH_DATA defaults to /tmp/bench-edu)
#   bench/run.sh contest                          # 2,000 members handing in a 20-question 知识竞赛 within a minute, 5 % twice at
#                                                 # once, then every attempt checked graded once (DJ_BENCH_CONTEST_*)
#   bench/run.sh logins [--Setting=value ...]     # logins beside the rest (issue 21, item 9): per provider, 50 accounts on a
#                                                 # fresh database, the web app on loopback; one client's cheap API call alone
#                                                 # for 20 s (phase A), then beside 20 clients logging in through
#                                                 # POST /api/v1/auth/token for 20 s (phase B): its p50/p95/p99/max, tokens/s and
#                                                 # 429s. Waits first for a 1-minute load average under 1.0 (at most 25 min).
#                                                 # The arguments go to the web app, e.g. --Auth:ConcurrentHashes=2;
#                                                 # DJ_BENCH_LOGINS_APP_ROOT=/work/wt-old runs another checkout's app (built
#                                                 # there into its own artifacts path) under the same load (DJ_BENCH_LOGINS_*;
#                                                 # DJ_BENCH_DATA defaults to /tmp/bench-logins, artifacts to /tmp/art-bench-logins)
#
# Builds into a private artifacts path ($ART, default /tmp/art-bench) so it never touches src/*/bin|obj, and runs
# BenchmarkDotNet in-process (no generated project is built). See docs/benchmarks.md.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
ART=${DJ_BENCH_ARTIFACTS:-/tmp/art-bench}
DATA=${DJ_BENCH_DATA:-/tmp/bench}
MEMBERS=${DJ_BENCH_MEMBERS:-200000}
TENANT="压测集团${MEMBERS}"
SQLITE_DB=${DJ_BENCH_SQLITE_FILE:-$DATA/sqlite-${MEMBERS}.db}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGPASSWORD=${PGPASSWORD:-postgres}
PG_DB=${DJ_BENCH_PG_DB:-dj_bench}
PG_CS="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Password=$PGPASSWORD;Database=$PG_DB"

if [[ "${1:-}" == "dashboard" || "${1:-}" == "assessment" ]]; then
  DATA=${DJ_BENCH_DATA:-/tmp/bench-dash}
  ART=${DJ_BENCH_ARTIFACTS:-/tmp/art-bench-dash}
  SQLITE_DB=${DJ_BENCH_SQLITE_FILE:-$DATA/sqlite-${MEMBERS}.db}
  PG_DB=${DJ_BENCH_PG_DB:-dj_bench_dash}
  PG_CS="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Password=$PGPASSWORD;Database=$PG_DB"
fi

if [[ "${1:-}" == "logins" ]]; then
  DATA=${DJ_BENCH_DATA:-/tmp/bench-logins}
  ART=${DJ_BENCH_ARTIFACTS:-/tmp/art-bench-logins}
fi

mkdir -p "$DATA"
echo "== build (artifacts: $ART)"
dotnet build "$ROOT/bench/Dangjian.Bench/Dangjian.Bench.csproj" -c Release --artifacts-path "$ART" -nologo -v quiet
WEB="$ART/bin/Dangjian.Web/release/Dangjian.Web.dll"
BENCH="$ART/bin/Dangjian.Bench/release/Dangjian.Bench.dll"
# DJ_BENCH_PUBLISH=1: the web app as deployed (scripts/publish.sh: ReadyToRun for this platform), published into $ART/publish.
if [[ "${DJ_BENCH_PUBLISH:-0}" == "1" ]]; then
  case "$(uname -m)" in aarch64|arm64) RID=linux-arm64 ;; *) RID=linux-x64 ;; esac
  echo "== publish (ReadyToRun, $RID) into $ART/publish"
  dotnet publish "$ROOT/src/Dangjian.Web/Dangjian.Web.csproj" -c Release -r "$RID" --self-contained false --artifacts-path "$ART" \
    -o "$ART/publish" -nologo -v quiet
  WEB="$ART/publish/Dangjian.Web.dll"
fi

# The personal-data key of the seeded data is kept with the data (the seed command would otherwise create one in the
# app's own folder, here the artifacts path).
seed() {
  (cd "$DATA" && /usr/bin/env time -f "wall %e s, user %U s, sys %S s, max RSS %M KiB" \
    dotnet "$WEB" seed --members "$MEMBERS" "--PersonalData:KeyFile=$DATA/keys/personal-data.key" "$@")
}

# Roster import: a generated roster (kept between runs) into a fresh database per run, providers taking turns. The
# web app runs with server GC (its runtimeconfig), so the import does too unless DJ_BENCH_GC_SERVER=0.
if [[ "${1:-}" == "import" ]]; then
  ROWS=${DJ_BENCH_IMPORT_ROWS:-50000}
  RUNS=${DJ_BENCH_IMPORT_RUNS:-3}
  DIR="$DATA/import"
  ROSTER="$DIR/roster-$ROWS.xlsx"
  IMPORT_PG_DB=${DJ_BENCH_IMPORT_PG_DB:-dj_bench_import}
  LOG="$DATA/results/import-$(date +%Y%m%d-%H%M%S).log"
  mkdir -p "$DIR" "$DATA/results"
  [[ -f "$ROSTER" ]] || dotnet "$BENCH" import-roster "$ROSTER" "$ROWS"
  export DOTNET_gcServer=${DJ_BENCH_GC_SERVER:-1}
  timed() { /usr/bin/env time -f "process: wall %e s, user %U s, sys %S s, max RSS %M KiB" dotnet "$BENCH" import "$@"; }
  {
    echo "== commit $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- src bench || echo ' (with local changes)'); $(uptime)"
    for run in $(seq 1 "$RUNS"); do
      echo "== run $run of $RUNS"
      rm -f "$DIR/import.db" "$DIR/import.db-wal" "$DIR/import.db-shm"
      timed Sqlite "Data Source=$DIR/import.db" "$ROSTER"
      if [[ "${DJ_BENCH_SKIP_PG:-0}" != "1" ]]; then
        psql -d postgres -qc "DROP DATABASE IF EXISTS $IMPORT_PG_DB" -c "CREATE DATABASE $IMPORT_PG_DB"
        timed Postgres "Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Password=$PGPASSWORD;Database=$IMPORT_PG_DB" "$ROSTER"
      fi
    done
  } 2>&1 | tee "$LOG"
  echo "== log: $LOG"
  exit 0
fi

# Sign-in under load: per provider, a fresh database with one branch of 2,000 members who each have an account and a
# bearer token (bench Dangjian.Bench signin-prepare), the real web app started from the build on loopback (production
# settings), three 主题党日 planned by the host through the API, and wrk sending each member's sign-in once per pass:
#   first    meeting 1, right after start (cold)      warm-up   meeting 1 again (every answer a 200), then 10 s idle
#   measured meeting 2, the same server warm          repeat    meeting 2 again: every answer a 200
#   paced    meeting 3, 2,000 spread over about a minute
# After the passes, the rows of each meeting are counted (2,000, none duplicated). The code is fetched from the
# meeting API before each pass and every 5 s during it, as the screen at the meeting shows it.
if [[ "${1:-}" == "signin" ]]; then
  SI_MEMBERS=${DJ_BENCH_SIGNIN_MEMBERS:-2000}
  SI_CONNS=${DJ_BENCH_SIGNIN_CONNECTIONS:-50}
  SI_THREADS=${DJ_BENCH_SIGNIN_THREADS:-2}
  SI_TOKENS=${DJ_BENCH_SIGNIN_TOKENS:-mint}        # mint (app's token options) | endpoint (POST /api/v1/auth/token each)
  SI_PORT=${DJ_BENCH_SIGNIN_PORT:-5091}
  SI_PACE_SECONDS=${DJ_BENCH_SIGNIN_PACE_SECONDS:-60}
  SI_PG_DB=${DJ_BENCH_SIGNIN_PG_DB:-dj_bench_signin}
  SI_URL="http://127.0.0.1:$SI_PORT"
  WEBDIR=$(dirname "$WEB")
  LOG="$DATA/results/signin-$(date +%Y%m%d-%H%M%S).log"
  mkdir -p "$DATA/results"
  command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }

  SERVER=""
  stop_server() {
    if [[ -n "$SERVER" ]] && kill -0 "$SERVER" 2>/dev/null; then
      echo "   server process: $(ps -o etime=,time=,rss= -p "$SERVER" | awk '{print "elapsed " $1 ", CPU " $2 ", RSS " $3 " KiB"}')"
      kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
    fi
    SERVER=""
  }
  server_cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER/stat"; }
  # The PostgreSQL backends serving the benchmark database (the app's pooled connections stay open between passes;
  # other databases on the same server, e.g. other test runs, are not counted).
  pg_cpu_ticks() {
    local t=0 p
    for p in $(psql -d postgres -Atc "SELECT pid FROM pg_stat_activity WHERE datname = '$SI_PG_DB'"); do
      t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)))
    done
    echo "$t"
  }
  fetch_code() { # meeting dir: the code the host's screen shows, into dir/code
    curl -sf -H "Authorization: Bearer $(cat "$2/host-token.txt")" "$SI_URL/api/v1/meetings/$1" | jq -r .signInCode.code > "$2/code.tmp" \
      && mv "$2/code.tmp" "$2/code"
  }
  pass() { # name meeting dir pace-ms
    local name=$1 meeting=$2 dir=$3 pace=$4 refresher
    fetch_code "$meeting" "$dir"
    (while sleep 5; do fetch_code "$meeting" "$dir" || true; done) & refresher=$!
    rm -f "$dir/done"
    echo "-- $name: meeting $meeting, $SI_MEMBERS sign-ins, wrk -t$SI_THREADS -c$SI_CONNS, pace ${pace} ms; $(uptime)"
    local cpu_before pg_before; cpu_before=$(server_cpu_ticks); pg_before=$(pg_cpu_ticks)
    wrk -t"$SI_THREADS" -c"$SI_CONNS" -d"$((SI_PACE_SECONDS * 3 + 60))s" --timeout 30s --latency -s "$ROOT/bench/signin.lua" "$SI_URL" \
      -- "$dir/tokens.txt" "$dir/code" "$meeting" "$SI_THREADS" "$pace" "$dir/done"
    kill "$refresher"; wait "$refresher" 2>/dev/null || true
    echo "server CPU in this pass: $(( ($(server_cpu_ticks) - cpu_before) * 1000 / $(getconf CLK_TCK) )) ms (user + sys), i.e." \
      "$(( ($(server_cpu_ticks) - cpu_before) * 1000000 / $(getconf CLK_TCK) / SI_MEMBERS )) µs per request; $(uptime)"
    if [[ "$dir" == */Postgres ]]; then
      echo "PostgreSQL backends' CPU in this pass: $(( ($(pg_cpu_ticks) - pg_before) * 1000 / $(getconf CLK_TCK) )) ms," \
        "$(( ($(pg_cpu_ticks) - pg_before) * 1000000 / $(getconf CLK_TCK) / SI_MEMBERS )) µs per request"
    fi
  }
  run_provider() { # provider connection-string
    local provider=$1 cs=$2 dir="$DATA/signin/$1" meetings check=0
    rm -rf "$dir"; mkdir -p "$dir"
    echo "== $provider: prepare; $(uptime)"
    dotnet "$BENCH" signin-prepare "$provider" "$cs" "$dir" "$SI_MEMBERS" || return 1
    [[ "$provider" == Sqlite ]] && echo "   SQLite journal_mode: $(sqlite3 "$dir/signin.db" 'PRAGMA journal_mode')"
    (cd "$WEBDIR" && exec dotnet Dangjian.Web.dll --urls "$SI_URL" --Database:Provider="$provider" "--ConnectionStrings:$provider=$cs" \
      --Seed:Demo=false "--DataProtection:KeysPath=$dir/keys" "--PersonalData:KeyFile=$dir/keys/personal-data.key" ${DJ_BENCH_SIGNIN_APP_ARGS:-}) \
      > "$dir/server.log" 2>&1 &
    SERVER=$!
    for _ in $(seq 1 240); do curl -sf "$SI_URL/health" >/dev/null && break; sleep 0.5; done
    curl -sf "$SI_URL/health" >/dev/null || { echo "the web app did not start:"; cat "$dir/server.log"; return 1; }
    echo "== $provider: web app up (pid $SERVER, $SI_URL, Production, server GC); $(uptime)"
    if [[ "$SI_TOKENS" == endpoint ]]; then dotnet "$BENCH" signin-login "$SI_URL" "$dir" 4 || return 1; fi
    mapfile -t meetings < <(dotnet "$BENCH" signin-meeting "$SI_URL" "$dir" 首次签到 测量签到 匀速签到)
    [[ ${#meetings[@]} -eq 3 ]] || { echo "could not plan the meetings"; return 1; }
    pass "$provider first pass (cold)" "${meetings[0]}" "$dir" 0
    pass "$provider warm-up: first meeting again (200)" "${meetings[0]}" "$dir" 0
    # Let the JIT's background recompilation of the hot methods (tier 1) finish before measuring.
    sleep "${DJ_BENCH_SIGNIN_SETTLE_SECONDS:-10}"
    pass "$provider measured pass (warm)" "${meetings[1]}" "$dir" 0
    if [[ "${DJ_BENCH_SIGNIN_SHORT:-0}" != "1" ]]; then
      pass "$provider repeat pass (already signed in: 200)" "${meetings[1]}" "$dir" 0
      pass "$provider paced pass ($SI_MEMBERS over ~${SI_PACE_SECONDS} s)" "${meetings[2]}" "$dir" $((SI_PACE_SECONDS * 1000 * SI_CONNS / SI_MEMBERS))
    fi
    stop_server
    [[ "${DJ_BENCH_SIGNIN_SHORT:-0}" == "1" ]] && meetings=("${meetings[@]:0:2}")
    for m in "${meetings[@]}"; do dotnet "$BENCH" signin-check "$provider" "$cs" "$m" "$SI_MEMBERS" || check=1; done
    return $check
  }
  {
    trap stop_server EXIT
    echo "== commit $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- src bench || echo ' (with local changes)'); tokens: $SI_TOKENS; $(nproc) cores; $(uptime)"
    status=0
    if [[ "${DJ_BENCH_SKIP_SQLITE:-0}" != "1" ]]; then run_provider Sqlite "Data Source=$DATA/signin/Sqlite/signin.db" || status=1; fi
    if [[ "${DJ_BENCH_SKIP_PG:-0}" != "1" ]]; then
      psql -d postgres -qc "DROP DATABASE IF EXISTS $SI_PG_DB" -c "CREATE DATABASE $SI_PG_DB"
      run_provider Postgres "Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Password=$PGPASSWORD;Database=$SI_PG_DB${DJ_BENCH_SIGNIN_PG_OPTIONS:+;$DJ_BENCH_SIGNIN_PG_OPTIONS}" || status=1
    fi
    echo "== done; $(uptime)"
    exit $status
  } 2>&1 | tee "$LOG"
  status=${PIPESTATUS[0]}
  echo "== log: $LOG"
  exit "$status"
fi

# Study time and a contest (issue 16): per provider, a fresh database with one branch of members who each have an
# account and a bearer token (signin-prepare), the real web app started from the build on loopback (production settings,
# jobs off), then:
#   study    DJ_BENCH_STUDY_MEMBERS (10,000) members study one video (the secretary uploads an MP4 of an hour through the
#            API): their starts spread over DJ_BENCH_STUDY_RAMP_SECONDS (120), each then beating every
#            Rules:Education:HeartbeatSeconds (30); once all have started, DJ_BENCH_STUDY_SECONDS (300) of that steady load
#            are measured, open loop on a fixed schedule (bench Dangjian.Bench study-load); afterwards the stored seconds
#            of every member are recomputed from the tables and compared with what the answers credited.
#   contest  DJ_BENCH_CONTEST_MEMBERS (2,000) members start a 20-question 知识竞赛 and hand it in over
#            DJ_BENCH_CONTEST_SECONDS (60), DJ_BENCH_CONTEST_DUPLICATES (5) % of them twice at once, five screens polling
#            the ranking; afterwards every attempt is checked graded once with the expected score.
if [[ "${1:-}" == "study" || "${1:-}" == "contest" ]]; then
  MODE=$1
  DATA=${DJ_BENCH_DATA:-/tmp/bench-edu}
  if [[ "$MODE" == study ]]; then
    ED_MEMBERS=${DJ_BENCH_STUDY_MEMBERS:-10000}; ED_SECONDS=${DJ_BENCH_STUDY_SECONDS:-300}; ED_INTERVAL=${DJ_BENCH_STUDY_INTERVAL:-30}
    ED_RAMP=${DJ_BENCH_STUDY_RAMP_SECONDS:-120}
  else
    ED_MEMBERS=${DJ_BENCH_CONTEST_MEMBERS:-2000}; ED_SECONDS=${DJ_BENCH_CONTEST_SECONDS:-60}; ED_DUPLICATES=${DJ_BENCH_CONTEST_DUPLICATES:-5}
  fi
  ED_PORT=${DJ_BENCH_EDU_PORT:-5094}
  ED_PG_DB=${DJ_BENCH_EDU_PG_DB:-dj_bench_$MODE}
  ED_URL="http://127.0.0.1:$ED_PORT"
  WEBDIR=$(dirname "$WEB")
  LOG="$DATA/results/$MODE-$(date +%Y%m%d-%H%M%S).log"
  mkdir -p "$DATA/results"
  SERVER=""
  stop_server() {
    if [[ -n "$SERVER" ]] && kill -0 "$SERVER" 2>/dev/null; then
      echo "   server process: $(ps -o etime=,time=,rss= -p "$SERVER" | awk '{print "elapsed " $1 ", CPU " $2 ", RSS " $3 " KiB"}')"
      kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
    fi
    SERVER=""
  }
  run_provider() { # provider connection-string
    local provider=$1 cs=$2 dir="$DATA/$MODE/$1" check=0
    rm -rf "$dir"; mkdir -p "$dir"
    echo "== $provider: prepare $ED_MEMBERS members; $(uptime)"
    dotnet "$BENCH" signin-prepare "$provider" "$cs" "$dir" "$ED_MEMBERS" || return 1
    (cd "$WEBDIR" && exec dotnet Dangjian.Web.dll --urls "$ED_URL" --Database:Provider="$provider" "--ConnectionStrings:$provider=$cs" \
      --Seed:Demo=false --Jobs:Enabled=false "--DataProtection:KeysPath=$dir/keys" "--PersonalData:KeyFile=$dir/keys/personal-data.key" \
      "--Rules:Education:HeartbeatSeconds=${ED_INTERVAL:-30}" ${DJ_BENCH_EDU_APP_ARGS:-}) > "$dir/server.log" 2>&1 &
    SERVER=$!
    for _ in $(seq 1 240); do curl -sf "$ED_URL/health" >/dev/null && break; sleep 0.5; done
    curl -sf "$ED_URL/health" >/dev/null || { echo "the web app did not start:"; cat "$dir/server.log"; return 1; }
    echo "== $provider: web app up (pid $SERVER, $ED_URL, Production, server GC, jobs off); $(uptime)"
    if [[ "$MODE" == study ]]; then
      dotnet "$BENCH" study-course "$ED_URL" "$dir" 3600 || { stop_server; return 1; }
      dotnet "$BENCH" study-load "$ED_URL" "$dir" "$SERVER" "$ED_SECONDS" "$ED_INTERVAL" "$ED_RAMP" || check=1
      stop_server
      dotnet "$BENCH" study-check "$provider" "$cs" "$dir" || check=1
    else
      dotnet "$BENCH" contest-setup "$ED_URL" "$dir" 20 || { stop_server; return 1; }
      dotnet "$BENCH" contest-load "$ED_URL" "$dir" "$SERVER" "$ED_SECONDS" "$ED_DUPLICATES" || check=1
      stop_server
      dotnet "$BENCH" contest-check "$provider" "$cs" "$dir" || check=1
    fi
    return $check
  }
  {
    trap stop_server EXIT
    echo "== $MODE; commit $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- src bench || echo ' (with local changes)'); $(nproc) cores; $(uptime)"
    status=0
    if [[ "${DJ_BENCH_SKIP_SQLITE:-0}" != "1" ]]; then run_provider Sqlite "Data Source=$DATA/$MODE/Sqlite/$MODE.db" || status=1; fi
    if [[ "${DJ_BENCH_SKIP_PG:-0}" != "1" ]]; then
      psql -d postgres -qc "DROP DATABASE IF EXISTS $ED_PG_DB" -c "CREATE DATABASE $ED_PG_DB"
      run_provider Postgres "Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Password=$PGPASSWORD;Database=$ED_PG_DB" || status=1
    fi
    echo "== done; $(uptime)"
    exit $status
  } 2>&1 | tee "$LOG"
  status=${PIPESTATUS[0]}
  echo "== log: $LOG"
  exit "$status"
fi

# The dashboard (issue 6): a tenant of $MEMBERS members with DJ_BENCH_DASH_YEARS (3) years of meetings, rolls and dues,
# seeded once per provider (skipped when the tenant is there), an administrator bench-admin / Bench-dash-2026 on the
# root. Per provider: the roll-ups rebuilt in-process twice (RollupBuilder.RebuildAsync: wall time, peak RSS), the web
# app started from the build on loopback (Production, server GC, jobs off so that no job runs during the measurement;
# the roll-ups are those just built), GET /api/v1/org-units/{id}/dashboard for the root and one branch (one client,
# then DJ_BENCH_DASH_CONCURRENCY clients) with the server's RSS, then the naive figures (NaiveDashboard) in-process
# beside the roll-up handler, and their ratio.
if [[ "${1:-}" == "dashboard" ]]; then
  YEARS=${DJ_BENCH_DASH_YEARS:-3}
  REQUESTS=${DJ_BENCH_DASH_REQUESTS:-500}
  CONC=${DJ_BENCH_DASH_CONCURRENCY:-4}
  NAIVE_ROOT_RUNS=${DJ_BENCH_DASH_NAIVE_ROOT_RUNS:-3}
  NAIVE_BRANCH_RUNS=${DJ_BENCH_DASH_NAIVE_BRANCH_RUNS:-50}
  PORT=${DJ_BENCH_DASH_PORT:-5093}
  URL="http://127.0.0.1:$PORT"
  KEY="$DATA/keys/personal-data.key"
  LOG="$DATA/results/dashboard-$(date +%Y%m%d-%H%M%S).log"
  export DJ_BENCH_TENANT="$TENANT"
  WEBDIR=$(dirname "$WEB")
  mkdir -p "$DATA/results"
  dseed() {
    (cd "$DATA" && /usr/bin/env time -f "seed process: wall %e s, user %U s, sys %S s, max RSS %M KiB" dotnet "$WEB" seed --members "$MEMBERS" \
      --activity-years "$YEARS" --admin bench-admin --admin-password Bench-dash-2026 "--PersonalData:KeyFile=$KEY" "$@")
  }
  SERVER=""
  stop_server() {
    if [[ -n "$SERVER" ]] && kill -0 "$SERVER" 2>/dev/null; then
      echo "   server process: $(ps -o etime=,time=,rss= -p "$SERVER" | awk '{print "elapsed " $1 ", CPU " $2 ", RSS " $3 " KiB"}'); $(grep VmHWM "/proc/$SERVER/status")"
      kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
    fi
    SERVER=""
  }
  run_provider() { # provider connection-string
    local provider=$1 cs=$2 ids
    echo "== $provider: $(uptime)"
    ids=$(dotnet "$BENCH" dashboard-units "$provider" "$cs") || return 1
    read -r ROOT_ID BRANCH_ID <<< "$ids"
    echo "   root $ROOT_ID, branch $BRANCH_ID"
    echo "-- $provider: rebuild the roll-ups (in-process); $(uptime)"
    /usr/bin/env time -f "rebuild process: wall %e s, user %U s, sys %S s, max RSS %M KiB" dotnet "$BENCH" dashboard-rebuild "$provider" "$cs" "$KEY" "${DJ_BENCH_DASH_REBUILD_RUNS:-2}" || return 1
    (cd "$WEBDIR" && exec dotnet Dangjian.Web.dll --urls "$URL" --Database:Provider="$provider" "--ConnectionStrings:$provider=$cs" \
      --Seed:Demo=false --Jobs:Enabled=false "--DataProtection:KeysPath=$DATA/keys/dp" "--PersonalData:KeyFile=$KEY") > "$DATA/server-$provider.log" 2>&1 &
    SERVER=$!
    for _ in $(seq 1 240); do curl -sf "$URL/health" >/dev/null && break; sleep 0.5; done
    curl -sf "$URL/health" >/dev/null || { echo "the web app did not start:"; cat "$DATA/server-$provider.log"; return 1; }
    echo "-- $provider: web app up (pid $SERVER, Production, server GC, jobs off); $(uptime)"
    dotnet "$BENCH" dashboard-http "$URL" bench-admin Bench-dash-2026 "$ROOT_ID" "$BRANCH_ID" "$SERVER" "$REQUESTS" "$CONC" || { stop_server; return 1; }
    stop_server
    echo "-- $provider: naive figures beside the roll-ups (in-process); $(uptime)"
    /usr/bin/env time -f "naive process: wall %e s, user %U s, sys %S s, max RSS %M KiB" \
      dotnet "$BENCH" dashboard-naive "$provider" "$cs" "$KEY" "$NAIVE_ROOT_RUNS" "$NAIVE_BRANCH_RUNS" || return 1
  }
  {
    trap stop_server EXIT
    echo "== commit $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- src bench || echo ' (with local changes)'); $(nproc) cores; $(uptime)"
    status=0
    if [[ "${DJ_BENCH_SKIP_SQLITE:-0}" != "1" ]]; then
      if [[ -f "$SQLITE_DB" ]] && [[ "$(sqlite3 "$SQLITE_DB" "SELECT count(*) FROM Tenants t WHERE Name = '$TENANT' AND EXISTS (SELECT 1 FROM DuesPayments)" 2>/dev/null || echo 0)" != "0" ]]; then
        echo "== SQLite: $SQLITE_DB already seeded ($(du -h "$SQLITE_DB" | cut -f1))"
      else
        echo "== seed SQLite: $SQLITE_DB; $(uptime)"
        rm -f "$SQLITE_DB" "$SQLITE_DB-wal" "$SQLITE_DB-shm"
        dseed --Database:Provider=Sqlite "--ConnectionStrings:Sqlite=Data Source=$SQLITE_DB" || status=1
        echo "   size $(du -h "$SQLITE_DB" | cut -f1)"
      fi
      [[ "${DJ_BENCH_DASH_SEED_ONLY:-0}" == "1" ]] || run_provider Sqlite "Data Source=$SQLITE_DB" || status=1
    fi
    if [[ "${DJ_BENCH_SKIP_PG:-0}" != "1" ]]; then
      [[ -n "$(psql -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'")" ]] || psql -d postgres -qc "CREATE DATABASE $PG_DB"
      if [[ "$(psql -d "$PG_DB" -Atc "SELECT count(*) FROM \"Tenants\" WHERE \"Name\" = '$TENANT' AND EXISTS (SELECT 1 FROM \"DuesPayments\")" 2>/dev/null || echo 0)" != "0" ]]; then
        echo "== PostgreSQL: $PG_DB already seeded ($(psql -d postgres -Atc "SELECT pg_size_pretty(pg_database_size('$PG_DB'))"))"
      else
        echo "== seed PostgreSQL: $PG_DB; $(uptime)"
        dseed --Database:Provider=Postgres "--ConnectionStrings:Postgres=$PG_CS" || status=1
        psql -d "$PG_DB" -qc "VACUUM (ANALYZE)"
        echo "   size $(psql -d postgres -Atc "SELECT pg_size_pretty(pg_database_size('$PG_DB'))")"
      fi
      [[ "${DJ_BENCH_DASH_SEED_ONLY:-0}" == "1" ]] || run_provider Postgres "$PG_CS" || status=1
    fi
    echo "== done; $(uptime)"
    exit $status
  } 2>&1 | tee "$LOG"
  status=${PIPESTATUS[0]}
  echo "== log: $LOG"
  exit "$status"
fi

# Points and assessment (issue 17) on the dashboard's data set (bench/run.sh dashboard seeds it; this mode seeds
# nothing): per provider, in-process as the group's administrator, the year's automatic points twice (the second adds
# nothing), one member's statement and the root's ranking (DJ_BENCH_ASM_REQUESTS calls each), then a PA-3 scheme over
# every branch computed twice. DJ_BENCH_SKIP_SQLITE / DJ_BENCH_SKIP_PG as for the dashboard.
if [[ "${1:-}" == "assessment" ]]; then
  KEY="$DATA/keys/personal-data.key"
  LOG="$DATA/results/assessment-$(date +%Y%m%d-%H%M%S).log"
  export DJ_BENCH_TENANT="$TENANT"
  mkdir -p "$DATA/results"
  run_asm() { # provider connection-string
    # The web app applies the schema's new versions at start (the data set may predate the module); then it stops.
    local port=${DJ_BENCH_ASM_PORT:-5094} pid
    (cd "$(dirname "$WEB")" && exec dotnet Dangjian.Web.dll --urls "http://127.0.0.1:$port" --Database:Provider="$1" "--ConnectionStrings:$1=$2" \
      --Seed:Demo=false --Jobs:Enabled=false "--DataProtection:KeysPath=$DATA/keys/dp" "--PersonalData:KeyFile=$KEY") > "$DATA/server-asm-$1.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
    curl -sf "http://127.0.0.1:$port/health" >/dev/null || { echo "the web app did not start:"; cat "$DATA/server-asm-$1.log"; kill "$pid"; return 1; }
    kill "$pid"; wait "$pid" 2>/dev/null || true
    echo "== $1: schema up to date; points; $(uptime)"
    /usr/bin/env time -f "points process: wall %e s, user %U s, sys %S s, max RSS %M KiB" dotnet "$BENCH" assessment-points "$1" "$2" "$KEY" "${DJ_BENCH_ASM_REQUESTS:-200}" || return 1
    echo "== $1: evaluation; $(uptime)"
    /usr/bin/env time -f "evaluation process: wall %e s, user %U s, sys %S s, max RSS %M KiB" dotnet "$BENCH" assessment-evaluation "$1" "$2" "$KEY" || return 1
  }
  {
    echo "== commit $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- src bench || echo ' (with local changes)'); $(nproc) cores; $(uptime)"
    status=0
    [[ "${DJ_BENCH_SKIP_PG:-0}" == "1" ]] || run_asm Postgres "$PG_CS" || status=1
    [[ "${DJ_BENCH_SKIP_SQLITE:-0}" == "1" ]] || run_asm Sqlite "Data Source=$SQLITE_DB" || status=1
    echo "== done; $(uptime)"
    exit $status
  } 2>&1 | tee "$LOG"
  status=${PIPESTATUS[0]}
  echo "== log: $LOG"
  exit "$status"
fi

# Logins beside the rest (issue 21, item 9): per provider, a fresh database with DJ_BENCH_LOGINS_ACCOUNTS (50) member
# accounts whose password is known and their branch secretary (bench signin-prepare), the web app started from the build
# on loopback (Production, server GC, jobs off, the per-address sign-in limit raised since every client comes from
# 127.0.0.1; the other arguments of this mode added, e.g. --Auth:ConcurrentHashes=2), then bench logins-load: warm-up,
# phase A (the secretary's GET /api/v1/org-units/{branch} every DJ_BENCH_LOGINS_PAUSE_MS (20) ms, alone, for
# DJ_BENCH_LOGINS_QUIET_SECONDS (20) s), phase B (the same beside DJ_BENCH_LOGINS_CLIENTS (20) clients logging in over and
# over, right passwords, for DJ_BENCH_LOGINS_SECONDS (20) s; a client answered 429 waits DJ_BENCH_LOGINS_BACKOFF_MS
# (1,000) ms). Before each provider's run it waits until the 1-minute load average is under DJ_BENCH_QUIET_LOAD (1.0),
# polling every 20 s, at most DJ_BENCH_QUIET_MINUTES (25) minutes, then runs anyway and says so.
# DJ_BENCH_LOGINS_APP_ROOT=DIR (another checkout, e.g. a worktree of an older commit): its bench project is built into
# DJ_BENCH_LOGINS_APP_ARTIFACTS ($ART-app) and its web app and signin-prepare are used (its own schema); the load is
# this checkout's.
if [[ "${1:-}" == "logins" ]]; then
  shift
  LG_ACCOUNTS=${DJ_BENCH_LOGINS_ACCOUNTS:-50}
  LG_CLIENTS=${DJ_BENCH_LOGINS_CLIENTS:-20}
  LG_QUIET=${DJ_BENCH_LOGINS_QUIET_SECONDS:-20}
  LG_SECONDS=${DJ_BENCH_LOGINS_SECONDS:-20}
  LG_PAUSE=${DJ_BENCH_LOGINS_PAUSE_MS:-20}
  LG_BACKOFF=${DJ_BENCH_LOGINS_BACKOFF_MS:-1000}
  LG_PORT=${DJ_BENCH_LOGINS_PORT:-5095}
  LG_PG_DB=${DJ_BENCH_LOGINS_PG_DB:-dj_bench_logins}
  LG_URL="http://127.0.0.1:$LG_PORT"
  QUIET_LOAD=${DJ_BENCH_QUIET_LOAD:-1.0}
  QUIET_MINUTES=${DJ_BENCH_QUIET_MINUTES:-25}
  APP_ROOT=$ROOT
  PREP=$BENCH
  if [[ -n "${DJ_BENCH_LOGINS_APP_ROOT:-}" ]]; then
    APP_ROOT=$(cd "$DJ_BENCH_LOGINS_APP_ROOT" && pwd)
    APP_ART=${DJ_BENCH_LOGINS_APP_ARTIFACTS:-$ART-app}
    echo "== build the app of $APP_ROOT (artifacts: $APP_ART)"
    dotnet build "$APP_ROOT/bench/Dangjian.Bench/Dangjian.Bench.csproj" -c Release --artifacts-path "$APP_ART" -nologo -v quiet
    WEB="$APP_ART/bin/Dangjian.Web/release/Dangjian.Web.dll"
    PREP="$APP_ART/bin/Dangjian.Bench/release/Dangjian.Bench.dll"
  fi
  WEBDIR=$(dirname "$WEB")
  LOG="$DATA/results/logins-$(date +%Y%m%d-%H%M%S).log"
  mkdir -p "$DATA/results"
  # What the gate is set to: the arguments given, else the app's defaults (PasswordHashGate).
  HASHES="default = max(1, nproc / 2) = $(( $(nproc) / 2 > 1 ? $(nproc) / 2 : 1 ))"; QUEUE="default = 64"
  for a in "$@"; do
    case "$a" in
      --Auth:ConcurrentHashes=*) HASHES=${a#*=} ;;
      --Auth:HashQueue=*) QUEUE=${a#*=} ;;
    esac
  done

  wait_quiet() {
    local start=$SECONDS load
    echo "-- waiting for a 1-minute load average under $QUIET_LOAD (at most $QUIET_MINUTES min); $(uptime)"
    while true; do
      load=$(cut -d' ' -f1 /proc/loadavg)
      if awk -v l="$load" -v q="$QUIET_LOAD" 'BEGIN { exit !(l < q) }'; then
        echo "   quiet after $(( (SECONDS - start) / 60 )) min $(( (SECONDS - start) % 60 )) s: load $load; $(uptime)"
        return 0
      fi
      if (( SECONDS - start >= QUIET_MINUTES * 60 )); then
        echo "   NOT QUIET: gave up waiting after $QUIET_MINUTES min, running anyway at load $load; $(uptime)"
        echo "   busiest processes: $(ps -eo pcpu=,comm= --sort=-pcpu | head -5 | awk '{printf "%s %s%%; ", $2, $1}')"
        return 0
      fi
      sleep 20
    done
  }
  SERVER=""
  stop_server() {
    if [[ -n "$SERVER" ]] && kill -0 "$SERVER" 2>/dev/null; then
      echo "   server process: $(ps -o etime=,time=,rss= -p "$SERVER" | awk '{print "elapsed " $1 ", CPU " $2 ", RSS " $3 " KiB"}'); $(grep VmHWM "/proc/$SERVER/status")"
      kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
    fi
    SERVER=""
  }
  run_provider() { # provider connection-string [app arguments]
    local provider=$1 cs=$2 dir="$DATA/logins/$1"
    shift 2
    wait_quiet
    rm -rf "$dir"; mkdir -p "$dir"
    echo "== $provider: prepare $LG_ACCOUNTS accounts; $(uptime)"
    dotnet "$PREP" signin-prepare "$provider" "$cs" "$dir" "$LG_ACCOUNTS" || return 1
    (cd "$WEBDIR" && exec dotnet Dangjian.Web.dll --urls "$LG_URL" --Database:Provider="$provider" "--ConnectionStrings:$provider=$cs" \
      --Seed:Demo=false --Jobs:Enabled=false --RateLimits:LoginPerAddress=1000000 "--DataProtection:KeysPath=$dir/keys" \
      "--PersonalData:KeyFile=$dir/keys/personal-data.key" "$@") > "$dir/server.log" 2>&1 &
    SERVER=$!
    for _ in $(seq 1 240); do curl -sf "$LG_URL/health" >/dev/null && break; sleep 0.5; done
    curl -sf "$LG_URL/health" >/dev/null || { echo "the web app did not start:"; cat "$dir/server.log"; return 1; }
    echo "== $provider: web app up (pid $SERVER, $LG_URL, Production, server GC, jobs off; extra settings: ${*:-none}); $(uptime)"
    dotnet "$BENCH" logins-load "$LG_URL" "$dir" "$SERVER" "$LG_QUIET" "$LG_SECONDS" "$LG_CLIENTS" "$LG_PAUSE" "$LG_BACKOFF" || { stop_server; return 1; }
    stop_server
    echo "   errors logged by the server: $(grep -c 'fail:' "$dir/server.log" || true) 'fail:' lines in $dir/server.log"
  }
  {
    trap stop_server EXIT
    echo "== logins beside the rest; app: $APP_ROOT, commit $(git -C "$APP_ROOT" rev-parse --short HEAD)$(git -C "$APP_ROOT" diff --quiet HEAD -- src bench || echo ' (with local changes)');" \
      "load: $(git -C "$ROOT" rev-parse --short HEAD)"
    echo "   $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')), $(free -g | awk '/^Mem:/ {print $2 " GiB memory"}'); $(date -Is); $(uptime)"
    echo "   Auth:ConcurrentHashes: $HASHES; Auth:HashQueue: $QUEUE; RateLimits:LoginPerAddress: 1000000; app arguments: ${*:-none}"
    echo "   $LG_ACCOUNTS accounts, $LG_CLIENTS login clients, phase A $LG_QUIET s, phase B $LG_SECONDS s, cheap call every $LG_PAUSE ms, back-off after 429 $LG_BACKOFF ms"
    status=0
    if [[ "${DJ_BENCH_SKIP_SQLITE:-0}" != "1" ]]; then run_provider Sqlite "Data Source=$DATA/logins/Sqlite/logins.db" "$@" || status=1; fi
    if [[ "${DJ_BENCH_SKIP_PG:-0}" != "1" ]]; then
      psql -d postgres -qc "DROP DATABASE IF EXISTS $LG_PG_DB" -c "CREATE DATABASE $LG_PG_DB"
      run_provider Postgres "Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Password=$PGPASSWORD;Database=$LG_PG_DB" "$@" || status=1
    fi
    echo "== done; $(date -Is); $(uptime)"
    exit $status
  } 2>&1 | tee "$LOG"
  status=${PIPESTATUS[0]}
  echo "== log: $LOG"
  exit "$status"
fi

if [[ -f "$SQLITE_DB" ]] && [[ "$(sqlite3 "$SQLITE_DB" "SELECT count(*) FROM Tenants WHERE Name = '$TENANT'" 2>/dev/null || echo 0)" != "0" ]]; then
  echo "== SQLite: $SQLITE_DB already seeded"
else
  echo "== seed SQLite: $SQLITE_DB"
  rm -f "$SQLITE_DB" "$SQLITE_DB-wal" "$SQLITE_DB-shm"
  seed --Database:Provider=Sqlite "--ConnectionStrings:Sqlite=Data Source=$SQLITE_DB"
fi
export DJ_BENCH_SQLITE="$SQLITE_DB" DJ_BENCH_TENANT="$TENANT"

if [[ "${DJ_BENCH_SKIP_PG:-0}" != "1" ]]; then
  if [[ -z "$(psql -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'")" ]]; then
    psql -d postgres -qc "CREATE DATABASE $PG_DB"
  fi
  seeded=$(psql -d "$PG_DB" -Atc "SELECT count(*) FROM \"Tenants\" WHERE \"Name\" = '$TENANT'" 2>/dev/null || echo 0)
  if [[ "$seeded" != "0" ]]; then
    echo "== PostgreSQL: $PG_DB already seeded"
  else
    echo "== seed PostgreSQL: $PG_DB"
    seed --Database:Provider=Postgres "--ConnectionStrings:Postgres=$PG_CS"
    # Index-only scans need the visibility map; do not leave it to autovacuum's timing.
    psql -d "$PG_DB" -qc "VACUUM (ANALYZE)"
  fi
  export DJ_BENCH_PG="$PG_CS"
fi

echo "== load: $(uptime)"
cd "$DATA"
if [[ $# -eq 0 ]]; then set -- --filter '*'; fi
if [[ "$1" == "probe" ]]; then exec dotnet "$BENCH" probe; fi
dotnet "$BENCH" --artifacts "$DATA/results" "$@"
