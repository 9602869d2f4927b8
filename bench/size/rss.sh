#!/usr/bin/env bash
# Time to ready and resident memory of tierlens started exactly as given (no JVM flags added here), e.g.
#   bench/size/rss.sh 19469 java -jar exporters/app/target/tierlens.jar run --config bench/size/alb-rds.yaml
# Polls http://127.0.0.1:PORT/-/ready until 200 (time to ready from launch), waits WAIT seconds (default 150)
# after launch, then prints the RSS of the launched process and of its child JVM (the launcher's relaunch), if any,
# from `ps -o rss`. Stops everything it started.
set -euo pipefail
PORT="$1"; shift
WAIT="${WAIT:-150}"
LOG="${LOG:-$(mktemp /tmp/tierlens-rss.XXXXXX.log)}"
start=$(date +%s%N)
"$@" >"$LOG" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true' EXIT
ready_ms=""
while [ -z "$ready_ms" ]; do
  if ! kill -0 "$pid" 2>/dev/null; then echo "exited early, log: $LOG"; tail -20 "$LOG"; exit 1; fi
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/-/ready" || true)
  if [ "$code" = "200" ]; then ready_ms=$(( ($(date +%s%N) - start) / 1000000 )); else sleep 0.05; fi
  if [ $(( ($(date +%s%N) - start) / 1000000000 )) -gt 120 ]; then echo "not ready after 120 s, log: $LOG"; exit 1; fi
done
sleep $(( WAIT - ($(date +%s%N) - start) / 1000000000 ))
parent_kb=$(ps -o rss= -p "$pid" | tr -d ' ')
child=$(pgrep -P "$pid" java || true)
child_kb=$([ -n "$child" ] && ps -o rss= -p "$child" | tr -d ' ' || echo 0)
echo "command: $*"
echo "time to ready: ${ready_ms} ms"
echo "after ${WAIT} s: launched process RSS $((parent_kb / 1024)) MiB, child JVM RSS $((child_kb / 1024)) MiB, total $(((parent_kb + child_kb) / 1024)) MiB"
echo "log: $LOG ($(grep -ciE 'ClassNotFound|NoClassDefFound' "$LOG") class-loading errors)"
