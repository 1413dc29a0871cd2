#!/usr/bin/env bash
# The whole test suite, on a machine that may have nothing but Debian: installs what the tests need (Debian's
# Chromium for the browser tests, a Chinese font for their screenshots, a JDK 17+ when none is on the PATH), then
# runs `./mvnw -B -ntp verify` and exits with Maven's status. Extra arguments go to Maven. The tests choose their
# PostgreSQL themselves (GRIDGOV_TEST_JDBC_URL, else 127.0.0.1:5432, else Testcontainers, else an embedded one).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DEBIAN_FRONTEND=noninteractive

SUDO=()
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then
  SUDO=(sudo -n)
fi

apt_updated=false
apt_install() {
  if [ "$apt_updated" = false ]; then
    "${SUDO[@]}" apt-get update
    apt_updated=true
  fi
  "${SUDO[@]}" apt-get install -y "$@"
}

java_major() {
  # prints the major version of the javac on PATH (0 if unknown)
  local version
  version="$(javac -version 2>&1 | awk '{print $2}')"
  version="${version#1.}"
  echo "${version%%[.-]*}" | grep -E '^[0-9]+$' || echo 0
}

if [ ! -x /usr/bin/chromium ]; then
  echo "[test] installing Debian's chromium"
  apt_install chromium
fi

if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  # screenshots of the Chinese pages are unreadable without a CJK font (nothing asserts on them)
  echo "[test] installing a Chinese font for browser screenshots"
  apt_install fonts-wqy-microhei || echo "[test] no Chinese font installed; screenshots will show boxes"
fi

if ! command -v javac >/dev/null 2>&1 || [ "$(java_major)" -lt 17 ]; then
  echo "[test] installing openjdk-17-jdk-headless"
  apt_install openjdk-17-jdk-headless
  JAVA_HOME="$(dirname "$(dirname "$(readlink -f /usr/lib/jvm/java-17-openjdk-*/bin/javac | head -n 1)")")"
  export JAVA_HOME
  export PATH="$JAVA_HOME/bin:$PATH"
fi

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export GRIDGOV_CHROMIUM=/usr/bin/chromium

echo "[test] $(javac -version 2>&1), $(/usr/bin/chromium --version 2>/dev/null || echo 'chromium version unknown')"

status=0
./mvnw -B -ntp verify "$@" || status=$?
echo "[test] maven exited with status $status"
exit "$status"
