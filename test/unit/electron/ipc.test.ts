import { describe, expect, it, vi } from 'vitest';
import { BRIDGE_CHANNELS } from '@shared/bridge/channels';
import { registerBridgeHandlers, UNTRUSTED_SENDER_ERROR, type BridgeServices, type InvokeEvent } from '../../../electron/main/ipc';
import { createSenderCheck, createTrustedUrlCheck, type SenderFrame } from '../../../electron/main/origin';
import { validReceipt, validReport } from './fixtures';

type Listener = (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>;

const appFrame: SenderFrame = { url: 'app://anlaufstelle/index.html#/tickets', parent: null };

function setup(overrides: Partial<BridgeServices> = {}) {
  const listeners = new Map<string, Listener>();
  const ipcMain = { handle: (channel: string, listener: Listener) => void listeners.set(channel, listener) };
  const services: BridgeServices = {
    printReceipt: vi.fn(async () => ({ printed: true })),
    printReport: vi.fn(async () => ({ printed: true })),
    notify: vi.fn(async () => ({ shown: true })),
    appInfo: vi.fn(async () => ({ version: '0.1.0', platform: 'win32', kind: 'electron' as const })),
    saveFile: vi.fn(async () => ({ saved: true, path: 'C:\\Users\\ez\\Documents\\x.csv' })),
    deviceInfo: vi.fn(async () => null),
    enrollDevice: vi.fn(async () => ({ deviceId: 'd-1', siteId: 'site-be', profile: 'counter' as const, name: 'Tresen 1' })),
    deviceAuth: vi.fn(async () => ({ headers: {}, liveToken: null })),
    forgetDevice: vi.fn(async () => ({ forgotten: true })),
    ...overrides,
  };
  const logError = vi.fn();
  registerBridgeHandlers({ ipcMain, services, isTrustedSender: createSenderCheck(createTrustedUrlCheck()), logError });
  const invoke = (channel: string, frame: SenderFrame | null, ...args: unknown[]) => {
    const listener = listeners.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return listener({ senderFrame: frame }, ...args);
  };
  return { listeners, services, invoke, logError };
}

describe('IPC handlers (STYLE 5: main distrusts what arrives; SPEC §10 "Safe")', () => {
  it('registers exactly the bridge channels', () => {
    expect([...setup().listeners.keys()].sort()).toEqual(Object.values(BRIDGE_CHANNELS).sort());
  });

  it('answers a valid call with ok and the service value', async () => {
    const { invoke, services } = setup();
    await expect(invoke('receipt:print', appFrame, validReceipt())).resolves.toEqual({ ok: true, value: { printed: true } });
    expect(services.printReceipt).toHaveBeenCalledWith(validReceipt());
    await expect(invoke('report:print', appFrame, validReport())).resolves.toEqual({ ok: true, value: { printed: true } });
    expect(services.printReport).toHaveBeenCalledWith(validReport());
    await expect(invoke('notification:show', appFrame, { title: 'Neues Ticket', body: 'BE-7K3F9Q' })).resolves.toEqual({
      ok: true,
      value: { shown: true },
    });
    await expect(invoke('app:info', appFrame)).resolves.toEqual({
      ok: true,
      value: { version: '0.1.0', platform: 'win32', kind: 'electron' },
    });
    await expect(
      invoke('file:save', appFrame, { suggestedName: 'x.csv', content: 'a;b', mimeType: 'text/csv' }),
    ).resolves.toMatchObject({ ok: true, value: { saved: true } });
  });

  it.each([
    ['receipt:print', { ...validReceipt(), phone: '0171 123' }, 'Der Beleg wurde nicht gedruckt. Nicht vorgesehene Angaben: phone.'],
    ['receipt:print', 'BE-7K3F9Q', 'Der Beleg wurde nicht gedruckt. Die Angaben sind unvollständig oder ungültig.'],
    ['notification:show', { title: '', body: '' }, 'Die Benachrichtigung wurde nicht angezeigt. Der Titel darf nicht leer sein.'],
    ['app:info', { evil: true }, 'Die Programminfo ist nicht verfügbar. Die Programminfo erwartet keine Angaben.'],
    [
      'file:save',
      { suggestedName: '..\\..\\autostart.csv', content: '', mimeType: 'text/csv' },
      'Die Datei wurde nicht gespeichert. Der Dateiname ist ungültig',
    ],
  ])('refuses bad input on %s with a German message and does not call the service', async (channel, raw, message) => {
    const { invoke, services } = setup();
    const result = (await invoke(channel, appFrame, raw)) as { ok: boolean; error: string };
    expect(result.ok).toBe(false);
    expect(result.error.startsWith(message)).toBe(true);
    for (const service of Object.values(services)) expect(service).not.toHaveBeenCalled();
  });

  it.each([
    ['a foreign page', { url: 'https://evil.example/', parent: null }],
    ['a file:// page', { url: 'file:///C:/Users/ez/Downloads/x.html', parent: null }],
    ['a subframe of the app', { url: 'app://anlaufstelle/index.html', parent: appFrame }],
    ['a destroyed frame', null],
  ])('refuses a call from %s (Electron security checklist 17)', async (_who, frame) => {
    const { invoke, services } = setup();
    await expect(invoke('receipt:print', frame, validReceipt())).resolves.toEqual({
      ok: false,
      error: `Der Beleg wurde nicht gedruckt. ${UNTRUSTED_SENDER_ERROR}`,
    });
    expect(services.printReceipt).not.toHaveBeenCalled();
  });

  it('turns a thrown service error into ok:false with a German message, never a rejection', async () => {
    const boom = new Error('EACCES: permission denied, open C:\\x.csv');
    const { invoke, logError } = setup({ saveFile: vi.fn(async () => Promise.reject(boom)) });
    const result = await invoke('file:save', appFrame, { suggestedName: 'x.csv', content: '', mimeType: 'text/csv' });
    expect(result).toEqual({
      ok: false,
      error: 'Die Datei wurde nicht gespeichert. Bitte erneut versuchen; wenn es wieder nicht klappt, die IT-Betreuung informieren.',
    });
    expect(logError).toHaveBeenCalledWith('file:save', boom);
  });

  it('trusts the dev server only when it is given', async () => {
    const devCheck = createSenderCheck(createTrustedUrlCheck('http://localhost:5173/'));
    expect(devCheck({ url: 'http://localhost:5173/#/tickets', parent: null })).toBe(true);
    expect(devCheck({ url: 'http://localhost:5174/', parent: null })).toBe(false);
    expect(createSenderCheck(createTrustedUrlCheck())({ url: 'http://localhost:5173/', parent: null })).toBe(false);
  });
});
