import { AUTH_HEADERS, HEADERS, PROTOCOL_VERSION } from '@shared/sync/protocol';
import { platform } from '../platform';

/**
 * Requests to the sync service's sign-in, access-log and admin routes, through the same-origin
 * `/sync` path as the sync itself. The PC identifies itself through the platform bridge (in the
 * desktop app main adds its token); the signed-in person's token is added when asked for.
 */
export class ServiceError extends Error {
  constructor(
    readonly kind: 'offline' | 'refused',
    message: string,
    readonly code: string | null = null,
    readonly status: number | null = null,
  ) {
    super(message);
  }
}

export async function serviceRequest<T>(
  path: string,
  init: { method?: 'GET' | 'POST' | 'PUT'; body?: unknown; userToken?: string | null; raw?: boolean } = {},
): Promise<T> {
  const device = await platform.deviceAuth();
  if (!device.ok) throw new ServiceError('offline', device.error);
  const headers: Record<string, string> = { ...device.value.headers, [HEADERS.protocol]: String(PROTOCOL_VERSION) };
  if (init.userToken) headers[AUTH_HEADERS.userToken] = init.userToken;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(`/sync${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers,
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      signal: AbortSignal.timeout(15_000),
    });
  } catch {
    throw new ServiceError('offline', 'Der Sync-Dienst ist nicht erreichbar.');
  }
  if (res.ok && init.raw) return (await res.text()) as T;
  const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  if (res.ok && body !== null) return body as T;
  if (res.status >= 500 || typeof body?.error?.message !== 'string') {
    throw new ServiceError('offline', `Der Sync-Dienst antwortet nicht (HTTP ${res.status}).`, null, res.status);
  }
  throw new ServiceError('refused', body.error.message, body.error.code ?? null, res.status);
}
