import type { Session, WebPreferences } from 'electron';
import type { UrlCheck } from './origin';

/**
 * Every window is hardened here and nowhere else (STYLE 6). Numbers refer to Electron's
 * security checklist (https://www.electronjs.org/docs/latest/tutorial/security).
 */

/** Checklist 7: the one CSP of the app (shared with the web build, see shared/bridge/csp.ts). */
export { CONTENT_SECURITY_POLICY } from '@shared/bridge/csp';

/** Checklist 2, 3, 4, 6, 8, 9, 12: no Node, isolated and sandboxed, web security on, no <webview>. */
export function secureWebPreferences(preload: string, options: { devTools?: boolean } = {}): WebPreferences {
  return {
    preload,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: options.devTools ?? true,
  };
}

/** The part of WebContents the hardening touches; a plain object with an emitter fakes it in tests. */
export interface HardenableContents {
  on(
    event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect',
    listener: (event: { url: string; preventDefault(): void }) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

const hardened = new WeakSet<object>();

/**
 * Checklist 13, 14: the app never navigates away from itself and never opens windows; there is
 * no remote content to show (SPEC §10). Idempotent, so the main window and the catch-all
 * `web-contents-created` hook may both call it.
 */
export function hardenWebContents(contents: HardenableContents, isTrustedUrl: UrlCheck): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);

  const stayHome = (event: { url: string; preventDefault(): void }) => {
    if (!isTrustedUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-frame-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  // Checklist 12: no <webview> may be attached, whatever webviewTag says.
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export type PermissionSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>;

/**
 * Checklist 5: permissions are denied by default. Decision: the allow-list is empty, including
 * 'notifications' — in Electron notifications are shown by the main process (services/notify.ts)
 * through the bridge, so the renderer never needs the Web Notification permission. Clipboard,
 * camera, geolocation, fullscreen … are not needed at the counter. Should one become necessary,
 * it is named in `allowed` and still granted only to the app's own origin.
 */
export function installPermissionHandlers(
  session: PermissionSession,
  options: { isTrustedUrl: UrlCheck; allowed?: readonly string[] },
): void {
  const allowed = new Set(options.allowed ?? []);
  const grant = (permission: string, url: string) => allowed.has(permission) && options.isTrustedUrl(url);

  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(grant(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => grant(permission, requestingOrigin));
}
