import { generateDemoData, type DemoData } from '@shared/demo/generate';
import type { AnlaufstelleDB } from '../db/db';

/**
 * The benchmark's year of data (SPEC §10: four sites, ~200,000 visits, ~30,000 tickets), shared by
 * the Node run (fake-indexeddb) and the Chromium run (bench page). Not part of the app bundle.
 */

/** 365 days × 250 visits per site and session ≈ 198,000 visits, 89,000 hand-offs, 29,600 tickets. */
export const YEAR = { days: 365, visitsPerSession: 250 } as const;

export function generateYear(now: Date): DemoData {
  return generateDemoData({ now, ...YEAR });
}

/**
 * Bulk load for the benchmark only: a year of history is fixture data, not 200,000 desk writes, so
 * it goes straight into the tables in chunks (the repositories stay the app's only write path).
 */
export async function loadYear(db: AnlaufstelleDB, data: DemoData, chunk = 10_000): Promise<void> {
  await db.transaction('rw', [db.sites, db.staff], async () => {
    await db.sites.bulkPut(data.sites);
    await db.staff.bulkPut(data.staff);
  });
  // One transaction per chunk keeps memory flat in both IndexedDB implementations.
  await inChunks(data.visits, chunk, (rows) => db.visits.bulkPut(rows));
  await inChunks(data.handoffs, chunk, (rows) => db.handoffs.bulkPut(rows));
  await inChunks(data.tickets, chunk, (rows) => db.tickets.bulkPut(rows));
}

async function inChunks<T>(rows: readonly T[], size: number, put: (rows: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await put(rows.slice(i, i + size));
}

/** Staff id of an Eingangszone clerk at the site: the desk the benchmark sits at. */
export function deskClerk(data: DemoData, siteId: string): string {
  const clerk = data.staff.find((s) => s.homeSiteId === siteId && s.roles.includes('EZ'));
  if (!clerk) throw new Error(`No EZ clerk at site ${siteId}`);
  return clerk.id;
}
