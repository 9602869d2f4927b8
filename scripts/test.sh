#!/usr/bin/env bash
# README's test command. Installs what a fresh machine lacks (Debian packages for the real tools the tests
# run: promtool, amtool, Pushgateway, redis-server, Node.js), then builds and runs every test with the Maven Wrapper.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v promtool >/dev/null 2>&1 || need+=(prometheus)
command -v amtool >/dev/null 2>&1 || need+=(prometheus-alertmanager)
command -v prometheus-pushgateway >/dev/null 2>&1 || need+=(prometheus-pushgateway)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
# Node.js and npm run Azurite (Azure Blob) and the Kubernetes JSON-schema validator of the chart tests
command -v node >/dev/null 2>&1 || need+=(nodejs)
command -v npm >/dev/null 2>&1 || need+=(npm)
if [ "${#need[@]}" -gt 0 ]; then
  echo "test.sh: installing ${need[*]}"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

revision=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
exec ./mvnw -B -ntp verify -Dtierlens.revision="$revision" "$@"
