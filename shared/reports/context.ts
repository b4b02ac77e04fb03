import { publicHolidayRP, toBerlinWallClock } from '../domain/calendar';
import { deskSessionsOn, type ClosureLike, type DeskSession } from '../domain/desk-sessions';
import type { OpeningSession } from '../model/records';
import { periodBounds, type Period } from './period';

/** A site as the figures need it: no staff, no addresses. */
export interface ReportSite {
  id: string;
  name: string;
  sessions: readonly OpeningSession[];
}

/** What every figure module is computed against: the period, the chosen sites, "now". */
export interface ReportContext {
  period: Period;
  /** The chosen sites, in display order. */
  sites: readonly ReportSite[];
  closures: readonly ClosureLike[];
  /** When the report is made: "still overdue", "never finished" are as of now. */
  now: Date;
}

/** Berlin wall-clock reading of an ISO instant: date, hour, "HH:MM" and weekday-free parts. */
export interface WallTime {
  date: string;
  hour: number;
  hhmm: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function wallTime(iso: string): WallTime {
  const { date, msOfDay } = toBerlinWallClock(new Date(iso));
  const minutes = Math.floor(msOfDay / 60_000);
  const hour = Math.floor(minutes / 60);
  return { date, hour, hhmm: `${pad(hour)}:${pad(minutes % 60)}` };
}

/**
 * Lookups the figures share: whether an instant lies in the period, which chosen site a record
 * belongs to, and the desk sessions of a site and date (holidays and closure days closed, via
 * `deskSessionsOn` – SPEC §2, issue #3), cached because a year has ~200,000 visits on ~1,000
 * site-days.
 */
export function reportScope(ctx: ReportContext) {
  const { start, end } = periodBounds(ctx.period);
  const startIso = start.toISOString();
  const endIso = end.toISOString();
  const sites = new Map(ctx.sites.map((s) => [s.id, s]));
  const sessionCache = new Map<string, DeskSession[]>();
  return {
    /** ISO instants compare as strings (all stored in UTC, 'Z'). */
    inPeriod: (iso: string) => iso >= startIso && iso < endIso,
    hasSite: (siteId: string) => sites.has(siteId),
    sessions(siteId: string, date: string): DeskSession[] {
      const key = `${siteId}|${date}`;
      let found = sessionCache.get(key);
      if (!found) {
        const site = sites.get(siteId);
        found = site ? deskSessionsOn(site, date, ctx.closures) : [];
        sessionCache.set(key, found);
      }
      return found;
    },
  };
}
export type ReportScope = ReturnType<typeof reportScope>;

/** The open session of the site at that wall time, if any (start ≤ time < end). */
export function openSessionAt(scope: ReportScope, siteId: string, t: WallTime): DeskSession | null {
  return scope.sessions(siteId, t.date).find((s) => s.closed === null && s.start <= t.hhmm && t.hhmm < s.end) ?? null;
}

/** "Feiertag (Weihnachten)" on a DE-RP holiday, else null. */
export function holidayNote(date: string): string | null {
  const name = publicHolidayRP(date);
  return name === null ? null : `Feiertag (${name})`;
}
