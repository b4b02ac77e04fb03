// Before Dexie loads: it takes the global indexedDB when its module is evaluated.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnlaufstelleDB } from '../../../../renderer/src/db/db';
import { registerAbsence } from '../../../../renderer/src/db/repositories/absences';
import { acceptCover, sessionCell } from '../../../../renderer/src/db/repositories/cover';
import { assignShift, draftWeek } from '../../../../renderer/src/db/repositories/roster';
import { deactivateStaff } from '../../../../renderer/src/db/repositories/staff';
import { distributeTicket } from '../../../../renderer/src/db/repositories/tickets';
import { recordTriage } from '../../../../renderer/src/db/repositories/visits';
import { AT_BAD_EMS, BAD_EMS, DIEZ, THU_10, ctx, freshDb, later, other } from './fixture';
import { THU, THU_0730, WEEK, as, onePerson, people } from './staffing-fixture';

/**
 * Issue 10 item 11 "A check outside its transaction": every check a write depends on runs inside
 * the write's transaction, over the tables it reads. Then a concurrent write either happens wholly
 * before the check (the check sees it and refuses) or wholly after the write – never in between.
 *
 * The proof logs the order in which the database receives the writes (Dexie hooks fire when the
 * operation is issued inside its transaction; IndexedDB runs read-write transactions with
 * overlapping tables one after the other). The broken order is: the person is deactivated, and
 * after that the write that depended on them being active still lands.
 */

let db: AnlaufstelleDB;
afterEach(async () => {
  await db?.delete();
});

const RUNS = 25;

/** Logs, in the order the database receives them, the writes about the person `watch.staffId`. */
function recordOrder(database: AnlaufstelleDB): { order: string[]; watch: { staffId: string } } {
  const order: string[] = [];
  const watch = { staffId: '' };
  database.staff.hook('updating', (mods, _key, obj) => {
    if (obj.id === watch.staffId && (mods as { active?: boolean }).active === false) order.push('deactivated');
  });
  database.tickets.hook('updating', (mods, _key, obj) => {
    const assignee = (mods as { assignee?: { kind: string; staffId?: string } }).assignee;
    if (assignee?.kind === 'person' && assignee.staffId === watch.staffId) order.push(`ticket ${obj.id} assigned`);
  });
  database.shifts.hook('creating', (_key, obj) => {
    if (obj.staffId === watch.staffId) order.push(`shift ${obj.id} assigned`);
  });
  database.absences.hook('creating', (_key, obj) => {
    if (obj.staffId === watch.staffId) order.push(`absence ${obj.id} registered`);
  });
  return { order, watch };
}

/** Nothing that needs the person active was written after their deactivation. */
function writtenAfterDeactivation(order: readonly string[]): string[] {
  const at = order.indexOf('deactivated');
  return at < 0 ? [] : order.slice(at + 1);
}

describe('issue 10 item 11: a check a write depends on runs inside the write’s transaction', () => {
  it(`distributeTicket never hands a ticket to a person deactivated at the same time (${RUNS} concurrent runs)`, async () => {
    db = await freshDb();
    const [clerk] = await people(db, BAD_EMS, 'LB');
    const { order, watch } = recordOrder(db);
    watch.staffId = clerk!.id;
    let refused = 0;
    for (let run = 0; run < RUNS; run++) {
      // A fresh, active person per run: deactivation of the same person twice would be a no-op.
      await db.staff.update(clerk!.id, { active: true });
      const ticket = (await recordTriage(db, other(), AT_BAD_EMS, ctx())).ticket!;
      const [distributed] = await Promise.allSettled([
        distributeTicket(db, ticket.id, { assignee: { kind: 'person', staffId: clerk!.id } }, ctx(later(THU_10, 1)),
          run % 2 === 0 ? { deskSiteId: BAD_EMS } : {}),
        deactivateStaff(db, clerk!.id, ctx(later(THU_10, 1))),
      ]);
      if (distributed.status === 'rejected') {
        refused++;
        expect(String(distributed.reason)).toContain('nicht (mehr) im Personalverzeichnis aktiv');
      }
      expect(writtenAfterDeactivation(order), `run ${run}`).toEqual([]);
      order.length = 0;
    }
    // Both orders are legal (refused, or assigned before the deactivation); only "in between" is not.
    expect(refused).toBeLessThanOrEqual(RUNS);
  });

  it(`assignShift and registerAbsence never book a person deactivated at the same time (${RUNS} runs each)`, async () => {
    db = await freshDb();
    const clerks = await people(db, BAD_EMS, 'EZ');
    const { order, watch } = recordOrder(db);
    for (let run = 0; run < RUNS; run++) {
      const person = clerks[run % clerks.length]!;
      await db.staff.update(person.id, { active: true });
      await db.shifts.where('staffId').equals(person.id).delete();
      await db.absences.where('staffId').equals(person.id).delete();
      watch.staffId = person.id;
      order.length = 0;
      await Promise.allSettled([
        assignShift(db, { siteId: BAD_EMS, date: THU, sessionStart: '08:00', staffId: person.id }, ctx(later(THU_10, -180))),
        registerAbsence(db, { staffId: person.id, from: '2026-12-01', to: '2026-12-01', reason: 'vacation' }, ctx()),
        deactivateStaff(db, person.id, ctx()),
      ]);
      expect(writtenAfterDeactivation(order), `run ${run}`).toEqual([]);
    }
  });

  it('seed §4.5 + item 11: a visit saved while LB cover is accepted lands on the list the roster names at the write', async () => {
    db = await freshDb();
    await draftWeek(db, WEEK, as('system', THU_0730));
    for (const c of await people(db, DIEZ, 'EZ')) {
      await registerAbsence(db, { staffId: c.id, from: THU, to: THU, reason: 'sickness' }, as('system', THU_0730));
    }
    const session = { siteId: DIEZ, date: THU, sessionStart: '08:00' };
    const proposal = (await sessionCell(db, session, THU_0730))!.proposals.find((p) => p.source === 'lb-same-site')!;
    const order: string[] = [];
    db.shifts.hook('creating', (_key, obj) => {
      if (obj.source === 'cover') order.push('cover');
    });
    db.visits.hook('creating', () => {
      order.push('visit');
    });
    // The screen still shows "no cover" (lbCover false), and the cover is accepted at the same moment.
    const [triage] = await Promise.all([
      recordTriage(db, other(), { siteId: DIEZ, deadlinePolicy: 'working-days', lbCover: false, deskModeFromRoster: true }, as('lb-diez', THU_10)),
      acceptCover(db, { ...session, staffId: proposal.staffId }, as(await onePerson(db, 'TL_LB'), THU_0730)),
    ]);
    const coveredFirst = order.indexOf('cover') < order.indexOf('visit');
    expect(triage.visit.lbCover).toBe(coveredFirst);
    expect(triage.ticket!.distributionSiteId).toBe(coveredFirst ? BAD_EMS : DIEZ);
  });
});
