// fake-indexeddb first: Dexie picks up the global indexedDB when a database is opened.
import 'fake-indexeddb/auto';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { InboxMessage } from '@shared/model';
import { SYNCED_TABLE_NAMES, type PushRequest } from '@shared/sync/protocol';
import { SyncRequestError, type SyncTransport } from '@shared/sync/transport';
import { buildTestApp as buildApp } from '../../../server/test/helpers';
import { migrate, pgliteDb, type Db } from '../../../server/src/db';
import { seedDirectoryIfEmpty } from '../../../server/src/directory';
import { ensureTenant, renewEpoch, syncCore } from '../../../server/src/sync';
import type { AnlaufstelleDB } from '../../../renderer/src/db/db';
import { seedDemoData } from '../../../renderer/src/db/repositories/demo';
import { openHandoffs, takeHandoff } from '../../../renderer/src/db/repositories/handoffs';
import { storeNotices } from '../../../renderer/src/db/repositories/inbox';
import { acknowledgeAlarm, raiseAlarm } from '../../../renderer/src/db/repositories/alarms';
import { distributeTicket, logCallbackAttempt } from '../../../renderer/src/db/repositories/tickets';
import { recordTriage } from '../../../renderer/src/db/repositories/visits';
import { registerAbsence } from '../../../renderer/src/db/repositories/absences';
import { acceptCover, rejectCover, sessionCell } from '../../../renderer/src/db/repositories/cover';
import { draftWeek } from '../../../renderer/src/db/repositories/roster';
import { COVER_SOURCE_LABELS } from '@shared/model';
import { THU, THU_0730, WEEK, as, onePerson, people } from '../renderer/db/staffing-fixture';
import { createSyncEngine, type SyncEngine, type SyncStatus } from '../../../renderer/src/sync/engine';
import { createHttpTransport } from '../../../renderer/src/sync/http-transport';
import { AT_BAD_EMS, BAD_EMS, THU_10, application, ctx, freshDb, later, other, staffIdWith } from '../renderer/db/fixture';

/**
 * Issue 6: several headless PCs (the real repositories on fake-indexeddb, the real sync engine and
 * HTTP transport) against the real sync service on loopback (PGlite in memory).
 */
let server: Db;
let app: FastifyInstance;
let baseUrl: string;

beforeAll(async () => {
  server = await pgliteDb();
  const { to } = await migrate(server);
  await ensureTenant(server);
  await seedDirectoryIfEmpty(server, syncCore(server), THU_10);
  app = await buildApp({ db: server, schemaVersion: to });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}, 60_000);

afterAll(async () => {
  await app.close();
  await server.close();
});

interface Pc {
  db: AnlaufstelleDB;
  engine: SyncEngine;
  net: { up: boolean };
  statuses: SyncStatus[];
  rejections: string[];
  inbox: InboxMessage[];
}
const pcs: Pc[] = [];

afterEach(async () => {
  for (const pc of pcs.splice(0)) {
    pc.engine.stop();
    await pc.db.delete();
  }
  await server.exec("DELETE FROM records WHERE tbl NOT IN ('sites', 'staff'); TRUNCATE sync_receipts, desk_codes;");
});

/** A transport whose network cable can be pulled (`net.up = false`). */
function switchable(inner: SyncTransport, net: { up: boolean }): SyncTransport {
  const offline = () => new SyncRequestError('offline', 'Der Sync-Dienst ist nicht erreichbar.');
  return {
    probe: async () => (net.up ? inner.probe() : 'unreachable'),
    push: async (req) => {
      if (!net.up) throw offline();
      return inner.push(req);
    },
    pull: async (cursor, limit) => {
      if (!net.up) throw offline();
      return inner.pull(cursor, limit);
    },
    deskCode: async (siteId, held) => {
      if (!net.up) throw offline();
      return inner.deskCode(siteId, held);
    },
    live: (handlers) => {
      if (!net.up) {
        setTimeout(() => handlers.onClose(), 0);
        return () => undefined;
      }
      return inner.live(handlers);
    },
  };
}

