import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// SYNC.md §11 item 10 / issue 6: the sync service is an npm workspace (server/); electron-builder
// packs the root's production dependencies into the desk installer, so fastify, pg or PGlite must
// never be among them. Asks electron-builder's own collector, the one `npm run dist:win` uses.
const require = createRequire(import.meta.url);
const root = resolve(import.meta.dirname, '../../..');

describe('desk installer dependencies', () => {
  it('issue 6: the sync service and its database drivers do not ship to desk PCs (only zod)', async () => {
    const { getCollectorByPackageManager, PM } = require('app-builder-lib/out/node-module-collector/index.js');
    const { TmpDir } = require('temp-file');
    const tmp = new TmpDir();
    try {
      const collector = getCollectorByPackageManager(PM.NPM, root, tmp);
      const { nodeModules } = await collector.getNodeModules({ packageName: 'anlaufstelle' });
      expect(nodeModules.map((m: { name: string }) => m.name).sort()).toEqual(['zod']);
    } finally {
      await tmp.cleanup();
    }
  }, 60_000);
});
