import { useCallback, useRef, useState } from 'react';
import { IllegalTransitionError } from '@shared/domain/ticket-state';
import { NotFoundError, ValidationError } from '../db/repositories/base';
import { announce, type AnnounceOptions } from '../state/announcer';

/**
 * German message of a refused write. Refusals of the write path (bad input, an illegal lifecycle
 * step, a vanished record) carry German messages and are shown as they are – nothing was written
 * (SPEC §10 "Bad input gets a clear message and changes nothing"); anything else is unexpected.
 */
export function writeErrorMessage(error: unknown): string {
  if (error instanceof ValidationError || error instanceof NotFoundError || error instanceof IllegalTransitionError) return error.message;
  // Same classes by name, in case an error crossed a module boundary (e.g. re-thrown by Dexie).
  if (error instanceof Error && ['ValidationError', 'RecordNotFoundError', 'IllegalTransitionError'].includes(error.name)) return error.message;
  return `Die Änderung konnte nicht gespeichert werden: ${error instanceof Error ? error.message : String(error)}`;
}

export interface WriteAction {
  /** The German message of the last refused write; cleared when the next write starts. */
  error: string | null;
  busy: boolean;
  /**
   * Runs one repository write: announces `success` (text, or made from the write's result) and
   * resolves true; on a refusal keeps the message and resolves false. While a write is running a
   * second one is ignored (false) – a second Enter must not repeat it.
   */
  run: <T>(write: () => Promise<T>, success: string | ((result: T) => string), options?: AnnounceOptions | ((result: T) => AnnounceOptions)) => Promise<boolean>;
}

/** The one write helper of the UI: busy state, in-flight guard, German error, success announcement. */
export function useWriteAction(): WriteAction {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);

  const run = useCallback(async <T,>(write: () => Promise<T>, success: string | ((result: T) => string), options?: AnnounceOptions | ((result: T) => AnnounceOptions)): Promise<boolean> => {
    if (inFlight.current) return false;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    try {
      const result = await write();
      announce(typeof success === 'function' ? success(result) : success, 'success', typeof options === 'function' ? options(result) : options);
      return true;
    } catch (e) {
      setError(writeErrorMessage(e));
      return false;
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }, []);

  return { error, busy, run };
}
