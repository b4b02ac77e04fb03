import { classifyAbsenceKind, firstWorkingDay } from '@shared/domain/absence-kind';
import { addWorkingDays, berlinDate } from '@shared/domain/calendar';
import { formatSessionDate } from '@shared/domain/desk-sessions';
import { ABSENCE_KIND_LABELS, type AbsenceKind } from '@shared/model';

/**
 * Says before saving how an absence will be classified and why (issue #3 item 4: "One registered on
 * the day itself or the working day before counts as unplanned unless marked otherwise"). The rule
 * itself is classifyAbsenceKind (shared/domain/absence-kind.ts); this only puts its reasoning into
 * German words, from the same inputs.
 */
export interface KindExplanation {
  kind: AbsenceKind;
  /** What the registration date alone would give. */
  byDate: AbsenceKind;
  text: string;
}

export function explainAbsenceKind(input: {
  from: string;
  to: string;
  registeredAt: Date;
  marked: AbsenceKind | null;
}): KindExplanation {
  const byDate = classifyAbsenceKind({ from: input.from, to: input.to, registeredAt: input.registeredAt });
  if (input.marked) {
    const same = input.marked === byDate;
    return {
      kind: input.marked,
      byDate,
      text: `Wird als ${ABSENCE_KIND_LABELS[input.marked]} erfasst – von Hand festgelegt${
        same ? ' (entspricht dem Meldedatum).' : ` (nach dem Meldedatum wäre sie ${ABSENCE_KIND_LABELS[byDate]}).`
      }`,
    };
  }
  return { kind: byDate, byDate, text: `Wird als ${ABSENCE_KIND_LABELS[byDate]} erfasst, weil ${because(input, byDate)}` };
}

function because(input: { from: string; to: string; registeredAt: Date }, kind: AbsenceKind): string {
  const first = firstWorkingDay(input.from, input.to) ?? input.from;
  const registered = berlinDate(input.registeredAt);
  const dayBefore = addWorkingDays(first, -1);
  if (kind === 'planned') {
    return `sie vor dem Arbeitstag davor gemeldet wird (erster Arbeitstag der Abwesenheit: ${formatSessionDate(first)}) – es bleibt Zeit, die Vertretung zu planen (GA §4.5).`;
  }
  if (registered > first) return `sie erst nach ihrem Beginn (${formatSessionDate(first)}) gemeldet wird – kurzfristiger Ausfall (GA §4.5).`;
  if (registered === first) return `sie am Tag selbst (${formatSessionDate(first)}) gemeldet wird – kurzfristiger Ausfall (GA §4.5).`;
  // The working day before, or a weekend/holiday between it and the first day.
  const when = registered === dayBefore ? 'am Arbeitstag davor' : 'nach dem Arbeitstag davor';
  return `sie erst ${when} (${formatSessionDate(dayBefore)}) gemeldet wird – kurzfristiger Ausfall (GA §4.5).`;
}
