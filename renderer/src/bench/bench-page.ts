import { addDays, berlinDate } from '@shared/domain/calendar';
import { getDb } from '../db/db';
import { loadReport } from '../db/repositories/reports';
import { saveSettings } from '../db/repositories/settings';
import { anonymiseFinishedHandoffs } from '../db/repositories/handoffs';
import { anonymiseDueTickets } from '../db/repositories/tickets';
import { BENCH_SITE, timeLoadAllTickets, timeRecordTriage, timeTicketScenarios } from './measure';
import { deskClerk, generateYear, loadYear } from './seed-year';

/**
 * The bench page (`/src/bench/index.html`, only in the benchmark build made by scripts/bench):
 * Playwright calls `window.__bench` to put a year of data into the app's own database (same
 * origin, same name) and to time repository calls in Chromium's real IndexedDB.
 */
const bench = {
  /** A fresh database with a year of data; the app then opens configured at the Bad Ems desk. */
  async seedYear() {
    const db = getDb();
    await db.delete({ disableAutoOpen: false });
    await db.open();
    const now = new Date();
    let t0 = performance.now();
    const data = generateYear(now);
    const generateMs = performance.now() - t0;
    t0 = performance.now();
    await loadYear(db, data);
    const loadMs = performance.now() - t0;
    // SPEC §9: run the retention job once, as it would have run every day of that year.
    t0 = performance.now();
    const anonymised = await anonymiseDueTickets(db, 90, { actorId: 'bench', now });
    await anonymiseFinishedHandoffs(db, 90, { actorId: 'bench', now });
    const anonymiseMs = performance.now() - t0;
    await saveSettings(db, { siteId: BENCH_SITE, deskStaffId: deskClerk(data, BENCH_SITE), demoData: false });
    return {
      visits: data.visits.length,
      handoffs: data.handoffs.length,
      tickets: data.tickets.length,
      anonymised,
      generateMs,
      loadMs,
      anonymiseMs,
    };
  },

  /** The retention job as it runs at every start (bootstrap.ts), with nothing left to anonymise. */
  async timeHousekeeping() {
    const t0 = performance.now();
    const ctx = { actorId: 'bench', now: new Date() };
    const longest = await longestTaskDuring(async () => {
      await anonymiseDueTickets(getDb(), 90, ctx);
      await anonymiseFinishedHandoffs(getDb(), 90, ctx);
    });
    return { ms: performance.now() - t0, longestTaskMs: longest.ms };
  },

  async timeRecordTriage(count: number) {
    const db = getDb();
    const clerk = (await db.settings.get('deskStaffId'))?.value;
    return timeRecordTriage(db, typeof clerk === 'string' ? clerk : 'bench', count);
  },

  async timeTickets() {
    const longest = await longestTaskDuring(() => timeLoadAllTickets(getDb()));
    const { ms, tickets } = longest.result;
    return { loadAllMs: ms, loadAllLongestTaskMs: longest.ms, count: tickets.length, scenarios: timeTicketScenarios(tickets) };
  },

  /**
   * Issue 8: the whole Auswertungen report for the year just seeded, all four sites – beside a plain
   * loop that reads the same visits through the same index and only counts them.
   */
  async timeReport(runs: number) {
    const db = getDb();
    const now = new Date();
    const siteIds = (await db.sites.toArray()).map((s) => s.id);
    const period = { kind: 'range' as const, from: addDays(berlinDate(now), -364), to: berlinDate(now) };
    const report: number[] = [];
    const plain: number[] = [];
    // The first report after a year of data arrived makes every site-day's aggregate (report-days.ts);
    // the screen's reports after it read them.
    await db.reportDays.clear();
    let t0 = performance.now();
    let visits = (await loadReport(db, { period, siteIds, compare: false, now })).report.headline.visits;
    const coldMs = performance.now() - t0;
    for (let i = 0; i < runs; i++) {
      t0 = performance.now();
      const loaded = await loadReport(db, { period, siteIds, compare: false, now });
      report.push(performance.now() - t0);
      visits = loaded.report.headline.visits;
      t0 = performance.now();
      let counted = 0;
      for (const siteId of siteIds) {
        const rows = await db.visits.where('[siteId+arrivedAt]').between([siteId, ''], [siteId, '\uffff']).toArray();
        for (const v of rows) if (v.deletedAt === null) counted += 1;
      }
      plain.push(performance.now() - t0);
      if (counted < 0) throw new Error('unreachable');
    }
    // The floor of a report from daily aggregates: reading them.
    const readAggregates: number[] = [];
    for (let i = 0; i < runs; i++) {
      t0 = performance.now();
      await db.reportDays.toArray();
      readAggregates.push(performance.now() - t0);
    }
    return { report, plain, visits, coldMs, readAggregates };
  },

  /** Lets the app page open the database (no second connection kept open here). */
  close() {
    getDb().close();
  },
};

/**
 * The longest main-thread task (Long Tasks API, ≥ 50 ms) while `work` runs: how long the page
 * could not react to a key. IndexedDB hands results over on the main thread.
 */
async function longestTaskDuring<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
  });
  observer.observe({ type: 'longtask' });
  const result = await work();
  // Entries are delivered after the task; one more task lets the last one arrive.
  await new Promise((resolve) => setTimeout(resolve, 50));
  for (const entry of observer.takeRecords()) longest = Math.max(longest, entry.duration);
  observer.disconnect();
  return { result, ms: longest };
}

export type BenchApi = typeof bench;

declare global {
  interface Window {
    __bench?: BenchApi;
  }
}

window.__bench = bench;
document.body.dataset.benchReady = 'true';
