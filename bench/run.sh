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
