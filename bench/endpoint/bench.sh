#!/usr/bin/env bash
# /metrics endpoint benchmark (run by hand, prints figures; not part of the test suite). Loopback only.
#   1. slow clients: 200 slow-header connections held open while a normal client makes 20 requests
#      (alternating /metrics and /-/healthy); each must be answered, and under 1 s
#   2. 50 concurrent scrapers for 30 s (wrk), plain and with Accept-Encoding: gzip: latency, errors, bytes per
#      scrape, peak RSS (VmHWM)
# Runs `demo --scale 200` (all exporters, 3+ MB exposition) with the Helm chart's JVM flags.
# Usage: bash bench/endpoint/bench.sh     (from the repo root, after packaging the demo jar)
#        DEMO_JAR=exporters/app/target/tierlens.jar bash bench/endpoint/bench.sh   (before the demo module split)
set -euo pipefail
cd "$(dirname "$0")/../.."
DEMO_JAR=${DEMO_JAR:-exporters/demo/target/tierlens-demo.jar}
PORT=${PORT:-29743}
SLOW=${SLOW:-200}
JVM_FLAGS=${JVM_FLAGS:-"-XX:+UseSerialGC -Xms32m -Xmx96m -XX:MaxMetaspaceSize=64m -XX:ReservedCodeCacheSize=32m -XX:TieredStopAtLevel=1 -Xss512k -XX:+ExitOnOutOfMemoryError"}
URL="http://127.0.0.1:$PORT"
if curl -s -o /dev/null "$URL/"; then echo "port $PORT is in use; set PORT"; exit 1; fi

command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
[ -f "$DEMO_JAR" ] || { echo "build $DEMO_JAR first"; exit 1; }

mem() { awk '/VmRSS|VmHWM/ {printf "%s %.1f MB  ", $1, $2/1024}' "/proc/$1/status"; echo; }

# shellcheck disable=SC2086
java $JVM_FLAGS -jar "$DEMO_JAR" demo --scale 200 --port "$PORT" --log-level warn > /tmp/tierlens-endpoint-bench.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until curl -fs "$URL/-/ready" >/dev/null 2>&1; do sleep 0.2; done
sleep 5
echo "== demo --scale 200 ready; $(mem $pid)"
plain=$(curl -fs -o /dev/null -w '%{size_download}' "$URL/metrics")
gz=$(curl -fs -o /dev/null -w '%{size_download}' -H 'Accept-Encoding: gzip' "$URL/metrics")
om=$(curl -fs -o /dev/null -w '%{size_download}' -H 'Accept: application/openmetrics-text;version=1.0.0' -H 'Accept-Encoding: gzip' "$URL/metrics")
echo "bytes per scrape: text $plain, text+gzip $gz, openmetrics+gzip $om (ratio text/gzip $(( plain / gz )))"

echo "== 1. slow clients: $SLOW slow-header connections, 20 normal requests"
python3 bench/endpoint/slow_clients.py "$PORT" "$SLOW" 40 &
slow=$!
sleep 12 # past the first read timeout (10 s), so the server is cutting off and the script re-opening
ok=0; worst=0
for i in $(seq 1 20); do
  if [ $((i % 2)) -eq 0 ]; then path=/-/healthy; else path=/metrics; fi
  out=$(curl -s -o /dev/null -m 5 -w '%{http_code} %{time_total}' "$URL$path" || echo "000 5")
  code=${out% *}; t=${out#* }
  [ "$code" = 200 ] && awk -v t="$t" 'BEGIN {exit !(t < 1)}' && ok=$((ok + 1))
  worst=$(awk -v a="$worst" -v b="$t" 'BEGIN {print (b > a) ? b : a}')
  sleep 0.5
done
echo "answered 200 in under 1 s: $ok of 20; slowest: ${worst} s; $(mem $pid)"
wait $slow

for enc in identity gzip; do
  echo "== 2. 50 concurrent scrapers, 30 s, Accept-Encoding: $enc"
  wrk -t2 -c50 -d30s --timeout 10s --latency -H "Accept-Encoding: $enc" "$URL/metrics" \
    | grep -E 'Latency|50%|90%|99%|Requests/sec|Transfer/sec|requests in|Socket errors|Non-2xx'
  echo "after: $(mem $pid)"
done
