// Before Dexie loads: it takes the global indexedDB when its module is evaluated.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { InboxMessage } from '@shared/model';
import type { AnlaufstelleDB } from '../../../../renderer/src/db/db';
import { cancelAbsence, registerAbsence, updateAbsence } from '../../../../renderer/src/db/repositories/absences';
import { acceptCover, sessionCell, withdrawDecision } from '../../../../renderer/src/db/repositories/cover';
import { inboxForRole } from '../../../../renderer/src/db/repositories/inbox';
import { assignShift, draftWeek, replaceShift, unassignShift } from '../../../../renderer/src/db/repositories/roster';
import { updateSiteStaffing } from '../../../../renderer/src/db/repositories/sites';
import { deactivateStaff } from '../../../../renderer/src/db/repositories/staff';
import { seedStaffingDemo } from '../../../../renderer/src/db/repositories/staffing-demo';
import { BAD_EMS, DIEZ, freshDb } from './fixture';
import { LAHNSTEIN, NASTAETTEN, THU, THU_0730, TWO_WEEKS_BEFORE, as, onePerson, people } from './staffing-fixture';

/**
 * Seed §4.5 "Sofern eine Vertretungsregelung durch den Leistungsbereich notwendig wird, ist die
 * jeweils zuständige Teamleitung Leistung so früh wie möglich zu informieren": not only the absent
 * person's own desk duty counts. planDeskCover decides a session for all sites at once, so a free
 * clerk's absence can move another gap's proposal (to LB cover, to another lender); registering,
 * changing or withdrawing an absence tells the roles concerned exactly what changed.
 */

let db: AnlaufstelleDB;
afterEach(async () => {
  await db?.delete();
});

const NA_THU = { siteId: NASTAETTEN, date: THU, sessionStart: '08:00' };
const sickToday = (staffId: string) => ({ staffId, from: THU, to: THU, reason: 'sickness' as const });
const to = (messages: readonly InboxMessage[]) => messages.map((m) => [m.recipientRole, m.siteId]);
const cellAt = async (ref: { siteId: string; date: string; sessionStart: string }, now: Date) => (await sessionCell(db, ref, now))!;

/** The demo's Thursday: Nastätten's rostered clerk called in sick this morning (staffing-demo.ts). */
async function nastaettenAfterDemoSickNote() {
  db = await freshDb(THU_0730);
  await seedStaffingDemo(db, THU_0730);
  const cell = await cellAt(NA_THU, THU_0730);
  expect(cell.status).toBe('at-risk');
  expect(cell.proposals.map((p) => p.source)).toEqual(['ez-same-site']);
  const sick = cell.desk.find((d) => d.absence !== null)!;
  const proposed = cell.proposals[0]!.staffId;
  const ez = (await people(db, NASTAETTEN, 'EZ')).map((p) => p.id);
  const other = ez.find((id) => id !== proposed && id !== sick.staffId)!;
  return { sickAbsenceId: sick.absence!.id, proposed, other };
}

