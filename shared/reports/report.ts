import type { ReportContext } from './context';
import { countHandoffsOf, handoffTables, type HandoffCounts, type ReportHandoff } from './handoffs';
import { periodLabel } from './period';
import { median, share } from './stats';
import { countStaffingOf, staffingTables, type ReportAbsence, type ReportCell } from './staffing';
import type { ReportTable } from './table';
import { countTicketsOf, onTimeRate, ticketTables, type ReportTicket, type TicketCounts } from './tickets';
import { countVisitsOf, visitTables, type ReportVisit, type VisitCounts } from './visits';

/**
 * The whole Auswertungen report (issue 8): every figure table, in the order the screen, the export
 * and the printout show them, and the comparison with the previous period. Pure: the renderer
 * reads the records, this computes.
 */

export interface ReportData {
  visits: Iterable<ReportVisit>;
  handoffs: Iterable<ReportHandoff>;
  tickets: Iterable<ReportTicket>;
  /** Coverage board cells of the period (`coverageOfDate` for each date). */
  cells: Iterable<ReportCell>;
  absences: Iterable<ReportAbsence>;
  /** staffId → home site, for the absences. */
  homeSiteOf: ReadonlyMap<string, string>;
}

/** The headline figures the comparison puts side by side. */
export interface Headline {
  visits: number;
  closedAtDeskShare: number | null;
  handoffs: number;
  medianWaitLb: number | null;
  sameDayAtRisk: number;
  ticketsCreated: number;
  onTimeRate: number | null;
  sessionsUncovered: number;
  sessionsAtRisk: number;
}

export interface Report {
  title: string;
  periodLabel: string;
  siteNames: string[];
  headline: Headline;
  /** Groups of tables, as the screen shows them in sections. */
  sections: { id: string; title: string; tables: ReportTable[] }[];
}

export const REPORT_TITLE = 'Auswertungen – Anlaufstellen des Jobcenters Rhein-Lahn';

export function buildReport(data: ReportData, ctx: ReportContext): Report {
  const counts = { visits: countVisitsOf(data.visits, ctx), handoffs: countHandoffsOf(data.handoffs, ctx), tickets: countTicketsOf(data.tickets, ctx) };
  return buildReportFromCounts(counts, data, ctx);
}

/**
 * The report from counts already made – from the records (`buildReport`) or added up from daily
 * aggregates (day-facts.ts, `countsFromFacts`): one way from counts to tables, so both agree.
 */
export function buildReportFromCounts(
  counts: { visits: VisitCounts; handoffs: HandoffCounts; tickets: TicketCounts },
  data: Pick<ReportData, 'cells' | 'absences' | 'homeSiteOf'>,
  ctx: ReportContext,
): Report {
  const { visits, handoffs, tickets } = counts;
  const staffing = countStaffingOf(data.cells, data.absences, data.homeSiteOf, ctx);
  const lb = handoffs.groups.get('*|LB');
  const vm = handoffs.groups.get('*|VERMITTLUNG');
  const allTickets = tickets.groups.get('*|*');
  const allStaffing = staffing.perSite.get('*')!;
  return {
    title: REPORT_TITLE,
    periodLabel: periodLabel(ctx.period),
    siteNames: ctx.sites.map((s) => s.name),
    headline: {
      visits: visits.all.total,
      closedAtDeskShare: share(visits.all.closedAtDesk, visits.all.total),
      handoffs: (lb?.count ?? 0) + (vm?.count ?? 0),
      medianWaitLb: median(lb?.waits ?? []),
      sameDayAtRisk: (lb?.atRisk ?? 0) + (vm?.atRisk ?? 0),
      ticketsCreated: allTickets?.created ?? 0,
      onTimeRate: allTickets ? onTimeRate(allTickets) : null,
      sessionsUncovered: allStaffing.uncovered,
      sessionsAtRisk: allStaffing.atRisk,
    },
    sections: [
      { id: 'vorsprachen', title: 'Vorsprachen', tables: visitTables(visits, ctx) },
      { id: 'weiterleitungen', title: 'Weiterleitungen an Leistungsbereich und Vermittlung', tables: handoffTables(handoffs, ctx) },
      { id: 'tickets', title: 'Rückruf-Tickets', tables: ticketTables(tickets, ctx) },
      { id: 'besetzung', title: 'Besetzung der Anlaufstellen', tables: staffingTables(staffing, ctx) },
    ],
  };
}

const HEADLINE_ROWS: { key: keyof Headline; label: string; unit: string; percent?: true }[] = [
  { key: 'visits', label: 'Vorsprachen', unit: 'Anzahl' },
  { key: 'closedAtDeskShare', label: 'Anteil an der Anlaufstelle abgeschlossen', unit: '%', percent: true },
  { key: 'handoffs', label: 'Weiterleitungen an LB und Vermittlung', unit: 'Anzahl' },
  { key: 'medianWaitLb', label: 'Median Wartezeit Leistungsbereich', unit: 'Minuten' },
  { key: 'sameDayAtRisk', label: 'Weiterleitungen taggleich gefährdet', unit: 'Anzahl' },
  { key: 'ticketsCreated', label: 'Rückruf-Tickets angelegt', unit: 'Anzahl' },
  { key: 'onTimeRate', label: 'Quote fristgerecht', unit: '%', percent: true },
  { key: 'sessionsAtRisk', label: 'Öffnungszeiten gefährdet', unit: 'Anzahl' },
  { key: 'sessionsUncovered', label: 'Öffnungszeiten unbesetzt', unit: 'Anzahl' },
];

/**
 * The comparison with the previous period (issue 8 item 1): each headline figure now, before and
 * the change (now − before; for shares in percentage points). No figure → "–".
 */
export function comparisonTable(now: Report, before: Report): ReportTable {
  const value = (h: Headline, key: keyof Headline, percent?: true) => {
    const v = h[key];
    return v === null ? null : percent ? Math.round(v * 1000) / 10 : v;
  };
  return {
    id: 'vergleich-vorperiode',
    title: `Vergleich mit der Vorperiode (${before.periodLabel})`,
    definition:
      'Die wichtigsten Kennzahlen des Zeitraums neben denen der Vorperiode (der Tag, die Woche, der Monat, das Quartal oder das Jahr davor; bei einem freien Zeitraum ebenso viele Tage direkt davor), für dieselben Standorte und nach denselben Regeln wie die Tabellen unten. ' +
      'Veränderung = Zeitraum minus Vorperiode, bei Anteilen in Prozentpunkten.',
    columns: [
      { label: 'Kennzahl', kind: 'text' },
      { label: 'Einheit', kind: 'text' },
      { label: now.periodLabel, kind: 'number' },
      { label: before.periodLabel, kind: 'number' },
      { label: 'Veränderung', kind: 'number' },
    ],
    rows: HEADLINE_ROWS.map(({ key, label, unit, percent }) => {
      const a = value(now.headline, key, percent);
      const b = value(before.headline, key, percent);
      const change = a === null || b === null ? null : Math.round((a - b) * 10) / 10;
      return [label, percent ? 'Prozent (Veränderung in Prozentpunkten)' : unit, a, b, change];
    }),
  };
}
