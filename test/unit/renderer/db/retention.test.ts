// Before Dexie loads: it takes the global indexedDB when its module is evaluated.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { berlinDate } from '@shared/domain/calendar';
import type { CallbackTicket } from '@shared/model';
import type { AnlaufstelleDB } from '../../../../renderer/src/db/db';
import {
  ANONYMISED,
  anonymiseClosedTickets,
  closeTicket,
  distributeTicket,
  logCallbackAttempt,
  recordContact,
} from '../../../../renderer/src/db/repositories/tickets';
import { recordTriage } from '../../../../renderer/src/db/repositories/visits';
import { anonymiseFinishedHandoffs, finishHandoff, takeHandoff } from '../../../../renderer/src/db/repositories/handoffs';
import { seedDemoData } from '../../../../renderer/src/db/repositories/demo';
import { SWEEP_BATCH } from '../../../../renderer/src/db/repositories/base';
import { saveSettings } from '../../../../renderer/src/db/repositories/settings';
import { runRetentionSweep } from '../../../../renderer/src/app/retention';
import { AT_BAD_EMS, BAD_EMS, LB_CLERK, THU_10, application, ctx, freshDb, later, other } from './fixture';
import { countRowsRead, resetCounts } from './read-counter';

/** SPEC §9: closed tickets lose their personal data after the retention period (default 90 days). */

let db: AnlaufstelleDB;
afterEach(async () => {
  await db?.delete();
});

const DAY = 24 * 60;

/** A ticket created at `created`, then walked to `status`; closed `closedAfterMin` minutes after creation. */
async function ticket(created: Date, status: CallbackTicket['status'], closedAfterMin = 60): Promise<CallbackTicket> {
  let t = (await recordTriage(db, other(), AT_BAD_EMS, ctx(created))).ticket!;
  if (status === 'open') return t;
  t = await distributeTicket(db, t.id, { assignee: { kind: 'team', department: 'MI', siteId: BAD_EMS } }, ctx(later(created, 5)));
  t = await logCallbackAttempt(db, t.id, { note: 'Frau M. nicht erreicht, Tochter am Telefon' }, ctx(later(created, 10)));
  if (status === 'assigned') return t;
  t = await recordContact(
    db,
    t.id,
    { kind: 'appointment', note: 'Termin mit Frau M. wegen Schulden', appointment: { date: berlinDate(later(created, 3 * DAY)), time: '10:00', form: 'in-person' } },
    // An appointment a few days after the call: it must lie within six months of it (issue 10 item 4).
    ctx(later(created, 20)),
  );
  if (status === 'contacted') return t;
  return closeTicket(db, t.id, { note: 'Frau M. kommt mit Unterlagen' }, ctx(later(created, closedAfterMin)));
}

describe('SPEC §9: closed tickets are anonymised after the retention period', () => {
  it('removes name, phone, customer number and every free text of a closed ticket past the period', async () => {
    db = await freshDb();
    const old = await ticket(later(THU_10, -100 * DAY), 'closed');

    const count = await anonymiseClosedTickets(db, 90, ctx(THU_10, 'system'));

    const stored = await db.tickets.get(old.id);
    expect(count).toBe(1);
    expect(stored).toMatchObject({
      customerName: ANONYMISED,
      customerNumber: null,
      phone: '',
      preferredTimes: '',
      concern: ANONYMISED,
      closeNote: '',
      anonymisedAt: THU_10.toISOString(),
      updatedAt: THU_10.toISOString(),
      updatedBy: 'system',
    });
    expect(stored!.attempts.map((a) => a.note)).toEqual(['']);
    expect(stored!.contact!.note).toBe('');
    // The figures stay: on-time rate, department, deadline, the appointment itself.
    expect(stored).toMatchObject({
      id: old.id,
      ref: old.ref,
      status: 'closed',
      department: old.department,
      dueAt: old.dueAt,
      closedAt: old.closedAt,
      createdAt: old.createdAt,
      contact: { kind: 'appointment', at: old.contact!.at, appointment: old.contact!.kind === 'appointment' ? old.contact!.appointment : null },
    });
    expect(stored!.attempts[0]!.at).toBe(old.attempts[0]!.at);
  });

  it('leaves closed tickets inside the period and every ticket that is not closed untouched, however old', async () => {
    db = await freshDb();
    const recent = await ticket(later(THU_10, -10 * DAY), 'closed');
    // Created long ago but closed only 89 days ago: the period runs from closing.
    const closedLate = await ticket(later(THU_10, -200 * DAY), 'closed', 111 * DAY);
    const oldOpen = await ticket(later(THU_10, -300 * DAY), 'open');
    const oldAssigned = await ticket(later(THU_10, -300 * DAY), 'assigned');
    const oldContacted = await ticket(later(THU_10, -300 * DAY), 'contacted');
    const before = await db.tickets.toArray();

    const count = await anonymiseClosedTickets(db, 90, ctx(THU_10, 'system'));

    expect(count).toBe(0);
    expect(await db.tickets.toArray()).toEqual(before);
    expect(before.map((t) => t.id).sort()).toEqual([recent, closedLate, oldOpen, oldAssigned, oldContacted].map((t) => t.id).sort());
  });

  it('honours the configured period (30 days)', async () => {
    db = await freshDb();
    const t = await ticket(later(THU_10, -40 * DAY), 'closed');

    expect(await anonymiseClosedTickets(db, 90, ctx(THU_10, 'system'))).toBe(0);
    expect(await anonymiseClosedTickets(db, 30, ctx(THU_10, 'system'))).toBe(1);
    expect((await db.tickets.get(t.id))!.customerName).toBe(ANONYMISED);
  });

  it('is idempotent: a second run changes nothing and logs nothing', async () => {
    db = await freshDb();
    await ticket(later(THU_10, -100 * DAY), 'closed');
    await anonymiseClosedTickets(db, 90, ctx(THU_10, 'system'));
    const tickets = await db.tickets.toArray();
    const outbox = await db.outbox.count();

    const again = await anonymiseClosedTickets(db, 90, ctx(later(THU_10, DAY), 'system'));

    expect(again).toBe(0);
    expect(await db.tickets.toArray()).toEqual(tickets);
    expect(await db.outbox.count()).toBe(outbox);
  });
});

