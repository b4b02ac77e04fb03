import type { OpeningSession } from '../model/records';
import type { Role } from '../model/vocabulary';
import { berlinWeekday } from './calendar';
import { absenceCoversSession, deskSessionsOn, sessionKey, weekDates, type AbsenceSpan, type ClosureLike } from './desk-sessions';

/**
 * Drafts a week's desk roster from the EZ clerks' weekday patterns (issue #3 item 3; seed §4.5
 * "Die Besetzung der Anlaufstelle wird durch die Mitarbeitenden der Eingangszone sichergestellt").
 *
 * - Every open session of every site (its weekday schedule, no DE-RP holiday, no closure) gets
 *   `minStaff` clerks: active EZ-role people of that home site whose pattern includes the weekday.
 *   The others of the day stay free – they are who §4.5 draws on first when a rostered clerk is
 *   absent ("innerhalb des Standortes sichergestellt").
 * - Fair rotation: within a site, sessions are filled in time order, each time with the clerks who
 *   have the fewest sessions that week so far (existing entries count), then by staff id – so the
 *   result does not depend on input order.
 * - Known absences: present clerks come first. Only when too few are present is an absent clerk
 *   still drafted – their absence then stands behind the gap, so the board proposes cover in the
 *   order that fits its kind (planned vs unplanned, §4.5) instead of showing an unexplained hole.
 * - Sessions in `skip` (already planned by hand or by an earlier draft) are left alone, and nobody
 *   is drafted into a session in which they are already on duty elsewhere.
 */

export interface DraftSite {
  id: string;
  minStaff: number;
  sessions: readonly OpeningSession[];
}

export interface DraftStaff {
  id: string;
  homeSiteId: string;
  roles: readonly Role[];
  weekdays: readonly number[];
  active: boolean;
}

export interface ExistingShift {
  siteId: string;
  date: string;
  sessionStart: string;
  staffId: string;
}

export interface RosterDraftInput {
  /** Monday of the week. */
  weekStart: string;
  sites: readonly DraftSite[];
  staff: readonly DraftStaff[];
  closures: readonly ClosureLike[];
  absences?: readonly (AbsenceSpan & { staffId: string })[];
  /** sessionKey(siteId, date, start) of sessions that already have a roster. */
  skip?: ReadonlySet<string>;
  /** Live roster entries of the week: they count for fairness and block double duty. */
  existing?: readonly ExistingShift[];
}

export interface DraftShift {
  siteId: string;
  date: string;
  sessionStart: string;
  staffId: string;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function draftWeekRoster(input: RosterDraftInput): DraftShift[] {
  const skip = input.skip ?? new Set<string>();
  const existing = input.existing ?? [];
  const absences = input.absences ?? [];
  const load = new Map<string, number>();
  const onDuty = new Set<string>(); // `${date}|${start}|${staffId}`
  for (const s of existing) {
    load.set(s.staffId, (load.get(s.staffId) ?? 0) + 1);
    onDuty.add(`${s.date}|${s.sessionStart}|${s.staffId}`);
  }

  const drafts: DraftShift[] = [];
  const dates = weekDates(input.weekStart);
  for (const site of [...input.sites].sort((a, b) => byId(a.id, b.id))) {
    const clerks = input.staff
      .filter((p) => p.active && p.homeSiteId === site.id && p.roles.includes('EZ'))
      .sort((a, b) => byId(a.id, b.id));
    for (const date of dates) {
      const weekday = berlinWeekday(date);
      for (const session of deskSessionsOn(site, date, input.closures)) {
        if (session.closed !== null || skip.has(sessionKey(site.id, date, session.start))) continue;
        const absent = (staffId: string) =>
          absences.some((a) => a.staffId === staffId && absenceCoversSession(a, date, session.start, session.end));
        const pick = clerks
          .filter((p) => p.weekdays.includes(weekday) && !onDuty.has(`${date}|${session.start}|${p.id}`))
          .map((p) => ({ p, absent: absent(p.id), load: load.get(p.id) ?? 0 }))
          .sort((a, b) => Number(a.absent) - Number(b.absent) || a.load - b.load || byId(a.p.id, b.p.id))
          .slice(0, site.minStaff);
        for (const { p } of pick) {
          drafts.push({ siteId: site.id, date, sessionStart: session.start, staffId: p.id });
          load.set(p.id, (load.get(p.id) ?? 0) + 1);
          onDuty.add(`${date}|${session.start}|${p.id}`);
        }
      }
    }
  }
  return drafts;
}
