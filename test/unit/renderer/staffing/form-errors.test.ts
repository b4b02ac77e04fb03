import { describe, expect, it } from 'vitest';
import { absenceInputSchema, staffInputSchema } from '@shared/model';
import { fieldA11y, firstFieldError } from '../../../../renderer/src/features/staffing/form-errors';

/** SPEC §10: bad input gets a clear German message at the field, and nothing is written. */
describe('form errors of the staffing forms', () => {
  it('names the field and the repositories\' German message', () => {
    expect(firstFieldError(staffInputSchema, { name: 'Lea', homeSiteId: 'be', roles: [], weekdays: [1] })).toEqual({
      field: 'roles',
      message: 'Bitte mindestens eine Rolle wählen.',
    });
    expect(firstFieldError(absenceInputSchema, { staffId: 'p', from: '2026-11-27', to: '2026-11-26', reason: 'vacation' })).toEqual({
      field: 'to',
      message: 'Der letzte Tag liegt vor dem ersten Tag.',
    });
    expect(firstFieldError(absenceInputSchema, { staffId: 'p', from: '2026-11-26', to: '2026-11-26', reason: 'vacation' })).toBeNull();
  });

  it('marks only the field in error and links it to the message', () => {
    const error = { field: 'to', message: 'x' };
    expect(fieldA11y(error, 'to', 'err', 'hint')).toEqual({ 'aria-invalid': true, 'aria-describedby': 'err hint' });
    expect(fieldA11y(error, 'from', 'err')).toEqual({ 'aria-invalid': undefined, 'aria-describedby': undefined });
    expect(fieldA11y(null, 'from', 'err', 'hint')).toEqual({ 'aria-invalid': undefined, 'aria-describedby': 'hint' });
  });
});
