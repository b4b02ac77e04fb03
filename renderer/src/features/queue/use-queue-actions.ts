import { useCallback } from 'react';
import type { Handoff } from '@shared/model';
import { getDb } from '../../db/db';
import { finishHandoff, takeHandoff } from '../../db/repositories/handoffs';
import { writeContext } from '../../app/write-context';
import { useWriteAction } from '../../lib/use-write-action';

export interface QueueActions {
  error: string | null;
  busy: boolean;
  take: (h: Handoff) => Promise<boolean>;
  finish: (h: Handoff) => Promise<boolean>;
}

/**
 * Take over and finish, with the German error of a refused write and an announcement of success.
 * A second Enter before the first write is done does not try the same takeover again.
 */
export function useQueueActions(): QueueActions {
  const { error, busy, run } = useWriteAction();
  const take = useCallback(
    (h: Handoff) => run(() => takeHandoff(getDb(), h.id, writeContext()), `${h.label} übernommen – bitte aufrufen.`),
    [run],
  );
  const finish = useCallback((h: Handoff) => run(() => finishHandoff(getDb(), h.id, writeContext()), `${h.label} abgeschlossen.`), [run]);
  return { error, busy, take, finish };
}
