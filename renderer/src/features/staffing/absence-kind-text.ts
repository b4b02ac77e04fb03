import { classifyAbsenceKind, firstWorkingDay, kindInputOf, kindTurn, UNPLANNED_REASONS, type AbsenceKindRecord } from '@shared/domain/absence-kind';
import { addWorkingDays, berlinDate } from '@shared/domain/calendar';
import { formatSessionDate } from '@shared/domain/desk-sessions';
import { ABSENCE_KIND_LABELS, ABSENCE_REASON_LABELS, type AbsenceKind, type AbsenceReason } from '@shared/model';

/**
 * Says before saving how an absence will be classified and why (issue #3 item 4: "planned (vacation,
 * training) or unplanned (sickness, short notice) … One registered on the day itself or the working
 * day before counts as unplanned unless marked otherwise"). Issue 7 item 9: each day of an absence
 * is judged by its own notice, so a long absence registered late is unplanned on its first days and
 * planned from the day there was time to plan cover – the text names both. The rule itself is
 * shared/domain/absence-kind.ts; this only puts its reasoning into German words, from the same inputs.
 */
export interface KindExplanation {
  /** The kind of the first working day (as the record stores it) or the kind marked by hand. */
  kind: AbsenceKind;
  /** What the rule (reason, then registration date) gives for the first working day without a kind marked by hand. */
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
  const rule = { from: input.from, to: input.to, registeredAt: input.registeredAt, reason };
  const byRule = classifyAbsenceKind(rule);
  const turn = kindTurn(rule);
  if (input.marked) {
    const same = input.marked === byRule && turn === null;
    const wouldBe = turn ? turnText(turn, formatSessionDate, firstWorkingDay(input.from, input.to)) : ABSENCE_KIND_LABELS[byRule];
    return {
      kind: input.marked,
      byRule,
      text: `Wird als ${ABSENCE_KIND_LABELS[input.marked]} erfasst – von Hand festgelegt${
        same ? ' (entspricht der Regel).' : ` (nach der Regel wäre sie ${wouldBe}).`
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
  if (turn) {
    const until = untilText(turn.unplannedUntil, formatSessionDate, firstWorkingDay(input.from, input.to));
    return {
      kind: byRule,
      byRule,
      text:
        `Wird ${until} als ungeplant erfasst, weil ${because(input, 'unplanned')} ` +
        `Ab ${formatSessionDate(turn.plannedFrom)} gilt sie als geplant: jeder Tag zählt nach seiner eigenen Vorlaufzeit, und für diese Tage bleibt Zeit, die Vertretung zu planen.`,
    };
  }
  return { kind: byRule, byRule, text: `Wird als ${ABSENCE_KIND_LABELS[byRule]} erfasst, weil ${because(input, byRule)}` };
}

/**
 * The days of a stored absence whose kind differs from its first day's (issue 7 item 9), in short
 * words for the absence list – "ungeplant am 07.12., ab 08.12. geplant" – or null when every day
 * has one kind.
 */
export function kindDaysText(a: AbsenceKindRecord): string | null {
  const turn = kindTurn(kindInputOf(a));
  return turn ? turnText(turn, shortDate, firstWorkingDay(a.from, a.to)) : null;
}

function turnText(turn: { unplannedUntil: string; plannedFrom: string }, date: (iso: string) => string, first: string | null): string {
  return `ungeplant ${untilText(turn.unplannedUntil, date, first)}, ab ${date(turn.plannedFrom)} geplant`;
}

/** "am Mo, 07.12.2026" when only the first working day is unplanned, else "bis …". */
function untilText(unplannedUntil: string, date: (iso: string) => string, first: string | null): string {
  return `${first === unplannedUntil ? 'am' : 'bis'} ${date(unplannedUntil)}`;
}

/** "07.12." */
function shortDate(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.`;
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
