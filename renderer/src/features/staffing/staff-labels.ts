import { WEEKDAY_SHORT } from '@shared/domain/desk-sessions';
import type { Role } from '@shared/model';

/** Labels of the staff directory (issue #3 item 1): roles and the part-time weekday pattern. */

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const WEEKDAY_LABELS: Record<number, string> = {
  1: 'Montag',
  2: 'Dienstag',
  3: 'Mittwoch',
  4: 'Donnerstag',
  5: 'Freitag',
  6: 'Samstag',
  7: 'Sonntag',
};

/** "Mo–Fr", "Mo, Di, Do", "Di–Do, Sa": runs of three or more consecutive days are joined with a dash. */
export function weekdayPattern(weekdays: readonly number[]): string {
  const days = [...new Set(weekdays)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
  if (days.length === 0) return 'keine Arbeitstage';
  const parts: string[] = [];
  for (let i = 0; i < days.length; ) {
    let j = i;
    while (j + 1 < days.length && days[j + 1] === days[j]! + 1) j++;
    const short = (d: number) => WEEKDAY_SHORT[d - 1]!;
    if (j - i >= 2) parts.push(`${short(days[i]!)}–${short(days[j]!)}`);
    else for (let k = i; k <= j; k++) parts.push(short(days[k]!));
    i = j + 1;
  }
  return parts.join(', ');
}

/** Roles shown in the directory form, with the hint that explains what each means for the desk. */
export const ROLE_HINTS: Record<Role, string> = {
  EZ: 'besetzt die Anlaufstelle, wird aus den Arbeitstagen eingeplant',
  LB: 'vertritt die Anlaufstelle vor Ort (GA §4.5)',
  VERMITTLUNG: 'Markt & Integration',
  FM: 'standortverantwortlich für den Stammstandort, entscheidet Vertretung innerhalb des Standorts',
  TL_EZ: 'gesamtverantwortlich für die Anlaufstellen, entscheidet standortübergreifende Vertretung',
  TL_LB: 'koordiniert die Vertretung durch den Leistungsbereich',
  GF: 'entscheidet, wenn keine Besetzung möglich ist',
  ADMIN: 'pflegt Einstellungen und Stammdaten',
  DSB: 'liest das Zugriffsprotokoll, bearbeitet keine Fälle',
};
