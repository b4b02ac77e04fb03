import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { PAGE_PORT, SYNC_SERVICE_PORT, SYNCED_PAGE_PORT } from './ports';

/**
 * End-to-end tests drive the built renderer (out/renderer, `npm run build:web`) in Debian's
 * Chromium – the Electron binary cannot be downloaded on these machines, and the whole UI runs
 * in a browser through the web implementation of the platform bridge.
 */
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const port = PAGE_PORT;
/** The sync service of the e2e run starts on an empty embedded database every time. */
const syncData = join(tmpdir(), `anlaufstelle-e2e-sync-${SYNC_SERVICE_PORT}`);
const preview = (p: number) => `npx vite preview --config vite.renderer.config.ts --host 127.0.0.1 --port ${p} --strictPort`;

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  forbidOnly: true,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: '../../test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium,
      // Root in a container needs --no-sandbox; the rest keeps Chromium off the (closed) network.
      args: ['--no-sandbox', '--lang=de-DE', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: [
    // The page as one PC without a sync service ("Nur dieser PC"): every spec but sync.spec.ts.
    { command: preview(port), cwd: '../..', url: `http://127.0.0.1:${port}`, reuseExistingServer: !process.env.CI, timeout: 60_000 },
    // Issue 6: the sync service on an empty PGlite, and a page server that forwards /sync to it.
    {
      command: `rm -rf ${syncData} && npx tsx server/src/main.ts --data ${syncData} --demo-accounts`,
      cwd: '../..',
      url: `http://127.0.0.1:${SYNC_SERVICE_PORT}/health`,
      env: { PORT: String(SYNC_SERVICE_PORT), LOG_LEVEL: 'warn' },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: preview(SYNCED_PAGE_PORT),
      cwd: '../..',
      url: `http://127.0.0.1:${SYNCED_PAGE_PORT}`,
      env: { SYNC_SERVER_URL: `http://127.0.0.1:${SYNC_SERVICE_PORT}` },
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
