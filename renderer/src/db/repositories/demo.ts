import { generateDemoData, generateDirectory } from '@shared/demo/generate';
import type { AnlaufstelleDB } from '../db';
import type { WriteContext } from './base';
import { seedStaffingDemo } from './staffing-demo';

/** Weeks of history the first start shows (issue #2: "a few weeks of history"). */
export const DEMO_DAYS = 28;

/**
 * The write path for demo records. Demo rows carry `demo: true`; turning demo data off
 * tombstones exactly those rows (SPEC §9: deletes are soft), never a real record.
 */
export async function seedDemoData(db: AnlaufstelleDB, now: Date): Promise<void> {
  const data = generateDemoData({ now, days: DEMO_DAYS, visitsPerSession: 18 });
  await db.transaction('rw', [db.sites, db.staff, db.visits, db.handoffs, db.tickets], async () => {
    await db.sites.bulkPut(data.sites);
    await db.staff.bulkPut(data.staff);
    await db.visits.bulkPut(data.visits);
    await db.handoffs.bulkPut(data.handoffs);
    await db.tickets.bulkPut(data.tickets);
  });
  // Issue #3: this week's and next week's roster plus a few absences, so the board has gaps.
  await seedStaffingDemo(db, now);
}

/** Sites and the directory stay (the app needs them); demo history, roster and absences are tombstoned. */
export async function removeDemoHistory(db: AnlaufstelleDB, ctx: WriteContext): Promise<number> {
  const at = ctx.now.toISOString();
  let removed = 0;
  await db.transaction('rw', [db.visits, db.handoffs, db.tickets, db.shifts, db.absences], async () => {
    const tombstone = { deletedAt: at, updatedAt: at, updatedBy: ctx.actorId };
    const isLiveDemo = (r: { demo?: boolean; deletedAt: string | null }) => r.demo === true && r.deletedAt === null;
    removed += await db.visits.filter(isLiveDemo).modify(tombstone);
    removed += await db.handoffs.filter(isLiveDemo).modify(tombstone);
    removed += await db.tickets.filter(isLiveDemo).modify(tombstone);
    removed += await db.shifts.filter(isLiveDemo).modify(tombstone);
    removed += await db.absences.filter(isLiveDemo).modify(tombstone);
  });
  return removed;
}

/** First start with demo data off: the four sites and the local staff list only. */
export async function seedDirectory(db: AnlaufstelleDB, now: Date): Promise<void> {
  const { sites, staff } = generateDirectory(now);
  await db.transaction('rw', [db.sites, db.staff], async () => {
    await db.sites.bulkPut(sites);
    await db.staff.bulkPut(staff);
  });
}

export async function isEmpty(db: AnlaufstelleDB): Promise<boolean> {
  return (await db.sites.count()) === 0;
}
