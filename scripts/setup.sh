#!/usr/bin/env bash
# Sets up a fresh machine for Anlaufstelle: Node 22, Chromium (for the browser tests), npm packages.
# Source it (`. scripts/setup.sh`) so PATH keeps Node 22. Idempotent: quick when all is there.
# No `set -e` here: it would leak into the shell that sources it; every step fails explicitly.
_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$_root/scripts/ensure-node.sh" || return 1 2>/dev/null || exit 1

# The Electron binary is downloaded from GitHub, which these machines cannot reach. Without it
# the app runs in the browser; with it (e.g. on a developer's Windows PC) leave this unset.
if [ -z "${ANLAUFSTELLE_WITH_ELECTRON:-}" ]; then export ELECTRON_SKIP_BINARY_DOWNLOAD=1; fi

if [ "${1:-}" = "--with-chromium" ] && [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "setup: installing Debian's Chromium for the end-to-end tests" >&2
    { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || {
      echo "setup: could not install Chromium" >&2; return 1 2>/dev/null || exit 1; }
  else
    echo "setup: Chromium not found at ${CHROMIUM_PATH:-/usr/bin/chromium}; install it or set CHROMIUM_PATH" >&2
    return 1 2>/dev/null || exit 1
  fi
fi

# Install exactly the locked packages when node_modules is missing or older than the lockfile.
if [ ! -d "$_root/node_modules" ] || [ "$_root/package-lock.json" -nt "$_root/node_modules/.package-lock.json" ]; then
  echo "setup: npm ci" >&2
  (cd "$_root" && npm ci --no-audit --no-fund --loglevel=error) || { echo "setup: npm ci failed" >&2; return 1 2>/dev/null || exit 1; }
fi
