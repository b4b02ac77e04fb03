import { describe, expect, it } from 'vitest';
import {
  isoWeek,
  MAX_RANGE_DAYS,
  nextPeriod,
  periodBounds,
  periodContaining,
  periodLabel,
  previousPeriod,
  rangePeriod,
} from '../../../../shared/reports/period';

describe('issue 8 item 1: a report period is whole Berlin calendar days, with the period before it', () => {
  it.each([
    ['day', 'day', '2026-11-26', '2026-11-26', '2026-11-26', '2026-11-25', '2026-11-25'],
    ['week (Monday to Sunday)', 'week', '2026-11-26', '2026-11-23', '2026-11-29', '2026-11-16', '2026-11-22'],
    ['month (leap February)', 'month', '2028-02-10', '2028-02-01', '2028-02-29', '2028-01-01', '2028-01-31'],
    ['month after a short February', 'month', '2026-03-31', '2026-03-01', '2026-03-31', '2026-02-01', '2026-02-28'],
    ['quarter', 'quarter', '2026-11-26', '2026-10-01', '2026-12-31', '2026-07-01', '2026-09-30'],
    ['first quarter: the one before lies in the year before', 'quarter', '2026-02-01', '2026-01-01', '2026-03-31', '2025-10-01', '2025-12-31'],
    ['year', 'year', '2026-11-26', '2026-01-01', '2026-12-31', '2025-01-01', '2025-12-31'],
  ] as const)('%s', (_name, kind, anchor, from, to, prevFrom, prevTo) => {
    const p = periodContaining(kind, anchor);
    expect([p.from, p.to]).toEqual([from, to]);
    const prev = previousPeriod(p);
    expect([prev.from, prev.to]).toEqual([prevFrom, prevTo]);
    expect(nextPeriod(prev)).toEqual(p);
  });

  it('a free range is compared with as many days right before it', () => {
    const r = rangePeriod('2026-11-10', '2026-11-19');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(previousPeriod(r.period)).toEqual({ kind: 'range', from: '2026-10-31', to: '2026-11-09' });
  });

  it('bad input: end before start, longer than a year, no date – a German message, no period', () => {
    expect(rangePeriod('2026-11-19', '2026-11-10')).toEqual({ ok: false, error: 'Das Ende liegt vor dem Beginn. Bitte den Zeitraum prüfen.' });
    expect(rangePeriod('2026-01-01', '2027-01-02')).toEqual({
      ok: false,
      error: `Der Zeitraum ist länger als ${MAX_RANGE_DAYS} Tage. Bitte höchstens ein Jahr wählen.`,
    });
    expect(rangePeriod('2026-02-30', '2026-03-02')).toEqual({ ok: false, error: 'Der Beginn ist kein gültiges Datum (TT.MM.JJJJ).' });
    expect(rangePeriod('2026-03-02', '')).toEqual({ ok: false, error: 'Das Ende ist kein gültiges Datum (TT.MM.JJJJ).' });
    // A leap year of 366 days is still allowed.
    expect(rangePeriod('2028-01-01', '2028-12-31').ok).toBe(true);
  });

  it('SPEC §2 clock change: the day of the autumn change has 25 hours, the spring one 23', () => {
    const autumn = periodBounds({ from: '2026-10-25', to: '2026-10-25' });
    expect(autumn.start.toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(autumn.end.toISOString()).toBe('2026-10-25T23:00:00.000Z');
    const spring = periodBounds({ from: '2026-03-29', to: '2026-03-29' });
    expect((spring.end.getTime() - spring.start.getTime()) / 3_600_000).toBe(23);
  });

  it('German labels: day, ISO week, month, quarter, year, range', () => {
    expect(periodLabel(periodContaining('day', '2026-11-26'))).toBe('Do, 26.11.2026');
    expect(periodLabel(periodContaining('week', '2026-11-26'))).toBe('KW 48/2026 (23.11.2026–29.11.2026)');
    expect(periodLabel(periodContaining('month', '2026-03-05'))).toBe('März 2026');
    expect(periodLabel(periodContaining('quarter', '2026-11-26'))).toBe('4. Quartal 2026');
    expect(periodLabel(periodContaining('year', '2026-11-26'))).toBe('2026');
    expect(periodLabel({ kind: 'range', from: '2026-11-10', to: '2026-11-19' })).toBe('10.11.2026–19.11.2026');
  });

  it('ISO weeks: the week of the first Thursday is week 1; 1 Jan 2027 (a Friday) is in week 53 of 2026', () => {
    expect(isoWeek('2026-01-01')).toEqual({ year: 2026, week: 1 });
    expect(isoWeek('2027-01-01')).toEqual({ year: 2026, week: 53 });
    expect(isoWeek('2026-12-28')).toEqual({ year: 2026, week: 53 });
    expect(isoWeek('2027-01-04')).toEqual({ year: 2027, week: 1 });
  });
});
