import type { OpeningSession } from '../model/records';
import type { Role } from '../model/vocabulary';
import type { CoverSourceId, DeskShift, HalfDay } from '../model/staffing';
import { absenceCoversSession, deskSessionsOn, type ClosureLike, type DeskSession } from './desk-sessions';
import { berlinDate, berlinInstant } from './calendar';

/**
 * LB cover mode at the counter (seed §4.5 "Aufgaben im Vertretungsfall", issue #3 item 7):
 * "Ist die Anlaufstelle im Vertretungsfall durch Mitarbeitende des Leistungsbereiches besetzt …
 * Die Ticketverteilung sowie die Anlage von Neukunden ist hingegen von Mitarbeitenden der
 * Eingangszonen an den besetzten Standorten zu übernehmen."
 *
 * - The session looked at: the one open now; before opening the day's first; after closing the
 *   last one that started (visitors still waiting). No session today → no cover mode.
 * - LB cover: among the people present at the desk in that session, nobody holds the EZ role, and
 *   at least one is LB cover – an accepted 'lb-same-site' cover or an LB-role person put there by
 *   hand. One EZ clerk at the desk is enough to do Ticketverteilung here, so then it is no cover
 *   mode even if an LB colleague helps out.
 * - The staffed site that takes over ("an den besetzten Standorten"): another site with an open
 *   session today and an EZ-role person present at its desk. Several → the nearest by
 *   DISTRIBUTION_PREFERENCE (new customers are sent there, so distance matters), then by name.
 *   None → null: tickets stay on the own list until an EZ clerk is back.
 */

/**
 * Nearest first, by site code: straight-line distance between the towns (Bad Ems–Lahnstein ≈ 9 km,
 * Bad Ems–Nastätten ≈ 18 km, Bad Ems–Diez ≈ 21 km, Lahnstein–Nastätten ≈ 21 km, Diez–Nastätten
 * ≈ 22 km, Lahnstein–Diez ≈ 29 km); near-ties go to Bad Ems, the seat of the Geschäftsführung.
 * Sites with other codes follow in name order.
 */
export const DISTRIBUTION_PREFERENCE: Readonly<Record<string, readonly string[]>> = {
  BE: ['LS', 'NA', 'DZ'],
  DZ: ['BE', 'NA', 'LS'],
  LS: ['BE', 'NA', 'DZ'],
  NA: ['BE', 'LS', 'DZ'],
};

export interface DeskModeInput {
  siteId: string;
  now: Date;
  sites: readonly { id: string; name: string; code: string; sessions: readonly OpeningSession[] }[];
  closures: readonly ClosureLike[];
  staff: readonly { id: string; name: string; roles: readonly Role[]; active: boolean }[];
  /** Live roster entries of today (all sites). */
  shifts: readonly Pick<DeskShift, 'siteId' | 'date' | 'sessionStart' | 'staffId' | 'coverSource'>[];
  /** Live absences touching today. */
  absences: readonly { staffId: string; from: string; to: string; halfDay: HalfDay }[];
}

export interface DeskModeResult {
  lbCover: boolean;
  /** Site whose distribution list receives tickets created here; null = this site's own. */
  distributionSiteId: string | null;
  distributionSiteName: string | null;
  /** Names of the LB people covering the desk (empty without cover mode). */
  coveredByNames: string[];
  /** The session looked at ('HH:mm'), null on a day without session. */
  sessionStart: string | null;
}

const NONE: DeskModeResult = {
  lbCover: false,
  distributionSiteId: null,
  distributionSiteName: null,
  coveredByNames: [],
  sessionStart: null,
};

/** The session of today a desk works in at `now` (see the module comment). */
export function sessionInFocus(sessions: readonly DeskSession[], now: Date): DeskSession | null {
  const open = sessions.filter((s) => s.closed === null);
  if (open.length === 0) return null;
  const t = now.getTime();
  const started = open.filter((s) => berlinInstant(s.date, s.start).getTime() <= t);
  return started.length > 0 ? started[started.length - 1]! : open[0]!;
}

export function deskModeOf(input: DeskModeInput): DeskModeResult {
  const date = berlinDate(input.now);
  const site = input.sites.find((s) => s.id === input.siteId);
  if (!site) return NONE;
  const session = sessionInFocus(deskSessionsOn(site, date, input.closures), input.now);
  if (!session) return NONE;

  const people = new Map(input.staff.filter((p) => p.active).map((p) => [p.id, p]));
  const presentAt = (siteId: string, s: DeskSession) =>
    input.shifts
      .filter((x) => x.siteId === siteId && x.date === date && x.sessionStart === s.start && people.has(x.staffId))
      .filter((x) => !input.absences.some((a) => a.staffId === x.staffId && absenceCoversSession(a, date, s.start, s.end)))
      .map((x) => ({ person: people.get(x.staffId)!, coverSource: x.coverSource as CoverSourceId | null }));

  const desk = presentAt(site.id, session);
  const isEz = (roles: readonly Role[]) => roles.includes('EZ');
  const lb = desk.filter((d) => d.coverSource === 'lb-same-site' || (d.person.roles.includes('LB') && !isEz(d.person.roles)));
  if (desk.some((d) => isEz(d.person.roles)) || lb.length === 0) return { ...NONE, sessionStart: session.start };

  const preference = DISTRIBUTION_PREFERENCE[site.code] ?? [];
  const rank = (code: string) => {
    const i = preference.indexOf(code);
    return i === -1 ? preference.length : i;
  };
  const staffed = input.sites
    .filter((other) => other.id !== site.id)
    .filter((other) =>
      deskSessionsOn(other, date, input.closures)
        .filter((s) => s.closed === null)
        .some((s) => presentAt(other.id, s).some((d) => isEz(d.person.roles))),
    )
    .sort((a, b) => rank(a.code) - rank(b.code) || a.name.localeCompare(b.name, 'de'));
  const target = staffed[0] ?? null;
  return {
    lbCover: true,
    distributionSiteId: target?.id ?? null,
    distributionSiteName: target?.name ?? null,
    coveredByNames: lb.map((d) => d.person.name),
    sessionStart: session.start,
  };
}
