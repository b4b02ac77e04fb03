import type Dexie from 'dexie';
import type { Transaction } from 'dexie';
import { formatHlc } from '@shared/sync/hlc';
import { withRetentionStart } from './retention-index';

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
  {
    // Review findings 3 and 4: the start-up retention job and "demo data off" walk indexes that
    // hold only the rows they act on, instead of every closed ticket or every visit.
    version: 3,
    stores: {
      // 'retentionStart' (SPEC §9) is sparse: set when a ticket closes / a hand-off finishes, removed
      // when its personal data is anonymised. The job scans `retentionStart < cutoff` – exactly the
      // due rows; a changed retention period needs nothing stored about earlier runs.
      // 'demoKey' is sparse too: 1 on demo rows only (IndexedDB cannot index `demo: true`).
      visits: 'id, [siteId+arrivedAt], arrivedAt, demoKey',
      handoffs: 'id, [siteId+status], visitId, retentionStart, demoKey',
      tickets: 'id, ref, status, dueAt, [distributionSiteId+status], siteId, retentionStart, demoKey',
      shifts: 'id, [siteId+date], date, staffId, demoKey',
      absences: 'id, staffId, to, demoKey',
    },
    // One pass over the existing rows fills what the new indexes need: closed tickets and finished
    // hand-offs still holding personal data get their retention start, demo rows their demoKey.
    upgrade: async (tx) => {
      const markDemo = (r: Record<string, unknown>) => {
        if (r['demo'] === true) r['demoKey'] = 1;
      };
      await tx
        .table('tickets')
        .toCollection()
        .modify((t: Record<string, unknown>) => {
          markDemo(t);
          if (t['status'] === 'closed' && t['anonymisedAt'] == null && typeof t['closedAt'] === 'string') t['retentionStart'] = t['closedAt'];
        });
      await tx
        .table('handoffs')
        .toCollection()
        .modify((h: Record<string, unknown>) => {
          markDemo(h);
          // No hand-off was anonymised before version 3: every finished one still has its label.
          if (h['status'] === 'done' && typeof h['finishedAt'] === 'string') h['retentionStart'] = h['finishedAt'];
        });
      for (const table of ['visits', 'shifts', 'absences']) {
        await tx
          .table(table)
          .filter((r: Record<string, unknown>) => r['demo'] === true)
          .modify(markDemo);
      }
    },
  },
  {
    // Issue 10 item 13: every record with personal data has a retention rule
    // (shared/domain/retention.ts). Absences (reason, note: health data of staff) and inbox
    // messages get the sparse 'retentionStart' index tickets and hand-offs have; tickets never
    // closed join their index (from their last activity). retention-index.ts keeps the field on
    // every write from now on.
    version: 4,
    stores: {
      absences: 'id, staffId, to, demoKey, retentionStart',
      inbox: 'id, [recipientRole+createdAt], key, retentionStart',
    },
    upgrade: async (tx) => {
      const fill = (table: string) => (row: Record<string, unknown>) => {
        const start = (withRetentionStart(table, row) as { retentionStart?: unknown }).retentionStart;
        if (start === undefined) delete row['retentionStart'];
        else row['retentionStart'] = start;
      };
      await tx
        .table('tickets')
        .where('status')
        .anyOf(['open', 'assigned', 'contacted'])
        .modify(fill('tickets'));
      await tx.table('absences').toCollection().modify(fill('absences'));
      await tx.table('inbox').toCollection().modify(fill('inbox'));
    },
  },
  {
    // Issue 10 item 3: a decision settles the requests that asked for it, in its own transaction.
    // '*openAsks' (multi-entry, sparse: only messages still asking) finds them by session.
    // Messages stored before have no asks; they keep their text and are never touched.
    version: 5,
    stores: {
      inbox: 'id, [recipientRole+createdAt], key, retentionStart, *openAsks',
    },
  },
  {
    // Issue 6 (sync): outbox rows carry a hybrid-logical-clock stamp and their transaction group.
    // 'hlc' is the order they are pushed in; [table+recordId] tells the pull which records still
    // have unsent local changes (their server copy must not overwrite them). 'syncState' keeps
    // this PC's device id, cursor and epoch – local, never synced.
    version: 6,
    stores: {
      outbox: 'id, at, hlc, [table+recordId]',
      syncState: 'key',
    },
    // Rows written before version 6 get a stamp from their write time, in write order, and a
    // group of their own (the transaction they came from is not known any more).
    upgrade: async (tx) => {
      const rows = (await tx.table('outbox').orderBy('at').toArray()) as Record<string, unknown>[];
      let n = 0;
      for (const row of rows) {
        row['hlc'] = legacyHlc(String(row['at']), n++);
        row['txId'] = String(row['id']);
      }
      await tx.table('outbox').bulkPut(rows);
    },
  },
  {
    // Issue 6 item 5: the Stiller Alarm, synced like every shared record.
    version: 7,
    stores: { alarms: 'id, siteId, raisedAt' },
  },
  {
    // Issue 8: daily aggregates of the Auswertungen, one row per site-day ('siteId|date'), derived
    // from visits, hand-offs and tickets, dropped when one of them changes (report-days.ts). Never
    // synced: every PC derives its own from its replica.
    version: 8,
    stores: { reportDays: 'key' },
  },
  {
    // Issue 9: Neukunden. A site's worklist is [siteId+appliedAt]; a counter visit finds its record
    // by 'visitId'; the group sessions of a site by [siteId+date]. Both synced.
    version: 9,
    stores: { newCustomers: 'id, [siteId+appliedAt], visitId', groupSessions: 'id, [siteId+date]' },
  },
  {
    // Issue 7: sign-in. `verifiers`: one offline-sign-in verifier per person who signed in online at
    // this PC (a slow hash of the password, never the password). `auditOutbox`: views of personal
    // data, prints, locks and offline sign-ins waiting to be reported to the access log. Neither is
    // synced as a record; both stay on this PC.
    version: 10,
    stores: { verifiers: 'username', auditOutbox: 'id, at' },
  },
];

/** A stamp for an outbox row written before stamps existed: its write time, counted on. */
function legacyHlc(at: string, n: number): string {
  const millis = Date.parse(at);
  return formatHlc({ millis: Number.isFinite(millis) ? millis : 0, counter: n % 0x10000, node: 'legacy' });
}

export const LATEST_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

export function applySchemaVersions(db: Dexie): void {
  for (const v of SCHEMA_VERSIONS) {
    const version = db.version(v.version).stores(v.stores);
    if (v.upgrade) version.upgrade(v.upgrade);
  }
}
