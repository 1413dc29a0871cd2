#!/usr/bin/env bash
# Benchmark of the exports: the full case-list export (POST /api/v1/cases/export, every case of the district) and
# the district's monthly report (POST /api/v1/reports/monthly), each timed from the request to its job being DONE,
# with the application held to 512 MB of heap; beside each, the database's own limit measured in the same run:
# COPY of the same rows (same columns, same order) to /dev/null on the server. See README.md.
#
#   bench/export/run.sh                  # 2,000,000 cases (generation takes several minutes on 2 cores)
#   CASES=200000 bench/export/run.sh     # a quick run
#
# Environment: CASES (default 2000000), PGHOST/PGPORT/PGUSER (default 127.0.0.1/5432/postgres; trust or PGPASSWORD),
# BENCH_DB (default gridgov_bench_export, dropped and created), KEEP=1 to reuse a database generated before,
# PORT (default: a free one), HEAP (default 512m), DEMO (county, the default, or small: the hierarchy the cases
# go to), JAR (default: web-app/target/web-app-*.jar, built when missing).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT="$PWD"
CASES="${CASES:-2000000}"
BENCH_DB="${BENCH_DB:-gridgov_bench_export}"
# a free port unless one is given (other applications may be running on this machine)
PORT="${PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
HEAP="${HEAP:-512m}"
DEMO="${DEMO:-county}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
WORK="$(mktemp -d)"
APP_PID=""
cleanup() {
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

pg_isready -q || { echo "[bench] PostgreSQL is not reachable at $PGHOST:$PGPORT" >&2; exit 1; }

JAR="${JAR:-$(ls "$ROOT"/web-app/target/web-app-*.jar 2>/dev/null | grep -v plain | head -1 || true)}"
if [ -z "$JAR" ]; then
  echo "[bench] building the application"
  (cd "$ROOT" && ./mvnw -B -ntp -q -DskipTests package)
  JAR="$(ls "$ROOT"/web-app/target/web-app-*.jar | grep -v plain | head -1)"
fi

start_app() {
  SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB" SPRING_DATASOURCE_USERNAME="$PGUSER" \
    SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}" GRIDGOV_DEMO="$DEMO" GRIDGOV_DATA_DIR="$WORK/data" \
    java -Xmx"$HEAP" -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir="$WORK" -jar "$JAR" --server.port="$PORT" \
    >"$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 900); do
    if curl -fs "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q UP; then return 0; fi
    if ! kill -0 "$APP_PID" 2>/dev/null; then tail -50 "$WORK/app.log" >&2; exit 1; fi
    sleep 2
  done
  echo "[bench] the application did not start" >&2; exit 1
}

if [ "${KEEP:-0}" != 1 ]; then
  echo "[bench] creating $BENCH_DB with the $DEMO demo's hierarchy and users"
  psql -d postgres -qc "drop database if exists $BENCH_DB with (force)" -c "create database $BENCH_DB"
  start_app
  echo "[bench] generating $CASES cases (bench/case-stats/generate.sql)"
  gen_start=$(date +%s)
  psql -d "$BENCH_DB" -q -v cases="$CASES" -v batch=1000000 -f "$ROOT/bench/case-stats/generate.sql" >/dev/null
  echo "[bench] generated in $(( $(date +%s) - gen_start )) s"
else
  start_app
fi

root=$(psql -d "$BENCH_DB" -Atc "select id from grid.unit where parent_id is null and valid_to is null limit 1")
root_path=$(psql -d "$BENCH_DB" -Atc "select path from grid.unit where id = $root")
month=$(date -d "$(date +%Y-%m-01) -1 month" +%Y-%m)
total_cases=$(psql -d "$BENCH_DB" -Atc "select count(*) from desk.case_file")
month_cases=$(psql -d "$BENCH_DB" -Atc "select count(*) from desk.case_file where reported_at >= '$month-01'::date
  and reported_at < ('$month-01'::date + interval '1 month')")
TOKEN=$(curl -fs -X POST "http://127.0.0.1:$PORT/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"username":"admin","password":"gridgov-demo"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')

now() { date +%s.%N; }
await() { # status path → seconds until DONE (fails on FAILED)
  local start=$2 status
  while true; do
    status=$(curl -fs -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT$1")
    case "$status" in
      *'"status":"DONE"'*) echo "$status" >"$WORK/last.json"; break ;;
      *'"status":"FAILED"'*) echo "[bench] job failed: $status" >&2; tail -40 "$WORK/app.log" >&2; exit 1 ;;
    esac
    sleep 0.2
  done
  awk -v a="$start" -v b="$(now)" 'BEGIN {printf "%.1f", b - a}'
}
copy_seconds() { # sql → seconds of COPY (sql) TO '/dev/null' on the server
  local start; start=$(now)
  psql -d "$BENCH_DB" -qc "copy ($1) to '/dev/null'" >/dev/null
  awk -v a="$start" -v b="$(now)" 'BEGIN {printf "%.1f", b - a}'
}

echo "[bench] the case export of the district ($total_cases cases), heap $HEAP"
start=$(now)
location=$(curl -fs -D - -o /dev/null -X POST -H "Authorization: Bearer $TOKEN" \
  "http://127.0.0.1:$PORT/api/v1/cases/export?unitId=$root" | tr -d '\r' | awk -F': ' 'tolower($1)=="location" {print $2}')
export_s=$(await "$location" "$start")
export_rows=$(sed -E 's/.*"rows":([0-9]+).*/\1/' "$WORK/last.json")
start=$(now)
curl -fs -H "Authorization: Bearer $TOKEN" -o "$WORK/export.xlsx" "http://127.0.0.1:$PORT$location/file"
download_s=$(awk -v a="$start" -v b="$(now)" 'BEGIN {printf "%.1f", b - a}')
export_mb=$(du -m "$WORK/export.xlsx" | cut -f1)
rm -f "$WORK/export.xlsx"
# the same rows, columns and order straight out of PostgreSQL (the grid's and category's names joined in)
export_copy=$(copy_seconds "select c.code, c.reported_at, c.category_code || ' ' || k.name, g.code || ' ' || g.name,
  c.address, c.description, c.channel, c.status, c.level, c.stage_red_at, c.overdue, c.callback, c.closed_at,
  c.reporter_phone_masked from desk.case_file c join grid.unit g on g.id = c.grid_unit_id
  join desk.category k on k.code = c.category_code where c.unit_path like '$root_path%'
  order by c.reported_at desc, c.id desc")

echo "[bench] the monthly report of the district for $month ($month_cases cases in the month)"
start=$(now)
job=$(curl -fs -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d "{\"unitId\":$root,\"month\":\"$month\"}" "http://127.0.0.1:$PORT/api/v1/reports/monthly" \
  | sed -E 's/.*"jobId":"([^"]+)".*/\1/')
report_s=$(await "/api/v1/reports/$job" "$start")
report_rows=$(sed -E 's/.*"rows":([0-9]+).*/\1/' "$WORK/last.json")
# its case sheet straight out of PostgreSQL: the month's overdue or unsatisfied cases, oldest first
report_copy=$(copy_seconds "select c.code, c.category_code || ' ' || k.name, g.code || ' ' || g.name, c.address,
  c.status, c.reporter_phone_masked, c.reported_at, c.stage_red_at, c.overdue, c.callback, c.updated_at
  from desk.case_file c join grid.unit g on g.id = c.grid_unit_id join desk.category k on k.code = c.category_code
  where c.unit_path like '$root_path%' and c.reported_at >= '$month-01'::date
  and c.reported_at < ('$month-01'::date + interval '1 month')
  and ((c.stage is not null and c.stage_red_at <= now()) or c.callback = 'UNSATISFIED')
  order by c.reported_at, c.code")

echo
echo "Exports over $total_cases cases, application heap -Xmx$HEAP, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
printf '%-44s %10s %10s %12s %8s\n' "what" "rows" "app s" "COPY s" "ratio"
printf '%-44s %10s %10s %12s %8s\n' "case export, district (xlsx ${export_mb} MB)" "$export_rows" "$export_s" \
  "$export_copy" "$(awk -v a="$export_s" -v b="$export_copy" 'BEGIN {printf "%.1fx", a / (b > 0 ? b : 0.1)}')"
printf '%-44s %10s %10s %12s %8s\n' "  its download" "" "$download_s" "" ""
printf '%-44s %10s %10s %12s %8s\n' "monthly report, district, $month" "$report_rows" "$report_s" \
  "$report_copy" "$(awk -v a="$report_s" -v b="$report_copy" 'BEGIN {printf "%.1fx", a / (b > 0 ? b : 0.1)}')"
echo "(COPY: the same rows to /dev/null on the server, the case sheet only for the report; ratio = app / COPY)"