describe('seed §4.5: a free clerk\'s absence that changes another gap is told at once', () => {
  it('TL Leistung is informed as early as possible when a free clerk\'s absence turns a gap into LB cover', async () => {
    const { proposed, other } = await nastaettenAfterDemoSickNote();

    // The free clerk nobody proposed: the gap's proposal stays – nothing to tell.
    const first = await registerAbsence(db, sickToday(other), as('system', THU_0730));
    expect(first.messages).toEqual([]);

    // The last free EZ clerk of Nastätten: on short notice the Leistungsbereich on site covers.
    const outcome = await registerAbsence(db, sickToday(proposed), as('system', THU_0730));
    const cell = await cellAt(NA_THU, THU_0730);
    expect(cell.proposals.map((p) => [p.source, p.decidedBy])).toEqual([['lb-same-site', 'TL_LB']]);
    const lb = cell.proposals[0]!;

    expect(to(outcome.messages).sort()).toEqual([
      ['FM', NASTAETTEN],
      ['TL_EZ', NASTAETTEN],
      ['TL_LB', NASTAETTEN],
    ]);
    const tlLb = outcome.messages.find((m) => m.recipientRole === 'TL_LB')!;
    expect(tlLb.title).toBe('Vertretung an der Anlaufstelle – bitte entscheiden');
    expect(tlLb.body).toContain(`Nastätten, Do, 26.11.2026, 08:00–12:00: Vorschlag ${lb.name} (Leistungsbereich vor Ort) – entscheidet Teamleitung Leistung.`);
    expect(tlLb.refs).toMatchObject({ ...NA_THU, absenceId: outcome.absence.id });
    // The FM who was asked to decide the EZ clerk hears that this proposal is void.
    const fm = outcome.messages.find((m) => m.recipientRole === 'FM')!;
    expect(fm.body).toMatch(/Vorschlag .* \(Eingangszone des Standorts\) entfällt – die Besetzung hat sich geändert\./);
    expect(outcome.notifications.map((n) => n.tag)).toEqual(outcome.messages.map((m) => `inbox:${m.id}`));
    expect(await inboxForRole(db, 'TL_LB')).toHaveLength(1);
  });

  it('a lender\'s absence that ends another site\'s cross-site proposal informs that site\'s deciders', async () => {
    // Monday 30.11.: two EZ clerks work at every site (one rostered, one free), so each site may lend one.
    const MON = '2026-11-30';
    const DZ_MON = { siteId: DIEZ, date: MON, sessionStart: '08:00' };
    const away = (staffId: string) => registerAbsence(db, { staffId, from: MON, to: MON, reason: 'vacation' }, as('system', TWO_WEEKS_BEFORE));
    const free = async (siteId: string) => {
      const rostered = (await db.shifts.where('[siteId+date]').equals([siteId, MON]).first())!.staffId;
      return (await people(db, siteId, 'EZ')).find((p) => p.id !== rostered && p.weekdays.includes(1))!;
    };
    db = await freshDb(TWO_WEEKS_BEFORE);
    await draftWeek(db, MON, as('system', TWO_WEEKS_BEFORE));
    await away((await db.shifts.where('[siteId+date]').equals([DIEZ, MON]).first())!.staffId);
    await away((await free(DIEZ)).id);
    const lent = (await cellAt(DZ_MON, TWO_WEEKS_BEFORE)).proposals;
    const badEmsClerk = await free(BAD_EMS);
    expect(lent.map((p) => [p.staffId, p.source, p.decidedBy])).toEqual([[badEmsClerk.id, 'ez-other-site', 'TL_EZ']]);

    // Bad Ems's free clerk goes on vacation: Bad Ems can no longer lend, Lahnstein lends instead.
    const outcome = await away(badEmsClerk.id);
    const next = (await cellAt(DZ_MON, TWO_WEEKS_BEFORE)).proposals[0]!;
    expect([next.homeSiteId, next.source]).toEqual([LAHNSTEIN, 'ez-other-site']);
    expect(to(outcome.messages).sort()).toEqual([
      ['FM', BAD_EMS],
      ['FM', DIEZ],
      ['FM', LAHNSTEIN],
      ['TL_EZ', DIEZ],
    ]);
    const tlEz = outcome.messages.find((m) => m.recipientRole === 'TL_EZ')!;
    expect(tlEz.title).toBe('Vertretung an der Anlaufstelle – bitte entscheiden');
    expect(tlEz.body).toContain(`Diez, Mo, 30.11.2026, 08:00–12:00: Vorschlag ${badEmsClerk.name} (Eingangszone eines anderen Standorts) entfällt`);
    expect(tlEz.body).toContain(`Vorschlag ${next.name} (Eingangszone eines anderen Standorts) – entscheidet Teamleitung Eingangszone.`);
    const lender = outcome.messages.find((m) => m.recipientRole === 'FM' && m.siteId === BAD_EMS)!;
    expect(lender.title).toBe('Vertretung an der Anlaufstelle – zur Kenntnis');

    // The last lenders go too: no EZ clerk can be lent, the planned gap falls to LB – TL Leistung hears of it.
    expect((await away((await free(LAHNSTEIN)).id)).messages.length).toBeGreaterThan(0);
    const last = await away((await free(NASTAETTEN)).id);
    expect((await cellAt(DZ_MON, TWO_WEEKS_BEFORE)).proposals.map((p) => p.source)).toEqual(['lb-same-site']);
    expect(to(last.messages)).toContainEqual(['TL_LB', DIEZ]);
  });
});

