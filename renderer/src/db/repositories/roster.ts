import { addDays, berlinDate, berlinWeekday } from '@shared/domain/calendar';
import { absenceCoversSession, deskSessionsOn, formatSessionDate, sessionKey, sessionsOverlap, weekDates, weekStartOf, type DeskSession } from '@shared/domain/desk-sessions';
import { deskModeOf, type DeskModeResult } from '@shared/domain/lb-cover';
import { draftWeekRoster } from '@shared/domain/roster-draft';
import type { CoverDecision, DeskShift, ShiftAssignInput, Staff } from '@shared/model';
import { sessionRefSchema, shiftAssignInputSchema, shiftAssignInputSchemaOn, weekStartSchemaOn } from '@shared/model';
import type { AnlaufstelleDB } from '../db';
import { checkContext, checkDate, checkId, checkInstant, isLive, logChange, NotFoundError, parseOrThrow, stampNew, stampUpdate, todayOf, ValidationError, type WriteContext } from './base';
import { boardNoticeTables, notified, standInOff, withBoardNotices, type Notified } from './board-notices';

/**
 * The desk roster (issue #3 item 3, SPEC §1 "Besetzung" = DeskShift): who staffs which desk in
 * each opening session. Drafted from the EZ clerks' weekday patterns (shared/domain/roster-draft),
 * then edited entry by entry – assign, unassign, replace – which a keyboard UI maps to one key
 * each. Accepted cover adds entries with source 'cover' (cover.ts).
 */

/** Live roster entries with date in [from, to]. */
export async function shiftsBetween(db: AnlaufstelleDB, from: string, to: string): Promise<DeskShift[]> {
  checkDate(from, 'Erster Tag');
  checkDate(to, 'Letzter Tag');
  return db.shifts.where('date').between(from, addDays(to, 1)).filter(isLive).toArray();
}

/** Live roster entries of one site and date (all its sessions). */
export async function shiftsOfSiteDay(db: AnlaufstelleDB, siteId: string, date: string): Promise<DeskShift[]> {
  checkId(siteId, 'den Standort');
  checkDate(date, 'Datum');
  return db.shifts.where('[siteId+date]').equals([siteId, date]).filter(isLive).toArray();
}

/**
 * Drafts the week starting Monday `weekStart` from weekday patterns: only sessions that have never
 * had a roster entry (tombstones count – a session emptied by hand stays empty), so it is safe to
 * call whenever a week is opened. Returns the new entries, and the notices for the gaps the draft
 * shows (a clerk drafted who is known to be absent): seed §4.5 "so früh wie möglich".
 */
export async function draftWeek(
  db: AnlaufstelleDB,
  weekStart: string,
  ctx: WriteContext,
): Promise<{ created: DeskShift[] } & Notified> {
  checkContext(ctx);
  parseOrThrow(weekStartSchemaOn(todayOf(ctx)), weekStart);
  if (weekStartOf(weekStart) !== weekStart) throw new ValidationError('Eine Woche beginnt am Montag.');
  const sunday = addDays(weekStart, 6);
  return db.transaction('rw', boardNoticeTables(db), async () => {
    const [sites, staff, weekShifts, closures, absences] = await Promise.all([
      db.sites.filter(isLive).toArray(),
      db.staff.filter(isLive).toArray(),
      db.shifts.where('date').between(weekStart, addDays(sunday, 1)).toArray(),
      db.closures.where('date').between(weekStart, addDays(sunday, 1)).filter(isLive).toArray(),
      db.absences.where('to').aboveOrEqual(weekStart).filter((a) => isLive(a) && a.from <= sunday).toArray(),
    ]);
    const drafts = draftWeekRoster({
      weekStart,
      sites,
      staff,
      closures,
      absences,
      skip: new Set(weekShifts.map((s) => sessionKey(s.siteId, s.date, s.sessionStart))),
      existing: weekShifts.filter(isLive),
    });
    const created: DeskShift[] = drafts.map((d) => ({
      ...stampNew(ctx),
      ...d,
      source: 'pattern',
      coverSource: null,
      coverDecisionId: null,
    }));
    if (created.length === 0) return { created, ...notified([], ctx) };
    const dates = created.map((s) => s.date).sort();
    const messages = await withBoardNotices(db, [{ from: dates[0]!, to: dates[dates.length - 1]! }], ctx, {
      write: async () => {
        for (const s of created) {
          await db.shifts.add(s);
          await logChange(db, 'shifts', s.id, 'put', ctx);
        }
      },
      cause: `Besetzungsplan der Woche ab ${formatSessionDate(weekStart)} erstellt.`,
      trigger: `draft:${created[0]!.id}`,
      drafts: true,
    });
    return { created, ...notified(messages, ctx) };
  });
}

