import type { Receipt } from '@shared/bridge/contract';
import { renderReceiptHtml } from '@shared/bridge/receipt-html';

/** The parts of a BrowserWindow the print service uses (window.ts makes the real one). */
export interface PrintWindow {
  loadURL(url: string): Promise<void>;
  webContents: {
    print(
      options: { silent: boolean; printBackground: boolean },
      callback: (success: boolean, failureReason: string) => void,
    ): void;
  };
  close(): void;
  isDestroyed(): boolean;
}

/**
 * Prints the customer's receipt (SPEC §5). The page is loaded as a data: URL into a hidden
 * window without preload or script (window.ts), so the receipt can neither reach the bridge nor
 * fetch anything (SPEC §10 "Safe"). The system print dialog stays (`silent: false`): the clerk
 * picks the receipt printer and may cancel.
 */
export function createPrintService({ createWindow }: { createWindow: () => PrintWindow }) {
  return {
    async printReceipt(receipt: Receipt): Promise<{ printed: boolean }> {
      const win = createWindow();
      try {
        await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(renderReceiptHtml(receipt))}`);
        const printed = await new Promise<boolean>((resolve, reject) => {
          win.webContents.print({ silent: false, printBackground: false }, (success, failureReason) => {
            // A cancelled dialog is the clerk's choice, not an error.
            if (success || failureReason === 'cancelled') resolve(success);
            else reject(new Error(`Druck fehlgeschlagen: ${failureReason}`));
          });
        });
        return { printed };
      } finally {
        if (!win.isDestroyed()) win.close();
      }
    },
  };
}
