import { useEffect, useId, useRef } from 'react';
import type { TriageResult } from '../../db/repositories/visits';
import { useCurrentSite } from '../../state/session';
import { describeResult } from './outcome';
import { receiptFor } from './receipt';
import { useShortcuts } from './use-shortcuts';
import { useReceiptPrinter } from './use-receipt-printer';

interface Props {
  result: TriageResult;
  onNext: () => void;
}

/**
 * After saving: what happened, printing the receipt for a ticket (focused, so Enter prints),
 * and the next visitor with one key (N or F2).
 */
export function Confirmation({ result, onNext }: Props) {
  const headingId = useId();
  const site = useCurrentSite();
  const printButton = useRef<HTMLButtonElement>(null);
  const nextButton = useRef<HTMLButtonElement>(null);
  const { state, print } = useReceiptPrinter();
  const { ticket } = result;
  const lines = describeResult(result);

  useEffect(() => (ticket ? printButton.current : nextButton.current)?.focus(), [ticket]);
  // Printing moves focus into the receipt frame (web) or a dialog; take it back, so the next key
  // works here: after a print on to the next visitor, after a failure back to "print" to retry.
  useEffect(() => {
    if (state.status === 'printed') nextButton.current?.focus();
    if (state.status === 'failed') printButton.current?.focus();
  }, [state.status]);

  const printReceipt = () => {
    if (ticket && state.status !== 'printing') print(receiptFor(ticket, site?.name ?? ''));
  };
  useShortcuts({ N: onNext, F2: onNext, ...(ticket ? { D: printReceipt, P: printReceipt } : {}) });

  return (
    <section className="confirmation" aria-labelledby={headingId}>
      <h2 id={headingId}>Vorsprache erfasst</h2>
      <ul className="outcome-lines">
        {lines.map((line) => (
          <li key={line.text} className={`outcome-${line.tone}`}>
            {line.text}
          </li>
        ))}
      </ul>
      <div className="step-actions">
        {ticket && (
          <button ref={printButton} type="button" className="primary" onClick={printReceipt} aria-keyshortcuts="D P">
            Quittung drucken <kbd aria-hidden="true">D</kbd>
          </button>
        )}
        <button ref={nextButton} type="button" className={ticket ? undefined : 'primary'} onClick={onNext} aria-keyshortcuts="N F2">
          Nächste Vorsprache <kbd aria-hidden="true">N</kbd> <kbd aria-hidden="true">F2</kbd>
        </button>
      </div>
      {state.status === 'printing' && <p className="hint">Quittung wird gedruckt …</p>}
      {state.status === 'printed' && <p className="hint">Quittung {ticket?.ref} wurde an den Drucker gegeben.</p>}
      {state.status === 'failed' && (
        <p className="error" role="alert">
          {state.error}
        </p>
      )}
    </section>
  );
}
