import { formatSessionDate } from '@shared/domain/desk-sessions';
import type { Absence } from '@shared/model';
import { absenceReasonText, HALF_DAY_LABELS } from '@shared/model';

/** "Do, 26.11.2026, vormittags" / "Mo, 30.11.2026 bis Fr, 04.12.2026" */
export function absenceSpan(a: Pick<Absence, 'from' | 'to' | 'halfDay'>): string {
  if (a.from === a.to) return `${formatSessionDate(a.from)}${a.halfDay === 'none' ? '' : `, ${HALF_DAY_LABELS[a.halfDay]}`}`;
  return `${formatSessionDate(a.from)} bis ${formatSessionDate(a.to)}`;
}

/** "Rita Werner, Urlaub, Mo, 30.11.2026 bis Fr, 04.12.2026" */
export function absenceText(a: Pick<Absence, 'from' | 'to' | 'halfDay' | 'reason' | 'anonymisedAt'>, name: string): string {
  return `${name}, ${absenceReasonText(a)}, ${absenceSpan(a)}`;
}
