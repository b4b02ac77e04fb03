import type { SyncIdentity, SyncTransport } from '@shared/sync/transport';
import { createHttpTransport } from '../sync/http-transport';

/**
 * How this PC reaches the sync service. In the browser build: the same origin's `/sync` path,
 * which the page server proxies to the service (vite.renderer.config.ts, SYNC_SERVER_URL), so the
 * CSP stays `connect-src 'self'`.
 */
export function syncTransport(identity: () => SyncIdentity): SyncTransport {
  return createHttpTransport({ baseUrl: '/sync', origin: window.location.origin, identity });
}
