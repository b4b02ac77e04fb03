import { addDays, berlinDate } from '@shared/domain/calendar';
import { boardSites, coverageOfDate } from '@shared/domain/coverage';
import { periodBounds, periodDays, previousPeriod, type Period } from '@shared/reports/period';
import type { ReportSite } from '@shared/reports/context';
import { countsFromFacts, dayFacts, dayFingerprint, dayKey, type DayFacts } from '@shared/reports/day-facts';
import { buildReportFromCounts, comparisonTable, type Report, type ReportData } from '@shared/reports/report';
import type { ReportTable } from '@shared/reports/table';
import type { CallbackTicket, Handoff, Visit } from '@shared/model';
import type { AnlaufstelleDB } from '../db';
import { isDayPending, type ReportDayRow } from '../report-days';
import { checkIds, checkInstant, isLive, ValidationError } from './base';
import { loadCoverageData } from './coverage-data';

/**
 * The Auswertungen of issue 8, read from this PC's replica (with sync, a lead's PC holds all four
 * sites) and computed by the pure figures of shared/reports. Visits are read per site through the
 * [siteId+arrivedAt] index; their hand-offs and tickets through the visit's own references (every
 * hand-off and callback ticket starts with a visit at the counter); staffing through the coverage
 * board of each day. Nothing personal leaves this function: the report holds counts and durations.
 */

export interface ReportQuery {
  period: Period;
  /** The chosen sites (one, several or all). */
  siteIds: readonly string[];
  /** Also compute the period before and a comparison table. */
  compare: boolean;
  now: Date;
}

export interface LoadedReport {
  report: Report;
  /** The comparison with the previous period, when asked for. */
  comparison: ReportTable | null;
}

type Closures = Awaited<ReturnType<typeof loadCoverageData>>['closures'];
type Counts = ReturnType<typeof countsFromFacts>;

/** Site-days made in one transaction: a counter write waits at most for this many (a few ms each). */
const CHUNK_DAYS = 14;

/**
 * The stored facts of the dates at the sites, and the runs of consecutive days (at most CHUNK_DAYS,
 * one site each) still to make from the records: missing, stale, written to a moment ago, or today
 * and later (still being written, never stored).
 */
async function lookUpDays(db: AnlaufstelleDB, sites: readonly ReportSite[], dates: readonly string[], closures: Closures, today: string) {
  const facts: DayFacts[] = [];
  const runs: { site: ReportSite; dates: string[] }[] = [];
  // One read for all sites' stored days.
  const all = await db.reportDays.bulkGet(sites.flatMap((site) => dates.map((d) => `${site.id}|${d}`)));
  for (const [s, site] of sites.entries()) {
    let run: string[] = [];
    for (const [i, date] of dates.entries()) {
      const row = all[s * dates.length + i];
      if (date < today && row && !isDayPending(row.key) && row.fingerprint === dayFingerprint(site, date, closures)) {
        facts.push(row.facts);
        if (run.length > 0) runs.push({ site, dates: run });
        run = [];
      } else {
        run.push(date);
        if (run.length >= CHUNK_DAYS) {
          runs.push({ site, dates: run });
          run = [];
        }
      }
    }
    if (run.length > 0) runs.push({ site, dates: run });
  }
  return { facts, runs };
}

const datesOf = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
};

/**
 * The counts of a period at the chosen sites from the daily aggregates (report-days.ts): stored
 * site-days are read, missing or outdated ones (and today, which is still being written) are made
 * from the records. A site-day is made from records read in the same transaction as it is stored,
 * so a write either comes before (and is in it) or after (and drops it again).
 */
async function countsOf(db: AnlaufstelleDB, period: Period, sites: readonly ReportSite[], closures: Closures, now: Date): Promise<Counts> {
  const today = berlinDate(now);
  const { facts, runs } = await lookUpDays(db, sites, datesOf(period.from, period.to), closures, today);
  for (const run of runs) facts.push(...(await makeDays(db, run.site, run.dates, closures, now, today)));
  return countsFromFacts(facts, { period, sites, closures, now });
}

/**
 * Keeps the daily aggregates of [from, to] ready before anyone asks (issue 8: "updated on write"):
 * makes every missing or outdated site-day before today, one run of days at a time with `pause()`
 * between, so the desk's own writes never wait longer than one run. Returns how many days it made.
 */
