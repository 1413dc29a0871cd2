#!/usr/bin/env bash
# Crash-safety drill: files a burst of cases through POST /api/v1/cases, each with its own Idempotency-Key, from
# parallel clients that retry every request (same key, same body) until it is acknowledged; meanwhile the application is
# killed with `kill -9` and restarted (KILLS times). Afterwards every acknowledged case must exist exactly once and
# every key must name one case. Prints the figures; exits 1 on a lost or duplicated case.
#
#   scripts/crash-drill.sh                          # 400 cases, 4 clients, 2 kills
#   CASES=2000 CLIENTS=8 KILLS=3 scripts/crash-drill.sh
#
# Environment: PGHOST/PGPORT/PGUSER (default 127.0.0.1/5432/postgres), DRILL_DB (default gridgov_crash_drill, dropped
# and created with the small demo), PORT (default 18091).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
CASES="${CASES:-400}" CLIENTS="${CLIENTS:-4}" KILLS="${KILLS:-2}" PORT="${PORT:-18091}"
DRILL_DB="${DRILL_DB:-gridgov_crash_drill}"
WORK="$(mktemp -d)"
APP_PID=""
cleanup() {
  if [ -n "$APP_PID" ]; then kill -9 "$APP_PID" 2>/dev/null || true; fi
  if [ -n "${CLIENT_PIDS[*]:-}" ]; then kill "${CLIENT_PIDS[@]}" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

pg_isready -q || { echo "[drill] PostgreSQL is not reachable at $PGHOST:$PGPORT" >&2; exit 1; }
JAR="$(ls "$ROOT"/web-app/target/web-app-*.jar 2>/dev/null | head -1 || true)"
if [ -z "$JAR" ]; then (cd "$ROOT" && ./mvnw -B -ntp -q -DskipTests package); JAR="$(ls "$ROOT"/web-app/target/web-app-*.jar | head -1)"; fi

start_app() {
  SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DRILL_DB" SPRING_DATASOURCE_USERNAME="$PGUSER" \
    SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}" GRIDGOV_DEMO=small GRIDGOV_DATA_DIR="$WORK/data" \
    java -jar "$JAR" --server.port="$PORT" >>"$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 150); do
    curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && return 0
    kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$WORK/app.log" >&2; exit 1; }
    sleep 1
  done
  echo "[drill] the application did not start" >&2; exit 1
}

psql -d postgres -qc "drop database if exists $DRILL_DB with (force)" -c "create database $DRILL_DB"
start_app
TOKEN=$(curl -fs -X POST "http://127.0.0.1:$PORT/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"username":"grid1","password":"gridgov-demo"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
GRID=$(psql -d "$DRILL_DB" -Atc "select unit_id from app.user_account where username = 'grid1'")
RUN="drill$(date +%s)"

# one client: files its share of the cases, retrying each until a 2xx answer, and logs key → case id, attempts
client() {
  local c=$1 i
  for ((i = c; i < CASES; i += CLIENTS)); do
    local key="$RUN-$i" attempts=0 answer=""
    local body="{\"gridUnitId\":$GRID,\"categoryCode\":\"0101\",\"nature\":\"HELP\",\"address\":\"演练地址 $i\",\"description\":\"$key\"}"
    while :; do
      attempts=$((attempts + 1))
      answer=$(curl -s -m 10 -o "$WORK/body.$c" -w '%{http_code}' -X POST "http://127.0.0.1:$PORT/api/v1/cases" \
        -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -H "Idempotency-Key: $key" \
        -d "$body" || true)
      if [[ "$answer" == 2* ]]; then break; fi
      sleep 0.3
    done
    echo "$key $(sed -E 's/.*"id":([0-9]+).*/\1/' "$WORK/body.$c") $attempts" >>"$WORK/acks.$c"
  done
}

echo "[drill] $CASES cases from $CLIENTS clients; the application is killed with kill -9 $KILLS times meanwhile"
started=$(date +%s)
CLIENT_PIDS=()
for ((c = 0; c < CLIENTS; c++)); do client "$c" & CLIENT_PIDS+=($!); done
for ((k = 1; k <= KILLS; k++)); do
  sleep $((2 + RANDOM % 4))
  echo "[drill] kill -9 $APP_PID"
  kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  sleep 1
  start_app
done
wait "${CLIENT_PIDS[@]}"
elapsed=$(( $(date +%s) - started ))

cat "$WORK"/acks.* >"$WORK/acks"
acked=$(wc -l <"$WORK/acks")
attempts=$(awk '{s += $3} END {print s}' "$WORK/acks")
retried=$(awk '$3 > 1 {n++} END {print n + 0}' "$WORK/acks")
stored=$(psql -d "$DRILL_DB" -Atc "select count(*) from desk.case_file where description like '$RUN-%'")
distinct=$(psql -d "$DRILL_DB" -Atc "select count(distinct description) from desk.case_file where description like '$RUN-%'")
# every acknowledged id is the one stored case of its key
psql -d "$DRILL_DB" -qc "create table drill_ack (key text, id bigint, attempts int)"
psql -d "$DRILL_DB" -qc "\\copy drill_ack from '$WORK/acks' with (delimiter ' ')"
mismatched=$(psql -d "$DRILL_DB" -Atc "select count(*) from drill_ack a left join desk.case_file c on c.id = a.id
                                        where c.id is null or c.description <> a.key")
duplicates=$((stored - distinct))
missing=$((CASES - distinct))
echo
echo "[drill] requests $CASES, acknowledged $acked, attempts $attempts ($retried requests retried), kill -9 $KILLS times, $elapsed s"
echo "[drill] cases stored $stored, distinct keys $distinct, duplicates $duplicates, missing $missing, acknowledged ids not matching $mismatched"
[ "$acked" -eq "$CASES" ] && [ "$duplicates" -eq 0 ] && [ "$missing" -eq 0 ] && [ "$mismatched" -eq 0 ]
