#!/usr/bin/env bash
# Runs one benchmark program: benchmarks/run.sh <ClassName> [JVM options --] [arguments]
#   e.g. benchmarks/run.sh StreamingCopyBenchmark -Xmx256m -- --size-mib 1024
# Builds what it needs first. Figures are printed beside a reference measured in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: benchmarks/run.sh <ClassName> [JVM options --] [arguments]}
shift
jvm=()
if [[ " $* " == *" -- "* ]]; then
  while [ "$1" != "--" ]; do jvm+=("$1"); shift; done
  shift
fi
./mvnw -B -q -DskipTests install -pl benchmarks -am
cp="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
exec java "${jvm[@]}" -cp "$cp" "io.archivesync.benchmarks.$name" "$@"