export async function prepareReportDays(
  db: AnlaufstelleDB,
  range: { from: string; to: string },
  now: Date,
  pause: () => Promise<void> = () => Promise.resolve(),
): Promise<number> {
  checkInstant(now);
  const today = berlinDate(now);
  const to = range.to < today ? range.to : addDays(today, -1);
  if (to < range.from) return 0;
  const sites = boardSites(await db.sites.filter(isLive).toArray());
  const closures = await db.closures.where('date').between(range.from, addDays(to, 1)).filter(isLive).toArray();
  const { runs } = await lookUpDays(db, sites, datesOf(range.from, to), closures, today);
  let made = 0;
  for (const run of runs) {
    await makeDays(db, run.site, run.dates, closures, now, today);
    made += run.dates.length;
    await pause();
  }
  return made;
}

/** Makes the facts of consecutive days of one site from its records, and stores the days before today. */
async function makeDays(db: AnlaufstelleDB, site: ReportSite, dates: string[], closures: Closures, now: Date, today: string): Promise<DayFacts[]> {
  return db.transaction('rw', [db.visits, db.handoffs, db.tickets, db.reportDays], async () => {
    const { start, end } = periodBounds({ from: dates[0]!, to: dates[dates.length - 1]! });
    const visits = (await db.visits.where('[siteId+arrivedAt]').between([site.id, start.toISOString()], [site.id, end.toISOString()]).toArray()).filter(isLive);
    // Every hand-off and callback ticket starts with a visit at the counter: found through it.
    const handoffs = (await db.handoffs.bulkGet(visits.flatMap((v) => v.handoffIds))).filter((h): h is Handoff => h !== undefined);
    const tickets = (await db.tickets.bulkGet(visits.flatMap((v) => (v.ticketId ? [v.ticketId] : [])))).filter((t): t is CallbackTicket => t !== undefined);
    const byDate = new Map(dates.map((d) => [d, { visits: [] as Visit[], handoffs: [] as Handoff[], tickets: [] as CallbackTicket[] }]));
    const bucket = (siteId: string, iso: string) => byDate.get(dayKey(siteId, iso).slice(siteId.length + 1));
    for (const v of visits) bucket(v.siteId, v.arrivedAt)?.visits.push(v);
    for (const h of handoffs) bucket(h.siteId, h.waitingSince)?.handoffs.push(h);
    for (const t of tickets) bucket(t.siteId, t.createdAt)?.tickets.push(t);
    const made: DayFacts[] = [];
    const rows: ReportDayRow[] = [];
    for (const [date, records] of byDate) {
      const facts = dayFacts(site, date, records, closures, now);
      made.push(facts);
      if (date < today) rows.push({ key: `${site.id}|${date}`, fingerprint: dayFingerprint(site, date, closures), facts });
    }
    await db.reportDays.bulkPut(rows);
    return made;
  });
}

async function dataOf(db: AnlaufstelleDB, period: Period, sites: readonly ReportSite[], now: Date): Promise<{ counts: Counts; data: Pick<ReportData, 'cells' | 'absences' | 'homeSiteOf'>; closures: Closures }> {
  const coverage = await loadCoverageData(db, period.from, period.to);
  const counts = await countsOf(db, period, sites, coverage.closures, now);
  const chosen = new Set(sites.map((s) => s.id));
  const cells = [];
  for (let date = period.from; date <= period.to; date = addDays(date, 1)) {
    for (const cell of coverageOfDate(coverage, date, now)) if (chosen.has(cell.siteId)) cells.push(cell);
  }
  const homeSiteOf = new Map(coverage.staff.map((s) => [s.id, s.homeSiteId]));
  // The coverage data holds live absences only.
  const absences = coverage.absences.map((a) => ({ ...a, deletedAt: null }));
  return { counts, data: { cells, absences, homeSiteOf }, closures: coverage.closures };
}

export async function loadReport(db: AnlaufstelleDB, query: ReportQuery): Promise<LoadedReport> {
  checkIds(query.siteIds, 'die Standorte');
  checkInstant(query.now);
  if (query.siteIds.length === 0) throw new ValidationError('Bitte mindestens einen Standort wählen.');
  if (periodDays(query.period) < 1) throw new ValidationError('Der Zeitraum ist leer.');
  const all = await db.sites.filter(isLive).toArray();
  const sites = boardSites(all.filter((s) => query.siteIds.includes(s.id)));
  if (sites.length !== new Set(query.siteIds).size) throw new ValidationError('Einen der gewählten Standorte gibt es nicht.');

  const now = await dataOf(db, query.period, sites, query.now);
  const report = buildReportFromCounts(now.counts, now.data, { period: query.period, sites, closures: now.closures, now: query.now });
  if (!query.compare) return { report, comparison: null };
  const before = previousPeriod(query.period);
  const then = await dataOf(db, before, sites, query.now);
  const previous = buildReportFromCounts(then.counts, then.data, { period: before, sites, closures: then.closures, now: query.now });
  return { report, comparison: comparisonTable(report, previous) };
}
