#!/usr/bin/env bash
# Issue 17: per-shard load of 300 (account, region) targets x (60 ALBs, 180 target groups, 20 RDS instances), offline
# (no AWS call), for 1, 4 and 16 shards. Needs the production jar: ./mvnw -B -q package -DskipTests -pl exporters/app -am
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=exporters/app/target/tierlens.jar
for n in 1 4 16; do
  echo "== --shards $n"
  TIERLENS_NO_RELAUNCH=1 java -jar "$JAR" plan --config bench/sharding/fleet-300.yaml --offline \
    --inventory load_balancer=60,target_group=180,db_instance=20 --shards "$n"
done
