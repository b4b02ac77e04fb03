import type { Absence, AbsenceKind, AbsenceReason } from '../model/staffing';
import { addDays, addWorkingDays, berlinDate, isWorkingDay } from './calendar';

/**
 * Planned or unplanned absence (seed §4.5: "planbare Personalausfälle (z.B. durch Urlaub)" vs
 * "kurzfristige Ausfälle … ungeplante Vertretungssituationen"; issue #3 item 4: "planned
 * (vacation, training) or unplanned (sickness, short notice) … One registered on the day itself or
 * the working day before counts as unplanned unless marked otherwise").
 *
 * Issue 7 item 9 answered the open question how a long absence is judged: "Classify each day of an
 * absence by its own notice. A two-week vacation registered on the Friday before is unplanned for
 * its Monday only, and planned from Tuesday on." So the kind belongs to a DAY of an absence
 * (`classifyAbsenceDay`, `absenceKindOn`), not to the absence as a whole.
 *
 * Rule for one day D, in this order:
 * 1. A kind marked by a person always wins, for every day ("unless marked otherwise") – a sick
 *    leave known a week ahead (an operation) may be marked planned.
 * 2. The reason: sickness and short-notice absences are unplanned on every day – issue #3 names
 *    them as the unplanned kind, whenever they are registered. (Issue 7 item 9 speaks of a
 *    vacation; a sickness stays the unplanned kind of issue #3 on all its days, because the desk
 *    cannot know how long it lasts – a sick note is extended at short notice.)
 * 3. Any other reason (vacation, training, other): D is planned iff it was registered (Berlin date)
 *    on or before the working day two before D – there was at least one full working day to plan
 *    the cover for D. Later (the working day before, D itself, afterwards): unplanned.
 *
 * - A day that is no working day (weekend, DE-RP holiday) is judged like the next working day: the
 *   desk's next opening is what the cover is for (SPEC §2 working days).
 * - The kind is monotone over the days of one absence: once a day is planned, every later day is.
 * - The stored `kind` of an absence record is its FIRST working day's kind (`classifyAbsenceKind`),
 *   or the kind a person marked (`kindOverridden`); decisions read the kind of the day in question
 *   through `absenceKindOn`.
 */

export interface AbsenceKindInput {
  from: string;
  to: string;
  registeredAt: Date;
  reason: AbsenceReason;
  /** "unless marked otherwise": an explicit kind wins. */
  marked?: AbsenceKind | null;
}

/** The kind of one day `date` of an absence (rules 1–3 above). */
export function classifyAbsenceDay(input: AbsenceKindInput, date: string): AbsenceKind {
  if (input.marked) return input.marked;
  if (UNPLANNED_REASONS.has(input.reason)) return 'unplanned';
  return kindByRegistrationOn(input.registeredAt, date);
}

/**
 * The kind of an absence as a whole record – that of its first working day (its first day if it
 * has none). This is what the record stores in `kind`; later days may be planned where the first is
 * not (issue 7 item 9): decide with `absenceKindOn` / `classifyAbsenceDay`.
 */
export function classifyAbsenceKind(input: AbsenceKindInput): AbsenceKind {
  return classifyAbsenceDay(input, firstWorkingDay(input.from, input.to) ?? input.from);
}

/** Issue #3 item 4: "unplanned (sickness, short notice)". */
export const UNPLANNED_REASONS: ReadonlySet<AbsenceReason> = new Set<AbsenceReason>(['sickness', 'short-notice']);

/** Rule 3 alone for one day: what the registration date gives. */
export function kindByRegistrationOn(registeredAt: Date, date: string): AbsenceKind {
  const day = isWorkingDay(date) ? date : addWorkingDays(date, 1);
  // Registered on or before the working day two before → there was at least one full working day
  // to plan the cover; later (the working day before, the day itself, afterwards) → unplanned.
  return berlinDate(registeredAt) <= addWorkingDays(day, -2) ? 'planned' : 'unplanned';
}

/** Rule 3 alone for the first working day of an absence (its first day if it has none). */
export function kindByRegistration(input: { from: string; to: string; registeredAt: Date }): AbsenceKind {
  return kindByRegistrationOn(input.registeredAt, firstWorkingDay(input.from, input.to) ?? input.from);
}

/** An absence record as the per-day rule reads it. */
export type AbsenceKindRecord = Pick<Absence, 'from' | 'to' | 'reason' | 'registeredAt' | 'kind' | 'kindOverridden'> & {
  anonymisedAt?: string | null;
};

/**
 * The kind of a stored absence on `date` (issue 7 item 9). A kind marked by hand holds for every
 * day. An anonymised record (issue 10 item 13) no longer knows its reason – 'other' then means
 * nothing – so its stored kind holds for every day, as it did before per-day kinds: a past
 * sickness must not turn planned in a report.
 */
export function absenceKindOn(a: AbsenceKindRecord, date: string): AbsenceKind {
  return classifyAbsenceDay(kindInputOf(a), date);
}

/** The rule's input of a stored absence: its stored kind counts as marked when a person marked it or it is anonymised. */
export function kindInputOf(a: AbsenceKindRecord): AbsenceKindInput {
  return {
    from: a.from,
    to: a.to,
    registeredAt: new Date(a.registeredAt),
    reason: a.reason,
    marked: a.kindOverridden || a.anonymisedAt != null ? a.kind : null,
  };
}

/**
 * Where the kind turns over the working days of an absence: its last unplanned working day and its
 * first planned one – or null when all its working days have one kind (also without working days).
 * By monotony there is at most one turn, from unplanned to planned.
 */
export function kindTurn(input: AbsenceKindInput): { unplannedUntil: string; plannedFrom: string } | null {
  const first = firstWorkingDay(input.from, input.to);
  if (first === null || classifyAbsenceDay(input, first) === 'planned') return null;
  let last = first;
  for (let day = addWorkingDays(first, 1); day <= input.to; day = addWorkingDays(day, 1)) {
    if (classifyAbsenceDay(input, day) === 'planned') return { unplannedUntil: last, plannedFrom: day };
    last = day;
  }
  return null;
}

/** Each calendar day of [from, to] with its kind (for counting absence days). */
export function absenceDayKinds(input: AbsenceKindInput, within?: { from: string; to: string }): { date: string; kind: AbsenceKind }[] {
  const from = within && within.from > input.from ? within.from : input.from;
  const to = within && within.to < input.to ? within.to : input.to;
  const out: { date: string; kind: AbsenceKind }[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) out.push({ date: day, kind: classifyAbsenceDay(input, day) });
  return out;
}

/** The first working day in [from, to], or null if there is none. */
export function firstWorkingDay(from: string, to: string): string | null {
  if (isWorkingDay(from)) return from;
  const next = addWorkingDays(from, 1);
  return next <= to ? next : null;
}
