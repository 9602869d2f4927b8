#!/usr/bin/env bash
# Scrape benchmark (run by hand, prints figures; not part of the test suite).
#   - startup of `tierlens-demo demo --scale 200` to the first 200 on /-/ready
#   - /metrics latency at a paced ~200 requests/s and at full speed (wrk from Debian)
#   - at 2 ALBs, normal and with every simulated AWS call delayed by 5 s (--aws-latency 5s): must not change
#   - RSS after start and after $SOAK seconds (default 600) of demo at 200 ALBs
# ONLY=alb (default) runs the ALB exporter alone, as the ALB issue measures it; ONLY=alb,rds,... adds others.
# Usage: bash bench/scrape/bench.sh            (from the repo root, after ./mvnw package -DskipTests)
#        SOAK=60 bash bench/scrape/bench.sh    (shorter soak)
set -euo pipefail
cd "$(dirname "$0")/../.."
# the demo binary: the production wiring and /metrics over simulated AWS
JAR=exporters/demo/target/tierlens-demo.jar
PORT=${PORT:-19469}
SOAK=${SOAK:-600}
# The JVM flags the Helm chart uses (helm/tierlens/values.yaml jvmFlags): small serial-GC heap.
JVM_FLAGS=${JVM_FLAGS:-"-XX:+UseSerialGC -Xms32m -Xmx96m -XX:MaxMetaspaceSize=64m -XX:ReservedCodeCacheSize=32m -XX:TieredStopAtLevel=1 -Xss512k -XX:+ExitOnOutOfMemoryError"}

command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests

PACED=$(mktemp --suffix=.lua)
# wrk (Debian) has no fixed-rate mode: each of 2 connections waits 10 ms between requests, ~200 requests/s in all.
echo 'function delay() return 10 end' > "$PACED"

rss_mb() { awk '/VmRSS/ {printf "%.1f", $2/1024}' "/proc/$1/status"; }

run_case() {
  local label=$1 scale=$2; shift 2
  local start_ns pid ready_ms
  start_ns=$(date +%s%N)
  # shellcheck disable=SC2086
  java $JVM_FLAGS -jar "$JAR" demo --scale "$scale" --only "${ONLY:-alb}" --port "$PORT" --log-level warn "$@" > "/tmp/tierlens-bench-$label.log" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$PORT/-/ready" >/dev/null 2>&1; do sleep 0.02; done
  ready_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
  sleep 3
  local series
  series=$(curl -fs "http://127.0.0.1:$PORT/metrics" | grep -vc '^#')
  echo "== $label (scale $scale)"
  echo "startup to ready: ${ready_ms} ms; RSS at ready+3s: $(rss_mb $pid) MB; series served: $series"
  echo "-- paced (~200 req/s, 2 connections, 30 s)"
  wrk -t2 -c2 -d30s --latency -s "$PACED" "http://127.0.0.1:$PORT/metrics" | grep -E 'Latency|50%|90%|99%|Requests/sec'
  echo "-- full speed (8 connections, 20 s)"
  wrk -t2 -c8 -d20s --latency "http://127.0.0.1:$PORT/metrics" | grep -E 'Latency|50%|90%|99%|Requests/sec'
  echo "$pid"> /tmp/tierlens-bench.pid
}

run_case normal 200
kill "$(cat /tmp/tierlens-bench.pid)"; sleep 1
# Slow AWS: every simulated call takes 5 s, so refreshes are in flight during the whole measurement. At 200 ALBs
# the first refresh alone would take ~20 min (243 sequential discovery calls), so slow and normal are compared
# at 2 ALBs.
run_case normal 2
kill "$(cat /tmp/tierlens-bench.pid)"; sleep 1
run_case slow-aws 2 --aws-latency 5s
kill "$(cat /tmp/tierlens-bench.pid)"; sleep 1

echo "== soak: demo at 200 ALBs, speed 10, ${SOAK} s, scraped every 15 s"
# shellcheck disable=SC2086
java $JVM_FLAGS -jar "$JAR" demo --scale 200 --only "${ONLY:-alb}" --speed 10 --port "$PORT" --log-level warn > /tmp/tierlens-bench-soak.log 2>&1 &
pid=$!
until curl -fs "http://127.0.0.1:$PORT/-/ready" >/dev/null 2>&1; do sleep 0.05; done
sleep 5
echo "RSS after start: $(rss_mb $pid) MB"
end=$(( $(date +%s) + SOAK ))
while [ "$(date +%s)" -lt "$end" ]; do curl -fs "http://127.0.0.1:$PORT/metrics" >/dev/null; sleep 15; done
echo "RSS after ${SOAK} s: $(rss_mb $pid) MB"
kill "$pid"
rm -f "$PACED"
