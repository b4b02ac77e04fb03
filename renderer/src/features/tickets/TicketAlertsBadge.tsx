import './tickets.css';
import { useLiveQuery } from 'dexie-react-hooks';
import { hrefTo } from '../../app/router';
import { getDb } from '../../db/db';
import { openTicketsOn } from '../../db/repositories/tickets';
import { useNow } from '../../lib/use-now';
import { useCurrentSite } from '../../state/session';
import { countAlerts } from './ticket-table-model';
import { useDistributionLists } from './use-distribution-lists';

/**
 * App-wide indicator (SPEC §5: overdue and soon-due tickets stand out everywhere): how many tickets
 * of this desk's distribution lists (its own, plus those of covered sites routed here – seed §4.5)
 * are overdue or due within two hours. Links to the list. Renders
 * nothing while there are none. Meant for the header (app/Layout.tsx).
 */
export function TicketAlertsBadge() {
  const db = getDb();
  const site = useCurrentSite();
  const siteId = site?.id ?? null;
  const now = useNow(30_000);
  const lists = useDistributionLists(siteId);
  const open = useLiveQuery(() => openTicketsOn(db, lists.siteIds), [db, lists.siteIds]);
  if (!open || siteId === null) return null;
  // openTicketsOn read exactly these lists, so no further site filter.
  const { overdue, dueSoon } = countAlerts(open, null, now);
  if (overdue === 0 && dueSoon === 0) return null;
  return (
    <a className="ticket-alerts" href={hrefTo('tickets')}>
      <span className="visually-hidden">Tickets: </span>
      {overdue > 0 && <span className="badge badge-overdue">{overdue} überfällig</span>}
      {dueSoon > 0 && <span className="badge badge-due-soon">{dueSoon} bald fällig</span>}
    </a>
  );
}