describe('seed §4.5: only what changed is told – no duplicate messages', () => {
  it('a change that leaves the board as it was sends nothing again (note, kind, an unrelated free clerk)', async () => {
    db = await freshDb(THU_0730);
    await draftWeek(db, '2026-11-23', as('system', THU_0730));
    const rostered = (await db.shifts.where('[siteId+date]').equals([BAD_EMS, THU]).first())!;
    const sick = await registerAbsence(db, sickToday(rostered.staffId), as('system', THU_0730));
    expect(to(sick.messages)).toEqual([['FM', BAD_EMS]]);
    const inbox = await db.inbox.count();

    expect((await updateAbsence(db, sick.absence.id, { note: 'AU liegt vor' }, as('system', THU_0730))).messages).toEqual([]);
    // Same proposal whether the gap is planned or unplanned: nothing new to decide.
    expect((await updateAbsence(db, sick.absence.id, { kind: 'planned' }, as('system', THU_0730))).messages).toEqual([]);
    const lbOfDiez = (await people(db, DIEZ, 'LB'))[0]!;
    expect((await registerAbsence(db, sickToday(lbOfDiez.id), as('system', THU_0730))).messages).toEqual([]);
    expect(await db.inbox.count()).toBe(inbox);
  });

  it('sessions not drafted yet hold no gap: an absence there tells nobody', async () => {
    db = await freshDb(TWO_WEEKS_BEFORE);
    const [a] = await people(db, BAD_EMS, 'EZ');
    const outcome = await registerAbsence(db, { staffId: a!.id, from: '2026-12-07', to: '2026-12-18', reason: 'vacation' }, as('system', TWO_WEEKS_BEFORE));
    expect(outcome.messages).toEqual([]);
    expect(await db.inbox.count()).toBe(0);
  });
});

describe('seed §4.5: withdrawing an absence informs nobody wrongly', () => {
  it('the free clerk is back → FM decides the EZ proposal again, TL Leistung hears the LB cover is void; the sick clerk back → the gap is closed, nobody asked to decide', async () => {
    const { proposed, other, sickAbsenceId } = await nastaettenAfterDemoSickNote();
    await registerAbsence(db, sickToday(other), as('system', THU_0730));
    const free = await registerAbsence(db, sickToday(proposed), as('system', THU_0730));
    const lb = (await cellAt(NA_THU, THU_0730)).proposals[0]!;
    expect(lb.source).toBe('lb-same-site');

    const back = await cancelAbsence(db, free.absence.id, as('system', THU_0730));
    expect(back.absence.deletedAt).toBe(THU_0730.toISOString());
    expect((await cellAt(NA_THU, THU_0730)).proposals.map((p) => [p.staffId, p.decidedBy])).toEqual([[proposed, 'FM']]);
    const byRole = new Map(back.messages.map((m) => [m.recipientRole, m]));
    expect([...byRole.keys()].sort()).toEqual(['FM', 'TL_EZ', 'TL_LB']);
    expect(byRole.get('FM')!.title).toBe('Vertretung an der Anlaufstelle – bitte entscheiden');
    expect(byRole.get('TL_LB')!.title).toBe('Vertretung an der Anlaufstelle – zur Kenntnis');
    expect(byRole.get('TL_LB')!.body).toContain(`Abwesenheit von`);
    expect(byRole.get('TL_LB')!.body).toContain(`zurückgenommen`);
    expect(byRole.get('TL_LB')!.body).toContain(`Vorschlag ${lb.name} (Leistungsbereich vor Ort) entfällt – die Besetzung hat sich geändert.`);

    // The sick clerk's note withdrawn: the desk is staffed again. Only the FM, who was asked to
    // decide the EZ proposal, hears it is void – nobody is asked to decide, GF is not involved.
    const closed = await cancelAbsence(db, sickAbsenceId, as('system', THU_0730));
    expect((await cellAt(NA_THU, THU_0730)).status).toBe('covered');
    expect(to(closed.messages)).toEqual([['FM', NASTAETTEN]]);
    expect(closed.messages[0]!.title).toBe('Vertretung an der Anlaufstelle – zur Kenntnis');
    expect(closed.messages[0]!.body).toMatch(/Vorschlag .* \(Eingangszone des Standorts\) entfällt – die Anlaufstelle ist besetzt\./);
    expect(closed.notifications).toHaveLength(1);
  });

  it('cover already accepted stays on the roster: withdrawing the sick note then tells nobody', async () => {
    const { sickAbsenceId } = await nastaettenAfterDemoSickNote();
    const proposal = (await cellAt(NA_THU, THU_0730)).proposals[0]!;
    await acceptCover(db, { ...NA_THU, staffId: proposal.staffId }, as(await onePerson(db, 'FM', NASTAETTEN), THU_0730));
    const inbox = await db.inbox.count();
    const outcome = await cancelAbsence(db, sickAbsenceId, as('system', THU_0730));
    expect(outcome.messages).toEqual([]);
    expect(await db.inbox.count()).toBe(inbox);
  });
});

