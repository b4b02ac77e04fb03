import type { CallbackTicket } from '@shared/model';
import type { AnlaufstelleDB } from '../db';

/**
 * Read side for "Heute an meiner Anlaufstelle": tickets on a site's Ticketverteilung list that
 * still wait for their first contact (SPEC §5: open or assigned). Index-based – a year holds
 * ~30,000 tickets, so neither query walks the whole table.
 */
const awaitingContact = (siteId: string) => (t: CallbackTicket) =>
  t.distributionSiteId === siteId && t.deletedAt === null && t.contact === null && (t.status === 'open' || t.status === 'assigned');

const byDue = (a: CallbackTicket, b: CallbackTicket) => Date.parse(a.dueAt) - Date.parse(b.dueAt);

/** Due in [from, to) and not yet contacted, earliest first. One range scan on the dueAt index. */
export async function ticketsDueBetween(db: AnlaufstelleDB, siteId: string, from: Date, to: Date): Promise<CallbackTicket[]> {
  const rows = await db.tickets
    .where('dueAt')
    .between(from.toISOString(), to.toISOString(), true, false)
    .filter(awaitingContact(siteId))
    .toArray();
  return rows.sort(byDue);
}

/**
 * Due before `before` and still not contacted – overdue work from earlier days. Uses the
 * [distributionSiteId+status] index: tickets waiting for contact are few, however long the history.
 */
export async function ticketsOverdueBefore(db: AnlaufstelleDB, siteId: string, before: Date): Promise<CallbackTicket[]> {
  const rows = await db.tickets
    .where('[distributionSiteId+status]')
    .anyOf([siteId, 'open'], [siteId, 'assigned'])
    .filter((t) => awaitingContact(siteId)(t) && Date.parse(t.dueAt) < before.getTime())
    .toArray();
  return rows.sort(byDue);
}
