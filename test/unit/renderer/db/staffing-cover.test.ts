// Before Dexie loads: it takes the global indexedDB when its module is evaluated.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnlaufstelleDB } from '../../../../renderer/src/db/db';
import { registerAbsence } from '../../../../renderer/src/db/repositories/absences';
import { acceptCover, rejectCover, sessionCell, weekBoard, withdrawDecision } from '../../../../renderer/src/db/repositories/cover';
import { inboxFor, inboxForRole, markAllRead, markRead, unreadCount } from '../../../../renderer/src/db/repositories/inbox';
import { assignShift, draftWeek, shiftsBetween, unassignShift } from '../../../../renderer/src/db/repositories/roster';
import { updateSiteStaffing } from '../../../../renderer/src/db/repositories/sites';
import { BAD_EMS, DIEZ, freshDb } from './fixture';
import { LAHNSTEIN, NASTAETTEN, THU, THU_0730, TWO_WEEKS_BEFORE, WEEK, as, onePerson, people } from './staffing-fixture';

/**
 * Issue #3 item 6 / seed §4.5: the decider named by a proposal accepts or rejects it; accepted
 * cover appears in the roster and the board turns covered; the roles to inform get an inbox
 * message and an OS notification.
 */

let db: AnlaufstelleDB;
afterEach(async () => {
  await db?.delete();
});

const session = { siteId: BAD_EMS, date: THU, sessionStart: '08:00' };
const THU_0740 = new Date('2026-11-26T07:40:00+01:00');
const cell = () => sessionCell(db, session, THU_0730).then((c) => c!);

/** Thursday's roster drafted, every EZ clerk of Bad Ems off sick this morning: LB cover is proposed. */
async function badEmsWithoutEz(): Promise<void> {
  db = await freshDb();
  await draftWeek(db, WEEK, as('system', THU_0730));
  for (const c of await people(db, BAD_EMS, 'EZ')) {
    await registerAbsence(db, { staffId: c.id, from: THU, to: THU, reason: 'sickness' }, as('system', THU_0730));
  }
}

describe('seed §4.5: TL Leistung accepts LB cover', () => {
  it('accepted → a cover entry in the roster, the board covered, FM and TL_EZ informed, the stand-in told; TL_LB decided and is not told (issue 10 items 3, 7)', async () => {
    await badEmsWithoutEz();
    const proposal = (await cell()).proposals[0]!;
    expect(proposal).toMatchObject({ source: 'lb-same-site', decidedBy: 'TL_LB' });
    const tlLb = await onePerson(db, 'TL_LB');
    const inboxBefore = await db.inbox.count();

    const outcome = await acceptCover(db, { ...session, staffId: proposal.staffId }, as(tlLb, THU_0740));

    expect(outcome.shift).toMatchObject({ ...session, staffId: proposal.staffId, source: 'cover', coverSource: 'lb-same-site', coverDecisionId: outcome.decision.id });
    expect(outcome.decision).toMatchObject({ status: 'accepted', source: 'lb-same-site', decidedBy: 'TL_LB', decidedByStaffId: tlLb.id });
    const after = await cell();
    expect(after.status).toBe('covered');
    expect(after.accepted.map((d) => d.id)).toEqual([outcome.decision.id]);
    expect(after.reason).toMatch(/^Besetzt: .* \(Vertretung: Leistungsbereich vor Ort\)\./);

    expect(outcome.messages.map((m) => [m.recipientRole, m.recipientStaffId])).toEqual([
      ['FM', undefined],
      ['TL_EZ', undefined],
      ['LB', proposal.staffId],
    ]);
    expect(await db.inbox.count()).toBe(inboxBefore + 3);
    const forFm = outcome.messages[0]!;
    expect(forFm.title).toBe('Vertretung an der Anlaufstelle Bad Ems');
    expect(forFm.body).toContain(`Entschieden von ${tlLb.name} (Teamleitung Leistung).`);
    expect(await inboxFor(db, tlLb, { unreadOnly: true })).toEqual([]);
    // FM and TL_EZ; the stand-in's personal message is not popped up on the deciding PC (it addresses them).
    expect(outcome.notifications).toHaveLength(2);
    expect(outcome.notifications[0]!.tag).toMatch(/^inbox:/);
    expect(outcome.notifications.every((n) => n.body.length <= 500 && n.title.length <= 120)).toBe(true);
    // SPEC §9: one outbox row per record written (the requests to TL_LB settled by the decision count too).
    const logged = await db.outbox.filter((o) => o.by === tlLb.id).toArray();
    expect(logged.filter((o) => o.table !== 'inbox').map((o) => o.table).sort()).toEqual(['coverDecisions', 'shifts']);
    expect(logged.filter((o) => o.table === 'inbox').length).toBeGreaterThanOrEqual(3);
  });

  it('only the decider may answer: an EZ clerk is refused and nothing is written', async () => {
    await badEmsWithoutEz();
    const proposal = (await cell()).proposals[0]!;
    const clerk = (await people(db, DIEZ, 'EZ'))[0]!;
    const outboxBefore = await db.outbox.count();
    await expect(acceptCover(db, { ...session, staffId: proposal.staffId }, as(clerk, THU_0730))).rejects.toThrow(
      `Hierüber entscheidet: Teamleitung Leistung. ${clerk.name} hat diese Rolle nicht.`,
    );
    expect(await db.outbox.count()).toBe(outboxBefore);
    expect((await cell()).status).toBe('at-risk');
  });

  it('a stale proposal (someone else, already covered, or a past session) is refused', async () => {
    await badEmsWithoutEz();
    const tlLb = await onePerson(db, 'TL_LB');
    const proposal = (await cell()).proposals[0]!;
    const notProposed = (await people(db, DIEZ, 'LB'))[0]!;
    await expect(acceptCover(db, { ...session, staffId: notProposed.id }, as(tlLb, THU_0730))).rejects.toThrow(
      'Dieser Vorschlag ist nicht mehr aktuell',
    );
    await acceptCover(db, { ...session, staffId: proposal.staffId }, as(tlLb, THU_0730));
    await expect(acceptCover(db, { ...session, staffId: proposal.staffId }, as(tlLb, THU_0730))).rejects.toThrow(
      'Dieser Vorschlag ist nicht mehr aktuell',
    );
    await expect(
      acceptCover(db, { ...session, staffId: proposal.staffId }, as(tlLb, new Date('2026-11-26T12:30:00+01:00'))),
    ).rejects.toThrow('Diese Öffnungszeit ist bereits vorbei');
  });
});

