import { BERLIN } from '@shared/domain/calendar';

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
