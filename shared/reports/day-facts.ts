import { berlinDate } from '../domain/calendar';
import type { ClosureLike } from '../domain/desk-sessions';
import type { ReportContext, ReportSite } from './context';
import { countHandoffsOf, type HandoffCounts, type ReportHandoff } from './handoffs';
import { countTicketsOf, type ReportTicket, type TicketCounts } from './tickets';
import { countVisitsOf, type ReportVisit, type VisitCounts } from './visits';

/**
 * Daily aggregates of the Auswertungen (issue 8: "if a year of data makes the renderer slow … keep
 * daily aggregates updated on write; measure before choosing" – a year of four sites took ~10 s read
 * and counted record by record, npm run bench).
 *
 * The figures' counts (visits, hand-offs, tickets) are sums, lists and maps of sums, so the counts of
 * a period are the counts of its site-days added up. `DayFacts` are the counts of one site-day,
 * computed by the very functions that count a period, over the records that no longer change with
 * the clock. What still does – a hand-off not yet taken over or finished ("taggleich gefährdet", "nie
 * abgeschlossen" are judged as of now), a ticket not yet contacted (overdue as of now) – stays a
 * record in the facts and is counted when the report is made. So a report from facts equals the
 * report from the records, which the tests prove.
 */

/** Changes whenever a figure's definition changes: stored facts of another version are recomputed. */
export const DAY_FACTS_VERSION = 2;

export interface DayFacts {
  visits: VisitCounts;
  handoffs: HandoffCounts;
  tickets: TicketCounts;
  openHandoffs: ReportHandoff[];
  openTickets: ReportTicket[];
}

/** Taken over and finished: nothing about it depends on when the report is made. */
export const settledHandoff = (h: Pick<ReportHandoff, 'takenAt' | 'finishedAt'>) => h.takenAt !== null && h.finishedAt !== null;
/** Contacted: on time or missed for good. */
export const settledTicket = (t: Pick<ReportTicket, 'contact'>) => t.contact !== null;

/** The site-day a record is counted on: its site and the Berlin date of the instant that counts it. */
export function dayKey(siteId: string, iso: string): string {
  return `${siteId}|${berlinDate(new Date(iso))}`;
}

/**
 * What the facts of a site-day depend on besides its records: the figures' version, the site's
 * opening sessions and the closures of that day (holidays follow from the date). Facts stored under
 * another fingerprint are recomputed.
 */
export function dayFingerprint(site: ReportSite, date: string, closures: readonly ClosureLike[]): string {
  const closed = closures.filter((c) => c.date === date && (c.siteId === null || c.siteId === site.id)).map((c) => c.reason);
  return JSON.stringify([DAY_FACTS_VERSION, site.sessions, closed]);
}

/** The facts of one site-day from its records (records of other sites or days are left out). */
export function dayFacts(
  site: ReportSite,
  date: string,
  records: { visits: Iterable<ReportVisit>; handoffs: Iterable<ReportHandoff>; tickets: Iterable<ReportTicket> },
  closures: readonly ClosureLike[],
  now: Date,
): DayFacts {
  const ctx: ReportContext = { period: { kind: 'day', from: date, to: date }, sites: [site], closures, now };
  const handoffs = [...records.handoffs].filter((h) => h.deletedAt === null && h.siteId === site.id && dayKey(h.siteId, h.waitingSince) === `${site.id}|${date}`);
  const tickets = [...records.tickets].filter((t) => t.deletedAt === null && t.siteId === site.id && dayKey(t.siteId, t.createdAt) === `${site.id}|${date}`);
  // Stored without the sums over sites and departments ('*'): they repeat the same lists up to four
  // times and are added up again from the parts when the period is counted (countsFromFacts).
  const counted = { handoffs: countHandoffsOf(handoffs.filter(settledHandoff), ctx), tickets: countTicketsOf(tickets.filter(settledTicket), ctx) };
  for (const key of [...counted.handoffs.groups.keys()]) if (key.startsWith('*|')) counted.handoffs.groups.delete(key);
  for (const key of [...counted.tickets.groups.keys()]) if (key.includes('*')) counted.tickets.groups.delete(key);
  return {
    visits: countVisitsOf(records.visits, ctx),
    handoffs: counted.handoffs,
    tickets: counted.tickets,
    openHandoffs: handoffs.filter((h) => !settledHandoff(h)).map(reportHandoff),
    openTickets: tickets.filter((t) => !settledTicket(t)).map(reportTicket),
  };
}

// Only the fields the figures read are kept (no label, no name – issue 8 item 5).
const reportHandoff = (h: ReportHandoff): ReportHandoff => ({
  siteId: h.siteId,
  target: h.target,
  acute: h.acute,
  waitingSince: h.waitingSince,
  status: h.status,
  takenAt: h.takenAt,
  finishedAt: h.finishedAt,
  deletedAt: h.deletedAt,
});
const reportTicket = (t: ReportTicket): ReportTicket => ({
  siteId: t.siteId,
  department: t.department,
  createdAt: t.createdAt,
  dueAt: t.dueAt,
  deletedAt: t.deletedAt,
  contact: t.contact,
});

/** Adds `source` into `target`: numbers are summed, lists appended, maps and objects added key by key. */
export function addCounts<T>(target: T, source: T): T {
  if (target instanceof Map && source instanceof Map) {
    for (const [k, v] of source) {
      if (target.has(k)) target.set(k, addValue(target.get(k), v));
      else target.set(k, structuredClone(v));
    }
    return target;
  }
  const t = target as Record<string, unknown>;
  for (const [k, v] of Object.entries(source as Record<string, unknown>)) {
    t[k] = k in t ? addValue(t[k], v) : structuredClone(v);
  }
  return target;
}

function addValue(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') return a + b;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (const x of b) a.push(x);
    return a;
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') return addCounts(a, b);
  throw new Error(`addCounts: cannot add ${typeof a} and ${typeof b}`);
}

/**
 * The counts of a period from the facts of its site-days: the stored counts added up, the records
 * that still change with the clock counted as of `ctx.now`.
 */
export function countsFromFacts(facts: Iterable<DayFacts>, ctx: ReportContext): { visits: VisitCounts; handoffs: HandoffCounts; tickets: TicketCounts } {
  const visits = countVisitsOf([], ctx);
  const handoffs = countHandoffsOf([], ctx);
  const tickets = countTicketsOf([], ctx);
  const openHandoffs: ReportHandoff[] = [];
  const openTickets: ReportTicket[] = [];
  for (const f of facts) {
    addCounts(visits, f.visits);
    addCounts(handoffs, f.handoffs);
    addCounts(tickets, f.tickets);
    for (const h of f.openHandoffs) openHandoffs.push(h);
    for (const t of f.openTickets) openTickets.push(t);
  }
  // The sums over sites ('*|target') and over sites and departments, from the parts (see dayFacts).
  const sum = <G>(groups: Map<string, G>, parts: [string, G][], key: (k: string) => string[]) => {
    for (const [k, g] of parts) for (const target of key(k)) addCounts(groups, new Map([[target, g]]));
  };
  sum(handoffs.groups, [...handoffs.groups], (k) => [`*|${k.split('|')[1]}`]);
  sum(tickets.groups, [...tickets.groups], (k) => {
    const [site, dep] = k.split('|');
    return [`${site}|*`, `*|${dep}`, '*|*'];
  });
  addCounts(handoffs, countHandoffsOf(openHandoffs, ctx));
  addCounts(tickets, countTicketsOf(openTickets, ctx));
  return { visits, handoffs, tickets };
}
