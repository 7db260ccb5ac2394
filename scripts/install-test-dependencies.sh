#!/usr/bin/env bash
# Installs what the test suite needs and the machine lacks, from Debian's packages and the npm registry only.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
# The dashboard's browser tests drive Debian's Chromium through Playwright (no browser download is possible).
[ -x /usr/bin/chromium ] || missing+=(chromium)
# Birthdays and quiet hours in customers' IANA time zones (tested across daylight-saving changes) need the zone data.
[ -d /usr/share/zoneinfo/Europe ] || missing+=(tzdata)
# The benchmark tool's baseline tests start a throwaway PostgreSQL cluster from Debian's package.
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}"
fi

# The real tracking SDKs the silo's compatibility tests drive, at the exact versions of package-lock.json, from the
# npm registry only; reinstalled when missing or when the lock file changed since the last install. Not "npm ci":
# the registry our machines reach lacks the macOS and Windows builds of an optional native dependency
# (msgpackr-extract, under RudderStack's optional Redis queue), so the lock file cannot list them and "npm ci"
# refuses it as out of sync. "npm install --no-save" installs what the lock file pins and leaves it unchanged;
# optional dependencies are left out (the SDKs' persistent queues are not used).
sdk_dir="tests/Segmentation.Silo.Tests/sdk"
if [ ! -d "$sdk_dir/node_modules" ] || [ "$sdk_dir/package-lock.json" -nt "$sdk_dir/node_modules/.package-lock.json" ]; then
  (cd "$sdk_dir" && npm install --no-save --omit=optional --no-audit --no-fund --loglevel=error)
fi
