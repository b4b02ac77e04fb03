// Before Dexie loads: it takes the global indexedDB when its module is evaluated.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { callbackDueAt } from '@shared/domain/callback-deadline';
import { intakeDueAt } from '@shared/domain/new-customer';
import { ANONYMISED } from '@shared/domain/retention';
import type { TriageInput } from '@shared/model';
import type { AnlaufstelleDB } from '../../../../renderer/src/db/db';
import { ValidationError } from '../../../../renderer/src/db/repositories/base';
import {
  addGroupSession,
  anonymiseClosedNewCustomers,
  groupSessionsOf,
  inviteToGroupSession,
  markIntakeDone,
  markStep,
  newCustomerOfVisit,
  nextFreeSession,
  recordNoShow,
  recordOtherChannelApplication,
  recordRefusal,
  removeGroupSession,
  sessionGapOf,
  worklistOf,
  worklistRow,
} from '../../../../renderer/src/db/repositories/new-customers';
import { recordTriage } from '../../../../renderer/src/db/repositories/visits';
import { AT_BAD_EMS, BAD_EMS, DIEZ, THU_10, ctx, freshDb, later } from './fixture';

/**
 * Issue 9: the Neukunden records through the real write path – the counter's new application, the
 * other channels, the same-day steps, the group sessions, the intake check and the refusal.
 */
let db: AnlaufstelleDB;
afterEach(async () => {
  await db?.delete();
});

const noChecks = { verbisCheck: 'no-need', digitalCheck: 'not-first-visit' } as const;
const PERSON = { name: 'Erika Neu', birthDate: '1990-04-12', bgNumber: '', phone: '02603 123456' };
const newApplication = (person: object | null = PERSON, answer: 'new' | 'returning' = 'new'): TriageInput =>
  ({ concernKind: 'application', acute: false, label: '', newApplication: answer, ...(person ? { newCustomer: person } : {}), ...noChecks }) as TriageInput;

describe('issue 9 item 1 (seed §1, §1.1): a new application at the counter starts the new-customer record with the hand-off', () => {
  it('"Neukunde": the record is on the site\'s worklist with the intake deadline of a personal application (24 h, SPEC §5 clock), the same-day steps due at 24:00 and the refusal date', async () => {
    db = await freshDb();
    const { visit, handoffs, newCustomer } = await recordTriage(db, newApplication(), AT_BAD_EMS, ctx(THU_10));
    expect(handoffs).toHaveLength(1);
    expect(newCustomer).toMatchObject({ siteId: BAD_EMS, recordedAtSiteId: BAD_EMS, visitId: visit.id, channel: 'personal', name: 'Erika Neu', birthDate: '1990-04-12', bgNumber: null });
    expect(newCustomer!.intakeDueAt).toBe(callbackDueAt(THU_10).toISOString());
    expect(newCustomer!.stepsDueAt).toBe(new Date('2026-11-27T00:00:00+01:00').toISOString());
    // 26.11. + 24 calendar days = 20.12., 24:00.
    expect(newCustomer!.refusalDueAt).toBe(new Date('2026-12-21T00:00:00+01:00').toISOString());
    expect((await newCustomerOfVisit(db, visit.id))?.id).toBe(newCustomer!.id);
    expect((await worklistOf(db, BAD_EMS, THU_10)).map((r) => r.record.id)).toEqual([newCustomer!.id]);
  });

  it('seed §1 "nicht Neukunde" (benefit ended within 2 months): the hand-off only, no record', async () => {
    db = await freshDb();
    const { newCustomer } = await recordTriage(db, newApplication(null, 'returning'), AT_BAD_EMS, ctx(THU_10));
    expect(newCustomer).toBeNull();
    expect(await db.newCustomers.count()).toBe(0);
  });

  it('bad input is refused in German and writes nothing: a new customer without name, or without date of birth and BG number', async () => {
    db = await freshDb();
    await expect(recordTriage(db, newApplication(null), AT_BAD_EMS, ctx())).rejects.toThrow('Neuantrag: bitte Name und Geburtsdatum oder BG-Nummer angeben.');
    await expect(recordTriage(db, newApplication({ ...PERSON, birthDate: '', bgNumber: '' }), AT_BAD_EMS, ctx())).rejects.toThrow('Bitte das Geburtsdatum oder die BG-Nummer angeben.');
    await expect(recordTriage(db, newApplication({ ...PERSON, name: ' ' }), AT_BAD_EMS, ctx())).rejects.toThrow('Bitte den Namen der antragstellenden Person angeben.');
    expect(await db.visits.count()).toBe(0);
    expect(await db.newCustomers.count()).toBe(0);
  });

  it('seed §4.5 (last paragraph): at a desk covered by LB the record goes to the distribution site\'s worklist', async () => {
    db = await freshDb();
    const { newCustomer } = await recordTriage(db, newApplication(), { ...AT_BAD_EMS, lbCover: true, distributionSiteId: DIEZ }, ctx());
    expect(newCustomer).toMatchObject({ siteId: DIEZ, recordedAtSiteId: BAD_EMS });
    expect(await worklistOf(db, BAD_EMS, THU_10)).toEqual([]);
    expect(await worklistOf(db, DIEZ, THU_10)).toHaveLength(1);
  });
});

