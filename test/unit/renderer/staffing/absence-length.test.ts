import { describe, expect, it } from 'vitest';
import { LONG_ABSENCE_DAYS, absenceLengthDays, longAbsenceWarning } from '../../../../renderer/src/features/staffing/absence-length';

/** Issue 10 item 4: "a warning for long absences" – more than six weeks is asked about before saving. */
describe('issue 10 item 4: a long absence is asked about before it is saved', () => {
  it('counts calendar days, both ends included, across months and leap days', () => {
    expect(absenceLengthDays('2026-11-26', '2026-11-26')).toBe(1);
    expect(absenceLengthDays('2028-02-28', '2028-03-01')).toBe(3);
  });

  it('six weeks (a whole year\'s leave) pass without a question; one day more is asked about', () => {
    expect(LONG_ABSENCE_DAYS).toBe(42);
    expect(longAbsenceWarning('2026-07-01', '2026-08-11')).toBeNull(); // 42 days
    expect(longAbsenceWarning('2026-07-01', '2026-08-12')).toMatch(/^Lange Abwesenheit: Mi, 01\.07\.2026 bis Mi, 12\.08\.2026 sind 43 Kalendertage \(über 6 Wochen/);
  });

  it('ten years, or a year typed wrong, are named in days and weeks', () => {
    expect(longAbsenceWarning('2026-12-01', '2036-11-30')).toContain('sind 3.653 Kalendertage (über 521 Wochen');
    expect(longAbsenceWarning('2026-12-01', '2062-12-01')).toContain('Bitte den Zeitraum prüfen – stimmt er, bestätigen.');
  });
});
