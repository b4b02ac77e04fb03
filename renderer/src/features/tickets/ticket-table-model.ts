import { DUE_SOON_MS, dueState, type DueState } from '@shared/domain/callback-deadline';
import { addDays, berlinDate, berlinInstant } from '@shared/domain/calendar';
import type { CallbackTicket, Department, TicketStatus } from '@shared/model';
import { DEPARTMENT_LABELS, DEPARTMENTS, TICKET_STATUSES } from '@shared/model';

/**
 * The ticket list's filter and sort model (issue #2 item 4), pure and free of React and the DOM so
 * a Node benchmark can call it on a year of data (SPEC §10: ~30,000 tickets, target < 50 ms).
 *
 * Hot-path rules: one pass to filter, sort keys read once per row into typed arrays, comparisons on
 * numbers (no localeCompare, no Intl, no calendar work per row). See filterAndSortTickets.
 */

/** 'active' = everything not closed: the distribution list's working set (SPEC §5 lifecycle). */
export type StatusFilter = 'active' | 'all' | TicketStatus;
/** Due buckets of the filter. 'due-soon' is SPEC §5's "within two hours" (DUE_SOON_MS). */
export type DueFilter = 'all' | 'overdue' | 'due-soon' | 'due-today';
export type TicketSortId = 'due' | 'created' | 'status' | 'department' | 'site';

export interface TicketFilters {
  status: StatusFilter;
  department: Department | 'all';
  /** The distribution site (whose Ticketverteilung list the ticket is on), or all four. */
  siteId: string | 'all';
  due: DueFilter;
  /** Free text: part of the reference or the customer's name, case-insensitive. */
  text: string;
  /**
   * 'mine': only tickets given to the person am Platz or to their team (a department of their roles
   * at their home site), on whichever site's list they are – issue 6 item 2. Optional: 'all'.
   */
  assigned?: AssignedFilter;
}

export type AssignedFilter = 'all' | 'mine';
export const ASSIGNED_FILTER_LABELS: Record<AssignedFilter, string> = {
  all: 'Alle',
  mine: 'Mir oder meinem Team zugewiesen',
};

/** Who "mine" means: the person am Platz. */
export interface TicketOwner {
  staffId: string;
  homeSiteId: string;
  departments: readonly Department[];
}

/** Is the ticket given to this person, or to a team they belong to (department at their home site)? */
export function isAssignedTo(t: Pick<CallbackTicket, 'assignee'>, me: TicketOwner): boolean {
  const a = t.assignee;
  if (a === null) return false;
  return a.kind === 'person' ? a.staffId === me.staffId : a.siteId === me.homeSiteId && me.departments.includes(a.department);
}

/** Same shape as TanStack Table's SortingState, so the table can hand its state straight in. */
export type TicketSorting = readonly { id: TicketSortId | string; desc: boolean }[];

export interface TicketModelOptions {
  /** Site id → display name; sorting by site follows the names (German order). */
  siteNames?: ReadonlyMap<string, string>;
  /** The person am Platz, for `assigned: 'mine'` (without one, 'mine' matches nothing). */
  me?: TicketOwner | null;
}

export const DEFAULT_SORTING: TicketSorting = [{ id: 'due', desc: false }];

export const STATUS_FILTER_LABELS: Record<StatusFilter, string> = {
  active: 'Alle nicht abgeschlossenen',
  open: 'Offen',
  assigned: 'Verteilt',
  contacted: 'Kontakt erfolgt',
  closed: 'Abgeschlossen',
  all: 'Alle',
};

export const DUE_FILTER_LABELS: Record<DueFilter, string> = {
  all: 'Alle',
  overdue: 'Überfällig',
  'due-soon': 'Bald fällig (≤ 2 Std.)',
  'due-today': 'Heute fällig',
};

export const TICKET_SORT_IDS: readonly TicketSortId[] = ['due', 'created', 'status', 'department', 'site'];

const STATUS_RANK: Record<TicketStatus, number> = Object.fromEntries(TICKET_STATUSES.map((s, i) => [s, i])) as Record<
  TicketStatus,
  number
>;

