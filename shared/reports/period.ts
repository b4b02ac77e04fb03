import { addDays, berlinInstant, berlinWeekday } from '../domain/calendar';
import { formatSessionDate, weekStartOf } from '../domain/desk-sessions';

/**
 * The period of a report (issue 8 item 1): a day, a week (Monday–Sunday), a month, a quarter, a
 * year or a free range, always whole Berlin calendar days (SPEC §2). A period runs from `from`
 * 00:00 to the end of `to` (24:00) Europe/Berlin; an instant exactly at 00:00 after `to` belongs
 * to the next period. The previous period is the calendar unit before it; for a free range, the
 * same number of days right before it.
 */

export const PERIOD_KINDS = ['day', 'week', 'month', 'quarter', 'year', 'range'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const PERIOD_KIND_LABELS: Record<PeriodKind, string> = {
  day: 'Tag',
  week: 'Woche',
  month: 'Monat',
  quarter: 'Quartal',
  year: 'Jahr',
  range: 'Freier Zeitraum',
};

export interface Period {
  kind: PeriodKind;
  /** First day, 'YYYY-MM-DD'. */
  from: string;
  /** Last day (inclusive), 'YYYY-MM-DD'. */
  to: string;
}

/** A free range may span at most one year (366 days, a leap year): the bench sizes the report for it. */
export const MAX_RANGE_DAYS = 366;

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

function ymd(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y!, m!, d!];
}

const pad = (n: number) => String(n).padStart(2, '0');
const firstOfMonth = (y: number, m: number) => `${y}-${pad(m)}-01`;

/** Months are 1-based; month 13 is January of the next year. */
function monthStart(y: number, m: number): string {
  const yy = y + Math.floor((m - 1) / 12);
  const mm = ((((m - 1) % 12) + 12) % 12) + 1;
  return firstOfMonth(yy, mm);
}

/** The calendar period of `kind` that contains `anchor`. */
export function periodContaining(kind: Exclude<PeriodKind, 'range'>, anchor: string): Period {
  const [y, m] = ymd(anchor);
  switch (kind) {
    case 'day':
      return { kind, from: anchor, to: anchor };
    case 'week': {
      const from = weekStartOf(anchor);
      return { kind, from, to: addDays(from, 6) };
    }
    case 'month':
      return { kind, from: monthStart(y, m), to: addDays(monthStart(y, m + 1), -1) };
    case 'quarter': {
      const q = Math.floor((m - 1) / 3) * 3 + 1;
      return { kind, from: monthStart(y, q), to: addDays(monthStart(y, q + 3), -1) };
    }
    case 'year':
      return { kind, from: `${y}-01-01`, to: `${y}-12-31` };
  }
}

/** Number of calendar days in the period (from and to included). */
export function periodDays(p: Pick<Period, 'from' | 'to'>): number {
  return Math.round((Date.parse(`${p.to}T00:00:00Z`) - Date.parse(`${p.from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The period before: the calendar unit before, or for a free range the same number of days before. */
export function previousPeriod(p: Period): Period {
  if (p.kind === 'range') {
    const days = periodDays(p);
    return { kind: 'range', from: addDays(p.from, -days), to: addDays(p.from, -1) };
  }
  return periodContaining(p.kind, addDays(p.from, -1));
}

/** The next period of the same kind (for stepping through periods on screen). */
export function nextPeriod(p: Period): Period {
  if (p.kind === 'range') {
    const days = periodDays(p);
    return { kind: 'range', from: addDays(p.to, 1), to: addDays(p.to, days) };
  }
  return periodContaining(p.kind, addDays(p.to, 1));
}

/**
 * A free range as the lead typed it, checked (issue 8: bad input gets a clear German message and
 * changes nothing): both dates valid, the end not before the start, at most MAX_RANGE_DAYS.
 */
export function rangePeriod(from: string, to: string): { ok: true; period: Period } | { ok: false; error: string } {
  if (!DATE_RE.test(from) || !isRealDate(from)) return { ok: false, error: 'Der Beginn ist kein gültiges Datum (TT.MM.JJJJ).' };
  if (!DATE_RE.test(to) || !isRealDate(to)) return { ok: false, error: 'Das Ende ist kein gültiges Datum (TT.MM.JJJJ).' };
  if (to < from) return { ok: false, error: 'Das Ende liegt vor dem Beginn. Bitte den Zeitraum prüfen.' };
  if (periodDays({ from, to }) > MAX_RANGE_DAYS) {
    return { ok: false, error: `Der Zeitraum ist länger als ${MAX_RANGE_DAYS} Tage. Bitte höchstens ein Jahr wählen.` };
  }
  return { ok: true, period: { kind: 'range', from, to } };
}

function isRealDate(date: string): boolean {
  try {
    return addDays(date, 0) === date;
  } catch {
    return false;
  }
}

/** The period's instants: [start, end) on the Berlin wall clock (DST-correct, SPEC §2). */
export function periodBounds(p: Pick<Period, 'from' | 'to'>): { start: Date; end: Date } {
  return { start: berlinInstant(p.from, '00:00'), end: berlinInstant(addDays(p.to, 1), '00:00') };
}

const MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];

/** ISO 8601 week of `date` (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(date: string): { year: number; week: number } {
  // The Thursday of the week decides the ISO year.
  const thursday = addDays(date, 4 - berlinWeekday(date));
  const [y] = ymd(thursday);
  const week = Math.floor((periodDays({ from: `${y}-01-01`, to: thursday }) - 1) / 7) + 1;
  return { year: y, week };
}

export const germanDate = (date: string) => {
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}`;
};

/** German label of a period: "Do, 26.11.2026", "KW 48/2026 (23.11.–29.11.2026)", "November 2026", "4. Quartal 2026", "2026". */
export function periodLabel(p: Period): string {
  const [y, m] = ymd(p.from);
  switch (p.kind) {
    case 'day':
      return formatSessionDate(p.from);
    case 'week': {
      const w = isoWeek(p.from);
      return `KW ${w.week}/${w.year} (${germanDate(p.from)}–${germanDate(p.to)})`;
    }
    case 'month':
      return `${MONTHS[m - 1]} ${y}`;
    case 'quarter':
      return `${Math.floor((m - 1) / 3) + 1}. Quartal ${y}`;
    case 'year':
      return String(y);
    case 'range':
      return `${germanDate(p.from)}–${germanDate(p.to)}`;
  }
}
