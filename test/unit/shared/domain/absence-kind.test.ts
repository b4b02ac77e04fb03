import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  absenceDayKinds,
  absenceKindOn,
  classifyAbsenceDay,
  classifyAbsenceKind,
  firstWorkingDay,
  kindTurn,
} from '../../../../shared/domain/absence-kind';
import { addDays } from '../../../../shared/domain/calendar';
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

// Issue 7 item 9 (the answer to the open question on seed §4.5 "planbare" vs "kurzfristige"
// Ausfälle): "Classify each day of an absence by its own notice."
describe('issue 7 item 9: each day of an absence has its own kind', () => {
  const day = (
    date: string,
    registeredAt: string,
    o: { from?: string; to?: string; reason?: AbsenceReason; marked?: 'planned' | 'unplanned' } = {},
  ) =>
    classifyAbsenceDay(
      { from: o.from ?? '2026-12-07', to: o.to ?? '2026-12-18', registeredAt: at(registeredAt), reason: o.reason ?? 'vacation', marked: o.marked ?? null },
      date,
    );
  const FRIDAY_BEFORE = '2026-12-04T10:00:00+01:00';

  it('issue 7 item 9: a two-week vacation registered on the Friday before is unplanned for its Monday only', () => {
    // Vacation Mon 07.12.–Fri 18.12.2026, registered Fri 04.12.
    expect(day('2026-12-07', FRIDAY_BEFORE)).toBe('unplanned');
    for (const d of ['2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-14', '2026-12-18']) expect(day(d, FRIDAY_BEFORE)).toBe('planned');
    // The record keeps its first working day's kind; the turn is named for the screens.
    const input = { from: '2026-12-07', to: '2026-12-18', registeredAt: at(FRIDAY_BEFORE), reason: 'vacation' as const };
    expect(classifyAbsenceKind(input)).toBe('unplanned');
    expect(kindTurn(input)).toEqual({ unplannedUntil: '2026-12-07', plannedFrom: '2026-12-08' });
  });

  it('the same vacation registered on its Monday: Monday and Tuesday unplanned, planned from Wednesday', () => {
    const monday = '2026-12-07T08:00:00+01:00';
    expect(day('2026-12-07', monday)).toBe('unplanned');
    expect(day('2026-12-08', monday)).toBe('unplanned');
    expect(day('2026-12-09', monday)).toBe('planned');
  });

  it('a start on the weekend: Saturday and Sunday are judged like the Monday after', () => {
    const o = { from: '2026-11-28', to: '2026-12-04' };
    const friday = '2026-11-27T10:00:00+01:00';
    expect(day('2026-11-28', friday, o)).toBe('unplanned');
    expect(day('2026-11-29', friday, o)).toBe('unplanned');
    expect(day('2026-11-30', friday, o)).toBe('unplanned');
    expect(day('2026-12-01', friday, o)).toBe('planned');
    expect(kindTurn({ ...o, registeredAt: at(friday), reason: 'vacation' })).toEqual({ unplannedUntil: '2026-11-30', plannedFrom: '2026-12-01' });
  });

  it('DE-RP holidays are no working days: registered Wednesday before Fronleichnam (Thu 04.06.2026), Friday is unplanned, Monday planned', () => {
    const o = { from: '2026-06-05', to: '2026-06-12' };
    const wednesday = '2026-06-03T10:00:00+02:00';
    expect(day('2026-06-05', wednesday, o)).toBe('unplanned'); // the working day before Fri is Wed
    expect(day('2026-06-08', wednesday, o)).toBe('planned'); // Mon: two working days before is Wed
    // Registered Thu 02.04.2026, before Good Friday (03.04.) and Easter Monday (06.04.):
    const e = { from: '2026-04-06', to: '2026-04-10' };
    expect(day('2026-04-06', '2026-04-02T10:00:00+02:00', e)).toBe('unplanned'); // Mon holiday → like Tue 07.04.; Thu 02.04. is the working day before
    expect(day('2026-04-08', '2026-04-02T10:00:00+02:00', e)).toBe('planned'); // Wed 08.04.: two working days before is Thu 02.04.
  });

  it('issue #3 item 4: sickness and short notice stay unplanned on every day, however long ahead they are known', () => {
    const weeksAhead = '2026-10-01T09:00:00+02:00';
    for (const reason of ['sickness', 'short-notice'] as const) {
      expect(day('2026-12-07', weeksAhead, { reason })).toBe('unplanned');
      expect(day('2026-12-18', FRIDAY_BEFORE, { reason })).toBe('unplanned');
      expect(kindTurn({ from: '2026-12-07', to: '2026-12-18', registeredAt: at(FRIDAY_BEFORE), reason })).toBeNull();
    }
  });

  it('"unless marked otherwise": a marked kind holds for every day', () => {
    expect(day('2026-12-07', FRIDAY_BEFORE, { marked: 'planned' })).toBe('planned');
    expect(day('2026-12-18', FRIDAY_BEFORE, { marked: 'unplanned' })).toBe('unplanned');
    expect(day('2026-12-07', FRIDAY_BEFORE, { reason: 'sickness', marked: 'planned' })).toBe('planned');
  });

  it('a stored absence: absenceKindOn reads the per-day rule; a kind marked by hand or an anonymised record keeps its stored kind on every day', () => {
    const stored = { from: '2026-12-07', to: '2026-12-18', reason: 'vacation' as const, registeredAt: '2026-12-04T09:00:00.000Z', kind: 'unplanned' as const, kindOverridden: false };
    expect(absenceKindOn(stored, '2026-12-07')).toBe('unplanned');
    expect(absenceKindOn(stored, '2026-12-08')).toBe('planned');
    expect(absenceKindOn({ ...stored, kindOverridden: true }, '2026-12-08')).toBe('unplanned');
    // Issue 10 item 13: after the retention period the reason reads 'other' and means nothing.
    expect(absenceKindOn({ ...stored, reason: 'other', anonymisedAt: '2029-01-01T00:00:00.000Z' }, '2026-12-08')).toBe('unplanned');
  });

  it('absenceDayKinds lists each calendar day, cut to a window', () => {
    const input = { from: '2026-12-07', to: '2026-12-18', registeredAt: at(FRIDAY_BEFORE), reason: 'vacation' as const };
    expect(absenceDayKinds(input, { from: '2026-12-01', to: '2026-12-08' })).toEqual([
      { date: '2026-12-07', kind: 'unplanned' },
      { date: '2026-12-08', kind: 'planned' },
    ]);
    expect(absenceDayKinds(input)).toHaveLength(12);
  });

  it('property: the kind is monotone – once a day is planned, no later day of the same absence is unplanned', () => {
    const dayOf = (n: number) => addDays('2026-01-01', n);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 900 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: -40, max: 70 }),
        fc.integer({ min: 0, max: 23 }),
        fc.constantFrom<AbsenceReason>('vacation', 'training', 'other'),
        (start, length, registeredOffset, hour, reason) => {
          const from = dayOf(start);
          const to = addDays(from, length);
          const registeredAt = at(`${addDays(from, -registeredOffset)}T${String(hour).padStart(2, '0')}:15:00Z`);
          const kinds = absenceDayKinds({ from, to, registeredAt, reason }).map((d) => d.kind);
          const firstPlanned = kinds.indexOf('planned');
          return firstPlanned === -1 || kinds.slice(firstPlanned).every((k) => k === 'planned');
        },
      ),
      { numRuns: 500 },
    );
  });
});
