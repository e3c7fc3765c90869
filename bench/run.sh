#!/usr/bin/env bash
# Builds the benchmarks, seeds a 200k-member tenant into SQLite and PostgreSQL (once; skipped when already there) and
# runs BenchmarkDotNet. Results: $DATA/results/results/*.md (also printed at the end).
#
#   bench/run.sh                                  # everything: seed if missing, all benchmarks on both providers
#   bench/run.sh --filter '*OrgTreeBenchmarks*'   # other arguments go to BenchmarkDotNet (default: --filter '*')
#   DJ_BENCH_SKIP_PG=1 bench/run.sh               # SQLite only
#   bench/run.sh probe                            # single-shot timings of each query (DJ_BENCH_SQL=1: and their SQL)
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

mkdir -p "$DATA"
echo "== build (artifacts: $ART)"
dotnet build "$ROOT/bench/Dangjian.Bench/Dangjian.Bench.csproj" -c Release --artifacts-path "$ART" -nologo -v quiet
WEB="$ART/bin/Dangjian.Web/release/Dangjian.Web.dll"
BENCH="$ART/bin/Dangjian.Bench/release/Dangjian.Bench.dll"

# The seed command reads appsettings.json from the current directory; from anywhere else EF would log every INSERT
# at Information (about a million lines, ~2x the seed time), so the log level is given explicitly.
seed() {
  (cd "$DATA" && /usr/bin/env time -f "wall %e s, user %U s, sys %S s, max RSS %M KiB" \
    dotnet "$WEB" seed --members "$MEMBERS" --Logging:LogLevel:Default=Warning "$@")
}

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
