#!/usr/bin/env bash
# Benchmark of the case list API (GET /api/v1/cases) over a large case table: the first page and a deep keyset page
# of a street's and of the district's list, beside the same pages as plain SQL on the same database (the physical
# limit: an index-only scan of the page's keys, and the page's rows). See README.md.
#
#   bench/case-list/run.sh                  # 1,000,000 generated cases (plus the demo county's)
#   CASES=300000 bench/case-list/run.sh     # a quick run
#
# Environment: CASES (default 1000000), PGHOST/PGPORT/PGUSER (default 127.0.0.1/5432/postgres; trust or PGPASSWORD),
# BENCH_DB (default gridgov_list_bench, dropped and created), REQUESTS (default 200 per list and page),
# KEEP=1 to reuse a database generated before (skips the generation), PORT (default 18081), JAR (default: the one
# built under web-app/target), DEMO (county, the default: 10 streets and 200,000 demo cases; or small: 2 streets,
# 600 demo cases, much quicker to load).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT="$PWD"
CASES="${CASES:-1000000}"
BENCH_DB="${BENCH_DB:-gridgov_list_bench}"
REQUESTS="${REQUESTS:-200}"
DEMO="${DEMO:-county}"
PORT="${PORT:-18081}"
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
  echo "[bench] creating $BENCH_DB with the $DEMO demo county's hierarchy, users and cases"
  psql -d postgres -qc "drop database if exists $BENCH_DB with (force)" -c "create database $BENCH_DB"
  start_app
  echo "[bench] generating $CASES cases (bench/case-stats/generate.sql)"
  gen_start=$(date +%s)
  psql -d "$BENCH_DB" -q -v cases="$CASES" -v batch=500000 -f "$ROOT/bench/case-stats/generate.sql" \
    | grep -E '^ *[0-9]+$' || true
  echo "[bench] generated in $(( $(date +%s) - gen_start )) s"
else
  start_app
fi

q() { psql -d "$BENCH_DB" -Atqc "$1"; }
total=$(q "select count(*) from desk.case_file")
street=$(q "select u.id from grid.unit u where u.level = 'STREET' and u.valid_to is null order by (select count(*)
  from desk.case_file c where grid.street_path(c.unit_path) = u.path) desc, u.id limit 1")
street_path=$(q "select path from grid.unit where id = $street")
district_path=$(q "select path from grid.unit where parent_id is null and valid_to is null limit 1")
street_cases=$(q "select count(*) from desk.case_file where grid.street_path(unit_path) = '$street_path'")

# a deep page: the one after the row at 80 % of the list; its keys (reported_at|id) make the cursor
keys_at() { # where offset
  q "select to_char(reported_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') || '|' || id
     from desk.case_file where $1 order by reported_at desc, id desc offset $2 limit 1"
}
cursor_of() { printf 'NEWEST|%s' "$1" | base64 -w0 | tr '+/' '-_' | tr -d '='; }
after_of() { local at=${1%|*} id=${1##*|}; echo "reported_at <= '$at' and (reported_at < '$at' or id < $id)"; }
street_keys=$(keys_at "unit_path like '$street_path%'" $(( street_cases * 8 / 10 )))
district_keys=$(keys_at "true" $(( total * 8 / 10 )))
street_cursor=$(cursor_of "$street_keys"); street_after=$(after_of "$street_keys")
district_cursor=$(cursor_of "$district_keys"); district_after=$(after_of "$district_keys")

TOKEN=$(curl -fs -X POST "http://127.0.0.1:$PORT/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"username":"admin","password":"gridgov-demo"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')

api() { # outfile query
  : >"$1"
  for _ in $(seq 1 "$REQUESTS"); do
    curl -fs -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" \
      "http://127.0.0.1:$PORT/api/v1/cases?size=20&$2" >>"$1"
  done
}
# the physical limit: the same statement run REQUESTS times by pgbench on one connection (simple protocol, like the
# application's custom plans), per-statement latencies in seconds
sql() { # outfile statement
  printf '%s;\n' "$2" >"$WORK/stmt.sql"
  local try
  for try in 1 2 3; do # a busy server may refuse a connection for a moment
    if (cd "$WORK" && rm -f pgbench_log.* && pgbench -n -M simple -f stmt.sql -t "$REQUESTS" -l "$BENCH_DB" \
        >"$WORK/pgbench.out" 2>&1); then
      awk '{printf "%.6f\n", $3 / 1000000}' "$WORK"/pgbench_log.* >"$1"
      return 0
    fi
    sleep 2
  done
  echo "[bench] pgbench failed:" >&2; tail -5 "$WORK/pgbench.out" >&2; exit 1
}
pct() { # file percentile → milliseconds
  sort -n "$1" | awk -v p="$2" '{v[NR]=$1} END {i=int((NR*p+99)/100); if (i<1) i=1; printf "%.2f", v[i]*1000}'
}

# the page's keys as the list orders them, and the page's rows; what the application adds is its scope filter,
# the capped count (up to 10,000 paths), the mapping to JSON and HTTP
street_where="grid.street_path(unit_path) = '$street_path' and unit_path like '$street_path%'"
keys_of() { echo "select reported_at, id from desk.case_file where $1 order by reported_at desc, id desc limit 21"; }
rows_of() { echo "select * from desk.case_file where $1 order by reported_at desc, id desc limit 21"; }

echo "[bench] warming up"
REQUESTS=20 api "$WORK/warm" "unitId=$street"
REQUESTS=20 api "$WORK/warm" ""
echo "[bench] measuring: $REQUESTS requests per list and page"
api "$WORK/a_street_first" "unitId=$street"
api "$WORK/a_street_deep" "unitId=$street&after=$street_cursor"
api "$WORK/a_district_first" ""
api "$WORK/a_district_deep" "after=$district_cursor"
sql "$WORK/k_street_first" "$(keys_of "$street_where")"
sql "$WORK/k_street_deep" "$(keys_of "$street_where and $street_after")"
sql "$WORK/k_district_first" "$(keys_of "unit_path like '$district_path%'")"
sql "$WORK/k_district_deep" "$(keys_of "unit_path like '$district_path%' and $district_after")"
sql "$WORK/r_street_first" "$(rows_of "$street_where")"
sql "$WORK/r_street_deep" "$(rows_of "$street_where and $street_after")"
sql "$WORK/r_district_first" "$(rows_of "unit_path like '$district_path%'")"
sql "$WORK/r_district_deep" "$(rows_of "unit_path like '$district_path%' and $district_after")"

echo
echo "GET /api/v1/cases?size=20 over $total cases; street $street: $street_cases cases; deep = after the row at 80 %"
printf '%-24s %9s %9s %13s %13s %9s\n' "list, page" "API p50" "API p95" "SQL keys p50" "SQL rows p50" "API/rows"
for name in street_first street_deep district_first district_deep; do
  a50=$(pct "$WORK/a_$name" 50); a95=$(pct "$WORK/a_$name" 95)
  k50=$(pct "$WORK/k_$name" 50); r50=$(pct "$WORK/r_$name" 50)
  ratio=$(awk -v a="$a50" -v b="$r50" 'BEGIN {if (b > 0) printf "%.0fx", a / b; else printf "-"}')
  printf '%-24s %9s %9s %13s %13s %9s\n' "${name/_/, }" "$a50" "$a95" "$k50" "$r50" "$ratio"
done
echo "(milliseconds; API: curl's time_total with a bearer token; SQL: pgbench, one connection, no network)"
