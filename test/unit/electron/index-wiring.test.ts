import { beforeAll, describe, expect, it, vi } from 'vitest';

/**
 * electron/main/index.ts against a stand-in for the `electron` module: the binary is not on
 * every machine (scripts/electron-smoke.mjs), but the wiring order can still be checked here.
 */
const fake = vi.hoisted(() => {
  const order: string[] = [];
  let ready!: () => void;
  const whenReady = new Promise<void>((resolve) => (ready = resolve));
  const windows: Array<{ options: Record<string, unknown>; loadURL: ReturnType<typeof vi.fn> }> = [];
  return { order, ready, whenReady, windows };
});

vi.mock('electron', async () => {
  // vi.mock is hoisted above the imports, so the factory loads what it needs itself.
  const { EventEmitter } = await import('node:events');
  const record = (name: string) => vi.fn(() => void fake.order.push(name));
  class BrowserWindow extends EventEmitter {
    webContents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    loadURL = vi.fn(async () => undefined);
    show = vi.fn();
    constructor(readonly options: Record<string, unknown>) {
      super();
      fake.windows.push(this);
    }
  }
  return {
    app: {
      isPackaged: false,
      commandLine: { appendSwitch: vi.fn((name: string, value?: string) => void fake.order.push(`switch ${name}=${value}`)) },
      requestSingleInstanceLock: vi.fn(() => true),
      quit: vi.fn(),
      on: vi.fn(),
      whenReady: () => fake.whenReady,
      setAppUserModelId: record('setAppUserModelId'),
      getPath: () => '/home/ez/Dokumente',
      getVersion: () => '0.1.0',
    },
    protocol: { registerSchemesAsPrivileged: record('registerSchemesAsPrivileged'), handle: record('protocol.handle') },
    session: {
      defaultSession: { setPermissionRequestHandler: record('setPermissionRequestHandler'), setPermissionCheckHandler: vi.fn() },
    },
    ipcMain: { handle: vi.fn((channel: string) => void fake.order.push(`ipc ${channel}`)) },
    BrowserWindow,
    Notification: class {
      static isSupported = () => false;
    },
    dialog: { showSaveDialog: vi.fn() },
    safeStorage: { isEncryptionAvailable: () => true, encryptString: (s: string) => Buffer.from(s), decryptString: (b: Buffer) => b.toString() },
  };
});

describe('main process wiring (STYLE 3: index.ts is wiring only; STYLE 6)', () => {
  beforeAll(async () => {
    delete process.env.ELECTRON_RENDERER_URL;
    await import('../../../electron/main/index');
  });

  it('sets Chromium to German before the app is ready, whatever the Windows language (issue 10 item 7)', () => {
    expect(fake.order[0]).toBe('switch lang=de-DE');
  });

  it('registers the app:// scheme before the app is ready', () => {
    expect(fake.order).toEqual(['switch lang=de-DE', 'registerSchemesAsPrivileged']);
  });

  it('on ready: permissions, protocol, the nine IPC channels, then the hardened main window', async () => {
    fake.ready();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    expect(fake.order).toEqual([
      'switch lang=de-DE',
      'registerSchemesAsPrivileged',
      'setAppUserModelId',
      'setPermissionRequestHandler',
      'protocol.handle',
      'ipc receipt:print',
      'ipc report:print',
      'ipc notification:show',
      'ipc app:info',
      'ipc file:save',
      'ipc device:info',
      'ipc device:enroll',
      'ipc device:auth',
      'ipc device:forget',
    ]);
    const [main] = fake.windows;
    expect(main?.options).toMatchObject({
      title: 'Anlaufstelle',
      width: 1280,
      height: 800,
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false },
    });
    expect(String((main?.options.webPreferences as { preload: string }).preload)).toMatch(/preload[\\/]index\.cjs$/);
    expect(main?.loadURL).toHaveBeenCalledWith('app://anlaufstelle/index.html');
  });
});
