// Before Dexie loads: it takes the global indexedDB when its module is evaluated.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { InboxMessage } from '@shared/model';
import type { AnlaufstelleDB } from '../../../../renderer/src/db/db';
import { cancelAbsence, registerAbsence } from '../../../../renderer/src/db/repositories/absences';
import { acceptCover, rejectCover, sessionCell, withdrawDecision } from '../../../../renderer/src/db/repositories/cover';
import { inboxFor, unreadCount } from '../../../../renderer/src/db/repositories/inbox';
import { draftWeek, unassignShift } from '../../../../renderer/src/db/repositories/roster';
import { createStaff } from '../../../../renderer/src/db/repositories/staff';
import { BAD_EMS, freshDb } from './fixture';
import { THU, TWO_WEEKS_BEFORE, WEEK, as, onePerson, people } from './staffing-fixture';

/**
 * Issue 10 item 3 "A decided cover still asks for a decision" and item 7 "deciders are notified of
 * their own decisions" (seed §4.5, SPEC §6). Once anyone decides – accept, reject, or withdraw – the
 * requests to the others that the board no longer asks say "entschieden von …" instead of "bitte
 * entscheiden", in the decision's transaction; the person who stands in is told; whoever acts is
 * not told of their own action.
 */

let db: AnlaufstelleDB;
afterEach(async () => {
  await db?.delete();
});

const session = { siteId: BAD_EMS, date: THU, sessionStart: '08:00' };
const LATER = new Date(TWO_WEEKS_BEFORE.getTime() + 3_600_000);
const cell = async () => (await sessionCell(db, session, LATER))!;
const asking = (messages: readonly InboxMessage[]) => messages.filter((m) => m.title.endsWith('bitte entscheiden'));

/** Two weeks ahead, Bad Ems' rostered clerk takes a day off: a same-site clerk is proposed, the site FM is asked. */
async function badEmsVacation() {
  db = await freshDb();
  await draftWeek(db, WEEK, as('system', TWO_WEEKS_BEFORE));
  const rostered = (await cell()).desk[0]!;
  const registered = await registerAbsence(db, { staffId: rostered.staffId, from: THU, to: THU, reason: 'vacation' }, as('system', TWO_WEEKS_BEFORE));
  const proposal = (await cell()).proposals[0]!;
  expect(proposal).toMatchObject({ source: 'ez-same-site', decidedBy: 'FM' });
  const fm = await onePerson(db, 'FM', BAD_EMS);
  expect(asking(await inboxFor(db, fm))).toHaveLength(1);
  return { fm, proposal, absenceId: registered.absence.id, tlEz: await onePerson(db, 'TL_EZ') };
}

