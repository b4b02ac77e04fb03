import type { Site, Staff } from '../model/records';
import type { Absence, CoverDecision, CoverDeciderRole, CoverSourceId, DeskShift } from '../model/staffing';
import type { AbsenceKind } from '../model/staffing';
import { COVER_SOURCE_LABELS } from '../model/staffing';
import type { Role } from '../model/vocabulary';
import { ROLE_LABELS } from '../model/vocabulary';
import { absenceKindOn } from './absence-kind';
import { berlinInstant, berlinWeekday } from './calendar';
import { planDeskCover, type CoverDecider, type CoverSource, type CoverStatus } from './desk-cover';
import { absenceCoversSession, deskSessionsOn, sessionKey, sessionsOverlap, weekDates, type ClosureLike, type DeskSession } from './desk-sessions';

/**
 * The coverage board (issue #3 item 5, SPEC §6): for each site and opening session, covered / at
 * risk / uncovered with a German reason, the cover proposals of seed §4.5 and who decides them.
 *
 * The rule itself is `planDeskCover` (shared/domain/desk-cover.ts); this module only feeds it
 * from the stored roster, absences and decisions, and merges its answer back:
 *
 * - Sessions. The plan runs once per date and session start time for all sites together (sites
 *   compete for lenders). A site without an open session at that time (closed, holiday, another
 *   schedule) takes part with minStaff 0: it needs nobody, and its free EZ clerks may be lent.
 *   Roster entries at a site that has no open session are ignored.
 * - Who is there. Active staff whose weekday pattern includes the date, plus anyone rostered in
 *   the session (a manual entry on a day off counts). Inactive or unknown people are dropped, also
 *   from the roster – the desk then shows the gap.
 * - Absences. An absence counts for a session when `absenceCoversSession` says so: half days split
 *   at noon, so an 'am' absence takes out the 08:00–12:00 session and a 'pm' absence does not.
 *   Its kind is the kind of THAT date (issue 7 item 9, `absenceKindOn`): a vacation registered on
 *   the Friday before leaves an unplanned gap on its Monday and a planned one from Tuesday on.
 * - Accepted cover is an ordinary roster entry (source 'cover'), so the plan sees the desk staffed
 *   and the cell turns covered; the accepted decisions are listed on the cell.
 * - Rejected proposals are not proposed again: a person with a rejected decision in a session is
 *   passed to planDeskCover as `notProposable` for that session. They keep their roles, so they
 *   still count at their desk and as an EZ clerk present at their site (the lending limit), but are
 *   no cover candidate anywhere in that session – the decider said no to this person for this
 *   session, not to their colleague. Withdrawing the decision makes them a candidate again.
 */

export type BoardStatus = CoverStatus | 'closed';
export type GapKind = 'planned' | 'unplanned';

export type CoverageSite = Pick<Site, 'id' | 'name' | 'minStaff' | 'sessions'>;
export type CoverageStaff = Pick<Staff, 'id' | 'name' | 'homeSiteId' | 'roles' | 'weekdays' | 'active'>;
export type CoverageShift = Pick<
  DeskShift,
  'id' | 'siteId' | 'date' | 'sessionStart' | 'staffId' | 'source' | 'coverSource' | 'coverDecisionId'
>;
export type CoverageAbsence = Pick<
  Absence,
  'id' | 'staffId' | 'from' | 'to' | 'halfDay' | 'kind' | 'reason' | 'registeredAt' | 'kindOverridden' | 'anonymisedAt'
>;
export type CoverageDecision = Pick<
  CoverDecision,
  'id' | 'siteId' | 'date' | 'sessionStart' | 'staffId' | 'source' | 'decidedBy' | 'status' | 'decidedByStaffId' | 'note'
>;

/** Live (not tombstoned) records around the dates asked for. */
export interface CoverageData {
  sites: readonly CoverageSite[];
  staff: readonly CoverageStaff[];
  shifts: readonly CoverageShift[];
  absences: readonly CoverageAbsence[];
  closures: readonly ClosureLike[];
  decisions: readonly CoverageDecision[];
  /**
   * sessionKey() of every session that has (or had – tombstones count) a roster entry. A session
   * outside it has simply not been drafted yet. Left out: sessions with a live entry.
   */
  plannedSessions?: ReadonlySet<string>;
}

type Stored<T> = T & { deletedAt?: string | null };
const isLiveRow = (r: { deletedAt?: string | null }) => r.deletedAt == null;

