#!/usr/bin/env bash
# Benchmark of intake (POST /api/v1/cases) beside the database's own limit: CLIENTS closed-loop clients file cases
# through the application for DURATION seconds, then pgbench inserts a case-sized row per transaction with as many
# clients for as long on the same PostgreSQL. Prints both rates and their ratio. See README.md.
#
#   bench/intake/run.sh                         # 4 clients, 30 s each
#   CLIENTS=16 DURATION=60 bench/intake/run.sh
#
# Environment: CLIENTS (default 4), DURATION (default 30 s, measured), WARMUP (default 10 s, not measured),
# PGHOST/PGPORT/PGUSER (default 127.0.0.1/5432/postgres; trust or PGPASSWORD), BENCH_DB (default gridgov_bench_intake,
# dropped and created), DEMO (default small), PORT (default 18093, must be free).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT="$PWD"
CLIENTS="${CLIENTS:-4}"
DURATION="${DURATION:-30}"
WARMUP="${WARMUP:-10}"
BENCH_DB="${BENCH_DB:-gridgov_bench_intake}"
DEMO="${DEMO:-small}"
PORT="${PORT:-18093}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
WORK="$(mktemp -d)"
APP_PID=""
cleanup() {
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

command -v pgbench >/dev/null || { echo "[bench] pgbench is needed (Debian: postgresql-client)" >&2; exit 1; }
pg_isready -q || { echo "[bench] PostgreSQL is not reachable at $PGHOST:$PGPORT" >&2; exit 1; }

# --- the application (JAR, else web-app/target's, built when missing)
JAR="${JAR:-$(ls "$ROOT"/web-app/target/web-app-*.jar 2>/dev/null | grep -v plain | head -1 || true)}"
if [ -z "$JAR" ]; then
  echo "[bench] building the application"
  (cd "$ROOT" && ./mvnw -B -ntp -q -DskipTests package)
  JAR="$(ls "$ROOT"/web-app/target/web-app-*.jar | grep -v plain | head -1)"
fi

if curl -s -o /dev/null "http://127.0.0.1:$PORT/" || ss -ltn 2>/dev/null | grep -q ":$PORT "; then
  echo "[bench] port $PORT is taken by another process: choose another with PORT=" >&2; exit 1
fi
echo "[bench] creating $BENCH_DB and starting the application with the $DEMO demo"
psql -d postgres -qc "drop database if exists $BENCH_DB with (force)" -c "create database $BENCH_DB"
SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB" SPRING_DATASOURCE_USERNAME="$PGUSER" \
  SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}" GRIDGOV_DEMO="$DEMO" GRIDGOV_DATA_DIR="$WORK/data" \
  java -Xmx1g -jar "$JAR" --server.port="$PORT" --gridgov.security.rate-limit.intake-per-user=0 \
  --gridgov.security.rate-limit.login-per-ip=0 --gridgov.security.rate-limit.login-per-user=0 \
  >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 900); do
  if curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$APP_PID" 2>/dev/null; then tail -50 "$WORK/app.log" >&2; exit 1; fi
  sleep 2
done
curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null || { echo "[bench] the application did not start" >&2; exit 1; }

