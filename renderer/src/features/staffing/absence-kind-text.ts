import { classifyAbsenceKind, firstWorkingDay, UNPLANNED_REASONS } from '@shared/domain/absence-kind';
import { addWorkingDays, berlinDate } from '@shared/domain/calendar';
import { formatSessionDate } from '@shared/domain/desk-sessions';
import { ABSENCE_KIND_LABELS, ABSENCE_REASON_LABELS, type AbsenceKind, type AbsenceReason } from '@shared/model';

/**
 * Says before saving how an absence will be classified and why (issue #3 item 4: "planned (vacation,
 * training) or unplanned (sickness, short notice) … One registered on the day itself or the working
 * day before counts as unplanned unless marked otherwise"). The rule
 * itself is classifyAbsenceKind (shared/domain/absence-kind.ts); this only puts its reasoning into
 * German words, from the same inputs.
 */
export interface KindExplanation {
  kind: AbsenceKind;
  /** What the rule (reason, then registration date) gives without a kind marked by hand. */
  byRule: AbsenceKind;
  text: string;
}

export function explainAbsenceKind(input: {
  from: string;
  to: string;
  registeredAt: Date;
  /** The chosen reason; null while none is chosen (then the registration date alone is shown). */
  reason: AbsenceReason | null;
  marked: AbsenceKind | null;
}): KindExplanation {
  const reason = input.reason ?? 'other';
  const byRule = classifyAbsenceKind({ from: input.from, to: input.to, registeredAt: input.registeredAt, reason });
  if (input.marked) {
    const same = input.marked === byRule;
    return {
      kind: input.marked,
      byRule,
      text: `Wird als ${ABSENCE_KIND_LABELS[input.marked]} erfasst – von Hand festgelegt${
        same ? ' (entspricht der Regel).' : ` (nach der Regel wäre sie ${ABSENCE_KIND_LABELS[byRule]}).`
      }`,
    };
  }
  if (input.reason !== null && UNPLANNED_REASONS.has(input.reason)) {
    return {
      kind: byRule,
      byRule,
      text: `Wird als ungeplant erfasst, weil der Grund „${ABSENCE_REASON_LABELS[input.reason]}“ ein ungeplanter Ausfall ist – dann vertritt zuerst der Leistungsbereich vor Ort (GA §4.5).`,
    };
  }
  return { kind: byRule, byRule, text: `Wird als ${ABSENCE_KIND_LABELS[byRule]} erfasst, weil ${because(input, byRule)}` };
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