/**
 * The board's data from stored rows, tombstones included: the PC (repositories/coverage-data.ts) and
 * the sync service (server/src/cover-guard.ts) read the same records and must see the same board.
 * Tombstoned roster entries still mark a session as planned (one emptied by hand is not "not yet
 * drafted"); everything else counts only while live.
 */
export function coverageDataFrom(rows: {
  sites: readonly Stored<CoverageSite>[];
  staff: readonly Stored<CoverageStaff>[];
  shifts: readonly Stored<CoverageShift>[];
  absences: readonly Stored<CoverageAbsence>[];
  closures: readonly Stored<ClosureLike>[];
  decisions: readonly Stored<CoverageDecision>[];
}): CoverageData {
  return {
    sites: rows.sites.filter(isLiveRow),
    staff: rows.staff.filter(isLiveRow),
    shifts: rows.shifts.filter(isLiveRow),
    absences: rows.absences.filter(isLiveRow),
    closures: rows.closures.filter(isLiveRow),
    decisions: rows.decisions.filter(isLiveRow),
    plannedSessions: new Set(rows.shifts.map((s) => sessionKey(s.siteId, s.date, s.sessionStart))),
  };
}

export interface DeskEntry {
  shiftId: string;
  staffId: string;
  name: string;
  source: DeskShift['source'];
  coverSource: CoverSourceId | null;
  /**
   * The absence that takes this person out of the session, or null when present. Without its
   * reason: the board is seen on every desk PC, and a reason like sickness is health data (GDPR
   * Art. 9) – only the absence list shows it.
   */
  absence: Pick<Absence, 'id' | 'kind' | 'halfDay'> | null;
}

export interface CellProposal {
  staffId: string;
  name: string;
  homeSiteId: string;
  homeSiteName: string;
  source: CoverSource;
  decidedBy: CoverDecider;
  /** Roles to inform (as planDeskCover names them; 'FM' = site FM, for cross-site both sites'). */
  inform: Role[];
  /** Why this proposal, in German (SPEC §6 "proposes cover … with the reason"). */
  why: string;
}

export interface BoardCell {
  siteId: string;
  siteName: string;
  date: string;
  sessionStart: string;
  sessionEnd: string;
  status: BoardStatus;
  /** German one-liner for the cell. */
  reason: string;
  minStaff: number;
  /** Rostered people present in this session. */
  present: number;
  /** Kind of the gap (planDeskCover decision 1); null without gap. */
  gapKind: GapKind | null;
  desk: DeskEntry[];
  proposals: CellProposal[];
  escalateTo: 'GF' | null;
  accepted: CoverageDecision[];
  rejected: CoverageDecision[];
  /** False while nobody has drafted or edited the roster of this session. */
  planned: boolean;
  /** The session has ended at `now` (decisions are no longer taken). */
  past: boolean;
}