describe('issue 10 item 3: a decision settles the requests to the others in its transaction', () => {
  it('TL Eingangszone accepts for the site FM: the FM\'s request says "entschieden von …" and no longer asks', async () => {
    const { fm, proposal, tlEz } = await badEmsVacation();

    await acceptCover(db, { ...session, staffId: proposal.staffId }, as(tlEz, LATER));

    const [request] = await inboxFor(db, fm);
    expect(request!.title).toBe('Vertretung an der Anlaufstelle – entschieden');
    expect(request!.asks).toEqual([
      expect.objectContaining({
        staffId: proposal.staffId,
        settled: { at: LATER.toISOString(), byStaffId: tlEz.id, byName: tlEz.name, text: `Vertretung durch ${proposal.name} (Eingangszone des Standorts) angenommen.` },
      }),
    ]);
    expect(request!.openAsks).toEqual([]);
    // Not asking is not the same as read: the FM has not seen it yet.
    expect(request!.readAt).toBeNull();
    expect(await db.inbox.where('openAsks').equals(`${BAD_EMS}|${THU}|08:00`).count()).toBe(0);
  });

  it('the stand-in is told in their own inbox; nobody else reads that message, and the deciding PC raises no "Sie vertreten" notification', async () => {
    const { proposal, tlEz } = await badEmsVacation();

    const outcome = await acceptCover(db, { ...session, staffId: proposal.staffId }, as(tlEz, LATER));

    const standIn = (await db.staff.get(proposal.staffId))!;
    const mine = await inboxFor(db, standIn);
    expect(mine.map((m) => m.title)).toEqual(['Sie vertreten an der Anlaufstelle Bad Ems']);
    expect(mine[0]!.body).toBe(
      `Do, 26.11.2026, 08:00–12:00: Sie vertreten an der Anlaufstelle Bad Ems (Eingangszone des Standorts). Entschieden von ${tlEz.name}.`,
    );
    // Written to the stand-in ("Sie vertreten …"): not popped up at the decider's PC, where it would address the decider.
    expect(outcome.messages.map((m) => m.id)).toContain(mine[0]!.id);
    expect(outcome.notifications.map((n) => n.tag)).not.toContain(`inbox:${mine[0]!.id}`);
    for (const colleague of await people(db, BAD_EMS, 'EZ')) {
      if (colleague.id !== standIn.id) expect(await inboxFor(db, colleague)).toEqual([]);
    }
  });

  it('a rejection settles the rejected proposal only; the next one is asked', async () => {
    const { fm, proposal } = await badEmsVacation();

    const outcome = await rejectCover(db, { ...session, staffId: proposal.staffId }, as(fm, LATER));

    const next = (await cell()).proposals[0]!;
    expect(next.staffId).not.toBe(proposal.staffId);
    const settled = (await db.inbox.toArray()).flatMap((m) => m.asks ?? []).filter((a) => a.staffId === proposal.staffId);
    expect(settled).toEqual([expect.objectContaining({ settled: expect.objectContaining({ byName: fm.name, text: `Vorschlag ${proposal.name} (Eingangszone des Standorts) abgelehnt.` }) })]);
    // The FM asked about the next clerk still has that question open.
    const open = outcome.messages.find((m) => m.recipientRole === 'FM')!;
    expect(open.title).toBe('Vertretung an der Anlaufstelle – bitte entscheiden');
    expect(open.asks!.map((a) => [a.staffId, a.settled])).toEqual([[next.staffId, null]]);
  });

  it('withdrawing an accepted cover tells the stand-in it is off; a withdrawn rejection settles what it made void', async () => {
    const { fm, proposal, tlEz } = await badEmsVacation();
    const accepted = await acceptCover(db, { ...session, staffId: proposal.staffId }, as(tlEz, LATER));

    const undone = await withdrawDecision(db, accepted.decision.id, as(tlEz, LATER));

    const standIn = (await db.staff.get(proposal.staffId))!;
    const off = undone.messages.find((m) => m.recipientStaffId === standIn.id)!;
    expect(off.title).toBe('Vertretung entfällt – Anlaufstelle Bad Ems');
    expect(off.body).toContain(`Ihre Vertretung an der Anlaufstelle Bad Ems entfällt – ${tlEz.name} hat sie zurückgenommen.`);
    expect((await inboxFor(db, standIn)).map((m) => m.title)).toContain('Vertretung entfällt – Anlaufstelle Bad Ems');

    // Reject, then withdraw the rejection: the person is proposed again, the request about the
    // clerk proposed in between is settled by the withdrawal.
    const rejected = await rejectCover(db, { ...session, staffId: proposal.staffId }, as(fm, LATER));
    const between = (await cell()).proposals[0]!.staffId;
    await withdrawDecision(db, rejected.decision.id, as(fm, LATER));
    expect((await cell()).proposals[0]!.staffId).toBe(proposal.staffId);
    const aboutBetween = (await db.inbox.toArray()).flatMap((m) => m.asks ?? []).filter((a) => a.staffId === between);
    expect(aboutBetween.length).toBeGreaterThan(0);
    expect(aboutBetween.every((a) => a.settled?.text === `Ablehnung von ${proposal.name} (Eingangszone des Standorts) zurückgenommen.`)).toBe(true);
  });

  it('taking the cover entry off the roster by hand tells the stand-in too', async () => {
    const { proposal, tlEz } = await badEmsVacation();
    const accepted = await acceptCover(db, { ...session, staffId: proposal.staffId }, as(tlEz, LATER));

    const outcome = await unassignShift(db, accepted.shift.id, as(tlEz, LATER));

    const off = outcome.messages.find((m) => m.recipientStaffId === proposal.staffId)!;
    expect(off.title).toBe('Vertretung entfällt – Anlaufstelle Bad Ems');
    expect(outcome.notifications.map((n) => n.tag)).not.toContain(`inbox:${off.id}`);
  });

  it('a request another write made void (the absence withdrawn) says "erledigt", naming no decider', async () => {
    const { fm, absenceId } = await badEmsVacation();

    await cancelAbsence(db, absenceId, as('system', LATER));

    const request = (await inboxFor(db, fm)).find((m) => m.asks)!;
    expect(request.title).toBe('Vertretung an der Anlaufstelle – erledigt');
    expect(request.asks![0]!.settled).toMatchObject({ byStaffId: null, byName: null });
    expect(request.asks![0]!.settled!.text).toMatch(/Abwesenheit .* zurückgenommen/);
  });
});

