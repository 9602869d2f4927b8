#!/bin/bash
# Session exporter vs. Debian's prometheus-redis-exporter (-count-keys) on 1,000,000 Spring Session sessions
# + 200,000 other keys in a real redis-server, for each Spring Session layout. Prints, per cycle/scrape: wall
# time, Redis CPU (INFO cpu delta), PING p99 during the cycle, and exporter RSS.
#
# The redis-server, the plain-layout load and the whole peer side come from the shared peer kit, which is called,
# not copied: ../shared/bench/redis-peer relative to the repository root (override with PEER_KIT=...).
#
# usage: bench/session/run.sh            env: SESSIONS OTHER LAYOUTS PORT DIR PEER_KIT JVM_FLAGS
# needs: redis-server redis-tools prometheus-redis-exporter bc python3 curl, and a JDK 17 + Maven (offline ok)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PEER=$(cd "${PEER_KIT:-$ROOT/../shared/bench/redis-peer}" && pwd)
export PORT=${PORT:-6390}
export DIR=${DIR:-/tmp/redis-bench-session}
SESSIONS=${SESSIONS:-1000000}
OTHER=${OTHER:-200000}
LAYOUTS=${LAYOUTS:-"plain indexed_minute indexed_sorted_set"}
# small-heap flags (the exporter streams the keyspace; its heap does not grow with it)
JVM_FLAGS=${JVM_FLAGS:-"-Xmx32m -Xms8m -Xss256k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=16m -XX:MaxMetaspaceSize=48m -XX:CICompilerCount=1 -XX:-UsePerfData"}
mkdir -p "$DIR"

echo "== machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo);" \
  "$(redis-server --version | cut -d' ' -f1-3); $(java -version 2>&1 | head -1)"

echo "== building the session exporter (test classpath)"
(cd "$ROOT" && mvn -B -q -o test-compile -pl exporters/core,exporters/session \
  && mvn -B -q -o dependency:build-classpath -pl exporters/session -Dmdep.includeScope=test \
       -Dmdep.outputFile="$DIR/cp.txt")
CP="$ROOT/exporters/session/target/test-classes:$ROOT/exporters/session/target/classes"
CP="$CP:$ROOT/exporters/core/target/classes:$(cat "$DIR/cp.txt")"
tierlens() { java $JVM_FLAGS -cp "$CP" io.tierlens.session.bench.SessionScanBench --address "127.0.0.1:$PORT" "$@"; }

"$PEER/start_redis.sh"
trap 'kill "$(cat "$DIR/redis.pid")" 2>/dev/null || true' EXIT

for layout in $LAYOUTS; do
  echo
  echo "================ layout: $layout ($SESSIONS sessions + $OTHER other keys)"
  case "$layout" in
    plain)              "$PEER/load.sh" "$SESSIONS" "$OTHER" ;;
    indexed_minute)     "$PEER/load.sh" 0 "$OTHER"; tierlens --load-indexed "$SESSIONS" --store minute ;;
    indexed_sorted_set) "$PEER/load.sh" 0 "$OTHER"; tierlens --load-indexed "$SESSIONS" --store zset ;;
    *) echo "unknown layout $layout" >&2; exit 2 ;;
  esac
  echo "keys in redis: $(redis-cli -p "$PORT" dbsize); $(redis-cli -p "$PORT" info memory | grep '^used_memory_human' | tr -d '\r')"
  echo "---- tierlens session exporter: one minute on the default schedule (refresh 15 s; plain: SCAN pass every 45 s;"
  echo "     indexed: principal-index pass in cycle 1, then every 10 min)"
  tierlens --minutes 1 --ping-script "$PEER/ping_latency.py"
  echo "---- peer: prometheus-redis-exporter -count-keys"
  "$PEER/measure.sh" 1000 3 2>&1 | grep -v 'scan_count.py' || true
  "$PEER/latency_during_scrape.sh" 1000 || true   # its final `wait` on the killed exporter returns 143

  if [ "$layout" = plain ] && [ "${REPLICA:-1}" = 1 ]; then
    # The same keyspace with read_from: replica — the SCAN goes to a replica, the primary only answers INFO.
    RPORT=$((PORT + 1))
    echo "---- tierlens session exporter with read_from: replica (replica on 127.0.0.1:$RPORT; PING and CPU on the primary)"
    redis-server --bind 127.0.0.1 --port "$RPORT" --save '' --appendonly no --dir "$DIR" --dbfilename replica.rdb \
      --replicaof 127.0.0.1 "$PORT" --daemonize no --logfile "$DIR/replica.log" &
    echo $! > "$DIR/replica.pid"
    for i in $(seq 600); do   # synced and done loading the RDB (DBSIZE alone is already right while loading)
      redis-cli -p "$RPORT" info replication 2>/dev/null | grep -q 'master_link_status:up' \
        && redis-cli -p "$RPORT" info persistence | grep -q '^loading:0' && break
      sleep 0.2
    done
    echo "replica: $(redis-cli -p "$RPORT" dbsize) keys, $(redis-cli -p "$RPORT" info replication | grep master_link_status | tr -d '\r')"
    tierlens --replica "127.0.0.1:$RPORT" --minutes 1 --ping-script "$PEER/ping_latency.py"
    kill "$(cat "$DIR/replica.pid")"; wait "$(cat "$DIR/replica.pid")" 2>/dev/null || true
  fi
done
