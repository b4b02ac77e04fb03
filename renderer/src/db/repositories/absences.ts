import { classifyAbsenceKind } from '@shared/domain/absence-kind';
import { addDays, berlinDate } from '@shared/domain/calendar';
import { changedNotices, type CellChange } from '@shared/domain/cover-notices';
import { coverageOfDate, type BoardCell } from '@shared/domain/coverage';
import { formatSessionDate, sessionKey } from '@shared/domain/desk-sessions';
import type { NotificationRequest } from '@shared/bridge/contract';
import type { Absence, AbsenceInput, AbsencePatch, InboxMessage, Staff } from '@shared/model';
import { ABSENCE_KIND_LABELS, ABSENCE_REASON_LABELS, HALF_DAY_LABELS, absenceInputSchema, absencePatchSchema } from '@shared/model';
import type { AnlaufstelleDB } from '../db';
import { isLive, logChange, NotFoundError, parseOrThrow, stampNew, stampUpdate, ValidationError, type WriteContext } from './base';
import { coverageTables, loadCoverageData } from './coverage-data';
import { storeNotices, toNotification } from './inbox';

/**
 * Absences (issue #3 item 4): planned (vacation, training) or unplanned (sickness, short notice),
 * a date range or a half day. The kind follows the registration date unless marked otherwise
 * (shared/domain/absence-kind.ts).
 *
 * Registering, changing or withdrawing one tells the roles concerned at once – the deciders of new
 * proposals, TL Leistung when LB cover is now proposed, "so früh wie möglich" (seed §4.5). Not only
 * the absent person's own desk duties count: a free clerk's absence can move another gap's proposal
 * (the site's last free EZ clerk is gone → LB cover) or end a cross-site loan elsewhere, because
 * planDeskCover decides a session for all sites at once. So each write compares the board of the
 * absence's days before and after it, inside its transaction, and tells only what changed
 * (shared/domain/cover-notices.ts `changedNotices`).
 */

export interface AbsenceOutcome {
  absence: Absence;
  /** Inbox messages stored for what the write changed on the board (empty if nothing). */
  messages: InboxMessage[];
  /** The same as OS notifications, for platform.notify. */
  notifications: NotificationRequest[];
}

const live = <T extends { deletedAt: string | null }>(r: T) => r.deletedAt === null;

function tables(db: AnlaufstelleDB) {
  return [...coverageTables(db), db.inbox, db.outbox];
}

export async function registerAbsence(db: AnlaufstelleDB, raw: AbsenceInput, ctx: WriteContext): Promise<AbsenceOutcome> {
  const input = parseOrThrow(absenceInputSchema, raw);
  return db.transaction('rw', tables(db), async () => {
    const person = await activePerson(db, input.staffId);
    await assertNoOverlap(db, person, input, null);
    const absence: Absence = {
      ...stampNew(ctx),
      staffId: input.staffId,
      from: input.from,
      to: input.to,
      halfDay: input.halfDay,
      reason: input.reason,
      kind: classifyAbsenceKind({ from: input.from, to: input.to, registeredAt: ctx.now, marked: input.kind ?? null }),
      kindOverridden: input.kind !== undefined,
      registeredAt: ctx.now.toISOString(),
      note: input.note,
    };
    const messages = await withBoardNotices(db, [absence], ctx, {
      write: async () => {
        await db.absences.add(absence);
        await logChange(db, 'absences', absence.id, 'put', ctx);
      },
      cause: causeOf(person.name, 'eingetragen', absence),
      trigger: `absence:${absence.id}`,
      absenceId: absence.id,
    });
    return { absence, messages, notifications: messages.map(toNotification) };
  });
}

/**
 * Changes an absence. A change that adds days (earlier start, later end, a half day made whole) is
 * a new registration of those days: the registration time becomes now and, unless the kind is
 * marked, it is classified again – an extension of a sick leave on its last day is short notice.
 * `kind: null` hands the kind back to the registration-date rule.
 */
