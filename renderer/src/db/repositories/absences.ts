import { classifyAbsenceKind, kindInputOf, kindTurn } from '@shared/domain/absence-kind';
import { addDays } from '@shared/domain/calendar';
import { ABSENT_TEXT } from '@shared/domain/coverage';
import { formatSessionDate } from '@shared/domain/desk-sessions';
import type { Absence, AbsenceInput, AbsencePatch, Staff } from '@shared/model';
import { absenceReasonText, HALF_DAY_LABELS, absenceInputSchema, absenceInputSchemaOn, absencePatchSchemaOn } from '@shared/model';
import type { AnlaufstelleDB } from '../db';
import { checkContext, checkDate, checkId, isLive, logChange, NotFoundError, parseOrThrow, stampNew, stampUpdate, todayOf, ValidationError, type WriteContext } from './base';
import { boardNoticeTables, notified, withBoardNotices, type Notified } from './board-notices';

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

export interface AbsenceOutcome extends Notified {
  absence: Absence;
  /** Days an update added, each stored as an absence of its own (updateAbsence); else empty. */
  added: Absence[];
}

const tables = boardNoticeTables;

export async function registerAbsence(db: AnlaufstelleDB, raw: AbsenceInput, ctx: WriteContext): Promise<AbsenceOutcome> {
  checkContext(ctx);
  const input = parseOrThrow(absenceInputSchemaOn(todayOf(ctx)), raw);
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
      kind: classifyAbsenceKind({ from: input.from, to: input.to, registeredAt: ctx.now, reason: input.reason, marked: input.kind ?? null }),
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
      refs: { absenceId: absence.id },
    });
    return { absence, added: [], ...notified(messages, ctx) };
  });
}

/**
 * Changes an absence. Days a change adds (an earlier start, a later end) are a new registration of
 * those days, and only of those: the record keeps its days, its registration time and its kind, and
 * each added stretch becomes an absence of its own, registered now and classified from its own first
 * working day (issue #3 item 4). So a vacation 30.11.–04.12. extended on 02.12. to 11.12. stays
 * planned, and the week of 07.12. is planned too – there is still time to plan its cover; a sick
 * leave extended on its last day adds a short-notice stretch. Splitting (rather than re-dating one
 * record) keeps each stretch's registration time, which is what the classification reads.
 *
 * A half day made whole, or a change that shares no day with the old span, re-registers the whole
 * absence (registered now). `kind` set in the change applies to every day it touches; `kind: null`
 * hands it back to the rule. A kind marked earlier stays on the old days, not on added ones.
 */
export async function updateAbsence(
  db: AnlaufstelleDB,
  id: string,
  raw: AbsencePatch,
  ctx: WriteContext,
): Promise<AbsenceOutcome> {
  checkId(id, 'die Abwesenheit');
  checkContext(ctx);
  const patch = parseOrThrow(absencePatchSchemaOn(todayOf(ctx)), raw);
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
    const marked = patch.kind === undefined ? (current.kindOverridden ? current.kind : null) : patch.kind;
    const kept = { from: max(current.from, merged.from), to: min(current.to, merged.to) };
    const split = current.halfDay === 'none' && merged.halfDay === 'none' && kept.from <= kept.to;
    const addedSpans = split ? spansAdded(current, merged) : [];
    const grows =
      !split &&
      (merged.from < current.from || merged.to > current.to || (current.halfDay !== 'none' && merged.halfDay !== current.halfDay));
    const registeredAt = grows ? ctx.now : new Date(current.registeredAt);
    const days = split ? kept : merged;
    const next = stampUpdate(
      {
        ...current,
        from: days.from,
        to: days.to,
        halfDay: merged.halfDay,
        reason: merged.reason,
        note: merged.note,
        registeredAt: registeredAt.toISOString(),
        kind: classifyAbsenceKind({ from: days.from, to: days.to, registeredAt, reason: merged.reason, marked }),
        kindOverridden: marked !== null,
      },
      ctx,
    );
    const added: Absence[] = addedSpans.map((s) => ({
      ...stampNew(ctx),
      staffId: current.staffId,
      from: s.from,
      to: s.to,
      halfDay: 'none',
      reason: merged.reason,
      kind: classifyAbsenceKind({ from: s.from, to: s.to, registeredAt: ctx.now, reason: merged.reason, marked: patch.kind ?? null }),
      kindOverridden: patch.kind != null,
      registeredAt: ctx.now.toISOString(),
      note: merged.note,
    }));
    // The days it no longer covers may lose a gap, the new ones may open one: all spans count.
    const messages = await withBoardNotices(db, [current, next, ...added], ctx, {
      write: async () => {
        await db.absences.put(next);
        await logChange(db, 'absences', id, 'put', ctx);
        for (const a of added) {
          await db.absences.add(a);
          await logChange(db, 'absences', a.id, 'put', ctx);
        }
      },
      cause:
        added.length === 0
          ? causeOf(person.name, 'geändert', next)
          : causeOf(person.name, 'geändert', { ...merged, kind: added.some((a) => a.kind === 'unplanned') ? 'unplanned' : next.kind }),
      trigger: `absence:${id}:${next.updatedAt}`,
      refs: { absenceId: id },
    });
    return { absence: next, added, ...notified(messages, ctx) };
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
  checkId(id, 'die Abwesenheit');
  checkContext(ctx);
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
      refs: { absenceId: id },
    });
    return { absence: withdrawn, added: [], ...notified(messages, ctx) };
  });
}

