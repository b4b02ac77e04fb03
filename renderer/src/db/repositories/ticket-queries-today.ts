import type { CallbackTicket } from '@shared/model';
import type { AnlaufstelleDB } from '../db';
import { checkIds, checkInstant } from './base';

/**
 * Tickets that still wait for their first contact (SPEC §5: open or assigned, no contact – only a
 * contact stops the 24-hour clock), by deadline, on some distribution lists: a site's own, plus
 * those of sites whose desk the Leistungsbereich covers (seed §4.5). Read by "Heute" and the
 * deadline watcher. Index-based – a year holds ~30,000 tickets, so neither query walks the table.
 */
const awaitingContactOn = (siteIds: readonly string[]) => {
  const lists = new Set(siteIds);
  return (t: CallbackTicket) =>
    lists.has(t.distributionSiteId) && t.deletedAt === null && t.contact === null && (t.status === 'open' || t.status === 'assigned');
};

const byDue = (a: CallbackTicket, b: CallbackTicket) => Date.parse(a.dueAt) - Date.parse(b.dueAt);

/** Due in [from, to) and not yet contacted, earliest first. One range scan on the dueAt index. */
export async function ticketsAwaitingContactDueBetween(
  db: AnlaufstelleDB,
  siteIds: readonly string[],
  from: Date,
  to: Date,
): Promise<CallbackTicket[]> {
  checkIds(siteIds, 'die Standorte');
  checkInstant(from);
  checkInstant(to);
  if (siteIds.length === 0) return [];
  const rows = await db.tickets
    .where('dueAt')
    .between(from.toISOString(), to.toISOString(), true, false)
    .filter(awaitingContactOn(siteIds))
    .toArray();
  return rows.sort(byDue);
}

/**
 * Due before `before` and still not contacted – overdue work from earlier days. Uses the
 * [distributionSiteId+status] index: tickets waiting for contact are few, however long the history.
 */
export async function ticketsOverdueBefore(db: AnlaufstelleDB, siteIds: readonly string[], before: Date): Promise<CallbackTicket[]> {
  checkIds(siteIds, 'die Standorte');
  checkInstant(before);
  if (siteIds.length === 0) return [];
  const keys = [...new Set(siteIds)].flatMap((id) => [
    [id, 'open'],
    [id, 'assigned'],
  ]);
  const matches = awaitingContactOn(siteIds);
  const rows = await db.tickets
    .where('[distributionSiteId+status]')
    .anyOf(keys)
    .filter((t) => matches(t) && Date.parse(t.dueAt) < before.getTime())
    .toArray();
  return rows.sort(byDue);
}
