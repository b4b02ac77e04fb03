// Before Dexie loads: it takes the global indexedDB when its module is evaluated.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnlaufstelleDB } from '../../../../renderer/src/db/db';
import { ticketsAwaitingContactDueBetween, ticketsOverdueBefore } from '../../../../renderer/src/db/repositories/ticket-queries-today';
import { closeTicket, distributeTicket, logCallbackAttempt, recordContact } from '../../../../renderer/src/db/repositories/tickets';
import { recordTriage } from '../../../../renderer/src/db/repositories/visits';
import { AT_BAD_EMS, BAD_EMS, DIEZ, THU_10, ctx, freshDb, later, other } from './fixture';

let db: AnlaufstelleDB;
afterEach(async () => {
  await db?.delete();
});

// A ticket made Thu 10:00 is due Fri 10:00 (SPEC §5 example).
const FRI_00 = new Date('2026-11-27T00:00:00+01:00');
const FRI_10 = new Date('2026-11-27T10:00:00+01:00');
const SAT_00 = new Date('2026-11-28T00:00:00+01:00');

async function ticketAt(now: Date, options = AT_BAD_EMS) {
  return (await recordTriage(db, other(), options, ctx(now))).ticket!;
}

describe('"Heute an meiner Anlaufstelle": tickets due today that still wait for their first contact (SPEC §5)', () => {
  it('finds a ticket due on the day, on the distribution list of the site', async () => {
    db = await freshDb();
    const t = await ticketAt(THU_10);

    expect(t.dueAt).toBe(FRI_10.toISOString());
    expect((await ticketsAwaitingContactDueBetween(db, [BAD_EMS], FRI_00, SAT_00)).map((x) => x.id)).toEqual([t.id]);
    expect(await ticketsAwaitingContactDueBetween(db, [BAD_EMS], THU_10, FRI_00)).toEqual([]);
  });

  it('counts the day as [00:00, next 00:00): due exactly at the start is in, exactly at the end is out', async () => {
    db = await freshDb();
    await ticketAt(THU_10);

    expect(await ticketsAwaitingContactDueBetween(db, [BAD_EMS], FRI_10, SAT_00)).toHaveLength(1);
    expect(await ticketsAwaitingContactDueBetween(db, [BAD_EMS], FRI_00, FRI_10)).toHaveLength(0);
  });

  it('lists them earliest deadline first', async () => {
    db = await freshDb();
    const late = await ticketAt(later(THU_10, 60));
    const early = await ticketAt(THU_10);

    expect((await ticketsAwaitingContactDueBetween(db, [BAD_EMS], FRI_00, SAT_00)).map((x) => x.id)).toEqual([early.id, late.id]);
  });

  it('keeps assigned tickets and tickets with failed attempts – the clock keeps running (SPEC §5)', async () => {
    db = await freshDb();
    const t = await ticketAt(THU_10);
    await distributeTicket(db, t.id, { assignee: { kind: 'team', department: 'MI', siteId: BAD_EMS } }, ctx(later(THU_10, 5)));
    await logCallbackAttempt(db, t.id, { note: 'Nicht erreicht' }, ctx(later(THU_10, 10)));

    expect(await ticketsAwaitingContactDueBetween(db, [BAD_EMS], FRI_00, SAT_00)).toHaveLength(1);
  });

  it('drops a ticket once the customer was reached, and a closed one', async () => {
    db = await freshDb();
    const reached = await ticketAt(THU_10);
    const closed = await ticketAt(later(THU_10, 1));
    await distributeTicket(db, reached.id, { assignee: { kind: 'team', department: 'MI', siteId: BAD_EMS } }, ctx(later(THU_10, 5)));
    await recordContact(db, reached.id, { kind: 'reached', note: '' }, ctx(later(THU_10, 30)));
    await distributeTicket(db, closed.id, { assignee: { kind: 'team', department: 'MI', siteId: BAD_EMS } }, ctx(later(THU_10, 5)));
    await recordContact(db, closed.id, { kind: 'reached', note: '' }, ctx(later(THU_10, 30)));
    await closeTicket(db, closed.id, { note: 'Erledigt' }, ctx(later(THU_10, 40)));

    expect(await ticketsAwaitingContactDueBetween(db, [BAD_EMS], FRI_00, SAT_00)).toEqual([]);
  });

  it('shows only this site’s list: tickets of another site stay on theirs', async () => {
    db = await freshDb();
    await ticketAt(THU_10, { siteId: DIEZ, deadlinePolicy: 'working-days' });

    expect(await ticketsAwaitingContactDueBetween(db, [BAD_EMS], FRI_00, SAT_00)).toEqual([]);
    expect(await ticketsAwaitingContactDueBetween(db, [DIEZ], FRI_00, SAT_00)).toHaveLength(1);
  });

  it('seed §4.5: a ticket made at a desk in LB cover is on the distribution list of the staffed site', async () => {
    db = await freshDb();
    await ticketAt(THU_10, { siteId: BAD_EMS, distributionSiteId: DIEZ, deadlinePolicy: 'working-days', lbCover: true });

    expect(await ticketsAwaitingContactDueBetween(db, [BAD_EMS], FRI_00, SAT_00)).toEqual([]);
    expect(await ticketsAwaitingContactDueBetween(db, [DIEZ], FRI_00, SAT_00)).toHaveLength(1);
  });

  it('SPEC §9: a deleted (tombstoned) ticket is not shown', async () => {
    db = await freshDb();
    const t = await ticketAt(THU_10);
    await db.tickets.update(t.id, { deletedAt: later(THU_10, 1).toISOString() });

    expect(await ticketsAwaitingContactDueBetween(db, [BAD_EMS], FRI_00, SAT_00)).toEqual([]);
  });
});

describe('"Heute an meiner Anlaufstelle": overdue tickets from earlier days (SPEC §5: overdue tickets stand out)', () => {
  it('lists a ticket whose deadline passed before the day started and that still has no contact', async () => {
    db = await freshDb();
    const t = await ticketAt(THU_10);

    expect((await ticketsOverdueBefore(db, [BAD_EMS], SAT_00)).map((x) => x.id)).toEqual([t.id]);
  });

  it('does not list it while the deadline is still ahead, nor at the deadline itself', async () => {
    db = await freshDb();
    await ticketAt(THU_10);

    expect(await ticketsOverdueBefore(db, [BAD_EMS], FRI_00)).toEqual([]);
    expect(await ticketsOverdueBefore(db, [BAD_EMS], FRI_10)).toEqual([]);
  });

  it('drops it once the customer got an appointment, and ignores other sites', async () => {
    db = await freshDb();
    const t = await ticketAt(THU_10);
    await ticketAt(THU_10, { siteId: DIEZ, deadlinePolicy: 'working-days' });
    await distributeTicket(db, t.id, { assignee: { kind: 'team', department: 'MI', siteId: BAD_EMS } }, ctx(later(THU_10, 5)));
    await recordContact(
      db,
      t.id,
      { kind: 'appointment', note: '', appointment: { date: '2026-12-01', time: '09:00', form: 'phone' } },
      ctx(new Date('2026-11-27T11:00:00+01:00')),
    );

    expect(await ticketsOverdueBefore(db, [BAD_EMS], SAT_00)).toEqual([]);
    expect(await ticketsOverdueBefore(db, [DIEZ], SAT_00)).toHaveLength(1);
  });
});
