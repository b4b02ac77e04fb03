import { addDays, berlinWeekday } from '@shared/domain/calendar';
import { WEEKDAY_SHORT, weekStartOf } from '@shared/domain/desk-sessions';

/**
 * Week arithmetic of the staffing screens: weeks run Monday to Sunday (shared/domain/desk-sessions),
 * labelled with the ISO calendar week that German offices plan in ("KW 48").
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The Monday of the week a route segment names; any valid date of the week works, else `today`'s
 * week – an address like 2026-02-30 must not break the screen.
 */
export function weekFromParam(param: string | undefined, today: string): string {
  return param && isCalendarDate(param) ? weekStartOf(param) : weekStartOf(today);
}

/** 'YYYY-MM-DD' naming a real day (Date.parse would roll 2026-02-30 over to 2 March). */
function isCalendarDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const t = Date.parse(`${s}T12:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
}

export function shiftWeek(weekStart: string, weeks: number): string {
  return addDays(weekStart, 7 * weeks);
}

/** ISO 8601 week number: the week with the year's first Thursday is week 1. */
export function isoWeekNumber(date: string): { week: number; year: number } {
  const thursday = addDays(date, 4 - berlinWeekday(date));
  const year = Number(thursday.slice(0, 4));
  const dayOfYear = (Date.parse(`${thursday}T00:00:00Z`) - Date.parse(`${year}-01-01T00:00:00Z`)) / 86_400_000;
  return { week: Math.floor(dayOfYear / 7) + 1, year };
}

/** "Do 26.11." – column headers. */
export function shortDate(date: string): string {
  return `${WEEKDAY_SHORT[berlinWeekday(date) - 1]} ${date.slice(8, 10)}.${date.slice(5, 7)}.`;
}

/** "KW 48 · 23.11. – 29.11.2026" */
export function weekLabel(weekStart: string): string {
  const { week } = isoWeekNumber(weekStart);
  const sunday = addDays(weekStart, 6);
  return `KW ${week} · ${weekStart.slice(8, 10)}.${weekStart.slice(5, 7)}. – ${sunday.slice(8, 10)}.${sunday.slice(5, 7)}.${sunday.slice(0, 4)}`;
}

/** Where a week lies relative to today's: for the "diese Woche" hint and to skip drafting the past. */
export function weekRelation(weekStart: string, today: string): 'past' | 'current' | 'future' {
  const current = weekStartOf(today);
  return weekStart < current ? 'past' : weekStart === current ? 'current' : 'future';
}

/** The week a key asks for inside a staffing grid: Bild↑ previous, Bild↓ next, H this week; else null. */
export function weekForKey(key: { key: string; ctrlKey?: boolean; metaKey?: boolean }, weekStart: string, today: string): string | null {
  if (key.ctrlKey || key.metaKey) return null;
  if (key.key === 'PageUp') return shiftWeek(weekStart, -1);
  if (key.key === 'PageDown') return shiftWeek(weekStart, 1);
  if (key.key === 'h' || key.key === 'H') return weekStartOf(today);
  return null;
}
