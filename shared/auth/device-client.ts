import { z } from 'zod';
import { enrollRequestSchema, type DeviceInfo, type EnrollRequest } from './sign-in';
import { PROFILES } from './permissions';

/**
 * The PC's side of enrollment and of the short-lived PC token (issue 7 item 2), one code for the
 * desktop app's main process (credential under safeStorage) and the browser build (page storage).
 * Plain: `fetch` and the store are arguments.
 */

/** The minimum of fetch this needs (shared/ has neither the DOM's nor Node's types). */
export type MiniFetch = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body?: string },
) => Promise<{ status: number; json(): Promise<unknown> }>;

export interface StoredCredential extends DeviceInfo {
  secret: string;
}
export interface CredentialStore {
  load(): Promise<StoredCredential | null>;
  save(credential: StoredCredential): Promise<void>;
  clear(): Promise<void>;
}

export const storedCredentialSchema = z.object({
  deviceId: z.string().min(1).max(100),
  secret: z.string().min(20).max(200),
  siteId: z.string().min(1).max(100),
  profile: z.enum(PROFILES),
  name: z.string().min(1).max(60),
});

/** A refusal the UI shows as it is (German). `offline`: the service did not answer at all. */
export class DeviceAuthError extends Error {
  constructor(
    readonly kind: 'offline' | 'refused',
    message: string,
    readonly code: string | null = null,
  ) {
    super(message);
  }
}

const answerSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
const enrolledSchema = storedCredentialSchema;
const tokenSchema = z.object({ token: z.string().min(1), expiresAt: z.string() });

export interface DeviceClient {
  info(): Promise<DeviceInfo | null>;
  enroll(request: EnrollRequest): Promise<DeviceInfo>;
  /** A PC token valid for at least another minute (fetched anew when needed); null when not enrolled. */
  token(now?: Date): Promise<string | null>;
  /** Drops the cached token (the service said it expired or is unknown). */
  invalidate(): void;
  forget(): Promise<void>;
}

/** Re-fetch a minute before expiry: a request must not leave with a token that dies on the way. */
const MARGIN_MS = 60_000;

export function deviceClient(options: { baseUrl: string; fetch: MiniFetch; store: CredentialStore }): DeviceClient {
  const base = options.baseUrl.replace(/\/$/, '');
  let cached: { token: string; expiresAt: number } | null = null;
  let pending: Promise<string | null> | null = null;

  async function post(path: string, headers: Record<string, string>, body?: unknown): Promise<unknown> {
    let res: Awaited<ReturnType<MiniFetch>>;
    try {
      res = await options.fetch(`${base}${path}`, {
        method: 'POST',
        headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      throw new DeviceAuthError('offline', 'Der Sync-Dienst ist nicht erreichbar.');
    }
    const json: unknown = await res.json().catch(() => null);
    if (res.status === 200) return json;
    const refusal = answerSchema.safeParse(json);
    if (res.status >= 500 || !refusal.success) throw new DeviceAuthError('offline', `Der Sync-Dienst antwortet nicht (HTTP ${res.status}).`);
    throw new DeviceAuthError('refused', refusal.data.error.message, refusal.data.error.code);
  }

  async function fetchToken(): Promise<string | null> {
    const cred = await options.store.load();
    if (!cred) return null;
    const answer = tokenSchema.parse(await post('/v1/device-token', { authorization: `Device ${cred.deviceId}.${cred.secret}` }));
    cached = { token: answer.token, expiresAt: Date.parse(answer.expiresAt) };
    return answer.token;
  }

  return {
    async info() {
      const cred = await options.store.load();
      return cred ? { deviceId: cred.deviceId, siteId: cred.siteId, profile: cred.profile, name: cred.name } : null;
    },
    async enroll(request) {
      const req = enrollRequestSchema.parse(request);
      const enrolled = enrolledSchema.parse(await post('/v1/enroll', {}, req));
      await options.store.save(enrolled);
      cached = null;
      return { deviceId: enrolled.deviceId, siteId: enrolled.siteId, profile: enrolled.profile, name: enrolled.name };
    },
    async token(now = new Date()) {
      if (cached && cached.expiresAt - MARGIN_MS > now.getTime()) return cached.token;
      // One request for all callers that ask at the same moment.
      pending ??= fetchToken().finally(() => {
        pending = null;
      });
      return pending;
    },
    invalidate() {
      cached = null;
    },
    async forget() {
      cached = null;
      await options.store.clear();
    },
  };
}
