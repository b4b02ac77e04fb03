import { extname, resolve, sep } from 'node:path';
import type { CustomScheme } from 'electron';
import { APP_HOST, APP_SCHEME } from './origin';
import { CONTENT_SECURITY_POLICY } from './security';

/**
 * Production serves the renderer from app://anlaufstelle instead of file:// (Electron security
 * checklist 18). `standard` gives the app a stable origin, which IndexedDB (Dexie) needs
 * (STYLE 6); `secure` makes it a secure context; `codeCache` keeps start-up fast.
 * Must be registered before the app is ready.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export interface AppProtocolDeps {
  /** The built renderer, out/renderer. */
  rootDir: string;
  readFile: (absolutePath: string) => Promise<Uint8Array>;
}

/**
 * Percent-encoded dots, slashes, backslashes and NUL never occur in Vite's asset names; a URL
 * that carries them is an attempt to climb out of rootDir and is refused before decoding.
 */
const ENCODED_TRICKS = /%2e|%2f|%5c|%00/i;

/** Maps a URL path to a file inside root, or undefined when the path tries to leave it. */
function fileInside(root: string, pathname: string): string | undefined {
  if (ENCODED_TRICKS.test(pathname)) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\\') || decoded.includes('\0')) return undefined;
  const segments = decoded.split('/').filter((s) => s !== '');
  // ':' would name a Windows drive or an NTFS stream.
  if (segments.some((s) => s === '.' || s === '..' || s.includes(':'))) return undefined;
  const file = resolve(root, ...(segments.length > 0 ? segments : ['index.html']));
  return file.startsWith(root + sep) ? file : undefined;
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR';
}

function respond(status: number, body: Uint8Array | string | null, contentType: string): Response {
  const payload = typeof body === 'string' || body === null ? body : new Blob([new Uint8Array(body)]);
  return new Response(payload, {
    status,
    headers: {
      'Content-Type': contentType,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
    },
  });
}

const TEXT = 'text/plain; charset=utf-8';

/**
 * The handler for `protocol.handle('app', …)`, pure so it is tested in Node: serves out/renderer
 * with correct MIME types, falls back to index.html for extensionless routes (SPA), answers only
 * app://anlaufstelle and never leaves rootDir.
 */
export function createAppProtocolHandler({ rootDir, readFile }: AppProtocolDeps): (request: Request) => Promise<Response> {
  const root = resolve(rootDir);
  const indexFile = resolve(root, 'index.html');

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return respond(405, 'Methode nicht erlaubt', TEXT);

    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return respond(400, 'Ungültige Adresse', TEXT);
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return respond(404, 'Nicht gefunden', TEXT);

    const file = fileInside(root, url.pathname);
    if (!file) return respond(403, 'Zugriff verweigert', TEXT);

    const isRoute = extname(file) === '';
    const target = isRoute ? indexFile : file;
    try {
      const body = await readFile(target);
      const type = MIME_TYPES[extname(target).toLowerCase()] ?? 'application/octet-stream';
      return respond(200, request.method === 'HEAD' ? null : body, type);
    } catch (error) {
      if (isMissing(error)) return respond(404, 'Nicht gefunden', TEXT);
      return respond(500, 'Interner Fehler', TEXT);
    }
  };
}
