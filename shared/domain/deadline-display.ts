// Intl only (no holiday data): the receipt printer in Electron's main process uses this too.
const berlinClock = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/**
 * A deadline as people read it (issue 10 item 7): an instant at exactly 00:00 Berlin is the end of
 * the day before. "Rückruf bis Di., 08.12.2026, 00:00" (a ticket created on a Saturday, SPEC §5:
 * the clock starts Monday 00:00) is read as Tuesday by a customer; it is the end of Monday.
 * Returns the instant whose Berlin date names that day (one minute earlier), or null when the
 * deadline is an ordinary time of day and reads as it is.
 */
export function endOfDayDeadline(instant: Date): Date | null {
  const parts = Object.fromEntries(berlinClock.formatToParts(instant).map((p) => [p.type, p.value]));
  if (parts['hour'] !== '00' || parts['minute'] !== '00' || instant.getUTCSeconds() !== 0 || instant.getUTCMilliseconds() !== 0) return null;
  return new Date(instant.getTime() - 60_000);
}

/** The time of day a deadline ending a day is written with (German usage: "bis 24:00 Uhr"). */
export const END_OF_DAY = '24:00';
