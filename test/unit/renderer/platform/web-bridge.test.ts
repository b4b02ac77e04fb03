import { describe, expect, it, vi } from 'vitest';
import { createWebBridge } from '../../../../renderer/src/platform/web-bridge';
import { validReceipt } from '../../electron/fixtures';

/**
 * The browser bridge against a hand-made window (the unit project runs in Node); the real
 * browser path is exercised by the Chromium e2e tests.
 */

type Listener = () => void;

function fakeElement(tag: string) {
  const listeners = new Map<string, Listener>();
  const printed = vi.fn();
  const element = {
    tag,
    attributes: {} as Record<string, string>,
    style: { cssText: '' },
    srcdoc: '',
    href: '',
    download: '',
    removed: false,
    setAttribute(name: string, value: string) {
      this.attributes[name] = value;
    },
    addEventListener(type: string, listener: Listener) {
      listeners.set(type, listener);
    },
    fire(type: string) {
      listeners.get(type)?.();
    },
    remove() {
      this.removed = true;
    },
    click: vi.fn(),
    contentWindow: {
      focus: vi.fn(),
      print: printed,
      addEventListener: (type: string, listener: Listener) => listeners.set(`frame:${type}`, listener),
    },
  };
  return element;
}

function fakeWindow(notification?: { permission: NotificationPermission; answer?: NotificationPermission }) {
  const created: ReturnType<typeof fakeElement>[] = [];
  const shown: unknown[][] = [];
  class FakeNotification {
    static permission = notification?.permission ?? 'default';
    static requestPermission = vi.fn(async () => notification?.answer ?? 'denied');
    constructor(...args: unknown[]) {
      shown.push(args);
    }
  }
  const win = {
    document: {
      createElement: (tag: string) => {
        const element = fakeElement(tag);
        created.push(element);
        return element;
      },
      // Appending the iframe "loads" it, as a browser would shortly after.
      body: { append: (element: ReturnType<typeof fakeElement>) => queueMicrotask(() => element.fire('load')) },
    },
    navigator: { platform: 'Win32' },
    Notification: notification ? FakeNotification : undefined,
    Blob,
    URL: { createObjectURL: vi.fn(() => 'blob:app/1'), revokeObjectURL: vi.fn() },
    setTimeout: vi.fn(() => 0),
    clearTimeout: vi.fn(),
  };
  const bridge = createWebBridge(win as unknown as Window & typeof globalThis);
  return { bridge, win, created, shown, FakeNotification };
}

describe('web bridge (STYLE 4: same contract; SPEC §10: same German refusals)', () => {
  it('is the web kind and reports version and platform', async () => {
    const { bridge } = fakeWindow();
    expect(bridge.kind).toBe('web');
    const info = await bridge.appInfo();
    expect(info).toMatchObject({ ok: true, value: { platform: 'Win32', kind: 'web' } });
  });

  it('prints the escaped receipt from a sandboxed srcdoc iframe without scripts, then removes it', async () => {
    const { bridge, created } = fakeWindow();
    await expect(bridge.printReceipt(validReceipt({ siteName: '<script>x</script>' }))).resolves.toEqual({
      ok: true,
      value: { printed: true },
    });
    const [frame] = created;
    expect(frame?.tag).toBe('iframe');
    expect(frame?.attributes.sandbox).toBe('allow-same-origin allow-modals');
    expect(frame?.srcdoc).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(frame?.srcdoc).not.toContain('<script>');
    expect(frame?.contentWindow.print).toHaveBeenCalledOnce();
    frame?.fire('frame:afterprint');
    expect(frame?.removed).toBe(true);
  });

  it('refuses a bad receipt with the same German message as Electron and creates no iframe', async () => {
    const { bridge, created } = fakeWindow();
    const bad = { ...validReceipt(), customerName: 'Erika Mustermann' };
    await expect(bridge.printReceipt(bad as never)).resolves.toEqual({
      ok: false,
      error: 'Der Beleg wurde nicht gedruckt. Nicht vorgesehene Angaben: customerName.',
    });
    expect(created).toHaveLength(0);
  });

  it('shows a notification once permission is granted', async () => {
    const { bridge, shown, FakeNotification } = fakeWindow({ permission: 'default', answer: 'granted' });
    await expect(bridge.notify({ title: 'Neues Ticket', body: 'BE-7K3F9Q', tag: 't1' })).resolves.toEqual({ ok: true, value: { shown: true } });
    expect(FakeNotification.requestPermission).toHaveBeenCalledOnce();
    expect(shown).toEqual([['Neues Ticket', { body: 'BE-7K3F9Q', tag: 't1' }]]);
  });

  it.each([
    ['denied', { permission: 'denied' as const }],
    ['refused when asked', { permission: 'default' as const, answer: 'denied' as const }],
    ['unsupported', undefined],
  ])('answers shown:false, not an error, when notifications are %s', async (_case, setting) => {
    const { bridge, shown } = fakeWindow(setting);
    await expect(bridge.notify({ title: 'T', body: '' })).resolves.toEqual({ ok: true, value: { shown: false } });
    expect(shown).toHaveLength(0);
  });

  it('downloads a file through a blob link', async () => {
    const { bridge, created, win } = fakeWindow();
    await expect(bridge.saveFile({ suggestedName: 'tickets.csv', content: 'a;b', mimeType: 'text/csv' })).resolves.toEqual({
      ok: true,
      value: { saved: true },
    });
    const [link] = created;
    expect(link?.download).toBe('tickets.csv');
    expect(link?.href).toBe('blob:app/1');
    expect(link?.click).toHaveBeenCalledOnce();
    expect(link?.removed).toBe(true);
    expect(win.setTimeout).toHaveBeenCalled();
  });

  it('refuses an unsafe file name before touching the page', async () => {
    const { bridge, created } = fakeWindow();
    const result = await bridge.saveFile({ suggestedName: '../x.csv', content: '', mimeType: 'text/csv' });
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toMatch(/^Die Datei wurde nicht gespeichert\. Der Dateiname ist ungültig/);
    expect(created).toHaveLength(0);
  });
});
