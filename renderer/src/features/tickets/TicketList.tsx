import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CallbackTicket, TicketStatus } from '@shared/model';
import { getDb } from '../../db/db';
import { listTickets } from '../../db/repositories/tickets';
import { useNow } from '../../lib/use-now';
import { useCurrentSite, useSites } from '../../state/session';
import { TicketFilterBar } from './TicketFilterBar';
import { TicketGrid, type TicketGridHandle } from './TicketGrid';
import { useTicketList } from './ticket-list-state';
import { countAlerts, filterAndSortTickets, type StatusFilter } from './ticket-table-model';
import { useDirectoryNames } from './use-directory-names';

// STYLE 11: one empty array while loading, so the table sees a stable input.
const EMPTY_TICKETS: CallbackTicket[] = [];

/** Which statuses to load from the index; the model filters again (cheap), the index keeps it small. */
function statusesToLoad(filter: StatusFilter): TicketStatus[] | null {
  if (filter === 'all') return null;
  if (filter === 'active') return ['open', 'assigned', 'contacted'];
  return [filter];
}

/**
 * The Ticketverteilung list (issue #2 item 4). Default: this desk's site, everything not closed,
 * earliest deadline first – overdue and soon-due tickets on top and highlighted (SPEC §5).
 */
export function TicketList() {
  const db = getDb();
  const currentSite = useCurrentSite();
  const sites = useSites();
  const filters = useTicketList((s) => s.filters);
  const sorting = useTicketList((s) => s.sorting);
  const setSorting = useTicketList((s) => s.setSorting);
  const setLastOpened = useTicketList((s) => s.setLastOpened);
  // Read once on mount: the row to return to after the detail (Esc).
  const [restoreId] = useState(() => useTicketList.getState().lastOpenedId);
  const { siteName, staffName, siteNames } = useDirectoryNames();
  const nowMs = useNow(30_000).getTime();
  const gridRef = useRef<TicketGridHandle>(null);

  const siteId = filters.siteId ?? currentSite?.id ?? 'all';
  const statusKey = filters.status;
  const loaded = useLiveQuery(
    () => listTickets(db, { distributionSiteId: siteId === 'all' ? null : siteId, statuses: statusesToLoad(statusKey) }),
    [db, siteId, statusKey],
  );
  const tickets = loaded ?? EMPTY_TICKETS;

  const rows = useMemo(
    () => filterAndSortTickets(tickets, { ...filters, siteId }, sorting, new Date(nowMs), { siteNames }),
    [tickets, filters, siteId, sorting, nowMs, siteNames],
  );
  const { overdue, dueSoon } = useMemo(() => countAlerts(rows, null, new Date(nowMs)), [rows, nowMs]);

  const onOpen = useCallback((id: string) => setLastOpened(id), [setLastOpened]);

  useEffect(() => {
    // Alt+L: straight into the list (keyboard first, SPEC §10).
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyL') {
        e.preventDefault();
        gridRef.current?.focusActiveRow();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <section className="tickets" aria-labelledby="tickets-title">
      <h1 id="tickets-title">Tickets</h1>
      <p className="hint">
        Rückrufe binnen 24 Stunden (Werktage). <kbd>Alt+L</kbd> springt in die Liste, <kbd>↑</kbd>/<kbd>↓</kbd> wählen,{' '}
        <kbd>Enter</kbd> öffnet das Ticket.
      </p>
      <TicketFilterBar sites={sites} siteValue={siteId} />
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
        onOpen={onOpen}
        restoreId={restoreId}
      />
    </section>
  );
}
