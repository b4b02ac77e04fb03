import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { can, PROFILES, type Actor, type Place, type Profile } from '../../../shared/auth/permissions';
import type { Role } from '../../../shared/model/vocabulary';
import type { PullScope } from '../../../shared/auth/scope';
import { appendAudit, type AuditEntry } from '../audit';
import type { Db, Queryable } from '../db';
import { enrollRequestSchema, signInRequestSchema } from '../../../shared/auth/sign-in';
import { fromBase64Url, GRANT_BYTES, toBase64Url } from '../../../shared/auth/proof';
import type { Account, AccountDirectory } from './accounts';
import type { Tokens, UserClaims } from './tokens';

/**
 * Sign-in and enrolled PCs (issue 7 items 1–3). Everything here answers in German and writes its
 * own audit entries (sign-in, failed sign-in, enrollment, revocation).
 */

export interface AuthPolicy {
  /** Issue 7 item 3: how long after an online sign-in a person may sign in offline at that PC. */
  offlineDays: number;
  /** How long a sign-in session may renew its tokens. */
  sessionHours: number;
  /**
   * Failed online sign-ins of a user name at one PC before the name locks there, and for how long.
   * Across all PCs the name locks after `maxFailures × 4`: one PC cannot lock a colleague out
   * everywhere, and guessing from many PCs still stops.
   */
  maxFailures: number;
  lockMinutes: number;
  /** Wrong enrollment codes (from anywhere) within `lockMinutes` before codes are refused for a while. */
  maxCodeFailures: number;
  /** How long an enrollment code is valid. */
  enrollmentCodeHours: number;
}
export const DEFAULT_POLICY: AuthPolicy = { offlineDays: 7, sessionHours: 10, maxFailures: 5, lockMinutes: 15, maxCodeFailures: 20, enrollmentCodeHours: 24 };

/** The detail of a refusal because of a lock: not itself a guess, so it does not count towards one. */
const LOCKED_DETAIL = 'gesperrt nach Fehlversuchen';

export interface Device {
  id: string;
  name: string;
  siteId: string;
  profile: Profile;
  enrolledAt: string;
  enrolledBy: string;
  revokedAt: string | null;
  lastSeenAt: string | null;
}

/** Who asks: an enrolled PC, and the person signed in at it (when the request needs one). */
export interface Principal {
  device: Device;
  place: Place;
  user: (UserClaims & { actor: Actor }) | null;
}

export class AuthRefusal extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 429 | 503,
    readonly code: string,
    override readonly message: string,
  ) {
    super(message);
  }
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
/** Enrollment codes: 10 characters from an alphabet without look-alikes (~50 bits), typed in groups of five. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';
export function newEnrollmentCode(): string {
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}
export const normaliseCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

export { enrollRequestSchema, signInRequestSchema };
export const enrollmentCodeRequestSchema = z.strictObject({
  siteId: z.string({ error: 'Bitte einen Standort wählen.' }).min(1, { error: 'Bitte einen Standort wählen.' }).max(100),
  profile: z.enum(PROFILES, { error: 'Bitte ein Profil wählen (Anlaufstelle, Büro, Leitung).' }),
  name: z.string({ error: 'Bitte einen Namen für den PC angeben.' }).trim().min(1, { error: 'Bitte einen Namen für den PC angeben.' }).max(60, { error: 'Der Name des PCs ist zu lang (höchstens 60 Zeichen).' }),
});
type DeviceRow = { id: string; name: string; site_id: string; profile: Profile; secret_sha256: string; enrolled_at: Date | string; enrolled_by: string; revoked_at: Date | string | null; last_seen_at: Date | string | null };
const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());
const toDevice = (r: DeviceRow): Device => ({
  id: r.id,
  name: r.name,
  siteId: r.site_id,
  profile: r.profile,
  enrolledAt: iso(r.enrolled_at)!,
  enrolledBy: r.enrolled_by,
  revokedAt: iso(r.revoked_at),
  lastSeenAt: iso(r.last_seen_at),
});

export interface SignInAnswer {
  token: string;
  expiresAt: string;
  sessionId: string;
  account: Account;
  /** Issue 7 item 3: until when this person may sign in offline at this PC. */
  offlineUntil: string;
  /** The sign-in's grant (shared/auth/proof.ts); only in the answer to a sign-in. */
  grant?: string;
}

