// Before Dexie loads: it takes the global indexedDB when its module is evaluated.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnlaufstelleDB } from '../../../../renderer/src/db/db';
import { absencesBetween, cancelAbsence, listAbsences, registerAbsence, updateAbsence } from '../../../../renderer/src/db/repositories/absences';
import { sessionCell } from '../../../../renderer/src/db/repositories/cover';
import { inboxForRole } from '../../../../renderer/src/db/repositories/inbox';
import { draftWeek } from '../../../../renderer/src/db/repositories/roster';
import { BAD_EMS, ctx, freshDb } from './fixture';
import { THU, THU_0730, TWO_WEEKS_BEFORE, WEEK, as, people } from './staffing-fixture';

const TODAY_ISO = THU_0730.toISOString();

/**
 * Issue #3 item 4: absences, classified planned/unplanned on registration ("registered on the day
 * itself or the working day before counts as unplanned unless marked otherwise"), and the gaps they
 * open reported to the deciders at once (seed §4.5 "so früh wie möglich").
 */

let db: AnlaufstelleDB;
afterEach(async () => {
  await db?.delete();
});

const sickToday = (staffId: string) => ({ staffId, from: THU, to: THU, reason: 'sickness' as const });

describe('issue #3 item 4: the kind is classified on registration', () => {
  it('registered on the day itself → unplanned; two weeks ahead → planned', async () => {
    db = await freshDb();
    const [a, b] = await people(db, BAD_EMS, 'EZ');
    const sick = await registerAbsence(db, sickToday(a!.id), ctx(THU_0730));
    expect(sick.absence).toMatchObject({ kind: 'unplanned', kindOverridden: false, halfDay: 'none', registeredAt: THU_0730.toISOString() });
    const vacation = await registerAbsence(db, { staffId: b!.id, from: THU, to: '2026-11-27', reason: 'vacation' }, ctx(TWO_WEEKS_BEFORE));
    expect(vacation.absence.kind).toBe('planned');
  });

  it('"unless marked otherwise": a marked kind wins and is recorded as such', async () => {
    db = await freshDb();
    const [a] = await people(db, BAD_EMS, 'EZ');
    const { absence } = await registerAbsence(db, { ...sickToday(a!.id), reason: 'training', kind: 'planned' }, ctx(THU_0730));
    expect(absence).toMatchObject({ kind: 'planned', kindOverridden: true });
  });

  it('refuses an overlapping absence of the same person, but a morning and an afternoon share a day', async () => {
    db = await freshDb();
    const [a] = await people(db, BAD_EMS, 'EZ');
    await registerAbsence(db, { ...sickToday(a!.id), halfDay: 'am' }, ctx(THU_0730));
    await registerAbsence(db, { ...sickToday(a!.id), halfDay: 'pm', reason: 'training' }, ctx(THU_0730));
    const before = await db.absences.count();
    await expect(registerAbsence(db, { staffId: a!.id, from: '2026-11-25', to: THU, reason: 'vacation' }, ctx(THU_0730))).rejects.toThrow(
      `Für ${a!.name} ist in diesem Zeitraum bereits eine Abwesenheit eingetragen (Krankheit, Do, 26.11.2026, vormittags).`,
    );
    expect(await db.absences.count()).toBe(before);
  });

  it.each([
    ['a range ending before it starts', { from: THU, to: '2026-11-25' }, 'Der letzte Tag liegt vor dem ersten Tag.'],
    ['a half day over several days', { from: THU, to: '2026-11-27', halfDay: 'am' as const }, 'Einen halben Tag nur bei einer eintägigen Abwesenheit angeben (sonst zwei Abwesenheiten eintragen).'],
    ['no reason', { reason: undefined }, 'Bitte den Grund der Abwesenheit wählen.'],
  ])('refuses %s with a German message and writes nothing', async (_case, change, message) => {
    db = await freshDb();
    const [a] = await people(db, BAD_EMS, 'EZ');
    await expect(registerAbsence(db, { ...sickToday(a!.id), ...change } as never, ctx(THU_0730))).rejects.toThrow(message);
    expect(await db.absences.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('issue #3 item 4: sickness is unplanned even when registered weeks ahead; vacation then is planned', async () => {
    db = await freshDb();
    const [a, b] = await people(db, BAD_EMS, 'EZ');
    const sick = await registerAbsence(db, { staffId: a!.id, from: THU, to: THU, reason: 'sickness' }, ctx(TWO_WEEKS_BEFORE));
    expect(sick.absence).toMatchObject({ kind: 'unplanned', kindOverridden: false });
    const vacation = await registerAbsence(db, { staffId: b!.id, from: THU, to: THU, reason: 'vacation' }, ctx(TWO_WEEKS_BEFORE));
    expect(vacation.absence.kind).toBe('planned');
  });

  it('issue #3 item 4: an extension is a registration of the added days only – a vacation 30.11.–04.12. extended on 02.12. to 11.12. stays planned, and so does the week of 07.12.', async () => {
    db = await freshDb();
    const [a] = await people(db, BAD_EMS, 'EZ');
    const { absence } = await registerAbsence(db, { staffId: a!.id, from: '2026-11-30', to: '2026-12-04', reason: 'vacation' }, ctx(TWO_WEEKS_BEFORE));
    const wed = new Date('2026-12-02T10:00:00+01:00');
    const extended = await updateAbsence(db, absence.id, { to: '2026-12-11' }, ctx(wed));
    expect(extended.absence).toMatchObject({ from: '2026-11-30', to: '2026-12-04', kind: 'planned', registeredAt: TWO_WEEKS_BEFORE.toISOString() });
    expect(extended.added.map((x) => [x.from, x.to, x.kind, x.registeredAt])).toEqual([['2026-12-05', '2026-12-11', 'planned', wed.toISOString()]]);
    expect((await absencesBetween(db, '2026-11-30', '2026-12-11')).map((x) => [x.from, x.to, x.kind])).toEqual([
      ['2026-11-30', '2026-12-04', 'planned'],
      ['2026-12-05', '2026-12-11', 'planned'],
    ]);
  });

  it('issue #3 item 4: a vacation extended on its last day by the next day adds a short-notice (unplanned) day; the note alone changes nothing', async () => {
    db = await freshDb();
    const [a] = await people(db, BAD_EMS, 'EZ');
    const { absence } = await registerAbsence(db, { staffId: a!.id, from: THU, to: THU, reason: 'vacation' }, ctx(TWO_WEEKS_BEFORE));
    const extended = await updateAbsence(db, absence.id, { to: '2026-11-27' }, ctx(THU_0730));
    expect(extended.absence).toMatchObject({ kind: 'planned', to: THU, registeredAt: TWO_WEEKS_BEFORE.toISOString() });
    expect(extended.added).toMatchObject([{ from: '2026-11-27', to: '2026-11-27', kind: 'unplanned', registeredAt: THU_0730.toISOString() }]);
    const noteOnly = await updateAbsence(db, absence.id, { note: 'verlängert' }, ctx(THU_0730));
    expect(noteOnly.absence.registeredAt).toBe(TWO_WEEKS_BEFORE.toISOString());
    expect(noteOnly.added).toEqual([]);
  });

  it('cancelling tombstones it', async () => {
    db = await freshDb();
    const [a] = await people(db, BAD_EMS, 'EZ');
    const { absence } = await registerAbsence(db, { staffId: a!.id, from: THU, to: THU, reason: 'sickness' }, ctx(TWO_WEEKS_BEFORE));
    await cancelAbsence(db, absence.id, ctx(THU_0730));
    expect(await absencesBetween(db, WEEK, '2026-11-29')).toEqual([]);
    expect((await db.absences.get(absence.id))?.deletedAt).toBe(THU_0730.toISOString());
  });
});

describe('seed §4.5: an absence that opens a gap reaches the deciders at once', () => {
  it('the rostered clerk is sick today → the site FM is asked to decide same-site EZ cover', async () => {
    db = await freshDb();
    await draftWeek(db, WEEK, ctx(THU_0730));
    const rostered = (await db.shifts.where('[siteId+date]').equals([BAD_EMS, THU]).first())!;
    const outcome = await registerAbsence(db, sickToday(rostered.staffId), ctx(THU_0730));

    const cell = (await sessionCell(db, { siteId: BAD_EMS, date: THU, sessionStart: '08:00' }, THU_0730))!;
    expect(cell.status).toBe('at-risk');
    expect(cell.proposals.map((p) => [p.source, p.decidedBy])).toEqual([['ez-same-site', 'FM']]);

    expect(outcome.messages.map((m) => [m.recipientRole, m.siteId])).toEqual([['FM', BAD_EMS]]);
    expect(outcome.messages[0]!.title).toBe('Vertretung an der Anlaufstelle – bitte entscheiden');
    expect(outcome.notifications[0]).toMatchObject({ title: outcome.messages[0]!.title, tag: `inbox:${outcome.messages[0]!.id}` });
    expect(await inboxForRole(db, 'FM', BAD_EMS)).toHaveLength(1);
  });

  it('all EZ clerks of a site sick → LB cover proposed; TL Leistung hears of it when it is proposed', async () => {
    db = await freshDb();
    await draftWeek(db, WEEK, ctx(THU_0730));
    const clerks = await people(db, BAD_EMS, 'EZ');
    let last;
    for (const c of clerks) last = await registerAbsence(db, sickToday(c.id), ctx(THU_0730));
    const recipients = last!.messages.map((m) => m.recipientRole).sort();
    expect(recipients).toEqual(['FM', 'TL_EZ', 'TL_LB']);
    const tlLb = (await inboxForRole(db, 'TL_LB'))[0]!;
    expect(tlLb.body).toMatch(/Vorschlag .* \(Leistungsbereich vor Ort\) – entscheidet Teamleitung Leistung\./);
  });

  it('GDPR Art. 9: messages, OS notifications and the board say "ungeplant abwesend", never the reason "Krankheit"', async () => {
    db = await freshDb();
    await draftWeek(db, WEEK, ctx(THU_0730));
    const clerks = await people(db, BAD_EMS, 'EZ');
    const outcomes = [];
    for (const c of clerks) outcomes.push(await registerAbsence(db, sickToday(c.id), ctx(THU_0730)));
    const stored = await db.inbox.toArray();
    expect(stored.length).toBeGreaterThan(0);
    const texts = [
      ...stored.flatMap((m) => [m.title, m.body]),
      ...outcomes.flatMap((o) => o.notifications.flatMap((n) => [n.title, n.body])),
      (await sessionCell(db, { siteId: BAD_EMS, date: THU, sessionStart: '08:00' }, THU_0730))!.reason,
    ];
    for (const t of texts) expect(t).not.toMatch(/Krankheit/);
    expect(stored.some((m) => m.body.includes('ungeplant abwesend'))).toBe(true);
  });

  it('an absence of someone not on the roster (or in the past) sends nothing', async () => {
    db = await freshDb();
    const lb = await people(db, BAD_EMS, 'LB');
    const outcome = await registerAbsence(db, sickToday(lb[0]!.id), ctx(THU_0730));
    expect(outcome.messages).toEqual([]);
    expect(await db.inbox.count()).toBe(0);
  });
});

describe('issue 10 item 4: every absence can be found in a list to withdraw it', () => {
  it('current and coming however far ahead, past ones latest first, all; and per person', async () => {
    db = await freshDb();
    const [a, b] = await people(db, BAD_EMS, 'EZ');
    const stamp = { createdAt: TODAY_ISO, createdBy: 'import', updatedAt: TODAY_ISO, updatedBy: 'import', deletedAt: null };
    const row = (id: string, staffId: string, from: string, to: string) => ({
      ...stamp, id, staffId, from, to, halfDay: 'none' as const, kind: 'planned' as const, reason: 'vacation' as const,
      registeredAt: TODAY_ISO, kindOverridden: false, note: '',
    });
    // Written before the date window existed: a year typed wrong at either end, and a normal one.
    await db.absences.bulkPut([
      row('old', a!.id, '1900-01-01', '1900-01-01'),
      row('far', a!.id, '9999-12-31', '9999-12-31'),
      row('soon', b!.id, '2026-11-30', '2026-12-04'),
      row('last-month', b!.id, '2026-10-05', '2026-10-09'),
      { ...row('gone', b!.id, '2026-10-12', '2026-10-12'), deletedAt: TODAY_ISO },
    ]);
    const ids = async (o: Parameters<typeof listAbsences>[1]) => (await listAbsences(db, o)).rows.map((x) => x.id);

    expect(await ids({ when: 'current', today: THU })).toEqual(['soon', 'far']);
    expect(await ids({ when: 'past', today: THU })).toEqual(['last-month', 'old']);
    expect(await ids({ when: 'all', today: THU })).toEqual(['old', 'last-month', 'soon', 'far']);
    expect(await ids({ when: 'all', today: THU, staffId: a!.id })).toEqual(['old', 'far']);
    expect(await listAbsences(db, { when: 'all', today: THU, limit: 3 })).toMatchObject({ more: true });

    await cancelAbsence(db, 'far', as('system', THU_0730));
    expect(await ids({ when: 'current', today: THU })).toEqual(['soon']);
  });
});
