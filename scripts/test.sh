#!/usr/bin/env bash
# The whole test suite on a fresh Debian machine (run as root): installs and starts PostgreSQL on loopback and
# Debian's Chromium, the Chinese fonts, poppler-utils and npm when missing, builds once, then runs the unit and slice
# tests on SQLite and on PostgreSQL, and the browser tests. Screenshots of the browser tests land in artifacts/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

need=()
command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need+=(fonts-noto-cjk)
# PDF documents embed a Chinese font with TrueType outlines (ADR 0005); the PDF tests read them back with poppler.
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need+=(fonts-wqy-microhei)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
# The build installs the dashboard's charts (ECharts) from npm into wwwroot/lib.
command -v npm >/dev/null 2>&1 || need+=(nodejs npm)
if [ ${#need[@]} -gt 0 ]; then
  echo "== installing ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

pgver=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
if ! pg_lsclusters -h 2>/dev/null | grep -q "^$pgver main"; then
  pg_createcluster "$pgver" main >/dev/null
fi
if ! pg_lsclusters -h | grep -q "^$pgver main .* online"; then
  pg_ctlcluster "$pgver" main start
fi
su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null
export DANGJIAN_TEST_PG="Host=127.0.0.1;Port=$(pg_lsclusters -h | awk -v v="$pgver" '$1==v && $2=="main" {print $3}');Username=postgres;Password=postgres"

echo "== build"
dotnet build Dangjian.slnx -c Release -nologo -v quiet

# OpenApiClientTests runs a real client generator (openapi-typescript) on the app's OpenAPI document.
echo "== openapi-typescript for the client test"
(cd tests/openapi-client && npm ci --no-audit --no-fund)

log=$(mktemp)
run() {
  echo "== $1"
  shift
  "$@" 2>&1 | tee -a "$log"
  return "${PIPESTATUS[0]}"
}
status=0
run "unit and slice tests on SQLite" env DANGJIAN_TEST_DB=Sqlite dotnet test tests/Dangjian.Tests -c Release --no-build -nologo || status=1
run "unit and slice tests on PostgreSQL $pgver" env DANGJIAN_TEST_DB=Postgres dotnet test tests/Dangjian.Tests -c Release --no-build -nologo || status=1
run "browser tests on Chromium" env DJ_SCREENSHOTS="$root/artifacts/screenshots" dotnet test tests/Dangjian.BrowserTests -c Release --no-build -nologo || status=1

passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo
echo "$passed passed, $failed failed"
exit $status
