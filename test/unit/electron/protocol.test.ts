import { resolve, sep } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from '../../../electron/main/protocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/security';

const root = resolve('/srv/anlaufstelle/out/renderer');
const files: Record<string, string> = {
  'index.html': '<!doctype html><title>Anlaufstelle</title>',
  'assets/index-abc.js': 'console.log(1)',
  'assets/index-abc.css': 'body{}',
  'assets/logo.svg': '<svg/>',
  'assets/font.woff2': 'woff2',
};
const outside = resolve('/srv/anlaufstelle/secret.txt');

function setup() {
  const readFile = vi.fn(async (path: string) => {
    if (path === outside) return new TextEncoder().encode('GEHEIM');
    const rel = path.startsWith(root + sep) ? path.slice(root.length + 1).split(sep).join('/') : undefined;
    const content = rel === undefined ? undefined : files[rel];
    if (content === undefined) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
    return new TextEncoder().encode(content);
  });
  const handler = createAppProtocolHandler({ rootDir: root, readFile });
  const get = (url: string, method = 'GET') => handler(new Request(url, { method }));
  return { readFile, get };
}

describe('app:// protocol handler (STYLE 6; Electron security checklist 18: no file://)', () => {
  it('registers app:// as a standard, secure scheme so IndexedDB gets a stable origin (STYLE 6)', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    });
  });

  it('serves index.html for / and /index.html', async () => {
    const { get } = setup();
    for (const url of ['app://anlaufstelle/', 'app://anlaufstelle/index.html']) {
      const res = await get(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await res.text()).toBe(files['index.html']);
    }
  });

  it.each([
    ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['assets/index-abc.css', 'text/css; charset=utf-8'],
    ['assets/logo.svg', 'image/svg+xml'],
    ['assets/font.woff2', 'font/woff2'],
  ])('serves %s as %s', async (path, type) => {
    const res = await setup().get(`app://anlaufstelle/${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe(files[path]);
  });

  it('falls back to index.html for routes without an extension (SPA)', async () => {
    const res = await setup().get('app://anlaufstelle/tickets/offen');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(files['index.html']);
  });

  it('answers 404 for a missing asset instead of index.html', async () => {
    const res = await setup().get('app://anlaufstelle/assets/missing.js');
    expect(res.status).toBe(404);
  });

  it('sends the strict CSP with every answer (SPEC §10 "Safe": strict CSP)', async () => {
    const { get } = setup();
    for (const url of ['app://anlaufstelle/index.html', 'app://anlaufstelle/assets/index-abc.js', 'app://anlaufstelle/x.png']) {
      expect((await get(url)).headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it.each([
    'app://anlaufstelle/../../secret.txt',
    'app://anlaufstelle/%2e%2e/secret.txt',
    'app://anlaufstelle/assets/%2E%2E/%2e%2e/secret.txt',
    'app://anlaufstelle/%2E%2E%2Fsecret.txt',
    'app://anlaufstelle/assets/..%2f..%2fsecret.txt',
    'app://anlaufstelle/assets/..%5c..%5csecret.txt',
    'app://anlaufstelle/assets%2f..%2f..%2fsecret.txt',
    'app://anlaufstelle/C:%5cWindows%5cwin.ini',
    'app://anlaufstelle/index.html%00.png',
  ])('refuses path traversal: %s (SPEC §10 "Safe")', async (url) => {
    const { get, readFile } = setup();
    const res = await get(url);
    expect([403, 404]).toContain(res.status);
    expect(await res.text()).not.toBe('GEHEIM');
    for (const [path] of readFile.mock.calls) expect(path.startsWith(root + sep)).toBe(true);
  });

  it('refuses encoded slashes and dots before decoding, without touching the disk', async () => {
    const { get, readFile } = setup();
    const res = await get('app://anlaufstelle/assets/..%2f..%2fsecret.txt');
    expect(res.status).toBe(403);
    expect(readFile).not.toHaveBeenCalled();
  });

  it.each(['app://evil/index.html', 'app://anlaufstelle.evil/index.html', 'https://anlaufstelle/index.html'])(
    'answers 404 for another host or scheme: %s',
    async (url) => {
      const { get, readFile } = setup();
      expect((await get(url)).status).toBe(404);
      expect(readFile).not.toHaveBeenCalled();
    },
  );

  it('answers HEAD without a body and refuses other methods', async () => {
    const { get } = setup();
    const head = await get('app://anlaufstelle/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get('app://anlaufstelle/index.html', 'POST')).status).toBe(405);
  });

  it('answers 500, not a crash, when reading fails otherwise', async () => {
    const handler = createAppProtocolHandler({
      rootDir: root,
      readFile: async () => {
        throw Object.assign(new Error('busy'), { code: 'EBUSY' });
      },
    });
    expect((await handler(new Request('app://anlaufstelle/index.html'))).status).toBe(500);
  });
});
