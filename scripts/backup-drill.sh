#!/usr/bin/env bash
# Backup and restore drill: dumps a GridGov database with pg_dump (custom format), restores it into a new database with
# pg_restore, and compares every table of the application's schemas (grid, party, desk, app, and Flyway's history) row
# count and content checksum by checksum. Prints one line per table and a summary; exits 1 on any difference.
#
#   scripts/backup-drill.sh                       # drills a fresh demo database (created with the application)
#   SOURCE_DB=gridgov scripts/backup-drill.sh     # drills an existing database (read-only for it)
#
# Environment: PGHOST/PGPORT/PGUSER (default 127.0.0.1/5432/postgres), SOURCE_DB (default: gridgov_drill_source, made by
# starting the application on it with the small demo), KEEP_RESTORED=1 to keep the restored database.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
SOURCE_DB="${SOURCE_DB:-}"
WORK="$(mktemp -d)"
APP_PID=""
cleanup() {
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

for tool in pg_dump pg_restore psql; do
  command -v "$tool" >/dev/null || { echo "[drill] $tool is missing (apt-get install -y postgresql-client)" >&2; exit 1; }
done
pg_isready -q || { echo "[drill] PostgreSQL is not reachable at $PGHOST:$PGPORT" >&2; exit 1; }

if [ -z "$SOURCE_DB" ]; then
  SOURCE_DB=gridgov_drill_source
  JAR="$(ls "$ROOT"/web-app/target/web-app-*.jar 2>/dev/null | head -1 || true)"
  if [ -z "$JAR" ]; then (cd "$ROOT" && ./mvnw -B -ntp -q -DskipTests package); JAR="$(ls "$ROOT"/web-app/target/web-app-*.jar | head -1)"; fi
  echo "[drill] creating $SOURCE_DB with the small demo"
  psql -d postgres -qc "drop database if exists $SOURCE_DB with (force)" -c "create database $SOURCE_DB"
  SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$SOURCE_DB" SPRING_DATASOURCE_USERNAME="$PGUSER" \
    SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}" GRIDGOV_DEMO=small GRIDGOV_DATA_DIR="$WORK/data" \
    java -jar "$JAR" --server.port="${PORT:-18090}" >"$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 150); do
    curl -fs "http://127.0.0.1:${PORT:-18090}/actuator/health" >/dev/null 2>&1 && break
    kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$WORK/app.log" >&2; exit 1; }
    sleep 2
  done
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
fi

RESTORED="${SOURCE_DB}_restored_$(date +%Y%m%d%H%M%S)"
DUMP="$WORK/$SOURCE_DB.dump"
start=$(date +%s)
pg_dump -Fc -d "$SOURCE_DB" -f "$DUMP"
dumped=$(date +%s)
psql -d postgres -qc "create database $RESTORED"
pg_restore --no-owner --exit-on-error -d "$RESTORED" "$DUMP"
restored=$(date +%s)

# every table of the application's schemas: rows and an order-independent checksum of their contents
tables_sql="select format('%I.%I', schemaname, tablename) from pg_tables
            where schemaname in ('grid', 'party', 'desk', 'app', 'public') order by 1"
checksum() { # database table
  psql -d "$1" -Atc "select count(*) || ' ' || coalesce(md5(string_agg(h, '' order by h)), '-')
                     from (select md5(t::text) as h from $2 t) x"
}
mapfile -t tables < <(psql -d "$SOURCE_DB" -Atc "$tables_sql")
mapfile -t restored_tables < <(psql -d "$RESTORED" -Atc "$tables_sql")
differences=0
if [ "${tables[*]}" != "${restored_tables[*]}" ]; then
  echo "[drill] the restored database has other tables" >&2; differences=$((differences + 1))
fi
total_rows=0
printf '%-40s %12s  %s\n' "table" "rows" "checksum (source = restored)"
for table in "${tables[@]}"; do
  read -r rows sum <<<"$(checksum "$SOURCE_DB" "$table")"
  read -r rows2 sum2 <<<"$(checksum "$RESTORED" "$table")"
  verdict="equal"
  if [ "$rows" != "$rows2" ] || [ "$sum" != "$sum2" ]; then verdict="DIFFERENT ($rows2 rows, $sum2)"; differences=$((differences + 1)); fi
  printf '%-40s %12s  %s %s\n' "$table" "$rows" "${sum:0:12}" "$verdict"
  total_rows=$((total_rows + rows))
done
echo
echo "[drill] $SOURCE_DB → $RESTORED: ${#tables[@]} tables, $total_rows rows, dump $(du -h "$DUMP" | cut -f1)," \
     "pg_dump $((dumped - start)) s, pg_restore $((restored - dumped)) s, differences: $differences"
if [ "${KEEP_RESTORED:-0}" != 1 ]; then psql -d postgres -qc "drop database $RESTORED"; fi
[ "$differences" -eq 0 ]
