import {
  BRIDGE_FAILURE,
  notificationSchema,
  parseBridgeInput,
  receiptSchema,
  reportPrintSchema,
  saveFileSchema,
  SAVE_FILE_TYPES,
  type BridgeResult,
  type PlatformBridge,
} from '@shared/bridge/contract';
import { deviceClient, DeviceAuthError, storedCredentialSchema, type CredentialStore } from '@shared/auth/device-client';
import { deviceEnrollSchema, type DeviceAuth } from '@shared/bridge/contract';
import { renderReceiptHtml } from '@shared/bridge/receipt-html';
import { renderReportHtml } from '@shared/bridge/report-html';
import { version as packageVersion } from '../../../package.json';

/**
 * The platform bridge for the plain browser build (and the Chromium e2e tests): the same
 * contract and the same schemas as Electron's, so a bad argument is refused with the same
 * German sentence in both (STYLE 4, SPEC §10).
 */

type BrowserWindow = Window & typeof globalThis;

const TRY_AGAIN = 'Bitte erneut versuchen.';
/** Long enough for any browser to have started the download from the blob URL. */
const REVOKE_AFTER_MS = 30_000;
/** The receipt iframe is removed after printing at the latest after this, if no afterprint comes. */
const REMOVE_FRAME_AFTER_MS = 60_000;
const LOAD_TIMEOUT_MS = 10_000;

/** Runs one operation; anything it throws becomes a German BridgeResult, never a rejection (STYLE 5). */
async function guarded<T>(failure: string, run: () => Promise<BridgeResult<T>>): Promise<BridgeResult<T>> {
  try {
    return await run();
  } catch {
    return { ok: false, error: `${failure} ${TRY_AGAIN}` };
  }
}

function ok<T>(value: T): BridgeResult<T> {
  return { ok: true, value };
}

/**
 * Prints through a hidden srcdoc iframe. The frame is sandboxed without allow-scripts, so even
 * a value that slipped past escaping could not run; allow-modals lets print() open the dialog.
 * The browser does not say whether the clerk printed or cancelled, so `printed` means
 * "handed to the print dialog".
 */
