import type Dexie from 'dexie';
import type { Transaction } from 'dexie';

/**
 * Schema versions, append-only (STYLE 8): never edit a released version, add a new one.
 * Every upgrade has a test in test/unit/renderer/db/schema-upgrade.test.ts.
 *
 * Index notes: timestamps are ISO strings, so compound indexes like [siteId+arrivedAt] give
 * "this site, this day" as one range scan – the counter's hot path.
 */
export interface SchemaVersion {
  version: number;
  /** Tables new or changed in this version (Dexie keeps the others as they were). */
  stores: Readonly<Record<string, string>>;
  /** Moves rows of the previous version into this version's shape. */
  upgrade?: (tx: Transaction) => Promise<void>;
}

/** Seed §4.1: free access Mon, Tue, Thu, Fri 08:00–12:00 – the sessions a site without any gets. */
const DEFAULT_SESSIONS = [1, 2, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '12:00' }));

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
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
  {
    // Desk staffing and Vertretung (issue #3, SPEC §6).
    version: 2,
    stores: {
      // Roster: a week is a 'date' range over all sites (board, draft); one session of one site is
      // [siteId+date] (assign, accept cover); a person's duties are 'staffId' (deactivation, draft).
      shifts: 'id, [siteId+date], date, staffId',
      // "Who is absent in this week": every absence that ends on or after the week's Monday ('to'),
      // then filtered by 'from'; a person's absences by 'staffId'.
      absences: 'id, staffId, to',
      closures: 'id, date',
      coverDecisions: 'id, [siteId+date], date',
      // An inbox is one role's messages, newest first: [recipientRole+createdAt]; 'key' makes a
      // notice idempotent (one per triggering write and recipient).
      inbox: 'id, [recipientRole+createdAt], key',
    },
    // Staffing reads weekday patterns, activity and sessions of every person and site. Databases
    // written before this version could hold rows without them (an early import, a hand-made
    // directory): give them the defaults instead of failing later in the roster or the board.
    upgrade: async (tx) => {
      await tx
        .table('staff')
        .toCollection()
        .modify((p: Record<string, unknown>) => {
          if (!Array.isArray(p['weekdays']) || p['weekdays'].length === 0) p['weekdays'] = [1, 2, 3, 4, 5];
          if (typeof p['active'] !== 'boolean') p['active'] = true;
          if (!Array.isArray(p['roles'])) p['roles'] = [];
        });
      await tx
        .table('sites')
        .toCollection()
        .modify((s: Record<string, unknown>) => {
          if (!Array.isArray(s['sessions'])) s['sessions'] = DEFAULT_SESSIONS.map((x) => ({ ...x }));
          if (typeof s['minStaff'] !== 'number' || s['minStaff'] < 1) s['minStaff'] = 1;
        });
    },
  },
];

export const LATEST_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

export function applySchemaVersions(db: Dexie): void {
  for (const v of SCHEMA_VERSIONS) {
    const version = db.version(v.version).stores(v.stores);
    if (v.upgrade) version.upgrade(v.upgrade);
  }
}
