import { describe, expect, it, vi } from 'vitest';
import { createDeviceService, type SafeStorageLike } from '../../../electron/main/services/device';
import { createSyncProxy } from '../../../electron/main/sync-proxy';

/** A fake safeStorage that really transforms the bytes (XOR), so "encrypted" is checkable. */
const fakeSafeStorage = (available = true): SafeStorageLike => ({
  isEncryptionAvailable: () => available,
  encryptString: (s) => Buffer.from([...Buffer.from(s)].map((b) => b ^ 0x5a)),
  decryptString: (b) => Buffer.from([...b].map((x) => x ^ 0x5a)).toString(),
});

function setup(available = true) {
  let file: Buffer | null = null;
  const now = Date.now();
  const fetch = vi.fn(async (url: string, _init: { headers: Record<string, string>; body?: string }) => {
    if (url.endsWith('/v1/enroll')) {
      return { status: 200, json: async () => ({ deviceId: 'd-1', secret: 's'.repeat(43), siteId: 'site-be', profile: 'counter', name: 'Tresen 1' }) };
    }
    if (url.endsWith('/v1/device-token')) return { status: 200, json: async () => ({ token: `tok-${fetch.mock.calls.length}`, expiresAt: new Date(now + 15 * 60_000).toISOString() }) };
    return { status: 404, json: async () => null };
  });
  const service = createDeviceService({
    safeStorage: fakeSafeStorage(available),
    readFile: async () => file,
    writeFile: async (data) => void (file = data),
    removeFile: async () => void (file = null),
    serviceUrl: 'https://sync.test',
    fetch,
  });
  return { service, fetch, file: () => file };
}

describe('issue 7 item 2: the desktop app keeps the PC credential in main, encrypted with safeStorage', () => {
  it('enrolls, stores the secret only encrypted, and tells the renderer the PC but not the secret', async () => {
    const { service, file } = setup();
    const info = await service.enrollDevice({ code: 'ABCDE-FGHJK', name: 'Tresen 1' });
    expect(info).toEqual({ deviceId: 'd-1', siteId: 'site-be', profile: 'counter', name: 'Tresen 1' });
    expect(file()!.toString()).not.toContain('sssss');
    expect(await service.deviceInfo()).toEqual(info);
    // The renderer gets nothing to add: the proxy adds the token.
    expect(await service.deviceAuth()).toEqual({ headers: {}, liveToken: null });
  });

  it('refuses to enroll where nothing can be encrypted (no plain-text credential on disk)', async () => {
    const { service, file, fetch } = setup(false);
    await expect(service.enrollDevice({ code: 'ABCDE-FGHJK', name: 'Tresen 1' })).rejects.toThrow(/verschlüsselt/);
    expect(file()).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('fetches a PC token once and reuses it while it is valid; forgetting removes the credential', async () => {
    const { service, fetch } = setup();
    await service.enrollDevice({ code: 'ABCDE-FGHJK', name: 'Tresen 1' });
    const a = await service.token();
    const b = await service.token();
    expect(a).toBe(b);
    expect(fetch.mock.calls.filter(([url]) => url.endsWith('/v1/device-token'))).toHaveLength(1);
    const [, init] = fetch.mock.calls.find(([url]) => url.endsWith('/v1/device-token'))!;
    expect(init.headers.authorization).toBe(`Device d-1.${'s'.repeat(43)}`);
    service.invalidateToken();
    expect(await service.token()).not.toBe(a);
    await service.forgetDevice();
    expect(await service.deviceInfo()).toBeNull();
    expect(await service.token()).toBeNull();
  });
});

describe('issue 7 item 2: the sync proxy adds the PC token; the renderer cannot set its own', () => {
  it('adds Authorization from main, drops the renderer’s, and fetches a fresh token after a 401', async () => {
    const seen: Record<string, string>[] = [];
    const upstream = vi.fn(async (_url: string | URL | Request, init?: RequestInit) => {
      seen.push(init!.headers as Record<string, string>);
      return new Response('{"error":{"code":"token-expired","message":"abgelaufen"}}', { status: 401, headers: { 'content-type': 'application/json' } });
    });
    const onUnauthorized = vi.fn();
    const proxy = createSyncProxy({ serviceUrl: 'https://sync.test', fetch: upstream as typeof fetch, deviceToken: async () => 'main-token', onUnauthorized });
    const res = await proxy(new Request('app://anlaufstelle/sync/v1/pull?cursor=0', { headers: { authorization: 'Bearer stolen', 'x-anl-user-token': 'u' } }));
    expect(res.status).toBe(401);
    expect(seen[0]).toMatchObject({ authorization: 'Bearer main-token', 'x-anl-user-token': 'u' });
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('forwards the admin paths with an id, and nothing outside /v1', async () => {
    const upstream = vi.fn(async () => new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } }));
    const proxy = createSyncProxy({ serviceUrl: 'https://sync.test', fetch: upstream as typeof fetch, deviceToken: async () => 't' });
    expect((await proxy(new Request('app://anlaufstelle/sync/v1/admin/devices/0b6c1c2e-1f2a-4c1e-9a55-0d3c2c1b0a99/revoke', { method: 'POST', body: '' }))).status).toBe(200);
    expect((await proxy(new Request('app://anlaufstelle/sync/internal/metrics'))).status).toBe(404);
  });
});
