#!/usr/bin/env bash
# The one benchmark command: builds the benchmarks module (and the modules it uses, tests skipped)
# and runs every benchmark; prints the tables and writes benchmarks/target/results.md.
# Usage: benchmarks/run.sh [--quick] [--skip-js] [--skip-jmh] [--skip-load] [--skip-inflight] [--skip-stream] [--pin] [--stream-timeout=60000]
# Needs: Maven, a JDK 21+ (JAVA_HOME, else the first JDK 21+ found), and Node 20+/npm for the JS comparison.
set -euo pipefail
cd "$(dirname "$0")/.."

java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
if [[ -z "${JAVA_HOME:-}" || "$(java_major "$JAVA_HOME")" -lt 21 ]]; then
  for candidate in /usr/lib/jvm/* "${HOME}"/.sdkman/candidates/java/*; do
    if [[ -x "$candidate/bin/java" && "$(java_major "$candidate")" -ge 21 ]]; then
      export JAVA_HOME="$candidate"
      break
    fi
  done
fi
if [[ -z "${JAVA_HOME:-}" || "$(java_major "$JAVA_HOME")" -lt 21 ]]; then
  echo "benchmarks need a JDK 21 or newer (virtual threads); set JAVA_HOME" >&2
  exit 1
fi
if [[ "$(java_major "$JAVA_HOME")" -ge 24 ]]; then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi
echo "Using JAVA_HOME=$JAVA_HOME"

mvn -B -ntp -q -Pbenchmarks -pl benchmarks -am -DskipTests package
exec "$JAVA_HOME/bin/java" -Xms1g -Xmx1g -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
  io.github.hfinference.benchmarks.RunAll "$@"
