import Dexie, { type EntityTable } from 'dexie';
import type { CallbackTicket, Handoff, OutboxEntry, Site, Staff, Visit } from '@shared/model';
import { applySchemaVersions } from './schema';

/** A key–value row: installation settings (site, desk clerk, demo data, deadline policy …). */
export interface SettingRow {
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

  constructor(name = 'anlaufstelle') {
    super(name);
    applySchemaVersions(this);
  }
}

let instance: AnlaufstelleDB | null = null;

/** The app's one database. Tests make their own with `new AnlaufstelleDB(name)`. */
export function getDb(): AnlaufstelleDB {
  instance ??= new AnlaufstelleDB();
  return instance;
}
