#!/usr/bin/env bash
# Sets up and starts Anlaufstelle (`npm start`): the sync service on its embedded database
# (PGlite in server/data/sync, demo directory) and the app, already connected to it. With the
# Electron binary installed it starts the desktop app; without it (as on machines that cannot
# download Electron) it serves the same UI for the browser at http://localhost:5173.
# SYNC_PORT moves the sync service (default 8787); DATABASE_URL points it at a PostgreSQL server.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh

SYNC_PORT="${SYNC_PORT:-8787}"
export SYNC_SERVER_URL="http://127.0.0.1:${SYNC_PORT}"
# The demo: accounts for every demo person, password "anlaufstelle" (README, issue 7).
PORT="$SYNC_PORT" npm run --silent server -- --demo-accounts &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true' EXIT INT TERM
for _ in $(seq 1 60); do
  if curl -fsS "$SYNC_SERVER_URL/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then echo "Der Sync-Dienst ist nicht gestartet (siehe oben)." >&2; exit 1; fi
  sleep 0.5
done
echo "Sync-Dienst läuft: $SYNC_SERVER_URL (eingebettete Datenbank in server/data/sync)" >&2

if node -e "const p=require('electron'); process.exit(require('fs').existsSync(p)?0:1)" 2>/dev/null; then
  npx electron-vite dev
  exit $?
fi
echo "Electron ist hier nicht installiert – die Anlaufstelle läuft im Browser: http://localhost:5173" >&2
echo "Mehrere PCs ausprobieren: weitere Browserfenster im privaten Modus (jedes ist ein eigener PC)." >&2
npx vite --config vite.renderer.config.ts --host 127.0.0.1
