// fake-indexeddb first: Dexie picks up the global indexedDB when a database is opened.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RESTRICTED } from '@shared/auth/scope';
import { MAX_PULL_LIMIT } from '@shared/sync/protocol';
import { createSyncEngine } from '../../../renderer/src/sync/engine';
import { createHttpTransport } from '../../../renderer/src/sync/http-transport';
import { enrollPc, signedIn, startAuthServer, type AuthHarness } from '../../../server/test/auth-helpers';
import { ticket } from '../../../server/test/helpers';
import { freshDb } from '../renderer/db/fixture';

/**
 * Issue 7 item 6: what a re-pull after a scope change costs – every record again, paged as usual
 * (MAX_PULL_LIMIT per page), projected by the service, each replacing its local copy. The real
 * service with its access control on loopback, the real engine on fake-indexeddb (a pure-JS
 * IndexedDB, slower than Chromium's). Small by default so the suite stays quick; for a year's
 * tickets: REPULL_RECORDS=30000 npx vitest run test/unit/sync/repull-cost.test.ts
 */
const N = Number(process.env.REPULL_RECORDS ?? 2000);
let h: AuthHarness;
let baseUrl: string;
beforeAll(async () => {
  h = await startAuthServer();
  await h.app.listen({ host: '127.0.0.1', port: 0 });
  const address = h.app.server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}, 60_000);
afterAll(async () => {
  await h.close();
});

it(`issue 7 item 6: a re-pull of ${N} tickets after a first sign-in is paged and timed; a round without a scope change pulls nothing again`, async () => {
  // The records straight into the service's table, one version per 1,000 (a push group each).
  const t = ticket('x', { assignee: { kind: 'person', staffId: 's-dora' } });
  for (let i = 0; i < N; i += 1000) {
    const rows = Array.from({ length: Math.min(1000, N - i) }, (_, k) => ({ ...t, id: `t-${i + k}` }));
    await h.db.query(
      `INSERT INTO records (tenant_id, tbl, id, data, hlc, version, updated_by_device)
       SELECT 'default', 'tickets', r->>'id', r, '2026-12-03T08:00:00.000Z-0000-bench', $2, 'bench' FROM jsonb_array_elements($1::jsonb) r`,
      [JSON.stringify(rows), 1 + i / 1000],
    );
  }
  await h.db.query('UPDATE tenant_head SET v = $1', [Math.ceil(N / 1000)]);
  const office = await enrollPc(h, 'site-di', 'office');
  await signedIn(h, office, 'anna.ez');
  const db = await freshDb();
  const withToken: typeof fetch = (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), authorization: `Bearer ${office.token}` } });
  const http = createHttpTransport({ baseUrl, identity: () => ({ deviceId: office.deviceId, userId: null }), fetch: withToken });
  let pages = 0;
  const engine = createSyncEngine({ db, transport: { ...http, pull: (c, l) => ((pages += 1), http.pull(c, l)) }, retryMs: [20, 50], pollMs: 3_600_000 });
  const timed = async (work: () => Promise<unknown>) => {
    const t0 = performance.now();
    await work();
    return Math.round(performance.now() - t0);
  };

  const first = await timed(() => engine.syncNow());
  expect(await db.tickets.get('t-0')).toMatchObject({ customerName: RESTRICTED });
  pages = 0;
  const quiet = await timed(() => engine.syncNow());
  expect(pages).toBe(1);

  await signedIn(h, office, 'dora.ez');
  // The service's part alone: every page from 0, projected, over loopback HTTP.
  const service = await timed(async () => {
    for (let cursor = 0, more = true; more; ) ({ cursor, more } = await http.pull(cursor, MAX_PULL_LIMIT));
  });
  pages = 0;
  const repull = await timed(() => engine.syncNow());
  expect(pages).toBe(1 + Math.ceil(N / MAX_PULL_LIMIT));
  expect(await db.tickets.get(`t-${N - 1}`)).toMatchObject({ customerName: 'Erika Muster' });
  console.info(
    `issue 7 item 6, re-pull cost (${N} tickets, ${pages - 1} pages of ${MAX_PULL_LIMIT}): first pull ${first} ms; round without scope change ${quiet} ms; ` +
      `re-pull after a first sign-in ${repull} ms (${((repull / N) * 1000).toFixed(0)} µs per record), of which the service's paging alone ${service} ms`,
  );
  await db.delete();
}, 600_000);
