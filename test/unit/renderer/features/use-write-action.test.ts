import { describe, expect, it } from 'vitest';
import { IllegalTransitionError } from '@shared/domain/ticket-state';
import { NotFoundError, ValidationError } from '../../../../renderer/src/db/repositories/base';
import { writeErrorMessage } from '../../../../renderer/src/lib/use-write-action';

describe('SPEC §10: a refused write is shown with its German message', () => {
  it('shows the write path\'s German refusals as they are (bad input, illegal step, vanished record)', () => {
    expect(writeErrorMessage(new ValidationError('Bitte eine Person wählen.'))).toBe('Bitte eine Person wählen.');
    expect(writeErrorMessage(new NotFoundError('Dieses Ticket gibt es nicht mehr.'))).toBe('Dieses Ticket gibt es nicht mehr.');
    const illegal = new IllegalTransitionError('closed', 'distribute');
    expect(writeErrorMessage(illegal)).toBe(illegal.message);
  });

  it('says in German that nothing was saved when something unexpected fails', () => {
    expect(writeErrorMessage(new Error('QuotaExceededError'))).toBe('Die Änderung konnte nicht gespeichert werden: QuotaExceededError');
  });
});
