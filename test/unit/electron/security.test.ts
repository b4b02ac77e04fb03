import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { createTrustedUrlCheck } from '../../../electron/main/origin';
import {
  CONTENT_SECURITY_POLICY,
  hardenWebContents,
  installPermissionHandlers,
  secureWebPreferences,
  type PermissionSession,
} from '../../../electron/main/security';

/** WebContents stand-in: an emitter plus the window-open handler slot. */
class FakeContents extends EventEmitter {
  openHandler?: (details: { url: string }) => { action: 'deny' };
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
    this.openHandler = handler;
  }
  /** Emits like Electron: the listener may call preventDefault; returns whether it did. */
  attempt(event: string, url = '') {
    let prevented = false;
    this.emit(event, { url, preventDefault: () => (prevented = true) });
    return prevented;
  }
}

const isTrustedUrl = createTrustedUrlCheck('http://localhost:5173/');

function hardened() {
  const contents = new FakeContents();
  hardenWebContents(contents, isTrustedUrl);
  return contents;
}

describe('window hardening (STYLE 6; SPEC §10 "Safe": Electron security checklist)', () => {
  it('turns on sandbox and context isolation and keeps Node out of the renderer (checklist 2, 3, 4)', () => {
    expect(secureWebPreferences('/app/out/preload/index.cjs')).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
    });
    expect(secureWebPreferences('/p', { devTools: false }).devTools).toBe(false);
  });

  it('denies every new window (checklist 14)', () => {
    expect(hardened().openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('prevents %s to other origins (checklist 13)', (event) => {
    const contents = hardened();
    expect(contents.attempt(event, 'https://evil.example/')).toBe(true);
    expect(contents.attempt(event, 'file:///C:/Windows/win.ini')).toBe(true);
    expect(contents.attempt(event, 'app://evil/index.html')).toBe(true);
  });

  it('lets the app navigate within itself', () => {
    const contents = hardened();
    expect(contents.attempt('will-navigate', 'app://anlaufstelle/index.html#/tickets')).toBe(false);
    expect(contents.attempt('will-navigate', 'http://localhost:5173/')).toBe(false);
  });

  it('refuses to attach a <webview> (checklist 12)', () => {
    expect(hardened().attempt('will-attach-webview')).toBe(true);
  });

  it('hardens each WebContents once, however often it is asked', () => {
    const contents = new FakeContents();
    hardenWebContents(contents, isTrustedUrl);
    hardenWebContents(contents, isTrustedUrl);
    expect(contents.listenerCount('will-navigate')).toBe(1);
  });

  it('denies permission requests and checks, even from the app itself (checklist 5)', () => {
    let request: Parameters<PermissionSession['setPermissionRequestHandler']>[0] = null;
    let check: Parameters<PermissionSession['setPermissionCheckHandler']>[0] = null;
    const session: PermissionSession = {
      setPermissionRequestHandler: (h) => void (request = h),
      setPermissionCheckHandler: (h) => void (check = h),
    };
    installPermissionHandlers(session, { isTrustedUrl });
    const contents = {} as never;
    for (const permission of ['notifications', 'geolocation', 'media', 'clipboard-read', 'openExternal'] as const) {
      const callback = vi.fn();
      request!(contents, permission, callback, { requestingUrl: 'app://anlaufstelle/index.html' } as never);
      expect(callback).toHaveBeenCalledWith(false);
      expect(check!(contents, permission, 'app://anlaufstelle', {} as never)).toBe(false);
    }
  });

  it('grants an allowed permission to the app only, never to another origin', () => {
    let check: Parameters<PermissionSession['setPermissionCheckHandler']>[0] = null;
    const session: PermissionSession = {
      setPermissionRequestHandler: () => undefined,
      setPermissionCheckHandler: (h) => void (check = h),
    };
    installPermissionHandlers(session, { isTrustedUrl, allowed: ['clipboard-sanitized-write'] });
    expect(check!(null, 'clipboard-sanitized-write', 'app://anlaufstelle', {} as never)).toBe(true);
    expect(check!(null, 'clipboard-sanitized-write', 'https://evil.example', {} as never)).toBe(false);
    expect(check!(null, 'geolocation', 'app://anlaufstelle', {} as never)).toBe(false);
  });

  it('has a strict CSP: no unsafe-inline or eval, no plugins, no base or form targets (checklist 7)', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/);
        return [name, values.join(' ')];
      }),
    );
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('script-src')).toBe("'self'");
    // Two inline styles, each by hash: the receipt's and the printed report's (issue 8 item 4).
    expect(directives.get('style-src')).toMatch(/^'self' 'sha256-[A-Za-z0-9+/]+=*' 'sha256-[A-Za-z0-9+/]+=*'$/);
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('base-uri')).toBe("'none'");
    expect(directives.get('form-action')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(directives.get('img-src')).toBe("'self' data:");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });
});
