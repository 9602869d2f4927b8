#!/usr/bin/env bash
# Freshness-class benchmark (run by hand): CloudWatch metrics requested per hour by `tierlens demo --scale 200`
# (200 ALBs x 3 target groups, 200 RDS instances), read from tierlens_cloudwatch_metrics_requested_total, against
# `tierlens plan --offline` for the same inventory. Alerting queries are fetched every 2 min, trend queries every
# 15 min on a grid aligned to the clock, so the script samples at hh:06:40, hh:21:40, ... (40 s after the 2-minute
# fetch that follows a 15-minute one) and measures over a whole number of 15-minute cycles.
set -euo pipefail
cd "$(dirname "$0")/../.."
DEMO_JAR=${DEMO_JAR:-exporters/demo/target/tierlens-demo.jar}
PLAN_JAR=${PLAN_JAR:-exporters/app/target/tierlens.jar}
PORT=${PORT:-19581}
MINUTES=${MINUTES:-30} # a multiple of 15
cfg=$(mktemp --suffix=.yaml)
printf 'regions: [ap-northeast-2]\n' > "$cfg"
echo "== plan, 200 ALBs x 3 TGs + 200 RDS instances"
java -jar "$PLAN_JAR" plan --config "$cfg" --offline --inventory load_balancer=200,target_group=600,db_instance=200
rm -f "$cfg"

java -jar "$DEMO_JAR" --scale 200 --port "$PORT" --log-level warn > /tmp/tierlens-freshness.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT
requested() {
    curl -fs "http://127.0.0.1:$PORT/metrics" |
        awk -v e="$1" -F' ' '$1 == "tierlens_cloudwatch_metrics_requested_total{exporter=\"" e "\"}" {print $2}'
}
sleep 240 # start-up fetches (everything once, then the first aligned fetch) are not part of the steady state
until [ $((10#$(date -u +%M) % 15)) -eq 6 ] && [ "$(date -u +%S)" -ge 40 ]; do sleep 1; done
a0=$(requested alb); r0=$(requested rds); t0=$(date -u +%T)
sleep $((MINUTES * 60))
a1=$(requested alb); r1=$(requested rds); t1=$(date -u +%T)
echo "== demo, ${t0} to ${t1} UTC (${MINUTES} min)"
echo "alb metrics requested per hour: $(echo "($a1 - $a0) * 60 / $MINUTES" | bc)"
echo "rds metrics requested per hour: $(echo "($r1 - $r0) * 60 / $MINUTES" | bc)"
