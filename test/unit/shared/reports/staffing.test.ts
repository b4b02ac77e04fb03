import { describe, expect, it } from 'vitest';
import { periodContaining } from '../../../../shared/reports/period';
import { countStaffingOf, staffingTables, type ReportAbsence, type ReportCell } from '../../../../shared/reports/staffing';
import { context, row } from './fixtures';

const cell = (siteId: string, date: string, status: ReportCell['status'], extra: Partial<ReportCell> = {}): ReportCell => ({
  siteId,
  date,
  status,
  planned: true,
  escalateTo: null,
  accepted: [],
  ...extra,
});
const absence = (staffId: string, from: string, to: string, kind: ReportAbsence['kind'], deletedAt: string | null = null, extra: Partial<ReportAbsence> = {}): ReportAbsence => ({
  staffId,
  from,
  to,
  kind,
  deletedAt,
  // The rule gives `kind` on every day: a vacation known long ahead, a sickness reported that morning.
  reason: kind === 'planned' ? 'vacation' : 'sickness',
  registeredAt: kind === 'planned' ? '2026-11-02T09:00:00.000Z' : `${from}T06:30:00.000Z`,
  kindOverridden: false,
  ...extra,
});

const ctx = context(periodContaining('week', '2026-12-21'), '2027-01-05T12:00:00+01:00');
const CELLS = [
  cell('be', '2026-12-21', 'covered'),
  cell('be', '2026-12-22', 'covered', { accepted: [{ source: 'ez-other-site' }] }),
  cell('be', '2026-12-24', 'at-risk'),
  cell('be', '2026-12-25', 'closed'), // Christmas Day: no session
  cell('be', '2026-12-28', 'uncovered', { escalateTo: 'GF' }), // next week: outside the period
  cell('dz', '2026-12-21', 'covered', { accepted: [{ source: 'lb-same-site' }] }),
  cell('dz', '2026-12-22', 'uncovered', { escalateTo: 'GF' }),
  cell('dz', '2026-12-24', 'at-risk', { planned: false }), // nobody drafted the roster yet
  cell('ls', '2026-12-21', 'uncovered'), // Lahnstein is not chosen
];
const HOME = new Map([
  ['p1', 'be'],
  ['p2', 'be'],
  ['p3', 'be'],
  ['p4', 'dz'],
]);
const ABSENCES = [
  absence('p1', '2026-12-21', '2026-12-23', 'planned'),
  absence('p2', '2026-12-14', '2026-12-21', 'planned'), // touches the period on its last day
  absence('p3', '2026-12-22', '2026-12-22', 'unplanned'),
  absence('p3', '2026-12-24', '2026-12-24', 'unplanned'),
  absence('p4', '2026-12-21', '2026-12-21', 'unplanned'),
  absence('p1', '2026-12-28', '2026-12-30', 'planned'), // after the period
  absence('p2', '2026-12-23', '2026-12-23', 'unplanned', '2026-12-22T10:00:00.000Z'), // withdrawn
];

describe('issue 8 item 2: desk staffing (seed §4.5, SPEC §6) – counts only', () => {
  const [sessions, absences] = staffingTables(countStaffingOf(CELLS, ABSENCES, HOME, ctx), ctx);

  it('sessions covered / at risk / uncovered / not yet planned; closed days apart; accepted cover by route; escalations to GF', () => {
    expect(row(sessions!, 'Bad Ems')).toEqual(['Bad Ems', 3, 2, 1, 0, 0, 1, 0, 1, 0, 0]);
    expect(row(sessions!, 'Diez')).toEqual(['Diez', 3, 1, 0, 1, 1, 0, 0, 0, 1, 1]);
    expect(row(sessions!, 'Alle gewählten Standorte')).toEqual(['Alle gewählten Standorte', 6, 3, 1, 1, 1, 1, 0, 1, 1, 1]);
  });

  it('issue 8 item 5: planned vs unplanned absence days, not shown for a group of fewer than 3 people', () => {
    // Bad Ems: p1 Mon–Wed and p2 Mon (its last day) planned = 4 days; p3 Tue and Thu unplanned = 2.
    expect(row(absences!, 'Bad Ems')).toEqual(['Bad Ems', 4, 2]);
    // Diez: one person absent – no figure, else it would name her.
    expect(row(absences!, 'Diez')).toEqual(['Diez', null, null]);
    expect(row(absences!, 'Alle gewählten Standorte')).toEqual(['Alle gewählten Standorte', 4, 3]);
  });

  it('issue 7 item 9: each absence day counts by its own notice – a vacation registered on the Friday before is unplanned on its Monday only', () => {
    const late = (staffId: string) => absence(staffId, '2026-12-21', '2026-12-24', 'unplanned', null, { reason: 'vacation', registeredAt: '2026-12-18T10:00:00.000Z' });
    const [, t] = staffingTables(countStaffingOf([], [late('p1'), late('p2'), late('p3')], HOME, ctx), ctx);
    // Mon 21.12. unplanned; Tue 22.–Thu 24.12. planned (Fri 25.12. Christmas is no working day).
    expect(row(t!, 'Bad Ems')).toEqual(['Bad Ems', 9, 3]);
  });

  it('issue 7 item 9: a kind marked by hand holds for every day; sickness is unplanned on every day', () => {
    const marked = absence('p1', '2026-12-21', '2026-12-24', 'planned', null, { reason: 'sickness', registeredAt: '2026-12-21T06:30:00.000Z', kindOverridden: true });
    const sick = absence('p2', '2026-12-21', '2026-12-24', 'unplanned', null, { registeredAt: '2026-11-02T09:00:00.000Z' });
    const vacation = absence('p3', '2026-12-21', '2026-12-21', 'planned');
    const [, t] = staffingTables(countStaffingOf([], [marked, sick, vacation], HOME, ctx), ctx);
    expect(row(t!, 'Bad Ems')).toEqual(['Bad Ems', 5, 4]);
  });

  it('nobody absent is a plain 0, not hidden', () => {
    const [, t] = staffingTables(countStaffingOf([], [], HOME, ctx), ctx);
    expect(row(t!, 'Bad Ems')).toEqual(['Bad Ems', 0, 0]);
  });
});
