import Dexie, { type EntityTable } from 'dexie';
import type { CallbackTicket, Handoff, OutboxEntry, Site, Staff, Visit } from '@shared/model';
import type { Absence, Closure, CoverDecision, DeskShift, GroupSession, InboxMessage, NewCustomer, SilentAlarm } from '@shared/model';
import { refuseNewerDatabase, refusingNewerVersions } from './newer-version-guard';
import { retentionIndexMiddleware } from './retention-index';
import { changedFieldsMiddleware } from '../sync/fields';
import { applySchemaVersions, LATEST_SCHEMA_VERSION } from './schema';
import { reportDaysMiddleware, type ReportDayRow } from './report-days';
import type { AuditOutboxRow, VerifierRow } from '../auth/local-tables';

/** A key–value row: installation settings (site, desk clerk, demo data, deadline policy …). */
export interface SettingRow {
  key: string;
  value: unknown;
}

/** A key–value row of the sync engine's own state (renderer/src/sync/engine.ts). */
export interface SyncStateRow {
  key: string;
  value: unknown;
}

/**
 * The local database (SPEC §9). UI code reads through live queries and writes only through the
 * repositories in ./repositories – never through these tables directly.
 */
export class AnlaufstelleDB extends Dexie {
  sites!: EntityTable<Site, 'id'>;
  staff!: EntityTable<Staff, 'id'>;
  visits!: EntityTable<Visit, 'id'>;
  handoffs!: EntityTable<Handoff, 'id'>;
  tickets!: EntityTable<CallbackTicket, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;
  outbox!: EntityTable<OutboxEntry, 'id'>;
  // Desk staffing and Vertretung (issue #3), schema version 2.
  shifts!: EntityTable<DeskShift, 'id'>;
  absences!: EntityTable<Absence, 'id'>;
  closures!: EntityTable<Closure, 'id'>;
  coverDecisions!: EntityTable<CoverDecision, 'id'>;
  inbox!: EntityTable<InboxMessage, 'id'>;
  // Issue 6: this PC's sync bookkeeping (device id, cursor, epoch), schema version 6. Never synced.
  syncState!: EntityTable<SyncStateRow, 'key'>;
  // Issue 6 item 5: silent alarms, schema version 7. Synced.
  alarms!: EntityTable<SilentAlarm, 'id'>;
  // Issue 8: the Auswertungen's daily aggregates, schema version 8. Derived, never synced.
  reportDays!: EntityTable<ReportDayRow, 'key'>;
  // Issue 9: Neukunden and the group sessions for new customers, schema version 9. Synced.
  newCustomers!: EntityTable<NewCustomer, 'id'>;
  groupSessions!: EntityTable<GroupSession, 'id'>;
  /** Schema version 10 (issue 7). */
  verifiers!: EntityTable<VerifierRow, 'username'>;
  auditOutbox!: EntityTable<AuditOutboxRow, 'id'>;

  constructor(name = 'anlaufstelle') {
    const idb = Dexie.dependencies.indexedDB;
    super(name, idb ? { indexedDB: refusingNewerVersions(idb) } : {});
    applySchemaVersions(this);
    this.use(retentionIndexMiddleware);
    this.use(changedFieldsMiddleware);
    this.use(reportDaysMiddleware(this));
    this.on('ready', refuseNewerDatabase(LATEST_SCHEMA_VERSION), true);
  }
}

let instance: AnlaufstelleDB | null = null;

/** The app's one database. Tests make their own with `new AnlaufstelleDB(name)`. */
export function getDb(): AnlaufstelleDB {
  instance ??= new AnlaufstelleDB();
  return instance;
}
