import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildApp } from './app';
import { migrate, openDb } from './db';
import { seedDirectoryIfEmpty } from './directory';
import { sweepRetention } from './retention';
import { ensureTenant, renewEpoch, syncCore } from './sync';

/**
 * `npm run server`: the sync service. PGlite in a data folder by default (nothing to install),
 * PostgreSQL when DATABASE_URL is set. Until sign-in exists it listens on 127.0.0.1 only, unless
 * HOST says otherwise.
 */
const { values } = parseArgs({ options: { data: { type: 'string' }, 'new-epoch': { type: 'boolean' } } });
const databaseUrl = process.env.DATABASE_URL;
const dataDir = values.data ?? process.env.SYNC_DATA_DIR ?? './data/sync';
if (!databaseUrl) mkdirSync(dataDir, { recursive: true });
const db = openDb({ databaseUrl, dataDir });
const { to } = await migrate(db);
await ensureTenant(db);
// After a restore from backup (OPERATIONS.md): every PC re-sends what the backup lacks.
const renewed = values['new-epoch'] ? await renewEpoch(db) : null;
const core = syncCore(db);
const seeded = await seedDirectoryIfEmpty(db, core);
const app = await buildApp({ db, schemaVersion: to, core, logger: { level: process.env.LOG_LEVEL ?? 'info' } });
if (seeded > 0) app.log.info(`Verzeichnis angelegt: ${seeded} Standorte und Personen.`);
if (renewed) app.log.warn(`Neue Epoche ${renewed}: alle PCs senden ihre Daten erneut und laden neu (nach Wiederherstellung).`);
if (db.kind === 'pglite') {
  app.log.warn(`Eingebettete Datenbank (PGlite) in ${dataDir}: für Demo und einen Rechner, nicht für Produktivbetrieb.`);
}
// Issue 6 item 7: anonymisation decided once, for the whole Jobcenter (RETENTION_DAYS, default 90).
const retentionDays = Number(process.env.RETENTION_DAYS ?? 90);
if (!Number.isInteger(retentionDays) || retentionDays < 1) throw new Error(`RETENTION_DAYS muss eine ganze Zahl ≥ 1 sein, nicht ${process.env.RETENTION_DAYS}.`);
const sweep = () =>
  sweepRetention(db, core, { retentionDays }).then(
    (n) => (n > 0 ? app.log.info(`Aufbewahrungsfrist: ${n} Datensätze anonymisiert.`) : undefined),
    (error: unknown) => app.log.error({ err: { message: error instanceof Error ? error.message : String(error) } }, 'retention sweep failed'),
  );
const sweeper = setInterval(() => void sweep(), 3_600_000);
const close = async () => {
  clearInterval(sweeper);
  await app.close();
  await db.close();
  process.exit(0);
};
process.on('SIGINT', () => void close());
process.on('SIGTERM', () => void close());
void sweep();
await app.listen({ host: process.env.HOST ?? '127.0.0.1', port: Number(process.env.PORT ?? 8787) });
