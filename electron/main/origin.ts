/**
 * Which pages count as "the app". Production is served from the privileged standard scheme
 * app://anlaufstelle (STYLE 6: IndexedDB needs a standard, stable origin); in development the
 * electron-vite dev server. Everything else is foreign (Electron security checklist 13, 14, 17).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'anlaufstelle';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export type UrlCheck = (url: string) => boolean;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The dev server URL is honoured only in an unpackaged run and only on loopback: in an
 * installed app an environment variable must not be able to point the privileged window
 * (with its bridge) at remote content (SPEC §10 "Safe": no remote content).
 */
export function devServerUrlFrom(raw: string | undefined, isPackaged: boolean): string | undefined {
  if (isPackaged || !raw) return undefined;
  try {
    const url = new URL(raw);
    const web = url.protocol === 'http:' || url.protocol === 'https:';
    return web && LOOPBACK_HOSTS.has(url.hostname) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Node's URL gives a non-special scheme the origin "null", so app:// is compared by protocol
 * and host, the dev server by origin.
 */
export function createTrustedUrlCheck(devServerUrl?: string): UrlCheck {
  const devOrigin = devServerUrl ? new URL(devServerUrl).origin : undefined;
  return (raw) => {
    try {
      const url = new URL(raw);
      if (url.protocol === `${APP_SCHEME}:`) return url.host === APP_HOST;
      return devOrigin !== undefined && url.origin === devOrigin;
    } catch {
      return false;
    }
  };
}

/** The part of Electron's WebFrameMain the sender check reads. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: SenderFrame | null;
}

/**
 * IPC is answered only for the app's own top-level frame (Electron security checklist 17:
 * validate the sender of all IPC messages). A destroyed frame (null) is not trusted.
 */
export function createSenderCheck(isTrustedUrl: UrlCheck): (frame: SenderFrame | null | undefined) => boolean {
  return (frame) => frame != null && frame.parent === null && isTrustedUrl(frame.url);
}
