#!/usr/bin/env bash
# The whole test suite: lint and types, unit tests, the extension-host suite in a real VS Code (code-server),
# and the UI tests in headless Chromium. Sets itself up on a fresh Debian/Ubuntu machine.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-system-packages.sh all || exit 1
[ -d node_modules ] || npm ci --no-audit --no-fund || exit 1
bash scripts/ensure-code-server.sh || exit 1

failed=()
step() {
  local name=$1
  shift
  echo
  echo "=== $name"
  "$@" || failed+=("$name")
}
step "lint" npm run --silent lint
step "typecheck" npm run --silent typecheck
step "unit tests" npm run --silent test:unit
step "build + package" npm run --silent package
step "extension-host tests (code-server)" npm run --silent test:host
step "UI tests (Chromium)" npm run --silent test:ui
echo
if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED: ${failed[*]}"
  exit 1
fi
echo "All test layers passed."
