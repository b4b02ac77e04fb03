import { useCallback, useRef, useState } from 'react';
import type { Handoff } from '@shared/model';
import { getDb } from '../../db/db';
import { NotFoundError, ValidationError } from '../../db/repositories/base';
import { finishHandoff, takeHandoff } from '../../db/repositories/handoffs';
import { writeContext } from '../../app/write-context';
import { announce } from '../../state/announcer';

/** German messages of the write path are shown as they are; anything else is unexpected. */
function messageOf(error: unknown): string {
  if (error instanceof ValidationError || error instanceof NotFoundError) return error.message;
  return `Die Änderung konnte nicht gespeichert werden: ${error instanceof Error ? error.message : String(error)}`;
}

export interface QueueActions {
  error: string | null;
  busy: boolean;
  take: (h: Handoff) => Promise<boolean>;
  finish: (h: Handoff) => Promise<boolean>;
}

/** Take over and finish, with the German error of a refused write and an announcement of success. */
export function useQueueActions(): QueueActions {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // A second Enter before the first write is done must not try the same takeover again.
  const inFlight = useRef(false);

  const run = useCallback(async (write: () => Promise<unknown>, success: string): Promise<boolean> => {
    if (inFlight.current) return false;
    inFlight.current = true;
    setBusy(true);
    try {
      await write();
      setError(null);
      announce(success, 'success');
      return true;
    } catch (e) {
      setError(messageOf(e));
      return false;
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }, []);

  const take = useCallback(
    (h: Handoff) => run(() => takeHandoff(getDb(), h.id, writeContext()), `${h.label} übernommen – bitte aufrufen.`),
    [run],
  );
  const finish = useCallback((h: Handoff) => run(() => finishHandoff(getDb(), h.id, writeContext()), `${h.label} abgeschlossen.`), [run]);

  return { error, busy, take, finish };
}
