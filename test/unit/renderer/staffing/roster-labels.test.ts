import { describe, expect, it } from 'vitest';
import type { Staff } from '@shared/model';
import { candidateText } from '../../../../renderer/src/features/staffing/roster-labels';

/** Issue #3 item 3: the keyboard picker says why a candidate may be a poor choice. */
const person = { id: 'p', name: 'Ben Schwarz', homeSiteId: 'be', roles: ['EZ'], weekdays: [1, 2, 4], active: true } as Staff;
const sites = (id: string) => ({ be: 'Bad Ems', dz: 'Diez' })[id] ?? '?';

describe('roster picker options', () => {
  it('a free clerk of the site: name, site, role', () => {
    expect(candidateText({ staff: person, worksThatDay: true, absent: false, onDutyAt: null }, sites)).toBe('Ben Schwarz (Bad Ems) – EZ');
  });

  it('absent, not working that day, on duty elsewhere: all said', () => {
    expect(candidateText({ staff: { ...person, roles: ['EZ', 'LB'] }, worksThatDay: false, absent: true, onDutyAt: 'Diez' }, sites)).toBe(
      'Ben Schwarz (Bad Ems) – EZ/LB · abwesend · arbeitet an diesem Tag nicht · bereits in Diez eingeteilt',
    );
  });
});
