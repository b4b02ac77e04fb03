import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the built renderer (out/renderer, `npm run build:web`) in Debian's
 * Chromium – the Electron binary cannot be downloaded on these machines, and the whole UI runs
 * in a browser through the web implementation of the platform bridge.
 */
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Another port lets a second checkout (a git worktree) run its suite at the same time.
const port = Number(process.env.E2E_PORT ?? 4173);

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
  webServer: {
    command: `npx vite preview --config vite.renderer.config.ts --host 127.0.0.1 --port ${port} --strictPort`,
    cwd: '../..',
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