describe('seed §4.5: rejecting a proposal', () => {
  it('rejected → stored, not proposed again, the next person is proposed and its decider told', async () => {
    await badEmsWithoutEz();
    const tlLb = await onePerson(db, 'TL_LB');
    const first = (await cell()).proposals[0]!;
    const outcome = await rejectCover(db, { ...session, staffId: first.staffId, note: 'hat Kundentermine' }, as(tlLb, THU_0730));
    expect(outcome.decision).toMatchObject({ status: 'rejected', staffId: first.staffId, note: 'hat Kundentermine' });
    const after = await cell();
    expect(after.proposals.map((p) => p.staffId)).not.toContain(first.staffId);
    expect(after.proposals[0]).toMatchObject({ source: 'lb-same-site' });
    expect(after.rejected.map((d) => d.staffId)).toEqual([first.staffId]);
    expect(outcome.messages.find((m) => m.recipientRole === 'TL_LB')?.body).toContain(
      `${tlLb.name} hat den Vorschlag ${first.name} (Leistungsbereich vor Ort) abgelehnt: „hat Kundentermine“.`,
    );
    // Withdrawing the rejection makes the person a candidate again.
    await withdrawDecision(db, outcome.decision.id, as(tlLb, THU_0730));
    expect((await cell()).proposals[0]!.staffId).toBe(first.staffId);
  });

  it('when every candidate is rejected the session is uncovered and the Geschäftsführung is told', async () => {
    await badEmsWithoutEz();
    const gf = await onePerson(db, 'GF');
    let last;
    for (let i = 0; i < 20 && (await cell()).proposals.length > 0; i++) {
      last = await rejectCover(db, { ...session, staffId: (await cell()).proposals[0]!.staffId }, as(gf, THU_0730));
    }
    const after = await cell();
    expect(after).toMatchObject({ status: 'uncovered', escalateTo: 'GF' });
    expect(last!.messages.map((m) => m.recipientRole)).toContain('GF');
    expect((await inboxForRole(db, 'GF'))[0]!.title).toBe('Anlaufstelle nicht besetzbar – Entscheidung der Geschäftsführung');
  });
});