describe('issue 9 item 2: applications by other channels go into the same worklist', () => {
  it('seed §1.1 digital: intake by the end of the 9th working day after the day of application; the activation code is not needed (§4.2)', async () => {
    db = await freshDb();
    const { record, routedTo } = await recordOtherChannelApplication(db, { channel: 'digital', appliedOn: '2026-11-24', person: PERSON }, BAD_EMS, ctx());
    expect(routedTo).toBeNull();
    expect(record.appliedAt).toBe(new Date('2026-11-24T00:00:00+01:00').toISOString());
    expect(record.intakeDueAt).toBe(intakeDueAt(new Date(record.appliedAt), 'digital').toISOString());
    // Tue 24.11.: 9 working days from Wed 25.11. → Mon 07.12., 24:00.
    expect(record.intakeDueAt).toBe(new Date('2026-12-08T00:00:00+01:00').toISOString());
    expect(record.stepActivation).toMatchObject({ outcome: 'not-needed' });
  });

  it('a day of application in the future, or without a channel, is refused in German and writes nothing', async () => {
    db = await freshDb();
    await expect(recordOtherChannelApplication(db, { channel: 'written', appliedOn: '2026-11-27', person: PERSON }, BAD_EMS, ctx())).rejects.toThrow(
      'Der Tag der Antragstellung liegt in der Zukunft.',
    );
    await expect(recordOtherChannelApplication(db, { channel: 'fax' as never, appliedOn: '2026-11-20', person: PERSON }, BAD_EMS, ctx())).rejects.toThrow(
      'Bitte wählen, wie der Antrag einging.',
    );
    expect(await db.newCustomers.count()).toBe(0);
  });
});

describe('issue 9 items 3–4: the same-day steps, ticked with who and when; overdue like tickets', () => {
  it('seed §1.1: four ticks and the invitation are due by 24:00 of the day of application; unticked after it, the steps are overdue', async () => {
    db = await freshDb();
    const { newCustomer } = await recordTriage(db, newApplication(), AT_BAD_EMS, ctx(THU_10));
    const id = newCustomer!.id;
    const ticked = await markStep(db, id, 'stepStep', true, ctx(later(THU_10, 30), 'clerk-kb'));
    expect(ticked.stepStep).toEqual({ at: later(THU_10, 30).toISOString(), by: 'clerk-kb' });
    await markStep(db, id, 'stepVerbis', true, ctx(later(THU_10, 31)));
    await markStep(db, id, 'stepActivation', true, ctx(later(THU_10, 32)), 'handed-out');
    const before = worklistRow((await db.newCustomers.get(id))!, new Date('2026-11-26T23:59:00+01:00'));
    expect(before.steps).toEqual({ done: 3, of: 5, state: 'open' });
    const after = worklistRow((await db.newCustomers.get(id))!, new Date('2026-11-27T00:00:00+01:00'));
    expect(after.steps.state).toBe('overdue');
    // A slip of the key: untick.
    expect((await markStep(db, id, 'stepVerbis', false, ctx(later(THU_10, 33)))).stepVerbis).toBeNull();
    await expect(markStep(db, id, 'stepActivation', true, ctx())).rejects.toThrow('Bitte angeben, ob der Freischaltcode ausgehändigt wurde oder nicht nötig ist.');
  });

  it('the intake check turns overdue at its deadline and is done when LB marks it; the refusal date is flagged when reached', async () => {
    db = await freshDb();
    const { newCustomer } = await recordTriage(db, newApplication(), AT_BAD_EMS, ctx(THU_10));
    const due = new Date(newCustomer!.intakeDueAt);
    expect(worklistRow(newCustomer!, new Date(due.getTime() - 1)).intake).toBe('open');
    expect(worklistRow(newCustomer!, due).intake).toBe('overdue');
    expect(worklistRow(newCustomer!, new Date(newCustomer!.refusalDueAt)).refusalDue).toBe(true);
    const done = await markIntakeDone(db, newCustomer!.id, ctx(later(THU_10, 60), 'lb-1'));
    expect(worklistRow(done, due)).toMatchObject({ closed: true, intake: 'done', refusalDue: false });
    await expect(recordRefusal(db, newCustomer!.id, ctx())).rejects.toThrow('Die Eingangsprüfung ist abgeschlossen.');
  });

  it('seed §1.1 refusal for lack of cooperation closes the case; ticks after it are refused', async () => {
    db = await freshDb();
    const { newCustomer } = await recordTriage(db, newApplication(), AT_BAD_EMS, ctx(THU_10));
    await recordRefusal(db, newCustomer!.id, ctx(later(THU_10, 60)));
    await expect(markStep(db, newCustomer!.id, 'stepStep', true, ctx())).rejects.toThrow(ValidationError);
  });
});

