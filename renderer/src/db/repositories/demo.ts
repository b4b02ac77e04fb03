import type { EntityTable, IDType } from 'dexie';
import { generateDemoData, generateDirectory, type DemoData } from '@shared/demo/generate';
import type { AnlaufstelleDB } from '../db';
import { checkContext, checkInstant, type WriteContext } from './base';
import { loadSettings, saveSettings, type AppSettings } from './settings';
import { seedStaffingDemo } from './staffing-demo';

/** Weeks of history the first start shows (issue #2: "a few weeks of history"). */
export const DEMO_DAYS = 28;

/*
 * The write path for demo records. Demo rows carry `demo: true` (and `demoKey: 1` for the sparse
 * index, schema v3); turning demo data off tombstones exactly those rows (SPEC §9: deletes are
 * soft), never a real record.
 *
 * Demo rows are LOCAL-ONLY: seeding and removing them writes no outbox rows on purpose, and a sync
 * must never send a record with `demo: true` – examples made on one desk PC are nobody else's data.
 * Sites and the staff list are not demo rows: they are configuration, shared and kept.
 */

/** The tables a demo change touches (all of them inside one transaction). */
function demoTables(db: AnlaufstelleDB) {
  return [db.sites, db.staff, db.visits, db.handoffs, db.tickets, db.shifts, db.absences, db.closures];
}

type Row = { id: string; demo?: boolean; deletedAt: string | null };

/**
 * Adds the rows whose id is not stored yet. An existing row is replaced only if `mayReplace` says
 * so – never a live or edited record (review finding 1: re-seeding reset sites and staff).
 */
async function addMissing<T extends Row>(table: EntityTable<T, 'id'>, rows: readonly T[], mayReplace: (stored: T) => boolean): Promise<void> {
  const stored = await table.bulkGet(rows.map((r) => r.id as IDType<T, 'id'>));
  const fresh = rows.filter((_, i) => {
    const s = stored[i];
    return s === undefined || mayReplace(s);
  });
  if (fresh.length > 0) await table.bulkPut(fresh);
}

const never = () => false;
/** A demo history row that "demo data off" tombstoned may come back; anything else stays as it is. */
const removedDemoRow = (stored: Row) => stored.demo === true && stored.deletedAt !== null;

/**
 * Seeds the demo: the directory where it is missing, weeks of history, the staffing demo.
 * Idempotent and additive: sites and staff that exist keep their configuration (sessions,
 * minStaff, roles, weekdays, deactivation), live history rows are never overwritten, and the
 * staffing demo skips weeks that have a roster and absences that would overlap existing ones.
 */
export async function seedDemoData(db: AnlaufstelleDB, now: Date, data?: DemoData): Promise<void> {
  checkInstant(now);
  const demo = data ?? generateDemoData({ now, days: DEMO_DAYS, visitsPerSession: 18 });
  await db.transaction('rw', demoTables(db), async () => {
    await addMissing(db.sites, demo.sites, never);
    await addMissing(db.staff, demo.staff, never);
    await addMissing(db.visits, demo.visits, removedDemoRow);
    await addMissing(db.handoffs, demo.handoffs, removedDemoRow);
    await addMissing(db.tickets, demo.tickets, removedDemoRow);
    // Issue #3: this week's and next week's roster plus a few absences, so the board has gaps.
    await seedStaffingDemo(db, now);
  });
}

/** Sites and the directory stay (the app needs them); demo history, roster and absences are tombstoned. */
export async function removeDemoHistory(db: AnlaufstelleDB, ctx: WriteContext): Promise<number> {
  checkContext(ctx);
  const at = ctx.now.toISOString();
  const tombstone = { deletedAt: at, updatedAt: at, updatedBy: ctx.actorId };
  const live = (r: { deletedAt: string | null }) => r.deletedAt === null;
  let removed = 0;
  // The sparse 'demoKey' index (schema v3) holds demo rows only: a year of real visits is not read.
  await db.transaction('rw', [db.visits, db.handoffs, db.tickets, db.shifts, db.absences], async () => {
    removed += await db.visits.where('demoKey').equals(1).filter(live).modify(tombstone);
    removed += await db.handoffs.where('demoKey').equals(1).filter(live).modify(tombstone);
    removed += await db.tickets.where('demoKey').equals(1).filter(live).modify(tombstone);
    removed += await db.shifts.where('demoKey').equals(1).filter(live).modify(tombstone);
    removed += await db.absences.where('demoKey').equals(1).filter(live).modify(tombstone);
  });
  return removed;
}

/**
 * Saves settings and, when the demo switch flips, adds or removes the demo rows – in ONE
 * transaction, so a failure leaves both the setting and the data as they were (review finding 1).
 */
export async function saveSettingsWithDemoData(
  db: AnlaufstelleDB,
  patch: Partial<AppSettings>,
  ctx: WriteContext,
): Promise<AppSettings> {
  checkContext(ctx);
  // Pure computation, done before the transaction opens.
  const data = patch.demoData === true ? generateDemoData({ now: ctx.now, days: DEMO_DAYS, visitsPerSession: 18 }) : undefined;
  return db.transaction('rw', [db.settings, ...demoTables(db)], async () => {
    const before = await loadSettings(db);
    const next = await saveSettings(db, patch);
    if (before.demoData && !next.demoData) await removeDemoHistory(db, ctx);
    if (!before.demoData && next.demoData) await seedDemoData(db, ctx.now, data);
    return next;
  });
}

/** First start with demo data off: the four sites and the local staff list only (never overwrites). */
export async function seedDirectory(db: AnlaufstelleDB, now: Date): Promise<void> {
  checkInstant(now);
  const { sites, staff } = generateDirectory(now);
  await db.transaction('rw', [db.sites, db.staff], async () => {
    await addMissing(db.sites, sites, never);
    await addMissing(db.staff, staff, never);
  });
}

export async function isEmpty(db: AnlaufstelleDB): Promise<boolean> {
  return (await db.sites.count()) === 0;
}
