// Before Dexie loads: it takes the global indexedDB when its module is evaluated.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnlaufstelleDB } from '../../../../renderer/src/db/db';
import { ValidationError } from '../../../../renderer/src/db/repositories/base';
import { addClosure, closuresBetween, removeClosure } from '../../../../renderer/src/db/repositories/closures';
import { registerAbsence } from '../../../../renderer/src/db/repositories/absences';
import {
  assignCandidates,
  assignShift,
  draftWeek,
  replaceShift,
  rosterWeek,
  shiftsBetween,
  unassignShift,
} from '../../../../renderer/src/db/repositories/roster';
import { updateSiteStaffing } from '../../../../renderer/src/db/repositories/sites';
import { createStaff, deactivateStaff, updateStaff } from '../../../../renderer/src/db/repositories/staff';
import { BAD_EMS, DIEZ, THU_10, UUID, ctx, freshDb } from './fixture';
import { THU, WEEK, people } from './staffing-fixture';

/**
 * Issue #3 items 1–3 through the write path: staff directory, site sessions, closures and the
 * roster drafted from weekday patterns and edited entry by entry (SPEC §9: stamps, outbox,
 * tombstones; bad input writes nothing).
 */

let db: AnlaufstelleDB;
afterEach(async () => {
  await db?.delete();
});

const weekEnd = '2026-11-29';

describe('issue #3 item 3: the week is drafted from the EZ clerks\' weekday patterns', () => {
  it('one EZ clerk per site and session (Mon, Tue, Thu, Fri), stamped and logged', async () => {
    db = await freshDb();
    const { created } = await draftWeek(db, WEEK, ctx());
    expect(created).toHaveLength(16); // 4 sites × 4 sessions, minStaff 1
    expect(created.some((s) => s.date === '2026-11-25')).toBe(false); // no free access on Wednesday
    for (const s of created) {
      expect(s).toMatchObject({ source: 'pattern', coverSource: null, sessionStart: '08:00', deletedAt: null });
      expect(s.id).toMatch(UUID);
      const person = await db.staff.get(s.staffId);
      expect(person?.roles).toContain('EZ');
      expect(person?.homeSiteId).toBe(s.siteId);
    }
    expect(await db.outbox.where('at').equals(THU_10.toISOString()).count()).toBe(16);
  });

  it('part-time clerks are drafted only on their weekdays', async () => {
    db = await freshDb();
    await draftWeek(db, WEEK, ctx());
    for (const s of await shiftsBetween(db, WEEK, weekEnd)) {
      const person = (await db.staff.get(s.staffId))!;
      expect(person.weekdays).toContain(new Date(`${s.date}T12:00:00Z`).getUTCDay());
    }
  });

  it('is idempotent and never refills a session emptied by hand', async () => {
    db = await freshDb();
    const { created: first } = await draftWeek(db, WEEK, ctx());
    expect((await draftWeek(db, WEEK, ctx())).created).toEqual([]);
    const thuBadEms = first.find((s) => s.siteId === BAD_EMS && s.date === THU)!;
    await unassignShift(db, thuBadEms.id, ctx());
    expect((await draftWeek(db, WEEK, ctx())).created).toEqual([]);
    expect((await shiftsBetween(db, THU, THU)).some((s) => s.siteId === BAD_EMS)).toBe(false);
    expect((await db.shifts.get(thuBadEms.id))?.deletedAt).toBe(THU_10.toISOString()); // tombstone
  });

  it('no session on a DE-RP holiday (Fronleichnam 2026-06-04) nor on closure days', async () => {
    db = await freshDb();
    expect((await draftWeek(db, '2026-06-01', ctx())).created).toHaveLength(12);
    await addClosure(db, { siteId: null, from: '2026-11-27', reason: 'Personalversammlung' }, ctx());
    await addClosure(db, { siteId: DIEZ, from: '2026-11-23', to: '2026-11-24', reason: 'Umzug' }, ctx());
    const { created: drafted } = await draftWeek(db, WEEK, ctx());
    expect(drafted).toHaveLength(16 - 4 - 2);
    const closedSessions = (await rosterWeek(db, WEEK)).filter((s) => s.closed !== null);
    expect(closedSessions.map((s) => s.closed)).toContain('Geschlossen: Umzug');
  });

  it('refuses a week that does not start on Monday', async () => {
    db = await freshDb();
    await expect(draftWeek(db, THU, ctx())).rejects.toThrow('Eine Woche beginnt am Montag.');
  });
});

