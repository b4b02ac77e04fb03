import { addDays, berlinDate } from '@shared/domain/calendar';
import { getDb } from '../db/db';
import { loadReport } from '../db/repositories/reports';
import { saveSettings } from '../db/repositories/settings';
import { anonymiseFinishedHandoffs } from '../db/repositories/handoffs';
import { anonymiseDueTickets } from '../db/repositories/tickets';
import { recordTriage } from '../db/repositories/visits';
import { dropGrant, holdGrant } from '../auth/grant';
import { recordAudit } from '../auth/audit-outbox';
import { checkOffline, PBKDF2_ROUNDS, storeVerifier } from '../auth/verifier';
import { BENCH_SITE, timeLoadAllTickets, timeRecordTriage, timeTicketScenarios, visitInput } from './measure';
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
    const actorId = typeof clerk === 'string' ? clerk : 'bench';
    // As on an enrolled PC: the clerk's grant is held, every write makes its proof (issue 7 item 3).
    holdGrant(actorId, crypto.getRandomValues(new Uint8Array(32)));
    try {
      return await timeRecordTriage(db, actorId, count);
    } finally {
      dropGrant();
    }
  },

  /**
   * Issue 7 "Proof": recordTriage alone beside recordTriage followed by recordAudit – one put into
   * auditOutbox, what the counter adds when a visitor's name is shown. Same visit input for both,
   * alternating which goes first, so drift falls on both alike. Also the recordAudit part alone.
   */
  async timeTriageWithAudit(count: number, warmup = 10) {
    const db = getDb();
    const clerk = (await db.settings.get('deskStaffId'))?.value;
    const actorId = typeof clerk === 'string' ? clerk : 'bench';
    holdGrant(actorId, crypto.getRandomValues(new Uint8Array(32)));
    const alone: number[] = [];
    const withAudit: number[] = [];
    const auditOnly: number[] = [];
    const place = { siteId: BENCH_SITE, deadlinePolicy: 'working-days' } as const;
    const plain = async (i: number) => {
      const t0 = performance.now();
      await recordTriage(db, visitInput(i), place, { actorId, now: new Date() });
      return performance.now() - t0;
    };
    const audited = async (i: number) => {
      const t0 = performance.now();
      const { visit } = await recordTriage(db, visitInput(i), place, { actorId, now: new Date() });
      const t1 = performance.now();
      await recordAudit(db, { action: 'view', table: 'visits', recordId: visit.id, fields: ['label'], staffId: actorId, username: 'bench.ez', offline: true });
      const t2 = performance.now();
      return { total: t2 - t0, audit: t2 - t1 };
    };
    for (let i = 0; i < warmup + count; i++) {
      let a: number;
      let b: { total: number; audit: number };
      if (i % 2 === 0) {
        a = await plain(i);
        b = await audited(i);
      } else {
        b = await audited(i);
        a = await plain(i);
      }
      if (i < warmup) continue;
      alone.push(a);
      withAudit.push(b.total);
      auditOnly.push(b.audit);
    }
    dropGrant();
    return { alone, withAudit, auditOnly, auditRowsWaiting: await db.auditOutbox.count() };
  },

  /**
   * Issue 7 "Proof": offline sign-in – checkOffline (PBKDF2-SHA-256, 600,000 rounds, Chromium's
   * WebCrypto) after storeVerifier, right and wrong password. Each round stores a fresh verifier
   * (as every online sign-in does), so the wrong tries never reach the lock (where no PBKDF2 runs).
   */
  async timeOfflineSignIn(count: number) {
    const db = getDb();
    const account = { username: 'bench.offline', staffId: null, displayName: 'Bench Offline', roles: ['EZ' as const], homeSiteId: BENCH_SITE };
    const password = 'richtig-geheim-1';
    const offlineUntil = () => new Date(Date.now() + 7 * 86_400_000).toISOString();
    const store: number[] = [];
    const right: number[] = [];
    const wrong: number[] = [];
    const reasons = new Set<string>();
    for (let i = 0; i < 1 + count; i++) {
      let t0 = performance.now();
      await storeVerifier(db, account, password, offlineUntil(), crypto.getRandomValues(new Uint8Array(32)));
      const s = performance.now() - t0;
      t0 = performance.now();
      const ok = await checkOffline(db, account.username, password);
      const r = performance.now() - t0;
      if (!ok.ok) throw new Error(`bench: offline sign-in refused (${ok.reason})`);
      t0 = performance.now();
      const bad = await checkOffline(db, account.username, `falsch-${i}`);
      const w = performance.now() - t0;
      reasons.add(bad.ok ? 'ok' : bad.reason);
      if (i === 0) continue; // warm-up
      store.push(s);
      right.push(r);
      wrong.push(w);
    }
    await db.verifiers.delete(account.username);
    return { rounds: PBKDF2_ROUNDS, store, right, wrong, wrongReasons: [...reasons] };
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
