import type Dexie from 'dexie';

/**
 * Schema versions, append-only (STYLE 8): never edit a released version, add a new one.
 * Every upgrade has a test in test/unit/renderer/db/schema-upgrade.test.ts.
 *
 * Index notes: timestamps are ISO strings, so compound indexes like [siteId+arrivedAt] give
 * "this site, this day" as one range scan – the counter's hot path.
 */
export const SCHEMA_VERSIONS = [
  {
    version: 1,
    stores: {
      sites: 'id',
      staff: 'id, homeSiteId',
      visits: 'id, [siteId+arrivedAt], arrivedAt',
      handoffs: 'id, [siteId+status], visitId',
      tickets: 'id, ref, status, dueAt, [distributionSiteId+status], siteId',
      settings: 'key',
      outbox: 'id, at',
    },
  },
] as const;

export const LATEST_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

export function applySchemaVersions(db: Dexie): void {
  for (const v of SCHEMA_VERSIONS) {
    db.version(v.version).stores(v.stores);
  }
}
