// Before Dexie loads: it takes the global indexedDB when its module is evaluated.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnlaufstelleDB } from '../../../../renderer/src/db/db';
import { finishHandoff, takeHandoff } from '../../../../renderer/src/db/repositories/handoffs';
import {
  anonymiseDueTickets,
  closeTicket,
  distributeTicket,
  logCallbackAttempt,
  recordContact,
} from '../../../../renderer/src/db/repositories/tickets';
import { recordTriage } from '../../../../renderer/src/db/repositories/visits';
import { AT_BAD_EMS, BAD_EMS, CLERK, LB_CLERK, THU_10, UUID, application, ctx, freshDb, later, other, quick, staffIdWith } from './fixture';

/**
 * SPEC §9 "one write path", sync-ready from the first line: client-made UUIDs, created/updated
 * at and by on every record, and one outbox row per changed record, in the same transaction.
 */

let db: AnlaufstelleDB;
afterEach(async () => {
  await db?.delete();
});

describe('SPEC §9: every new record is stamped and logged to the outbox', () => {
  it('recordTriage stamps visit, hand-offs and ticket with UUIDs and author/time, one outbox row each', async () => {
    db = await freshDb();
    const verbis = { verbisCheck: 'vermittlung-needed' } as const;
    const a = await recordTriage(db, { ...application(true), ...verbis }, AT_BAD_EMS, ctx(THU_10));
    const b = await recordTriage(db, { ...other(), ...verbis }, AT_BAD_EMS, ctx(later(THU_10, 5)));
    const c = await recordTriage(db, quick(), AT_BAD_EMS, ctx(later(THU_10, 9)));

    const written = [a, b, c].flatMap((r) => [
      { table: 'visits', record: r.visit },
      ...r.handoffs.map((h) => ({ table: 'handoffs', record: h })),
      ...(r.ticket ? [{ table: 'tickets', record: r.ticket }] : []),
    ]);
    expect(written).toHaveLength(3 + 3 + 1 + 0); // 3 visits, 2+1 hand-offs, 1 ticket

    const ids = written.map((w) => w.record.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { record } of written) {
      expect(record.id).toMatch(UUID);
      expect(record).toMatchObject({ createdBy: CLERK, updatedBy: CLERK, deletedAt: null });
      expect(record.updatedAt).toBe(record.createdAt);
      expect(record.demo).toBeUndefined();
    }
    expect(a.visit.createdAt).toBe('2026-11-26T09:00:00.000Z');
    expect(b.ticket!.createdAt).toBe('2026-11-26T09:05:00.000Z');

    const outbox = await db.outbox.orderBy('at').toArray();
    expect(outbox.map((o) => [o.table, o.recordId, o.op]).sort()).toEqual(written.map((w) => [w.table, w.record.id, 'put']).sort());
    for (const row of outbox) {
      expect(row.id).toMatch(UUID);
      expect(row.by).toBe(CLERK);
    }
    expect(outbox.filter((o) => o.recordId === b.ticket!.id)[0]!.at).toBe('2026-11-26T09:05:00.000Z');
  });

  it('every update keeps createdAt/By, moves updatedAt/By to the writer, and adds one outbox row', async () => {
    db = await freshDb();
    const { handoffs, ticket } = await recordTriage(db, { ...other(), verbisCheck: 'vermittlung-needed' }, AT_BAD_EMS, ctx());
    const handoffId = handoffs[0]!.id;
    const ticketId = ticket!.id;
    const at = (minutes: number) => later(THU_10, minutes);
    const steps: { table: 'handoffs' | 'tickets'; id: string; minutes: number; write: (now: Date) => Promise<unknown> }[] = [
      { table: 'handoffs', id: handoffId, minutes: 3, write: (now) => takeHandoff(db, handoffId, ctx(now, LB_CLERK)) },
      { table: 'handoffs', id: handoffId, minutes: 20, write: (now) => finishHandoff(db, handoffId, ctx(now, LB_CLERK)) },
      { table: 'tickets', id: ticketId, minutes: 30, write: (now) => distributeTicket(db, ticketId, { assignee: { kind: 'team', department: 'MI', siteId: BAD_EMS } }, ctx(now)) },
      { table: 'tickets', id: ticketId, minutes: 60, write: (now) => logCallbackAttempt(db, ticketId, { note: 'Mailbox' }, ctx(now, LB_CLERK)) },
      { table: 'tickets', id: ticketId, minutes: 90, write: (now) => recordContact(db, ticketId, { kind: 'reached', note: 'erledigt' }, ctx(now, LB_CLERK)) },
      { table: 'tickets', id: ticketId, minutes: 95, write: (now) => closeTicket(db, ticketId, { note: '' }, ctx(now, LB_CLERK)) },
    ];

    for (const { table, id, minutes, write } of steps) {
      const outboxBefore = await db.outbox.count();
      await write(at(minutes));
      const stored = table === 'handoffs' ? await db.handoffs.get(id) : await db.tickets.get(id);
      const updatedAt = at(minutes).toISOString();
      expect(stored).toMatchObject({ createdAt: THU_10.toISOString(), createdBy: CLERK, updatedAt });
      expect(await db.outbox.count()).toBe(outboxBefore + 1);
      expect(await db.outbox.where('at').equals(updatedAt).toArray()).toEqual([
        expect.objectContaining({ table, recordId: id, op: 'put', by: stored!.updatedBy }),
      ]);
    }
    expect((await db.tickets.get(ticketId))!.updatedBy).toBe(LB_CLERK);
  });

  it('anonymising logs one outbox row per anonymised ticket', async () => {
    const created = new Date('2026-08-03T10:00:00+02:00');
    db = await freshDb(created);
    const { ticket } = await recordTriage(db, other(), AT_BAD_EMS, ctx(created));
    const id = ticket!.id;
    await distributeTicket(db, id, { assignee: { kind: 'person', staffId: await staffIdWith(db, 'LB') } }, ctx(later(created, 10)));
    await recordContact(db, id, { kind: 'reached', note: '' }, ctx(later(created, 20)));
    await closeTicket(db, id, { note: '' }, ctx(later(created, 30)));
    const before = await db.outbox.count();

    await anonymiseDueTickets(db, 90, ctx(THU_10, 'system'));

    const rows = await db.outbox.where('at').equals(THU_10.toISOString()).toArray();
    expect(await db.outbox.count()).toBe(before + 1);
    expect(rows).toEqual([expect.objectContaining({ table: 'tickets', recordId: id, op: 'put', by: 'system' })]);
  });
});
