#!/usr/bin/env bash
# Karpenter watch benchmark (run by hand): fills fabric8's mock API server with NODES nodes (and as many
# NodeClaims) and PODS pods (1 % pending), starts the production watch against it and prints
#  - the initial sync time and its request count,
#  - the heap the watch caches hold (used heap after GC, before and after the sync),
#  - the process RSS (mock server included: it runs in the same JVM),
#  - the time of one refresh (snapshot from the caches + collector) and its series,
#  - the requests during STEADY seconds after the sync (goal: 0 list calls).
# Results go to bench/RESULTS.md by hand, with the machine they ran on.
set -euo pipefail
cd "$(dirname "$0")/../.."
NODES=${NODES:-2000}
PODS=${PODS:-50000}
STEADY=${STEADY:-60}
./mvnw -B -q -o test -pl exporters/core,exporters/karpenter -Dtest=KarpenterScaleBench \
    -Dsurefire.failIfNoSpecifiedTests=false -Dbench.nodes="$NODES" -Dbench.pods="$PODS" \
    -Dbench.steadySeconds="$STEADY" -DargLine="-Xmx2g" 2>&1 \
  | grep -E '^(filled|initial sync|heap|process RSS|refresh|steady)'
