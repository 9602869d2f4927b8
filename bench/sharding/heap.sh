#!/usr/bin/env bash
# Issue 17: live heap per ALB (with its 3 target groups, the RDS instances the demo scales with it and their CloudWatch
# queries) in one tierlens process, measured on the demo (production code above the simulated AWS boundary) at several
# --scale values: live bytes after a full GC (`jcmd GC.class_histogram`, which runs one), /metrics series and
# bytes. The slope between scales is the cost of one more ALB; the simulators' own objects are included, so it is an
# upper bound. Needs: ./mvnw -B -q package -DskipTests -pl exporters/demo -am
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=exporters/demo/target/tierlens-demo.jar
PORT="${PORT:-19573}"
SETTLE="${SETTLE:-150}"
for scale in ${SCALES:-25 100 200}; do
  log=$(mktemp /tmp/tierlens-heap.XXXXXX.log)
  java -Xmx1g -XX:+UseSerialGC -jar "$JAR" demo --scale "$scale" --only alb,rds --port "$PORT" >"$log" 2>&1 &
  pid=$!
  trap 'kill "$pid" 2>/dev/null || true' EXIT
  for _ in $(seq 1 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/-/ready" || true)" = 200 ] && break
    sleep 0.2
  done
  sleep "$SETTLE"
  body=$(curl -s "http://127.0.0.1:$PORT/metrics")
  series=$(grep -c '^tierlens_' <<<"$body" || true)
  bytes=$(wc -c <<<"$body")
  count=$(grep -E '^tierlens_refresh_duration_seconds_count\{exporter="alb"\}' <<<"$body" | awk '{print $2}')
  sum=$(grep -E '^tierlens_refresh_duration_seconds_sum\{exporter="alb"\}' <<<"$body" | awk '{print $2}')
  live=$(jcmd "$pid" GC.class_histogram | awk '/^Total/ {print $3}')
  kill "$pid"; wait "$pid" 2>/dev/null || true
  trap - EXIT
  echo "scale=$scale live_heap_bytes=$live series=$series exposition_bytes=$bytes alb_refreshes=$count alb_refresh_seconds_sum=$sum"
done
