// fake-indexeddb first: Dexie picks up the global indexedDB when a database is opened.
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RESTRICTED } from '@shared/auth/scope';
import type { CallbackTicket } from '@shared/model';
import type { AnlaufstelleDB } from '../../../renderer/src/db/db';
import { createSyncEngine } from '../../../renderer/src/sync/engine';
import { createHttpTransport } from '../../../renderer/src/sync/http-transport';
import { SyncRequestError } from '@shared/sync/transport';
import { enrollPc, proofFor, pushAs, signedIn, fetchAs, listen, startAuthServer, type AuthHarness, type Pc } from '../../../server/test/auth-helpers';
import { change, hlc, ticket } from '../../../server/test/helpers';
import { freshDb } from '../renderer/db/fixture';

/**
 * Issue 7 item 6 "Records that leave a PC's scope are removed from it": the real sync engine on
 * fake-indexeddb against the service with its real access control (an enrolled PC, its token in
 * the transport's requests), on loopback.
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
  for (const db of dbs.splice(0)) await db.delete();
});
afterAll(async () => {
  await h.close();
});

/** A PC: its database and engine; every request carries the PC's token, as the desktop app's does. */
/** `pulls`: the cursor of every pull request; "s<cursor>" for a re-projection pass (only the scoped tables). */
async function desk(pc: Pc, onPull?: () => Promise<void>, pulls: (number | string)[] = []) {
  const db = await freshDb();
  dbs.push(db);
  const http = createHttpTransport({ baseUrl, identity: () => ({ deviceId: pc.deviceId, userId: null }), fetch: fetchAs(pc) });
  const transport = {
    ...http,
    pull: async (cursor: number, limit: number, opts?: { scoped?: boolean }) => {
      pulls.push(opts?.scoped ? `s${cursor}` : cursor);
      await onPull?.();
      return http.pull(cursor, limit, opts);
    },
  };
  const engine = createSyncEngine({ db, transport, retryMs: [20, 50], pollMs: 3_600_000 });
  return { db, engine };
}

/** A Diez ticket on the Bad Ems list (LB cover): the Bad Ems office PC works it, until it moves back to Diez. */
const diezTicket = () => ticket('t-1', { siteId: 'site-di', distributionSiteId: 'site-be', ref: 'DZ-7K3F', createdBy: 's-dora', updatedBy: 's-dora' });
async function moveToDiez(diez: Pc): Promise<void> {
  const moved = { ...diezTicket(), distributionSiteId: 'site-di', updatedAt: '2026-12-03T09:00:00.000Z' };
  const res = await pushAs(h, diez, [change('tickets', moved, { hlc: hlc('2026-12-03T09:00:00.000Z'), fields: ['distributionSiteId', 'updatedAt'] })]);
  expect(res.statusCode).toBe(200);
}

