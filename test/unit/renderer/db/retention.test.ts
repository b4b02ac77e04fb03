// Before Dexie loads: it takes the global indexedDB when its module is evaluated.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
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
import { AT_BAD_EMS, BAD_EMS, THU_10, ctx, freshDb, later, other } from './fixture';

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
    { kind: 'appointment', note: 'Termin mit Frau M. wegen Schulden', appointment: { date: '2026-12-01', time: '10:00', form: 'in-person' } },
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
      contact: { kind: 'appointment', at: old.contact!.at, appointment: { date: '2026-12-01', time: '10:00', form: 'in-person' } },
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
