// Before Dexie loads: it takes the global indexedDB when its module is evaluated.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { IllegalTransitionError } from '@shared/domain/ticket-state';
import type { CallbackTicket, TicketAssignee } from '@shared/model';
import type { AnlaufstelleDB } from '../../../../renderer/src/db/db';
import { NotFoundError, ValidationError } from '../../../../renderer/src/db/repositories/base';
import {
  closeTicket,
  distributeTicket,
  logCallbackAttempt,
  recordContact,
} from '../../../../renderer/src/db/repositories/tickets';
import { recordTriage } from '../../../../renderer/src/db/repositories/visits';
import { AT_BAD_EMS, BAD_EMS, LB_CLERK, THU_10, ctx, freshDb, later, other, snapshot, staffIdWith } from './fixture';

let db: AnlaufstelleDB;
afterEach(async () => {
  await db?.delete();
});

const TEAM_MI: TicketAssignee = { kind: 'team', department: 'MI', siteId: BAD_EMS };
const APPOINTMENT = { date: '2026-11-30', time: '09:30', form: 'video' } as const;

async function newTicket(): Promise<CallbackTicket> {
  return (await recordTriage(db, other(), AT_BAD_EMS, ctx())).ticket!;
}

/** Walks a fresh ticket to the given state through the repository. */
async function ticketIn(status: CallbackTicket['status']): Promise<CallbackTicket> {
  let t = await newTicket();
  if (status === 'open') return t;
  t = await distributeTicket(db, t.id, { assignee: TEAM_MI }, ctx(later(THU_10, 10)));
  if (status === 'assigned') return t;
  t = await recordContact(db, t.id, { kind: 'reached', note: 'Rückruf erledigt' }, ctx(later(THU_10, 20), LB_CLERK));
  if (status === 'contacted') return t;
  return closeTicket(db, t.id, { note: 'Erledigt' }, ctx(later(THU_10, 30), LB_CLERK));
}

describe('SPEC §5 lifecycle: open → assigned → contacted → closed', () => {
  it('Ticketverteilung to a department team of a site makes the ticket assigned', async () => {
    db = await freshDb();
    const t = await newTicket();

    const assigned = await distributeTicket(db, t.id, { assignee: TEAM_MI }, ctx(later(THU_10, 10)));

    expect(assigned).toMatchObject({ status: 'assigned', assignee: TEAM_MI, dueAt: t.dueAt });
    expect(await db.tickets.get(t.id)).toEqual(assigned);
  });

  it('re-distribution to a person keeps the ticket assigned', async () => {
    db = await freshDb();
    const t = await ticketIn('assigned');

    const person = await staffIdWith(db, 'LB');

    const again = await distributeTicket(db, t.id, { assignee: { kind: 'person', staffId: person } }, ctx(later(THU_10, 15)));

    expect(again).toMatchObject({ status: 'assigned', assignee: { kind: 'person', staffId: person } });
  });

  it('a failed callback attempt is logged and keeps status and deadline ("the clock keeps running")', async () => {
    db = await freshDb();
    const t = await ticketIn('assigned');

    const after = await logCallbackAttempt(db, t.id, { note: '  Mailbox, keine Nachricht  ' }, ctx(later(THU_10, 60), LB_CLERK));
    const twice = await logCallbackAttempt(db, t.id, { note: '' }, ctx(later(THU_10, 120), LB_CLERK));

    expect(after).toMatchObject({ status: 'assigned', dueAt: '2026-11-27T09:00:00.000Z', contact: null });
    expect(twice.attempts).toEqual([
      { id: expect.any(String), at: later(THU_10, 60).toISOString(), by: LB_CLERK, note: 'Mailbox, keine Nachricht' },
      { id: expect.any(String), at: later(THU_10, 120).toISOString(), by: LB_CLERK, note: '' },
    ]);
    expect(twice.status).toBe('assigned');
    expect(twice.dueAt).toBe(t.dueAt);
  });

  it('the first successful contact (reached) makes it contacted, at that moment and by that person', async () => {
    db = await freshDb();
    const t = await ticketIn('assigned');

    const contacted = await recordContact(db, t.id, { kind: 'reached', note: 'Frage geklärt' }, ctx(later(THU_10, 45), LB_CLERK));

    expect(contacted).toMatchObject({
      status: 'contacted',
      dueAt: t.dueAt,
      contact: { kind: 'reached', at: later(THU_10, 45).toISOString(), by: LB_CLERK, note: 'Frage geklärt' },
    });
  });

  it.each(['in-person', 'video', 'phone'] as const)('an appointment given (%s) with date and time counts as contact', async (form) => {
    db = await freshDb();
    const t = await ticketIn('assigned');

    const contacted = await recordContact(db, t.id, { kind: 'appointment', note: '', appointment: { ...APPOINTMENT, form } }, ctx(later(THU_10, 45), LB_CLERK));

    expect(contacted.status).toBe('contacted');
    expect(contacted.contact).toEqual({ kind: 'appointment', at: later(THU_10, 45).toISOString(), by: LB_CLERK, note: '', appointment: { ...APPOINTMENT, form } });
  });

  it('closing a contacted ticket makes it closed with time and note', async () => {
    db = await freshDb();
    const t = await ticketIn('contacted');

    const closed = await closeTicket(db, t.id, { note: 'Termin vereinbart' }, ctx(later(THU_10, 90), LB_CLERK));

    expect(closed).toMatchObject({ status: 'closed', closedAt: later(THU_10, 90).toISOString(), closeNote: 'Termin vereinbart', contact: t.contact });
  });
});