/** A hand-off for `name`, waiting since `created`, walked to `status` (finished `finishedAfterMin` later). */
async function handoff(name: string, created: Date, status: 'waiting' | 'in-service' | 'done', finishedAfterMin = 30) {
  let h = (await recordTriage(db, application(false, name), AT_BAD_EMS, ctx(created))).handoffs[0]!;
  if (status === 'waiting') return h;
  h = await takeHandoff(db, h.id, ctx(later(created, 5), LB_CLERK));
  if (status === 'in-service') return h;
  return finishHandoff(db, h.id, ctx(later(created, finishedAfterMin), LB_CLERK));
}

describe('SPEC §9: the visitor name on a finished hand-off is removed after the retention period', () => {
  it('replaces the label of a hand-off finished before the period, logs the change, keeps the figures', async () => {
    db = await freshDb();
    const old = await handoff('Frau Yılmaz', later(THU_10, -100 * DAY), 'done');
    const outbox = await db.outbox.count();

    expect(await anonymiseFinishedHandoffs(db, 90, ctx(THU_10, 'system'))).toBe(1);

    const stored = await db.handoffs.get(old.id);
    expect(stored).toMatchObject({
      label: ANONYMISED,
      status: 'done',
      waitingSince: old.waitingSince,
      takenAt: old.takenAt,
      finishedAt: old.finishedAt,
      updatedAt: THU_10.toISOString(),
      updatedBy: 'system',
    });
    expect(await db.outbox.count()).toBe(outbox + 1);
    expect(await db.outbox.orderBy('at').last()).toMatchObject({ table: 'handoffs', recordId: old.id, op: 'put', by: 'system' });
  });

  it('leaves hand-offs finished inside the period, and waiting or in-service ones inside it, untouched; a second run does nothing', async () => {
    db = await freshDb();
    await handoff('Frau Alt', later(THU_10, -100 * DAY), 'done');
    const waiting = await handoff('Herr Wartend', later(THU_10, -2 * DAY), 'waiting');
    const inService = await handoff('Frau Beraten', later(THU_10, -89 * DAY), 'in-service');
    // Waiting since long ago but finished only 89 days ago: the period runs from finishing.
    const finishedLate = await handoff('Herr Spät', later(THU_10, -120 * DAY), 'done', 31 * DAY);
    await anonymiseFinishedHandoffs(db, 90, ctx(THU_10, 'system'));
    const rows = await db.handoffs.toArray();
    const outbox = await db.outbox.count();

    expect(rows.filter((h) => h.label !== ANONYMISED).map((h) => h.label).sort()).toEqual(['Frau Beraten', 'Herr Spät', 'Herr Wartend']);
    expect(await db.handoffs.get(waiting.id)).toEqual(waiting);
    expect(await db.handoffs.get(inService.id)).toEqual(inService);
    expect(await db.handoffs.get(finishedLate.id)).toEqual(finishedLate);
    expect(await anonymiseFinishedHandoffs(db, 90, ctx(later(THU_10, 60), 'system'))).toBe(0);
    expect(await db.handoffs.toArray()).toEqual(rows);
    expect(await db.outbox.count()).toBe(outbox);
  });

  it('a hand-off nobody finished loses the name once the period has passed since the visitor arrived; it stays in its queue', async () => {
    db = await freshDb();
    const waiting = await handoff('Herr Gegangen', later(THU_10, -91 * DAY), 'waiting');
    const inService = await handoff('Frau Vergessen', later(THU_10, -200 * DAY), 'in-service');
    const outbox = await db.outbox.count();

    expect(await anonymiseFinishedHandoffs(db, 90, ctx(THU_10, 'system'))).toBe(2);

    expect(await db.handoffs.get(waiting.id)).toEqual({ ...waiting, label: ANONYMISED, updatedAt: THU_10.toISOString(), updatedBy: 'system' });
    expect(await db.handoffs.get(inService.id)).toEqual({ ...inService, label: ANONYMISED, updatedAt: THU_10.toISOString(), updatedBy: 'system' });
    expect(await db.outbox.count()).toBe(outbox + 2);
    // Already anonymised: the next run changes and logs nothing.
    expect(await anonymiseFinishedHandoffs(db, 90, ctx(later(THU_10, 60), 'system'))).toBe(0);
    expect(await db.outbox.count()).toBe(outbox + 2);
  });
});

