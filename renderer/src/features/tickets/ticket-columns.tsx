import { NOT_FOR_YOU } from '../../auth/use-permission';
import { createColumnHelper, type TableMeta } from '@tanstack/react-table';
import type { DueState } from '@shared/domain/callback-deadline';
import type { CallbackTicket } from '@shared/model';
import { DEPARTMENT_LABELS, TICKET_STATUS_LABELS } from '@shared/model';
import { hrefTo } from '../../app/router';
import { DueBadge } from './DueBadge';
import { formatShortDateTime, formatShortDeadline } from './format-short';
import { assigneeLabel, routedLabel, type NameLookup } from './ticket-labels';
import { INITIAL_FOCUS } from '../../lib/keyboard';

/**
 * Column definitions of the ticket list, at module scope with stable ids (STYLE 11: a new columns
 * array per render makes TanStack Table recompute everything). Sorting is done by
 * ticket-table-model.ts (manualSorting), so the ids of sortable columns are TicketSortIds.
 */

/** What cells need beyond the row, passed through the table's `meta`. */
export interface TicketTableMeta {
  siteName: NameLookup;
  staffName: NameLookup;
  /** Covered sites whose lists this desk works (seed §4.5). */
  routedFrom: ReadonlySet<string>;
  /** Deadline state at the list's `now`, computed for the rows on screen only. */
  dueOf: (t: CallbackTicket) => DueState;
  /** Row index whose reference link is in the tab order (roving tabindex). */
  tabbableIndex: number;
  /** Row index of the active ticket: the list opens with the focus there (useInitialFocus). */
  activeIndex: number;
  onOpen: (ticketId: string) => void;
  /** SPEC §8: does the signed-in person see this ticket's customer name (issue 7)? */
  mayView: (t: CallbackTicket) => boolean;
}

export function tableMeta(meta: TableMeta<CallbackTicket> | undefined): TicketTableMeta {
  return meta as unknown as TicketTableMeta;
}

/** Column widths of the CSS grid; header and rows share them. */
export interface TicketColumnMeta {
  width: string;
}

const col = createColumnHelper<CallbackTicket>();

export const TICKET_COLUMNS = [
  col.accessor((t) => t.ref, {
    id: 'ref',
    header: 'Vorgang',
    enableSorting: false,
    meta: { width: '7.5rem' },
    cell: (ctx) => {
      const m = tableMeta(ctx.table.options.meta);
      const t = ctx.row.original;
      return (
        <a
          href={hrefTo('tickets', t.id)}
          className="ticket-ref"
          data-row-index={ctx.row.index}
          tabIndex={ctx.row.index === m.tabbableIndex ? 0 : -1}
          {...(ctx.row.index === m.activeIndex ? INITIAL_FOCUS : {})}
          onClick={() => m.onOpen(t.id)}
        >
          {t.ref}
        </a>
      );
    },
  }),
  col.accessor((t) => t.dueAt, {
    id: 'due',
    header: 'Fällig',
    meta: { width: 'minmax(16.5rem, 1.3fr)' },
    cell: (ctx) => {
      const m = tableMeta(ctx.table.options.meta);
      const t = ctx.row.original;
      return (
        <span className="due-cell">
          <span>{formatShortDeadline(t.dueAt)}</span> <DueBadge state={m.dueOf(t)} />
        </span>
      );
    },
  }),
  col.accessor((t) => t.status, {
    id: 'status',
    header: 'Status',
    meta: { width: '8.5rem' },
    cell: (ctx) => TICKET_STATUS_LABELS[ctx.row.original.status],
  }),
  col.accessor((t) => t.department, {
    id: 'department',
    header: 'Fachbereich',
    meta: { width: 'minmax(8rem, 1.2fr)' },
    cell: (ctx) => DEPARTMENT_LABELS[ctx.row.original.department],
  }),
  col.accessor((t) => t.distributionSiteId, {
    id: 'site',
    header: 'Standort',
    meta: { width: 'minmax(7rem, 0.9fr)' },
    cell: (ctx) => {
      const m = tableMeta(ctx.table.options.meta);
      const t = ctx.row.original;
      // seed §4.5: a covered desk's tickets land on a staffed site's list – say where it came from;
      // tickets left on the covered site's own list are worked here "aus Vertretung".
      if (m.routedFrom.has(t.distributionSiteId)) {
        return <span className="badge badge-neutral">{routedLabel(m.siteName(t.distributionSiteId))}</span>;
      }
      return t.siteId === t.distributionSiteId
        ? m.siteName(t.distributionSiteId)
        : `${m.siteName(t.distributionSiteId)} (aus ${m.siteName(t.siteId)})`;
    },
  }),
  col.accessor((t) => t.customerName, {
    id: 'customer',
    header: 'Kunde/Kundin',
    enableSorting: false,
    meta: { width: 'minmax(9rem, 1fr)' },
    cell: (ctx) => (tableMeta(ctx.table.options.meta).mayView(ctx.row.original) ? ctx.row.original.customerName : NOT_FOR_YOU),
  }),
  col.accessor((t) => t.assignee?.kind ?? '', {
    id: 'assignee',
    header: 'Zugewiesen an',
    enableSorting: false,
    meta: { width: 'minmax(8rem, 1.1fr)' },
    cell: (ctx) => {
      const m = tableMeta(ctx.table.options.meta);
      return assigneeLabel(ctx.row.original.assignee, m.staffName, m.siteName);
    },
  }),
  col.accessor((t) => t.createdAt, {
    id: 'created',
    header: 'Angelegt',
    meta: { width: '11rem' },
    cell: (ctx) => formatShortDateTime(ctx.row.original.createdAt),
  }),
];

export const TICKET_GRID_TEMPLATE = TICKET_COLUMNS.map((c) => (c.meta as TicketColumnMeta).width).join(' ');
