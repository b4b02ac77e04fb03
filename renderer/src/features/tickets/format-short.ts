import { BERLIN } from '@shared/domain/calendar';
import { END_OF_DAY, endOfDayDeadline } from '@shared/domain/deadline-display';

// The list shows weekday, day and time – "Fr., 27.11., 09:00" – in Berlin time (SPEC §2); the year
// only costs width there. The detail shows the full date (lib/format.ts).
const short = new Intl.DateTimeFormat('de-DE', {
  timeZone: BERLIN,
  weekday: 'short',
  day: '2-digit',
  month: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

export const formatShortDateTime = (iso: string) => short.format(new Date(iso));
const shortDay = new Intl.DateTimeFormat('de-DE', { timeZone: BERLIN, weekday: 'short', day: '2-digit', month: '2-digit' });

/** A deadline in the list: one at 00:00 ends the day before – "Mo., 07.12., 24:00" (issue 10 item 7). */
export function formatShortDeadline(iso: string): string {
  const dayBefore = endOfDayDeadline(new Date(iso));
  return dayBefore ? `${shortDay.format(dayBefore)}, ${END_OF_DAY}` : formatShortDateTime(iso);
}
