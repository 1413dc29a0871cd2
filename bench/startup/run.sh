#!/usr/bin/env bash
# Start-up benchmark: seconds from `java -jar` to the first HTTP answer and to /actuator/health UP, on a fresh data
# folder (new embedded PostgreSQL cluster, Flyway from scratch, demo load), beside the physical floor measured in the
# same run: a bare JVM start plus initdb, start and a first query of a fresh PostgreSQL cluster. See README.md.
#
#   bench/startup/run.sh                 # small demo, 1 run
#   DEMO=county bench/startup/run.sh     # the county demo
#   RUNS=3 bench/startup/run.sh          # several runs (each on a new data folder)
#
# Environment: DEMO (small|county, default small), RUNS (default 1), JAVA_OPTS (extra JVM options, e.g.
# -Dspring.main.lazy-initialization=true), PG_BIN (PostgreSQL binaries for the floor; default the newest in
# /usr/lib/postgresql), JAR (default web-app/target/web-app-*.jar, built when missing), KEEP_LOG=1 to keep the
# application's logs.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT="$PWD"
DEMO="${DEMO:-small}"
RUNS="${RUNS:-1}"
JAVA_OPTS="${JAVA_OPTS:-}"
PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
WORK="$(mktemp -d /tmp/gridgov-startup.XXXXXX)"
chmod 755 "$WORK"
APP_PID=""
cleanup() {
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  if [ -d "$WORK/floor-pg" ]; then as_pg "$PG_BIN/pg_ctl" -D "$WORK/floor-pg" -m immediate stop >/dev/null 2>&1 || true; fi
  if [ "${KEEP_LOG:-}" = 1 ]; then echo "[bench] logs kept in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now() { echo "$EPOCHREALTIME"; }
since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }
# CPU seconds (user + system) the JVM has used so far: steadier than wall time on a busy machine
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$1/stat" 2>/dev/null || echo "?"; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

JAR="${JAR:-$(ls "$ROOT"/web-app/target/web-app-*.jar 2>/dev/null | grep -v plain | head -1 || true)}"
if [ -z "$JAR" ]; then
  echo "[bench] building the application"
  (cd "$ROOT" && ./mvnw -B -ntp -q -DskipTests package)
  JAR="$(ls "$ROOT"/web-app/target/web-app-*.jar | grep -v plain | head -1)"
fi

# --- the floor: a bare JVM, and a fresh PostgreSQL cluster (initdb, start, select 1)
floor() {
  local t0 jvm pg port
  t0=$(now); java -Xshare:auto -version >/dev/null 2>&1; jvm=$(since "$t0")
  if [ -x "$PG_BIN/initdb" ]; then
    port=$(free_port)
    rm -rf "$WORK/floor-pg"; mkdir -p "$WORK/floor-pg"; chown postgres "$WORK/floor-pg" 2>/dev/null || true
    t0=$(now)
    as_pg "$PG_BIN/initdb" -A trust -U postgres -E UTF8 -D "$WORK/floor-pg" >/dev/null
    as_pg "$PG_BIN/pg_ctl" -D "$WORK/floor-pg" -w -s -o "-p $port -k /tmp -c listen_addresses=127.0.0.1" \
      -l "$WORK/floor-pg/postgres.log" start >/dev/null
    psql -h 127.0.0.1 -p "$port" -U postgres -Atqc 'select 1' postgres >/dev/null
    pg=$(since "$t0")
    as_pg "$PG_BIN/pg_ctl" -D "$WORK/floor-pg" -m immediate -s stop >/dev/null
    rm -rf "$WORK/floor-pg"
  else
    pg="n/a"
  fi
  echo "$jvm $pg"
}

# --- the application on a fresh data folder
run_app() {
  local i=$1 port dbport data t0 first="" up="" code body cpu="?" firstcode=""
  port=$(free_port); dbport=$(free_port); data="$WORK/data-$i"
  t0=$(now)
  # shellcheck disable=SC2086
  GRIDGOV_DEMO="$DEMO" GRIDGOV_DATA_DIR="$data" SERVER_PORT="$port" \
    java $JAVA_OPTS -Dgridgov.embedded-db.port="$dbport" -jar "$JAR" >"$WORK/app-$i.log" 2>&1 &
  APP_PID=$!
  while kill -0 "$APP_PID" 2>/dev/null; do
    if [ -z "$first" ]; then
      code=$(curl -s -o /dev/null -m 5 -w '%{http_code}' "http://127.0.0.1:$port/login" || true)
      if [ "$code" != "000" ]; then first=$(since "$t0"); cpu=$(cpu_seconds "$APP_PID"); firstcode=$code; fi
    fi
    if [ -n "$first" ]; then
      body=$(curl -s -m 5 "http://127.0.0.1:$port/actuator/health" || true)
      if [[ "$body" == *'"status":"UP"'* ]]; then up=$(since "$t0"); break; fi
    fi
    sleep 0.1
  done
  kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
  if [ -z "$up" ]; then echo "[bench] the application stopped before health was UP: see $WORK/app-$i.log" >&2; KEEP_LOG=1; exit 1; fi
  started=$(grep -o 'Started GridGovApplication in [0-9.]* seconds' "$WORK/app-$i.log" | grep -o '[0-9.]*' | head -1 || true)
  echo "$first $up ${started:-?} $cpu $firstcode"
}

echo "[bench] $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
echo "[bench] demo=$DEMO runs=$RUNS jar=$(basename "$JAR") JAVA_OPTS='${JAVA_OPTS}'"
row() { printf '%-4s %15s %9s %9s %9s | %7s %12s %8s | %7s\n' "$@"; }
row run 'answer s' 'JVM cpu' 'health s' 'Boot s' 'JVM s' 'PostgreSQL s' 'floor s' 'ratio'
for i in $(seq 1 "$RUNS"); do
  read -r jvm pg < <(floor)
  read -r first up started cpu firstcode < <(run_app "$i")
  floorsum=$(awk -v a="$jvm" -v b="${pg/n\/a/0}" 'BEGIN { printf "%.1f", a + b }')
  ratio=$(awk -v a="$first" -v b="$floorsum" 'BEGIN { printf "%.1fx", a / b }')
  row "$i" "$first ($firstcode)" "$cpu" "$up" "$started" "$jvm" "$pg" "$floorsum" "$ratio"
done
echo "[bench] answer: seconds from java -jar to the first HTTP answer of GET /login and its status (503: the progress"
echo "[bench] page, 200: the sign-in page); JVM cpu: CPU seconds the JVM had used by then; health: to /actuator/health"
echo "[bench] UP (demo loaded); Boot: 'Started GridGovApplication in';"
echo "[bench] floor: java -version plus initdb + pg_ctl start + select 1 of a fresh cluster; ratio: answer / floor"
