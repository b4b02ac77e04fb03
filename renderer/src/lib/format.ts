import { BERLIN } from '@shared/domain/calendar';
import { END_OF_DAY, endOfDayDeadline } from '@shared/domain/deadline-display';

/** German date/time formatting, always on the Berlin wall clock (SPEC §2), whatever the PC says. */
const dateTime = new Intl.DateTimeFormat('de-DE', {
  timeZone: BERLIN,
  weekday: 'short',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const time = new Intl.DateTimeFormat('de-DE', { timeZone: BERLIN, hour: '2-digit', minute: '2-digit' });
const date = new Intl.DateTimeFormat('de-DE', { timeZone: BERLIN, day: '2-digit', month: '2-digit', year: 'numeric' });
const longDate = new Intl.DateTimeFormat('de-DE', { timeZone: BERLIN, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

export const formatDateTime = (iso: string | Date) => dateTime.format(typeof iso === 'string' ? new Date(iso) : iso);
export const formatTime = (iso: string | Date) => time.format(typeof iso === 'string' ? new Date(iso) : iso);
export const formatDate = (iso: string | Date) => date.format(typeof iso === 'string' ? new Date(iso) : iso);
export const formatLongDate = (iso: string | Date) => longDate.format(typeof iso === 'string' ? new Date(iso) : iso);
const weekdayDate = new Intl.DateTimeFormat('de-DE', { timeZone: BERLIN, weekday: 'short', day: '2-digit', month: '2-digit', year: 'numeric' });

/**
 * A deadline ("Rückruf bis …"): like formatDateTime, but one that falls on 00:00 reads as the end of
 * the day before – "Mo., 07.12.2026, 24:00", never "Di., 08.12.2026, 00:00" (issue 10 item 7).
 */
export function formatDeadline(iso: string | Date): string {
  const at = typeof iso === 'string' ? new Date(iso) : iso;
  const dayBefore = endOfDayDeadline(at);
  return dayBefore ? `${weekdayDate.format(dayBefore)}, ${END_OF_DAY}` : dateTime.format(at);
}

/** The time of day of a deadline: "24:00" for one that ends a day (see formatDeadline). */
export function formatDeadlineTime(iso: string | Date): string {
  const at = typeof iso === 'string' ? new Date(iso) : iso;
  return endOfDayDeadline(at) ? END_OF_DAY : time.format(at);
}

/** "12 Min.", "1 Std. 05 Min." */
export function formatMinutes(total: number): string {
  if (total < 60) return `${total} Min.`;
  const h = Math.floor(total / 60);
  const m = total % 60;
  return `${h} Std. ${String(m).padStart(2, '0')} Min.`;
}

/**
 * Time to or past a deadline, by direction only: "noch 1 Std. 20 Min." / "seit 35 Min.".
 * It never names the state ("überfällig", "bald fällig"): the badge or label beside it does, so a
 * caller cannot say it twice ("Überfällig seit 73 Std. 09 Min. überfällig", issue 10 item 8).
 */
export function formatRemaining(dueAt: string, now: Date): string {
  const diff = Math.round((Date.parse(dueAt) - now.getTime()) / 60_000);
  return diff >= 0 ? `noch ${formatMinutes(diff)}` : `seit ${formatMinutes(-diff)}`;
}
