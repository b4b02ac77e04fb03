import { describe, expect, it } from 'vitest';
import { explainAbsenceKind, kindDaysText } from '../../../../renderer/src/features/staffing/absence-kind-text';

/**
 * Issue #3 item 4: "One registered on the day itself or the working day before counts as unplanned
 * unless marked otherwise" – shown before saving with the reason ("wird als ungeplant erfasst, weil …").
 */
const at = (iso: string) => new Date(`${iso}+01:00`);

describe('the kind of an absence, explained before saving', () => {
  it('registered two working days ahead: planned', () => {
    const e = explainAbsenceKind({ from: '2026-11-30', to: '2026-12-04', registeredAt: at('2026-11-26T09:00:00'), reason: 'vacation', marked: null });
    expect(e.kind).toBe('planned');
    expect(e.text).toBe(
      'Wird als geplant erfasst, weil sie vor dem Arbeitstag davor gemeldet wird (erster Arbeitstag der Abwesenheit: Mo, 30.11.2026) – es bleibt Zeit, die Vertretung zu planen (GA §4.5).',
    );
  });

  it('registered on the day itself: unplanned', () => {
    const e = explainAbsenceKind({ from: '2026-11-26', to: '2026-11-26', registeredAt: at('2026-11-26T07:30:00'), reason: 'vacation', marked: null });
    expect(e.kind).toBe('unplanned');
    expect(e.text).toBe('Wird als ungeplant erfasst, weil sie am Tag selbst (Do, 26.11.2026) gemeldet wird – kurzfristiger Ausfall (GA §4.5).');
  });

  it('registered on the working day before: unplanned', () => {
    const e = explainAbsenceKind({ from: '2026-11-27', to: '2026-11-27', registeredAt: at('2026-11-26T16:00:00'), reason: 'vacation', marked: null });
    expect(e.text).toBe('Wird als ungeplant erfasst, weil sie erst am Arbeitstag davor (Do, 26.11.2026) gemeldet wird – kurzfristiger Ausfall (GA §4.5).');
  });

  it('registered on the weekend for Monday: after the working day before, still unplanned', () => {
    const e = explainAbsenceKind({ from: '2026-11-30', to: '2026-11-30', registeredAt: at('2026-11-28T10:00:00'), reason: 'vacation', marked: null });
    expect(e.kind).toBe('unplanned');
    expect(e.text).toContain('weil sie erst nach dem Arbeitstag davor (Fr, 27.11.2026) gemeldet wird');
  });

  it('a sick note on day two: registered after the absence began', () => {
    const e = explainAbsenceKind({ from: '2026-11-25', to: '2026-11-27', registeredAt: at('2026-11-26T08:00:00'), reason: 'vacation', marked: null });
    expect(e.text).toContain('weil sie erst nach ihrem Beginn (Mi, 25.11.2026) gemeldet wird');
  });

  it('an absence starting on a weekend counts from its first working day', () => {
    const e = explainAbsenceKind({ from: '2026-11-28', to: '2026-12-02', registeredAt: at('2026-11-26T09:00:00'), reason: 'vacation', marked: null });
    expect(e.kind).toBe('planned');
    expect(e.text).toContain('erster Arbeitstag der Abwesenheit: Mo, 30.11.2026');
  });

  it('issue #3 item 4 "unplanned (sickness, short notice)": sickness is unplanned even when known weeks ahead, and the text says why', () => {
    const e = explainAbsenceKind({ from: '2026-12-14', to: '2026-12-18', registeredAt: at('2026-11-26T09:00:00'), reason: 'sickness', marked: null });
    expect(e.kind).toBe('unplanned');
    expect(e.text).toBe(
      'Wird als ungeplant erfasst, weil der Grund „Krankheit“ ein ungeplanter Ausfall ist – dann vertritt zuerst der Leistungsbereich vor Ort (GA §4.5).',
    );
  });

  it('"unless marked otherwise": a kind marked by hand wins and says what the rule would have given', () => {
    const known = explainAbsenceKind({ from: '2026-11-27', to: '2026-11-27', registeredAt: at('2026-11-26T09:00:00'), reason: 'vacation', marked: 'planned' });
    expect(known).toEqual({
      kind: 'planned',
      byRule: 'unplanned',
      text: 'Wird als geplant erfasst – von Hand festgelegt (nach der Regel wäre sie ungeplant).',
    });
    const same = explainAbsenceKind({ from: '2026-11-26', to: '2026-11-26', registeredAt: at('2026-11-26T09:00:00'), reason: 'vacation', marked: 'unplanned' });
    expect(same.text).toBe('Wird als ungeplant erfasst – von Hand festgelegt (entspricht der Regel).');
  });
});