async function printViaIframe(win: BrowserWindow, html: string, title: string): Promise<boolean> {
  const doc = win.document;
  const frame = doc.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.title = title;
  frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;';

  const loaded = new Promise<void>((resolve, reject) => {
    const timer = win.setTimeout(() => reject(new Error('Beleg nicht geladen')), LOAD_TIMEOUT_MS);
    frame.addEventListener(
      'load',
      () => {
        win.clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
  frame.srcdoc = html;
  doc.body.append(frame);

  try {
    await loaded;
    const target = frame.contentWindow;
    if (!target) throw new Error('Kein Druckfenster');
    const remove = () => frame.remove();
    target.addEventListener('afterprint', remove, { once: true });
    win.setTimeout(remove, REMOVE_FRAME_AFTER_MS);
    target.focus();
    // Chromium blocks here until the dialog closes; afterprint then removes the frame.
    target.print();
    return true;
  } catch (error) {
    frame.remove();
    throw error;
  }
}

function base64Bytes(win: BrowserWindow, base64: string): Uint8Array<ArrayBuffer> {
  const binary = win.atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Issue 7 item 2 in the browser build (demo and tests): the PC's credential in the page's
 * localStorage – any script of this origin could read it, which the desktop app avoids with
 * safeStorage in its main process. README says so; production PCs run the desktop app.
 */
const CREDENTIAL_KEY = 'anlaufstelle.device';
function localCredentialStore(win: BrowserWindow): CredentialStore {
  return {
    async load() {
      const raw = win.localStorage.getItem(CREDENTIAL_KEY);
      if (raw === null) return null;
      try {
        const parsed = storedCredentialSchema.safeParse(JSON.parse(raw));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    async save(credential) {
      win.localStorage.setItem(CREDENTIAL_KEY, JSON.stringify(credential));
    },
    async clear() {
      win.localStorage.removeItem(CREDENTIAL_KEY);
    },
  };
}

export function createWebBridge(win: BrowserWindow = window): PlatformBridge {
  const device = deviceClient({ baseUrl: '/sync', fetch: (url, init) => win.fetch(url, init), store: localCredentialStore(win) });
  /** A refusal of the service reads as it is; anything else as the operation's failure. */
  const deviceGuarded = <T>(failure: string, run: () => Promise<BridgeResult<T>>) =>
    guarded<T>(failure, async () => {
      try {
        return await run();
      } catch (error) {
        if (error instanceof DeviceAuthError) return { ok: false, error: error.message };
        throw error;
      }
    });
  return {
    kind: 'web',

    printReceipt: (raw) =>
      guarded<{ printed: boolean }>(BRIDGE_FAILURE.printReceipt, async () => {
        const receipt = parseBridgeInput(receiptSchema, raw, BRIDGE_FAILURE.printReceipt);
        if (!receipt.ok) return receipt;
        return ok({ printed: await printViaIframe(win, renderReceiptHtml(receipt.value), 'Beleg') });
      }),

    printReport: (raw) =>
      guarded<{ printed: boolean }>(BRIDGE_FAILURE.printReport, async () => {
        const report = parseBridgeInput(reportPrintSchema, raw, BRIDGE_FAILURE.printReport);
        if (!report.ok) return report;
        return ok({ printed: await printViaIframe(win, renderReportHtml(report.value), 'Bericht') });
      }),

    notify: (raw) =>
      guarded<{ shown: boolean }>(BRIDGE_FAILURE.notify, async () => {
        const input = parseBridgeInput(notificationSchema, raw, BRIDGE_FAILURE.notify);
        if (!input.ok) return input;
        const { title, body, tag } = input.value;
        const NotificationApi = win.Notification as typeof win.Notification | undefined;
        // Unsupported or refused is the clerk's or the browser's choice, not an error.
        if (typeof NotificationApi !== 'function') return ok({ shown: false });
        let permission = NotificationApi.permission;
        if (permission === 'default') permission = await NotificationApi.requestPermission();
        if (permission !== 'granted') return ok({ shown: false });
        try {
          new NotificationApi(title, tag === undefined ? { body } : { body, tag });
        } catch {
          // Some browsers only allow notifications from a service worker.
          return ok({ shown: false });
        }
        return ok({ shown: true });
      }),

    appInfo: () =>
      guarded(BRIDGE_FAILURE.appInfo, async () =>
        ok({ version: packageVersion, platform: win.navigator.platform || 'web', kind: 'web' as const }),
      ),

    saveFile: (raw) =>
      guarded<{ saved: boolean; path?: string }>(BRIDGE_FAILURE.saveFile, async () => {
        const input = parseBridgeInput(saveFileSchema, raw, BRIDGE_FAILURE.saveFile);
        if (!input.ok) return input;
        const { suggestedName, content, mimeType } = input.value;
        // A workbook arrives as base64 (issue 8 item 4): the file gets its decoded bytes.
        const body = SAVE_FILE_TYPES[mimeType].encoding === 'base64' ? base64Bytes(win, content) : content;
        const type = SAVE_FILE_TYPES[mimeType].encoding === 'base64' ? mimeType : `${mimeType};charset=utf-8`;
        const url = win.URL.createObjectURL(new win.Blob([body], { type }));
        const link = win.document.createElement('a');
        link.href = url;
        link.download = suggestedName;
        link.rel = 'noopener';
        link.hidden = true;
        win.document.body.append(link);
        link.click();
        link.remove();
        win.setTimeout(() => win.URL.revokeObjectURL(url), REVOKE_AFTER_MS);
        // The browser chooses the folder and does not tell us the path.
        return ok({ saved: true });
      }),

    deviceInfo: () => guarded(BRIDGE_FAILURE.deviceInfo, async () => ok(await device.info())),

    enrollDevice: (raw) =>
      deviceGuarded(BRIDGE_FAILURE.enrollDevice, async () => {
        const input = parseBridgeInput(deviceEnrollSchema, raw, BRIDGE_FAILURE.enrollDevice);
        if (!input.ok) return input;
        return ok(await device.enroll(input.value));
      }),

    deviceAuth: () =>
      deviceGuarded<DeviceAuth>(BRIDGE_FAILURE.deviceAuth, async () => {
        const token = await device.token();
        const auth: DeviceAuth = token === null ? { headers: {}, liveToken: null } : { headers: { authorization: `Bearer ${token}` }, liveToken: token };
        return ok(auth);
      }),

    forgetDevice: () =>
      guarded(BRIDGE_FAILURE.forgetDevice, async () => {
        await device.forget();
        return ok({ forgotten: true });
      }),
  };
}