export async function updateAbsence(
  db: AnlaufstelleDB,
  id: string,
  raw: AbsencePatch,
  ctx: WriteContext,
): Promise<AbsenceOutcome> {
  const patch = parseOrThrow(absencePatchSchema, raw);
  return db.transaction('rw', tables(db), async () => {
    const current = await db.absences.get(id);
    if (!isLive(current)) throw new NotFoundError('Diese Abwesenheit ist nicht mehr eingetragen.');
    const person = await activePerson(db, current.staffId);
    const merged = parseOrThrow(absenceInputSchema, {
      staffId: current.staffId,
      from: patch.from ?? current.from,
      to: patch.to ?? current.to,
      halfDay: patch.halfDay ?? current.halfDay,
      reason: patch.reason ?? current.reason,
      note: patch.note ?? current.note,
    });
    await assertNoOverlap(db, person, merged, id);
    const grows =
      merged.from < current.from ||
      merged.to > current.to ||
      (current.halfDay !== 'none' && merged.halfDay !== current.halfDay);
    const registeredAt = grows ? ctx.now : new Date(current.registeredAt);
    const marked = patch.kind === undefined ? (current.kindOverridden ? current.kind : null) : patch.kind;
    const next = stampUpdate(
      {
        ...current,
        from: merged.from,
        to: merged.to,
        halfDay: merged.halfDay,
        reason: merged.reason,
        note: merged.note,
        registeredAt: registeredAt.toISOString(),
        kind: classifyAbsenceKind({ from: merged.from, to: merged.to, registeredAt, marked }),
        kindOverridden: marked !== null,
      },
      ctx,
    );
    // The days it no longer covers may lose a gap, the new ones may open one: both spans count.
    const messages = await withBoardNotices(db, [current, next], ctx, {
      write: async () => {
        await db.absences.put(next);
        await logChange(db, 'absences', id, 'put', ctx);
      },
      cause: causeOf(person.name, 'geändert', next),
      trigger: `absence:${id}:${next.updatedAt}`,
      absenceId: id,
    });
    return { absence: next, messages, notifications: messages.map(toNotification) };
  });
}

/**
 * Withdraws an absence (tombstone). Cover already accepted for it stays on the roster (the cell
 * stays covered, so nobody is told anything). Proposals the absence had caused become void: their
 * decider and the roles told of them hear so, "zur Kenntnis" – TL Leistung stops coordinating an
 * LB cover that is no longer needed; nobody is asked to decide anything for a gap that closed. If
 * the returning person makes a better proposal possible elsewhere (an EZ clerk instead of LB
 * cover), its decider is asked as for any new proposal.
 */
export async function cancelAbsence(db: AnlaufstelleDB, id: string, ctx: WriteContext): Promise<AbsenceOutcome> {
  return db.transaction('rw', tables(db), async () => {
    const current = await db.absences.get(id);
    if (!isLive(current)) throw new NotFoundError('Diese Abwesenheit ist nicht mehr eingetragen.');
    const withdrawn: Absence = { ...stampUpdate(current, ctx), deletedAt: ctx.now.toISOString() };
    const name = (await db.staff.get(current.staffId))?.name ?? 'Unbekannt';
    const messages = await withBoardNotices(db, [current], ctx, {
      write: async () => {
        await db.absences.put(withdrawn);
        await logChange(db, 'absences', id, 'delete', ctx);
      },
      cause: causeOf(name, 'zurückgenommen', current),
      trigger: `absence:${id}:withdrawn`,
      absenceId: id,
    });
    return { absence: withdrawn, messages, notifications: messages.map(toNotification) };
  });
}

/** Live absences touching [from, to], by start date. */
export async function absencesBetween(db: AnlaufstelleDB, from: string, to: string): Promise<Absence[]> {
  const rows = await db.absences
    .where('to')
    .aboveOrEqual(from)
    .filter((a) => live(a) && a.from <= to)
    .toArray();
  return rows.sort((a, b) => a.from.localeCompare(b.from) || a.staffId.localeCompare(b.staffId));
}

/** A person's live absences, newest first. */
export async function absencesOf(db: AnlaufstelleDB, staffId: string): Promise<Absence[]> {
  const rows = await db.absences.where('staffId').equals(staffId).filter(live).toArray();
  return rows.sort((a, b) => b.from.localeCompare(a.from));
}

// ── helpers (inside the write's transaction) ──────────────────────────────────────────────────

async function activePerson(db: AnlaufstelleDB, staffId: string): Promise<Staff> {
  const person = await db.staff.get(staffId);
  if (!isLive(person)) throw new NotFoundError('Diese Person gibt es nicht mehr.');
  if (!person.active) throw new ValidationError(`${person.name} ist nicht mehr aktiv.`);
  return person;
}

const halves = (a: { halfDay: Absence['halfDay'] }) => (a.halfDay === 'none' ? ['am', 'pm'] : [a.halfDay]);

