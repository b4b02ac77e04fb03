import { useCallback, useState } from 'react';
import type { Receipt } from '@shared/bridge/contract';
import { platform } from '../../platform';
import { announce } from '../../state/announcer';

export type PrintState = { status: 'idle' } | { status: 'printing' } | { status: 'printed' } | { status: 'failed'; error: string };

/**
 * Prints a customer receipt through the platform bridge without holding up the counter: the
 * clerk can move on to the next visitor while the print job runs; the outcome is announced.
 */
export function useReceiptPrinter(): { state: PrintState; print: (receipt: Receipt) => void } {
  const [state, setState] = useState<PrintState>({ status: 'idle' });
  const print = useCallback((receipt: Receipt) => {
    setState({ status: 'printing' });
    platform
      .printReceipt(receipt)
      .then((result) => {
        if (result.ok) {
          setState({ status: 'printed' });
          announce(`Quittung ${receipt.ticketRef} an den Drucker gegeben.`, 'success');
        } else {
          setState({ status: 'failed', error: result.error });
          announce(result.error, 'warning');
        }
      })
      .catch((error: unknown) => {
        // The bridge promises never to throw (STYLE 5); if it does anyway, the clerk still hears it.
        const message = `Der Beleg wurde nicht gedruckt. ${error instanceof Error ? error.message : String(error)}`;
        setState({ status: 'failed', error: message });
        announce(message, 'warning');
      });
  }, []);
  return { state, print };
}
