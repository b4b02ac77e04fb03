import { defineConfig } from '@playwright/test';

/**
 * The Electron smoke test: the built app (out/, `electron-vite build`) in the real Electron
 * binary. Run through scripts/electron-smoke.mjs, which builds first and says plainly when the
 * binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1) instead of skipping silently.
 */
export default defineConfig({
  testDir: '.',
  testMatch: 'smoke.spec.ts',
  forbidOnly: true,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: '../../test-results/electron',
});
