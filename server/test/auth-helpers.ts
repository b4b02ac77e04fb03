import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Profile } from '../../shared/auth/permissions';
import type { Role } from '../../shared/model/vocabulary';
import { HEADERS, PROTOCOL_VERSION, AUTH_HEADERS, type Change } from '../../shared/sync/protocol';
import { fromBase64Url, signProof } from '../../shared/auth/proof';
import { accessControl, type AccessOptions } from '../src/access';
import type { AccountDirectory } from '../src/auth/accounts';
import { buildApp } from '../src/app';
import { saveAccount } from '../src/auth/embedded';
import { embeddedDirectory } from '../src/auth/embedded';
import { authService, DEFAULT_POLICY, type AuthPolicy, type AuthService } from '../src/auth/service';
import { tokens, type Tokens } from '../src/auth/tokens';
import { migrate, type Db } from '../src/db';
import { DEFAULT_TENANT, ensureTenant } from '../src/sync';
import { freshDb, staff } from './helpers';

/** The service with real access control (issue 7): PGlite or PG15 like the rest of the suite. */
export interface AuthHarness {
  db: Db;
  app: FastifyInstance;
  auth: AuthService;
  tok: Tokens;
  key: Uint8Array;
  reset(): Promise<void>;
  close(): Promise<void>;
}

export const PASSWORD = 'richtig-geheim-1';
export const KEY = new Uint8Array(Array.from({ length: 32 }, (_, i) => i + 1));

/** People of the test directory: staff records (synced) and their accounts. */
export const PEOPLE: { username: string; staffId: string; roles: Role[]; site: string }[] = [
  { username: 'anna.ez', staffId: 's-anna', roles: ['EZ'], site: 'site-be' },
  { username: 'lars.lb', staffId: 's-lars', roles: ['LB'], site: 'site-be' },
  { username: 'dora.ez', staffId: 's-dora', roles: ['EZ'], site: 'site-di' },
  { username: 'tina.tl', staffId: 's-tina', roles: ['TL_EZ'], site: 'site-be' },
  { username: 'gerd.gf', staffId: 's-gerd', roles: ['GF'], site: 'site-be' },
  { username: 'ada.admin', staffId: 's-ada', roles: ['ADMIN'], site: 'site-be' },
  { username: 'dirk.dsb', staffId: 's-dirk', roles: ['DSB'], site: 'site-be' },
];

async function seed(db: Db): Promise<void> {
  const site = (id: string, name: string, code: string) => ({
    id,
    name,
    code,
    minStaff: 1,
    sessions: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    createdBy: 'system',
    updatedAt: '2026-01-01T00:00:00.000Z',
    updatedBy: 'system',
    deletedAt: null,
  });
  const rows: [string, string, unknown][] = [
    ['sites', 'site-be', site('site-be', 'Test Bad Ems', 'BE')],
    ['sites', 'site-di', site('site-di', 'Test Diez', 'DZ')],
    ...PEOPLE.map((p) => ['staff', p.staffId, { ...staff(p.staffId, p.username), roles: p.roles, homeSiteId: p.site }] as [string, string, unknown]),
  ];
  for (const [tbl, id, data] of rows) {
    await db.query(
      `INSERT INTO records (tenant_id, tbl, id, data, hlc, version, updated_by_device) VALUES ('default', $1, $2, $3, '2000-01-01T00:00:00.000Z-0000-fixture', 0, 'fixture')`,
      [tbl, id, JSON.stringify(data)],
    );
  }
  for (const p of PEOPLE) {
    await saveAccount(db, DEFAULT_TENANT, { username: p.username, displayName: p.username, staffId: p.staffId, roles: p.roles, homeSiteId: p.site }, PASSWORD);
  }
}

export interface HarnessOptions {
  /** Another directory than the embedded one (e.g. a stand-in for Active Directory). */
  directory?: (db: Db) => AccountDirectory;
  access?: AccessOptions;
}

export async function startAuthServer(policy: Partial<AuthPolicy> = {}, options: HarnessOptions = {}): Promise<AuthHarness> {
  const db = await freshDb();
  const { to } = await migrate(db);
  await ensureTenant(db);
  await seed(db);
  const tok = tokens(KEY);
  const directory = options.directory?.(db) ?? embeddedDirectory(db, DEFAULT_TENANT);
  const auth = authService(db, DEFAULT_TENANT, directory, tok, { ...DEFAULT_POLICY, ...policy });
  const h: AuthHarness = {
    db,
    auth,
    tok,
    key: KEY,
    app: await buildApp({ db, schemaVersion: to, access: accessControl(db, DEFAULT_TENANT, auth, options.access) }),
    async reset() {
      await db.exec(
        `TRUNCATE records, sync_receipts, desk_codes, devices, enrollment_codes, sessions, audit_log, audit_head, accounts, jobcenter_settings; UPDATE tenant_head SET v = 0;`,
      );
      await seed(db);
    },
    async close() {
      await h.app.close();
      await db.close();
    },
  };
  return h;
}

