import { describe, expect, it } from 'vitest';
import { findSlot, slotGrid } from '../../../../renderer/src/features/staffing/slot-grid';

/** Issue #3 items 3 and 5: a week × four sites grid of opening sessions. */
const WEEK = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'];
const SITES = [
  { id: 'be', name: 'Bad Ems' },
  { id: 'dz', name: 'Diez' },
];
type Item = { siteId: string; date: string; start: string; label: string };
const item = (siteId: string, date: string, start: string): Item => ({ siteId, date, start, label: `${siteId} ${date} ${start}` });

describe('slot grid of the staffing screens', () => {
  it('one column per session of the week in time order; days without any session get none (seed §4.1: no Wednesday)', () => {
    const items = [item('be', '2026-11-26', '08:00'), item('be', '2026-11-23', '08:00'), item('dz', '2026-11-23', '08:00'), item('dz', '2026-11-27', '08:00')];
    const grid = slotGrid(WEEK, SITES, items, (i) => i);
    expect(grid.columns.map((c) => c.label)).toEqual(['Mo 23.11.', 'Do 26.11.', 'Fr 27.11.']);
    expect(grid.daysWithout).toEqual(['2026-11-24', '2026-11-25', '2026-11-28', '2026-11-29']);
    expect(grid.rows.map((r) => r.siteName)).toEqual(['Bad Ems', 'Diez']);
    // A site without a session another site has there gets an empty cell.
    expect(grid.rows[0]!.cells.map((c) => c?.label ?? null)).toEqual(['be 2026-11-23 08:00', 'be 2026-11-26 08:00', null]);
    expect(grid.rows[1]!.cells.map((c) => c?.label ?? null)).toEqual(['dz 2026-11-23 08:00', null, 'dz 2026-11-27 08:00']);
  });

  it('a day with two session starts shows the time in its headers', () => {
    const grid = slotGrid(WEEK, SITES, [item('be', '2026-11-24', '14:00'), item('be', '2026-11-24', '08:00'), item('dz', '2026-11-26', '08:00')], (i) => i);
    expect(grid.columns.map((c) => c.label)).toEqual(['Di 24.11. 08:00', 'Di 24.11. 14:00', 'Do 26.11.']);
  });

  it('finds a cell by site and slot', () => {
    const grid = slotGrid(WEEK, SITES, [item('be', '2026-11-23', '08:00'), item('dz', '2026-11-26', '08:00')], (i) => i);
    expect(findSlot(grid, 'dz', '2026-11-26', '08:00')).toEqual({ row: 1, col: 1 });
    expect(findSlot(grid, 'dz', '2026-11-27', '08:00')).toBeNull();
    expect(findSlot(grid, 'na', '2026-11-26', '08:00')).toBeNull();
  });
});
