import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import type { AccessControl } from '../src/access';
import { buildApp, type AppOptions } from '../src/app';
import { migrate, pgliteDb, postgresDb, type Db } from '../src/db';
import { ensureTenant } from '../src/sync';
import { generateDirectory } from '../../shared/demo/generate';
import { HEADERS, PROTOCOL_VERSION, type Change, type PullResponse } from '../../shared/sync/protocol';

/** Which database this run uses: the vitest project sets SYNC_TEST_DB (pglite | pg15). */
export const TARGET = process.env.SYNC_TEST_DB === 'pg15' ? 'pg15' : 'pglite';
export const PG15_URL = process.env.PG15_URL;

/** A fresh, empty database: PGlite in memory, or a new database on the PG15 cluster. */
export async function freshDb(): Promise<Db> {
  if (TARGET === 'pglite') return pgliteDb();
  if (!PG15_URL) throw new Error('PG15_URL fehlt: scripts/pg15.sh start');
  const name = `t_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: PG15_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG15_URL);
  url.pathname = `/${name}`;
  const db = postgresDb(url.toString());
  return {
    ...db,
    kind: db.kind,
    async close() {
      await db.close();
      const a = new pg.Client({ connectionString: PG15_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

/**
 * The sync rules' tests (conflicts, guards, retention) speak for many PCs and authors at once: this
 * test double trusts the request's device and user headers. It lives here only – the service itself
 * has no way to run without access control (server/src/access.ts; tested in auth.test.ts and
 * hostile.test.ts).
 */
export function trustingAccess(): AccessControl {
  return {
    async caller(req, reply, opts) {
      const h = (name: string) => {
        const v = req.headers[name] ?? (opts.fromQuery ? (req.query as Record<string, unknown>)[name === HEADERS.device ? 'device' : 'user'] : undefined);
        return typeof v === 'string' && v.length > 0 && v.length <= 100 ? v : null;
      };
      const deviceId = h(HEADERS.device);
      if (deviceId === null) {
        opts.fail(reply, 400, 'missing-device', `Der Platz hat sich nicht ausgewiesen (Kopfzeile ${HEADERS.device} fehlt).`);
        return null;
      }
      return { deviceId, userId: h(HEADERS.user) };
    },
  };
}

/** buildApp for the sync rules' tests (trusting access). */
export const buildTestApp = (opts: Omit<AppOptions, 'access'>) => buildApp({ ...opts, access: trustingAccess() });

export interface Harness {
  db: Db;
  app: FastifyInstance;
  /** Empties the data; `restart` also gives a fresh app (after a test let it listen on a port). */
  reset(restart?: boolean, opts?: { keepData?: boolean }): Promise<void>;
  close(): Promise<void>;
}

/**
 * The sites the test records name ('site-be', 'site-di'): the server refuses records of sites the
 * Jobcenter does not have. Stored at version 0, below every cursor, so no pull or count sees them.
 */
async function fixtureSites(db: Db): Promise<void> {
  const { sites } = generateDirectory(new Date('2026-01-01T00:00:00Z'));
  for (const [id, name] of [['site-be', 'Test Bad Ems'], ['site-di', 'Test Diez']] as const) {
    await db.query(
      `INSERT INTO records (tenant_id, tbl, id, data, hlc, version, updated_by_device) VALUES ('default', 'sites', $1, $2, $3, 0, 'fixture')
       ON CONFLICT DO NOTHING`,
      [id, JSON.stringify({ ...sites[0], id, name }), '2000-01-01T00:00:00.000Z-0000-fixture'],
    );
  }
}

export async function startServer(): Promise<Harness> {
  const db = await freshDb();
  const { to } = await migrate(db);
  await ensureTenant(db);
  await fixtureSites(db);
  const harness: Harness = {
    db,
    app: await buildTestApp({ db, schemaVersion: to }),
    async reset(restart = false, opts = {}) {
      if (!opts.keepData) {
        await db.exec('TRUNCATE records, sync_receipts, desk_codes; UPDATE tenant_head SET v = 0;');
        await fixtureSites(db);
      }
      if (restart) {
        await harness.app.close();
        harness.app = await buildTestApp({ db, schemaVersion: to });
      }
    },
    async close() {
      await harness.app.close();
      await db.close();
    },
  };
  return harness;
}

export const headers = (device = 'pc-counter-1', user = 'u-anna') => ({
  [HEADERS.protocol]: String(PROTOCOL_VERSION),
  [HEADERS.device]: device,
  [HEADERS.user]: user,
});

let counter = 0;
/** HLC `ISO-counter-node` at a given instant (tests pick the clock explicitly). */
export const hlc = (iso: string, node = 'pc1') => `${iso}-${(counter++ % 0xffff).toString(16).toUpperCase().padStart(4, '0')}-${node}`;

const T0 = '2026-12-03T08:00:00.000Z';
const base = (id: string, by = 's-anna') => ({ id, createdAt: T0, createdBy: by, updatedAt: T0, updatedBy: by, deletedAt: null });

export const staff = (id: string, name: string) => ({
  ...base(id),
  name,
  homeSiteId: 'site-be',
  roles: ['LB'],
  weekdays: [1, 2, 3, 4, 5],
  active: true,
});

export const handoff = (id: string, over: Record<string, unknown> = {}) => ({
  ...base(id),
  siteId: 'site-be',
  visitId: 'visit-1',
  target: 'LB',
  concernKind: 'benefits',
  acute: false,
  label: 'Frau Muster',
  waitingSince: T0,
  status: 'waiting',
  takenBy: null,
  takenAt: null,
  finishedAt: null,
  ...over,
});

export const ticket = (id: string, over: Record<string, unknown> = {}) => ({
  ...base(id),
  ref: 'BE-7K3F',
  siteId: 'site-be',
  distributionSiteId: 'site-be',
  visitId: null,
  department: 'LB',
  concern: 'Rückfrage zum Bescheid',
  customerName: 'Erika Muster',
  customerNumber: null,
  phone: '02603 1234',
  preferredTimes: 'vormittags',
  dueAt: '2026-12-05T08:00:00.000Z',
  deadlinePolicy: 'working-days',
  status: 'open',
  assignee: null,
  attempts: [],
  contact: null,
  closedAt: null,
  closeNote: '',
  anonymisedAt: null,
  ...over,
});

export function change(table: string, record: Record<string, unknown>, over: Partial<Change> = {}): Change {
  return { changeId: randomUUID(), table, id: String(record.id), op: 'put', hlc: hlc('2026-12-03T08:00:01.000Z'), record, ...over };
}

export async function push(h: Harness, changes: Change[] | Change[][], device = 'pc-counter-1') {
  const groups = (Array.isArray(changes[0]) ? (changes as Change[][]) : [changes as Change[]]).map((cs) => ({ txId: randomUUID(), changes: cs }));
  return h.app.inject({ method: 'POST', url: '/v1/push', headers: headers(device), payload: { groups } });
}

export async function pull(h: Harness, cursor: number, limit?: number) {
  const res = await h.app.inject({ method: 'GET', url: `/v1/pull?cursor=${cursor}${limit ? `&limit=${limit}` : ''}`, headers: headers() });
  return res.json() as PullResponse;
}

export async function count(db: Db, table = 'records'): Promise<number> {
  // Records at version 0 are the fixture's sites, not anything a test wrote.
  const { rows } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}${table === 'records' ? ' WHERE version > 0' : ''}`);
  return Number(rows[0]?.n);
}