describe('SPEC §9: the sweep the app runs (at start, then hourly) uses the period configured now', () => {
  it('anonymises tickets and hand-offs by the saved setting; a shorter period takes effect at the next sweep', async () => {
    db = await freshDb();
    const t = await ticket(later(THU_10, -40 * DAY), 'closed');
    const h = await handoff('Frau Mittel', later(THU_10, -40 * DAY), 'done');

    expect(await runRetentionSweep(db, THU_10)).toEqual({ tickets: 0, handoffs: 0 }); // default 90 days
    await saveSettings(db, { retentionDays: 30 });
    expect(await runRetentionSweep(db, later(THU_10, 60))).toEqual({ tickets: 1, handoffs: 1 });

    expect((await db.tickets.get(t.id))!.customerName).toBe(ANONYMISED);
    expect((await db.handoffs.get(h.id))!.label).toBe(ANONYMISED);
  });
});

describe('Review finding 3: the start-up retention job reads only the rows that are due', () => {
  it('reads exactly the due closed tickets and finished hand-offs, and nothing when nothing is due', async () => {
    db = await freshDb();
    await ticket(later(THU_10, -100 * DAY), 'closed');
    for (let i = 0; i < 4; i++) await ticket(later(THU_10, -10 * DAY + i), 'closed');
    await ticket(later(THU_10, -300 * DAY), 'contacted');
    await handoff('Frau Alt', later(THU_10, -100 * DAY), 'done');
    for (let i = 0; i < 3; i++) await handoff(`Nr. ${i}`, later(THU_10, -5 * DAY + i), 'done');
    const reads = await countRowsRead(db);
    resetCounts(reads);

    expect(await anonymiseClosedTickets(db, 90, ctx(THU_10, 'system'))).toBe(1);
    expect(await anonymiseFinishedHandoffs(db, 90, ctx(THU_10, 'system'))).toBe(1);
    expect(reads).toMatchObject({ tickets: 1, handoffs: 1 });

    // The next start: the anonymised rows left the index, the recent ones are not due yet.
    resetCounts(reads);
    expect(await anonymiseClosedTickets(db, 90, ctx(later(THU_10, DAY), 'system'))).toBe(0);
    expect(await anonymiseFinishedHandoffs(db, 90, ctx(later(THU_10, DAY), 'system'))).toBe(0);
    expect(reads['tickets'] ?? 0).toBe(0);
    expect(reads['handoffs'] ?? 0).toBe(0);
  });

  it('demo rows are anonymised like real ones but never put in the outbox (local-only, never synced)', async () => {
    db = await freshDb();
    await seedDemoData(db, later(THU_10, -200 * DAY));

    const tickets = await anonymiseClosedTickets(db, 90, ctx(THU_10, 'system'));
    const handoffs = await anonymiseFinishedHandoffs(db, 90, ctx(THU_10, 'system'));

    expect(tickets).toBeGreaterThan(0);
    expect(handoffs).toBeGreaterThan(0);
    expect(await db.tickets.filter((t) => t.status === 'closed' && t.customerName !== ANONYMISED).count()).toBe(0);
    expect(await db.handoffs.filter((h) => h.status === 'done' && h.label !== ANONYMISED).count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('SPEC §10: the retention sweep never holds the counter up', () => {
  it('anonymises in small transactions, so a visit saved during a large sweep does not wait for all of it', async () => {
    db = await freshDb();
    const template = await ticket(later(THU_10, -100 * DAY), 'closed');
    // Test set-up only: many due tickets at once, as after a long pause of the desk PC.
    await db.tickets.bulkPut(
      Array.from({ length: 3 * SWEEP_BATCH }, (_, i) => ({ ...template, id: crypto.randomUUID(), ref: `BE-T${String(i).padStart(5, '0')}` })),
    );

    let sweepDone = false;
    const sweep = anonymiseClosedTickets(db, 90, ctx(THU_10, 'system')).then((n) => {
      sweepDone = true;
      return n;
    });
    await new Promise((resolve) => setTimeout(resolve, 0)); // the first batch is under way
    await recordTriage(db, application(false), AT_BAD_EMS, ctx(THU_10));

    expect(sweepDone).toBe(false);
    expect(await sweep).toBe(3 * SWEEP_BATCH + 1);
    expect(await db.tickets.filter((t) => t.status === 'closed' && t.anonymisedAt === null).count()).toBe(0);
  });
});