TOKEN=$(curl -fs -X POST "http://127.0.0.1:$PORT/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"username":"grid1","password":"gridgov-demo"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
GRID=$(psql -d "$BENCH_DB" -Atc "select unit_id from app.user_account where username = 'grid1'")
CASES_BEFORE=$(psql -d "$BENCH_DB" -Atc "select count(*) from desk.case_file")

# --- intake through the application, while a sampler notes what waiting statements wait for (5 samples a second)
echo "[bench] intake: $CLIENTS clients, ${WARMUP} s warm-up, ${DURATION} s measured"
( end=$(( $(date +%s) + WARMUP + DURATION ))
  while [ "$(date +%s)" -lt "$end" ]; do
    psql -d "$BENCH_DB" -Atc "select regexp_replace(left(query, 60), '\s+', ' ', 'g') from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock'" >>"$WORK/waits" 2>/dev/null || true
    echo sample >>"$WORK/waits"; sleep 0.2
  done ) &
SAMPLER=$!
read -r APP_RATE APP_P50 APP_P99 APP_ERRORS < <(java "$ROOT/bench/intake/IntakeClients.java" \
  "http://127.0.0.1:$PORT/api/v1/cases" "$TOKEN" "$GRID" "$CLIENTS" "$WARMUP" "$DURATION")
wait "$SAMPLER" || true
FILED=$(( $(psql -d "$BENCH_DB" -Atc "select count(*) from desk.case_file") - CASES_BEFORE ))
SAMPLES=$(grep -c '^sample$' "$WORK/waits" || true)

# the figures the dashboard reads (rollups + pending deltas) still equal the recount of the cases
if [ "$(psql -d "$BENCH_DB" -Atc "select to_regclass('desk.case_rollup_current') is not null")" = t ]; then
  PENDING=$(psql -d "$BENCH_DB" -Atc "select count(*) from desk.case_rollup_delta")
  FIGURES=desk.case_rollup_current
else
  PENDING="no"; FIGURES=desk.case_rollup # a build from before the rollup deltas
fi
CHECK=$(psql -d "$BENCH_DB" -Atc "select (select sum(received) from $FIGURES r
    where r.unit_id = u.id and category = '*' and channel = '*') = (select count(*) from desk.case_file)
  from grid.unit u where u.parent_id is null and u.level = 'DISTRICT' limit 1")

# --- the physical limit: one case-sized row per transaction, same clients, same time, same server
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
psql -d "$BENCH_DB" -q <<'SQL'
create schema bench;
create table bench.case_row (like desk.case_file including defaults including identity including constraints
                             including indexes);
create sequence bench.code_seq;
SQL
cat >"$WORK/insert.sql" <<SQL
insert into bench.case_row (code, grid_unit_id, unit_path, address, description, category_code, nature, channel,
  status, version, level, stage, stage_started_at, stage_yellow_at, stage_red_at, reported_at, updated_at)
values (lpad(nextval('bench.code_seq')::text, 14, '0'), $GRID, '/1/2/3/$GRID/', '书香新村2号楼3单元',
  '楼道堆放杂物，影响通行，请尽快处理 bench-0000000-0-0000', '0101', 'HELP', 'GRID_WORKER', 'REPORTED', 0, 'GRID',
  'REGISTER', now(), now() + interval '1 hour', now() + interval '2 hours', now(), now());
SQL
echo "[bench] pgbench: $CLIENTS clients, ${DURATION} s, one insert of a case-sized row per transaction"
pgbench -n -c "$CLIENTS" -j "$(( CLIENTS < 2 ? 1 : 2 ))" -T "$WARMUP" -f "$WORK/insert.sql" "$BENCH_DB" >/dev/null
RAW=$(pgbench -n -c "$CLIENTS" -j "$(( CLIENTS < 2 ? 1 : 2 ))" -T "$DURATION" -f "$WORK/insert.sql" "$BENCH_DB" \
  | awk '/^tps/ {print $3; exit}')

echo
echo "POST /api/v1/cases, $CLIENTS clients, ${DURATION} s ($FILED cases filed; $PENDING rollup deltas pending at the end;"
echo "rollups + pending deltas equal the recount: $CHECK)"
printf '%-44s %12s %10s %10s\n' "what" "per second" "p50 ms" "p99 ms"
printf '%-44s %12s %10s %10s\n' "intake through the application" "$APP_RATE" "$APP_P50" "$APP_P99"
printf '%-44s %12.1f %10s %10s\n' "raw single-row insert (pgbench)" "$RAW" "-" "-"
awk -v a="$APP_RATE" -v b="$RAW" -v e="$APP_ERRORS" 'BEGIN {printf "ratio intake/raw: %.1f%% (%d requests not answered 201)\n", 100 * a / b, e}'
echo "statements seen waiting for a lock ($SAMPLES samples of pg_stat_activity during the intake run):"
grep -v '^sample$' "$WORK/waits" | sort | uniq -c | sort -rn | head -5 | sed 's/^/  /' || true
grep -qv '^sample$' "$WORK/waits" || echo "  none"
