#!/usr/bin/env bash
# Checks the Debian/Ubuntu packages a task needs; installs the missing ones when run as root,
# otherwise names them and stops.
# Usage: ensure-system-packages.sh GROUP...   (groups: code-server, browser, bibtex, pandoc, all)
# git is in the code-server group: the team-screening host test clones, pulls and pushes a real repository.
set -euo pipefail
declare -A groups=(
  [code-server]="build-essential python3 pkg-config libkrb5-dev ripgrep git"
  [browser]="chromium"
  [bibtex]="texlive-binaries texlive-base texlive-latex-base biber"
  [pandoc]="pandoc"
)
[ $# -gt 0 ] || set -- all
wanted=()
for g in "$@"; do
  if [ "$g" = all ]; then
    for k in "${!groups[@]}"; do wanted+=(${groups[$k]}); done
  elif [ -n "${groups[$g]:-}" ]; then
    wanted+=(${groups[$g]})
  else
    echo "unknown package group: $g" >&2
    exit 2
  fi
done
missing=()
for p in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "Installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "Missing system packages: ${missing[*]}" >&2
  echo "Install them with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