/**
 * Puts one of the site's own EZ clerks on desk duty in one session by hand (source 'manual').
 * Proposals the entry makes void (the gap it closes) are told to whoever was asked to decide them.
 */
export async function assignShift(
  db: AnlaufstelleDB,
  raw: ShiftAssignInput,
  ctx: WriteContext,
): Promise<{ shift: DeskShift } & Notified> {
  checkContext(ctx);
  const input = parseOrThrow(shiftAssignInputSchemaOn(todayOf(ctx)), raw);
  return db.transaction('rw', boardNoticeTables(db), async () => {
    await assertAssignable(db, input);
    const shift: DeskShift = {
      ...stampNew(ctx),
      ...input,
      source: 'manual',
      coverSource: null,
      coverDecisionId: null,
    };
    const messages = await withBoardNotices(db, [{ from: shift.date, to: shift.date }], ctx, {
      write: async () => {
        await db.shifts.add(shift);
        await logChange(db, 'shifts', shift.id, 'put', ctx);
      },
      cause: `${await where(db, shift)}: ${await nameOf(db, shift.staffId)} in den Besetzungsplan eingetragen.`,
      trigger: `assign:${shift.id}`,
      refs: { siteId: shift.siteId, date: shift.date, sessionStart: shift.sessionStart },
    });
    return { shift, ...notified(messages, ctx) };
  });
}

/**
 * Takes an entry off the roster (tombstone). An accepted cover entry takes its decision with it:
 * the cover no longer stands, and the board may propose again.
 */
export async function unassignShift(db: AnlaufstelleDB, shiftId: string, ctx: WriteContext): Promise<Notified> {
  checkId(shiftId, 'den Eintrag');
  checkContext(ctx);
  return db.transaction('rw', boardNoticeTables(db), async () => {
    const shift = await db.shifts.get(shiftId);
    if (!isLive(shift)) throw new NotFoundError('Dieser Eintrag steht nicht mehr im Besetzungsplan.');
    const cover = await coverOf(db, shift);
    const messages = await withBoardNotices(db, [{ from: shift.date, to: shift.date }], ctx, {
      write: () => tombstoneShift(db, shift, ctx),
      cause: `${await where(db, shift)}: ${await nameOf(db, shift.staffId)} aus dem Besetzungsplan genommen.`,
      trigger: `unassign:${shift.id}`,
      refs: { siteId: shift.siteId, date: shift.date, sessionStart: shift.sessionStart },
    });
    if (cover) messages.push(...(await standInOff(db, cover, `unassign:${shift.id}`, ctx)));
    return notified(messages, ctx);
  });
}

/** Swaps the person of an entry (one transaction: the old entry goes, a manual one comes). */
export async function replaceShift(
  db: AnlaufstelleDB,
  shiftId: string,
  staffId: string,
  ctx: WriteContext,
): Promise<{ shift: DeskShift } & Notified> {
  checkId(shiftId, 'den Eintrag');
  checkId(staffId, 'die Person');
  checkContext(ctx);
  return db.transaction('rw', boardNoticeTables(db), async () => {
    const old = await db.shifts.get(shiftId);
    if (!isLive(old)) throw new NotFoundError('Dieser Eintrag steht nicht mehr im Besetzungsplan.');
    if (old.staffId === staffId) return { shift: old, ...notified([], ctx) };
    const input = parseOrThrow(shiftAssignInputSchema, {
      siteId: old.siteId,
      date: old.date,
      sessionStart: old.sessionStart,
      staffId,
    });
    await assertAssignable(db, input);
    const shift: DeskShift = { ...stampNew(ctx), ...input, source: 'manual', coverSource: null, coverDecisionId: null };
    const cover = await coverOf(db, old);
    const messages = await withBoardNotices(db, [{ from: old.date, to: old.date }], ctx, {
      write: async () => {
        await tombstoneShift(db, old, ctx);
        await db.shifts.add(shift);
        await logChange(db, 'shifts', shift.id, 'put', ctx);
      },
      cause: `${await where(db, old)}: ${await nameOf(db, old.staffId)} durch ${await nameOf(db, staffId)} ersetzt.`,
      trigger: `replace:${old.id}`,
      refs: { siteId: old.siteId, date: old.date, sessionStart: old.sessionStart },
    });
    if (cover) messages.push(...(await standInOff(db, cover, `replace:${old.id}`, ctx)));
    return { shift, ...notified(messages, ctx) };
  });
}

