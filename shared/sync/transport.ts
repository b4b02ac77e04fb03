import type { DeskCodeResponse, ErrorResponse, PullResponse, PushRequest, PushResponse } from './protocol';

/**
 * How a PC reaches the sync service. The engine (renderer/src/sync/engine.ts) only sees this
 * interface; the browser build implements it over fetch/WebSocket through the same-origin `/sync`
 * proxy (renderer/src/sync/http-transport.ts), tests against a server on loopback, and the fault
 * harness wraps it to drop, duplicate, delay and reorder.
 */
export interface SyncIdentity {
  deviceId: string;
  /** Placeholder until sign-in (issue 7): the person at the desk. */
  userId: string | null;
}

export type LiveMessage = { type: 'hello'; head: number; epoch: string } | { type: 'poke'; head: number };

export interface LiveHandlers {
  onMessage(message: LiveMessage): void;
  /** The connection closed or could not be opened; the engine reconnects with a back-off. */
  onClose(): void;
}

/** `absent`: this PC has no sync service configured; `unreachable`: configured but not answering. */
export type ProbeResult = 'ready' | 'absent' | 'unreachable';

export interface SyncTransport {
  probe(): Promise<ProbeResult>;
  push(request: PushRequest): Promise<PushResponse>;
  /** `scoped`: only the tables whose projection depends on the PC's scope (issue 7 item 6, a re-projection pass). */
  pull(cursor: number, limit: number, opts?: { scoped?: boolean }): Promise<PullResponse>;
  /**
   * This PC's code at a site (issue 6 item 6), assigned by the service on first ask; `held` claims
   * back the code this PC already uses (after a restore of the service).
   */
  deskCode(siteId: string, held?: string): Promise<DeskCodeResponse>;
  /** Opens the live channel; returns a function that closes it. */
  live(handlers: LiveHandlers): () => void;
}

/**
 * A request that did not get a 200. `offline`: no answer at all (network down, server down, a
 * proxy's 5xx) – everything stays in the outbox and is sent again. `refused`: the server answered
 * with an error (ErrorResponse) – resending the same bytes will not help.
 */
export class SyncRequestError extends Error {
  override readonly name = 'SyncRequestError';
  constructor(
    readonly kind: 'offline' | 'refused',
    message: string,
    readonly status: number | null = null,
    readonly body: ErrorResponse | null = null,
  ) {
    super(message);
  }

  /** The service's error code (`device-revoked`, `locked`, …) of a refusal. */
  get code(): string | null {
    return this.body?.error.code ?? null;
  }
}

const isErrorResponse = (body: unknown): body is ErrorResponse =>
  typeof body === 'object' && body !== null && typeof (body as ErrorResponse).error?.message === 'string';

/**
 * The one reading of the service's answer, for the sync and for sign-in, access log and
 * administration: a 200 with a body is the answer (`raw`: as text, e.g. a CSV export); no answer,
 * a proxy's 5xx or a body that is no ErrorResponse means nobody decided anything yet (`offline`);
 * anything else is the service's German refusal (`refused`).
 */
export async function readAnswer<T>(send: () => Promise<Response>, opts: { raw?: boolean } = {}): Promise<T> {
  let res: Response;
  try {
    res = await send();
  } catch {
    throw new SyncRequestError('offline', 'Der Sync-Dienst ist nicht erreichbar.');
  }
  if (res.ok && opts.raw) return (await res.text()) as T;
  const body: unknown = await res.json().catch(() => null);
  if (res.ok && body !== null) return body as T;
  if (res.status >= 500 || !isErrorResponse(body)) {
    throw new SyncRequestError('offline', `Der Sync-Dienst antwortet nicht (HTTP ${res.status}).`, res.status);
  }
  throw new SyncRequestError('refused', body.error.message, res.status, body);
}
