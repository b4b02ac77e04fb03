import type { OpeningSession } from '../model/records';
import { addDays, berlinWeekday, publicHolidayRP } from './calendar';
import { sessionsOn } from './opening-hours';

/**
 * The opening sessions a desk really has on a date (issue #3 item 2): the site's weekday schedule
 * (seed §4.1: Mo, Di, Do, Fr 08:00–12:00 by default), minus DE-RP public holidays (SPEC §2) and
 * closure days of the site or of all sites.
 */

export interface ClosureLike {
  /** null = all sites. */
  siteId: string | null;
  date: string;
  reason: string;
}

export interface DeskSession {
  siteId: string;
  date: string;
  start: string;
  end: string;
  /** German reason when the scheduled session does not take place; null when it is open. */
  closed: string | null;
}

/** The scheduled sessions of `site` on `date`, each open or closed with the reason. */
export function deskSessionsOn(
  site: { id: string; sessions: readonly OpeningSession[] },
  date: string,
  closures: readonly ClosureLike[],
): DeskSession[] {
  const scheduled = sessionsOn(site.sessions, date);
  if (scheduled.length === 0) return [];
  const holiday = publicHolidayRP(date);
  // A site's own closure names the more specific reason, so it wins over an all-sites closure.
  const closure =
    closures.find((c) => c.date === date && c.siteId === site.id) ??
    closures.find((c) => c.date === date && c.siteId === null);
  const closed = holiday !== null ? `Feiertag (${holiday})` : closure ? `Geschlossen: ${closure.reason}` : null;
  return scheduled.map((s) => ({ siteId: site.id, date, start: s.start, end: s.end, closed }));
}

/** Whether two sessions of one date share any time ("08:00"–"12:00" and "11:30"–"14:00" do; back to back do not). */
export function sessionsOverlap(a: { start: string; end: string }, b: { start: string; end: string }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** One key per site and session, for sets and maps. */
export function sessionKey(siteId: string, date: string, start: string): string {
  return `${siteId}|${date}|${start}`;
}

/** The Monday on or before `date` – weeks run Monday to Sunday. */
export function weekStartOf(date: string): string {
  return addDays(date, 1 - berlinWeekday(date));
}

/** The seven dates of the week that starts on `weekStart`. */
export function weekDates(weekStart: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));
}

/** German weekday abbreviations, Monday first (index = ISO weekday − 1). */
export const WEEKDAY_SHORT = ['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'] as const;

/** "Do, 26.11.2026" – for messages written in shared code (no Intl zone needed for a date). */
export function formatSessionDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${WEEKDAY_SHORT[berlinWeekday(date) - 1]}, ${d}.${m}.${y}`;
}

export interface AbsenceSpan {
  from: string;
  to: string;
  halfDay: 'none' | 'am' | 'pm';
}

/** Noon splits a day into the halves of a half-day absence. */
const NOON = '12:00';

/**
 * Whether an absence takes the person out of a session: the date lies in [from, to] and, for a
 * half day, the session overlaps that half – 'am' is before 12:00, 'pm' from 12:00 on. So an 'am'
 * absence takes out the 08:00–12:00 session and a 'pm' absence leaves it staffed; a session across
 * noon (11:00–13:00) is lost to either half, because the person is missing for part of it.
 */
export function absenceCoversSession(absence: AbsenceSpan, date: string, start: string, end: string): boolean {
  if (date < absence.from || date > absence.to) return false;
  if (absence.halfDay === 'am') return start < NOON;
  if (absence.halfDay === 'pm') return end > NOON;
  return true;
}