/** A person behind a push (`actorsFor`), or why the service will not act in that name. */
export type PushActor = { actor: Actor; username: string; grants: Uint8Array[] } | { refused: string };

export interface AuthService {
  readonly policy: AuthPolicy;
  readonly directory: AccountDirectory;
  audit(entries: AuditEntry[]): Promise<void>;
  createEnrollmentCode(by: Principal, input: unknown, now?: Date): Promise<{ code: string; expiresAt: string }>;
  enroll(input: unknown, now?: Date): Promise<{ deviceId: string; secret: string; siteId: string; profile: Profile; name: string }>;
  /** Exchanges the PC's credential (`<id>.<secret>`) for a PC token. */
  deviceToken(credential: string, now?: Date): Promise<{ token: string; expiresAt: string }>;
  /** Checks a PC token (and a user token, when given) for a request; throws AuthRefusal. */
  authenticate(deviceToken: string | null, userToken: string | null, needUser: boolean, now?: Date): Promise<Principal>;
  signIn(p: Principal, input: unknown, now?: Date): Promise<SignInAnswer>;
  refresh(p: Principal, sessionId: string, now?: Date): Promise<SignInAnswer>;
  signOut(p: Principal, sessionId: string, now?: Date): Promise<void>;
  /**
   * The actors behind a push: each author (a record's `updatedBy`) must have signed in online at
   * this PC within the offline period and hold an account that is still enabled; their roles are
   * read now (issue 7 item 3: "re-checks the roles behind every offline change when it arrives").
   * `grants`: of those sign-ins not ended by the service (revoked PC, disabled account) – a change
   * without the author's live sign-in must carry a proof under one of them.
   */
  actorsFor(p: Principal, staffIds: readonly string[], now?: Date): Promise<Map<string, PushActor>>;
  /**
   * Issue 7 item 6: what this PC may see – its site and profile, the people who signed in online at
   * it within the offline period (they may work there offline, so their cases must be there), and
   * whether one of them keeps the directory (ADMIN: absence reasons, SPEC §8).
   */
  scopeOf(p: Principal, now?: Date): Promise<PullScope>;
  /** The user names of people who signed in online at this PC within the offline period, by staff id. */
  signedInHere(p: Principal, now?: Date): Promise<Map<string, string>>;
  listDevices(): Promise<Device[]>;
  revokeDevice(by: Principal, deviceId: string, now?: Date): Promise<void>;
}

