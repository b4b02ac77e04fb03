import { useAuditViews, useMayViewPersonal } from '../../auth/use-permission';
import { flexRender, getCoreRowModel, useReactTable, type SortingState, type Updater } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { TICKET_COLUMNS, TICKET_GRID_TEMPLATE, type TicketTableMeta } from './ticket-columns';
import type { CallbackTicket } from '@shared/model';
import { dueRowClass, type NameLookup } from './ticket-labels';
import { dueStateAt, type TicketSorting } from './ticket-table-model';
import { ScrollRegion } from '../../ui/ScrollRegion';

const ROW_HEIGHT = 48;
/** wantFocus: the active row, whichever it is once the rows are there (not a ticket id). */
const RESTORE = 'restore';
const coreRowModel = getCoreRowModel<CallbackTicket>();

export interface TicketGridProps {
  rows: CallbackTicket[];
  loading: boolean;
  /** The list's clock (ms): deadline states of the rows on screen are computed at this instant. */
  nowMs: number;
  sorting: TicketSorting;
  onSortingChange: (sorting: TicketSorting) => void;
  siteName: NameLookup;
  staffName: NameLookup;
  /** Covered sites whose lists this desk works (seed §4.5): their rows say "aus Vertretung …". */
  routedFrom: ReadonlySet<string>;
  onOpen: (ticketId: string) => void;
  /** Ticket whose row is active at first and gets focus (returning from the detail with Esc). */
  restoreId: string | null;
  /** Lets the list move focus into the grid (Alt+L). */
  ref?: Ref<TicketGridHandle>;
}

export interface TicketGridHandle {
  focusActiveRow: () => void;
}

/**
 * The ticket list as an ARIA grid, virtualised (SPEC §10: 30,000 tickets stay smooth). Only the
 * rows in view exist in the DOM; aria-rowcount/aria-rowindex tell assistive technology the whole
 * size. Keyboard (SPEC §10 keyboard first): one row link is in the tab order (roving tabindex);
 * ↑/↓, Bild↑/Bild↓, Pos1/Ende move the active row; Enter opens the ticket.
 */
