#!/usr/bin/env bash
# `npm run test:server`: the sync service's suite on PGlite and on a throwaway PostgreSQL 15, and its
# LDAP sign-in against a throwaway slapd, both started here and always stopped again (issues 6, 7).
set -euo pipefail
cd "$(dirname "$0")/.."
eval "$(bash scripts/pg15.sh start)"
trap 'bash scripts/pg15.sh stop "$PG15_DIR"' EXIT
# The LDAP sign-in (issue 7 item 1) against a throwaway slapd; one trap stops both.
eval "$(bash scripts/slapd.sh start)"
trap '{ bash scripts/slapd.sh stop "$SLAPD_DIR" || true; }; bash scripts/pg15.sh stop "$PG15_DIR"' EXIT
npx vitest run --project server-pglite --project server-pg15 --project server-ldap "$@"
