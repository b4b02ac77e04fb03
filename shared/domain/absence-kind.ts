import type { AbsenceKind } from '../model/staffing';
import { addWorkingDays, berlinDate, isWorkingDay } from './calendar';

/**
 * Planned or unplanned absence (seed §4.5: "planbare Personalausfälle (z.B. durch Urlaub)" vs
 * "kurzfristige Ausfälle … ungeplante Vertretungssituationen"; issue #3 item 4).
 *
 * Rule: an absence that becomes known on its first working day itself or on the working day
 * before counts as unplanned, unless a person marks it otherwise. Anything registered earlier is
 * planned – whatever its reason: a sick leave known a week ahead (an operation) can be planned
 * for like a vacation, which is what the §4.5 distinction is about.
 *
 * - "Its first working day": an absence from a Saturday or a holiday starts, for the desk, on the
 *   next working day; the "working day before" is counted from there (SPEC §2 working days).
 * - Registered after the absence began (a sick note on day two) is unplanned as well.
 * - An absence without any working day (a weekend) is judged from its first day.
 */
export function classifyAbsenceKind(input: {
  from: string;
  to: string;
  registeredAt: Date;
  /** "unless marked otherwise": an explicit kind wins. */
  marked?: AbsenceKind | null;
}): AbsenceKind {
  if (input.marked) return input.marked;
  const firstDay = firstWorkingDay(input.from, input.to) ?? input.from;
  const lastPlannableDay = addWorkingDays(firstDay, -2);
  // Registered on or before the working day two before → there was at least one full working day
  // to plan the cover; later (the working day before, the day itself, afterwards) → unplanned.
  return berlinDate(input.registeredAt) <= lastPlannableDay ? 'planned' : 'unplanned';
}

/** The first working day in [from, to], or null if there is none. */
export function firstWorkingDay(from: string, to: string): string | null {
  if (isWorkingDay(from)) return from;
  const next = addWorkingDays(from, 1);
  return next <= to ? next : null;
}
