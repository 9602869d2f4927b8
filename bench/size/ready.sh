#!/usr/bin/env bash
# Time from launch to /-/ready of `tierlens demo --only alb` (2 ALBs), with the launcher's relaunch (no flags) and
# in one JVM with the same flags the launcher would give, alternating, ROUNDS times (default 5).
# Usage: bench/size/ready.sh [path/to/tierlens.jar]
set -euo pipefail
JAR="${1:-exporters/app/target/tierlens.jar}"
ROUNDS="${ROUNDS:-5}"
PORT=19499
FLAGS="-Xms32m -Xmx256m -XX:+UseSerialGC -XX:MaxMetaspaceSize=96m -XX:ReservedCodeCacheSize=32m -XX:TieredStopAtLevel=1 -Xss512k -XX:+ExitOnOutOfMemoryError"
ready_ms() {
  local start pid
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/-/ready" || true)" = "200" ]; do sleep 0.02; done
  echo $(( ($(date +%s%N) - start) / 1000000 ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
  while curl -s -o /dev/null "http://127.0.0.1:$PORT/-/healthy"; do sleep 0.1; done
}
for i in $(seq "$ROUNDS"); do
  r=$(ready_ms java -jar "$JAR" demo --only alb --port $PORT)
  # shellcheck disable=SC2086
  o=$(ready_ms java $FLAGS -jar "$JAR" demo --only alb --port $PORT)
  echo "round $i: relaunch ${r} ms, one JVM ${o} ms"
done