export function authService(db: Db, tenant: string, directory: AccountDirectory, tok: Tokens, policy: AuthPolicy = DEFAULT_POLICY): AuthService {
  const audit = (entries: AuditEntry[], q: Queryable = db) => appendAudit(q, tenant, entries);
  const readDevice = async (id: string, q: Queryable = db) =>
    (await q.query<DeviceRow>('SELECT id, name, site_id, profile, secret_sha256, enrolled_at, enrolled_by, revoked_at, last_seen_at FROM devices WHERE tenant_id = $1 AND id = $2', [tenant, id])).rows[0];

  async function siteExists(siteId: string): Promise<boolean> {
    const { rows } = await db.query("SELECT 1 FROM records WHERE tenant_id = $1 AND tbl = 'sites' AND id = $2 AND deleted_at IS NULL", [tenant, siteId]);
    return rows.length > 0;
  }

  async function activeStaff(staffId: string | null): Promise<boolean> {
    if (staffId === null) return true;
    const { rows } = await db.query<{ active: boolean | null }>("SELECT (data->>'active')::boolean AS active FROM records WHERE tenant_id = $1 AND tbl = 'staff' AND id = $2", [tenant, staffId]);
    return rows[0]?.active !== false;
  }

  /** The directory's answer; unreachable is "try later" (503), never "account gone". */
  async function lookup(username: string): Promise<Account | null> {
    try {
      return await directory.lookup(username);
    } catch {
      await audit([{ action: 'request-refused', outcome: 'refused', username: username.slice(0, 120), detail: 'Anmeldeverzeichnis nicht erreichbar' }]);
      throw new AuthRefusal(503, 'directory-unavailable', 'Das Anmeldeverzeichnis ist nicht erreichbar. Bitte später erneut versuchen.');
    }
  }

  /**
   * Online lockout: too many failed sign-ins for this name in the last minutes – at this PC, or
   * across all PCs – and no further tries. Refusals because of the lock do not count as tries.
   */
  async function checkLock(username: string, deviceId: string | null, now: Date): Promise<void> {
    const since = new Date(now.getTime() - policy.lockMinutes * 60_000).toISOString();
    const { rows } = await db.query<{ here: string; everywhere: string }>(
      `SELECT count(*) FILTER (WHERE device_id IS NOT DISTINCT FROM $4) AS here, count(*) AS everywhere FROM audit_log
        WHERE tenant_id = $1 AND action = 'sign-in-failed' AND username = $2 AND at >= $3 AND detail IS DISTINCT FROM $5`,
      [tenant, username.slice(0, 120), since, deviceId, LOCKED_DETAIL],
    );
    const here = Number(rows[0]?.here ?? 0) >= policy.maxFailures;
    if (!here && Number(rows[0]?.everywhere ?? 0) < policy.maxFailures * 4) return;
    await audit([{ action: 'sign-in-failed', outcome: 'refused', username: username.slice(0, 120), deviceId, detail: LOCKED_DETAIL }]);
    throw new AuthRefusal(
      429,
      'locked',
      `Zu viele falsche Anmeldeversuche${here ? ' an diesem PC' : ''}. Bitte in ${policy.lockMinutes} Minuten erneut versuchen oder die Administration fragen.`,
    );
  }

  /**
   * Sign-in attempts for one name run one after another (in this process): parallel tries cannot
   * all pass the count before any failure is recorded (found by review: a burst exceeded the limit).
   */
  const attempts = new Map<string, Promise<unknown>>();
  function oneAtATime<T>(username: string, run: () => Promise<T>): Promise<T> {
    const previous = attempts.get(username) ?? Promise.resolve();
    const result = previous.then(run, run);
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    attempts.set(username, settled);
    void settled.then(() => {
      if (attempts.get(username) === settled) attempts.delete(username);
    });
    return result;
  }

  async function startSession(p: Principal, account: Account, now: Date): Promise<SignInAnswer> {
    const sessionId = randomUUID();
    const expires = new Date(now.getTime() + policy.sessionHours * 3_600_000);
    const grant = toBase64Url(randomBytes(GRANT_BYTES));
    await db.query(
      'INSERT INTO sessions (tenant_id, id, device_id, username, staff_id, roles, home_site_id, started_at, expires_at, grant_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
      [tenant, sessionId, p.device.id, account.username, account.staffId, account.roles, account.homeSiteId, now.toISOString(), expires.toISOString(), grant],
    );
    return { ...(await issue(p, account, sessionId, now, now)), grant };
  }

  async function issue(p: Principal, account: Account, sessionId: string, startedAt: Date, now: Date): Promise<SignInAnswer> {
    const { token, expiresAt } = await tok.sign(
      { typ: 'user', sub: account.username, sid: sessionId, dev: p.device.id, staff: account.staffId, roles: account.roles, home: account.homeSiteId },
      now,
    );
    return { token, expiresAt, sessionId, account, offlineUntil: new Date(startedAt.getTime() + policy.offlineDays * 86_400_000).toISOString() };
  }

  return {
    policy,
    directory,
    audit: (entries) => audit(entries),

    async createEnrollmentCode(by, input, now = new Date()) {
      const req = enrollmentCodeRequestSchema.parse(input);
      if (!(await siteExists(req.siteId))) throw new AuthRefusal(404, 'not-found', 'Diesen Standort gibt es im Jobcenter nicht.');
      const code = newEnrollmentCode();
      const expiresAt = new Date(now.getTime() + policy.enrollmentCodeHours * 3_600_000).toISOString();
      await db.tx(async (q) => {
        await q.query(
          'INSERT INTO enrollment_codes (tenant_id, code_sha256, name, site_id, profile, created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
          [tenant, sha256(normaliseCode(code)), req.name, req.siteId, req.profile, by.user?.sub ?? '?', now.toISOString(), expiresAt],
        );
        await audit([{ action: 'enrollment-code', outcome: 'ok', username: by.user?.sub, staffId: by.user?.staff, deviceId: by.device.id, detail: `${req.profile} @ ${req.siteId}` }], q);
      });
      return { code, expiresAt };
    },

    async enroll(input, now = new Date()) {
      const req = enrollRequestSchema.parse(input);
      if ('username' in req) {
        // An administrator at the new PC: the same lockout and log as any sign-in.
        const username = req.username.trim().toLowerCase();
        const { outcome, admin } = await oneAtATime(username, async () => {
          await checkLock(username, null, now);
          const answer = await directory.authenticate(username, req.password);
          const isAdmin = answer.ok && answer.account.roles.includes('ADMIN');
          if (!isAdmin) {
            await audit([{ action: 'sign-in-failed', outcome: 'refused', username: username.slice(0, 120), detail: answer.ok ? 'Einrichtung: keine Administration' : `Einrichtung: ${answer.reason}` }]);
          }
          return { outcome: answer, admin: isAdmin };
        });
        if (!admin || !outcome.ok) {
          throw new AuthRefusal(403, 'enrollment-refused', outcome.ok ? 'PCs richtet nur die Administration ein.' : 'Benutzername oder Kennwort ist falsch.');
        }
        if (!(await siteExists(req.siteId))) {
          await audit([{ action: 'enroll-failed', outcome: 'refused', username: outcome.account.username, detail: 'Standort unbekannt' }]);
          throw new AuthRefusal(404, 'not-found', 'Diesen Standort gibt es im Jobcenter nicht.');
        }
        const id = randomUUID();
        const key = randomBytes(32).toString('base64url');
        await db.tx(async (q) => {
          await q.query(
            'INSERT INTO devices (tenant_id, id, name, site_id, profile, secret_sha256, enrolled_at, enrolled_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
            [tenant, id, req.name, req.siteId, req.profile, sha256(key), now.toISOString(), outcome.account.username],
          );
          await audit([{ action: 'enroll', outcome: 'ok', username: outcome.account.username, staffId: outcome.account.staffId, deviceId: id, detail: `${req.profile} @ ${req.siteId}` }], q);
        });
        return { deviceId: id, secret: key, siteId: req.siteId, profile: req.profile, name: req.name };
      }
      // Codes have ~50 bits, but every guess is a row in the log: after many wrong ones, a pause.
      const since = new Date(now.getTime() - policy.lockMinutes * 60_000).toISOString();
      const { rows: tried } = await db.query<{ n: string }>(
        "SELECT count(*) AS n FROM audit_log WHERE tenant_id = $1 AND action = 'enroll-failed' AND at >= $2 AND detail IS DISTINCT FROM $3",
        [tenant, since, LOCKED_DETAIL],
      );
      if (Number(tried[0]?.n ?? 0) >= policy.maxCodeFailures) {
        await audit([{ action: 'enroll-failed', outcome: 'refused', detail: LOCKED_DETAIL }]);
        throw new AuthRefusal(
          429,
          'locked',
          `Zu viele ungültige Einrichtungscodes. Bitte in ${policy.lockMinutes} Minuten erneut versuchen – oder eine Administratorin richtet den PC mit ihrer Anmeldung ein.`,
        );
      }
      const codeHash = sha256(normaliseCode(req.code));
      const deviceId = randomUUID();
      const secret = randomBytes(32).toString('base64url');
      const result = await db.tx(async (q) => {
        const { rows } = await q.query<{ site_id: string; profile: Profile; created_by: string; expires_at: Date | string; used_at: Date | string | null }>(
          'SELECT site_id, profile, created_by, expires_at, used_at FROM enrollment_codes WHERE tenant_id = $1 AND code_sha256 = $2 FOR UPDATE',
          [tenant, codeHash],
        );
        const code = rows[0];
        if (!code || code.used_at !== null || new Date(code.expires_at) <= now) return null;
        await q.query('UPDATE enrollment_codes SET used_at = $3, used_by_device = $4 WHERE tenant_id = $1 AND code_sha256 = $2', [tenant, codeHash, now.toISOString(), deviceId]);
        await q.query(
          'INSERT INTO devices (tenant_id, id, name, site_id, profile, secret_sha256, enrolled_at, enrolled_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
          [tenant, deviceId, req.name, code.site_id, code.profile, sha256(secret), now.toISOString(), code.created_by],
        );
        await audit([{ action: 'enroll', outcome: 'ok', username: code.created_by, deviceId, detail: `${code.profile} @ ${code.site_id}` }], q);
        return { deviceId, secret, siteId: code.site_id, profile: code.profile, name: req.name };
      });
      if (!result) {
        await audit([{ action: 'enroll-failed', outcome: 'refused', detail: 'Code unbekannt, benutzt oder abgelaufen' }]);
        throw new AuthRefusal(403, 'enrollment-refused', 'Der Einrichtungscode ist ungültig, schon benutzt oder abgelaufen. Bitte bei der Administration einen neuen anfordern.');
      }
      return result;
    },

    async deviceToken(credential, now = new Date()) {
      const [id, secret] = credential.split('.', 2);
      const row = id && secret && id.length <= 100 ? await readDevice(id) : undefined;
      const given = Buffer.from(sha256(secret ?? ''), 'hex');
      const good = row !== undefined && timingSafeEqual(given, Buffer.from(row.secret_sha256, 'hex'));
      if (!row || !good) {
        await audit([{ action: 'request-refused', outcome: 'refused', deviceId: row?.id ?? null, detail: 'PC-Anmeldung: unbekannter PC oder falscher Schlüssel' }]);
        throw new AuthRefusal(401, 'device-unknown', 'Dieser PC ist beim Sync-Dienst nicht (mehr) angemeldet. Bitte von der Administration neu einrichten lassen.');
      }
      if (row.revoked_at !== null) {
        await audit([{ action: 'request-refused', outcome: 'refused', deviceId: row.id, detail: 'PC gesperrt' }]);
        throw new AuthRefusal(403, 'device-revoked', 'Dieser PC wurde von der Administration gesperrt.');
      }
      await db.query('UPDATE devices SET last_seen_at = $3 WHERE tenant_id = $1 AND id = $2', [tenant, row.id, now.toISOString()]);
      return tok.sign({ typ: 'device', sub: row.id, site: row.site_id, profile: row.profile }, now);
    },

    async authenticate(deviceToken, userToken, needUser, now = new Date()) {
      const refuse = async (status: 401 | 403, code: string, message: string, detail: string, deviceId: string | null = null): Promise<never> => {
        await audit([{ action: 'request-refused', outcome: 'refused', deviceId, detail }]);
        throw new AuthRefusal(status, code, message);
      };
      if (!deviceToken) return refuse(401, 'unauthenticated', 'Der PC hat sich nicht ausgewiesen (Anmeldung am Sync-Dienst fehlt).', 'kein PC-Token');
      const d = await tok.verifyDevice(deviceToken, now);
      if (!d.ok) {
        return d.reason === 'expired'
          ? refuse(401, 'token-expired', 'Die Anmeldung des PCs ist abgelaufen; sie wird erneuert.', 'PC-Token abgelaufen')
          : refuse(401, 'unauthenticated', 'Der PC hat sich nicht gültig ausgewiesen.', 'PC-Token ungültig');
      }
      const row = await readDevice(d.claims.sub);
      if (!row) return refuse(401, 'device-unknown', 'Dieser PC ist beim Sync-Dienst nicht angemeldet.', 'PC unbekannt', d.claims.sub);
      if (row.revoked_at !== null) return refuse(403, 'device-revoked', 'Dieser PC wurde von der Administration gesperrt.', 'PC gesperrt', row.id);
      const device = toDevice(row);
      const place: Place = { siteId: device.siteId, profile: device.profile };
      if (!userToken) {
        if (needUser) return refuse(401, 'signed-out', 'Bitte zuerst anmelden.', 'kein Benutzer-Token', device.id);
        return { device, place, user: null };
      }
      const u = await tok.verifyUser(userToken, now);
      if (!u.ok) {
        return u.reason === 'expired'
          ? refuse(401, 'token-expired', 'Die Anmeldung ist abgelaufen; sie wird erneuert.', 'Benutzer-Token abgelaufen', device.id)
          : refuse(401, 'signed-out', 'Die Anmeldung ist ungültig. Bitte neu anmelden.', 'Benutzer-Token ungültig', device.id);
      }
      // A user token is bound to the PC it was issued to: another PC cannot use it.
      if (u.claims.dev !== device.id) return refuse(403, 'wrong-device', 'Diese Anmeldung gehört zu einem anderen PC.', 'Benutzer-Token eines anderen PCs', device.id);
      const { rows } = await db.query<{ ended_at: Date | null; expires_at: Date | string }>('SELECT ended_at, expires_at FROM sessions WHERE tenant_id = $1 AND id = $2', [tenant, u.claims.sid]);
      if (!rows[0] || rows[0].ended_at !== null || new Date(rows[0].expires_at) <= now) {
        return refuse(401, 'signed-out', 'Die Anmeldung ist beendet. Bitte neu anmelden.', 'Sitzung beendet', device.id);
      }
      const actor: Actor = { staffId: u.claims.staff ?? `user:${u.claims.sub}`, roles: u.claims.roles as Role[], homeSiteId: u.claims.home, active: true };
      return { device, place, user: { ...u.claims, actor } };
    },

    async signIn(p, input, now = new Date()) {
      const req = signInRequestSchema.parse(input);
      const username = req.username.trim().toLowerCase();
      const base = { username: username.slice(0, 120), deviceId: p.device.id };
      const outcome = await oneAtATime(username, async () => {
        await checkLock(username, p.device.id, now);
        const answer = await directory.authenticate(username, req.password);
        if (!answer.ok) await audit([{ ...base, action: 'sign-in-failed', outcome: 'refused', detail: answer.reason }]);
        return answer;
      });
      if (!outcome.ok) {
        if (outcome.reason === 'unavailable') throw new AuthRefusal(503, 'directory-unavailable', 'Das Anmeldeverzeichnis ist nicht erreichbar. Bitte später erneut versuchen.');
        if (outcome.reason === 'disabled') throw new AuthRefusal(403, 'account-disabled', 'Dieses Konto ist gesperrt oder hat keine Rolle in der Anlaufstelle.');
        // The same words for an unknown name and a wrong password: nobody learns which names exist.
        throw new AuthRefusal(401, 'wrong-credentials', 'Benutzername oder Kennwort ist falsch.');
      }
      if (!(await activeStaff(outcome.account.staffId))) {
        await audit([{ ...base, action: 'sign-in-failed', outcome: 'refused', detail: 'Person deaktiviert' }]);
        throw new AuthRefusal(403, 'account-disabled', 'Diese Person ist im Verzeichnis deaktiviert.');
      }
      const answer = await startSession(p, outcome.account, now);
      await audit([{ ...base, username: outcome.account.username, staffId: outcome.account.staffId, action: 'sign-in', outcome: 'ok' }]);
      return answer;
    },

    async refresh(p, sessionId, now = new Date()) {
      const { rows } = await db.query<{ username: string; device_id: string; started_at: Date | string; expires_at: Date | string; ended_at: Date | null }>(
        'SELECT username, device_id, started_at, expires_at, ended_at FROM sessions WHERE tenant_id = $1 AND id = $2',
        [tenant, sessionId.slice(0, 100)],
      );
      const s = rows[0];
      if (!s || s.device_id !== p.device.id || s.ended_at !== null || new Date(s.expires_at) <= now) {
        await audit([{ action: 'request-refused', outcome: 'refused', deviceId: p.device.id, detail: 'Erneuerung einer beendeten Sitzung' }]);
        throw new AuthRefusal(401, 'signed-out', 'Die Anmeldung ist beendet. Bitte neu anmelden.');
      }
      // Roles as of now: a person removed from a group or disabled loses them at the next renewal.
      const account = await lookup(s.username);
      if (!account || !(await activeStaff(account.staffId))) {
        await db.query("UPDATE sessions SET ended_at = $3, ended_reason = 'disabled' WHERE tenant_id = $1 AND id = $2", [tenant, sessionId, now.toISOString()]);
        await audit([{ action: 'request-refused', outcome: 'refused', username: s.username, deviceId: p.device.id, detail: 'Konto gesperrt: Sitzung beendet' }]);
        throw new AuthRefusal(403, 'account-disabled', 'Dieses Konto ist gesperrt. Die Anmeldung wurde beendet.');
      }
      return issue(p, account, sessionId, new Date(s.started_at), now);
    },

    async signOut(p, sessionId, now = new Date()) {
      const { rows } = await db.query<{ username: string; staff_id: string | null }>(
        "UPDATE sessions SET ended_at = $4, ended_reason = 'signed-out' WHERE tenant_id = $1 AND id = $2 AND device_id = $3 AND ended_at IS NULL RETURNING username, staff_id",
        [tenant, sessionId.slice(0, 100), p.device.id, now.toISOString()],
      );
      if (rows[0]) await audit([{ action: 'sign-out', outcome: 'ok', username: rows[0].username, staffId: rows[0].staff_id, deviceId: p.device.id }]);
    },

    async actorsFor(p, staffIds, now = new Date()) {
      const out = new Map<string, PushActor>();
      const since = new Date(now.getTime() - policy.offlineDays * 86_400_000).toISOString();
      for (const staffId of new Set(staffIds)) {
        const { rows } = await db.query<{ username: string; grant_key: string | null; ended_reason: string | null }>(
          'SELECT username, grant_key, ended_reason FROM sessions WHERE tenant_id = $1 AND device_id = $2 AND staff_id = $3 AND started_at >= $4 ORDER BY started_at DESC',
          [tenant, p.device.id, staffId, since],
        );
        const username = rows[0]?.username;
        if (!username) {
          out.set(staffId, { refused: 'Die Person hat sich an diesem PC nicht (innerhalb der Offline-Frist) angemeldet.' });
          continue;
        }
        const account = await lookup(username);
        if (!account || account.staffId !== staffId || !(await activeStaff(staffId))) {
          out.set(staffId, { refused: `Das Konto ${username} ist inzwischen gesperrt; die Änderung wurde nicht übernommen.` });
          continue;
        }
        // A sign-in the service ended (PC revoked, account disabled) vouches for nothing any more.
        const grants = rows.flatMap((r) => {
          const grant = r.grant_key !== null && r.ended_reason !== 'revoked' && r.ended_reason !== 'disabled' ? fromBase64Url(r.grant_key) : null;
          return grant ? [grant] : [];
        });
        out.set(staffId, { username, grants, actor: { staffId, roles: account.roles, homeSiteId: account.homeSiteId, active: true } });
      }
      return out;
    },

    async scopeOf(p, now = new Date()) {
      const since = new Date(now.getTime() - policy.offlineDays * 86_400_000).toISOString();
      const { rows } = await db.query<{ staff_id: string | null; admin: boolean }>(
        "SELECT staff_id, bool_or('ADMIN' = ANY(roles)) AS admin FROM sessions WHERE tenant_id = $1 AND device_id = $2 AND started_at >= $3 GROUP BY staff_id",
        [tenant, p.device.id, since],
      );
      return {
        siteId: p.device.siteId,
        profile: p.device.profile,
        staffIds: new Set(rows.flatMap((r) => (r.staff_id === null ? [] : [r.staff_id]))),
        directoryKeeper: rows.some((r) => r.admin),
      };
    },

    async signedInHere(p, now = new Date()) {
      const since = new Date(now.getTime() - policy.offlineDays * 86_400_000).toISOString();
      const { rows } = await db.query<{ staff_id: string; username: string }>(
        'SELECT DISTINCT ON (staff_id) staff_id, username FROM sessions WHERE tenant_id = $1 AND device_id = $2 AND staff_id IS NOT NULL AND started_at >= $3 ORDER BY staff_id, started_at DESC',
        [tenant, p.device.id, since],
      );
      return new Map(rows.map((r) => [r.staff_id, r.username]));
    },

    async listDevices() {
      const { rows } = await db.query<DeviceRow>(
        'SELECT id, name, site_id, profile, secret_sha256, enrolled_at, enrolled_by, revoked_at, last_seen_at FROM devices WHERE tenant_id = $1 ORDER BY enrolled_at',
        [tenant],
      );
      return rows.map(toDevice);
    },

    async revokeDevice(by, deviceId, now = new Date()) {
      await db.tx(async (q) => {
        const { rows } = await q.query('UPDATE devices SET revoked_at = $3, revoked_by = $4 WHERE tenant_id = $1 AND id = $2 AND revoked_at IS NULL RETURNING id', [
          tenant,
          deviceId,
          now.toISOString(),
          by.user?.sub ?? '?',
        ]);
        if (rows.length === 0) throw new AuthRefusal(404, 'not-found', 'Diesen PC gibt es nicht oder er ist schon gesperrt.');
        // Its sign-ins end with it: no token of that PC is renewed again.
        await q.query("UPDATE sessions SET ended_at = $3, ended_reason = 'revoked' WHERE tenant_id = $1 AND device_id = $2 AND ended_at IS NULL", [tenant, deviceId, now.toISOString()]);
        await audit([{ action: 'device-revoked', outcome: 'ok', username: by.user?.sub, staffId: by.user?.staff, deviceId }], q);
      });
    },
  };
}

/** Judges one change with the shared permission function (issue 7 item 5). */
export function judgeChange(actor: Actor, place: Place, table: string, before: Record<string, unknown> | null, after: Record<string, unknown>) {
  return can(actor, place, { kind: 'write', table, before, after });
}