/** Bad Ems' one clerk on vacation, Lahnstein with two clerks at its desk: Lahnstein may lend one. */
async function lahnsteinCanLend() {
  db = await freshDb();
  const keep = new Set([
    (await people(db, BAD_EMS, 'EZ'))[0]!.id,
    ...(await people(db, LAHNSTEIN, 'EZ')).slice(0, 2).map((p) => p.id),
    (await people(db, DIEZ, 'EZ'))[0]!.id,
    (await people(db, NASTAETTEN, 'EZ'))[0]!.id,
    (await onePerson(db, 'TL_EZ')).id,
  ]);
  await db.staff.toCollection().modify((p) => {
    if (!keep.has(p.id)) p.active = false;
  });
  const [absent] = await people(db, BAD_EMS, 'EZ');
  const [l1, l2] = await people(db, LAHNSTEIN, 'EZ');
  const tlEz = await onePerson(db, 'TL_EZ');
  const ctx = as(tlEz, TWO_WEEKS_BEFORE);
  await assignShift(db, { ...session, staffId: absent!.id }, ctx);
  for (const p of [l1!, l2!]) await assignShift(db, { ...session, siteId: LAHNSTEIN, staffId: p.id }, ctx);
  await assignShift(db, { ...session, siteId: DIEZ, staffId: (await people(db, DIEZ, 'EZ'))[0]!.id }, ctx);
  await assignShift(db, { ...session, siteId: NASTAETTEN, staffId: (await people(db, NASTAETTEN, 'EZ'))[0]!.id }, ctx);
  await registerAbsence(db, { staffId: absent!.id, from: THU, to: THU, reason: 'vacation' }, ctx);
  return { ctx };
}

describe('seed §4.5: cross-site EZ cover, decided by TL Eingangszone', () => {
  it('a clerk lent from a desk with staff to spare leaves that desk; both sites\' FM are told', async () => {
    const { ctx } = await lahnsteinCanLend();
    const proposal = (await sessionCell(db, session, TWO_WEEKS_BEFORE))!.proposals[0]!;
    expect(proposal).toMatchObject({ source: 'ez-other-site', decidedBy: 'TL_EZ', homeSiteId: LAHNSTEIN });
    const outcome = await acceptCover(db, { ...session, staffId: proposal.staffId }, ctx);

    expect(outcome.released).toMatchObject({ siteId: LAHNSTEIN, staffId: proposal.staffId });
    const thursday = await shiftsBetween(db, THU, THU);
    expect(thursday.filter((s) => s.staffId === proposal.staffId).map((s) => s.siteId)).toEqual([BAD_EMS]);
    const board = await weekBoard(db, WEEK, TWO_WEEKS_BEFORE);
    const thu = board.cells.filter((c) => c.date === THU);
    expect(thu.map((c) => [c.siteName, c.status])).toEqual([
      ['Bad Ems', 'covered'],
      ['Diez', 'covered'],
      ['Lahnstein', 'covered'],
      ['Nastätten', 'covered'],
    ]);
    expect(outcome.messages.map((m) => [m.recipientRole, m.siteId, m.recipientStaffId])).toEqual([
      ['FM', BAD_EMS, undefined],
      ['FM', LAHNSTEIN, undefined],
      // Issue 10 item 3: the lent clerk is told where to go.
      ['EZ', BAD_EMS, proposal.staffId],
    ]);
  });
});

describe('seed §4.5: a lent clerk stands at one desk only', () => {
  it('while lent to Bad Ems, the clerk cannot be put back on the Lahnstein desk by hand in that session', async () => {
    const { ctx } = await lahnsteinCanLend();
    const proposal = (await sessionCell(db, session, TWO_WEEKS_BEFORE))!.proposals[0]!;
    await acceptCover(db, { ...session, staffId: proposal.staffId }, ctx);
    const name = (await db.staff.get(proposal.staffId))!.name;

    await expect(assignShift(db, { ...session, siteId: LAHNSTEIN, staffId: proposal.staffId }, ctx)).rejects.toThrow(
      `${name} ist in dieser Öffnungszeit bereits in Bad Ems eingeteilt.`,
    );
  });

  it('also where the sites keep different hours: Lahnstein 08:30–12:00 overlaps Bad Ems 08:00–12:00', async () => {
    const { ctx } = await lahnsteinCanLend();
    const proposal = (await sessionCell(db, session, TWO_WEEKS_BEFORE))!.proposals[0]!;
    await acceptCover(db, { ...session, staffId: proposal.staffId }, ctx);
    const lahnstein = (await db.sites.get(LAHNSTEIN))!;
    const sessions = lahnstein.sessions.map((x) => (x.weekday === 4 ? { ...x, start: '08:30' } : x));
    await updateSiteStaffing(db, LAHNSTEIN, { minStaff: lahnstein.minStaff, sessions }, ctx);
    const name = (await db.staff.get(proposal.staffId))!.name;

    await expect(assignShift(db, { ...session, siteId: LAHNSTEIN, sessionStart: '08:30', staffId: proposal.staffId }, ctx)).rejects.toThrow(
      `${name} ist in dieser Öffnungszeit bereits in Bad Ems eingeteilt.`,
    );
  });
});

