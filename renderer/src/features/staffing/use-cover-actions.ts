import { useCallback, useState } from 'react';
import type { BoardCell, CellProposal } from '@shared/domain/coverage';
import { formatSessionDate } from '@shared/domain/desk-sessions';
import { writeContext } from '../../app/write-context';
import { getDb } from '../../db/db';
import { acceptCover, rejectCover, withdrawDecision } from '../../db/repositories/cover';
import { notifyAll, recipientsText } from './write-helpers';
import { useWriteAction } from '../../lib/use-write-action';

export interface CoverActions {
  busy: boolean;
  error: string | null;
  /** What the last decision did, in German (stays on screen; the announcer says it once). */
  outcome: string | null;
  accept: (cell: BoardCell, proposal: CellProposal, note: string) => Promise<boolean>;
  reject: (cell: BoardCell, proposal: CellProposal, note: string) => Promise<boolean>;
  withdraw: (decisionId: string, name: string) => Promise<boolean>;
}

const SYNC_NOTE =
  'Die Benachrichtigung erscheint jetzt auf diesem PC; die PCs der Empfänger erhalten sie, sobald die Synchronisation eingerichtet ist.';

/**
 * Accept, reject or withdraw a cover proposal (issue #3 item 6, seed §4.5). The repositories check
 * who may decide and that the proposal is still current; the UI hands the returned notifications to
 * the platform bridge and says who was informed.
 */
export function useCoverActions(): CoverActions {
  const [outcome, setOutcome] = useState<string | null>(null);
  // The UI's one write helper: in-flight guard (a second Enter must not decide twice), German
  // error, announcement. The decision's text also stays on screen as `outcome`.
  const { busy, error, run: runWrite } = useWriteAction();
  const run = useCallback(
    (write: () => Promise<string>) =>
      runWrite(
        write,
        (text) => {
          setOutcome(text);
          return text;
        },
        // The outcome stays in the panel: said once to screen readers, not toasted a second time.
        { onScreen: true },
      ),
    [runWrite],
  );

  const where = (cell: BoardCell) => `${cell.siteName}, ${formatSessionDate(cell.date)}, ${cell.sessionStart}–${cell.sessionEnd}`;

  const accept = useCallback(
    (cell: BoardCell, p: CellProposal, note: string) =>
      run(async () => {
        const ref = { siteId: cell.siteId, date: cell.date, sessionStart: cell.sessionStart, staffId: p.staffId, note };
        const result = await acceptCover(getDb(), ref, writeContext());
        void notifyAll(result.notifications);
        const informed = result.messages.length > 0 ? ` Informiert: ${recipientsText(result.messages)}. ${SYNC_NOTE}` : '';
        return `Vertretung angenommen: ${p.name} besetzt die Anlaufstelle ${where(cell)}.${informed}`;
      }),
    [run],
  );

  const reject = useCallback(
    (cell: BoardCell, p: CellProposal, note: string) =>
      run(async () => {
        const ref = { siteId: cell.siteId, date: cell.date, sessionStart: cell.sessionStart, staffId: p.staffId, note };
        const result = await rejectCover(getDb(), ref, writeContext());
        void notifyAll(result.notifications);
        const next = result.cell.proposals[0];
        const then = next
          ? ` Nächster Vorschlag: ${next.name}.`
          : result.cell.status === 'uncovered'
            ? ' Kein weiterer Vorschlag – die Geschäftsführung entscheidet (GA §4.5).'
            : '';
        const informed = result.messages.length > 0 ? ` Informiert: ${recipientsText(result.messages)}.` : '';
        return `Vorschlag ${p.name} abgelehnt (${where(cell)}).${then}${informed}`;
      }),
    [run],
  );

  const withdraw = useCallback(
    (decisionId: string, name: string) =>
      run(async () => {
        const result = await withdrawDecision(getDb(), decisionId, writeContext());
        void notifyAll(result.notifications);
        const informed = result.messages.length > 0 ? ` Informiert: ${recipientsText(result.messages)}. ${SYNC_NOTE}` : '';
        return `Entscheidung zu ${name} zurückgenommen.${informed}`;
      }),
    [run],
  );

  return { busy, error, outcome, accept, reject, withdraw };
}
