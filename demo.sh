#!/usr/bin/env bash
# The README's first command: build if needed, start real servers in this JVM (Kafka KRaft, S3Proxy; the schema
# registry in memory), generate a Binance-like archive and mirror it through the pipeline, twice.
set -euo pipefail
cd "$(dirname "$0")"
jar=cli/target/archive-sync.jar
stale() {
  [ ! -f "$jar" ] && return 0
  [ -n "$(find . -path ./demo-data -prune -o -path '*/target' -prune -o \
      \( -name '*.java' -o -name '*.avsc' -o -name 'pom.xml' -o -name '*.yml' -o -name '*.xml' \) \
      -newer "$jar" -print -quit)" ]
}
if stale; then
  echo "building archive-sync (the first build downloads dependencies and takes a few minutes)"
  ./mvnw -B -q -DskipTests package
fi
exec java -jar "$jar" demo "$@"
