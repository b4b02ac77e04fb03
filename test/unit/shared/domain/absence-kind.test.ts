import { describe, expect, it } from 'vitest';
import { classifyAbsenceKind, firstWorkingDay } from '../../../../shared/domain/absence-kind';
import type { AbsenceReason } from '../../../../shared/model';

// Issue #3 item 4: "One registered on the day itself or the working day before counts as
// unplanned unless marked otherwise." Working days per SPEC §2 (Mon–Fri without DE-RP holidays).
// 2026-11-23 is a Monday; 2026-06-04 (Thu) is Fronleichnam.

const at = (iso: string) => new Date(iso);
const kind = (from: string, registeredAt: string, to = from, marked?: 'planned' | 'unplanned', reason: AbsenceReason = 'vacation') =>
  classifyAbsenceKind({ from, to, registeredAt: at(registeredAt), marked, reason });

describe('issue #3 item 4: planned or unplanned by the registration date', () => {
  it.each([
    ['registered on the day itself (Thu 07:30) → unplanned', '2026-11-26', '2026-11-26T07:30:00+01:00', 'unplanned'],
    ['registered the working day before (Wed 16:00) → unplanned', '2026-11-26', '2026-11-25T16:00:00+01:00', 'unplanned'],
    ['registered two working days before (Tue) → planned', '2026-11-26', '2026-11-24T09:00:00+01:00', 'planned'],
    ['registered weeks ahead → planned', '2026-11-26', '2026-10-01T09:00:00+02:00', 'planned'],
    ['registered after it began (sick note on day two) → unplanned', '2026-11-23', '2026-11-24T08:00:00+01:00', 'unplanned'],
  ] as const)('%s', (_rule, from, registered, expected) => {
    expect(kind(from, registered)).toBe(expected);
  });

  it('counts working days, not calendar days: for a Monday, Friday is the working day before', () => {
    expect(kind('2026-11-30', '2026-11-27T12:00:00+01:00')).toBe('unplanned'); // Fri
    expect(kind('2026-11-30', '2026-11-28T12:00:00+01:00')).toBe('unplanned'); // Sat, later still
    expect(kind('2026-11-30', '2026-11-26T12:00:00+01:00')).toBe('planned'); // Thu
  });

  it('skips DE-RP public holidays: for Fri after Fronleichnam (Thu 2026-06-04) the working day before is Wednesday', () => {
    expect(kind('2026-06-05', '2026-06-03T10:00:00+02:00')).toBe('unplanned');
    expect(kind('2026-06-05', '2026-06-02T10:00:00+02:00')).toBe('planned');
  });

  it('judges an absence from a weekend by its first working day (Sat–Tue → Monday)', () => {
    expect(kind('2026-11-28', '2026-11-27T10:00:00+01:00', '2026-12-01')).toBe('unplanned'); // Fri before Mon
    expect(kind('2026-11-28', '2026-11-26T10:00:00+01:00', '2026-12-01')).toBe('planned');
  });

  it('reads the registration time on the Berlin wall clock (23:30 UTC is already the next day)', () => {
    // Tue 2026-11-24 23:30 UTC = Wed 00:30 Berlin → the working day before Thursday.
    expect(kind('2026-11-26', '2026-11-24T23:30:00Z')).toBe('unplanned');
    expect(kind('2026-11-26', '2026-11-24T22:30:00Z')).toBe('planned');
  });

  it('"unless marked otherwise": an explicit kind wins in both directions', () => {
    expect(kind('2026-11-26', '2026-11-26T07:30:00+01:00', '2026-11-26', 'planned')).toBe('planned');
    expect(kind('2026-11-26', '2026-10-01T09:00:00+02:00', '2026-11-26', 'unplanned')).toBe('unplanned');
  });
});

describe('issue #3 item 4: "planned (vacation, training) or unplanned (sickness, short notice)" – the reason decides first', () => {
  const weeksAhead = '2026-10-01T09:00:00+02:00';
  it.each([
    ['sickness registered weeks ahead → unplanned', 'sickness', 'unplanned'],
    ['short notice registered weeks ahead → unplanned', 'short-notice', 'unplanned'],
    ['vacation registered weeks ahead → planned', 'vacation', 'planned'],
    ['training registered weeks ahead → planned', 'training', 'planned'],
    ['another reason registered weeks ahead → planned (registration date)', 'other', 'planned'],
  ] as const)('%s', (_rule, reason, expected) => {
    expect(kind('2026-11-26', weeksAhead, '2026-11-26', undefined, reason)).toBe(expected);
  });

  it('vacation and training registered on the day itself or the working day before are unplanned (short notice)', () => {
    expect(kind('2026-11-26', '2026-11-26T07:30:00+01:00', '2026-11-26', undefined, 'vacation')).toBe('unplanned');
    expect(kind('2026-11-26', '2026-11-25T16:00:00+01:00', '2026-11-26', undefined, 'training')).toBe('unplanned');
  });

  it('"unless marked otherwise": a sick leave known ahead (an operation) may be marked planned', () => {
    expect(kind('2026-11-26', weeksAhead, '2026-11-26', 'planned', 'sickness')).toBe('planned');
  });
});

describe('firstWorkingDay', () => {
  it('is the first day itself on a working day, the next working day otherwise, null without one', () => {
    expect(firstWorkingDay('2026-11-26', '2026-11-27')).toBe('2026-11-26');
    expect(firstWorkingDay('2026-11-28', '2026-12-01')).toBe('2026-11-30');
    expect(firstWorkingDay('2026-11-28', '2026-11-29')).toBeNull();
  });
});
