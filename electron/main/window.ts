import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY_URL, type UrlCheck } from './origin';
import { hardenWebContents, secureWebPreferences } from './security';

/** Electron's BrowserWindow class, passed in so this module never loads Electron itself. */
export type BrowserWindowClass = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

export const APP_TITLE = 'Anlaufstelle';

export interface MainWindowDeps {
  BrowserWindow: BrowserWindowClass;
  preloadPath: string;
  isTrustedUrl: UrlCheck;
  /** Set only in an unpackaged run (origin.ts devServerUrlFrom). */
  devServerUrl?: string;
  devTools: boolean;
}

/** The counter window: sized for the desks' 1280×800 screens, hardened in security.ts (STYLE 6). */
export function createMainWindow({ BrowserWindow, preloadPath, isTrustedUrl, devServerUrl, devTools }: MainWindowDeps): BrowserWindow {
  const win = new BrowserWindow({
    title: APP_TITLE,
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    // Shown once painted, so the clerk never sees a white flash.
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(preloadPath, { devTools }),
  });
  hardenWebContents(win.webContents, isTrustedUrl);
  // The taskbar always says "Anlaufstelle"; screens may still set document.title for screen readers.
  win.on('page-title-updated', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  win.loadURL(devServerUrl ?? APP_ENTRY_URL).catch((error: unknown) => console.error('Anlaufstelle: Oberfläche nicht geladen', error));
  return win;
}

/**
 * The hidden window the receipt is printed from (services/print.ts): no preload, no script,
 * sandboxed — it shows only the static receipt page. Navigation and pop-ups are denied by the
 * `web-contents-created` hook in index.ts, which hardens every WebContents.
 */
export function createReceiptWindow(BrowserWindow: BrowserWindowClass): BrowserWindow {
  return new BrowserWindow({
    show: false,
    width: 320,
    height: 640,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
      spellcheck: false,
      devTools: false,
    },
  });
}
