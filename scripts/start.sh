#!/usr/bin/env bash
# Builds the extension, installs code-server on first use and serves the workbench on 127.0.0.1 with the
# extension and a scratch workspace. Ctrl+C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-system-packages.sh code-server
[ -d node_modules ] || npm ci --no-audit --no-fund
bash scripts/ensure-code-server.sh
npm run --silent package >/dev/null
exec node --conditions=import --import tsx scripts/serve.ts "$@"
