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
const absence = (staffId: string, from: string, to: string, kind: ReportAbsence['kind'], deletedAt: string | null = null): ReportAbsence => ({
  staffId,
  from,
  to,
  kind,
  deletedAt,
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

  it('issue 8 item 5: planned vs unplanned absences, not shown for a group of fewer than 3 people', () => {
    expect(row(absences!, 'Bad Ems')).toEqual(['Bad Ems', 2, 2]);
    // Diez: one person absent – no figure, else it would name her.
    expect(row(absences!, 'Diez')).toEqual(['Diez', null, null]);
    expect(row(absences!, 'Alle gewählten Standorte')).toEqual(['Alle gewählten Standorte', 2, 3]);
  });

  it('nobody absent is a plain 0, not hidden', () => {
    const [, t] = staffingTables(countStaffingOf([], [], HOME, ctx), ctx);
    expect(row(t!, 'Bad Ems')).toEqual(['Bad Ems', 0, 0]);
  });
});
