import { describe, expect, it } from 'vitest';
import { rolesText } from '@shared/model';
import { weekdayPattern } from '../../../../renderer/src/features/staffing/staff-labels';

/** Issue #3 item 1: the directory shows roles (several per person) and the part-time weekday pattern. */
describe('staff directory labels', () => {
  it('weekday patterns: runs of three or more days with a dash, else listed', () => {
    expect(weekdayPattern([1, 2, 3, 4, 5])).toBe('Mo–Fr');
    expect(weekdayPattern([1, 2, 4])).toBe('Mo, Di, Do');
    expect(weekdayPattern([2, 4, 5])).toBe('Di, Do, Fr');
    expect(weekdayPattern([5, 1, 2, 3])).toBe('Mo–Mi, Fr');
    expect(weekdayPattern([1, 2])).toBe('Mo, Di');
    expect(weekdayPattern([1, 1, 2, 3, 4, 5, 6, 7])).toBe('Mo–So');
    expect(weekdayPattern([])).toBe('keine Arbeitstage');
  });

  it('roles in German, in the vocabulary order given', () => {
    expect(rolesText(['EZ', 'LB'])).toBe('Eingangszone, Leistungsbereich');
    expect(rolesText(['FM'])).toBe('Standortverantwortliche/r Fallmanager/in');
  });
});
