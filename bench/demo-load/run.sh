#!/usr/bin/env bash
# Loads a demo county into a fresh database and prints the counts and the seconds the load took.
#   bench/demo-load/run.sh [county|small]      (default: county)
# Database server: GRIDGOV_TEST_JDBC_URL (+ GRIDGOV_TEST_DB_USER / GRIDGOV_TEST_DB_PASSWORD), else 127.0.0.1:5432 as
# user postgres, else Docker or an embedded PostgreSQL (org.gridgov.testsupport.TestDatabase). The database is
# created for the run and dropped afterwards. Set BENCH_MAVEN_OFFLINE= (empty) to let Maven go online.
set -euo pipefail
size="${1:-county}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
mvn="mvn"
if ! command -v mvn >/dev/null && [ -x ./mvnw ]; then mvn="./mvnw"; fi
offline="${BENCH_MAVEN_OFFLINE--o}"
# builds the demo module and the modules it needs in the reactor (nothing installed), then runs only the benchmark:
# no unit tests, no other integration tests
"$mvn" -B -ntp $offline -pl demo -am verify \
    -Dtest=NoUnitTestsForTheBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test=DemoCountyLoadBenchIT -Dfailsafe.failIfNoSpecifiedTests=false \
    -Dgridgov.bench="$size" \
  | grep -E '\[demo-bench\]|Tests run:|BUILD|ERROR|FAIL'