/** Departments ranked by their German label, computed once (not per comparison). */
const DEPARTMENT_RANK: Record<Department, number> = Object.fromEntries(
  [...DEPARTMENTS]
    .sort((a, b) => DEPARTMENT_LABELS[a].localeCompare(DEPARTMENT_LABELS[b], 'de'))
    .map((d, i) => [d, i]),
) as Record<Department, number>;

/** The first successful contact, the only thing that stops the clock (SPEC §5). */
export function firstContactAt(t: CallbackTicket): string | null {
  return t.contact?.at ?? null;
}

/** [start, end) of the Berlin calendar day of `now`, as ISO strings comparable with dueAt. */
export function berlinDayRange(now: Date): { start: string; end: string } {
  const today = berlinDate(now);
  return {
    start: berlinInstant(today, '00:00').toISOString(),
    end: berlinInstant(addDays(today, 1), '00:00').toISOString(),
  };
}

/** 'YYYY-MM-DDTHH:mm:ss.sssZ', what toISOString writes: such strings sort like the instants they name. */
const CANONICAL_ISO = 24;
const isCanonical = (iso: string) => iso.length === CANONICAL_ISO && iso.charCodeAt(CANONICAL_ISO - 1) === 90; /* 'Z' */

/**
 * dueState for a list row without parsing dates: for canonical ISO strings the string order is
 * the time order, so comparing against `now` and `now + DUE_SOON_MS` as strings gives exactly
 * dueState's answer (unit-tested against it). Anything else falls back to dueState itself.
 */
export function rowDueState(t: CallbackTicket, now: Date, nowIso: string, soonIso: string): DueState {
  const due = t.dueAt;
  const contact = t.contact?.at ?? null;
  if (!isCanonical(due) || (contact !== null && !isCanonical(contact))) {
    return dueState(due, now, contact);
  }
  if (contact !== null) return contact < due ? 'met' : 'missed';
  if (nowIso >= due) return 'overdue';
  return due <= soonIso ? 'due-soon' : 'on-track';
}

function isInRange(iso: string, range: { start: string; end: string }): boolean {
  if (isCanonical(iso)) return iso >= range.start && iso < range.end;
  const t = Date.parse(iso);
  return t >= Date.parse(range.start) && t < Date.parse(range.end);
}

/**
 * The deadline state of many tickets at one instant: `now` is turned into strings once, each call
 * is then O(1) and parses nothing (see rowDueState).
 */
export function dueStateAt(now: Date): (t: CallbackTicket) => DueState {
  const nowIso = now.toISOString();
  const soonIso = new Date(now.getTime() + DUE_SOON_MS).toISOString();
  return (t) => rowDueState(t, now, nowIso, soonIso);
}

/** SPEC §5 lifecycle: only open and assigned tickets still wait for their first contact. */
const awaitsContact = (status: TicketStatus) => status === 'open' || status === 'assigned';

/**
 * Filters and sorts tickets for the list; returns a new array. Deleted tickets (tombstones,
 * SPEC §9) never show.
 *
 * Due buckets: 'overdue' and 'due-soon' are dueState's (not yet contacted; SPEC §5); 'due-today'
 * is every ticket still waiting for its first contact whose deadline falls on today's Berlin date,
 * including those already overdue today.
 *
 * Speed (SPEC §10, 30,000 tickets): a year of tickets does not fit in the CPU caches, so the cost
 * is touching objects. The filter reads each ticket once and a ticket's dates only when a filter
 * needs them; the sort reads each ticket's keys once into a typed array and compares numbers.
 * The row's deadline state for display is computed for the rows on screen (dueStateAt).
 */