describe('seed §4.5: withdrawing a cross-site cover gives the lent clerk\'s own desk back', () => {
  async function lent() {
    const { ctx } = await lahnsteinCanLend();
    const proposal = (await sessionCell(db, session, TWO_WEEKS_BEFORE))!.proposals[0]!;
    const outcome = await acceptCover(db, { ...session, staffId: proposal.staffId }, ctx);
    expect(outcome.decision.releasedShiftId).toBe(outcome.released!.id);
    return { ctx, outcome, lentId: proposal.staffId };
  }
  const lahnsteinDesk = async () => (await sessionCell(db, { ...session, siteId: LAHNSTEIN }, TWO_WEEKS_BEFORE))!;

  it('withdrawDecision → the cover entry goes, the clerk\'s Lahnstein entry is live again (new stamp, outbox row)', async () => {
    const { ctx, outcome, lentId } = await lent();
    const later = { ...ctx, now: new Date(TWO_WEEKS_BEFORE.getTime() + 60_000) };
    await withdrawDecision(db, outcome.decision.id, later);
    const thursday = await shiftsBetween(db, THU, THU);
    expect(thursday.filter((s) => s.staffId === lentId).map((s) => [s.id, s.siteId])).toEqual([[outcome.released!.id, LAHNSTEIN]]);
    const restored = (await db.shifts.get(outcome.released!.id))!;
    expect(restored).toMatchObject({ deletedAt: null, updatedAt: later.now.toISOString(), updatedBy: ctx.actorId });
    expect(await db.outbox.filter((o) => o.recordId === restored.id && o.op === 'put' && o.at === later.now.toISOString()).count()).toBe(1);
    expect((await lahnsteinDesk()).desk.map((d) => d.staffId)).toContain(lentId);
    // The gap at Bad Ems is open again and the same loan is proposed.
    expect((await sessionCell(db, session, later.now))!.proposals.map((p) => p.staffId)).toEqual([lentId]);
  });

  it('unassigning the cover entry does the same', async () => {
    const { ctx, outcome, lentId } = await lent();
    await unassignShift(db, outcome.shift.id, ctx);
    expect((await db.shifts.get(outcome.released!.id))!.deletedAt).toBeNull();
    expect((await lahnsteinDesk()).desk.map((d) => d.staffId)).toContain(lentId);
  });
});

describe('issue #3 item 6: the role inbox', () => {
  it('an FM reads their own site\'s messages; read state is shared by the role', async () => {
    await badEmsWithoutEz();
    await acceptCover(db, { ...session, staffId: (await cell()).proposals[0]!.staffId }, as(await onePerson(db, 'TL_LB'), THU_0730));
    const fmBadEms = await onePerson(db, 'FM', BAD_EMS);
    const fmDiez = await onePerson(db, 'FM', DIEZ);
    const mine = await inboxFor(db, fmBadEms);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((m) => m.recipientRole === 'FM' && m.siteId === BAD_EMS)).toBe(true);
    expect(mine[0]!.createdAt >= mine[mine.length - 1]!.createdAt).toBe(true);
    expect(await inboxFor(db, fmDiez)).toEqual([]);

    const read = await markRead(db, mine[0]!.id, as(fmBadEms, THU_0730));
    expect(read).toMatchObject({ readAt: THU_0730.toISOString(), readBy: fmBadEms.id });
    expect(await unreadCount(db, fmBadEms)).toBe(mine.length - 1);
    expect(await markAllRead(db, fmBadEms, as(fmBadEms, THU_0730))).toBe(mine.length - 1);
    expect(await unreadCount(db, fmBadEms)).toBe(0);
  });
});