/** Live absences touching [from, to], by start date. */
export async function absencesBetween(db: AnlaufstelleDB, from: string, to: string): Promise<Absence[]> {
  checkDate(from, 'Erster Tag');
  checkDate(to, 'Letzter Tag');
  const rows = await db.absences
    .where('to')
    .aboveOrEqual(from)
    .filter((a) => isLive(a) && a.from <= to)
    .toArray();
  return rows.sort((a, b) => a.from.localeCompare(b.from) || a.staffId.localeCompare(b.staffId));
}

/** Which absences a list shows: those not yet over (today on, however far ahead), over, or all. */
export type AbsenceWindow = 'current' | 'past' | 'all';

/**
 * Issue 10 item 4: every absence can be found to withdraw it – also one far in the past or the
 * future (a year typed wrong). Current ones soonest first, past ones latest first, all by start.
 * At most `limit` rows; `more` says that there are further ones (narrow by person).
 */
export async function listAbsences(
  db: AnlaufstelleDB,
  o: { when: AbsenceWindow; today: string; staffId?: string; limit?: number },
): Promise<{ rows: Absence[]; more: boolean }> {
  const inWindow = (a: Absence) => o.when === 'all' || (o.when === 'current' ? a.to >= o.today : a.to < o.today);
  const source = o.staffId
    ? db.absences.where('staffId').equals(o.staffId)
    : o.when === 'current'
      ? db.absences.where('to').aboveOrEqual(o.today)
      : o.when === 'past'
        ? db.absences.where('to').below(o.today)
        : db.absences.toCollection();
  const rows = await source.filter((a) => isLive(a) && inWindow(a)).toArray();
  const newestFirst = o.when === 'past';
  rows.sort((a, b) => (newestFirst ? b.from.localeCompare(a.from) : a.from.localeCompare(b.from)) || a.staffId.localeCompare(b.staffId));
  const limit = o.limit ?? 200;
  return { rows: rows.slice(0, limit), more: rows.length > limit };
}

/** A person's live absences, newest first. */
export async function absencesOf(db: AnlaufstelleDB, staffId: string): Promise<Absence[]> {
  checkId(staffId, 'die Person');
  const rows = await db.absences.where('staffId').equals(staffId).filter(isLive).toArray();
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
    .filter((o) => isLive(o) && o.id !== ignoreId && o.from <= a.to && o.to >= a.from)
    .toArray();
  const order = { none: 0, am: 1, pm: 2 } as const;
  const clash = others
    .filter((o) => halves(o).some((h) => halves(a).includes(h)))
    .sort((x, y) => x.from.localeCompare(y.from) || order[x.halfDay] - order[y.halfDay])[0];
  if (clash) {
    throw new ValidationError(
      `Für ${person.name} ist in diesem Zeitraum bereits eine Abwesenheit eingetragen (${absenceReasonText(clash)}, ${span(clash)}).`,
    );
  }
}

function span(a: Pick<Absence, 'from' | 'to' | 'halfDay'>): string {
  if (a.from === a.to) return `${formatSessionDate(a.from)}${a.halfDay === 'none' ? '' : `, ${HALF_DAY_LABELS[a.halfDay]}`}`;
  return `${formatSessionDate(a.from)} bis ${formatSessionDate(a.to)}`;
}

type Span = Pick<Absence, 'from' | 'to'>;

const max = (a: string, b: string) => (a > b ? a : b);
const min = (a: string, b: string) => (a < b ? a : b);

/** The stretches of `next` outside `current` (before and after it). */
function spansAdded(current: Span, next: Span): Span[] {
  const out: Span[] = [];
  if (next.from < current.from) out.push({ from: next.from, to: addDays(current.from, -1) });
  if (next.to > current.to) out.push({ from: addDays(current.to, 1), to: next.to });
  return out;
}

/**
 * The opening line of the inbox message and OS notification. The kind only, never the reason:
 * notifications show on desk PCs and a reason like sickness is health data (GDPR Art. 9); the
 * reason stays in the absence list. A stored absence whose days differ in kind names the turn.
 */
function causeOf(name: string, verb: string, a: Pick<Absence, 'kind' | 'from' | 'to' | 'halfDay'> | Absence): string {
  // Issue 7 item 9: a long absence registered late is unplanned on its first days only – say both.
  const turn = 'registeredAt' in a ? kindTurn(kindInputOf(a)) : null;
  if (turn) {
    const until = turn.unplannedUntil === a.from ? 'am' : 'bis';
    return `Abwesenheit von ${name} ${verb}: ${span(a)}, ${ABSENT_TEXT.unplanned} ${until} ${formatSessionDate(turn.unplannedUntil)}, ab ${formatSessionDate(turn.plannedFrom)} ${ABSENT_TEXT.planned}.`;
  }
  return `Abwesenheit von ${name} ${verb}: ${ABSENT_TEXT[a.kind]}, ${span(a)}.`;
}
