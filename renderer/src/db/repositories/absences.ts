import { classifyAbsenceKind } from '@shared/domain/absence-kind';
import { berlinDate } from '@shared/domain/calendar';
import { pendingNotices } from '@shared/domain/cover-notices';
import { coverageOfDate } from '@shared/domain/coverage';
import { formatSessionDate } from '@shared/domain/desk-sessions';
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
 * (shared/domain/absence-kind.ts). Registering one that opens gaps in the roster tells the deciders
 * at once – and TL Leistung when LB cover is proposed, "so früh wie möglich" (seed §4.5).
 */

export interface AbsenceOutcome {
  absence: Absence;
  /** Inbox messages stored for the gaps this absence opens (empty if none). */
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
    await db.absences.add(absence);
    await logChange(db, 'absences', absence.id, 'put', ctx);
    const messages = await noticeGaps(db, absence, person, `absence:${absence.id}`, ctx);
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
    await db.absences.put(next);
    await logChange(db, 'absences', id, 'put', ctx);
    const messages = await noticeGaps(db, next, person, `absence:${id}:${next.updatedAt}`, ctx);
    return { absence: next, messages, notifications: messages.map(toNotification) };
  });
}

/** Withdraws an absence (tombstone). Cover already accepted for it stays on the roster. */
export async function cancelAbsence(db: AnlaufstelleDB, id: string, ctx: WriteContext): Promise<void> {
  await db.transaction('rw', [db.absences, db.outbox], async () => {
    const current = await db.absences.get(id);
    if (!isLive(current)) throw new NotFoundError('Diese Abwesenheit ist nicht mehr eingetragen.');
    await db.absences.put({ ...stampUpdate(current, ctx), deletedAt: ctx.now.toISOString() });
    await logChange(db, 'absences', id, 'delete', ctx);
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

/**
 * The desk sessions this absence empties from today on: recomputes their board cells and stores
 * the notices for the open ones (deciders, roles to inform, GF on escalation).
 */
async function noticeGaps(
  db: AnlaufstelleDB,
  absence: Absence,
  person: Staff,
  trigger: string,
  ctx: WriteContext,
): Promise<InboxMessage[]> {
  const from = absence.from > berlinDate(ctx.now) ? absence.from : berlinDate(ctx.now);
  if (from > absence.to) return [];
  const duties = await db.shifts
    .where('staffId')
    .equals(person.id)
    .filter((s) => live(s) && s.date >= from && s.date <= absence.to)
    .toArray();
  if (duties.length === 0) return [];
  const dates = [...new Set(duties.map((s) => s.date))].sort();
  const data = await loadCoverageData(db, dates[0]!, dates[dates.length - 1]!);
  const onDuty = new Set(duties.map((s) => `${s.siteId}|${s.date}|${s.sessionStart}`));
  const cells = dates
    .flatMap((date) => coverageOfDate(data, date, ctx.now))
    .filter((c) => onDuty.has(`${c.siteId}|${c.date}|${c.sessionStart}`));
  const cause = `Abwesenheit von ${person.name} eingetragen: ${ABSENCE_REASON_LABELS[absence.reason]} (${ABSENCE_KIND_LABELS[absence.kind]}), ${span(absence)}.`;
  return storeNotices(db, pendingNotices(cells, cause, { absenceId: absence.id }), trigger, ctx);
}
