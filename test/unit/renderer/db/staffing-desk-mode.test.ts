// Before Dexie loads: it takes the global indexedDB when its module is evaluated.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnlaufstelleDB } from '../../../../renderer/src/db/db';
import { registerAbsence } from '../../../../renderer/src/db/repositories/absences';
import { acceptCover, sessionCell } from '../../../../renderer/src/db/repositories/cover';
import { draftWeek, readDeskMode } from '../../../../renderer/src/db/repositories/roster';
import { recordTriage } from '../../../../renderer/src/db/repositories/visits';
import { BAD_EMS, THU_10, freshDb, other } from './fixture';
import { LAHNSTEIN, THU, THU_0730, WEEK, as, onePerson, people } from './staffing-fixture';

/**
 * Seed §4.5 "Aufgaben im Vertretungsfall" / issue #3 item 7: while LB covers the desk, tickets
 * created there land on the distribution list of a staffed site, and the visit records LB cover.
 */

let db: AnlaufstelleDB;
afterEach(async () => {
  await db?.delete();
});

async function badEmsInLbCover(): Promise<void> {
  db = await freshDb();
  await draftWeek(db, WEEK, as('system', THU_0730));
  for (const c of await people(db, BAD_EMS, 'EZ')) {
    await registerAbsence(db, { staffId: c.id, from: THU, to: THU, reason: 'sickness' }, as('system', THU_0730));
  }
  const session = { siteId: BAD_EMS, date: THU, sessionStart: '08:00' };
  const proposal = (await sessionCell(db, session, THU_0730))!.proposals[0]!;
  await acceptCover(db, { ...session, staffId: proposal.staffId }, as(await onePerson(db, 'TL_LB'), THU_0730));
}

describe('seed §4.5: a desk staffed by LB cover hands Ticketverteilung to a staffed site', () => {
  it('readDeskMode reports LB cover and the nearest EZ-staffed site (Bad Ems → Lahnstein)', async () => {
    await badEmsInLbCover();
    const mode = await readDeskMode(db, BAD_EMS, THU_10);
    expect(mode).toMatchObject({ lbCover: true, distributionSiteId: LAHNSTEIN, distributionSiteName: 'Lahnstein', sessionStart: '08:00' });
    expect(mode.coveredByNames).toHaveLength(1);
    // Other desks are staffed by their EZ clerks as usual.
    expect((await readDeskMode(db, LAHNSTEIN, THU_10)).lbCover).toBe(false);
  });

  it('a ticket created at the covered desk lands on the staffed site\'s distribution list', async () => {
    await badEmsInLbCover();
    const mode = await readDeskMode(db, BAD_EMS, THU_10);
    const lbClerk = (await db.shifts.where('[siteId+date]').equals([BAD_EMS, THU]).filter((s) => s.source === 'cover').first())!;
    const { ticket, visit } = await recordTriage(
      db,
      other(),
      { siteId: BAD_EMS, distributionSiteId: mode.distributionSiteId ?? undefined, lbCover: mode.lbCover, deadlinePolicy: 'working-days' },
      as(lbClerk.staffId, THU_10),
    );
    expect(visit.lbCover).toBe(true);
    expect(ticket).toMatchObject({ siteId: BAD_EMS, distributionSiteId: LAHNSTEIN, status: 'open' });
    const lahnsteinList = await db.tickets.where('[distributionSiteId+status]').equals([LAHNSTEIN, 'open']).toArray();
    expect(lahnsteinList.map((t) => t.id)).toContain(ticket!.id);
    expect(await db.tickets.where('[distributionSiteId+status]').equals([BAD_EMS, 'open']).count()).toBe(0);
  });

  it('without LB cover the desk keeps its own list', async () => {
    db = await freshDb();
    await draftWeek(db, WEEK, as('system', THU_0730));
    expect(await readDeskMode(db, BAD_EMS, THU_10)).toMatchObject({ lbCover: false, distributionSiteId: null });
  });
});