/** One person cannot be absent twice at the same time; a morning and an afternoon may share a day. */
async function assertNoOverlap(
  db: AnlaufstelleDB,
  person: Staff,
  a: { from: string; to: string; halfDay: Absence['halfDay'] },
  ignoreId: string | null,
): Promise<void> {
  const others = await db.absences
    .where('staffId')
    .equals(person.id)
    .filter((o) => live(o) && o.id !== ignoreId && o.from <= a.to && o.to >= a.from)
    .toArray();
  const order = { none: 0, am: 1, pm: 2 } as const;
  const clash = others
    .filter((o) => halves(o).some((h) => halves(a).includes(h)))
    .sort((x, y) => x.from.localeCompare(y.from) || order[x.halfDay] - order[y.halfDay])[0];
  if (clash) {
    throw new ValidationError(
      `Für ${person.name} ist in diesem Zeitraum bereits eine Abwesenheit eingetragen (${ABSENCE_REASON_LABELS[clash.reason]}, ${span(clash)}).`,
    );
  }
}

function span(a: Pick<Absence, 'from' | 'to' | 'halfDay'>): string {
  if (a.from === a.to) return `${formatSessionDate(a.from)}${a.halfDay === 'none' ? '' : `, ${HALF_DAY_LABELS[a.halfDay]}`}`;
  return `${formatSessionDate(a.from)} bis ${formatSessionDate(a.to)}`;
}

type Span = Pick<Absence, 'from' | 'to'>;

function causeOf(name: string, verb: string, a: Pick<Absence, 'reason' | 'kind' | 'from' | 'to' | 'halfDay'>): string {
  return `Abwesenheit von ${name} ${verb}: ${ABSENCE_REASON_LABELS[a.reason]} (${ABSENCE_KIND_LABELS[a.kind]}), ${span(a)}.`;
}

/**
 * Runs `write` and stores the notices for what it changed on the coverage board of the spans'
 * days (seed §4.5 "so früh wie möglich zu informieren"). The "before" board is computed inside the
 * same transaction before the write, so both sides see the same roster and decisions.
 */
async function withBoardNotices(
  db: AnlaufstelleDB,
  spans: readonly Span[],
  ctx: WriteContext,
  o: { write: () => Promise<void>; cause: string; trigger: string; absenceId: string },
): Promise<InboxMessage[]> {
  const ranges = await boardRanges(db, spans, berlinDate(ctx.now));
  const before = await boardCells(db, ranges, ctx.now);
  await o.write();
  if (ranges.length === 0) return [];
  const after = await boardCells(db, ranges, ctx.now);
  const changes: CellChange[] = [];
  for (const [key, cell] of after) {
    const was = before.get(key);
    if (was) changes.push({ before: was, after: cell });
  }
  return storeNotices(db, changedNotices(changes, o.cause, { absenceId: o.absenceId }), o.trigger, ctx);
}

/**
 * The date ranges to recompute: the spans from today on, merged where they touch, each cut at the
 * last date that has a roster entry (tombstones count) – later sessions are not drafted yet, so
 * they hold no gap to tell anyone about (coverage.ts `planned`). Cheap: one index lookup per span.
 */
async function boardRanges(db: AnlaufstelleDB, spans: readonly Span[], today: string): Promise<Span[]> {
  const sorted = spans
    .map((s) => ({ from: s.from > today ? s.from : today, to: s.to }))
    .filter((s) => s.from <= s.to)
    .sort((a, b) => a.from.localeCompare(b.from));
  const merged: Span[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.from <= addDays(last.to, 1)) last.to = s.to > last.to ? s.to : last.to;
    else merged.push({ ...s });
  }
  const ranges: Span[] = [];
  for (const r of merged) {
    const lastDrafted = await db.shifts.where('date').between(r.from, addDays(r.to, 1)).last();
    if (lastDrafted) ranges.push({ from: r.from, to: lastDrafted.date });
  }
  return ranges;
}

/** Every board cell of the ranges' dates, all sites (planDeskCover decides all sites at once). */
async function boardCells(db: AnlaufstelleDB, ranges: readonly Span[], now: Date): Promise<Map<string, BoardCell>> {
  const cells = new Map<string, BoardCell>();
  for (const r of ranges) {
    const data = await loadCoverageData(db, r.from, r.to);
    for (let date = r.from; date <= r.to; date = addDays(date, 1)) {
      for (const c of coverageOfDate(data, date, now)) cells.set(sessionKey(c.siteId, c.date, c.sessionStart), c);
    }
  }
  return cells;
}