describe('seed §4.5 "so früh wie möglich": every write that opens a gap tells the deciders, not only absences', () => {
  const BE_THU = { siteId: BAD_EMS, date: THU, sessionStart: '08:00' };
  const siteFmAsked = (messages: readonly InboxMessage[]) =>
    messages.some((m) => m.recipientRole === 'FM' && m.siteId === BAD_EMS && m.title === 'Vertretung an der Anlaufstelle – bitte entscheiden');
  async function drafted() {
    db = await freshDb(THU_0730);
    await draftWeek(db, '2026-11-23', as('system', THU_0730));
    return (await db.shifts.where('[siteId+date]').equals([BAD_EMS, THU]).first())!;
  }

  it('drafting a week with a clerk known to be absent asks the decider at once', async () => {
    db = await freshDb(TWO_WEEKS_BEFORE);
    const MON = '2026-11-30';
    for (const c of await people(db, BAD_EMS, 'EZ')) {
      if (c.weekdays.includes(1)) await registerAbsence(db, { staffId: c.id, from: MON, to: MON, reason: 'vacation' }, as('system', TWO_WEEKS_BEFORE));
    }
    const draft = await draftWeek(db, MON, as('system', TWO_WEEKS_BEFORE));
    const about = draft.messages.filter((m) => m.body.includes('Bad Ems, Mo, 30.11.2026'));
    expect(about.length).toBeGreaterThan(0);
    expect(about.some((m) => m.title === 'Vertretung an der Anlaufstelle – bitte entscheiden')).toBe(true);
    expect(draft.notifications).toHaveLength(draft.messages.length);
    expect((await draftWeek(db, MON, as('system', TWO_WEEKS_BEFORE))).messages).toEqual([]);
  });

  it('taking the rostered clerk off the roster asks the site FM', async () => {
    const shift = await drafted();
    const outcome = await unassignShift(db, shift.id, as('system', THU_0730));
    expect(siteFmAsked(outcome.messages)).toBe(true);
    expect(outcome.notifications).toHaveLength(outcome.messages.length);
  });

  it('replacing the rostered clerk by an absent one asks the site FM', async () => {
    const shift = await drafted();
    const other = (await people(db, BAD_EMS, 'EZ')).find((p) => p.id !== shift.staffId)!;
    await registerAbsence(db, sickToday(other.id), as('system', THU_0730));
    const outcome = await replaceShift(db, shift.id, other.id, as('system', THU_0730));
    expect(siteFmAsked(outcome.messages)).toBe(true);
  });

  it('putting the proposed clerk on the desk by hand closes the gap: the decider hears the proposal is void', async () => {
    const { proposed } = await nastaettenAfterDemoSickNote();
    // TL Eingangszone puts the clerk on the desk; the site FM, who was asked, hears of it.
    const tlEz = await onePerson(db, 'TL_EZ');

    const outcome = await assignShift(db, { ...NA_THU, staffId: proposed }, as(tlEz, THU_0730));

    expect((await cellAt(NA_THU, THU_0730)).status).toBe('covered');
    const toFm = outcome.messages.filter((m) => m.recipientRole === 'FM' && m.siteId === NASTAETTEN);
    expect(toFm).toHaveLength(1);
    expect(toFm[0]!.title).toBe('Vertretung an der Anlaufstelle – zur Kenntnis');
    expect(toFm[0]!.body).toContain('entfällt – die Anlaufstelle ist besetzt');
    expect(outcome.notifications).toHaveLength(outcome.messages.length);
  });

  it('deactivating the rostered clerk asks the site FM', async () => {
    const shift = await drafted();
    const outcome = await deactivateStaff(db, shift.staffId, as('system', THU_0730));
    expect(siteFmAsked(outcome.messages)).toBe(true);
  });

  it('raising a site\'s minimum staff asks the site FM for the sessions now short', async () => {
    await drafted();
    const site = (await db.sites.get(BAD_EMS))!;
    const outcome = await updateSiteStaffing(db, BAD_EMS, { minStaff: 2, sessions: site.sessions }, as('system', THU_0730));
    expect(siteFmAsked(outcome.messages)).toBe(true);
    expect((await cellAt(BE_THU, THU_0730)).status).not.toBe('covered');
  });

  it('withdrawing an accepted cover reopens the gap and asks its decider again', async () => {
    db = await freshDb(THU_0730);
    await draftWeek(db, '2026-11-23', as('system', THU_0730));
    for (const c of await people(db, BAD_EMS, 'EZ')) await registerAbsence(db, sickToday(c.id), as('system', THU_0730));
    const tlLb = await onePerson(db, 'TL_LB');
    const lb = (await cellAt(BE_THU, THU_0730)).proposals[0]!;
    const accepted = await acceptCover(db, { ...BE_THU, staffId: lb.staffId }, as(tlLb, THU_0730));
    const outcome = await withdrawDecision(db, accepted.decision.id, as(tlLb, THU_0730));
    expect(to(outcome.messages)).toContainEqual(['TL_LB', BAD_EMS]);
    expect(outcome.messages.find((m) => m.recipientRole === 'TL_LB')!.body).toContain(`${tlLb.name} hat die Vertretung durch ${lb.name}`);
  });
});

