// fake-indexeddb first: Dexie takes the global indexedDB when its module is evaluated.
import 'fake-indexeddb/auto';
import { AnlaufstelleDB } from '../../renderer/src/db/db';
import { deskClerk, generateYear, loadYear } from '../../renderer/src/bench/seed-year';
import { stats, timeLoadAllTickets, timePlainFilterSort, timeRawPut, timeRecordTriage, timeTicketScenarios, type Stats } from '../../renderer/src/bench/measure';

/**
 * The Node half of `npm run bench`: a year of data in fake-indexeddb (a pure-JS IndexedDB, much
 * slower than Chromium's), recordTriage latency on it, and the ticket list's filter + sort.
 * Bundled by run.ts with vite (for the @shared alias) and imported from there.
 */

export interface NodeFigures {
  data: { visits: number; handoffs: number; tickets: number; generateMs: number; loadMs: number };
  recordTriage: Stats;
  /** Its floor: a plain Dexie put of a visit. */
  rawPut: Stats;
  loadAllTicketsMs: number;
  /** The list's floor: Array.filter + sort by due time over the same tickets. */
  plainFilterSort: Stats;
  ticketScenarios: { name: string; rows: number; stats: Stats }[];
}

export async function runNodeBench(log: (line: string) => void): Promise<NodeFigures> {
  const now = new Date();
  let t0 = performance.now();
  const data = generateYear(now);
  const generateMs = performance.now() - t0;
  log(`node: generated ${data.visits.length} visits, ${data.handoffs.length} hand-offs, ${data.tickets.length} tickets (${seconds(generateMs)})`);

  const db = new AnlaufstelleDB(`bench-${crypto.randomUUID()}`);
  t0 = performance.now();
  await loadYear(db, data);
  const loadMs = performance.now() - t0;
  log(`node: loaded into fake-indexeddb (${seconds(loadMs)})`);

  const counts = { visits: data.visits.length, handoffs: data.handoffs.length, tickets: data.tickets.length };
  const clerk = deskClerk(data, data.sites[0]!.id);
  // The generated arrays are in the database now; dropping them keeps GC pauses out of the timings.
  data.visits.length = 0;
  data.handoffs.length = 0;
  data.tickets.length = 0;
  const triage = stats(await timeRecordTriage(db, clerk, 200));
  log(`node: recordTriage × ${triage.n}, p95 ${triage.p95} ms`);
  const rawPut = stats(await timeRawPut(db, 200));

  const loaded = await timeLoadAllTickets(db);
  // fake-indexeddb keeps every record on the JS heap (Chromium's IndexedDB lives outside it); freed
  // first, so the list's timing is not the collector's work on 300,000 database records.
  await db.delete();
  const scenarios = timeTicketScenarios(loaded.tickets).map((s) => ({ name: s.name, rows: s.rows, stats: stats(s.samples) }));
  const plainFilterSort = stats(timePlainFilterSort(loaded.tickets));
  log(`node: ticket list filtered and sorted (${loaded.tickets.length} tickets, ${scenarios.length} views)`);

  return {
    data: { ...counts, generateMs, loadMs },
    recordTriage: triage,
    rawPut,
    loadAllTicketsMs: loaded.ms,
    plainFilterSort,
    ticketScenarios: scenarios,
  };
}

function seconds(v: number): string {
  return `${(v / 1000).toFixed(1)} s`;
}
