import { useCallback, useEffect, useRef } from 'react';
import { FINISH_UNDO_SECONDS } from '@shared/domain/handoff-queue';
import type { Handoff } from '@shared/model';
import { getDb } from '../../db/db';
import { finishHandoff, takeHandoff, undoFinishHandoff } from '../../db/repositories/handoffs';
import { writeContext } from '../../app/write-context';
import { useWriteAction } from '../../lib/use-write-action';
import { announce, dismissScope } from '../../state/announcer';

/** The toast of the last close: gone once the close is undone. */
const UNDO_SCOPE = 'warteschlange-abschluss';

export interface QueueActions {
  error: string | null;
  busy: boolean;
  take: (h: Handoff) => Promise<boolean>;
  /** Closes a visitor in service; the toast offers "Rückgängig (Strg+Z)" for FINISH_UNDO_SECONDS. */
  finish: (h: Handoff) => Promise<boolean>;
  /** Takes back the last close of this screen; resolves to the reopened hand-off's id, or null. */
  undo: () => Promise<string | null>;
}

/**
 * Take over, finish and undo, with the German error of a refused write and an announcement of
 * success. A second Enter before the first write is done does not try the same takeover again.
 * The undo goes through the repository like any write (issue 10 item 1); it names the close by the
 * record that close returned, so a hand-off changed meanwhile is refused, not silently reopened.
 */
export function useQueueActions(onUndone?: (handoffId: string) => void): QueueActions {
  const { error, busy, run } = useWriteAction();
  const lastFinished = useRef<Handoff | null>(null);
  // Strg+Z works on this screen only: leaving it takes the offer ("Rückgängig (Strg+Z)") away too,
  // so no screen shows a key that does nothing there (issue 10 item 2).
  useEffect(() => () => dismissScope(UNDO_SCOPE), []);

  const take = useCallback(
    (h: Handoff) => run(() => takeHandoff(getDb(), h.id, writeContext()), `${h.label} übernommen – bitte aufrufen.`),
    [run],
  );

  const undoClose = useCallback(
    async (closed: Handoff): Promise<string | null> => {
      dismissScope(UNDO_SCOPE);
      const ok = await run(() => undoFinishHandoff(getDb(), closed, writeContext()), `${closed.label} wieder in Bearbeitung – Abschluss rückgängig gemacht.`);
      // Refused or done: either way this close is settled and Strg+Z has nothing left to take back.
      if (lastFinished.current === closed) lastFinished.current = null;
      if (ok) onUndone?.(closed.id);
      return ok ? closed.id : null;
    },
    [run, onUndone],
  );

  const undo = useCallback(async () => {
    if (lastFinished.current) return undoClose(lastFinished.current);
    // Strg+Z is shown on the screen at all times: it answers even with nothing to take back.
    announce('Es gibt keinen Abschluss, der sich noch rückgängig machen lässt.', 'info');
    return null;
  }, [undoClose]);

  const finish = useCallback(
    async (h: Handoff) => {
      let finished: Handoff | null = null;
      const ok = await run(
        async () => (finished = await finishHandoff(getDb(), h.id, writeContext())),
        `${h.label} abgeschlossen.`,
        (closed) => ({
          scope: UNDO_SCOPE,
          durationMs: FINISH_UNDO_SECONDS * 1000,
          // The button takes back its own close, even if another one followed.
          action: { label: 'Rückgängig (Strg+Z)', keyShortcuts: 'Control+Z', run: () => void undoClose(closed) },
        }),
      );
      if (ok && finished) {
        lastFinished.current = finished;
      }
      return ok;
    },
    [run, undoClose],
  );

  return { error, busy, take, finish, undo };
}
