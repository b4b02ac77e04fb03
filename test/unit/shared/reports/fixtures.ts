import type { ReportContext, ReportSite } from '../../../../shared/reports/context';
import type { Period } from '../../../../shared/reports/period';
import type { ReportVisit } from '../../../../shared/reports/visits';

/** Seed §4.1: Mo, Di, Do, Fr 08:00–12:00. */
export const SESSIONS = [1, 2, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '12:00' }));
export const BAD_EMS: ReportSite = { id: 'be', name: 'Bad Ems', sessions: SESSIONS };
export const DIEZ: ReportSite = { id: 'dz', name: 'Diez', sessions: SESSIONS };

export function context(period: Period, now: string, extra: Partial<ReportContext> = {}): ReportContext {
  return { period, sites: [BAD_EMS, DIEZ], closures: [], now: new Date(now), ...extra };
}

/** A visit with the given Berlin instant (offset written out) and what the test sets. */
export function visit(siteId: string, arrivedAt: string, extra: Partial<ReportVisit> = {}): ReportVisit {
  return {
    siteId,
    arrivedAt: new Date(arrivedAt).toISOString(),
    concernKind: 'quick',
    quickSubtype: 'documents',
    acute: false,
    outcome: 'closed-at-desk',
    verbisCheck: 'no-need',
    digitalCheck: 'not-first-visit',
    deletedAt: null,
    ...extra,
  };
}

/** The row of a table whose first cell is `first` (and second, if given). */
export function row(table: { rows: (string | number | null)[][] }, first: string, second?: string): (string | number | null)[] {
  const found = table.rows.find((r) => r[0] === first && (second === undefined || r[1] === second));
  if (!found) throw new Error(`no row ${first} ${second ?? ''}`);
  return found;
}