describe('issue 10 item 7: whoever decides or acts is not told of their own action', () => {
  it('the FM who accepts is sent nothing; their own request is settled and read', async () => {
    const { fm, proposal } = await badEmsVacation();

    const outcome = await acceptCover(db, { ...session, staffId: proposal.staffId }, as(fm, LATER));

    expect(outcome.messages.filter((m) => m.recipientRole === 'FM' && m.siteId === BAD_EMS)).toEqual([]);
    expect(await unreadCount(db, fm)).toBe(0);
    const [request] = await inboxFor(db, fm);
    expect(request).toMatchObject({ title: 'Vertretung an der Anlaufstelle – entschieden', readAt: LATER.toISOString(), readBy: fm.id });
  });

  it('TL Leistung withdrawing their own LB cover is not told of it; the others are', async () => {
    db = await freshDb();
    await draftWeek(db, WEEK, as('system', TWO_WEEKS_BEFORE));
    for (const c of await people(db, BAD_EMS, 'EZ')) {
      await registerAbsence(db, { staffId: c.id, from: THU, to: THU, reason: 'sickness' }, as('system', TWO_WEEKS_BEFORE));
    }
    const tlLb = await onePerson(db, 'TL_LB');
    const proposal = (await cell()).proposals[0]!;
    expect(proposal).toMatchObject({ source: 'lb-same-site', decidedBy: 'TL_LB' });
    const accepted = await acceptCover(db, { ...session, staffId: proposal.staffId }, as(tlLb, LATER));
    expect(accepted.messages.some((m) => m.recipientRole === 'TL_LB')).toBe(false);

    const undone = await withdrawDecision(db, accepted.decision.id, as(tlLb, LATER));

    // TL Leistung is asked again (a task: the gap is open), but gets no "zur Kenntnis" of their own withdrawal.
    const toTlLb = undone.messages.filter((m) => m.recipientRole === 'TL_LB');
    expect(toTlLb.every((m) => (m.asks ?? []).length > 0)).toBe(true);
    expect(undone.messages.some((m) => m.recipientRole === 'FM')).toBe(true);
  });

  it('a role message still reaches the role when another person holds it too: a second Teamleitung Leistung hears of the first one\'s decision', async () => {
    db = await freshDb();
    await draftWeek(db, WEEK, as('system', TWO_WEEKS_BEFORE));
    for (const c of await people(db, BAD_EMS, 'EZ')) {
      await registerAbsence(db, { staffId: c.id, from: THU, to: THU, reason: 'sickness' }, as('system', TWO_WEEKS_BEFORE));
    }
    const tlLb = await onePerson(db, 'TL_LB');
    const second = await createStaff(db, { name: 'Zweite Teamleitung', homeSiteId: BAD_EMS, roles: ['TL_LB'], weekdays: [1, 2, 3, 4, 5] }, as('system', TWO_WEEKS_BEFORE));
    const proposal = (await cell()).proposals[0]!;

    const accepted = await acceptCover(db, { ...session, staffId: proposal.staffId }, as(tlLb, LATER));

    expect(accepted.messages.some((m) => m.recipientRole === 'TL_LB')).toBe(true);
    expect(await unreadCount(db, second)).toBeGreaterThan(0);
  });
});
