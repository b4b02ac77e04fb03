#!/usr/bin/env bash
# The project's one test command (`npm test`): sets up what it needs, then typecheck, lint, unit
# tests, end-to-end tests in Chromium, and the Electron smoke test (skipped, saying so, where the
# Electron binary is not installed).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh --with-chromium
npm run test:all
