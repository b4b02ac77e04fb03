#!/usr/bin/env bash
# The project's one test command (`npm test`): sets up what it needs, then typecheck, lint, unit
# tests (with the sync service on PGlite and PostgreSQL 15, its LDAP sign-in against slapd), end-to-end tests in Chromium, and the Electron smoke test (skipped, saying so, where the
# Electron binary is not installed).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh --with-chromium
# The sync service's suite also runs against Debian's PostgreSQL 15 (issue 6): start a throwaway
# cluster, hand its URL to vitest, and remove it whatever happens.
eval "$(bash scripts/pg15.sh start)"
trap 'bash scripts/pg15.sh stop "$PG15_DIR"' EXIT
# The LDAP sign-in tests (issue 7 item 1) need a real slapd: same pattern, one trap stops both.
eval "$(bash scripts/slapd.sh start)"
trap '{ bash scripts/slapd.sh stop "$SLAPD_DIR" || true; }; bash scripts/pg15.sh stop "$PG15_DIR"' EXIT
export PG15_URL PG15_DIR LDAP_TEST_URL LDAPS_TEST_URL LDAP_TEST_CA SLAPD_DIR
npm run test:all
