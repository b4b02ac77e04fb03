import { HEADERS, PROTOCOL_VERSION, type DeskCodeResponse, type PullResponse, type PushRequest, type PushResponse } from '@shared/sync/protocol';
import { readAnswer, SyncRequestError, type LiveHandlers, type LiveMessage, type ProbeResult, type SyncIdentity, type SyncTransport } from '@shared/sync/transport';

/**
 * The sync transport over HTTP and a WebSocket. Plain: it takes `fetch` and `WebSocket` as
 * arguments, so the browser build (through the same-origin `/sync` proxy, CSP `connect-src 'self'`),
 * the Electron main process and the Node tests use the same code.
 */
export interface HttpTransportOptions {
  /** e.g. '/sync' in the browser (same origin), 'http://127.0.0.1:8787' in Node. */
  baseUrl: string;
  identity: () => SyncIdentity;
  fetch?: typeof globalThis.fetch;
  WebSocket?: typeof globalThis.WebSocket;
  /** Where a relative baseUrl is resolved for the WebSocket (the page's location in a browser). */
  origin?: string;
  /** Per-request time limit; a server that does not answer counts as offline. */
  timeoutMs?: number;
  /**
   * How the live channel runs: a WebSocket (browser build), or long polling of GET /v1/wait for a
   * PC that reaches the service only through plain HTTP – the desktop app, whose main process
   * forwards `app://anlaufstelle/sync/…` (electron/main/sync-proxy.ts).
   */
  live?: 'websocket' | 'long-poll';
  /**
   * Issue 7 item 2: what identifies this enrolled PC to the service (the PC token; nothing in the
   * desktop app, whose main process adds it), and the token for the live WebSocket's query.
   */
  auth?: () => Promise<{ headers: Record<string, string>; liveToken: string | null }>;
  /** The service refused the request for who asked (unknown or revoked PC): told once per answer. */
  onAuthRefused?: (code: string, message: string) => void;
}

const AUTH_REFUSALS = new Set(['device-unknown', 'device-revoked', 'unauthenticated']);

export function createHttpTransport(options: HttpTransportOptions): SyncTransport {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? 15_000;
  const base = options.baseUrl.replace(/\/$/, '');

  const headers = async (): Promise<Record<string, string>> => {
    const { deviceId, userId } = options.identity();
    const auth = options.auth ? await options.auth() : { headers: {} };
    return {
      ...auth.headers,
      [HEADERS.protocol]: String(PROTOCOL_VERSION),
      [HEADERS.device]: deviceId,
      ...(userId ? { [HEADERS.user]: userId } : {}),
    };
  };

  async function request<T>(path: string, init: RequestInit): Promise<T> {
    try {
      return await readAnswer<T>(() => doFetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(timeoutMs) }));
    } catch (error) {
      if (error instanceof SyncRequestError && error.code !== null && AUTH_REFUSALS.has(error.code)) options.onAuthRefused?.(error.code, error.message);
      throw error;
    }
  }

  /** The live channel as a loop of GET /v1/wait; each answer with a newer head is a poke. */
  function longPoll(handlers: LiveHandlers): () => void {
    const stop = new AbortController();
    void (async () => {
      let head = -1;
      while (!stop.signal.aborted) {
        let message: LiveMessage | null = null;
        try {
          const res = await doFetch(`${base}/v1/wait?head=${Math.max(0, head)}`, {
            headers: await headers(),
            // The service holds the answer up to 25 s; a little more before the line counts as dead.
            signal: AbortSignal.any([stop.signal, AbortSignal.timeout(35_000)]),
          });
          const body = (await res.json().catch(() => null)) as LiveMessage | null;
          if (res.ok && body?.type === 'poke' && Number.isSafeInteger(body.head)) message = body;
        } catch {
          // Network gone or aborted: handled below.
        }
        if (stop.signal.aborted) return;
        if (!message) {
          handlers.onClose();
          return;
        }
        if (message.head !== head) handlers.onMessage(message);
        head = message.head;
      }
    })();
    return () => stop.abort();
  }

  return {
    async probe(): Promise<ProbeResult> {
      let res: Response;
      try {
        res = await doFetch(`${base}/health`, { signal: AbortSignal.timeout(timeoutMs) });
      } catch {
        return 'unreachable';
      }
      const type = res.headers.get('content-type') ?? '';
      // A page server without the proxy answers with its index.html (or 404): no service here.
      if (!type.includes('application/json')) return res.status >= 500 ? 'unreachable' : 'absent';
      const body = (await res.json().catch(() => null)) as { status?: string } | null;
      return res.ok && body?.status === 'ok' ? 'ready' : 'unreachable';
    },
    async push(req: PushRequest) {
      return request<PushResponse>('/v1/push', {
        method: 'POST',
        headers: { ...(await headers()), 'content-type': 'application/json' },
        body: JSON.stringify(req),
      });
    },
    async pull(cursor: number, limit: number, opts?: { scoped?: boolean }) {
      return request<PullResponse>(`/v1/pull?cursor=${cursor}&limit=${limit}${opts?.scoped ? '&scoped=1' : ''}`, { headers: await headers() });
    },
    async deskCode(siteId: string, held?: string) {
      return request<DeskCodeResponse>('/v1/desk-code', {
        method: 'POST',
        headers: { ...(await headers()), 'content-type': 'application/json' },
        body: JSON.stringify(held === undefined ? { siteId } : { siteId, held }),
      });
    },
    live(handlers: LiveHandlers) {
      if (options.live === 'long-poll') return longPoll(handlers);
      const Ws = options.WebSocket ?? globalThis.WebSocket;
      let closed = false;
      let socket: WebSocket | null = null;
      const attach = (ws: WebSocket) => {
        ws.onmessage = (event: MessageEvent) => {
          try {
            const msg = JSON.parse(String(event.data)) as LiveMessage;
            if (msg.type === 'hello' || msg.type === 'poke') handlers.onMessage(msg);
          } catch {
            // A poke carries no data; a garbled one is only a missed hint.
          }
        };
        ws.onclose = () => {
          if (!closed) handlers.onClose();
          closed = true;
        };
      };
      void (async () => {
        // Browsers cannot set headers on a WebSocket: protocol, device and the short-lived PC token
        // go into the query. The user does not: the live channel only pokes.
        const { deviceId } = options.identity();
        const auth = options.auth ? await options.auth().catch(() => null) : null;
        const query = new URLSearchParams({ protocol: String(PROTOCOL_VERSION), device: deviceId, ...(auth?.liveToken ? { token: auth.liveToken } : {}) });
        const url = new URL(`${base}/v1/live?${query.toString()}`, options.origin ?? 'http://localhost');
        url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
        if (closed) return;
        try {
          socket = new Ws(url.toString());
        } catch {
          handlers.onClose();
          return;
        }
        attach(socket);
      })();
      return () => {
        closed = true;
        socket?.close();
      };
    },
  };
}
