#!/usr/bin/env bash
# `npm run bench`: sets up what it needs (Node 22, packages, Chromium – like `npm test`), then runs
# the benchmark (scripts/bench/run.ts). Flags are passed on, e.g. `npm run bench -- --sync-only`.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh --with-chromium
exec node --experimental-strip-types scripts/bench/run.ts "$@"
