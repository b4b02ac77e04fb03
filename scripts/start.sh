#!/usr/bin/env bash
# Sets up and starts Anlaufstelle (`npm start`). With the Electron binary installed it starts the
# desktop app; without it (as on machines that cannot download Electron) it serves the same UI for
# the browser at http://localhost:5173.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
if node -e "const p=require('electron'); process.exit(require('fs').existsSync(p)?0:1)" 2>/dev/null; then
  exec npx electron-vite dev
fi
echo "Electron ist hier nicht installiert – die Anlaufstelle läuft im Browser: http://localhost:5173" >&2
exec npx vite --config vite.renderer.config.ts --host 127.0.0.1
