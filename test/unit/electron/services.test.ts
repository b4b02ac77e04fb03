import { describe, expect, it, vi } from 'vitest';
import type { SaveDialogOptions } from 'electron';
import { createFileService } from '../../../electron/main/services/file';
import { createNotifyService, type NotificationClass } from '../../../electron/main/services/notify';

function fakeNotificationClass(supported: boolean) {
  const shown: FakeNotification[] = [];
  class FakeNotification {
    closed = false;
    closeCalls = 0;
    private onClose: (() => void) | null = null;
    constructor(readonly options: { title: string; body: string }) {}
    show() {
      shown.push(this);
    }
    close() {
      this.closed = true;
      this.closeCalls++;
      this.onClose?.();
    }
    once(_event: 'close', listener: () => void) {
      this.onClose = listener;
    }
    static isSupported() {
      return supported;
    }
  }
  return { Notification: FakeNotification satisfies NotificationClass, shown };
}

describe('notify service (notifications come from main, so the renderer needs no permission)', () => {
  it('shows a notification when supported', async () => {
    const { Notification, shown } = fakeNotificationClass(true);
    await expect(createNotifyService({ Notification }).notify({ title: 'Neues Ticket', body: 'BE-7K3F9Q' })).resolves.toEqual({ shown: true });
    expect(shown.map((n) => n.options)).toEqual([{ title: 'Neues Ticket', body: 'BE-7K3F9Q' }]);
  });

  it('answers shown:false, not an error, where the system has no notifications', async () => {
    const { Notification, shown } = fakeNotificationClass(false);
    await expect(createNotifyService({ Notification }).notify({ title: 'T', body: '' })).resolves.toEqual({ shown: false });
    expect(shown).toHaveLength(0);
  });

  it('replaces an earlier notification with the same tag, like the Web API', async () => {
    const { Notification, shown } = fakeNotificationClass(true);
    const service = createNotifyService({ Notification });
    await service.notify({ title: '1 überfällig', body: '', tag: 'overdue' });
    await service.notify({ title: '2 überfällig', body: '', tag: 'overdue' });
    expect(shown.map((n) => n.closed)).toEqual([true, false]);
  });

  it('forgets a notification once it is closed, so the tag map does not grow with every inbox message', async () => {
    const { Notification, shown } = fakeNotificationClass(true);
    const service = createNotifyService({ Notification });
    await service.notify({ title: 'Postfach', body: '', tag: 'inbox-1' });
    shown[0]!.close(); // the clerk dismissed it
    await service.notify({ title: 'Postfach', body: '', tag: 'inbox-1' });
    // Had the service kept the dismissed one, it would have closed it a second time now.
    expect(shown.map((n) => n.closeCalls)).toEqual([1, 0]);
  });
});

describe('file service (the path comes from the clerk, never from the renderer; SPEC §10 "Safe")', () => {
  function setup(choice: { canceled: boolean; filePath: string }, win?: object) {
    const dialog = {
      showSaveDialog: vi.fn(async (..._args: [object, SaveDialogOptions] | [SaveDialogOptions]) => choice),
    };
    const writeFile = vi.fn(async () => undefined);
    const service = createFileService({ dialog, writeFile, getWindow: () => win, defaultDir: '/home/ez/Dokumente' });
    return { dialog, writeFile, service };
  }

  it('asks where to save, with a filter for the type, and writes the content verbatim', async () => {
    const win = { id: 1 };
    const { dialog, writeFile, service } = setup({ canceled: false, filePath: '/home/ez/Dokumente/tickets.csv' }, win);
    const content = '\uFEFFVorgang;Fällig\nBE-7K3F9Q;16.01.2026\n';
    await expect(service.saveFile({ suggestedName: 'tickets.csv', content, mimeType: 'text/csv' })).resolves.toEqual({
      saved: true,
      path: '/home/ez/Dokumente/tickets.csv',
    });
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(
      win,
      expect.objectContaining({
        defaultPath: '/home/ez/Dokumente/tickets.csv',
        filters: [{ name: 'CSV-Datei', extensions: ['csv'] }],
      }),
    );
    expect(writeFile).toHaveBeenCalledWith('/home/ez/Dokumente/tickets.csv', content, 'utf8');
  });

  it('issue 8 item 4: an Excel workbook (sent as base64) is written as its decoded bytes', async () => {
    const { writeFile, service } = setup({ canceled: false, filePath: '/home/ez/Dokumente/Auswertung.xlsx' });
    const mimeType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    await service.saveFile({ suggestedName: 'Auswertung.xlsx', content: 'UEsDBA==', mimeType });
    expect(writeFile).toHaveBeenCalledWith('/home/ez/Dokumente/Auswertung.xlsx', 'UEsDBA==', 'base64');
  });

  it('writes nothing when the clerk cancels', async () => {
    const { writeFile, service } = setup({ canceled: true, filePath: '' });
    await expect(service.saveFile({ suggestedName: 'x.json', content: '{}', mimeType: 'application/json' })).resolves.toEqual({
      saved: false,
    });
    expect(writeFile).not.toHaveBeenCalled();
  });
});
