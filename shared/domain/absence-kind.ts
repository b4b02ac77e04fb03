import type { AbsenceKind, AbsenceReason } from '../model/staffing';
import { addWorkingDays, berlinDate, isWorkingDay } from './calendar';

/**
 * Planned or unplanned absence (seed §4.5: "planbare Personalausfälle (z.B. durch Urlaub)" vs
 * "kurzfristige Ausfälle … ungeplante Vertretungssituationen"; issue #3 item 4: "planned
 * (vacation, training) or unplanned (sickness, short notice) … One registered on the day itself or
 * the working day before counts as unplanned unless marked otherwise").
 *
 * Rule, in this order:
 * 1. A kind marked by a person always wins ("unless marked otherwise") – a sick leave known a week
 *    ahead (an operation) may be marked planned.
 * 2. The reason: sickness and short-notice absences are unplanned – the issue names them as the
 *    unplanned kind, whenever they are registered.
 * 3. Any other reason (vacation, training, other) is planned, unless it becomes known on its first
 *    working day itself or on the working day before (or later): then it is short notice, unplanned.
 *
 * - "Its first working day": an absence from a Saturday or a holiday starts, for the desk, on the
 *   next working day; the "working day before" is counted from there (SPEC §2 working days).
 * - Registered after the absence began is unplanned as well.
 * - An absence without any working day (a weekend) is judged from its first day.
 */
export function classifyAbsenceKind(input: {
  from: string;
  to: string;
  registeredAt: Date;
  reason: AbsenceReason;
  /** "unless marked otherwise": an explicit kind wins. */
  marked?: AbsenceKind | null;
}): AbsenceKind {
  if (input.marked) return input.marked;
  if (UNPLANNED_REASONS.has(input.reason)) return 'unplanned';
  return kindByRegistration(input);
}

/** Issue #3 item 4: "unplanned (sickness, short notice)". */
export const UNPLANNED_REASONS: ReadonlySet<AbsenceReason> = new Set<AbsenceReason>(['sickness', 'short-notice']);

/** Rule 3 alone: what the registration date gives. */
export function kindByRegistration(input: { from: string; to: string; registeredAt: Date }): AbsenceKind {
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
