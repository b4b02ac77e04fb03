import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, net, Notification, protocol, safeStorage, session } from 'electron';
import { registerBridgeHandlers } from './ipc';
import { APP_SCHEME, createSenderCheck, createTrustedUrlCheck, devServerUrlFrom } from './origin';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol';
import { hardenWebContents, installPermissionHandlers } from './security';
import { createDeviceService } from './services/device';
import { createFileService } from './services/file';
import { createNotifyService } from './services/notify';
import { createSyncProxy, isSyncRequest, syncServiceUrlFrom } from './sync-proxy';
import { createPrintService } from './services/print';
import { createMainWindow, createReceiptWindow } from './window';

// Wiring only (STYLE 3): every decision lives in the modules imported above.

/** Same as appId in electron-builder.yml; Windows groups notifications under it. */
const APP_ID = 'de.jobcenter-rhein-lahn.anlaufstelle';

// Built layout (electron.vite.config.ts): out/main/index.js, out/preload/index.cjs, out/renderer/.
const outDir = join(import.meta.dirname, '..');
const rendererDir = join(outDir, 'renderer');
const preloadPath = join(outDir, 'preload', 'index.cjs');

// The app is German whatever the Windows display language (issue 10 item 7): Chromium's UI language
// decides how date and time fields, number fields and the spellchecker speak, and it can only be
// set before 'ready'.
app.commandLine.appendSwitch('lang', 'de-DE');

// A privileged scheme can only be registered before 'ready'.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

// One instance per desk: a second start would open the same IndexedDB twice.
if (app.requestSingleInstanceLock()) start();
else app.quit();

function start(): void {
  const devServerUrl = devServerUrlFrom(process.env.ELECTRON_RENDERER_URL, app.isPackaged);
  const isTrustedUrl = createTrustedUrlCheck(devServerUrl);
  let mainWindow: BrowserWindow | undefined;

  // Every WebContents, including the hidden receipt window, is hardened the same way (STYLE 6).
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, isTrustedUrl));
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // The desks run Windows: closing the window ends the app.
  app.on('window-all-closed', () => app.quit());

  app.whenReady().then(async () => {
    app.setAppUserModelId(APP_ID);
    installPermissionHandlers(session.defaultSession, { isTrustedUrl });
    const serveApp = createAppProtocolHandler({ rootDir: rendererDir, readFile: (path) => readFile(path) });
    // Issue 6: the sync service, reached through the app's own origin (sync-proxy.ts); its address
    // comes from ANLAUFSTELLE_SYNC_URL or sync.json in the app's data folder (README, IT).
    const syncConfig = await readFile(join(app.getPath('userData'), 'sync.json'), 'utf8').catch(() => null);
    const serviceUrl = syncServiceUrlFrom(process.env.ANLAUFSTELLE_SYNC_URL, syncConfig);
    // Chromium's network stack: the Windows proxy settings and certificate store apply.
    const netFetch: typeof globalThis.fetch = (input, init) => net.fetch(input instanceof URL ? input.toString() : input, init);
    // Issue 7 item 2: the PC's credential, encrypted with safeStorage, only in this process.
    const credentialFile = join(app.getPath('userData'), 'device.bin');
    const device = createDeviceService({
      safeStorage,
      readFile: () => readFile(credentialFile).catch(() => null),
      writeFile: (data) => writeFile(credentialFile, data, { mode: 0o600 }),
      removeFile: () => rm(credentialFile, { force: true }),
      serviceUrl,
      fetch: (url, init) => netFetch(url, init),
    });
    const forwardSync = createSyncProxy({ serviceUrl, fetch: netFetch, deviceToken: () => device.token(), onUnauthorized: () => device.invalidateToken() });
    protocol.handle(APP_SCHEME, (request) => (isSyncRequest(request) ? forwardSync(request) : serveApp(request)));
    registerBridgeHandlers({
      ipcMain,
      isTrustedSender: createSenderCheck(isTrustedUrl),
      services: {
        ...createPrintService({ createWindow: () => createReceiptWindow(BrowserWindow) }),
        ...createNotifyService({ Notification }),
        ...createFileService({
          dialog,
          writeFile: (path, content, encoding) => writeFile(path, content, encoding),
          getWindow: () => mainWindow,
          defaultDir: app.getPath('documents'),
        }),
        appInfo: async () => ({ version: app.getVersion(), platform: process.platform, kind: 'electron' }),
        deviceInfo: device.deviceInfo,
        enrollDevice: device.enrollDevice,
        deviceAuth: device.deviceAuth,
        forgetDevice: device.forgetDevice,
      },
    });
    mainWindow = createMainWindow({ BrowserWindow, preloadPath, isTrustedUrl, devServerUrl, devTools: !app.isPackaged });
    mainWindow.on('closed', () => {
      mainWindow = undefined;
    });
  }).catch((error: unknown) => {
    // Without its window the app is useless; say so in German instead of hanging invisibly.
    console.error('Anlaufstelle: Start fehlgeschlagen', error);
    dialog.showErrorBox('Anlaufstelle', 'Die Anlaufstelle konnte nicht gestartet werden. Bitte die IT-Betreuung informieren.');
    app.quit();
  });
}