describe('issue 7 item 6: a record that leaves a PC’s scope is removed from it', () => {
  it('a ticket moved to another distribution site: the pulled projection replaces the row, the name is gone from this PC', async () => {
    const diez = await enrollPc(h, 'site-di', 'counter');
    await signedIn(h, diez, 'dora.ez');
    const office = await enrollPc(h, 'site-be', 'office');
    await signedIn(h, office, 'lars.lb');
    expect((await pushAs(h, diez, [change('tickets', diezTicket())])).statusCode).toBe(200);

    const be = await desk(office);
    await be.engine.syncNow();
    expect(await be.db.tickets.get('t-1')).toMatchObject({ customerName: 'Erika Muster', phone: '02603 1234' });

    await moveToDiez(diez);
    await be.engine.syncNow();
    const row = (await be.db.tickets.get('t-1')) as CallbackTicket;
    expect(row).toMatchObject({ customerName: RESTRICTED, phone: '', concern: RESTRICTED, distributionSiteId: 'site-di', restricted: true });
    expect(JSON.stringify(row)).not.toMatch(/Muster|02603|vormittags|Bescheid/);
  });

  it('a local change still unsent does not keep the name: eviction wins, the edit goes out without personal fields', async () => {
    const diez = await enrollPc(h, 'site-di', 'counter');
    await signedIn(h, diez, 'dora.ez');
    const office = await enrollPc(h, 'site-be', 'office');
    await signedIn(h, office, 'lars.lb');
    expect((await pushAs(h, diez, [change('tickets', diezTicket())])).statusCode).toBe(200);

    // Lars edits the ticket while the round runs (after its push, before its pull): the pull meets
    // a row with an unsent change.
    let edit: (() => Promise<void>) | null = null;
    const be = await desk(office, async () => {
      const run = edit;
      edit = null;
      await run?.();
    });
    await be.engine.syncNow();
    await moveToDiez(diez);
    edit = async () => {
      const at = '2026-12-03T09:30:00.000Z';
      await be.db.transaction('rw', [be.db.tickets, be.db.outbox], async () => {
        await be.db.tickets.update('t-1', { preferredTimes: 'nachmittags', dueAt: '2026-12-08T08:00:00.000Z', updatedAt: at, updatedBy: 's-lars' });
        // With Lars's proof, as his PC makes it while he is signed in (issue 7 item 3).
        const proof = proofFor(office, change('tickets', { ...diezTicket(), updatedBy: 's-lars' }));
        await be.db.outbox.add({ id: crypto.randomUUID(), table: 'tickets', recordId: 't-1', op: 'put', at, by: 's-lars', hlc: `${at}-0000-office`, txId: crypto.randomUUID(), fields: ['dueAt', 'preferredTimes', 'updatedAt', 'updatedBy'], proof });
      });
    };
    await be.engine.syncNow();

    const row = (await be.db.tickets.get('t-1')) as CallbackTicket;
    expect(row).toMatchObject({ customerName: RESTRICTED, phone: '', preferredTimes: '', restricted: true, distributionSiteId: 'site-di' });
    // The non-personal edit is still here (over the server's row), waiting for its push.
    expect(row.dueAt).toBe('2026-12-08T08:00:00.000Z');
    expect(await be.db.outbox.count()).toBe(1);

    // Its push: Lars no longer works the ticket, the server refuses – and answers with its row projected.
    await be.engine.syncNow();
    expect(await be.db.outbox.count()).toBe(0);
    const after = (await be.db.tickets.get('t-1')) as CallbackTicket;
    expect(after).toMatchObject({ customerName: RESTRICTED, restricted: true, dueAt: '2026-12-05T08:00:00.000Z' });
    expect(await be.db.tickets.count()).toBe(1);
    expect(JSON.stringify(after)).not.toMatch(/Muster|02603|vormittags|nachmittags/);
    // Nothing of the placeholders reached the server.
    const { rows } = await h.db.query<{ data: Record<string, unknown> }>("SELECT data FROM records WHERE tbl = 'tickets' AND id = 't-1'");
    expect(rows[0]!.data).toMatchObject({ customerName: 'Erika Muster', phone: '02603 1234', preferredTimes: 'vormittags' });
    expect(rows[0]!.data).not.toHaveProperty('restricted');
  });
});

/**
 * Issue 7 item 6 "Records that leave a PC's scope are removed from it" (SPEC §8) when the SCOPE
 * changes and the records do not: the service names the fingerprint of the scope with every pull;
 * the engine stores it with its cursor and pulls again from 0 when it changes, each row replacing
 * the local copy of the same version.
 */
