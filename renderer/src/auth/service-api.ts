import { AUTH_HEADERS, HEADERS, PROTOCOL_VERSION } from '@shared/sync/protocol';
import { readAnswer, SyncRequestError } from '@shared/sync/transport';
import { platform } from '../platform';

/**
 * Requests to the sync service's sign-in, access-log and admin routes, through the same-origin
 * `/sync` path as the sync itself. The PC identifies itself through the platform bridge (in the
 * desktop app main adds its token); the signed-in person's token is added when asked for. Answers
 * are read as the sync reads them (`readAnswer`): `kind` offline or refused, the service's `code`.
 */
export { SyncRequestError as ServiceError };

export async function serviceRequest<T>(
  path: string,
  init: { method?: 'GET' | 'POST' | 'PUT'; body?: unknown; userToken?: string | null; raw?: boolean } = {},
): Promise<T> {
  const device = await platform.deviceAuth();
  if (!device.ok) throw new SyncRequestError('offline', device.error);
  const headers: Record<string, string> = { ...device.value.headers, [HEADERS.protocol]: String(PROTOCOL_VERSION) };
  if (init.userToken) headers[AUTH_HEADERS.userToken] = init.userToken;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  return readAnswer<T>(
    () =>
      fetch(`/sync${path}`, {
        method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
        headers,
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
        signal: AbortSignal.timeout(15_000),
      }),
    { raw: init.raw === true },
  );
}