async function pc(
  name: string,
  options: { live?: boolean; longPoll?: boolean; siteId?: string; transport?: (t: SyncTransport) => SyncTransport } = {},
): Promise<Pc> {
  const db = await freshDb();
  const net = { up: true };
  const statuses: SyncStatus[] = [];
  const rejections: string[] = [];
  const inbox: InboxMessage[] = [];
  const http = createHttpTransport({ baseUrl, identity: () => ({ deviceId: name, userId: null }), ...(options.longPoll ? { live: 'long-poll' as const } : {}) });
  const transport = switchable(options.transport ? options.transport(http) : http, net);
  const engine = createSyncEngine({
    db,
    transport,
    onStatus: (s) => statuses.push(s),
    onRejected: (m) => rejections.push(...m),
    onNewInbox: (m) => inbox.push(...m),
    siteId: () => options.siteId ?? null,
    retryMs: [20, 50],
    pollMs: options.live ? 60_000 : 3_600_000,
  });
  const made = { db, engine, net, statuses, rejections, inbox };
  pcs.push(made);
  if (options.live) await engine.start();
  return made;
}

async function until(check: () => Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function handOff(p: Pc, label: string, minutes = 0) {
  const { handoffs } = await recordTriage(p.db, application(false, label), AT_BAD_EMS, ctx(later(THU_10, minutes)));
  return handoffs[0]!;
}

describe('issue 6 item 1: a visitor handed off at the counter reaches the LB PCs of the site', () => {
  it('the hand-off recorded at the counter PC is in the queue of the LB PC after a sync round', async () => {
    const counter = await pc('pc-counter');
    const lb = await pc('pc-lb');
    const h = await handOff(counter, 'Frau K.');

    await counter.engine.syncNow();
    await lb.engine.syncNow();

    const queue = await openHandoffs(lb.db, AT_BAD_EMS.siteId);
    expect(queue.map((x) => [x.id, x.label, x.status])).toEqual([[h.id, 'Frau K.', 'waiting']]);
    expect(await counter.db.outbox.count()).toBe(0);
  });

  it('live: with both engines running, the LB PC gets the hand-off without anyone asking (WebSocket poke)', async () => {
    const counter = await pc('pc-counter', { live: true });
    const lb = await pc('pc-lb', { live: true });
    await until(async () => lb.engine.status().mode === 'online');

    const h = await handOff(counter, 'Herr L.');

    await until(async () => (await lb.db.handoffs.get(h.id)) !== undefined);
    expect(counter.engine.status()).toMatchObject({ mode: 'online', pending: 0 });
  });

  it('live by long polling (the desktop app, whose main process forwards plain HTTP): the LB PC gets the hand-off without anyone asking', async () => {
    const counter = await pc('pc-counter', { live: true, longPoll: true });
    const lb = await pc('pc-lb', { live: true, longPoll: true });
    await until(async () => lb.engine.status().mode === 'online');
    // Let the long poll settle into waiting for the next commit before the write.
    await new Promise((r) => setTimeout(r, 100));

    const h = await handOff(counter, 'Frau Lang');

    await until(async () => (await lb.db.handoffs.get(h.id)) !== undefined, 3000);
  });

  it('two LB clerks take the same visitor while one is offline: the first to reach the server wins, the other is told who took it', async () => {
    const counter = await pc('pc-counter');
    const lb1 = await pc('pc-lb-1');
    const lb2 = await pc('pc-lb-2');
    const h = await handOff(counter, 'Frau M.');
    await counter.engine.syncNow();
    await lb1.engine.syncNow();
    await lb2.engine.syncNow();
    const anna = await staffIdWith(lb1.db, 'LB');
    const other = (await lb2.db.staff.toArray()).find((s) => s.roles.includes('LB') && s.id !== anna)!;

    lb2.net.up = false;
    await takeHandoff(lb2.db, h.id, ctx(later(THU_10, 1), other.id));
    await takeHandoff(lb1.db, h.id, ctx(later(THU_10, 2), anna));
    await lb1.engine.syncNow();
    lb2.net.up = true;
    await lb2.engine.syncNow();

    const annaName = (await lb1.db.staff.get(anna))!.name;
    expect(lb2.rejections).toEqual([`Frau M.: bereits von ${annaName} übernommen.`]);
    expect((await lb2.db.handoffs.get(h.id))!.takenBy).toBe(anna);
    await counter.engine.syncNow();
    expect((await counter.db.handoffs.get(h.id))!.takenBy).toBe(anna);
    expect(await lb2.db.outbox.count()).toBe(0);
  });
});

describe('issue 6 item 6: numbers people read aloud stay unique across PCs', () => {
  it('two counter PCs of a site get their desk codes at the first round; while one is offline both hand out numbers, and no number is called twice', async () => {
    const desk1 = await pc('pc-desk-1', { siteId: AT_BAD_EMS.siteId });
    const desk2 = await pc('pc-desk-2', { siteId: AT_BAD_EMS.siteId });
    await desk1.engine.syncNow();
    await desk2.engine.syncNow();

    desk2.net.up = false;
    const numbers = [];
    for (let i = 0; i < 3; i++) {
      numbers.push((await handOff(desk1, '', i)).label, (await handOff(desk2, '', i)).label);
    }
    const ticket1 = (await recordTriage(desk1.db, other(), AT_BAD_EMS, ctx(later(THU_10, 5)))).ticket!;
    const ticket2 = (await recordTriage(desk2.db, other(), AT_BAD_EMS, ctx(later(THU_10, 5)))).ticket!;
    desk2.net.up = true;
    await desk2.engine.syncNow();
    await desk1.engine.syncNow();

    expect(numbers).toEqual(['Nr. A 001', 'Nr. B 001', 'Nr. A 002', 'Nr. B 002', 'Nr. A 003', 'Nr. B 003']);
    const everywhere = (await openHandoffs(desk1.db, AT_BAD_EMS.siteId)).map((h) => h.label);
    expect(new Set(everywhere).size).toBe(6);
    expect([ticket1.ref[3], ticket2.ref[3]]).toEqual(['A', 'B']);
  });

  it('after a restore from a backup older than the code of a PC (--new-epoch), the PC claims its letter back and a new PC does not get it (OPERATIONS.md)', async () => {
    const desk1 = await pc('pc-desk-1', { siteId: AT_BAD_EMS.siteId });
    const desk2 = await pc('pc-desk-2', { siteId: AT_BAD_EMS.siteId });
    await desk1.engine.syncNow();
    await desk2.engine.syncNow();
    expect((await handOff(desk2, '')).label).toBe('Nr. B 001');
    await desk2.engine.syncNow();

    // The backup was taken after desk 1 got "A" and before desk 2 got "B".
    await server.exec("DELETE FROM desk_codes WHERE device_id = 'pc-desk-2'");
    await renewEpoch(server);
    await desk2.engine.syncNow();
    const desk3 = await pc('pc-desk-3', { siteId: AT_BAD_EMS.siteId });
    await desk3.engine.syncNow();

    expect((await handOff(desk2, '', 1)).label).toBe('Nr. B 002');
    expect((await handOff(desk3, '', 1)).label).toBe('Nr. C 001');
    const { rows } = await server.query<{ device_id: string; code: string }>('SELECT device_id, code FROM desk_codes ORDER BY code');
    expect(rows.map((r) => [r.device_id, r.code])).toEqual([['pc-desk-1', 'A'], ['pc-desk-2', 'B'], ['pc-desk-3', 'C']]);
  });

  it('an older service without desk codes (404) leaves the PC online and numbering as before', async () => {
    const old = await pc('pc-old', {
      siteId: AT_BAD_EMS.siteId,
      transport: (t) => ({ ...t, deskCode: async () => Promise.reject(new SyncRequestError('offline', 'Der Sync-Dienst antwortet nicht (HTTP 404).', 404)) }),
    });
    await old.engine.syncNow();

    expect(old.engine.status().mode).toBe('online');
    expect((await handOff(old, '')).label).toBe('Nr. 001');
  });
});

describe('issue 6 item 3: a cover decision taken on one PC is final for all (seed §4.5)', () => {
  it('two deciders accept different people for the same gap, one offline: the first to reach the server wins, the other is told who decided and its cover is undone', async () => {
    const lead1 = await pc('pc-tl-lb');
    const lead2 = await pc('pc-gf');
    await draftWeek(lead1.db, WEEK, as('system', THU_0730));
    for (const c of await people(lead1.db, BAD_EMS, 'EZ')) {
      await registerAbsence(lead1.db, { staffId: c.id, from: THU, to: THU, reason: 'sickness' }, as('system', THU_0730));
    }
    await lead1.engine.syncNow();
    await lead2.engine.syncNow();
    const session = { siteId: BAD_EMS, date: THU, sessionStart: '08:00' };
    const first = (await sessionCell(lead2.db, session, THU_0730))!.proposals[0]!;
    const tlLb = await onePerson(lead1.db, 'TL_LB');
    const gf = await onePerson(lead2.db, 'GF');

    // Offline, the GF turns the first proposal down and accepts the next person the board offers;
    // meanwhile TL Leistung accepts the first proposal at the other PC.
    lead2.net.up = false;
    await rejectCover(lead2.db, { ...session, staffId: first.staffId, note: '' }, as(gf, later(THU_0730, 1)));
    const second = (await sessionCell(lead2.db, session, THU_0730))!.proposals[0]!;
    expect(second.staffId).not.toBe(first.staffId);
    await acceptCover(lead2.db, { ...session, staffId: second.staffId }, as(gf, later(THU_0730, 2)));
    await acceptCover(lead1.db, { ...session, staffId: first.staffId }, as(tlLb, later(THU_0730, 3)));
    await lead1.engine.syncNow();
    lead2.net.up = true;
    await lead2.engine.syncNow();

    expect(lead2.rejections).toHaveLength(1);
    expect(lead2.rejections[0]).toBe(`Bereits entschieden: Vertretung durch ${first.name} (${COVER_SOURCE_LABELS[first.source]}), entschieden von ${tlLb.name}. Ihre Entscheidung wurde nicht übernommen.`);
    for (const p of [lead1, lead2]) {
      const cell = (await sessionCell(p.db, session, THU_0730))!;
      expect(cell.accepted.map((d) => d.staffId)).toEqual([first.staffId]);
      expect(cell.status).toBe('covered');
      expect(await p.db.shifts.filter((x) => x.deletedAt === null && x.source === 'cover').count()).toBe(1);
    }
    expect(await lead2.db.outbox.count()).toBe(0);
  });
  it('after the service is restored from a backup taken before a decision (--new-epoch), the PCs re-send it with its cover and it stands – decision and cover shift together (OPERATIONS.md)', async () => {
    const lead1 = await pc('pc-tl-lb');
    const pushed: PushRequest[] = [];
    const lead2 = await pc('pc-gf', { transport: (t) => ({ ...t, push: (req) => (pushed.push(req), t.push(req)) }) });
    await draftWeek(lead1.db, WEEK, as('system', THU_0730));
    for (const c of await people(lead1.db, BAD_EMS, 'EZ')) {
      await registerAbsence(lead1.db, { staffId: c.id, from: THU, to: THU, reason: 'sickness' }, as('system', THU_0730));
    }
    const session = { siteId: BAD_EMS, date: THU, sessionStart: '08:00' };
    await lead1.engine.syncNow();
    const proposals = (await sessionCell(lead1.db, session, THU_0730))!.proposals;
    const chosen = proposals[0]!;
    await acceptCover(lead1.db, { ...session, staffId: chosen.staffId }, as(await onePerson(lead1.db, 'TL_LB'), later(THU_0730, 1)));
    await lead1.engine.syncNow();
    await lead2.engine.syncNow();
    expect((await sessionCell(lead2.db, session, THU_0730))!.status).toBe('covered');

    // The restore: the service's data as it was before the decision, under a new epoch.
    await server.exec("DELETE FROM records WHERE tbl = 'coverDecisions' OR (tbl = 'shifts' AND data->>'source' = 'cover')");
    await renewEpoch(server);
    // The PC that only pulled the decision re-sends first: records come back table by table.
    await lead2.engine.syncNow();
    await lead1.engine.syncNow();
    await lead2.engine.syncNow();

    // Re-sent as written: the decision and its cover shift in one group, the decision first.
    const groups = pushed.flatMap((r) => r.groups).filter((g) => g.changes.some((c) => c.table === 'coverDecisions'));
    expect(groups.map((g) => g.changes.map((c) => c.table))).toEqual([['coverDecisions', 'shifts']]);
    expect([...lead1.rejections, ...lead2.rejections]).toEqual([]);
    const { rows } = await server.query<{ n: string }>("SELECT count(*) AS n FROM records WHERE tbl = 'coverDecisions' AND deleted_at IS NULL");
    expect(Number(rows[0]!.n)).toBe(1);
    for (const p of [lead1, lead2]) {
      const cell = (await sessionCell(p.db, session, THU_0730))!;
      expect(cell.status).toBe('covered');
      expect(cell.accepted.map((d) => d.staffId)).toEqual([chosen.staffId]);
      expect(await p.db.shifts.filter((x) => x.deletedAt === null && x.source === 'cover').count()).toBe(1);
      expect(await p.db.outbox.count()).toBe(0);
    }
  });
});

describe('issue 6 / OPERATIONS.md restore: a PC re-sends what it holds as it was written', () => {
  it('a lent clerk\'s cover goes as one group – the released desk entry, the decision, the cover shift – however many rows share its time', async () => {
    const db = await freshDb();
    const at = '2026-11-26T06:40:00.000Z';
    const stamp = (id: string) => ({ id, createdAt: at, createdBy: 'x', updatedAt: at, updatedBy: 'x', deletedAt: null });
    const shift = (id: string, extra: object = {}) => ({ ...stamp(id), siteId: BAD_EMS, date: THU, sessionStart: '08:00', staffId: `p-${id}`, source: 'manual', coverSource: null, coverDecisionId: null, ...extra });
    // Rows of the same millisecond before and after the cover's rows, by table and id.
    await db.shifts.bulkAdd([...Array.from({ length: 300 }, (_, i) => shift(`a${String(i).padStart(3, '0')}`)), shift('released', { deletedAt: at }), shift('m-cover', { source: 'cover', coverSource: 'ez-other-site', coverDecisionId: 'd1' })] as never);
    await db.coverDecisions.add({ ...stamp('d1'), siteId: BAD_EMS, date: THU, sessionStart: '08:00', staffId: 'p-released', source: 'ez-other-site', decidedBy: 'TL_EZ', status: 'accepted', decidedByStaffId: 'x', note: '', releasedShiftId: 'released' } as never);
    await db.syncState.bulkPut([
      { key: 'cursor', value: 7 },
      { key: 'epoch', value: 'before-restore' },
    ]);
    const pushed: PushRequest[] = [];
    const transport: SyncTransport = {
      probe: async () => 'ready',
      push: async (req) => {
        pushed.push(req);
        return { epoch: 'after-restore', head: 1, serverHlc: `${at}-0000-server`, results: req.groups.flatMap((g) => g.changes.map((c) => ({ changeId: c.changeId, status: 'applied' as const, version: 1 }))) };
      },
      pull: async () => ({ epoch: 'after-restore', head: 0, cursor: 0, more: false, records: [] }),
      deskCode: async () => Promise.reject(new SyncRequestError('offline', 'nicht da')),
      live: () => () => undefined,
    };
    const engine = createSyncEngine({ db, transport, retryMs: [20], pollMs: 3_600_000 });
    await engine.syncNow();
    engine.stop();
    const groups = pushed.flatMap((r) => r.groups);
    const cover = groups.filter((g) => g.changes.some((c) => c.table === 'coverDecisions'));
    expect(cover.map((g) => g.changes.map((c) => c.id))).toEqual([['released', 'd1', 'm-cover']]);
    expect(groups.flatMap((g) => g.changes).filter((c) => c.table === 'shifts' || c.table === 'coverDecisions')).toHaveLength(303);
    await db.delete();
  });
});

describe('issue 6 item 4: offline every PC keeps working; on reconnect everything converges', () => {
  it('a first probe that failed by chance is asked again: a page without a sync service then says "Nur dieser PC", not "offline" for ever', async () => {
    const db = await freshDb();
    const answers: ('unreachable' | 'absent')[] = ['unreachable', 'absent'];
    const noService = new SyncRequestError('offline', 'Der Sync-Dienst antwortet nicht (HTTP 200).', 200);
    const statuses: SyncStatus[] = [];
    const engine = createSyncEngine({
      db,
      transport: {
        probe: async () => answers.shift() ?? 'absent',
        push: async () => Promise.reject(noService),
        pull: async () => Promise.reject(noService),
        deskCode: async () => Promise.reject(noService),
        live: (h) => (setTimeout(() => h.onClose(), 0), () => undefined),
      },
      onStatus: (s) => statuses.push(s),
      retryMs: [10],
    });
    try {
      await engine.start();
      expect(engine.status().mode).toBe('offline');
      await until(async () => engine.status().mode === 'off', 2000);
      expect(statuses.at(-1)).toMatchObject({ mode: 'off', offlineSince: null });
      // A site chosen or the browser's 'online' event asks for a round: without a service it stays "Nur dieser PC".
      await engine.syncNow();
      expect(engine.status().mode).toBe('off');
    } finally {
      engine.stop();
      await db.delete();
    }
  });

  it('writes made offline wait in the outbox, the status says offline since when, and they arrive after reconnecting', async () => {
    const a = await pc('pc-a', { live: true });
    const b = await pc('pc-b', { live: true });
    await until(async () => a.engine.status().mode === 'online');
    a.net.up = false;
    // Any round now fails: the engine notices on its next write.
    const first = await handOff(a, 'offline 1', 1);
    const second = await handOff(a, 'offline 2', 2);
    await until(async () => a.engine.status().mode === 'offline');
    expect(a.engine.status().offlineSince).not.toBeNull();
    expect(a.engine.status().pending).toBeGreaterThanOrEqual(2);

    a.net.up = true;
    await until(async () => (await b.db.handoffs.get(second.id)) !== undefined && (await b.db.handoffs.get(first.id)) !== undefined);
    await until(async () => a.engine.status().mode === 'online' && a.engine.status().pending === 0);
  });

  it('a pulled server copy does not overwrite a record with unsent local changes; after the push both PCs agree', async () => {
    const counter = await pc('pc-counter');
    const lb = await pc('pc-lb');
    const h = await handOff(counter, 'Herr P.');
    await counter.engine.syncNow();
    await lb.engine.syncNow();
    const clerk = await staffIdWith(lb.db, 'LB');
    lb.net.up = false;
    await takeHandoff(lb.db, h.id, ctx(later(THU_10, 3), clerk));
    // Meanwhile the server gets a newer copy of something else; the LB PC pulls before it pushes.
    await handOff(counter, 'Frau Q.', 4);
    await counter.engine.syncNow();
    lb.net.up = true;
    await lb.engine.syncNow();
    await counter.engine.syncNow();

    expect((await lb.db.handoffs.get(h.id))!.status).toBe('in-service');
    expect((await counter.db.handoffs.get(h.id))!.takenBy).toBe(clerk);
  });
});

describe('issue 6 / demo.ts: demo rows are nobody else\'s data', () => {
  it('the demo history of one PC never reaches the server or another PC', async () => {
    const a = await pc('pc-a');
    await seedDemoData(a.db, THU_10);
    const real = await handOff(a, 'echt');
    await a.engine.syncNow();
    const b = await pc('pc-b');
    await b.engine.syncNow();

    const { rows } = await server.query<{ n: string }>("SELECT count(*) AS n FROM records WHERE data->>'demo' = 'true'");
    expect(Number(rows[0]!.n)).toBe(0);
    expect(await b.db.handoffs.get(real.id)).toBeDefined();
    for (const table of SYNCED_TABLE_NAMES) {
      const demoRows = (await b.db.table(table).toArray()).filter((r: { demo?: boolean }) => r.demo === true);
      expect(demoRows, table).toEqual([]);
    }
  });
});

describe('SYNC.md §3 per-field merge: work on one callback ticket at two PCs is all kept (SPEC §5)', () => {
  it('failed attempts logged on two PCs, one of them offline, are both on the ticket everywhere after reconnecting', async () => {
    const counter = await pc('pc-counter');
    const mi = await pc('pc-mi');
    const { ticket } = await recordTriage(counter.db, other(), AT_BAD_EMS, ctx(THU_10));
    await distributeTicket(counter.db, ticket!.id, { assignee: { kind: 'team', department: 'MI', siteId: AT_BAD_EMS.siteId } }, ctx(later(THU_10, 1)));
    await counter.engine.syncNow();
    await mi.engine.syncNow();

    counter.net.up = false;
    await logCallbackAttempt(counter.db, ticket!.id, { note: 'nicht erreicht (Theke)' }, ctx(later(THU_10, 5)));
    await logCallbackAttempt(mi.db, ticket!.id, { note: 'besetzt (Markt & Integration)' }, ctx(later(THU_10, 10)));
    await mi.engine.syncNow();
    counter.net.up = true;
    await counter.engine.syncNow();
    await mi.engine.syncNow();
    await counter.engine.syncNow();

    for (const p of [counter, mi]) {
      const t = (await p.db.tickets.get(ticket!.id))!;
      expect(t.attempts.map((a) => a.note)).toEqual(['nicht erreicht (Theke)', 'besetzt (Markt & Integration)']);
    }
    expect(counter.rejections).toEqual([]);
  });

  it('the outbox row names the fields a write changed; a new record names none (the server takes all)', async () => {
    const counter = await pc('pc-counter');
    const { ticket } = await recordTriage(counter.db, other(), AT_BAD_EMS, ctx(THU_10));
    const created = (await counter.db.outbox.where('[table+recordId]').equals(['tickets', ticket!.id]).toArray())[0]!;
    expect(created.fields).toBeUndefined();
    await counter.engine.syncNow();
    await distributeTicket(counter.db, ticket!.id, { assignee: { kind: 'team', department: 'MI', siteId: AT_BAD_EMS.siteId } }, ctx(later(THU_10, 1)));
    const row = (await counter.db.outbox.where('[table+recordId]').equals(['tickets', ticket!.id]).toArray())[0]!;
    expect(row.fields).toEqual(expect.arrayContaining(['assignee', 'status', 'updatedAt']));
    expect(row.fields).not.toContain('customerName');
  });
});

describe('issue 6 item 3: inbox messages reach the PCs of the role they are meant for', () => {
  it('a message written at one PC arrives at another and is handed on for its OS notification; the history of a first pull is not', async () => {
    const board = await pc('pc-board');
    const lead = await pc('pc-tl-lb');
    await storeNotices(board.db, [{ recipientRole: 'TL_LB', siteId: null, title: 'Alt', body: 'schon vorher da', refs: {} }], 'test-history', ctx(THU_10));
    await board.engine.syncNow();
    await lead.engine.syncNow();
    // The first pull brings the history: in the Postfach, but no notification.
    expect(await lead.db.inbox.count()).toBe(1);
    expect(lead.inbox).toEqual([]);

    const [news] = await storeNotices(
      board.db,
      [{ recipientRole: 'TL_LB', siteId: null, title: 'Vertretung durch den Leistungsbereich', body: 'Bad Ems, Vormittag', refs: {} }],
      'test-news',
      ctx(later(THU_10, 5)),
    );
    await board.engine.syncNow();
    await lead.engine.syncNow();
    expect(lead.inbox.map((m) => [m.id, m.title])).toEqual([[news!.id, 'Vertretung durch den Leistungsbereich']]);
    // The PC that wrote it already notified when it wrote it (write-helpers.ts): not again on sync.
    await board.engine.syncNow();
    expect(board.inbox).toEqual([]);
  });
});

describe('SYNC.md §3 causality: an edit made after seeing a record is later than it', () => {
  it('a colleague acknowledges a Stiller Alarm in the same millisecond by the wall clock – the acknowledgement still wins (issue 6 item 5)', async () => {
    const counter = await pc('pc-counter');
    const lb = await pc('pc-lb');
    const alarm = await raiseAlarm(counter.db, { siteId: AT_BAD_EMS.siteId, deskLabel: 'Theke 1, Bad Ems', deviceId: 'pc-counter' }, ctx(THU_10));
    await counter.engine.syncNow();
    await lb.engine.syncNow();
    await acknowledgeAlarm(lb.db, alarm.id, ctx(THU_10, 'clerk-lb-1'));
    await lb.engine.syncNow();
    await counter.engine.syncNow();
    expect(lb.rejections).toEqual([]);
    expect((await counter.db.alarms.get(alarm.id))!.acknowledgedBy).toBe('clerk-lb-1');
  });
});
