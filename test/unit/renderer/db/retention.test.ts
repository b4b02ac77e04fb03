// Before Dexie loads: it takes the global indexedDB when its module is evaluated.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { berlinDate } from '@shared/domain/calendar';
import type { CallbackTicket, InboxRefs } from '@shared/model';
import { absenceReasonText } from '@shared/model';
import { cancelAbsence, registerAbsence } from '../../../../renderer/src/db/repositories/absences';
import { inboxForRole, storeNotices } from '../../../../renderer/src/db/repositories/inbox';
import { anonymiseAbsenceReasons, clearOldCoverNotes, REMOVED_MESSAGE_TITLE, removeOldInboxMessages } from '../../../../renderer/src/db/repositories/retention';
import type { AnlaufstelleDB } from '../../../../renderer/src/db/db';
import {
  ANONYMISED,
  anonymiseDueTickets,
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
import { AT_BAD_EMS, BAD_EMS, LB_CLERK, THU_10, application, ctx, freshDb, later, other, staffIdWith } from './fixture';
import { countRowsRead, resetCounts } from './read-counter';

/** SPEC §9: closed tickets lose their personal data after the retention period (default 90 days). */

let db: AnlaufstelleDB;
afterEach(async () => {
  await db?.delete();
});

const DAY = 24 * 60;

/** A ticket created at `created`, then walked to `status`; closed `closedAfterMin` minutes after creation. */
async function ticket(created: Date, status: CallbackTicket['status'], closedAfterMin = 60, appointmentDate?: string): Promise<CallbackTicket> {
  let t = (await recordTriage(db, other(), AT_BAD_EMS, ctx(created))).ticket!;
  if (status === 'open') return t;
  t = await distributeTicket(db, t.id, { assignee: { kind: 'team', department: 'MI', siteId: BAD_EMS } }, ctx(later(created, 5)));
  t = await logCallbackAttempt(db, t.id, { note: 'Frau M. nicht erreicht, Tochter am Telefon' }, ctx(later(created, 10)));
  if (status === 'assigned') return t;
  t = await recordContact(
    db,
    t.id,
    { kind: 'appointment', note: 'Termin mit Frau M. wegen Schulden', appointment: { date: appointmentDate ?? berlinDate(later(created, 3 * DAY)), time: '10:00', form: 'in-person' } },
    // By default an appointment a few days after the call; any must lie within six months of it (issue 10 item 4).
    ctx(later(created, 20)),
  );
  if (status === 'contacted') return t;
  return closeTicket(db, t.id, { note: 'Frau M. kommt mit Unterlagen' }, ctx(later(created, closedAfterMin)));
}

describe('SPEC §9: closed tickets are anonymised after the retention period', () => {
  it('removes name, phone, customer number and every free text of a closed ticket past the period', async () => {
    db = await freshDb();
    const old = await ticket(later(THU_10, -100 * DAY), 'closed');

    const count = await anonymiseDueTickets(db, 90, ctx(THU_10, 'system'));

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

  it('leaves tickets inside their period untouched: closed recently or late, never closed but worked on recently or waiting for an appointment', async () => {
    db = await freshDb();
    const recent = await ticket(later(THU_10, -10 * DAY), 'closed');
    // Created long ago but closed only 89 days ago: the period runs from closing.
    const closedLate = await ticket(later(THU_10, -200 * DAY), 'closed', 111 * DAY);
    const quietOpen = await ticket(later(THU_10, -89 * DAY), 'open');
    // Created 300 days ago, a callback attempt 5 days ago: the last activity counts.
    let workedOn = await ticket(later(THU_10, -300 * DAY), 'assigned');
    workedOn = await logCallbackAttempt(db, workedOn.id, { note: 'wieder nicht erreicht' }, ctx(later(THU_10, -5 * DAY)));
    // Contacted 170 days ago with an appointment on 01.12.2026 (after today): kept for it.
    const oldContacted = await ticket(later(THU_10, -170 * DAY), 'contacted', 60, '2026-12-01');
    const before = await db.tickets.toArray();

    const count = await anonymiseDueTickets(db, 90, ctx(THU_10, 'system'));

    expect(count).toBe(0);
    expect(await db.tickets.toArray()).toEqual(before);
    expect(before.map((t) => t.id).sort()).toEqual([recent, closedLate, quietOpen, workedOn, oldContacted].map((t) => t.id).sort());
  });

  it('honours the configured period (30 days)', async () => {
    db = await freshDb();
    const t = await ticket(later(THU_10, -40 * DAY), 'closed');

    expect(await anonymiseDueTickets(db, 90, ctx(THU_10, 'system'))).toBe(0);
    expect(await anonymiseDueTickets(db, 30, ctx(THU_10, 'system'))).toBe(1);
    expect((await db.tickets.get(t.id))!.customerName).toBe(ANONYMISED);
  });

  it('is idempotent: a second run changes nothing and logs nothing', async () => {
    db = await freshDb();
    await ticket(later(THU_10, -100 * DAY), 'closed');
    await anonymiseDueTickets(db, 90, ctx(THU_10, 'system'));
    const tickets = await db.tickets.toArray();
    const outbox = await db.outbox.count();

    const again = await anonymiseDueTickets(db, 90, ctx(later(THU_10, DAY), 'system'));

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

    expect(await runRetentionSweep(db, THU_10)).toEqual({ tickets: 0, handoffs: 0, absences: 0, inbox: 0, coverNotes: 0, newCustomers: 0 }); // default 90 days
    await saveSettings(db, { retentionDays: 30 });
    expect(await runRetentionSweep(db, later(THU_10, 60))).toEqual({ tickets: 1, handoffs: 1, absences: 0, inbox: 0, coverNotes: 0, newCustomers: 0 });

    expect((await db.tickets.get(t.id))!.customerName).toBe(ANONYMISED);
    expect((await db.handoffs.get(h.id))!.label).toBe(ANONYMISED);
  });
});

describe('Review finding 3: the start-up retention job reads only the rows that are due', () => {
  it('reads exactly the due closed tickets and finished hand-offs, and nothing when nothing is due', async () => {
    db = await freshDb();
    await ticket(later(THU_10, -100 * DAY), 'closed');
    for (let i = 0; i < 4; i++) await ticket(later(THU_10, -10 * DAY + i), 'closed');
    await ticket(later(THU_10, -170 * DAY), 'contacted', 60, '2026-12-01');
    await handoff('Frau Alt', later(THU_10, -100 * DAY), 'done');
    for (let i = 0; i < 3; i++) await handoff(`Nr. ${i}`, later(THU_10, -5 * DAY + i), 'done');
    const reads = await countRowsRead(db);
    resetCounts(reads);

    expect(await anonymiseDueTickets(db, 90, ctx(THU_10, 'system'))).toBe(1);
    expect(await anonymiseFinishedHandoffs(db, 90, ctx(THU_10, 'system'))).toBe(1);
    expect(reads).toMatchObject({ tickets: 1, handoffs: 1 });

    // The next start: the anonymised rows left the index, the recent ones are not due yet.
    resetCounts(reads);
    expect(await anonymiseDueTickets(db, 90, ctx(later(THU_10, DAY), 'system'))).toBe(0);
    expect(await anonymiseFinishedHandoffs(db, 90, ctx(later(THU_10, DAY), 'system'))).toBe(0);
    expect(reads['tickets'] ?? 0).toBe(0);
    expect(reads['handoffs'] ?? 0).toBe(0);
  });

  it('demo rows are anonymised like real ones but never put in the outbox (local-only, never synced)', async () => {
    db = await freshDb();
    await seedDemoData(db, later(THU_10, -200 * DAY));

    const tickets = await anonymiseDueTickets(db, 90, ctx(THU_10, 'system'));
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
    const sweep = anonymiseDueTickets(db, 90, ctx(THU_10, 'system')).then((n) => {
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

describe('issue 10 item 13: a ticket that is never closed does not keep name, phone and notes for good', () => {
  it('loses its personal data once untouched for the whole period (from its last activity), stays open and in the outbox', async () => {
    db = await freshDb();
    const abandoned = await ticket(later(THU_10, -120 * DAY), 'assigned');
    const outbox = await db.outbox.count();

    expect(await anonymiseDueTickets(db, 90, ctx(THU_10, 'system'))).toBe(1);

    const stored = await db.tickets.get(abandoned.id);
    expect(stored).toMatchObject({ status: 'assigned', customerName: ANONYMISED, phone: '', concern: ANONYMISED, anonymisedAt: THU_10.toISOString() });
    expect(stored!.attempts.map((a) => a.note)).toEqual(['']);
    expect(stored).not.toHaveProperty('retentionStart');
    expect(await db.outbox.count()).toBe(outbox + 1);
  });

  it('every write restarts the period: a ticket worked on is never emptied in the middle of work', async () => {
    db = await freshDb();
    const t = await ticket(later(THU_10, -89 * DAY), 'open');
    // Day 89: a clerk distributes it. Without that it would be due in two days.
    await distributeTicket(db, t.id, { assignee: { kind: 'team', department: 'MI', siteId: BAD_EMS } }, ctx(THU_10));

    expect(await anonymiseDueTickets(db, 90, ctx(later(THU_10, 2 * DAY), 'system'))).toBe(0);
    expect(await anonymiseDueTickets(db, 90, ctx(later(THU_10, 89 * DAY), 'system'))).toBe(0);
    expect(await anonymiseDueTickets(db, 90, ctx(later(THU_10, 91 * DAY), 'system'))).toBe(1);
  });

  it('an appointment holds the data until the appointment day has passed by the period', async () => {
    db = await freshDb();
    const t = await ticket(later(THU_10, -170 * DAY), 'contacted', 60, '2026-12-01');
    expect(await anonymiseDueTickets(db, 90, ctx(new Date('2027-03-01T10:00:00+01:00'), 'system'))).toBe(0); // 01.12. + 90 = 01.03.
    expect(await anonymiseDueTickets(db, 90, ctx(new Date('2027-03-02T00:30:00+01:00'), 'system'))).toBe(1);
    expect((await db.tickets.get(t.id))!.contact!.note).toBe('');
  });

  it('a note written after anonymisation puts the ticket back under the rule', async () => {
    db = await freshDb();
    const t = await ticket(later(THU_10, -120 * DAY), 'assigned');
    await anonymiseDueTickets(db, 90, ctx(THU_10, 'system'));
    await logCallbackAttempt(db, t.id, { note: 'Herr K. rief zurück' }, ctx(later(THU_10, 60)));
    expect((await db.tickets.get(t.id))!.retentionStart).toBe(later(THU_10, 60).toISOString());
    expect(await anonymiseDueTickets(db, 90, ctx(later(THU_10, 92 * DAY), 'system'))).toBe(1);
    expect((await db.tickets.get(t.id))!.attempts.map((a) => a.note)).toEqual(['', '']);
  });
});

describe('issue 10 item 13: absence reasons (health data of staff) are removed after the period', () => {
  it('removes reason and note N days after the absence ended; the absence itself stays; logged; recent ones untouched', async () => {
    db = await freshDb();
    const clerk = await staffIdWith(db, 'EZ');
    const old = (await registerAbsence(db, { staffId: clerk, from: '2026-08-03', to: '2026-08-07', reason: 'sickness', note: 'Attest liegt vor' }, ctx(new Date('2026-08-03T07:00:00+02:00')))).absence;
    const recent = (await registerAbsence(db, { staffId: clerk, from: '2026-10-05', to: '2026-10-06', reason: 'sickness', note: 'Migräne' }, ctx(new Date('2026-10-05T07:00:00+02:00')))).absence;
    const outbox = await db.outbox.count();

    // Fri 07.08. + 90 days = Thu 05.11.; the reason goes from Fri 06.11., 00:00 Berlin.
    expect(await anonymiseAbsenceReasons(db, 90, ctx(new Date('2026-11-05T23:59:00+01:00'), 'system'))).toBe(0);
    expect(await anonymiseAbsenceReasons(db, 90, ctx(new Date('2026-11-06T00:00:00+01:00'), 'system'))).toBe(1);

    const stored = await db.absences.get(old.id);
    expect(stored).toMatchObject({ staffId: clerk, from: '2026-08-03', to: '2026-08-07', kind: 'unplanned', reason: 'other', note: '', deletedAt: null });
    expect(absenceReasonText(stored!)).toBe('Grund nach Ablauf der Aufbewahrungsfrist entfernt');
    expect(stored).not.toHaveProperty('retentionStart');
    expect(await db.absences.get(recent.id)).toMatchObject({ reason: 'sickness', note: 'Migräne' });
    expect(await db.outbox.count()).toBe(outbox + 1);
    // Idempotent, and reads nothing once done.
    expect(await anonymiseAbsenceReasons(db, 90, ctx(new Date('2026-11-07T10:00:00+01:00'), 'system'))).toBe(0);
  });

  it('a withdrawn absence loses its reason too', async () => {
    db = await freshDb();
    const clerk = await staffIdWith(db, 'EZ');
    const a = (await registerAbsence(db, { staffId: clerk, from: '2026-08-03', to: '2026-08-03', reason: 'sickness', note: 'Attest' }, ctx(new Date('2026-08-03T07:00:00+02:00')))).absence;
    await cancelAbsence(db, a.id, ctx(new Date('2026-08-03T08:00:00+02:00')));
    expect(await anonymiseAbsenceReasons(db, 90, ctx(THU_10, 'system'))).toBe(1);
    expect(await db.absences.get(a.id)).toMatchObject({ reason: 'other', note: '' });
  });
});

describe('issue 10 item 13: inbox messages are removed after the period', () => {
  async function message(sentAt: Date, refs: InboxRefs) {
    return db.transaction('rw', [db.inbox, db.outbox, db.staff], () =>
      storeNotices(db, [{ recipientRole: 'FM', siteId: BAD_EMS, title: 'Abwesenheit Erika Muster', body: 'Erika Muster fehlt ungeplant.', refs }], `test:${sentAt.toISOString()}:${JSON.stringify(refs)}`, ctx(sentAt)),
    );
  }

  it('empties and tombstones a message the period after it was sent, or after the session day it is about if later', async () => {
    db = await freshDb();
    const [old] = await message(later(THU_10, -100 * DAY), {});
    // Sent 100 days ago about a session on 10.12.2026 (still ahead): kept.
    const [ahead] = await message(later(THU_10, -100 * DAY), { date: '2026-12-10', siteId: BAD_EMS });
    const [recent] = await message(later(THU_10, -5 * DAY), { staffId: 'x' });

    expect(await removeOldInboxMessages(db, 90, ctx(THU_10, 'system'))).toBe(1);

    expect(await db.inbox.get(old!.id)).toMatchObject({ title: REMOVED_MESSAGE_TITLE, body: '', refs: {}, deletedAt: THU_10.toISOString() });
    expect(await db.inbox.get(ahead!.id)).toMatchObject({ body: 'Erika Muster fehlt ungeplant.', deletedAt: null });
    expect(await db.inbox.get(recent!.id)).toMatchObject({ deletedAt: null });
    expect(await inboxForRole(db, 'FM', BAD_EMS)).toHaveLength(2);
    expect(await removeOldInboxMessages(db, 90, ctx(later(THU_10, 60), 'system'))).toBe(0);
  });

  it('a request loses what it asked and who settled it: no colleague’s name survives, nothing stays in the openAsks index', async () => {
    db = await freshDb();
    const sentAt = later(THU_10, -100 * DAY);
    const ask = (staffId: string, settledBy: string | null) => ({
      siteId: BAD_EMS,
      date: berlinDate(later(sentAt, DAY)),
      sessionStart: '08:00',
      staffId,
      source: 'ez-same-site' as const,
      label: 'Bad Ems, Vertretung',
      settled: settledBy ? { at: later(sentAt, 60).toISOString(), byStaffId: 'tl-ez', byName: settledBy, text: `Vertretung durch Ben Becker angenommen.` } : null,
    });
    const [request] = await db.transaction('rw', [db.inbox, db.outbox, db.staff], () =>
      storeNotices(
        db,
        [
          {
            recipientRole: 'FM',
            siteId: BAD_EMS,
            title: 'Vertretung an der Anlaufstelle – bitte entscheiden',
            body: 'Vorschlag: Ben Becker, Clara Kaya.',
            refs: { siteId: BAD_EMS },
            asks: [ask('ben', 'Ines Klein'), ask('clara', null)],
            recipientStaffId: 'fm-person',
          },
        ],
        'test:asks',
        ctx(sentAt),
      ),
    );
    expect(request!.openAsks).toHaveLength(1);

    expect(await removeOldInboxMessages(db, 90, ctx(THU_10, 'system'))).toBe(1);

    const stored = await db.inbox.get(request!.id);
    expect(JSON.stringify(stored)).not.toMatch(/Ines Klein|Ben Becker|Clara Kaya/);
    expect(stored).not.toHaveProperty('recipientStaffId');
    expect(stored).not.toHaveProperty('asks');
    expect(await db.inbox.where('openAsks').anyOf(request!.openAsks!).count()).toBe(0);
  });

  it('cover decisions, too: who decided what stays, but the note goes once the session lies the period back', async () => {
    db = await freshDb();
    const decision = (id: string, date: string, note: string) => ({
      id,
      createdAt: THU_10.toISOString(),
      createdBy: 'fm',
      updatedAt: THU_10.toISOString(),
      updatedBy: 'fm',
      deletedAt: null,
      siteId: BAD_EMS,
      date,
      sessionStart: '08:00',
      staffId: 'ben',
      source: 'ez-same-site' as const,
      decidedBy: 'FM' as const,
      status: 'rejected' as const,
      decidedByStaffId: 'fm',
      note,
    });
    // THU_10 is 26.11.2026; 90 days back is 28.08.2026: a session that day is kept, the day before is due.
    await db.coverDecisions.bulkPut([decision('old', '2026-08-27', 'Frau K. ist nach der OP noch nicht belastbar'), decision('kept', '2026-08-28', 'Rücksprache mit TL'), decision('plain', '2026-01-05', '')]);

    expect(await clearOldCoverNotes(db, 90, ctx(THU_10, 'system'))).toBe(1);

    expect(await db.coverDecisions.get('old')).toMatchObject({ note: '', status: 'rejected', staffId: 'ben', decidedByStaffId: 'fm' });
    expect(await db.coverDecisions.get('kept')).toMatchObject({ note: 'Rücksprache mit TL' });
    expect((await db.outbox.toArray()).filter((row) => row.recordId === 'old')).toHaveLength(1);
    expect(await clearOldCoverNotes(db, 90, ctx(THU_10, 'system'))).toBe(0);
  });

  it('the app sweep covers every kind', async () => {
    db = await freshDb();
    const clerk = await staffIdWith(db, 'EZ');
    await registerAbsence(db, { staffId: clerk, from: '2026-08-03', to: '2026-08-03', reason: 'sickness', note: '' }, ctx(new Date('2026-08-03T07:00:00+02:00')));
    await message(later(THU_10, -100 * DAY), {});
    await ticket(later(THU_10, -100 * DAY), 'open');
    await handoff('Herr Alt', later(THU_10, -100 * DAY), 'done');
    const counts = await runRetentionSweep(db, THU_10);
    expect(counts.tickets).toBe(1);
    expect(counts.handoffs).toBe(1);
    expect(counts.absences).toBe(1);
    expect(counts.inbox).toBeGreaterThanOrEqual(1);
  });
});
