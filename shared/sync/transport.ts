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
}
