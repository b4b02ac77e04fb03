#!/usr/bin/env node
// `npm run test:electron`: builds the app and runs test/electron/smoke.spec.ts in the real
// Electron binary. Where the binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1, as on
// the build containers), it says so plainly and exits 0 — a visible skip, never a silent one
// (STYLE 12).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, '..');

/**
 * The binary's path, or undefined. Checked by hand first: `require('electron')` without the
 * binary starts a download, and these machines must not reach for the network.
 */
function electronBinary() {
  let packageDir;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined;
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist');
  if (!existsSync(join(distDir, readFileSync(pathFile, 'utf8').trim()))) return undefined;
  try {
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!electronBinary()) {
  console.log(
    'Electron-Smoke-Test ÜBERSPRUNGEN: Electron-Binary nicht installiert (ELECTRON_SKIP_BINARY_DOWNLOAD=1). ' +
      'Auf einem Rechner mit Electron: npm run test:electron',
  );
  process.exit(0);
}

// Always from a fresh build: a stale out/ would test yesterday's app.
run('npx', ['electron-vite', 'build']);
run('npx', ['playwright', 'test', '-c', 'test/electron/playwright.config.ts']);
