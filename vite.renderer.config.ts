import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type ProxyOptions, type UserConfig } from 'vite';
import { CONTENT_SECURITY_POLICY } from './shared/bridge/csp';

// The renderer is a plain web app: electron-vite builds it for the desktop (served from
// app://anlaufstelle), and the same config builds it for Chromium, where the e2e tests run.
/**
 * The built page carries the app's CSP as a meta tag, so the browser build is as strict as the
 * app:// scheme (which also sends it as a header). Build only: the dev server needs inline scripts.
 * frame-ancestors is dropped because browsers ignore it in a meta tag.
 */
function contentSecurityPolicy(): Plugin {
  const policy = CONTENT_SECURITY_POLICY.split('; ')
    .filter((d) => !d.startsWith('frame-ancestors'))
    .join('; ');
  return {
    name: 'anlaufstelle-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' }],
  };
}

/**
 * Issue 6: the page server forwards `/sync/…` (HTTP and the live WebSocket) to the sync service
 * named by SYNC_SERVER_URL, so the page talks to its own origin only (CSP `connect-src 'self'`).
 * Without SYNC_SERVER_URL there is no proxy and the app says "Nur dieser PC".
 */
function syncProxy(): Record<string, ProxyOptions> | undefined {
  const target = process.env.SYNC_SERVER_URL;
  if (!target) return undefined;
  return { '/sync': { target, ws: true, changeOrigin: true, rewrite: (path) => path.replace(/^\/sync/, '') } };
}

export const rendererConfig: UserConfig = {
  root: resolve(import.meta.dirname, 'renderer'),
  base: '/',
  plugins: [react(), contentSecurityPolicy()],
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'shared') } },
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    target: 'chrome130',
    // electron-vite leaves the renderer unminified by default; the desk PCs parse less this way.
    minify: true,
    sourcemap: true,
  },
  server: { port: 5173, strictPort: true, proxy: syncProxy() },
  preview: { port: 4173, strictPort: true, proxy: syncProxy() },
};

export default defineConfig(rendererConfig);
