import { describe, expect, it, vi } from 'vitest';
import { createPrintService, type PrintWindow } from '../../../electron/main/services/print';
import { validReceipt } from './fixtures';

type PrintCallback = (success: boolean, failureReason: string) => void;

function fakeWindow(outcome: [boolean, string]) {
  let destroyed = false;
  const win = {
    loadURL: vi.fn(async (_url: string) => undefined),
    webContents: {
      print: vi.fn((_options: { silent: boolean; printBackground: boolean }, callback: PrintCallback) => callback(...outcome)),
    },
    close: vi.fn(() => {
      destroyed = true;
    }),
    isDestroyed: () => destroyed,
  } satisfies PrintWindow;
  return win;
}

const DATA_PREFIX = 'data:text/html;charset=utf-8,';

describe('print service (SPEC §5 receipt; SPEC §10 "Safe")', () => {
  it('loads the receipt as a data URL, opens the print dialog and closes the window', async () => {
    const win = fakeWindow([true, '']);
    const service = createPrintService({ createWindow: () => win });
    await expect(service.printReceipt(validReceipt({ siteName: '<script>x</script>' }))).resolves.toEqual({ printed: true });

    const url = win.loadURL.mock.calls[0]?.[0] ?? '';
    expect(url.startsWith(DATA_PREFIX)).toBe(true);
    const html = decodeURIComponent(url.slice(DATA_PREFIX.length));
    expect(html).toContain('Vorgangsnummer: <strong>BE-7K3F9Q</strong>');
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(html).not.toContain('<script>');

    expect(win.webContents.print).toHaveBeenCalledWith({ silent: false, printBackground: false }, expect.any(Function));
    expect(win.close).toHaveBeenCalledOnce();
  });

  it('reports printed:false when the clerk cancels, and still closes the window', async () => {
    const win = fakeWindow([false, 'cancelled']);
    await expect(createPrintService({ createWindow: () => win }).printReceipt(validReceipt())).resolves.toEqual({ printed: false });
    expect(win.close).toHaveBeenCalledOnce();
  });

  it('rejects on a printer failure (ipc.ts turns it into a German message) and closes the window', async () => {
    const win = fakeWindow([false, 'Print job failed']);
    await expect(createPrintService({ createWindow: () => win }).printReceipt(validReceipt())).rejects.toThrow('Print job failed');
    expect(win.close).toHaveBeenCalledOnce();
  });

  it('closes the window when loading fails', async () => {
    const win = fakeWindow([true, '']);
    win.loadURL.mockRejectedValueOnce(new Error('ERR_ABORTED'));
    await expect(createPrintService({ createWindow: () => win }).printReceipt(validReceipt())).rejects.toThrow();
    expect(win.webContents.print).not.toHaveBeenCalled();
    expect(win.close).toHaveBeenCalledOnce();
  });
});