describe('issue 9 item 5 (seed §1.2): group sessions for new customers', () => {
  it('the invitation picks the next session of the site with a free place; a full session is refused; a no-show frees the way for the next invitation', async () => {
    db = await freshDb();
    const first = await addGroupSession(db, { siteId: BAD_EMS, date: '2026-12-01', time: '09:00', room: 'Raum 1.12', capacity: 1 }, ctx());
    const second = await addGroupSession(db, { siteId: BAD_EMS, date: '2026-12-08', time: '09:00', room: 'Raum 1.12', capacity: 10 }, ctx());
    const a = (await recordTriage(db, newApplication(), AT_BAD_EMS, ctx(THU_10))).newCustomer!;
    const b = (await recordTriage(db, newApplication({ ...PERSON, name: 'Max Neu' }), AT_BAD_EMS, ctx(later(THU_10, 5)))).newCustomer!;
    expect(nextFreeSession(await groupSessionsOf(db, BAD_EMS, '2026-11-26'), '2026-11-26')?.session.id).toBe(first.id);
    await inviteToGroupSession(db, a.id, first.id, ctx());
    expect(nextFreeSession(await groupSessionsOf(db, BAD_EMS, '2026-11-26'), '2026-11-26')?.session.id).toBe(second.id);
    await expect(inviteToGroupSession(db, b.id, first.id, ctx())).rejects.toThrow('Die Gruppeninformation am 01.12.2026 ist voll (1 Plätze).');
    // Not yet held: no no-show.
    await expect(recordNoShow(db, a.id, ctx())).rejects.toThrow('Die Gruppeninformation hat noch nicht stattgefunden.');
    const missed = await recordNoShow(db, a.id, ctx(new Date('2026-12-01T12:00:00+01:00')));
    expect(missed.invitation).toBeNull();
    expect(missed.noShows).toEqual([expect.objectContaining({ sessionId: first.id })]);
    await expect(removeGroupSession(db, second.id, ctx())).resolves.toBeUndefined();
  });

  it('seed §1.2 "spätestens alle 14 Tage": a site without a session in the next 14 days is flagged', async () => {
    db = await freshDb();
    expect(sessionGapOf(await groupSessionsOf(db, DIEZ, '2026-11-26'), '2026-11-26').ok).toBe(false);
    await addGroupSession(db, { siteId: DIEZ, date: '2026-12-09', time: '10:00', room: 'Saal', capacity: 20 }, ctx());
    expect(sessionGapOf(await groupSessionsOf(db, DIEZ, '2026-11-26'), '2026-11-26')).toEqual({ ok: true, next: '2026-12-09' });
  });

  it('bad input: a session in the past, without room or with 0 places is refused in German; a session with invitations cannot be removed', async () => {
    db = await freshDb();
    await expect(addGroupSession(db, { siteId: BAD_EMS, date: '2026-11-25', time: '09:00', room: 'R', capacity: 5 }, ctx())).rejects.toThrow('Der Termin liegt in der Vergangenheit.');
    await expect(addGroupSession(db, { siteId: BAD_EMS, date: '2026-12-01', time: '09:00', room: '', capacity: 5 }, ctx())).rejects.toThrow('Bitte den Raum angeben.');
    await expect(addGroupSession(db, { siteId: BAD_EMS, date: '2026-12-01', time: '09:00', room: 'R', capacity: 0 }, ctx())).rejects.toThrow('Mindestens 1 Platz.');
    const s = await addGroupSession(db, { siteId: BAD_EMS, date: '2026-12-01', time: '09:00', room: 'R', capacity: 5 }, ctx());
    const c = (await recordTriage(db, newApplication(), AT_BAD_EMS, ctx())).newCustomer!;
    await inviteToGroupSession(db, c.id, s.id, ctx());
    await expect(removeGroupSession(db, s.id, ctx())).rejects.toThrow('Zu dieser Gruppeninformation sind 1 Personen eingeladen; sie kann nicht gelöscht werden.');
  });
});

describe('issue 9 item 7 (SPEC §9): closed new-customer records are anonymised after the retention period', () => {
  it('closed longer than the period: name, date of birth, BG number and phone go, dates and ticks stay; open records are kept', async () => {
    db = await freshDb();
    const closed = (await recordTriage(db, newApplication(), AT_BAD_EMS, ctx(THU_10))).newCustomer!;
    const open = (await recordTriage(db, newApplication({ ...PERSON, name: 'Offen' }), AT_BAD_EMS, ctx(later(THU_10, 1)))).newCustomer!;
    await markStep(db, closed.id, 'stepStep', true, ctx(later(THU_10, 2)));
    await markIntakeDone(db, closed.id, ctx(later(THU_10, 3)));
    const n = await anonymiseClosedNewCustomers(db, 90, ctx(new Date('2027-03-01T03:00:00+01:00')));
    expect(n).toBe(1);
    const after = (await db.newCustomers.get(closed.id))!;
    expect(after).toMatchObject({ name: ANONYMISED, birthDate: null, bgNumber: null, phone: '' });
    expect(after.stepStep).not.toBeNull();
    expect((await db.newCustomers.get(open.id))!.name).toBe('Offen');
  });
});
