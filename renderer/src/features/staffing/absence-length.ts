import { formatSessionDate } from '@shared/domain/desk-sessions';
import { daysBetween } from '@shared/model';

/**
 * Issue 10 item 4: a long absence is asked about before it is saved. Six weeks (42 calendar days)
 * because nothing a desk registers routinely is longer: a whole year's leave (30 working days) is
 * six weeks, and after six weeks of sickness the employer's sick pay ends (§ 3 EFZG) and the
 * absence is handled as long-term (BEM, § 167 SGB IX) – not something typed into the desk roster
 * by accident. A normal three-week vacation or a training week passes without a question; ten
 * years, or a slip in the year (2062 for 2026), does not.
 */
export const LONG_ABSENCE_DAYS = 42;

/** Calendar days from `from` to `to`, both counted. */
export function absenceLengthDays(from: string, to: string): number {
  return daysBetween(from, to) + 1;
}

/** The warning for a long absence, in German, or null. Dates are ISO (JJJJ-MM-TT), `from` ≤ `to`. */
export function longAbsenceWarning(from: string, to: string): string | null {
  const days = absenceLengthDays(from, to);
  if (!(days > LONG_ABSENCE_DAYS)) return null;
  const weeks = Math.floor(days / 7);
  return (
    `Lange Abwesenheit: ${formatSessionDate(from)} bis ${formatSessionDate(to)} sind ${days.toLocaleString('de-DE')} Kalendertage ` +
    `(über ${weeks.toLocaleString('de-DE')} Wochen; gefragt wird ab mehr als 6 Wochen). Bitte den Zeitraum prüfen – stimmt er, bestätigen.`
  );
}
