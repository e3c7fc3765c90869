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
#   bench/run.sh dashboard                        # 党建红云 at 200,000 members with 3 years of activity, per provider in one run:
#                                                 # roll-up rebuild time and peak RSS, GET …/dashboard p50/p95/p99 of root and
#                                                 # branch on the running web app with its RSS, the naive figures and the ratio
#                                                 # (DJ_BENCH_DATA defaults to /tmp/bench-dash here; DJ_BENCH_DASH_*)
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

if [[ "${1:-}" == "dashboard" ]]; then
  DATA=${DJ_BENCH_DATA:-/tmp/bench-dash}
  ART=${DJ_BENCH_ARTIFACTS:-/tmp/art-bench-dash}
  SQLITE_DB=${DJ_BENCH_SQLITE_FILE:-$DATA/sqlite-${MEMBERS}.db}
  PG_DB=${DJ_BENCH_PG_DB:-dj_bench_dash}
  PG_CS="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Password=$PGPASSWORD;Database=$PG_DB"
fi

mkdir -p "$DATA"
echo "== build (artifacts: $ART)"
dotnet build "$ROOT/bench/Dangjian.Bench/Dangjian.Bench.csproj" -c Release --artifacts-path "$ART" -nologo -v quiet
WEB="$ART/bin/Dangjian.Web/release/Dangjian.Web.dll"
BENCH="$ART/bin/Dangjian.Bench/release/Dangjian.Bench.dll"

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
      run_provider Sqlite "Data Source=$SQLITE_DB" || status=1
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
      run_provider Postgres "$PG_CS" || status=1
    fi
    echo "== done; $(uptime)"
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
