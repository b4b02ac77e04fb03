import type { Receipt, ReportPrint } from '@shared/bridge/contract';
import { renderReceiptHtml } from '@shared/bridge/receipt-html';
import { renderReportHtml } from '@shared/bridge/report-html';

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
 * Prints the customer's receipt (SPEC §5) and the Auswertungen report (issue 8 item 4). The page
 * is loaded as a data: URL into a hidden window without preload or script (window.ts), so it can
 * neither reach the bridge nor fetch anything (SPEC §10 "Safe"). The system print dialog stays
 * (`silent: false`): the clerk picks the printer – or "Microsoft Print to PDF" – and may cancel.
 */
export function createPrintService({ createWindow }: { createWindow: () => PrintWindow }) {
  async function printHtml(html: string): Promise<{ printed: boolean }> {
    const win = createWindow();
    try {
      await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
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
  }
  return {
    printReceipt: (receipt: Receipt) => printHtml(renderReceiptHtml(receipt)),
    printReport: (report: ReportPrint) => printHtml(renderReportHtml(report)),
  };
}
