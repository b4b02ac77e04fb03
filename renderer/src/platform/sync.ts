import type { SyncIdentity, SyncTransport } from '@shared/sync/transport';
import { createHttpTransport } from '../sync/http-transport';
import { platform } from './index';

/**
 * How this PC reaches the sync service: always the same origin's `/sync` path, so the CSP stays
 * `connect-src 'self'`. In the browser build the page server proxies it to the service
 * (vite.renderer.config.ts, SYNC_SERVER_URL) and the live channel is a WebSocket. In the desktop app
 * (app://anlaufstelle) the main process forwards it (electron/main/sync-proxy.ts); a WebSocket cannot
 * pass a custom protocol, so the live channel is long polling there.
 */
export function syncTransport(identity: () => SyncIdentity, onAuthRefused?: (code: string, message: string) => void): SyncTransport {
  const desktop = window.location.protocol === 'app:';
  return createHttpTransport({
    baseUrl: '/sync',
    origin: window.location.origin,
    identity,
    live: desktop ? 'long-poll' : 'websocket',
    // Issue 7 item 2: the enrolled PC's token (the desktop app's main process adds it itself).
    auth: async () => {
      const res = await platform.deviceAuth();
      return res.ok ? res.value : { headers: {}, liveToken: null };
    },
    onAuthRefused,
  });
}
