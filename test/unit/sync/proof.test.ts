// fake-indexeddb first: Dexie picks up the global indexedDB when a database is opened.
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AnlaufstelleDB } from '../../../renderer/src/db/db';
import { recordTriage } from '../../../renderer/src/db/repositories/visits';
import { dropGrant, holdGrant, proofOf } from '../../../renderer/src/auth/grant';
import { createSyncEngine, releaseUnproven } from '../../../renderer/src/sync/engine';
import { createHttpTransport } from '../../../renderer/src/sync/http-transport';
import { enrollPc, signedIn, startAuthServer, type AuthHarness, type Pc } from '../../../server/test/auth-helpers';
import { BAD_EMS, ctx, freshDb, quick, THU_10 } from '../renderer/db/fixture';

/**
 * Issue 7 item 3, narrowed: a PC writes in a person's name only with that person's sign-in there.
 * The real repositories and sync engine on fake-indexeddb against the service with its real access
 * control; every push carries only the PC's token, as after a reconnect with nobody signed in.
 */
let h: AuthHarness;
let baseUrl: string;
const dbs: AnlaufstelleDB[] = [];

beforeAll(async () => {
  h = await startAuthServer();
  await h.app.listen({ host: '127.0.0.1', port: 0 });
  const address = h.app.server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}, 60_000);
beforeEach(async () => {
  await h.reset();
});
afterEach(async () => {
  dropGrant();
  for (const db of dbs.splice(0)) await db.delete();
});
afterAll(async () => {
  await h.close();
});

async function desk(pc: Pc) {
  const db = await freshDb();
  dbs.push(db);
  const withToken: typeof fetch = (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), authorization: `Bearer ${pc.token}` } });
  const transport = createHttpTransport({ baseUrl, identity: () => ({ deviceId: pc.deviceId, userId: null }), fetch: withToken });
  const rejections: string[] = [];
  const engine = createSyncEngine({ db, transport, retryMs: [20, 50], pollMs: 3_600_000, onRejected: (m) => rejections.push(...m) });
  // The service's test site, as this PC knows it (the harness seeds it without a version to pull).
  const seeded = await db.sites.get(BAD_EMS);
  await db.sites.put({ ...seeded!, id: 'site-be' });
  return { db, engine, rejections };
}

const AT_PC_SITE = { siteId: 'site-be', deadlinePolicy: 'working-days' as const };
const grantOf = async (pc: Pc, username: string) => ((await signedIn(h, pc, username)) as unknown as { grant: string }).grant;
async function serverHas(id: string): Promise<boolean> {
  const { rows } = await h.db.query("SELECT 1 FROM records WHERE tbl = 'visits' AND id = $1", [id]);
  return rows.length > 0;
}

describe('issue 7 item 3: changes in a person’s name carry that person’s proof', () => {
  it('a visit Anna records while signed in reaches the service after she signed out and the network came back', async () => {
    const pc = await enrollPc(h);
    const counter = await desk(pc);
    holdGrant('s-anna', await grantOf(pc, 'anna.ez'));
    const { visit } = await recordTriage(counter.db, quick(), AT_PC_SITE, ctx(THU_10, 's-anna'));
    expect((await counter.db.outbox.toArray())[0]?.proof).toMatch(/^[A-Za-z0-9_-]{43}$/);
    dropGrant(); // she signs out; the PC was offline all along
    await counter.engine.syncNow();
    expect(await serverHas(visit.id)).toBe(true);
    expect(await counter.db.outbox.count()).toBe(0);
  });

  it('a colleague at the shared counter cannot write in Anna’s name after she signed out: the change waits, nothing is lost, and goes once Anna signs in again', async () => {
    const pc = await enrollPc(h);
    const counter = await desk(pc);
    await grantOf(pc, 'anna.ez');
    holdGrant('s-tina', await grantOf(pc, 'tina.tl'));
    // Tina's PC session writes a visit naming Anna (a forged author): no proof can be made for it.
    const { visit } = await recordTriage(counter.db, quick(), AT_PC_SITE, ctx(THU_10, 's-anna'));
    expect((await counter.db.outbox.toArray())[0]?.proof).toBeUndefined();
    await counter.engine.syncNow();
    expect(await serverHas(visit.id)).toBe(false);
    // Kept on this PC, held, and the clerk is told why.
    expect(await counter.db.visits.get(visit.id)).toBeDefined();
    expect(await counter.db.outbox.toArray()).toEqual([expect.objectContaining({ unproven: true, held: expect.stringContaining('anna.ez') })]);
    expect(counter.rejections.join(' ')).toContain('wartet');
    // Another round does not send it again.
    await counter.engine.syncNow();
    expect(await serverHas(visit.id)).toBe(false);

    // Anna signs in at this PC again: her waiting change goes with her proof.
    holdGrant('s-anna', await grantOf(pc, 'anna.ez'));
    expect(await releaseUnproven(counter.db, proofOf)).toBe(1);
    await counter.engine.syncNow();
    expect(await serverHas(visit.id)).toBe(true);
    expect(await counter.db.outbox.count()).toBe(0);
  });
});
