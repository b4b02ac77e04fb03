import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { generateDirectory } from '../../shared/demo/generate';
import { mappingFromRecords } from '../../shared/model/ldap-mapping';
import { accessControl } from './access';
import { buildApp } from './app';
import { pruneAudit } from './audit';
import { bootstrapAdmin, seedDemoAccounts } from './auth/demo-accounts';
import { embeddedDirectory } from './auth/embedded';
import { ldapDirectory } from './auth/ldap';
import { loadLdapConfig } from './auth/ldap-config';
import { currentMapping, resetMappingAtStart } from './auth/ldap-mapping';
import { authService, DEFAULT_POLICY } from './auth/service';
import { signingKey, tokens } from './auth/tokens';
import { migrate, openDb } from './db';
import { seedDirectoryIfEmpty } from './directory';
import { readJobcenterSettings } from './settings';
import { sweepRetention } from './retention';
import { DEFAULT_TENANT, ensureTenant, renewEpoch, syncCore } from './sync';

/**
 * `npm run server`: the sync service. PGlite in a data folder by default (nothing to install),
 * PostgreSQL when DATABASE_URL is set. It listens on 127.0.0.1 only, unless
 * HOST says otherwise.
 */
const { values } = parseArgs({ options: { data: { type: 'string' }, 'new-epoch': { type: 'boolean' }, 'demo-accounts': { type: 'boolean' }, 'reset-ldap-mapping': { type: 'boolean' } } });
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
// OPERATIONS.md: IT's way back to ldap.json's AD group mapping (e.g. nobody is ADMIN any more).
const mappingReset = values['reset-ldap-mapping'] ? await resetMappingAtStart(db, DEFAULT_TENANT) : false;
// Issue 7 item 1: sign-in against the Active Directory (LDAP_CONFIG names its configuration file,
// OPERATIONS.md "Active Directory anbinden"), or else the embedded directory an admin fills.
let warn: (message: string) => void = (m) => console.warn(m);
// The file's group mapping is the start value; ADMIN may replace it in the Verwaltung (issue 7 item 8).
const ldapConfig = process.env.LDAP_CONFIG ? loadLdapConfig(process.env.LDAP_CONFIG) : null;
const ldapFileMapping = ldapConfig ? mappingFromRecords(ldapConfig) : undefined;
const directory =
  ldapConfig && ldapFileMapping
    ? ldapDirectory(ldapConfig, { warn: (m) => warn(m), mapping: currentMapping(db, DEFAULT_TENANT, ldapFileMapping) })
    : embeddedDirectory(db, DEFAULT_TENANT);
const demoAccounts = values['demo-accounts'] ? await seedDemoAccounts(db, DEFAULT_TENANT, generateDirectory(new Date()).staff) : 0;
const firstAdminPassword = directory.kind === 'embedded' && !values['demo-accounts'] ? await bootstrapAdmin(db, DEFAULT_TENANT) : null;
const jobcenter = await readJobcenterSettings(db, DEFAULT_TENANT);
const auth = authService(db, DEFAULT_TENANT, directory, tokens(await signingKey(db)), { ...DEFAULT_POLICY, offlineDays: jobcenter.offlineSignInDays });
// Issue 6 item 7 / issue 7 item 8: anonymisation decided once, for the whole Jobcenter, with the
// period ADMIN set (RETENTION_DAYS overrides it, e.g. for a test); the access log has its own.
const retentionOverride = process.env.RETENTION_DAYS === undefined ? null : Number(process.env.RETENTION_DAYS);
if (retentionOverride !== null && (!Number.isInteger(retentionOverride) || retentionOverride < 1)) {
  throw new Error(`RETENTION_DAYS muss eine ganze Zahl ≥ 1 sein, nicht ${process.env.RETENTION_DAYS}.`);
}
const app = await buildApp({ db, schemaVersion: to, core, access: accessControl(db, DEFAULT_TENANT, auth, { retentionDays: async () => retentionOverride ?? (await readJobcenterSettings(db, DEFAULT_TENANT)).retentionDays, ldapFileMapping }), logger: { level: process.env.LOG_LEVEL ?? 'info' } });
warn = (m) => app.log.warn(m);
if (directory.kind === 'ldap') app.log.info(`Anmeldung über LDAP (${process.env.LDAP_CONFIG}).`);
if (demoAccounts > 0) app.log.warn(`Demo-Konten angelegt (${demoAccounts}), Kennwort „anlaufstelle“ – nur für Demo und Tests.`);
if (firstAdminPassword) app.log.warn(`Erstes Konto angelegt: Benutzer „admin“, Kennwort „${firstAdminPassword}“. Bitte nach der Einrichtung ändern; es wird nicht erneut angezeigt.`);
if (values['reset-ldap-mapping']) app.log.warn(mappingReset ? 'AD-Gruppen: die Zuordnung der Verwaltung ist entfernt, ldap.json gilt wieder.' : 'AD-Gruppen: keine Zuordnung der Verwaltung gespeichert, ldap.json gilt.');
if (seeded > 0) app.log.info(`Verzeichnis angelegt: ${seeded} Standorte und Personen.`);
if (renewed) app.log.warn(`Neue Epoche ${renewed}: alle PCs senden ihre Daten erneut und laden neu (nach Wiederherstellung).`);
if (db.kind === 'pglite') {
  app.log.warn(`Eingebettete Datenbank (PGlite) in ${dataDir}: für Demo und einen Rechner, nicht für Produktivbetrieb.`);
}
const sweep = () =>
  readJobcenterSettings(db, DEFAULT_TENANT).then(async (s) => {
    await pruneAudit(db, DEFAULT_TENANT, s.auditRetentionDays);
    return sweepRetention(db, core, { retentionDays: retentionOverride ?? s.retentionDays });
  }).then(
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