describe('issue 7 item 9: each day by its own notice – the text names where the kind turns', () => {
  it('a two-week vacation registered on the Friday before is unplanned for its Monday only', () => {
    const e = explainAbsenceKind({ from: '2026-12-07', to: '2026-12-18', registeredAt: at('2026-12-04T10:00:00'), reason: 'vacation', marked: null });
    expect(e.kind).toBe('unplanned');
    expect(e.text).toBe(
      'Wird am Mo, 07.12.2026 als ungeplant erfasst, weil sie erst am Arbeitstag davor (Fr, 04.12.2026) gemeldet wird – kurzfristiger Ausfall (GA §4.5). ' +
        'Ab Di, 08.12.2026 gilt sie als geplant: jeder Tag zählt nach seiner eigenen Vorlaufzeit, und für diese Tage bleibt Zeit, die Vertretung zu planen.',
    );
  });

  it('registered on its first day: unplanned until the day after, then planned', () => {
    const e = explainAbsenceKind({ from: '2026-12-07', to: '2026-12-18', registeredAt: at('2026-12-07T07:30:00'), reason: 'training', marked: null });
    expect(e.text).toMatch(/^Wird bis Di, 08\.12\.2026 als ungeplant erfasst, weil sie am Tag selbst \(Mo, 07\.12\.2026\) gemeldet wird/);
    expect(e.text).toContain('Ab Mi, 09.12.2026 gilt sie als geplant');
  });

  it('marked by hand: the kind holds for every day and the text says what the rule would have given day by day', () => {
    const e = explainAbsenceKind({ from: '2026-12-07', to: '2026-12-18', registeredAt: at('2026-12-04T10:00:00'), reason: 'vacation', marked: 'planned' });
    expect(e.text).toBe('Wird als geplant erfasst – von Hand festgelegt (nach der Regel wäre sie ungeplant am Mo, 07.12.2026, ab Di, 08.12.2026 geplant).');
  });

  it('sickness: unplanned on every day, no turn', () => {
    const e = explainAbsenceKind({ from: '2026-12-07', to: '2026-12-18', registeredAt: at('2026-12-04T10:00:00'), reason: 'sickness', marked: null });
    expect(e.text).toMatch(/^Wird als ungeplant erfasst, weil der Grund „Krankheit“/);
  });
});

describe('issue 7 item 9: the absence list names the days whose kind differs', () => {
  const stored = { from: '2026-12-07', to: '2026-12-18', reason: 'vacation' as const, registeredAt: '2026-12-04T09:00:00.000Z', kind: 'unplanned' as const, kindOverridden: false };
  it('"ungeplant am 07.12., ab 08.12. geplant" for the vacation registered on the Friday before', () => {
    expect(kindDaysText(stored)).toBe('ungeplant am 07.12., ab 08.12. geplant');
  });
  it('"ungeplant bis …" when more than the first day is unplanned; nothing when all days are alike or the kind was marked', () => {
    expect(kindDaysText({ ...stored, registeredAt: '2026-12-07T07:00:00.000Z' })).toBe('ungeplant bis 08.12., ab 09.12. geplant');
    expect(kindDaysText({ ...stored, registeredAt: '2026-11-02T09:00:00.000Z', kind: 'planned' })).toBeNull();
    expect(kindDaysText({ ...stored, kindOverridden: true })).toBeNull();
    expect(kindDaysText({ ...stored, reason: 'sickness' })).toBeNull();
  });
});