describe('issue #3 item 3: editing the roster entry by entry', () => {
  it('assigns by hand, replaces and unassigns', async () => {
    db = await freshDb();
    const [a, b] = await people(db, BAD_EMS, 'EZ');
    const { shift } = await assignShift(db, { siteId: BAD_EMS, date: THU, sessionStart: '08:00', staffId: a!.id }, ctx());
    expect(shift).toMatchObject({ source: 'manual', siteId: BAD_EMS, date: THU });
    const { shift: replaced } = await replaceShift(db, shift.id, b!.id, ctx());
    expect(replaced.staffId).toBe(b!.id);
    expect((await shiftsBetween(db, THU, THU)).map((s) => s.staffId)).toEqual([b!.id]);
    await unassignShift(db, replaced.id, ctx());
    expect(await shiftsBetween(db, THU, THU)).toEqual([]);
  });

  it.each([
    ['a Wednesday (no session)', { date: '2026-11-25' }, 'Die Anlaufstelle Bad Ems hat an diesem Tag keine Öffnungszeit um 08:00 Uhr.'],
    ['a holiday', { date: '2026-12-25' }, 'Die Anlaufstelle Bad Ems ist an diesem Tag geschlossen: Feiertag (1. Weihnachtstag).'],
    ['a malformed time', { sessionStart: '8 Uhr' }, 'Uhrzeit im Format HH:MM angeben.'],
  ])('refuses %s with a German message and writes nothing', async (_case, change, message) => {
    db = await freshDb();
    const [a] = await people(db, BAD_EMS, 'EZ');
    const before = await db.outbox.count();
    await expect(
      assignShift(db, { siteId: BAD_EMS, date: THU, sessionStart: '08:00', staffId: a!.id, ...change }, ctx()),
    ).rejects.toThrow(message);
    expect(await db.outbox.count()).toBe(before);
    expect(await db.shifts.count()).toBe(0);
  });

  it.each([
    ['an EZ clerk of another site (cross-site cover: TL Eingangszone decides, within the lending limit)', DIEZ, 'EZ'],
    ['an LB clerk of the site (LB cover: TL Leistung coordinates and must hear of it)', BAD_EMS, 'LB'],
  ] as const)('seed §4.5: the roster takes the site\'s own EZ clerks only – %s is cover, decided on the board', async (_who, home, role) => {
    db = await freshDb();
    const [person] = await people(db, home, role);
    const before = await db.outbox.count();

    const refused = assignShift(db, { siteId: BAD_EMS, date: THU, sessionStart: '08:00', staffId: person!.id }, ctx());

    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    await expect(refused).rejects.toThrow(`Im Besetzungsplan stehen nur die Kräfte der Eingangszone Bad Ems. ${person!.name} kann nur als Vertretung`);
    expect(await db.outbox.count()).toBe(before);
    expect(await db.shifts.count()).toBe(0);
  });
});