export function filterAndSortTickets(
  tickets: readonly CallbackTicket[],
  filters: TicketFilters,
  sorting: TicketSorting,
  now: Date,
  options: TicketModelOptions = {},
): CallbackTicket[] {
  const text = filters.text.trim().toLowerCase();
  const { status, department, siteId, due } = filters;
  const stateOf = dueStateAt(now);
  const today = due === 'due-today' ? berlinDayRange(now) : null;
  const keys = new SortKeys(sorting, options, tickets.length);
  const rows: CallbackTicket[] = [];
  for (const t of tickets) {
    if (t.deletedAt !== null) continue;
    if (status !== 'all' && (status === 'active' ? t.status === 'closed' : t.status !== status)) continue;
    if (department !== 'all' && t.department !== department) continue;
    if (siteId !== 'all' && t.distributionSiteId !== siteId) continue;
    if (filters.assigned === 'mine' && (!options.me || !isAssignedTo(t, options.me))) continue;
    if (text !== '' && !t.ref.toLowerCase().includes(text) && !t.customerName.toLowerCase().includes(text)) continue;
    if (due !== 'all') {
      // Contacted and closed tickets are in no due bucket; skip them before reading any date.
      if (!awaitsContact(t.status) || t.contact !== null) continue;
      if (today !== null ? !isInRange(t.dueAt, today) : stateOf(t) !== due) continue;
    }
    // The sort keys are read in the same pass: each ticket is touched once.
    keys.add(t, rows.length);
    rows.push(t);
  }
  return keys.apply(rows);
}

/** Category ranks (status, department, site) are 0 … RANK_COUNT - 1; unknown sites take the last. */
const RANK_COUNT = 16;

function siteRanks(options: TicketModelOptions): Map<string, number> {
  const names = [...(options.siteNames ?? new Map<string, string>())].sort((a, b) => a[1].localeCompare(b[1], 'de'));
  return new Map(names.map(([id], i) => [id, Math.min(i, RANK_COUNT - 2)]));
}

const digits2 = (s: string, i: number) => (s.charCodeAt(i) - 48) * 10 + s.charCodeAt(i + 1) - 48;

/**
 * ms of an ISO instant. The canonical form (what toISOString writes, what every record holds) is
 * read digit by digit, several times faster than Date.parse; anything else goes to Date.parse.
 * An unreadable instant sorts last rather than breaking the list.
 */
export function isoMs(iso: string): number {
  if (isCanonical(iso)) {
    return Date.UTC(
      digits2(iso, 0) * 100 + digits2(iso, 2),
      digits2(iso, 5) - 1,
      digits2(iso, 8),
      digits2(iso, 11),
      digits2(iso, 14),
      digits2(iso, 17),
      (iso.charCodeAt(20) - 48) * 100 + digits2(iso, 21),
    );
  }
  const t = Date.parse(iso);
  return Number.isNaN(t) ? Number.MAX_SAFE_INTEGER : t;
}

/** Up to 2^17 rows, the row index fits below the time in one exact double (see timeOrder). */
const INDEX_SPAN = 131_072;

/**
 * Row indexes ordered by time (ties: input order). Fast path: time-since-earliest · 2^17 + index
 * packed into one Float64Array and sorted natively, no comparator calls – exact while the span of
 * times stays under 2^36 ms (about two years), which a year of tickets does. Else a comparator sort.
 */
function timeOrder(times: Float64Array, desc: boolean): Uint32Array {
  const n = times.length;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const t = times[i]!;
    if (t < min) min = t;
    if (t > max) max = t;
  }
  const order = new Uint32Array(n);
  if (n < INDEX_SPAN && (max - min) * INDEX_SPAN + INDEX_SPAN < Number.MAX_SAFE_INTEGER) {
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) packed[i] = (desc ? max - times[i]! : times[i]! - min) * INDEX_SPAN + i;
    packed.sort();
    for (let i = 0; i < n; i++) order[i] = packed[i]! % INDEX_SPAN;
    return order;
  }
  for (let i = 0; i < n; i++) order[i] = i;
  const dir = desc ? -1 : 1;
  return order.sort((a, b) => (times[a]! - times[b]!) * dir || a - b);
}

/** Equal times (rare: same millisecond) are ordered by reference, so refreshes keep the order. */
function breakTiesByRef(order: Uint32Array, times: Float64Array, rows: readonly CallbackTicket[]): void {
  const byRef = (a: number, b: number) => {
    const ra = rows[a]!.ref;
    const rb = rows[b]!.ref;
    return ra < rb ? -1 : ra > rb ? 1 : a - b;
  };
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && times[order[end]!] === times[order[start]!]) end++;
    if (end - start > 1) order.subarray(start, end).sort(byRef);
    start = end;
  }
}