/** The accepted decision behind a live cover entry (its stand-in is told when it goes), or null. */
async function coverOf(db: AnlaufstelleDB, shift: DeskShift): Promise<CoverDecision | null> {
  const decision = shift.coverDecisionId ? await db.coverDecisions.get(shift.coverDecisionId) : undefined;
  return isLive(decision) ? decision : null;
}

async function nameOf(db: AnlaufstelleDB, staffId: string): Promise<string> {
  return (await db.staff.get(staffId))?.name ?? 'Unbekannt';
}

/** "Bad Ems, Do, 26.11.2026, 08:00" – the session a notice is about. */
async function where(db: AnlaufstelleDB, s: Pick<DeskShift, 'siteId' | 'date' | 'sessionStart'>): Promise<string> {
  return `${(await db.sites.get(s.siteId))?.name ?? '?'}, ${formatSessionDate(s.date)}, ${s.sessionStart}`;
}

/**
 * Tombstones a roster entry and, for a cover entry, its accepted decision. A cross-site loan that
 * had taken the clerk off their own desk (decision.releasedShiftId) gives that entry back: the
 * clerk stays home again, and the lender's desk is staffed as before (the weekly draft never
 * refills a session that had an entry). Not when the person is leaving (`restoreReleased: false`,
 * deactivation). Call inside a transaction with shifts, coverDecisions and outbox.
 */
export async function tombstoneShift(
  db: AnlaufstelleDB,
  shift: DeskShift,
  ctx: WriteContext,
  options: { restoreReleased?: boolean } = {},
): Promise<void> {
  const at = ctx.now.toISOString();
  await db.shifts.put({ ...stampUpdate(shift, ctx), deletedAt: at });
  await logChange(db, 'shifts', shift.id, 'delete', ctx);
  if (shift.coverDecisionId) {
    const decision = await db.coverDecisions.get(shift.coverDecisionId);
    if (isLive(decision)) {
      await db.coverDecisions.put({ ...stampUpdate(decision, ctx), deletedAt: at });
      await logChange(db, 'coverDecisions', decision.id, 'delete', ctx);
      if (decision.releasedShiftId && options.restoreReleased !== false) await restoreShift(db, decision.releasedShiftId, ctx);
    }
  }
}

/** Un-tombstones a roster entry unless its person is on duty elsewhere at that time by now. */
async function restoreShift(db: AnlaufstelleDB, shiftId: string, ctx: WriteContext): Promise<void> {
  const released = await db.shifts.get(shiftId);
  if (!released || released.deletedAt === null) return;
  const session = await sessionOfShift(db, released);
  if (session === null || (await dutyAtTheSameTime(db, released.staffId, session))) return;
  await db.shifts.put({ ...stampUpdate(released, ctx), deletedAt: null });
  await logChange(db, 'shifts', shiftId, 'put', ctx);
}

