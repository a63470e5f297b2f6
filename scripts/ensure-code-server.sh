#!/usr/bin/env bash
# Installs the pinned code-server into test/code-server/node_modules on first use.
# code-server's native modules build from source; two of its install steps need help offline:
#  - @vscode/ripgrep downloads rg from GitHub unless its cache already holds the archive, so we seed it
#    with the system's rg;
#  - its postinstall refuses to run as root without npm_config_unsafe_perm, and node-pty calls npx.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir="$root/test/code-server"
bin="$dir/node_modules/.bin/code-server"
if [ -x "$bin" ] && [ -f "$dir/node_modules/.installed" ]; then
  exit 0
fi
bash "$root/scripts/ensure-system-packages.sh" code-server
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rg_cache="$tmp/vscode-ripgrep-cache-1.15.11"
mkdir -p "$rg_cache"
tar czf "$rg_cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg
echo "Installing code-server 4.100.3 into test/code-server (first run only, about two minutes)..."
cd "$dir"
TMPDIR="$tmp" npm_config_unsafe_perm=true npm_config_yes=true npm ci --foreground-scripts --no-audit --no-fund >"$tmp/install.log" 2>&1 || {
  tail -40 "$tmp/install.log"
  echo "code-server install failed" >&2
  exit 1
}
touch "$dir/node_modules/.installed"
echo "code-server installed."