describe('issue 7 item 9: an absence registered late is unplanned on its first day only – board and notice say so', () => {
  it('a two-week vacation registered on the Friday before: the Monday gap is unplanned, the Tuesday gap planned', async () => {
    const FRI = new Date('2026-11-27T10:00:00+01:00');
    db = await freshDb(FRI);
    await draftWeek(db, '2026-11-30', as('system', FRI));
    const monday = (await db.shifts.where('[siteId+date]').equals([BAD_EMS, '2026-11-30']).first())!;
    const outcome = await registerAbsence(db, { staffId: monday.staffId, from: '2026-11-30', to: '2026-12-11', reason: 'vacation' }, as('system', FRI));
    // The record keeps its first working day's kind; the board decides day by day.
    expect(outcome.absence.kind).toBe('unplanned');
    expect((await cellAt({ siteId: BAD_EMS, date: '2026-11-30', sessionStart: '08:00' }, FRI)).gapKind).toBe('unplanned');
    // Tuesday's clerk (another one in the drafted week) takes the same two weeks, registered the same Friday.
    const tuesday = (await db.shifts.where('[siteId+date]').equals([BAD_EMS, '2026-12-01']).first())!;
    if (tuesday.staffId !== monday.staffId) {
      await registerAbsence(db, { staffId: tuesday.staffId, from: '2026-11-30', to: '2026-12-11', reason: 'vacation' }, as('system', FRI));
    }
    expect((await cellAt({ siteId: BAD_EMS, date: '2026-12-01', sessionStart: '08:00' }, FRI)).gapKind).toBe('planned');
    const bodies = outcome.messages.map((m) => m.body).join('\n');
    expect(bodies).toContain('Mo, 30.11.2026 bis Fr, 11.12.2026, ungeplant abwesend am Mo, 30.11.2026, ab Di, 01.12.2026 geplant abwesend.');
  });
});