/** Stable counting sort by category rank: keeps the deadline order within each category. */
function groupByRank(order: Uint32Array, ranks: Uint8Array, desc: boolean): Uint32Array {
  const starts = new Uint32Array(RANK_COUNT + 1);
  for (let i = 0; i < ranks.length; i++) starts[(desc ? RANK_COUNT - 1 - ranks[i]! : ranks[i]!) + 1]!++;
  for (let r = 1; r <= RANK_COUNT; r++) starts[r]! += starts[r - 1]!;
  const out = new Uint32Array(order.length);
  for (const i of order) {
    const r = desc ? RANK_COUNT - 1 - ranks[i]! : ranks[i]!;
    out[starts[r]!++] = i;
  }
  return out;
}

/**
 * Sort keys of a list, read once per ticket: its time (deadline or creation) and, for the
 * categorical sorts, its category rank. 'due' and 'created' order by that time; 'status',
 * 'department' and 'site' by category, earliest deadline first within each; equal times go by
 * reference. The sort itself works on typed arrays (SPEC §10).
 */
class SortKeys {
  private readonly sort: { id: string; desc: boolean };
  private readonly byCreated: boolean;
  private readonly categorical: boolean;
  private readonly sites: Map<string, number> | null;
  private readonly times: Float64Array;
  private readonly ranks: Uint8Array;

  constructor(sorting: TicketSorting, options: TicketModelOptions, capacity: number) {
    this.sort = sorting[0] ?? DEFAULT_SORTING[0]!;
    this.byCreated = this.sort.id === 'created';
    this.categorical = this.sort.id === 'status' || this.sort.id === 'department' || this.sort.id === 'site';
    this.sites = this.sort.id === 'site' ? siteRanks(options) : null;
    this.times = new Float64Array(capacity);
    this.ranks = new Uint8Array(this.categorical ? capacity : 0);
  }

  add(t: CallbackTicket, i: number): void {
    this.times[i] = isoMs(this.byCreated ? t.createdAt : t.dueAt);
    if (!this.categorical) return;
    const id = this.sort.id;
    this.ranks[i] =
      id === 'status'
        ? STATUS_RANK[t.status]
        : id === 'department'
          ? DEPARTMENT_RANK[t.department]
          : (this.sites!.get(t.distributionSiteId) ?? RANK_COUNT - 1);
  }

  /** Orders `rows` (the i-th row has the keys added as i) and returns them as a new array. */
  apply(rows: readonly CallbackTicket[]): CallbackTicket[] {
    const times = this.times.subarray(0, rows.length);
    // Within a category the earliest deadline comes first, whichever way the categories go.
    let order = timeOrder(times, this.sort.desc && !this.categorical);
    breakTiesByRef(order, times, rows);
    if (this.categorical) order = groupByRank(order, this.ranks.subarray(0, rows.length), this.sort.desc);
    return Array.from(order, (i) => rows[i]!);
  }
}

/** Sorts tickets for the list (see SortKeys); returns a new array. */
export function sortTickets(
  tickets: readonly CallbackTicket[],
  sorting: TicketSorting,
  options: TicketModelOptions = {},
): CallbackTicket[] {
  const keys = new SortKeys(sorting, options, tickets.length);
  tickets.forEach((t, i) => keys.add(t, i));
  return keys.apply(tickets);
}

/** Open work that is overdue or due soon, of one distribution site (null = of all tickets given). */
export function countAlerts(
  tickets: readonly CallbackTicket[],
  siteId: string | null,
  now: Date,
): { overdue: number; dueSoon: number } {
  let overdue = 0;
  let dueSoon = 0;
  const stateOf = dueStateAt(now);
  for (const t of tickets) {
    if (t.deletedAt !== null || !awaitsContact(t.status) || (siteId !== null && t.distributionSiteId !== siteId)) continue;
    const state = stateOf(t);
    if (state === 'overdue') overdue++;
    else if (state === 'due-soon') dueSoon++;
  }
  return { overdue, dueSoon };
}
