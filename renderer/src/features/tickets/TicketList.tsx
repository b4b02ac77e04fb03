import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { CallbackTicket, TicketStatus } from '@shared/model';
import { getDb } from '../../db/db';
import { listTicketsOn } from '../../db/repositories/tickets';
import { useNow } from '../../lib/use-now';
import { useWindowKeydown } from '../../lib/keyboard';
import { useCurrentSite, useDeskStaff, useSettings, useSites } from '../../state/session';
import { departmentsOf } from '@shared/model';
import { TicketFilterBar } from './TicketFilterBar';
import { TicketGrid, type TicketGridHandle } from './TicketGrid';
import { useTicketList } from './ticket-list-state';
import { routedLabel } from './ticket-labels';
import { useDistributionLists } from './use-distribution-lists';
import { countAlerts, filterAndSortTickets, type StatusFilter } from './ticket-table-model';
import { useDirectoryNames } from './use-directory-names';

// STYLE 11: one empty array while loading, so the table sees a stable input.
const EMPTY_TICKETS: CallbackTicket[] = [];
const NO_ROUTED: ReadonlySet<string> = new Set();

/** Which statuses to load from the index; the model filters again (cheap), the index keeps it small. */
function statusesToLoad(filter: StatusFilter): TicketStatus[] | null {
  if (filter === 'all') return null;
  if (filter === 'active') return ['open', 'assigned', 'contacted'];
  return [filter];
}

/**
 * The Ticketverteilung list (issue #2 item 4). Default: this desk's site, everything not closed,
 * earliest deadline first – overdue and soon-due tickets on top and highlighted (SPEC §5).
 * The default view also holds the lists of sites whose desk the Leistungsbereich covers with this
 * site as the staffed one (seed §4.5), each such ticket marked "aus Vertretung <Standort>".
 */
export function TicketList() {
  const db = getDb();
  const currentSite = useCurrentSite();
  const sites = useSites();
  const { deadlinePolicy } = useSettings();
  const filters = useTicketList((s) => s.filters);
  const sorting = useTicketList((s) => s.sorting);
  const setSorting = useTicketList((s) => s.setSorting);
  const setLastOpened = useTicketList((s) => s.setLastOpened);
  // Read once on mount: the row to return to after the detail (Esc).
  const [restoreId] = useState(() => useTicketList.getState().lastOpenedId);
  const { siteName, staffName, siteNames } = useDirectoryNames();
  const nowMs = useNow(30_000).getTime();
  const gridRef = useRef<TicketGridHandle>(null);

  // "Mir oder meinem Team zugewiesen" (issue 6 item 2): a ticket given to this person or their team
  // may sit on any site's list – every site, unless a site is chosen.
  const mine = filters.assigned === 'mine';
  const deskStaff = useDeskStaff();
  const me = useMemo(
    () => (deskStaff ? { staffId: deskStaff.id, homeSiteId: deskStaff.homeSiteId, departments: departmentsOf(deskStaff.roles) } : null),
    [deskStaff],
  );
  const siteId = filters.siteId ?? (mine ? 'all' : (currentSite?.id ?? 'all'));
  const lists = useDistributionLists(currentSite?.id ?? null);
  const ownDefault = !mine && filters.siteId === null && currentSite !== null;
  // The default view: this site's list and those routed here; else the chosen site or all sites.
  const listKey = ownDefault ? lists.key : siteId;
  const statusKey = filters.status;
  const loaded = useLiveQuery(
    () => listTicketsOn(db, listKey === 'all' ? null : listKey.split('|'), statusesToLoad(statusKey)),
    [db, listKey, statusKey],
  );
  const tickets = loaded ?? EMPTY_TICKETS;
  const routedFrom = ownDefault ? lists.routedIds : NO_ROUTED;

  // The loaded lists are already the chosen sites, so the model filters by site no further.
  const rows = useMemo(
    () => filterAndSortTickets(tickets, { ...filters, siteId: 'all' }, sorting, new Date(nowMs), { siteNames, me }),
    [tickets, filters, sorting, nowMs, siteNames, me],
  );
  const { overdue, dueSoon } = useMemo(() => countAlerts(rows, null, new Date(nowMs)), [rows, nowMs]);

  const onOpen = useCallback((id: string) => setLastOpened(id), [setLastOpened]);

  // Alt+L: straight into the list (keyboard first, SPEC §10).
  useWindowKeydown((e) => {
    if (e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyL') {
      e.preventDefault();
      gridRef.current?.focusActiveRow();
    }
  });

  return (
    <section className="tickets" aria-labelledby="tickets-title">
      <h1 id="tickets-title">Tickets</h1>
      <p className="hint">
        Rückrufe binnen 24 Stunden {deadlinePolicy === 'working-days' ? 'an Arbeitstagen' : 'Kalenderzeit'}. <kbd>Alt+L</kbd> springt in die Liste, <kbd>↑</kbd>/<kbd>↓</kbd> wählen,{' '}
        <kbd>Enter</kbd> öffnet das Ticket.
      </p>
      <TicketFilterBar sites={sites} siteValue={siteId} />
      {ownDefault && lists.routed.length > 0 && (
        <p className="notice">
          Vertretung durch den Leistungsbereich in {lists.routed.map((r) => r.name).join(', ')}: Die Eingangszone hier verteilt auch
          deren Tickets. Sie stehen mit dem Hinweis „{routedLabel('<Standort>')}“ in dieser Liste.
        </p>
      )}
      <p className="ticket-summary">
        <span role="status">
          {loaded === undefined ? 'Tickets werden geladen …' : `${rows.length} ${rows.length === 1 ? 'Ticket' : 'Tickets'}`}
        </span>
        {overdue > 0 && <span className="badge badge-overdue">{overdue} überfällig</span>}
        {dueSoon > 0 && <span className="badge badge-due-soon">{dueSoon} bald fällig</span>}
      </p>
      <TicketGrid
        ref={gridRef}
        rows={rows}
        loading={loaded === undefined}
        nowMs={nowMs}
        sorting={sorting}
        onSortingChange={setSorting}
        siteName={siteName}
        staffName={staffName}
        routedFrom={routedFrom}
        onOpen={onOpen}
        restoreId={restoreId}
      />
    </section>
  );
}
