import { useEffect, useRef } from 'react';
import type { CallbackTicket } from '@shared/model';
import { receiptFor } from '../counter/receipt';
import { useReceiptPrinter } from '../counter/use-receipt-printer';

/**
 * Prints the customer's receipt once more (issue #2 item 6) – when the printer jammed at the
 * counter, or the customer comes back for it. Same receipt as at the counter: reference, due time
 * and department, no personal data. Not offered once the ticket is closed.
 */
export function ReceiptReprint({ ticket, siteName }: { ticket: CallbackTicket; siteName: string }) {
  const { state, print } = useReceiptPrinter();
  const button = useRef<HTMLButtonElement>(null);
  // Printing moves focus into the print frame or dialog; bring it back here.
  useEffect(() => {
    if (state.status === 'printed' || state.status === 'failed') button.current?.focus();
  }, [state.status]);

  if (ticket.status === 'closed') return null;
  return (
    <div className="ticket-receipt">
      <button
        ref={button}
        type="button"
        aria-describedby="ticket-receipt-hint"
        onClick={() => {
          if (state.status !== 'printing') print(receiptFor(ticket, siteName));
        }}
      >
        Quittung erneut drucken
      </button>
      <span id="ticket-receipt-hint" className="hint">
        {state.status === 'printing'
          ? 'Quittung wird gedruckt …'
          : state.status === 'printed'
            ? `Quittung ${ticket.ref} wurde an den Drucker gegeben.`
            : 'Vorgangsnummer, Rückruffrist und Fachbereich – ohne persönliche Daten.'}
      </span>
      {state.status === 'failed' && (
        <p className="error" role="alert">
          {state.error}
        </p>
      )}
    </div>
  );
}