describe('issue #3 items 1–2: staff directory, sessions and closures', () => {
  it('creates a person with several roles and a part-time pattern; refuses bad input', async () => {
    db = await freshDb();
    const p = await createStaff(db, { name: ' Dana Schulz ', homeSiteId: DIEZ, roles: ['LB', 'EZ'], weekdays: [5, 1, 1] }, ctx());
    expect(p).toMatchObject({ name: 'Dana Schulz', roles: ['EZ', 'LB'], weekdays: [1, 5], active: true });
    await expect(createStaff(db, { name: 'X Y', homeSiteId: DIEZ, roles: [], weekdays: [1] }, ctx())).rejects.toThrow(
      'Bitte mindestens eine Rolle wählen.',
    );
    await expect(createStaff(db, { name: 'X Y', homeSiteId: 'nowhere', roles: ['EZ'], weekdays: [1] }, ctx())).rejects.toThrow(
      ValidationError,
    );
    // A patch changes only what it names.
    const { staff: renamed } = await updateStaff(db, p.id, { name: 'Dana Schulz-Weber' }, ctx());
    expect(renamed).toMatchObject({ name: 'Dana Schulz-Weber', roles: ['EZ', 'LB'], weekdays: [1, 5], active: true });
  });

  it('deactivating a person removes their roster entries from today on, not the past', async () => {
    db = await freshDb();
    await draftWeek(db, WEEK, ctx());
    const monday = (await shiftsBetween(db, WEEK, WEEK)).find((s) => s.siteId === BAD_EMS)!;
    const fromToday = (await shiftsBetween(db, THU, weekEnd)).filter((s) => s.staffId === monday.staffId);
    expect(fromToday.length).toBeGreaterThan(0);
    const { removedShifts } = await deactivateStaff(db, monday.staffId, ctx());
    const left = await shiftsBetween(db, WEEK, weekEnd);
    expect(left.some((s) => s.staffId === monday.staffId && s.date >= THU)).toBe(false);
    expect(left.some((s) => s.id === monday.id)).toBe(true);
    expect(removedShifts).toBe(fromToday.length);
    expect((await db.staff.get(monday.staffId))?.active).toBe(false);
  });

  it('site sessions and minimum staff: the next draft follows them', async () => {
    db = await freshDb();
    await updateSiteStaffing(
      db,
      BAD_EMS,
      { minStaff: 2, sessions: [{ weekday: 3, start: '08:00', end: '12:00' }, { weekday: 1, start: '08:00', end: '12:00' }] },
      ctx(),
    );
    const drafted = (await draftWeek(db, WEEK, ctx())).created.filter((s) => s.siteId === BAD_EMS);
    // Monday: two clerks; Wednesday: only the full-time clerk works Wednesdays – the gap shows on the board.
    expect(drafted.map((s) => s.date).sort()).toEqual(['2026-11-23', '2026-11-23', '2026-11-25']);
    await expect(
      updateSiteStaffing(db, BAD_EMS, { minStaff: 1, sessions: [{ weekday: 1, start: '12:00', end: '08:00' }] }, ctx()),
    ).rejects.toThrow('Das Ende der Öffnungszeit muss nach dem Beginn liegen.');
    await expect(
      updateSiteStaffing(db, BAD_EMS, { minStaff: 0, sessions: [] }, ctx()),
    ).rejects.toThrow('Die Mindestbesetzung ist mindestens 1.');
  });

  it('closures: a range, skipping days already closed, and reopening', async () => {
    db = await freshDb();
    const made = await addClosure(db, { siteId: BAD_EMS, from: '2026-11-23', to: '2026-11-24', reason: 'Umbau' }, ctx());
    expect(made).toHaveLength(2);
    await expect(addClosure(db, { siteId: BAD_EMS, from: '2026-11-23', reason: 'Umbau' }, ctx())).rejects.toThrow(
      'Diese Tage sind bereits als Schließtage eingetragen.',
    );
    await expect(addClosure(db, { siteId: BAD_EMS, from: '2026-11-24', to: '2026-11-23', reason: 'Umbau' }, ctx())).rejects.toThrow(
      'Der letzte Schließtag liegt vor dem ersten.',
    );
    await removeClosure(db, made[0]!.id, ctx());
    expect((await closuresBetween(db, WEEK, weekEnd)).map((c) => c.date)).toEqual(['2026-11-24']);
  });
});

describe('issue #3 item 3: candidates for a keyboard picker', () => {
  it('offers the site\'s EZ clerks only (seed §4.5: other cover is decided on the board), present before absent', async () => {
    db = await freshDb();
    const [a, b, c] = await people(db, BAD_EMS, 'EZ');
    const [dz] = await people(db, DIEZ, 'EZ');
    await assignShift(db, { siteId: BAD_EMS, date: THU, sessionStart: '08:00', staffId: a!.id }, ctx());
    await assignShift(db, { siteId: DIEZ, date: THU, sessionStart: '08:00', staffId: dz!.id }, ctx());
    await registerAbsence(db, { staffId: b!.id, from: THU, to: THU, reason: 'vacation' }, ctx());
    const list = await assignCandidates(db, { siteId: BAD_EMS, date: THU, sessionStart: '08:00' });
    // a is already at this desk; no LB, no clerk of another site.
    expect(list.map((x) => [x.staff.id, x.absent])).toEqual([
      [c!.id, false],
      [b!.id, true],
    ]);
  });
});
