#!/usr/bin/env bash
# Benchmark of the dashboard API (GET /api/v1/stats/cases) over a large case table: the rollups against the naive
# aggregate over the cases (source=cases), side by side, in one run. See README.md.
#
#   bench/case-stats/run.sh                 # 25,000,000 cases (about 30-40 minutes on 2 cores, ~12 GB of disk)
#   CASES=1000000 bench/case-stats/run.sh   # a quick run
#
# Environment: CASES (default 25000000), PGHOST/PGPORT/PGUSER (default 127.0.0.1/5432/postgres; trust or PGPASSWORD),
# BENCH_DB (default gridgov_bench, dropped and created), ROLLUP_REQUESTS (default 300), NAIVE_REQUESTS (default 10),
# KEEP=1 to reuse a database generated before (skips the generation), PORT (default 18080).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT="$PWD"
CASES="${CASES:-25000000}"
BENCH_DB="${BENCH_DB:-gridgov_bench}"
ROLLUP_REQUESTS="${ROLLUP_REQUESTS:-300}"
NAIVE_REQUESTS="${NAIVE_REQUESTS:-10}"
PORT="${PORT:-18080}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
WORK="$(mktemp -d)"
APP_PID=""
cleanup() {
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# --- a PostgreSQL server (installed and started from Debian's packages when none answers)
if ! command -v psql >/dev/null 2>&1 || ! pg_isready -q; then
  echo "[bench] no PostgreSQL answers at $PGHOST:$PGPORT: installing and starting Debian's"
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  cluster="$(pg_lsclusters -h | awk 'NR==1 {print $1" "$2}')"
  pg_ctlcluster $cluster start || true
  for _ in $(seq 1 30); do pg_isready -q && break; sleep 1; done
  if ! psql -d postgres -Atqc 'select 1' >/dev/null 2>&1; then
    export PGHOST=/var/run/postgresql
    su postgres -c "psql -qc \"alter user postgres password 'bench'\"" >/dev/null
    export PGHOST=127.0.0.1 PGPASSWORD=bench
  fi
fi
pg_isready -q || { echo "[bench] PostgreSQL is not reachable at $PGHOST:$PGPORT" >&2; exit 1; }

# --- the application
JAR="$(ls "$ROOT"/web-app/target/web-app-*.jar 2>/dev/null | grep -v plain | head -1 || true)"
if [ -z "$JAR" ]; then
  echo "[bench] building the application"
  (cd "$ROOT" && ./mvnw -B -ntp -q -DskipTests package)
  JAR="$(ls "$ROOT"/web-app/target/web-app-*.jar | grep -v plain | head -1)"
fi

start_app() {
  SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB" SPRING_DATASOURCE_USERNAME="$PGUSER" \
    SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}" GRIDGOV_DEMO=county GRIDGOV_DATA_DIR="$WORK/data" \
    java -Xmx1g -jar "$JAR" --server.port="$PORT" >"$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 900); do
    if curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$APP_PID" 2>/dev/null; then tail -50 "$WORK/app.log" >&2; exit 1; fi
    sleep 2
  done
  echo "[bench] the application did not start" >&2; exit 1
}

if [ "${KEEP:-0}" != 1 ]; then
  echo "[bench] creating $BENCH_DB with the demo county's hierarchy and users"
  psql -d postgres -qc "drop database if exists $BENCH_DB with (force)" -c "create database $BENCH_DB"
  start_app
  echo "[bench] generating $CASES cases and rebuilding the rollups"
  gen_start=$(date +%s)
  psql -d "$BENCH_DB" -q -v cases="$CASES" -v batch=1000000 -f "$ROOT/bench/case-stats/generate.sql" \
    | grep -E 'Time|rollup_rows|cases|^ *[0-9]+$' || true
  echo "[bench] generated in $(( $(date +%s) - gen_start )) s"
else
  start_app
fi

total_cases=$(psql -d "$BENCH_DB" -Atc "select count(*) from desk.case_file")
rollup_rows=$(psql -d "$BENCH_DB" -Atc "select count(*) from desk.case_rollup")
root=$(psql -d "$BENCH_DB" -Atc "select id from grid.unit where parent_id is null and valid_to is null limit 1")
mapfile -t streets < <(psql -d "$BENCH_DB" -Atc "select id from grid.unit where level = 'STREET' and valid_to is null order by id limit 5")
mapfile -t communities < <(psql -d "$BENCH_DB" -Atc "select id from grid.unit where level = 'COMMUNITY' and valid_to is null order by id limit 5")
units=("$root" "${streets[@]}" "${communities[@]}")

TOKEN=$(curl -fs -X POST "http://127.0.0.1:$PORT/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"username":"admin","password":"gridgov-demo"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')

# the dashboard's questions: the total and the four breakdowns of a unit over the last 12 months
groupings=("" "&groupBy=unit" "&groupBy=month" "&groupBy=category" "&groupBy=channel")
to=$(date +%Y-%m)
from=$(date -d "$(date +%Y-%m-01) -11 months" +%Y-%m)

measure() { # source count outfile
  local source=$1 count=$2 out=$3 i=0
  : >"$out"
  while [ "$i" -lt "$count" ]; do
    local group=${groupings[$(( i % ${#groupings[@]} ))]} unit=${units[$(( (i / ${#groupings[@]}) % ${#units[@]} ))]}
    curl -fs -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" \
      "http://127.0.0.1:$PORT/api/v1/stats/cases?unitId=$unit&from=$from&to=$to$group&source=$source" >>"$out"
    i=$((i + 1))
  done
}
pct() { # file percentile → milliseconds
  sort -n "$1" | awk -v p="$2" '{v[NR]=$1} END {i=int((NR*p+99)/100); if (i<1) i=1; printf "%.1f", v[i]*1000}'
}

echo "[bench] warming up"
ROLLUP_WARM=$((${#units[@]} * ${#groupings[@]}))
measure rollup "$ROLLUP_WARM" "$WORK/warm"
measure cases 1 "$WORK/warm"
echo "[bench] measuring: $ROLLUP_REQUESTS rollup requests, $NAIVE_REQUESTS naive requests"
measure rollup "$ROLLUP_REQUESTS" "$WORK/rollup"
measure cases "$NAIVE_REQUESTS" "$WORK/naive"

r50=$(pct "$WORK/rollup" 50); r95=$(pct "$WORK/rollup" 95)
n50=$(pct "$WORK/naive" 50); n95=$(pct "$WORK/naive" 95)
echo
echo "GET /api/v1/stats/cases over $total_cases cases ($rollup_rows rollup rows), $from..$to, units: district, 5 streets, 5 communities; total + by unit/month/category/channel"
printf '%-28s %10s %10s %10s\n' "source" "requests" "p50 ms" "p95 ms"
printf '%-28s %10s %10s %10s\n' "rollup (desk.case_rollup)" "$ROLLUP_REQUESTS" "$r50" "$r95"
printf '%-28s %10s %10s %10s\n' "naive (scan of case_file)" "$NAIVE_REQUESTS" "$n50" "$n95"
awk -v a="$n50" -v b="$r50" -v c="$n95" -v d="$r95" 'BEGIN {printf "ratio naive/rollup: p50 %.0fx, p95 %.0fx\n", a/b, c/d}'