/** Refuses an entry the roster cannot hold; German messages. Inside a transaction. */
async function assertAssignable(
  db: AnlaufstelleDB,
  input: { siteId: string; date: string; sessionStart: string; staffId: string },
): Promise<void> {
  const site = await db.sites.get(input.siteId);
  if (!isLive(site)) throw new NotFoundError('Dieser Standort ist unbekannt.');
  const person = await db.staff.get(input.staffId);
  if (!isLive(person)) throw new NotFoundError('Diese Person gibt es nicht mehr.');
  if (!person.active) throw new ValidationError(`${person.name} ist nicht mehr aktiv und kann nicht eingeteilt werden.`);
  // Seed §4.5: cover from another site (TL Eingangszone decides, within the lending limit) or by the
  // Leistungsbereich (TL Leistung coordinates, and must hear of it at once) is a decision on the
  // board, never a plain roster entry that would skip both.
  if (person.homeSiteId !== site.id || !person.roles.includes('EZ')) {
    throw new ValidationError(
      `Im Besetzungsplan stehen nur die Kräfte der Eingangszone ${site.name}. ${person.name} kann nur als Vertretung ` +
        'eingesetzt werden: über die Vorschläge in der Übersicht, entschieden nach GA §4.5.',
    );
  }
  const closures = await db.closures.where('date').equals(input.date).filter(isLive).toArray();
  const session = deskSessionsOn(site, input.date, closures).find((s) => s.start === input.sessionStart);
  if (!session) {
    throw new ValidationError(`Die Anlaufstelle ${site.name} hat an diesem Tag keine Öffnungszeit um ${input.sessionStart} Uhr.`);
  }
  if (session.closed !== null) throw new ValidationError(`Die Anlaufstelle ${site.name} ist an diesem Tag geschlossen: ${session.closed}.`);
  // Nobody works two desks at once (planDeskCover refuses a person rostered twice) – also where
  // sites keep different hours and the sessions overlap.
  const same = await dutyAtTheSameTime(db, input.staffId, session);
  if (same) {
    const where = same.siteId === site.id ? 'hier' : `in ${(await db.sites.get(same.siteId))?.name ?? 'einem anderen Standort'}`;
    throw new ValidationError(`${person.name} ist in dieser Öffnungszeit bereits ${where} eingeteilt.`);
  }
}

/** The opening session a roster entry stands in, or null when its site no longer has it. */
async function sessionOfShift(db: AnlaufstelleDB, shift: DeskShift): Promise<DeskSession | null> {
  const site = await db.sites.get(shift.siteId);
  if (!isLive(site)) return null;
  const closures = await db.closures.where('date').equals(shift.date).filter(isLive).toArray();
  return deskSessionsOn(site, shift.date, closures).find((s) => s.start === shift.sessionStart) ?? null;
}

/** The person's live roster entry, at any desk, whose session shares time with `session`. */
async function dutyAtTheSameTime(db: AnlaufstelleDB, staffId: string, session: Pick<DeskSession, 'date' | 'start' | 'end'>): Promise<DeskShift | undefined> {
  const theirs = await db.shifts.where('date').equals(session.date).filter((s) => isLive(s) && s.staffId === staffId).toArray();
  for (const s of theirs) {
    if (s.sessionStart === session.start) return s;
    const other = await sessionOfShift(db, s);
    if (other !== null && sessionsOverlap(other, session)) return s;
  }
  return undefined;
}

// ── reads for the roster screen and the counter ───────────────────────────────────────────────

export interface RosterSession {
  siteId: string;
  date: string;
  start: string;
  end: string;
  /** German reason when the session does not take place. */
  closed: string | null;
  shifts: DeskShift[];
}

/** The week's sessions of every site with their entries, in date, site-id, start order. */
export async function rosterWeek(db: AnlaufstelleDB, weekStart: string): Promise<RosterSession[]> {
  checkDate(weekStart, 'Die Woche');
  const sunday = addDays(weekStart, 6);
  const [sites, shifts, closures] = await Promise.all([
    db.sites.filter(isLive).toArray(),
    shiftsBetween(db, weekStart, sunday),
    db.closures.where('date').between(weekStart, addDays(sunday, 1)).filter(isLive).toArray(),
  ]);
  const out: RosterSession[] = [];
  for (const date of weekDates(weekStart)) {
    for (const site of [...sites].sort((a, b) => a.name.localeCompare(b.name, 'de'))) {
      for (const s of deskSessionsOn(site, date, closures)) {
        out.push({
          ...s,
          shifts: shifts.filter((x) => x.siteId === site.id && x.date === date && x.sessionStart === s.start),
        });
      }
    }
  }
  return out;
}

