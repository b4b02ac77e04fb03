import { addDays } from '@shared/domain/calendar';
import { boardSites, coverageOfDate } from '@shared/domain/coverage';
import { periodBounds, periodDays, previousPeriod, type Period } from '@shared/reports/period';
import { buildReport, comparisonTable, type Report, type ReportData } from '@shared/reports/report';
import type { ReportTable } from '@shared/reports/table';
import type { CallbackTicket, Handoff, Visit } from '@shared/model';
import type { AnlaufstelleDB } from '../db';
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

async function dataOf(db: AnlaufstelleDB, period: Period, siteIds: readonly string[], now: Date): Promise<{ data: ReportData; closures: Closures }> {
  const { start, end } = periodBounds(period);
  const visits: Visit[] = [];
  for (const siteId of siteIds) {
    const rows = await db.visits.where('[siteId+arrivedAt]').between([siteId, start.toISOString()], [siteId, end.toISOString()]).toArray();
    for (const v of rows) if (isLive(v)) visits.push(v);
  }
  const handoffs = (await db.handoffs.bulkGet(visits.flatMap((v) => v.handoffIds))).filter((h): h is Handoff => h !== undefined);
  const ticketIds = visits.flatMap((v) => (v.ticketId ? [v.ticketId] : []));
  const tickets = (await db.tickets.bulkGet(ticketIds)).filter((t): t is CallbackTicket => t !== undefined);

  const coverage = await loadCoverageData(db, period.from, period.to);
  const chosen = new Set(siteIds);
  const cells = [];
  for (let date = period.from; date <= period.to; date = addDays(date, 1)) {
    for (const cell of coverageOfDate(coverage, date, now)) if (chosen.has(cell.siteId)) cells.push(cell);
  }
  const homeSiteOf = new Map(coverage.staff.map((s) => [s.id, s.homeSiteId]));
  // The coverage data holds live absences only.
  const absences = coverage.absences.map((a) => ({ ...a, deletedAt: null }));
  return { data: { visits, handoffs, tickets, cells, absences, homeSiteOf }, closures: coverage.closures };
}

export async function loadReport(db: AnlaufstelleDB, query: ReportQuery): Promise<LoadedReport> {
  checkIds(query.siteIds, 'die Standorte');
  checkInstant(query.now);
  if (query.siteIds.length === 0) throw new ValidationError('Bitte mindestens einen Standort wählen.');
  if (periodDays(query.period) < 1) throw new ValidationError('Der Zeitraum ist leer.');
  const all = await db.sites.filter(isLive).toArray();
  const sites = boardSites(all.filter((s) => query.siteIds.includes(s.id)));
  if (sites.length !== new Set(query.siteIds).size) throw new ValidationError('Einen der gewählten Standorte gibt es nicht.');
  const ids = sites.map((s) => s.id);

  const now = await dataOf(db, query.period, ids, query.now);
  const report = buildReport(now.data, { period: query.period, sites, closures: now.closures, now: query.now });
  if (!query.compare) return { report, comparison: null };
  const before = previousPeriod(query.period);
  const then = await dataOf(db, before, ids, query.now);
  const previous = buildReport(then.data, { period: before, sites, closures: then.closures, now: query.now });
  return { report, comparison: comparisonTable(report, previous) };
}