describe('SPEC §5: an illegal step is refused with a German message and writes nothing', () => {
  const contact = { kind: 'reached', note: '' } as const;
  const cases: [CallbackTicket['status'], string, (id: string) => Promise<unknown>, string][] = [
    ['open', 'close', (id) => closeTicket(db, id, { note: '' }, ctx(later(THU_10, 40))), 'Ticket abschließen ist nicht möglich: Das Ticket ist noch nicht verteilt. Bitte zuerst die Ticketverteilung vornehmen.'],
    ['open', 'record a contact', (id) => recordContact(db, id, contact, ctx(later(THU_10, 40))), 'Kontakt erfassen ist nicht möglich: Das Ticket ist noch nicht verteilt.'],
    ['open', 'log an attempt', (id) => logCallbackAttempt(db, id, { note: '' }, ctx(later(THU_10, 40))), 'Rückrufversuch erfassen ist nicht möglich: Das Ticket ist noch nicht verteilt.'],
    ['assigned', 'close', (id) => closeTicket(db, id, { note: '' }, ctx(later(THU_10, 40))), 'Das Ticket kann erst nach einem erfolgreichen Kontakt abgeschlossen werden.'],
    ['contacted', 'record a second contact', (id) => recordContact(db, id, contact, ctx(later(THU_10, 40))), 'Der Kontakt ist bereits erfasst; das Ticket kann nur noch abgeschlossen werden.'],
    ['contacted', 'redistribute', (id) => distributeTicket(db, id, { assignee: TEAM_MI }, ctx(later(THU_10, 40))), 'Ticket verteilen ist nicht möglich: Der Kontakt ist bereits erfasst'],
    ['closed', 'distribute', (id) => distributeTicket(db, id, { assignee: TEAM_MI }, ctx(later(THU_10, 40))), 'Ticket verteilen ist nicht möglich: Das Ticket ist abgeschlossen und kann nicht mehr geändert werden.'],
    ['closed', 'log an attempt', (id) => logCallbackAttempt(db, id, { note: 'x' }, ctx(later(THU_10, 40))), 'Das Ticket ist abgeschlossen und kann nicht mehr geändert werden.'],
    ['closed', 'record a contact', (id) => recordContact(db, id, contact, ctx(later(THU_10, 40))), 'Das Ticket ist abgeschlossen und kann nicht mehr geändert werden.'],
    ['closed', 'close again', (id) => closeTicket(db, id, { note: '' }, ctx(later(THU_10, 40))), 'Das Ticket ist abgeschlossen und kann nicht mehr geändert werden.'],
  ];

  it.each(cases)('%s ticket: %s', async (status, _step, step, message) => {
    db = await freshDb();
    const t = await ticketIn(status);
    const before = await snapshot(db);

    const refused = step(t.id);

    await expect(refused).rejects.toBeInstanceOf(IllegalTransitionError);
    await expect(refused).rejects.toThrow(message);
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('Bad input on a ticket: German message, nothing written (SPEC §10)', () => {
  it.each([
    ['an impossible time', { time: '25:00' }, 'Uhrzeit im Format HH:MM angeben.'],
    ['a time without colon', { time: '930' }, 'Uhrzeit im Format HH:MM angeben.'],
    // SPEC §5: an appointment is given for later; one in the past is a typo (THU_10 = Thu 26.11.2026 10:00).
    ['a date that has passed', { date: '2026-11-25' }, 'Der Termin muss in der Zukunft liegen.'],
    ['today, earlier than now', { date: '2026-11-26', time: '09:00' }, 'Der Termin muss in der Zukunft liegen.'],
  ])('refuses an appointment with %s', async (_what, change, message) => {
    db = await freshDb();
    const t = await ticketIn('assigned');
    const before = await snapshot(db);

    const refused = recordContact(db, t.id, { kind: 'appointment', note: '', appointment: { ...APPOINTMENT, ...change } }, ctx(later(THU_10, 40)));

    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    await expect(refused).rejects.toThrow(message);
    expect(await snapshot(db)).toEqual(before);
  });

  it.each([
    ['an impossible date', { date: '2026-02-30' }, 'Bitte ein gültiges Datum angeben.'],
    ['no date', { date: '' }, 'Bitte ein gültiges Datum angeben.'],
    ['an unknown form', { form: 'fax' }, 'Bitte die Form des Termins wählen (persönlich, Video oder Telefon).'],
  ])('refuses an appointment with %s', async (_what, change, message) => {
    db = await freshDb();
    const t = await ticketIn('assigned');
    const before = await snapshot(db);

    const appointment = { ...APPOINTMENT, ...change } as never;
    const refused = recordContact(db, t.id, { kind: 'appointment', note: '', appointment }, ctx(later(THU_10, 40)));

    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    await expect(refused).rejects.toThrow(message);

    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses a too long attempt note', async () => {
    db = await freshDb();
    const t = await ticketIn('assigned');
    const before = await snapshot(db);

    await expect(logCallbackAttempt(db, t.id, { note: 'x'.repeat(501) }, ctx(later(THU_10, 40)))).rejects.toThrow('Die Notiz ist zu lang (höchstens 500 Zeichen).');

    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses distribution without a valid assignee', async () => {
    db = await freshDb();
    const t = await newTicket();
    const before = await snapshot(db);

    const assignee = { kind: 'team', department: 'XY', siteId: BAD_EMS } as never;
    await expect(distributeTicket(db, t.id, { assignee }, ctx(later(THU_10, 40)))).rejects.toBeInstanceOf(ValidationError);

    expect(await snapshot(db)).toEqual(before);
  });

  // A ticket handed to nobody drops off every list while its clock runs (SPEC §5).
  it.each([
    ['a person not in the directory', () => Promise.resolve({ kind: 'person', staffId: 'no-such-person' } as TicketAssignee), 'Diese Person ist nicht (mehr) im Personalverzeichnis aktiv.'],
    ['a deactivated person', async () => {
      const id = await staffIdWith(db, 'LB');
      await db.staff.update(id, { active: false });
      return { kind: 'person', staffId: id } as TicketAssignee;
    }, 'Diese Person ist nicht (mehr) im Personalverzeichnis aktiv.'],
    ['the team of a site that does not exist', () => Promise.resolve({ kind: 'team', department: 'LB', siteId: 'no-such-site' } as TicketAssignee), 'Diesen Standort gibt es nicht.'],
  ])('refuses distribution to %s', async (_what, assignee, message) => {
    db = await freshDb();
    const t = await newTicket();
    const to = await assignee();
    const before = await snapshot(db);

    const refused = distributeTicket(db, t.id, { assignee: to }, ctx(later(THU_10, 40)));

    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    await expect(refused).rejects.toThrow(message);
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses an unknown ticket with NotFoundError', async () => {
    db = await freshDb();

    const refused = distributeTicket(db, 'no-such-ticket', { assignee: TEAM_MI }, ctx());

    await expect(refused).rejects.toBeInstanceOf(NotFoundError);
    await expect(refused).rejects.toThrow('Dieses Ticket gibt es nicht mehr.');
  });
});