export interface AssignCandidate {
  staff: Staff;
  /** The person works this weekday by pattern. */
  worksThatDay: boolean;
  /** Absent in this session (an absence covers it). */
  absent: boolean;
  /** Name of the site where the person is already on duty in this session, or null. */
  onDutyAt: string | null;
}

/**
 * Who can be put on this session's desk by hand, best first – for a keyboard picker: the site's
 * active EZ clerks (cover from elsewhere is decided on the board, see assertAssignable), present
 * before absent, working that weekday before not, then by name. People already at this desk are
 * left out.
 */
export async function assignCandidates(
  db: AnlaufstelleDB,
  ref: { siteId: string; date: string; sessionStart: string },
): Promise<AssignCandidate[]> {
  parseOrThrow(sessionRefSchema, ref);
  const [sites, staff, shifts, absences, closures] = await Promise.all([
    db.sites.filter(isLive).toArray(),
    db.staff.filter((p) => isLive(p) && p.active).toArray(),
    db.shifts.where('date').equals(ref.date).filter((s) => isLive(s) && s.sessionStart === ref.sessionStart).toArray(),
    db.absences.where('to').aboveOrEqual(ref.date).filter((a) => isLive(a) && a.from <= ref.date).toArray(),
    db.closures.where('date').equals(ref.date).filter(isLive).toArray(),
  ]);
  const site = sites.find((s) => s.id === ref.siteId);
  if (!site) return [];
  const session = deskSessionsOn(site, ref.date, closures).find((s) => s.start === ref.sessionStart);
  const end = session?.end ?? ref.sessionStart;
  const weekday = berlinWeekday(ref.date);
  return staff
    .filter((p) => p.homeSiteId === site.id && p.roles.includes('EZ'))
    .filter((p) => !shifts.some((s) => s.staffId === p.id && s.siteId === site.id))
    .map((p) => {
      const elsewhere = shifts.find((s) => s.staffId === p.id);
      return {
        staff: p,
        worksThatDay: p.weekdays.includes(weekday),
        absent: absences.some((a) => a.staffId === p.id && absenceCoversSession(a, ref.date, ref.sessionStart, end)),
        onDutyAt: elsewhere ? (sites.find((s) => s.id === elsewhere.siteId)?.name ?? '?') : null,
      };
    })
    .sort(
      (a, b) =>
        Number(a.absent) - Number(b.absent) ||
        Number(b.worksThatDay) - Number(a.worksThatDay) ||
        a.staff.name.localeCompare(b.staff.name, 'de'),
    );
}

/**
 * LB cover mode of a desk at `now` (seed §4.5 "Aufgaben im Vertretungsfall"), for useDeskMode():
 * today's roster of all sites, today's absences and closures – a handful of rows by index.
 */
export async function readDeskMode(db: AnlaufstelleDB, siteId: string, now: Date): Promise<DeskModeResult> {
  checkId(siteId, 'den Standort');
  checkInstant(now);
  return deskModeOf({ siteId, now, ...(await readDeskDay(db, now)) });
}

/** Desk modes of every site at `now` from one read of today's rows (not one read per site). */
export async function readDeskModes(db: AnlaufstelleDB, now: Date): Promise<Map<string, DeskModeResult>> {
  checkInstant(now);
  const day = await readDeskDay(db, now);
  return new Map(day.sites.map((s) => [s.id, deskModeOf({ siteId: s.id, now, ...day })]));
}

async function readDeskDay(db: AnlaufstelleDB, now: Date) {
  const today = berlinDate(now);
  const [sites, staff, shifts, absences, closures] = await Promise.all([
    db.sites.filter(isLive).toArray(),
    db.staff.filter(isLive).toArray(),
    db.shifts.where('date').equals(today).filter(isLive).toArray(),
    db.absences.where('to').aboveOrEqual(today).filter((a) => isLive(a) && a.from <= today).toArray(),
    db.closures.where('date').equals(today).filter(isLive).toArray(),
  ]);
  return { sites, staff, shifts, absences, closures };
}