export interface Pc {
  deviceId: string;
  secret: string;
  token: string;
}

/** Enrolls a PC the way an administrator does it at the PC (issue 7 item 2). */
export async function enrollPc(h: AuthHarness, siteId = 'site-be', profile: Profile = 'counter'): Promise<Pc> {
  const res = await h.app.inject({ method: 'POST', url: '/v1/enroll', payload: { username: 'ada.admin', password: PASSWORD, siteId, profile, name: `PC ${randomUUID().slice(0, 4)}` } });
  if (res.statusCode !== 200) throw new Error(`enroll: ${res.statusCode} ${res.body}`);
  const { deviceId, secret } = res.json() as { deviceId: string; secret: string };
  const t = await h.app.inject({ method: 'POST', url: '/v1/device-token', headers: { authorization: `Device ${deviceId}.${secret}` } });
  return { deviceId, secret, token: (t.json() as { token: string }).token };
}

export interface SignedIn {
  token: string;
  sessionId: string;
}

export async function signIn(h: AuthHarness, pc: Pc, username: string, password = PASSWORD) {
  return h.app.inject({ method: 'POST', url: '/v1/sign-in', headers: { authorization: `Bearer ${pc.token}` }, payload: { username, password } });
}

/**
 * The grants a PC got at its sign-ins, by staff id – as the PC keeps them to prove its people's
 * changes (shared/auth/proof.ts, issue 7 item 3).
 */
const grantsOf = new WeakMap<Pc, Map<string, Uint8Array>>();

export async function signedIn(h: AuthHarness, pc: Pc, username: string): Promise<SignedIn> {
  const res = await signIn(h, pc, username);
  if (res.statusCode !== 200) throw new Error(`sign-in: ${res.statusCode} ${res.body}`);
  const answer = res.json() as SignedIn & { grant: string; account: { staffId: string | null } };
  if (answer.account.staffId) {
    const grants = grantsOf.get(pc) ?? new Map<string, Uint8Array>();
    grants.set(answer.account.staffId, fromBase64Url(answer.grant)!);
    grantsOf.set(pc, grants);
  }
  return answer;
}

/** The proof this PC would attach to a change in its author's name (none: the author never signed in here). */
export function proofFor(pc: Pc, c: Change): string | undefined {
  const author = String(c.record.updatedBy ?? '');
  const grant = grantsOf.get(pc)?.get(author);
  return grant ? signProof(grant, c.table, c.id, author) : undefined;
}

export const syncHeaders = (pc: Pc, user?: SignedIn) => ({
  [HEADERS.protocol]: String(PROTOCOL_VERSION),
  authorization: `Bearer ${pc.token}`,
  ...(user ? { [AUTH_HEADERS.userToken]: user.token } : {}),
});

/**
 * A push with the PC's token only, as its outbox sends changes made offline: each change carries
 * its author's proof when that person signed in at this PC (`prove: false`: none, as a PC that never
 * saw the password would send it).
 */
export async function pushAs(h: AuthHarness, pc: Pc, changes: Change[], opts: { prove?: boolean } = {}) {
  const proven = opts.prove === false ? changes : changes.map((c) => ('proof' in c ? c : { ...c, ...(proofFor(pc, c) ? { proof: proofFor(pc, c) } : {}) }));
  return h.app.inject({ method: 'POST', url: '/v1/push', headers: syncHeaders(pc), payload: { groups: [{ txId: randomUUID(), changes: proven }] } });
}

export async function auditCount(db: Db): Promise<number> {
  const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM audit_log');
  return Number(rows[0]?.n);
}
export async function recordCount(db: Db): Promise<number> {
  const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM records WHERE version > 0');
  return Number(rows[0]?.n);
}

/** The harness's app listening on loopback (the real sync engine and HTTP transport in Node tests): its base URL. */
export async function listen(h: AuthHarness): Promise<string> {
  await h.app.listen({ host: '127.0.0.1', port: 0 });
  const address = h.app.server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

/** fetch with the PC's token on every request, as the desktop app's main process adds it. */
export const fetchAs =
  (pc: Pc): typeof fetch =>
  (input, init) =>
    fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), authorization: `Bearer ${pc.token}` } });
