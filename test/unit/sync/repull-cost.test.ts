// fake-indexeddb first: Dexie picks up the global indexedDB when a database is opened.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RESTRICTED } from '@shared/auth/scope';
import { MAX_PULL_LIMIT } from '@shared/sync/protocol';
import { createSyncEngine } from '../../../renderer/src/sync/engine';
import { createHttpTransport } from '../../../renderer/src/sync/http-transport';
import { enrollPc, signedIn, fetchAs, listen, startAuthServer, type AuthHarness } from '../../../server/test/auth-helpers';
import { ticket } from '../../../server/test/helpers';
import { freshDb } from '../renderer/db/fixture';

/**
 * Issue 7 item 6: what a re-pull after a scope change costs – every record again, paged as usual
 * (MAX_PULL_LIMIT per page), projected by the service, each replacing its local copy. The real
 * service with its access control on loopback, the real engine on fake-indexeddb (a pure-JS
 * IndexedDB, slower than Chromium's). Small by default so the suite stays quick; for a year's
 * tickets (and 60,000 visits): REPULL_RECORDS=30000 npx vitest run test/unit/sync/repull-cost.test.ts
 */
const N = Number(process.env.REPULL_RECORDS ?? 1000);
const VISITS_PER_TICKET = 2;
let h: AuthHarness;
let baseUrl: string;
beforeAll(async () => {
  h = await startAuthServer();
  baseUrl = await listen(h);
}, 60_000);
afterAll(async () => {
  await h.close();
});

it(`issue 7 item 6: the re-projection after a first sign-in pulls the ${N} tickets again, not the visits, paged and timed; a round without a scope change pulls nothing again`, async () => {
  // The records straight into the service's table, one version per 1,000 (a push group each): N
  // tickets and, as in a year (~200,000 visits beside ~30,000 tickets), VISITS_PER_TICKET visits each.
  const t = ticket('x', { assignee: { kind: 'person', staffId: 's-dora' } });
  const T = '2026-12-03T08:00:00.000Z';
  const v = { createdAt: T, createdBy: 's-anna', updatedAt: T, updatedBy: 's-anna', deletedAt: null, siteId: 'site-be', arrivedAt: T, concernKind: 'benefits', quickSubtype: null, acute: false, outcome: 'handoff-lb', verbisCheck: 'no-need', digitalCheck: 'not-first-visit', servedBy: 's-anna', handoffIds: [], ticketId: null, lbCover: false };
  const all = [
    ...Array.from({ length: N }, (_, i) => ({ tbl: 'tickets', row: { ...t, id: `t-${i}` } })),
    ...Array.from({ length: N * VISITS_PER_TICKET }, (_, i) => ({ tbl: 'visits', row: { ...v, id: `v-${i}` } })),
  ];
  for (let i = 0; i < all.length; i += 1000) {
    const chunk = all.slice(i, i + 1000);
    await h.db.query(
      `INSERT INTO records (tenant_id, tbl, id, data, hlc, version, updated_by_device)
       SELECT 'default', r->>'tbl', r->'row'->>'id', r->'row', '2026-12-03T08:00:00.000Z-0000-bench', $2, 'bench' FROM jsonb_array_elements($1::jsonb) r`,
      [JSON.stringify(chunk), 1 + i / 1000],
    );
  }
  const versions = Math.ceil(all.length / 1000);
  await h.db.query('UPDATE tenant_head SET v = $1', [versions]);
  const office = await enrollPc(h, 'site-di', 'office');
  await signedIn(h, office, 'anna.ez');
  const db = await freshDb();
  const http = createHttpTransport({ baseUrl, identity: () => ({ deviceId: office.deviceId, userId: null }), fetch: fetchAs(office) });
  let pages = 0;
  const engine = createSyncEngine({ db, transport: { ...http, pull: (c, l, o) => ((pages += 1), http.pull(c, l, o)) }, retryMs: [20, 50], pollMs: 3_600_000 });
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
  // The service's part alone: every page of the pass from 0, projected, over loopback HTTP.
  const service = await timed(async () => {
    for (let cursor = 0, more = true; more; ) ({ cursor, more } = await http.pull(cursor, MAX_PULL_LIMIT, { scoped: true }));
  });
  pages = 0;
  const repull = await timed(() => engine.syncNow());
  // The main pull's request, the pass over the tickets only (the visits stay as they are), the page again.
  expect(pages).toBe(2 + Math.ceil(N / MAX_PULL_LIMIT));
  expect(await db.tickets.get(`t-${N - 1}`)).toMatchObject({ customerName: 'Erika Muster' });
  console.info(
    `issue 7 item 6, re-pull cost (${N} tickets + ${N * VISITS_PER_TICKET} visits, ${versions} versions): first pull ${first} ms; round without scope change ${quiet} ms; ` +
      `re-projection after a first sign-in ${repull} ms in ${pages - 2} pages (${((repull / N) * 1000).toFixed(0)} µs per ticket), of which the service's paging alone ${service} ms`,
  );
  await db.delete();
}, 600_000);
