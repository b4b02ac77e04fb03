import { useMemo, useState } from 'react';
import { useWriteAction } from '../../../lib/use-write-action';

/** A form error: the German message and, where known, the id of the control it belongs to. */
export interface FormError {
  message: string;
  fieldId?: string;
}

/**
 * Runs one repository write for an action form (lib/use-write-action: German refusal shown as it
 * is, nothing written – SPEC §10), then closes the form; `fail` marks a control the form's own
 * check found wrong before anything was written.
 */
export function useActionSubmit(onDone: () => void) {
  const action = useWriteAction();
  const [fieldError, setFieldError] = useState<FormError | null>(null);
  // One object per message: the form moves focus to the error whenever it changes.
  const error = useMemo<FormError | null>(() => fieldError ?? (action.error ? { message: action.error } : null), [fieldError, action.error]);

  async function run(write: () => Promise<unknown>, success: string | (() => string)) {
    setFieldError(null);
    if (await action.run(write, typeof success === 'function' ? () => success() : success)) onDone();
  }

  return { error, busy: action.busy, run, fail: (message: string, fieldId?: string) => setFieldError({ message, fieldId }) };
}

/** aria attributes of a control that may be the invalid one. */
export function invalidProps(error: FormError | null, fieldId: string, errorId: string, hintId?: string) {
  const invalid = error?.fieldId === fieldId;
  return {
    'aria-invalid': invalid || undefined,
    'aria-describedby': invalid ? errorId : hintId,
  } as const;
}
