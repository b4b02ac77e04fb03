import { describe, expect, it } from 'vitest';
import { isoWeekNumber, shiftWeek, shortDate, weekForKey, weekFromParam, weekLabel, weekRelation } from '../../../../renderer/src/features/staffing/week';

/** Issue #3 item 3: week navigation (previous/next week, "diese Woche"); weeks run Monday to Sunday. */
const TODAY = '2026-11-26'; // Thursday

describe('staffing weeks', () => {
  it('a week address names its Monday; any day of the week or nothing (this week) works, garbage falls back', () => {
    expect(weekFromParam('2026-11-23', TODAY)).toBe('2026-11-23');
    expect(weekFromParam('2026-12-03', TODAY)).toBe('2026-11-30');
    expect(weekFromParam('2026-11-29', TODAY)).toBe('2026-11-23'); // Sunday belongs to the week before
    expect(weekFromParam(undefined, TODAY)).toBe('2026-11-23');
    expect(weekFromParam('KW48', TODAY)).toBe('2026-11-23');
    expect(weekFromParam('2026-13-45', TODAY)).toBe('2026-11-23');
    // A day that does not exist (30 February, 31 April) falls back too, instead of breaking the screen.
    expect(weekFromParam('2026-02-30', TODAY)).toBe('2026-11-23');
    expect(weekFromParam('2026-04-31', TODAY)).toBe('2026-11-23');
    expect(weekFromParam('2028-02-29', TODAY)).toBe('2028-02-28');
  });

  it('previous and next week, across the year end', () => {
    expect(shiftWeek('2026-11-23', 1)).toBe('2026-11-30');
    expect(shiftWeek('2026-11-23', -1)).toBe('2026-11-16');
    expect(shiftWeek('2026-12-28', 1)).toBe('2027-01-04');
  });

  it('ISO calendar weeks as German offices count them (KW 1 holds the first Thursday)', () => {
    expect(isoWeekNumber('2026-11-23')).toEqual({ week: 48, year: 2026 });
    expect(isoWeekNumber('2026-12-28')).toEqual({ week: 53, year: 2026 });
    expect(isoWeekNumber('2027-01-01')).toEqual({ week: 53, year: 2026 });
    expect(isoWeekNumber('2027-01-04')).toEqual({ week: 1, year: 2027 });
    expect(isoWeekNumber('2024-12-30')).toEqual({ week: 1, year: 2025 });
  });

  it('labels: "KW 48 · 23.11. – 29.11.2026", column headers "Do 26.11."', () => {
    expect(weekLabel('2026-11-23')).toBe('KW 48 · 23.11. – 29.11.2026');
    expect(weekLabel('2026-12-28')).toBe('KW 53 · 28.12. – 03.01.2027');
    expect(shortDate('2026-11-26')).toBe('Do 26.11.');
    expect(shortDate('2026-11-29')).toBe('So 29.11.');
  });

  it('past, current, future relative to today', () => {
    expect(weekRelation('2026-11-16', TODAY)).toBe('past');
    expect(weekRelation('2026-11-23', TODAY)).toBe('current');
    expect(weekRelation('2026-11-30', TODAY)).toBe('future');
  });

  it('Bild↑ / Bild↓ / H inside the grid: previous, next, this week; with Strg nothing', () => {
    expect(weekForKey({ key: 'PageUp' }, '2026-11-30', TODAY)).toBe('2026-11-23');
    expect(weekForKey({ key: 'PageDown' }, '2026-11-30', TODAY)).toBe('2026-12-07');
    expect(weekForKey({ key: 'h' }, '2027-01-04', TODAY)).toBe('2026-11-23');
    expect(weekForKey({ key: 'H' }, '2027-01-04', TODAY)).toBe('2026-11-23');
    expect(weekForKey({ key: 'PageDown', ctrlKey: true }, '2026-11-30', TODAY)).toBeNull();
    expect(weekForKey({ key: 'ArrowDown' }, '2026-11-30', TODAY)).toBeNull();
  });
});
