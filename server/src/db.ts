import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/**
 * One port for both databases (SYNC.md §5): PGlite (embedded, a data folder or in memory) and a
 * real PostgreSQL via DATABASE_URL. Both take `$n` parameters and return `{ rows }`, so every query
 * in the server runs unchanged on either.
 */
export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}
export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs fn in one transaction: committed when it resolves, rolled back when it throws. */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function pgliteDb(dataDir?: string): Db {
  const lite = new PGlite(dataDir);
  // PGlite has one connection: queue all work so a query never slips into another's transaction.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };
  return {
    kind: 'pglite',
    query: (sql, params) => serial(() => lite.query(sql, params) as never),
    exec: (sql) => serial(async () => void (await lite.exec(sql))),
    tx: (fn) =>
      serial(() =>
        lite.transaction((t) =>
          fn({ query: (sql, params) => t.query(sql, params) as never, exec: async (sql) => void (await t.exec(sql)) }),
        ),
      ),
    close: () => serial(() => lite.close()),
  };
}

export function postgresDb(url: string): Db {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the database drops (restart, admin) must not crash the service: the pool
  // replaces it on next use.
  pool.on('error', () => undefined);
  return {
    kind: 'postgres',
    query: (sql, params) => pool.query(sql, params) as never,
    exec: async (sql) => void (await pool.query(sql)),
    async tx(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          query: (sql, params) => client.query(sql, params) as never,
          exec: async (sql) => void (await client.query(sql)),
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

export const MIGRATIONS_DIR = join(import.meta.dirname, '..', 'migrations');

export class SchemaTooNewError extends Error {
  override readonly name = 'SchemaTooNewError';
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `Die Datenbank hat Schema-Version ${found}, dieser Sync-Dienst kennt nur bis ${known}. ` +
        'Bitte den Dienst aktualisieren; die Datenbank bleibt unverändert. (schema-too-new)',
    );
  }
}

interface Migration {
  version: number;
  name: string;
  sql: string;
}

export async function loadMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{3}_[a-z0-9_-]+\.sql$/.test(f)).sort();
  const migrations = await Promise.all(
    files.map(async (name) => ({ version: Number(name.slice(0, 3)), name, sql: await readFile(join(dir, name), 'utf8') })),
  );
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migrationen müssen lückenlos ab 001 nummeriert sein: ${m.name}`);
  });
  return migrations;
}

/**
 * Applies the missing migrations in one transaction at start. A database whose schema is newer than
 * this server knows is refused before anything is written: an older server must never write rows a
 * newer schema has other rules for.
 */
export async function migrate(db: Db, migrations?: Migration[]): Promise<{ from: number; to: number }> {
  const all = migrations ?? (await loadMigrations());
  const known = all.length;
  return db.tx(async (q) => {
    await q.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    // Two servers starting on one PostgreSQL at once must not both apply 001.
    await q.query('LOCK TABLE schema_migrations IN EXCLUSIVE MODE');
    const { rows } = await q.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
    const from = Number(rows[0]?.v ?? 0);
    if (from > known) throw new SchemaTooNewError(from, known);
    for (const m of all.slice(from)) {
      await q.exec(m.sql);
      await q.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
    }
    return { from, to: known };
  });
}

/** DATABASE_URL → PostgreSQL; otherwise PGlite in `dataDir` (in memory when undefined). */
export function openDb(opts: { databaseUrl?: string; dataDir?: string }): Db {
  return opts.databaseUrl ? postgresDb(opts.databaseUrl) : pgliteDb(opts.dataDir);
}