export interface WeekBoard {
  weekStart: string;
  dates: string[];
  sites: { id: string; name: string }[];
  /** Sorted by date, site (board order), session start. */
  cells: BoardCell[];
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Board order of the sites: by name (German collation), so the grid reads like the directory. */
export function boardSites(sites: readonly CoverageSite[]): CoverageSite[] {
  return [...sites].sort((a, b) => a.name.localeCompare(b.name, 'de') || byId(a.id, b.id));
}

/** The board of one week (Monday `weekStart` + 6 days). */
export function buildWeekBoard(data: CoverageData, weekStart: string, now?: Date): WeekBoard {
  const dates = weekDates(weekStart);
  return {
    weekStart,
    dates,
    sites: boardSites(data.sites).map((s) => ({ id: s.id, name: s.name })),
    cells: dates.flatMap((date) => coverageOfDate(data, date, now)),
  };
}

/** All cells of one date, every site, in board order. */
export function coverageOfDate(data: CoverageData, date: string, now?: Date): BoardCell[] {
  const sites = boardSites(data.sites);
  const sessions = new Map<string, DeskSession[]>(sites.map((s) => [s.id, deskSessionsOn(s, date, data.closures)]));
  const starts = [...new Set([...sessions.values()].flat().filter((s) => s.closed === null).map((s) => s.start))].sort();
  const cells: BoardCell[] = [];
  for (const site of sites) {
    for (const s of sessions.get(site.id) ?? []) if (s.closed !== null) cells.push(closedCell(site, s));
  }
  for (const start of starts) cells.push(...planSession(data, date, start, sessions, now));
  const order = new Map(sites.map((s, i) => [s.id, i]));
  return cells.sort((a, b) => order.get(a.siteId)! - order.get(b.siteId)! || a.sessionStart.localeCompare(b.sessionStart));
}

/** The cell of one site and session, or null when the site has no such session that day. */
export function cellOf(data: CoverageData, siteId: string, date: string, sessionStart: string, now?: Date): BoardCell | null {
  return coverageOfDate(data, date, now).find((c) => c.siteId === siteId && c.sessionStart === sessionStart) ?? null;
}

function closedCell(site: CoverageSite, s: DeskSession): BoardCell {
  return {
    siteId: site.id,
    siteName: site.name,
    date: s.date,
    sessionStart: s.start,
    sessionEnd: s.end,
    status: 'closed',
    reason: `${s.closed} – keine Öffnungszeit.`,
    minStaff: site.minStaff,
    present: 0,
    gapKind: null,
    desk: [],
    proposals: [],
    escalateTo: null,
    accepted: [],
    rejected: [],
    planned: true,
    past: false,
  };
}

function planSession(
  data: CoverageData,
  date: string,
  start: string,
  sessions: ReadonlyMap<string, DeskSession[]>,
  now: Date | undefined,
): BoardCell[] {
  const open = new Map<string, DeskSession>();
  for (const [siteId, list] of sessions) {
    const s = list.find((x) => x.start === start && x.closed === null);
    if (s) open.set(siteId, s);
  }
  // Sites may keep different hours: the sessions starting now end at different times. A person
  // who may be proposed anywhere among them must be free until the latest end.
  const end = [...open.values()].reduce((max, s) => (s.end > max ? s.end : max), start);
  const weekday = berlinWeekday(date);
  const siteIds = new Set(data.sites.map((s) => s.id));
  const people = new Map(data.staff.filter((p) => p.active && siteIds.has(p.homeSiteId)).map((p) => [p.id, p]));

  // On duty in a session that starts at another time but overlaps this one (e.g. Diez 08:30–12:00
  // while Bad Ems opens 08:00): never proposed here – nobody stands at two desks at once – but still
  // present at their site, so its lending limit counts them (planDeskCover decision 10).
  const dutyElsewhere = new Set(
    data.shifts
      .filter((s) => s.date === date && s.sessionStart !== start && people.has(s.staffId))
      .filter((s) => {
        const theirs = sessions.get(s.siteId)?.find((x) => x.start === s.sessionStart && x.closed === null);
        return theirs !== undefined && sessionsOverlap(theirs, { start, end });
      })
      .map((s) => s.staffId),
  );

  // The roster of this session; a person counts once (the repositories never write double duty).
  const shifts = data.shifts
    .filter((s) => s.date === date && s.sessionStart === start && open.has(s.siteId) && people.has(s.staffId))
    .sort((a, b) => byId(a.siteId, b.siteId) || byId(a.id, b.id));
  const deskOf = new Map<string, CoverageShift>();
  for (const s of shifts) if (!deskOf.has(s.staffId)) deskOf.set(s.staffId, s);

  const here = (d: CoverageDecision) => d.date === date && d.sessionStart === start;
  const rejectedPeople = new Set(data.decisions.filter((d) => here(d) && d.status === 'rejected').map((d) => d.staffId));
  const planStaff = [...people.values()]
    .filter((p) => p.weekdays.includes(weekday) || deskOf.has(p.id))
    .map((p) => ({ id: p.id, homeSiteId: p.homeSiteId, roles: [...p.roles] }));

  const absenceOf = new Map<string, CoverageAbsence>();
  for (const stored of data.absences) {
    // At a desk, the person's absence counts against that desk's own session (a half day off in the
    // afternoon does not touch a desk closing at noon); free, against the latest end (see above).
    const desk = deskOf.get(stored.staffId);
    const until = desk ? open.get(desk.siteId)!.end : end;
    if (!planStaff.some((p) => p.id === stored.staffId) || !absenceCoversSession(stored, date, start, until)) continue;
    // The kind on this date (issue 7 item 9), not the stored kind of the absence's first day.
    const a = { ...stored, kind: absenceKindOn(stored, date) };
    // Several absences of one person: unplanned wins (as planDeskCover decision 1).
    if (absenceOf.get(a.staffId)?.kind !== 'unplanned') absenceOf.set(a.staffId, a);
  }

  const rostered: Record<string, string[]> = {};
  for (const s of deskOf.values()) (rostered[s.siteId] ??= []).push(s.staffId);
  const plan = planDeskCover({
    date,
    sites: data.sites.map((s) => ({ id: s.id, minStaff: open.has(s.id) ? s.minStaff : 0 })),
    staff: planStaff,
    rostered,
    absences: [...absenceOf.values()].map((a) => ({ staffId: a.staffId, kind: a.kind })),
    notProposable: planStaff.filter((p) => rejectedPeople.has(p.id) || (dutyElsewhere.has(p.id) && !deskOf.has(p.id))).map((p) => p.id),
  });

  const siteName = new Map(data.sites.map((s) => [s.id, s.name]));
  const cells: BoardCell[] = [];
  for (const site of data.sites) {
    const session = open.get(site.id);
    if (!session) continue;
    const desk: DeskEntry[] = [...deskOf.values()]
      .filter((s) => s.siteId === site.id)
      .map((s) => {
        const a = absenceOf.get(s.staffId);
        return {
          shiftId: s.id,
          staffId: s.staffId,
          name: people.get(s.staffId)!.name,
          source: s.source,
          coverSource: s.coverSource,
          absence: a ? { id: a.id, kind: a.kind, halfDay: a.halfDay } : null,
        };
      });
    const present = desk.filter((d) => d.absence === null).length;
    const gapKind: GapKind | null =
      present >= site.minStaff ? null : desk.some((d) => d.absence?.kind === 'unplanned') ? 'unplanned' : 'planned';
    const planned =
      (data.plannedSessions?.has(sessionKey(site.id, date, start)) ?? false) ||
      data.shifts.some((s) => s.siteId === site.id && s.date === date && s.sessionStart === start);
    const sitePlan = plan[site.id] ?? { status: 'uncovered' as const, proposals: [], escalateTo: 'GF' as const };
    const proposals: CellProposal[] = sitePlan.proposals.map((p) => {
      const person = people.get(p.staffId)!;
      return {
        staffId: p.staffId,
        name: person.name,
        homeSiteId: person.homeSiteId,
        homeSiteName: siteName.get(person.homeSiteId) ?? '?',
        source: p.source,
        decidedBy: p.decidedBy,
        inform: p.inform as Role[],
        why: proposalWhy(p.source, gapKind, siteName.get(person.homeSiteId) ?? '?'),
      };
    });
    const decisions = data.decisions.filter((d) => here(d) && d.siteId === site.id);
    const cell: BoardCell = {
      siteId: site.id,
      siteName: site.name,
      date,
      sessionStart: start,
      sessionEnd: session.end,
      status: sitePlan.status,
      reason: '',
      minStaff: site.minStaff,
      present,
      gapKind,
      desk,
      proposals,
      escalateTo: sitePlan.escalateTo,
      accepted: decisions.filter((d) => d.status === 'accepted'),
      rejected: decisions.filter((d) => d.status === 'rejected'),
      planned,
      past: now !== undefined && berlinInstant(date, session.end).getTime() <= now.getTime(),
    };
    cell.reason = describeCell(cell);
    cells.push(cell);
  }
  return cells;
}

/** Why §4.5 proposes this source here (shown next to the proposal). */
function proposalWhy(source: CoverSource, gapKind: GapKind | null, homeSiteName: string): string {
  switch (source) {
    case 'ez-same-site':
      return 'Freie Kraft der Eingangszone am Standort – Vertretung zuerst innerhalb des Standorts (GA §4.5).';
    case 'ez-other-site':
      return `Standortübergreifende Vertretung aus ${homeSiteName}: dort bleibt die Mindestbesetzung erhalten und mehr als eine Kraft der Eingangszone anwesend (GA §4.5).`;
    case 'lb-same-site':
      return gapKind === 'unplanned'
        ? 'Kurzfristiger Ausfall: zuerst besetzt der Leistungsbereich vor Ort die Anlaufstelle (GA §4.5).'
        : 'Keine Vertretung durch die Eingangszone möglich: der Leistungsbereich vor Ort besetzt die Anlaufstelle (GA §4.5).';
  }
}

/**
 * How an absence is named outside the absence list (board, inbox, OS notifications): its kind only,
 * never its reason – "Krankheit" is health data (GDPR Art. 9) and desk PCs are seen by many.
 */
export const ABSENT_TEXT: Record<AbsenceKind, string> = { planned: 'geplant abwesend', unplanned: 'ungeplant abwesend' };

const absentText = (d: DeskEntry) => `${d.name} ${ABSENT_TEXT[d.absence!.kind]}`;

/** The German one-liner of a cell (issue #3 item 5: "… with the reason"). */
export function describeCell(cell: BoardCell): string {
  if (cell.status === 'closed') return cell.reason;
  const present = cell.desk.filter((d) => d.absence === null);
  const absent = cell.desk.filter((d) => d.absence !== null).map(absentText);
  if (cell.status === 'covered') {
    const names = present.map((d) =>
      d.source === 'cover' && d.coverSource ? `${d.name} (Vertretung: ${COVER_SOURCE_LABELS[d.coverSource]})` : d.name,
    );
    return [`Besetzt: ${names.join(', ')}.`, absent.length > 0 ? `${absent.join('; ')}.` : ''].filter(Boolean).join(' ');
  }
  let gap: string;
  if (absent.length > 0) gap = absent.join('; ');
  else if (cell.desk.length === 0) gap = cell.planned ? 'niemand eingeteilt' : 'noch nicht eingeteilt (Wochenplan erstellen)';
  else gap = `nur ${cell.present} von ${cell.minStaff} eingeteilt`;
  const proposals = cell.proposals
    .map((p) => `${p.name} (${COVER_SOURCE_LABELS[p.source]}) – entscheidet: ${ROLE_LABELS[p.decidedBy]}`)
    .join('; ');
  if (cell.status === 'at-risk') return `Lücke: ${gap}. Vorschlag: ${proposals}.`;
  const partial = cell.proposals.length > 0 ? ` Vorschläge decken die Lücke nur teilweise: ${proposals}.` : ' Keine Vertretung möglich.';
  return `Nicht besetzt: ${gap}.${partial} Die Geschäftsführung entscheidet über das weitere Vorgehen (GA §4.5).`;
}

// ── who decides, who is told ──────────────────────────────────────────────────────────────────

export interface DeciderLike {
  roles: readonly Role[];
  homeSiteId: string;
  active: boolean;
}

/**
 * May `actor` accept or reject a proposal decided by `decidedBy` for `siteId`?
 * - FM: the standortverantwortliche FM of that site (home site = siteId); also TL Eingangszone,
 *   because "Erst bei Unstimmigkeiten ist die Teamleitung zu beteiligen" (§4.5).
 * - TL_EZ / TL_LB: a person holding that role ("Die Teamleitung Eingangszone entscheidet …
 *   standortübergreifende Vertretung"; "Diese [TL Leistung] koordiniert dann die Vertretung").
 * - GF may always decide: "Sollte im Ausnahmefall keine Besetzung … möglich sein, entscheidet
 *   die Geschäftsführung".
 */
export function canDecide(actor: DeciderLike, decidedBy: CoverDeciderRole, siteId: string): boolean {
  if (!actor.active) return false;
  if (actor.roles.includes('GF')) return true;
  if (decidedBy === 'FM') return (actor.roles.includes('FM') && actor.homeSiteId === siteId) || actor.roles.includes('TL_EZ');
  return actor.roles.includes(decidedBy);
}

export interface Recipient {
  role: Role;
  /** For FM: whose site's FM. For the others: the site the message is about. */
  siteId: string;
}

/**
 * The roles to inform about a proposal, resolved to recipients: 'FM' is the FM of the covered
 * site and, for cross-site cover, also of the lending site (desk-cover.ts decision 8).
 */
export function informRecipients(siteId: string, proposal: Pick<CellProposal, 'inform' | 'source' | 'homeSiteId'>): Recipient[] {
  const out: Recipient[] = [];
  const add = (r: Recipient) => {
    if (!out.some((x) => x.role === r.role && x.siteId === r.siteId)) out.push(r);
  };
  for (const role of proposal.inform) {
    add({ role, siteId });
    if (role === 'FM' && proposal.source === 'ez-other-site') add({ role, siteId: proposal.homeSiteId });
  }
  return out;
}

/** The recipient who decides a proposal (the site's FM for same-site cover). */
export function deciderRecipient(siteId: string, proposal: Pick<CellProposal, 'decidedBy'>): Recipient {
  return { role: proposal.decidedBy, siteId };
}

// The model's vocabulary and planDeskCover's must name the same sources and deciders.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sourcesMatch: Same<CoverSourceId, CoverSource> = true;
const decidersMatch: Same<CoverDeciderRole, CoverDecider> = true;
void sourcesMatch;
void decidersMatch;
