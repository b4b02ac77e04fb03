import { APP_HOST, APP_SCHEME } from './origin';

/**
 * The desktop app's way to the sync service (issue 6). The renderer talks to its own origin only
 * (CSP `connect-src 'self'`), exactly as the browser build talks to `/sync` on its page server:
 * `app://anlaufstelle/sync/<path>` is forwarded by the main process to `<service>/<path>`. Only the
 * protocol's own headers and the body pass; the live channel runs as long polling (GET /v1/wait),
 * which is plain HTTP too. Pure: `fetch` and the service address are arguments, tested in Node.
 */

export const SYNC_PREFIX = '/sync/';
/** Longer than the service's 25 s long poll. */
const TIMEOUT_MS = 35_000;
const FORWARDED_HEADERS = ['content-type', 'x-anl-protocol', 'x-anl-device', 'x-anl-user', 'x-anl-user-token'];

export interface SyncProxyDeps {
  /** The service, e.g. `https://sync.jobcenter.intern`; null when this PC has none configured. */
  serviceUrl: string | null;
  fetch: typeof globalThis.fetch;
  /**
   * Issue 7 item 2: the enrolled PC's short-lived token, added here so the renderer never holds
   * it (services/device.ts). A renderer's own Authorization header is never forwarded.
   */
  deviceToken?: () => Promise<string | null>;
  /** The service refused the token (401): the next request fetches a fresh one. */
  onUnauthorized?: () => void;
}

export function isSyncRequest(request: Request): boolean {
  try {
    const url = new URL(request.url);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.pathname.startsWith(SYNC_PREFIX);
  } catch {
    return false;
  }
}

const text = (status: number, body: string) => new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

export function createSyncProxy({ serviceUrl, fetch, deviceToken, onUnauthorized }: SyncProxyDeps): (request: Request) => Promise<Response> {
  const base = serviceUrl?.replace(/\/+$/, '') ?? null;
  return async (request) => {
    // No service configured: the probe reads "no JSON, not 5xx" as "Nur dieser PC".
    if (base === null) return text(404, 'Kein Sync-Dienst eingerichtet');
    if (request.method !== 'GET' && request.method !== 'POST' && request.method !== 'PUT') return text(405, 'Methode nicht erlaubt');
    const url = new URL(request.url);
    if (!url.pathname.startsWith(SYNC_PREFIX)) return text(404, 'Nicht gefunden');
    const path = url.pathname.slice(SYNC_PREFIX.length - 1);
    // Only the protocol's paths: the proxy is no door to anything else on that server.
    if (!/^\/(health|v1(\/[a-z0-9-]{1,64}){1,4})$/.test(path)) return text(404, 'Nicht gefunden');
    const headers: Record<string, string> = {};
    for (const name of FORWARDED_HEADERS) {
      const value = request.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    // Enrollment and the PC token itself go without one; everything else with the PC's token.
    const token = path === '/v1/enroll' || path === '/v1/device-token' ? null : await deviceToken?.();
    if (token) headers.authorization = `Bearer ${token}`;
    try {
      const res = await fetch(`${base}${path}${url.search}`, {
        method: request.method,
        headers,
        ...(request.method === 'GET' ? {} : { body: await request.arrayBuffer() }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
        // A redirect is not followed: the PC's headers and changes go to the configured service only.
        redirect: 'manual',
      });
      if (res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400)) return text(502, 'Sync-Dienst leitet um; bitte die Adresse in sync.json prüfen');
      if (res.status === 401) onUnauthorized?.();
      const type = res.headers.get('content-type');
      return new Response(await res.arrayBuffer(), { status: res.status, headers: type ? { 'Content-Type': type } : {} });
    } catch {
      // The transport reads a 502 without JSON as "offline": everything stays in the outbox.
      return text(502, 'Sync-Dienst nicht erreichbar');
    }
  };
}

/**
 * Where this PC's service is: `ANLAUFSTELLE_SYNC_URL`, else `sync.json` in the app's data folder
 * (`{ "url": "https://sync.jobcenter.intern" }`, written by IT at installation). Only http(s);
 * anything else counts as not configured.
 */
export function syncServiceUrlFrom(env: string | undefined, configFileText: string | null): string | null {
  const candidate = env ?? (() => {
    if (configFileText === null) return undefined;
    try {
      const parsed = JSON.parse(configFileText) as { url?: unknown };
      return typeof parsed.url === 'string' ? parsed.url : undefined;
    } catch {
      return undefined;
    }
  })();
  if (!candidate) return null;
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}
