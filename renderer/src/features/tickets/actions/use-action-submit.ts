import { useState } from 'react';
import { IllegalTransitionError } from '@shared/domain/ticket-state';
import { NotFoundError, ValidationError } from '../../../db/repositories/base';
import { announce } from '../../../state/announcer';

/** A form error: the German message and, where known, the id of the control it belongs to. */
export interface FormError {
  message: string;
  fieldId?: string;
}

/**
 * Runs one repository write for an action form. Refusals of the write path (bad input, an illegal
 * step of the lifecycle, a vanished ticket) carry German messages and are shown as they are;
 * nothing was written in that case (SPEC §10 "Bad input gets a clear message and changes nothing").
 */
export function useActionSubmit(onDone: () => void) {
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(write: () => Promise<unknown>, success: string | (() => string)) {
    setBusy(true);
    setError(null);
    try {
      await write();
      announce(typeof success === 'function' ? success() : success, 'success');
      onDone();
    } catch (err) {
      if (err instanceof ValidationError || err instanceof IllegalTransitionError || err instanceof NotFoundError) {
        setError({ message: err.message });
      } else {
        setError({ message: `Speichern nicht möglich: ${err instanceof Error ? err.message : String(err)}` });
      }
    } finally {
      setBusy(false);
    }
  }

  return { error, busy, run, fail: (message: string, fieldId?: string) => setError({ message, fieldId }) };
}

/** aria attributes of a control that may be the invalid one. */
export function invalidProps(error: FormError | null, fieldId: string, errorId: string, hintId?: string) {
  const invalid = error?.fieldId === fieldId;
  return {
    'aria-invalid': invalid || undefined,
    'aria-describedby': invalid ? errorId : hintId,
  } as const;
}
