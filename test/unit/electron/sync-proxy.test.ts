import { describe, expect, it, vi } from 'vitest';
import { createSyncProxy, isSyncRequest, syncServiceUrlFrom } from '../../../electron/main/sync-proxy';

/**
 * Issue 6: the desktop app reaches the sync service through its own origin – app://anlaufstelle/sync/…
 * is forwarded by the main process, so the renderer's CSP stays `connect-src 'self'`.
 */
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });

describe('desktop app → sync service (electron/main/sync-proxy.ts)', () => {
  it('forwards a push with the protocol headers and body to the configured service, and hands the answer back', async () => {
    const fetch = vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => json({ results: [] }));
    const proxy = createSyncProxy({ serviceUrl: 'https://sync.jobcenter.intern/', fetch: fetch as typeof globalThis.fetch });
    const res = await proxy(
      new Request('app://anlaufstelle/sync/v1/push', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-anl-protocol': '1', 'x-anl-device': 'pc-1', cookie: 'nope', 'x-other': 'nope' },
        body: '{"groups":[]}',
      }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ results: [] });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('https://sync.jobcenter.intern/v1/push');
    expect(init!.method).toBe('POST');
    expect(init!.headers).toEqual({ 'content-type': 'application/json', 'x-anl-protocol': '1', 'x-anl-device': 'pc-1' });
    expect(new TextDecoder().decode(init!.body as ArrayBuffer)).toBe('{"groups":[]}');
  });

  it('keeps the query (pull cursor, long-poll head) and forwards only the protocol\'s paths', async () => {
    const fetch = vi.fn(async () => json({ type: 'poke', head: 3 }));
    const proxy = createSyncProxy({ serviceUrl: 'http://10.0.0.5:8787', fetch: fetch as unknown as typeof globalThis.fetch });
    await proxy(new Request('app://anlaufstelle/sync/v1/wait?head=2'));
    expect(fetch).toHaveBeenCalledWith('http://10.0.0.5:8787/v1/wait?head=2', expect.objectContaining({ method: 'GET' }));
    expect((await proxy(new Request('app://anlaufstelle/sync/../admin'))).status).toBe(404);
    expect((await proxy(new Request('app://anlaufstelle/sync/v1/push/../../etc'))).status).toBe(404);
    expect((await proxy(new Request('app://anlaufstelle/sync/v1/push', { method: 'DELETE' }))).status).toBe(405);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('without a service the answer is a plain 404 ("Nur dieser PC"); an unreachable service a plain 502 ("offline")', async () => {
    const none = createSyncProxy({ serviceUrl: null, fetch: vi.fn() as unknown as typeof globalThis.fetch });
    const absent = await none(new Request('app://anlaufstelle/sync/health'));
    expect([absent.status, absent.headers.get('content-type')]).toEqual([404, 'text/plain; charset=utf-8']);
    const down = createSyncProxy({ serviceUrl: 'http://sync', fetch: (async () => Promise.reject(new TypeError('fetch failed'))) as typeof globalThis.fetch });
    const unreachable = await down(new Request('app://anlaufstelle/sync/health'));
    expect([unreachable.status, await unreachable.text()]).toEqual([502, 'Sync-Dienst nicht erreichbar']);
  });

  it('a redirecting service is not followed: the PC\'s changes go to the configured address only (502, "offline")', async () => {
    const fetch = vi.fn(async (_url: string, init?: RequestInit) => {
      expect(init?.redirect).toBe('manual');
      return new Response(null, { status: 302, headers: { location: 'http://elsewhere/v1/push' } });
    });
    const proxy = createSyncProxy({ serviceUrl: 'http://sync', fetch: fetch as unknown as typeof globalThis.fetch });
    const res = await proxy(new Request('app://anlaufstelle/sync/v1/push', { method: 'POST', body: '{}' }));
    expect([res.status, await res.text()]).toEqual([502, 'Sync-Dienst leitet um; bitte die Adresse in sync.json prüfen']);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('only app://anlaufstelle/sync/… goes to the proxy; the app\'s own files do not', () => {
    expect(isSyncRequest(new Request('app://anlaufstelle/sync/v1/pull?cursor=0'))).toBe(true);
    expect(isSyncRequest(new Request('app://anlaufstelle/index.html'))).toBe(false);
    expect(isSyncRequest(new Request('app://other/sync/v1/pull'))).toBe(false);
  });

  it('the address: ANLAUFSTELLE_SYNC_URL first, else sync.json; only http(s), anything else is "not configured"', () => {
    expect(syncServiceUrlFrom('https://sync.intern', '{"url":"http://other"}')).toBe('https://sync.intern/');
    expect(syncServiceUrlFrom(undefined, '{"url":"http://10.0.0.5:8787"}')).toBe('http://10.0.0.5:8787/');
    expect(syncServiceUrlFrom(undefined, null)).toBeNull();
    expect(syncServiceUrlFrom(undefined, 'kein JSON')).toBeNull();
    expect(syncServiceUrlFrom('file:///etc/passwd', null)).toBeNull();
    expect(syncServiceUrlFrom(undefined, '{"url":"javascript:alert(1)"}')).toBeNull();
  });
});