export function TicketGrid(props: TicketGridProps) {
  const { rows, loading, nowMs, sorting, onSortingChange, siteName, staffName, routedFrom, onOpen, restoreId, ref } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [activeId, setActiveId] = useState<string | null>(restoreId);
  // Where focus is still to go once its row is rendered: the ticket a keyboard move went to, or
  // 'restore' (the active row, back from the detail). Not a flag: an effect of an earlier render,
  // still pending when a key comes in, must not take the move's focus for the row it knew.
  const wantFocus = useRef<string | null>(restoreId !== null ? RESTORE : null);
  const wantsFocusAt = (index: number) => wantFocus.current === RESTORE || (wantFocus.current !== null && rows[index]?.id === wantFocus.current);

  const foundIndex = activeId === null ? -1 : rows.findIndex((t) => t.id === activeId);
  const activeIndex = foundIndex >= 0 ? foundIndex : rows.length > 0 ? 0 : -1;

  // TanStack Virtual returns fresh functions by design; the React Compiler leaves this component
  // alone (that is what the rule reports), which is what it needs.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  // If the active row was scrolled away with the mouse, the first row in view takes the tab stop.
  const activeInView = items.some((i) => i.index === activeIndex);
  const tabbableIndex = activeInView ? activeIndex : (items[0]?.index ?? -1);

  const tanstackSorting = useMemo<SortingState>(() => sorting.map((s) => ({ id: s.id, desc: s.desc })), [sorting]);
  const dueOf = useMemo(() => dueStateAt(new Date(nowMs)), [nowMs]);
  const mayViewPersonal = useMayViewPersonal();
  const mayView = useCallback((t: CallbackTicket) => mayViewPersonal('tickets', t as unknown as Record<string, unknown>), [mayViewPersonal]);
  const meta = useMemo<TicketTableMeta>(
    () => ({ siteName, staffName, routedFrom, dueOf, tabbableIndex, activeIndex, onOpen, mayView }),
    [siteName, staffName, routedFrom, dueOf, tabbableIndex, activeIndex, onOpen, mayView],
  );
  // Issue 7 item 7: the names on screen (the rendered rows) are views of personal data.
  useAuditViews(
    'tickets',
    items.map((i) => rows[i.index]).filter((t): t is CallbackTicket => t !== undefined && mayView(t)).map((t) => t.id),
    ['customerName'],
  );
  const table = useReactTable({
    data: rows,
    columns: TICKET_COLUMNS,
    getCoreRowModel: coreRowModel,
    getRowId: (t) => t.id,
    manualSorting: true,
    manualFiltering: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    sortDescFirst: false,
    state: { sorting: tanstackSorting },
    onSortingChange: (updater: Updater<SortingState>) =>
      onSortingChange(typeof updater === 'function' ? updater(tanstackSorting) : updater),
    meta,
  });
  const tableRows = table.getRowModel().rows;

  // Returning from the detail: bring the row into view once the data is there.
  useEffect(() => {
    if (wantFocus.current === null) return;
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
    else if (!loading) wantFocus.current = null;
  }, [activeIndex, loading, virtualizer]);

  // After a keyboard move the row may only exist after the virtualiser re-rendered: try each render.
  useEffect(() => {
    if (!wantsFocusAt(activeIndex)) return;
    const link = scrollRef.current?.querySelector<HTMLAnchorElement>(`a[data-row-index="${activeIndex}"]`);
    if (link) {
      link.focus();
      wantFocus.current = null;
    }
  });

  function moveTo(index: number) {
    if (rows.length === 0) return;
    const i = Math.max(0, Math.min(rows.length - 1, index));
    setActiveId(rows[i]!.id);
    const rendered = scrollRef.current?.querySelector<HTMLAnchorElement>(`a[data-row-index="${i}"]`);
    if (rendered) {
      // In the DOM already: focus now (the browser scrolls it into view).
      wantFocus.current = null;
      rendered.focus();
      return;
    }
    // Not rendered yet (far away): scroll there; the effect above focuses it once it exists.
    wantFocus.current = rows[i]!.id;
    virtualizer.scrollToIndex(i, { align: 'auto' });
  }

  useImperativeHandle(ref, () => ({ focusActiveRow: () => moveTo(activeIndex) }));

  function onBodyKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      PageDown: activeIndex + page,
      PageUp: activeIndex - page,
      Home: 0,
      End: rows.length - 1,
    };
    const target = moves[e.key];
    if (target === undefined) return;
    e.preventDefault();
    moveTo(target);
  }

  function onHeadKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key === 'ArrowDown' && activeIndex >= 0) {
      e.preventDefault();
      moveTo(activeIndex);
    }
  }

  const colCount = TICKET_COLUMNS.length;
  return (
    <div className="ticket-grid-wrap">
      <ScrollRegion label="Tickets" focusable={false}>
      <div
        role="grid"
        aria-label="Tickets"
        aria-rowcount={rows.length + 1}
        aria-colcount={colCount}
        aria-busy={loading || undefined}
        className="ticket-grid"
        style={{ ['--ticket-cols' as string]: TICKET_GRID_TEMPLATE }}
      >
        <div role="rowgroup" className="ticket-grid-head" onKeyDown={onHeadKeyDown}>
          {table.getHeaderGroups().map((group) => (
            <div role="row" aria-rowindex={1} className="ticket-grid-row" key={group.id}>
              {group.headers.map((header, i) => {
                const sorted = header.column.getIsSorted();
                const canSort = header.column.getCanSort();
                const label = flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <div
                    role="columnheader"
                    aria-colindex={i + 1}
                    key={header.id}
                    aria-sort={canSort ? (sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none') : undefined}
                  >
                    {canSort ? (
                      <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                        {label}
                        <span aria-hidden="true" className="sort-indicator">
                          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                        </span>
                      </button>
                    ) : (
                      label
                    )}
                  </div>
                );
              })}
            </div>
          ))}
        </div>
        <div role="rowgroup" className="ticket-grid-body" ref={scrollRef} onKeyDown={onBodyKeyDown}>
          <div role="presentation" className="ticket-grid-sizer" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const row = tableRows[item.index];
              if (!row) return null;
              const active = item.index === activeIndex;
              return (
                <div
                  role="row"
                  aria-rowindex={item.index + 2}
                  key={row.id}
                  className={`ticket-grid-row ${dueRowClass(dueOf(row.original))}${active ? ' is-active' : ''}`}
                  style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                  onFocus={() => setActiveId(row.original.id)}
                >
                  {row.getVisibleCells().map((cell, i) => (
                    <div role="gridcell" aria-colindex={i + 1} key={cell.id}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        </div>
      </div>
      </ScrollRegion>
      {!loading && rows.length === 0 && <p className="ticket-grid-empty">Keine Tickets für diese Auswahl.</p>}
    </div>
  );
}
