#!/usr/bin/env bash
# Planner benchmark (run by hand): for 200 ALBs x 3 target groups with the default metric set,
#  1. `tierlens plan --offline` — queries per refresh, GetMetricData calls (= ceil(Q/500)), USD/month;
#  2. the demo at --scale 200 for $RUN seconds (default 300) — counts every simulated AWS request by
#     operation from tierlens_aws_api_requests_total and divides by the number of refreshes/discoveries,
#     proving calls per refresh, zero ListMetrics, and discovery calls only per discovery interval.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=exporters/app/target/tierlens.jar
DEMO_JAR=exporters/demo/target/tierlens-demo.jar
PORT=${PORT:-19479}
RUN=${RUN:-300}
[ -f "$JAR" ] && [ -f "$DEMO_JAR" ] || ./mvnw -B -q package -DskipTests
cfg=$(mktemp --suffix=.yaml)
printf 'regions: [ap-northeast-2]\naws: {account_id: "123456789012"}\n' > "$cfg"
echo "== offline plan, 200 ALBs x 3 TGs"
java -jar "$JAR" plan --config "$cfg" --offline --inventory load_balancer=200,target_group=600
rm -f "$cfg"

echo "== demo --scale 200 for ${RUN}s (ALB refresh 15s, discovery 1m in the demo config)"
java -jar "$DEMO_JAR" demo --scale 200 --port "$PORT" --log-level warn > /tmp/tierlens-planner.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT
sleep "$RUN"
m=$(curl -fs "http://127.0.0.1:$PORT/metrics")
refreshes=$(echo "$m" | awk -F' ' '/^tierlens_refresh_duration_seconds_count\{exporter="alb"\}/ {print $2}')
echo "ALB refreshes: ${refreshes}"
echo "$m" | grep '^tierlens_aws_api_requests_total' | sed 's/^tierlens_aws_api_requests_total//' | sort
echo "$m" | grep -E '^tierlens_cloudwatch_metrics_requested_total|^tierlens_aws_api_cost_usd_total'
gmd=$(echo "$m" | awk '/operation="GetMetricData"/ {s+=$2} END {print s+0}')
lm=$(echo "$m" | awk '/operation="ListMetrics"/ {s+=$2} END {print s+0}')
echo "GetMetricData per refresh: $(echo "scale=2; $gmd / $refreshes" | bc); ListMetrics total: $lm"
