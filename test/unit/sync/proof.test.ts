// fake-indexeddb first: Dexie picks up the global indexedDB when a database is opened.
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AnlaufstelleDB } from '../../../renderer/src/db/db';
import { recordTriage } from '../../../renderer/src/db/repositories/visits';
import { dropGrant, holdGrant, proofOf } from '../../../renderer/src/auth/grant';
import { confirmWaiting, createSyncEngine } from '../../../renderer/src/sync/engine';
import { createHttpTransport } from '../../../renderer/src/sync/http-transport';
import { enrollPc, signedIn, fetchAs, listen, pushAs, startAuthServer, type AuthHarness, type Pc } from '../../../server/test/auth-helpers';
import { change } from '../../../server/test/helpers';
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
  baseUrl = await listen(h);
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
  const transport = createHttpTransport({ baseUrl, identity: () => ({ deviceId: pc.deviceId, userId: null }), fetch: fetchAs(pc) });
  const rejections: string[] = [];
  const engine = createSyncEngine({ db, transport, retryMs: [20, 50], pollMs: 3_600_000, onRejected: (m) => rejections.push(...m), requireProofs: true });
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

  it('a colleague at the shared counter cannot write in Anna’s name after she signed out: the change waits on this PC, her next sign-in alone does not send it, her confirmation does', async () => {
    const pc = await enrollPc(h);
    const counter = await desk(pc);
    await grantOf(pc, 'anna.ez');
    holdGrant('s-tina', await grantOf(pc, 'tina.tl'));
    // Tina's session writes a visit naming Anna (a forged author): no proof can be made for it.
    const { visit } = await recordTriage(counter.db, quick(), AT_PC_SITE, ctx(THU_10, 's-anna'));
    expect((await counter.db.outbox.toArray())[0]?.proof).toBeUndefined();
    await counter.engine.syncNow();
    expect(await serverHas(visit.id)).toBe(false);
    // Kept on this PC, waiting – not refused.
    expect(await counter.db.visits.get(visit.id)).toBeDefined();
    expect(await counter.db.outbox.toArray()).toEqual([expect.objectContaining({ unproven: true, by: 's-anna', held: expect.stringContaining('Bestätigung') })]);
    expect(counter.engine.status()).toMatchObject({ mode: 'online' });

    // Anna signs in at this PC again: nothing goes in her name by the sign-in alone.
    holdGrant('s-anna', await grantOf(pc, 'anna.ez'));
    await counter.engine.syncNow();
    expect(await serverHas(visit.id)).toBe(false);
    // Tina cannot confirm for her.
    expect(await confirmWaiting(counter.db, 's-tina', proofOf)).toBe(0);
    // Anna has seen the list and confirms: it goes with her proof.
    expect(await confirmWaiting(counter.db, 's-anna', proofOf)).toBe(1);
    await counter.engine.syncNow();
    expect(await serverHas(visit.id)).toBe(true);
    expect(await counter.db.outbox.count()).toBe(0);
  });

  it('a waiting change is not overwritten when another PC’s change of the record arrives; once confirmed, both stand (found by review)', async () => {
    const pc = await enrollPc(h);
    const counter = await desk(pc);
    holdGrant('s-anna', await grantOf(pc, 'anna.ez'));
    const { visit } = await recordTriage(counter.db, quick(), AT_PC_SITE, ctx(THU_10, 's-anna'));
    await counter.engine.syncNow();
    expect(await serverHas(visit.id)).toBe(true);
    // A change in Anna's name without her proof (she signed out; it was put into the database).
    dropGrant();
    const at = '2026-11-26T09:30:00.000Z';
    await counter.db.transaction('rw', [counter.db.visits, counter.db.outbox], async () => {
      await counter.db.visits.update(visit.id, { acute: true, updatedAt: at, updatedBy: 's-anna' });
      await counter.db.outbox.add({ id: crypto.randomUUID(), table: 'visits', recordId: visit.id, op: 'put', at, by: 's-anna', hlc: `${at}-0000-counter`, txId: crypto.randomUUID(), fields: ['acute', 'updatedAt', 'updatedBy'] });
    });
    await counter.engine.syncNow();
    // Meanwhile Tina, at her own PC, marks the visit as an LB cover visit.
    const other = await enrollPc(h);
    await signedIn(h, other, 'tina.tl');
    const tinas = { ...(await counter.db.visits.get(visit.id))!, acute: false, lbCover: true, updatedAt: '2026-11-26T09:40:00.000Z', updatedBy: 's-tina' };
    const res = await pushAs(h, other, [change('visits', tinas as unknown as Record<string, unknown>, { hlc: '2026-11-26T09:40:00.000Z-0000-other', fields: ['lbCover', 'updatedAt', 'updatedBy'] })]);
    expect(res.json().results[0]).toMatchObject({ status: 'applied' });
    await counter.engine.syncNow();
    expect(await counter.db.visits.get(visit.id)).toMatchObject({ acute: true });

    holdGrant('s-anna', await grantOf(pc, 'anna.ez'));
    expect(await confirmWaiting(counter.db, 's-anna', proofOf)).toBe(1);
    await counter.engine.syncNow();
    const { rows } = await h.db.query<{ data: { acute: boolean; lbCover: boolean } }>("SELECT data FROM records WHERE tbl = 'visits' AND id = $1", [visit.id]);
    expect(rows[0]!.data).toMatchObject({ acute: true, lbCover: true });
    expect(await counter.db.outbox.count()).toBe(0);
  });
});
