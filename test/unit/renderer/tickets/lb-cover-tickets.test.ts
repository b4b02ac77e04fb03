// Before Dexie loads: it takes the global indexedDB when its module is evaluated.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnlaufstelleDB } from '../../../../renderer/src/db/db';
import { registerAbsence } from '../../../../renderer/src/db/repositories/absences';
import { acceptCover, sessionCell } from '../../../../renderer/src/db/repositories/cover';
import { draftWeek } from '../../../../renderer/src/db/repositories/roster';
import { ticketsAwaitingContactDueBetween, ticketsOverdueBefore } from '../../../../renderer/src/db/repositories/ticket-queries-today';
import { distributeTicket, getTicket, openTicketsOn } from '../../../../renderer/src/db/repositories/tickets';
import { recordTriage } from '../../../../renderer/src/db/repositories/visits';
import { sitesRoutedTo } from '../../../../renderer/src/features/staffing/routed-sites';
import { BAD_EMS, DIEZ, THU_10, freshDb, other } from '../db/fixture';
import { THU, THU_0730, WEEK, as, onePerson, people } from '../db/staffing-fixture';

/**
 * Seed §4.5 "Aufgaben im Vertretungsfall" (issue #3 item 7): "Die Ticketverteilung sowie die
 * Anlage von Neukunden ist hingegen von Mitarbeitenden der Eingangszonen an den besetzten
 * Standorten zu übernehmen." Diez's EZ clerks are all sick on Thursday; LB covers its desk, and
 * Bad Ems (Diez's nearest staffed site) takes over the Ticketverteilung.
 */

let db: AnlaufstelleDB;
afterEach(async () => {
  await db?.delete();
});

const WED_10 = new Date('2026-11-25T10:00:00+01:00');
const FRI_00 = new Date('2026-11-27T00:00:00+01:00');
const THU_00 = new Date('2026-11-26T00:00:00+01:00');
const TEAM = { assignee: { kind: 'team', department: 'MI', siteId: DIEZ } } as const;

/** A Diez ticket from Wednesday (on Diez's own list, due Thu 10:00), then Diez in LB cover on Thursday. */
async function diezCoveredWithOldTicket() {
  db = await freshDb();
  const old = (await recordTriage(db, other(), { siteId: DIEZ, deadlinePolicy: 'working-days' }, as('ez-diez', WED_10))).ticket!;
  await draftWeek(db, WEEK, as('system', THU_0730));
  for (const c of await people(db, DIEZ, 'EZ')) {
    await registerAbsence(db, { staffId: c.id, from: THU, to: THU, reason: 'sickness' }, as('system', THU_0730));
  }
  const session = { siteId: DIEZ, date: THU, sessionStart: '08:00' };
  const proposal = (await sessionCell(db, session, THU_0730))!.proposals.find((p) => p.source === 'lb-same-site')!;
  await acceptCover(db, { ...session, staffId: proposal.staffId }, as(await onePerson(db, 'TL_LB'), THU_0730));
  return old;
}

describe('seed §4.5: while LB covers a desk, the staffed site distributes its tickets', () => {
  it('seed §4.5: the covered desk may not distribute – refused with the staffed site named, nothing written', async () => {
    const old = await diezCoveredWithOldTicket();
    await expect(distributeTicket(db, old.id, TEAM, as('lb-diez', THU_10), { deskSiteId: DIEZ })).rejects.toThrow(
      'Während der Vertretung durch den Leistungsbereich verteilt die Eingangszone in Bad Ems die Tickets.',
    );
    expect((await getTicket(db, old.id))?.status).toBe('open');
  });

  it('seed §4.5: the staffed site distributes the covered site\'s ticket', async () => {
    const old = await diezCoveredWithOldTicket();
    const done = await distributeTicket(db, old.id, TEAM, as('ez-bad-ems', THU_10), { deskSiteId: BAD_EMS });
    expect(done.status).toBe('assigned');
  });

  it('seed §4.5: Diez routes to Bad Ems now – and to nobody before the cover day', async () => {
    await diezCoveredWithOldTicket();
    expect(await sitesRoutedTo(db, BAD_EMS, THU_10)).toEqual([{ id: DIEZ, name: 'Diez' }]);
    expect(await sitesRoutedTo(db, DIEZ, THU_10)).toEqual([]);
    expect(await sitesRoutedTo(db, BAD_EMS, WED_10)).toEqual([]);
  });

  it('seed §4.5: the open ticket left on the covered list reaches the staffed site\'s list, badge, watcher and "Heute"', async () => {
    const old = await diezCoveredWithOldTicket();
    const lists = [BAD_EMS, ...(await sitesRoutedTo(db, BAD_EMS, THU_10)).map((s) => s.id)];
    // Read side only: the ticket stays on Diez's list (no data rewrite).
    expect((await getTicket(db, old.id))?.distributionSiteId).toBe(DIEZ);
    expect((await openTicketsOn(db, lists)).map((t) => t.id)).toContain(old.id);
    expect((await ticketsAwaitingContactDueBetween(db, lists, THU_00, FRI_00)).map((t) => t.id)).toEqual([old.id]);
    expect((await ticketsOverdueBefore(db, lists, FRI_00)).map((t) => t.id)).toEqual([old.id]);
    // Bad Ems alone would not see it.
    expect((await openTicketsOn(db, [BAD_EMS])).map((t) => t.id)).not.toContain(old.id);
  });
});
