import { shortDate } from './week';

/**
 * The layout shared by the coverage board and the roster (issue #3 items 3 and 5): one row per
 * site, one column per opening session of the week ("slot" = date + start time). Days on which no
 * site has a scheduled session (by default Wednesday and the weekend, seed §4.1) get no column;
 * a site without a session in a slot another site has gets an empty cell.
 */

export interface SlotItem {
  siteId: string;
  date: string;
  start: string;
}

export interface SlotColumn {
  key: string;
  date: string;
  start: string;
  /** "Do 26.11." – with the time when that day has more than one session start. */
  label: string;
}

export interface SlotRow<T> {
  siteId: string;
  siteName: string;
  cells: (T | null)[];
}

export interface SlotGrid<T> {
  columns: SlotColumn[];
  rows: SlotRow<T>[];
  /** Dates of the week without any scheduled session (for the hint under the grid). */
  daysWithout: string[];
}

export function slotGrid<T>(
  dates: readonly string[],
  sites: readonly { id: string; name: string }[],
  items: readonly T[],
  slotOf: (item: T) => SlotItem,
): SlotGrid<T> {
  const slots = new Map<string, { date: string; start: string }>();
  for (const item of items) {
    const s = slotOf(item);
    slots.set(`${s.date}|${s.start}`, { date: s.date, start: s.start });
  }
  const ordered = [...slots.values()].sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start));
  const startsPerDay = new Map<string, number>();
  for (const s of ordered) startsPerDay.set(s.date, (startsPerDay.get(s.date) ?? 0) + 1);
  const columns = ordered.map((s) => ({
    key: `${s.date}|${s.start}`,
    date: s.date,
    start: s.start,
    label: (startsPerDay.get(s.date) ?? 0) > 1 ? `${shortDate(s.date)} ${s.start}` : shortDate(s.date),
  }));
  const index = new Map<string, T>();
  for (const item of items) {
    const s = slotOf(item);
    index.set(`${s.siteId}|${s.date}|${s.start}`, item);
  }
  const rows = sites.map((site) => ({
    siteId: site.id,
    siteName: site.name,
    cells: columns.map((c) => index.get(`${site.id}|${c.key}`) ?? null),
  }));
  return { columns, rows, daysWithout: dates.filter((d) => !startsPerDay.has(d)) };
}

/** Row and column of the cell for a site and slot, or null when the grid has no such cell. */
export function findSlot<T>(grid: SlotGrid<T>, siteId: string, date: string, start: string): { row: number; col: number } | null {
  const row = grid.rows.findIndex((r) => r.siteId === siteId);
  const col = grid.columns.findIndex((c) => c.date === date && c.start === start);
  return row === -1 || col === -1 ? null : { row, col };
}
