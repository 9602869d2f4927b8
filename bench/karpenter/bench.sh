#!/usr/bin/env bash
# Karpenter watch benchmark (run by hand; results go to bench/RESULTS.md with the machine they ran on).
#  api:    the production watch against fabric8's mock API server with API_NODES nodes (+ as many NodeClaims) and
#          API_PODS pods: initial sync, and the requests during STEADY seconds of refreshes (goal: 0 list calls).
#          The mock server scans all its objects on every write, so it is filled at a smaller size.
#  caches: the watch caches filled in memory with NODES nodes (+ NodeClaims) and PODS pods: heap they hold,
#          time of one refresh (snapshot from the caches + collector), process RSS.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -o test -pl exporters/core,exporters/kubernetes,exporters/karpenter -Dtest=KarpenterScaleBench \
    -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.check.skip=true \
    -Dbench.apiNodes="${API_NODES:-200}" -Dbench.apiPods="${API_PODS:-5000}" -Dbench.steadySeconds="${STEADY:-60}" \
    -Dbench.nodes="${NODES:-2000}" -Dbench.pods="${PODS:-50000}" -DargLine="-Xmx1g" 2>&1 \
  | grep -E '^(api|caches):'