describe('issue 7 item 6: a changed scope fingerprint re-pulls every record', () => {
  const T = '2026-12-03T08:00:00.000Z';
  const sickness = {
    id: 'ab-1', createdAt: T, createdBy: 's-dora', updatedAt: T, updatedBy: 's-dora', deletedAt: null, staffId: 's-dora',
    from: '2026-12-07', to: '2026-12-09', halfDay: 'none', kind: 'unplanned', reason: 'sickness', registeredAt: T, kindOverridden: false, note: 'Grippe',
  };
  const doras = (over: Record<string, unknown> = {}) => ticket('t-2', { assignee: { kind: 'person', staffId: 's-dora' }, ...over });
  const PERSONAL = /Muster|02603|vormittags|Bescheid|Grippe/;
  async function everything(db: AnlaufstelleDB): Promise<string> {
    const all = await Promise.all(db.tables.map(async (t) => JSON.stringify(await t.toArray())));
    return all.join('\n');
  }
  async function head(): Promise<number> {
    const { rows } = await h.db.query<{ v: string }>('SELECT v FROM tenant_head');
    return Number(rows[0]!.v);
  }

  it('a person’s first sign-in at the PC: her case’s name and phone arrive, the ticket unchanged', async () => {
    const be = await enrollPc(h, 'site-be', 'counter');
    await signedIn(h, be, 'anna.ez');
    const office = await enrollPc(h, 'site-di', 'office');
    await signedIn(h, office, 'anna.ez');
    expect((await pushAs(h, be, [change('tickets', doras())])).statusCode).toBe(200);

    const pulls: (number | string)[] = [];
    const di = await desk(office, undefined, pulls);
    await di.engine.syncNow();
    expect(await di.db.tickets.get('t-2')).toMatchObject({ customerName: RESTRICTED, restricted: true });
    const v = await head();

    await signedIn(h, office, 'dora.ez');
    pulls.length = 0;
    await di.engine.syncNow();
    expect(await head()).toBe(v);
    expect(pulls).toEqual([v, 's0', v]);
    const row = await di.db.tickets.get('t-2');
    expect(row).toMatchObject({ customerName: 'Erika Muster', phone: '02603 1234', concern: 'Rückfrage zum Bescheid' });
    expect(row).not.toHaveProperty('restricted');
  });

  it('a sign-in that leaves the offline period: her names and absence reasons leave the PC’s database, not a trace of the whole copy', async () => {
    const dorasCounter = await enrollPc(h, 'site-di', 'counter');
    await signedIn(h, dorasCounter, 'dora.ez');
    const office = await enrollPc(h, 'site-be', 'office');
    await signedIn(h, office, 'dora.ez');
    const diez = { siteId: 'site-di', distributionSiteId: 'site-di', ref: 'DZ-7K3F', createdBy: 's-dora', updatedBy: 's-dora' };
    const res = await pushAs(h, dorasCounter, [change('tickets', doras(diez)), change('absences', sickness)]);
    expect(res.json().results).toMatchObject([{ status: 'applied' }, { status: 'applied' }]);

    const pulls: (number | string)[] = [];
    const bo = await desk(office, undefined, pulls);
    await bo.engine.syncNow();
    expect(await bo.db.tickets.get('t-2')).toMatchObject({ customerName: 'Erika Muster' });
    expect(await bo.db.absences.get('ab-1')).toMatchObject({ reason: 'sickness', note: 'Grippe' });

    // Eight days later (the offline period is 7): Dora's sign-in has run out; Lars signs in.
    await h.db.query("UPDATE sessions SET started_at = started_at - interval '8 days' WHERE device_id = $1", [office.deviceId]);
    await signedIn(h, office, 'lars.lb');
    const v = await head();
    pulls.length = 0;
    await bo.engine.syncNow();
    expect(pulls).toEqual([v, 's0', v]);
    expect(await bo.db.tickets.get('t-2')).toMatchObject({ customerName: RESTRICTED, phone: '', restricted: true });
    expect(await bo.db.absences.get('ab-1')).toMatchObject({ reason: 'short-notice', note: '', kind: 'unplanned', restricted: true });
    expect(await everything(bo.db)).not.toMatch(PERSONAL);
  });

  it('an unchanged fingerprint does not re-pull: the next rounds ask from their cursor only', async () => {
    const be = await enrollPc(h, 'site-be', 'counter');
    await signedIn(h, be, 'anna.ez');
    const pulls: (number | string)[] = [];
    const b = await desk(be, undefined, pulls);
    await b.engine.syncNow();
    expect(pulls).toEqual([0]);
    const v = await head();
    await b.engine.syncNow();
    await signedIn(h, be, 'anna.ez');
    expect((await pushAs(h, be, [change('tickets', ticket('t-3'))])).statusCode).toBe(200);
    await b.engine.syncNow();
    expect(pulls).toEqual([0, v, v]);
    expect(await b.db.tickets.get('t-3')).toMatchObject({ customerName: 'Erika Muster' });
  });

  it('a PC that pulled before fingerprints existed (none stored) re-pulls once', async () => {
    const be = await enrollPc(h, 'site-be', 'counter');
    await signedIn(h, be, 'anna.ez');
    const pulls: (number | string)[] = [];
    const b = await desk(be, undefined, pulls);
    expect((await pushAs(h, be, [change('tickets', ticket('t-3'))])).statusCode).toBe(200);
    await b.engine.syncNow();
    await b.db.syncState.delete('scope');
    const v = await head();
    await b.engine.syncNow();
    await b.engine.syncNow();
    expect(pulls).toEqual([0, v, 's0', v, v]);
  });

  it('a re-projection pass cut short goes on from its last page, not from 0 again', async () => {
    const be = await enrollPc(h, 'site-be', 'counter');
    await signedIn(h, be, 'anna.ez');
    const office = await enrollPc(h, 'site-di', 'office');
    await signedIn(h, office, 'anna.ez');
    for (const id of ['t-5', 't-6', 't-7']) {
      expect((await pushAs(h, be, [change('tickets', ticket(id, { assignee: { kind: 'person', staffId: 's-dora' } }))])).statusCode).toBe(200);
    }
    // One version per page, and the cable pulled at the chosen request.
    const db = await freshDb();
    dbs.push(db);
    const http = createHttpTransport({ baseUrl, identity: () => ({ deviceId: office.deviceId, userId: null }), fetch: fetchAs(office) });
    const pulls: (number | string)[] = [];
    let failAt = -1;
    const engine = createSyncEngine({
      db,
      transport: {
        ...http,
        pull: async (cursor, _limit, opts) => {
          pulls.push(opts?.scoped ? `s${cursor}` : cursor);
          if (pulls.length === failAt) throw new SyncRequestError('offline', 'Der Sync-Dienst ist nicht erreichbar.');
          return http.pull(cursor, 1, opts);
        },
      },
      retryMs: [3_600_000],
      pollMs: 3_600_000,
    });
    await engine.syncNow();
    const v = await head();
    expect(pulls).toEqual([0, v - 2, v - 1]);

    await signedIn(h, office, 'dora.ez');
    pulls.length = 0;
    failAt = 3;
    await engine.syncNow();
    // The fingerprint moved, the pass from 0 applied its first page, the next request failed.
    expect(pulls).toEqual([v, 's0', `s${v - 2}`]);
    expect(await db.tickets.get('t-5')).toMatchObject({ customerName: 'Erika Muster' });
    expect(await db.tickets.get('t-7')).toMatchObject({ customerName: RESTRICTED });
    engine.stop();
    pulls.length = 0;
    failAt = -1;
    await engine.syncNow();
    expect(pulls).toEqual([v, `s${v - 2}`, `s${v - 1}`, v]);
    for (const id of ['t-5', 't-6', 't-7']) expect(await db.tickets.get(id)).toMatchObject({ customerName: 'Erika Muster' });
  });

  it('a pass cut short, then the scope goes back to the old one: a pass for it follows, the names the first pass brought go again', async () => {
    const be = await enrollPc(h, 'site-be', 'counter');
    await signedIn(h, be, 'anna.ez');
    const office = await enrollPc(h, 'site-di', 'office');
    await signedIn(h, office, 'anna.ez');
    for (const id of ['t-5', 't-6']) {
      expect((await pushAs(h, be, [change('tickets', ticket(id, { assignee: { kind: 'person', staffId: 's-dora' } }))])).statusCode).toBe(200);
    }
    const db = await freshDb();
    dbs.push(db);
    const http = createHttpTransport({ baseUrl, identity: () => ({ deviceId: office.deviceId, userId: null }), fetch: fetchAs(office) });
    let calls = 0;
    let failAt = -1;
    const engine = createSyncEngine({
      db,
      transport: {
        ...http,
        pull: async (cursor, _limit, opts) => {
          calls += 1;
          if (calls === failAt) throw new SyncRequestError('offline', 'Der Sync-Dienst ist nicht erreichbar.');
          return http.pull(cursor, 1, opts);
        },
      },
      retryMs: [3_600_000],
      pollMs: 3_600_000,
    });
    await engine.syncNow();
    await signedIn(h, office, 'dora.ez');
    calls = 0;
    failAt = 3;
    await engine.syncNow();
    expect(await db.tickets.get('t-5')).toMatchObject({ customerName: 'Erika Muster' });
    expect(await db.tickets.get('t-6')).toMatchObject({ customerName: RESTRICTED });

    // Dora's sign-in runs out before the pass could finish: the scope is Anna's alone again.
    await h.db.query("UPDATE sessions SET started_at = started_at - interval '8 days' WHERE device_id = $1 AND staff_id = 's-dora'", [office.deviceId]);
    failAt = -1;
    await engine.syncNow();
    for (const id of ['t-5', 't-6']) expect(await db.tickets.get(id)).toMatchObject({ customerName: RESTRICTED, restricted: true });
    expect(await everything(db)).not.toMatch(PERSONAL);
  });

  it('a restricted row with an unsent change that enters the scope: the name arrives, the local edit stays and is pushed', async () => {
    const be = await enrollPc(h, 'site-be', 'counter');
    await signedIn(h, be, 'anna.ez');
    const office = await enrollPc(h, 'site-di', 'office');
    await signedIn(h, office, 'anna.ez');
    expect((await pushAs(h, be, [change('tickets', doras())])).statusCode).toBe(200);

    // Dora, signed in offline meanwhile, moves the due date of the row this PC holds restricted; the
    // pull of the round meets the unsent change (written after the round's push).
    let edit: (() => Promise<void>) | null = null;
    const di = await desk(office, async () => {
      const run = edit;
      edit = null;
      await run?.();
    });
    await di.engine.syncNow();
    expect(await di.db.tickets.get('t-2')).toMatchObject({ restricted: true });
    await signedIn(h, office, 'dora.ez');
    edit = async () => {
      const at = '2026-12-03T09:30:00.000Z';
      await di.db.transaction('rw', [di.db.tickets, di.db.outbox], async () => {
        await di.db.tickets.update('t-2', { dueAt: '2026-12-08T08:00:00.000Z', updatedAt: at, updatedBy: 's-dora' });
        // With Dora's proof, as her PC makes it from the grant her offline sign-in opened (issue 7 item 3).
        const proof = proofFor(office, change('tickets', { ...doras(), updatedBy: 's-dora' }));
        await di.db.outbox.add({ id: crypto.randomUUID(), table: 'tickets', recordId: 't-2', op: 'put', at, by: 's-dora', hlc: `${at}-0000-office`, txId: crypto.randomUUID(), fields: ['dueAt', 'updatedAt', 'updatedBy'], proof });
      });
    };
    await di.engine.syncNow();
    const row = await di.db.tickets.get('t-2');
    expect(row).toMatchObject({ customerName: 'Erika Muster', phone: '02603 1234', dueAt: '2026-12-08T08:00:00.000Z' });
    expect(row).not.toHaveProperty('restricted');
    expect(await di.db.outbox.count()).toBe(1);

    await di.engine.syncNow();
    expect(await di.db.outbox.count()).toBe(0);
    const { rows } = await h.db.query<{ data: Record<string, unknown> }>("SELECT data FROM records WHERE tbl = 'tickets' AND id = 't-2'");
    expect(rows[0]!.data).toMatchObject({ customerName: 'Erika Muster', phone: '02603 1234', dueAt: '2026-12-08T08:00:00.000Z' });
    expect(await di.db.tickets.get('t-2')).toMatchObject({ customerName: 'Erika Muster', dueAt: '2026-12-08T08:00:00.000Z' });
  });
});
