import { acceptedNotices, pendingNotices, standInNotice } from '@shared/domain/cover-notices';
import { buildWeekBoard, canDecide, cellOf, coverageOfDate, type BoardCell, type CellProposal, type WeekBoard } from '@shared/domain/coverage';
import { addDays } from '@shared/domain/calendar';
import { weekStartOf } from '@shared/domain/desk-sessions';
import type { NotificationRequest } from '@shared/bridge/contract';
import type { CoverDecision, CoverDecisionInput, DeskShift, InboxMessage, SessionRef, Staff } from '@shared/model';
import { COVER_SOURCE_LABELS, ROLE_LABELS, coverDecisionInputSchemaOn, sessionRefSchema } from '@shared/model';
import type { AnlaufstelleDB } from '../db';
import { checkContext, checkDate, checkId, checkInstant, isLive, logChange, NotFoundError, parseOrThrow, stampNew, stampUpdate, todayOf, ValidationError, type WriteContext } from './base';
import { loadCoverageData } from './coverage-data';
import { boardNoticeTables, notified, standInOff, withBoardNotices, type Notified } from './board-notices';
import { notificationsFor, settleRequests, storeNotices } from './inbox';
import { tombstoneShift } from './roster';

/**
 * Cover proposals and decisions (issue #3 items 5–6, seed §4.5). The board is computed on read from
 * roster, absences, closures and stored decisions (shared/domain/coverage.ts). The decider named by
 * a proposal accepts or rejects it:
 * - accepted → a roster entry with source 'cover' (the board turns covered), a stored decision,
 *   inbox messages for the roles to inform and for the stand-in, returned as OS notifications too;
 * - rejected → a stored decision; the person is not proposed again in that session, and whoever
 *   decides the next proposal hears of it.
 * Both re-check the proposal against the current board inside the transaction, so a stale screen
 * (someone decided meanwhile) cannot write, and both settle the requests the decision answered
 * (issue 10 item 3: "entschieden von …" instead of "bitte entscheiden") in that transaction.
 */

export interface AcceptOutcome {
  decision: CoverDecision;
  /** The new roster entry (source 'cover'). */
  shift: DeskShift;
  /** The lender's own desk entry that the loan ended (cross-site cover of a rostered clerk), or null. */
  released: DeskShift | null;
  messages: InboxMessage[];
  notifications: NotificationRequest[];
}

export interface RejectOutcome {
  decision: CoverDecision;
  /** The cell after the rejection (next proposal or escalation). */
  cell: BoardCell;
  messages: InboxMessage[];
  notifications: NotificationRequest[];
}

/** The coverage board of the week that contains `weekStart` (any day of it works). */
export async function weekBoard(db: AnlaufstelleDB, weekStart: string, now: Date): Promise<WeekBoard> {
  checkDate(weekStart, 'Die Woche');
  checkInstant(now);
  const monday = weekStartOf(weekStart);
  return buildWeekBoard(await loadCoverageData(db, monday, addDays(monday, 6)), monday, now);
}

/** One cell of the board, or null when the site has no such session that day. */
export async function sessionCell(db: AnlaufstelleDB, raw: SessionRef, now: Date): Promise<BoardCell | null> {
  const ref = parseOrThrow(sessionRefSchema, raw);
  checkInstant(now);
  return cellOf(await loadCoverageData(db, ref.date, ref.date), ref.siteId, ref.date, ref.sessionStart, now);
}

const tables = boardNoticeTables;

export async function acceptCover(db: AnlaufstelleDB, raw: CoverDecisionInput, ctx: WriteContext): Promise<AcceptOutcome> {
  checkContext(ctx);
  const input = parseOrThrow(coverDecisionInputSchemaOn(todayOf(ctx)), raw);
  return db.transaction('rw', tables(db), async () => {
    const { cell, proposal, actor } = await currentProposal(db, input, ctx);

    // A clerk lent from their own desk leaves it: planDeskCover lends a rostered clerk only while
    // that desk keeps its minimum, and nobody may stand at two desks at once.
    const elsewhere = await db.shifts
      .where('date')
      .equals(input.date)
      .filter((s) => s.deletedAt === null && s.sessionStart === input.sessionStart && s.staffId === input.staffId)
      .first();
    if (elsewhere) await tombstoneShift(db, elsewhere, ctx);

    // releasedShiftId: withdrawing the cover gives the clerk's own desk entry back (roster.ts).
    const decision = decisionRecord(input, proposal, actor, 'accepted', ctx, elsewhere ? { releasedShiftId: elsewhere.id } : {});
    const shift: DeskShift = {
      ...stampNew(ctx),
      siteId: input.siteId,
      date: input.date,
      sessionStart: input.sessionStart,
      staffId: input.staffId,
      source: 'cover',
      coverSource: proposal.source,
      coverDecisionId: decision.id,
    };
    await db.coverDecisions.add(decision);
    await logChange(db, 'coverDecisions', decision.id, 'put', ctx);
    await db.shifts.add(shift);
    await logChange(db, 'shifts', shift.id, 'put', ctx);

    // Issue 10 item 3: every request about this session (and a lender's, whose desk changed) that
    // the board no longer asks is answered now – "entschieden von …", not "bitte entscheiden".
    await settleRequests(db, await cellsOfDate(db, input.date, ctx.now), decidedBy(actor, `Vertretung durch ${proposal.name} (${COVER_SOURCE_LABELS[proposal.source]}) angenommen.`), ctx);
    const standIn = await db.staff.get(proposal.staffId);
    const notices = [
      ...acceptedNotices(cell, proposal, actor.name, { decisionId: decision.id }),
      standInNotice(cell, proposal, actor.name, 'accepted', { roles: standIn?.roles ?? [], extraRefs: { decisionId: decision.id } }),
    ];
    const messages = await storeNotices(db, notices, `cover:${decision.id}`, ctx);
    return {
      decision,
      shift,
      released: elsewhere ? { ...elsewhere, deletedAt: ctx.now.toISOString() } : null,
      messages,
      notifications: notificationsFor(messages, ctx),
    };
  });
}

export async function rejectCover(db: AnlaufstelleDB, raw: CoverDecisionInput, ctx: WriteContext): Promise<RejectOutcome> {
  checkContext(ctx);
  const input = parseOrThrow(coverDecisionInputSchemaOn(todayOf(ctx)), raw);
  return db.transaction('rw', tables(db), async () => {
    const { proposal, actor } = await currentProposal(db, input, ctx);
    const decision = decisionRecord(input, proposal, actor, 'rejected', ctx);
    await db.coverDecisions.add(decision);
    await logChange(db, 'coverDecisions', decision.id, 'put', ctx);

    const cells = await cellsOfDate(db, input.date, ctx.now);
    const cell = cells.find((c) => c.siteId === input.siteId && c.sessionStart === input.sessionStart)!;
    await settleRequests(db, cells, decidedBy(actor, `Vorschlag ${proposal.name} (${COVER_SOURCE_LABELS[proposal.source]}) abgelehnt.`), ctx);
    const cause = `${actor.name} hat den Vorschlag ${proposal.name} (${COVER_SOURCE_LABELS[proposal.source]}) abgelehnt${input.note ? `: „${input.note}“` : ''}.`;
    const messages = await storeNotices(db, pendingNotices([cell], cause, { decisionId: decision.id }), `reject:${decision.id}`, ctx);
    return { decision, cell, messages, notifications: notificationsFor(messages, ctx) };
  });
}

/**
 * Takes a decision back (tombstone): an accepted cover leaves the roster, a rejected person may be
 * proposed again. Only someone who may decide such a proposal may withdraw it.
 */
export async function withdrawDecision(db: AnlaufstelleDB, decisionId: string, ctx: WriteContext): Promise<Notified> {
  checkId(decisionId, 'die Entscheidung');
  checkContext(ctx);
  return db.transaction('rw', tables(db), async () => {
    const decision = await db.coverDecisions.get(decisionId);
    if (!isLive(decision)) throw new NotFoundError('Diese Entscheidung ist nicht mehr eingetragen.');
    const actor = await assertMayDecide(db, ctx, decision.decidedBy, decision.siteId);
    const coverShifts = await db.shifts
      .where('[siteId+date]')
      .equals([decision.siteId, decision.date])
      .filter((s) => s.deletedAt === null && s.coverDecisionId === decision.id)
      .toArray();
    const person = (await db.staff.get(decision.staffId))?.name ?? 'Unbekannt';
    const what = decision.status === 'accepted' ? `Vertretung durch ${person}` : `Ablehnung von ${person}`;
    // Seed §4.5 "so früh wie möglich": a withdrawn cover reopens the gap, a withdrawn rejection
    // brings the person back as a proposal.
    const messages = await withBoardNotices(db, [{ from: decision.date, to: decision.date }], ctx, {
      write: async () => {
        for (const s of coverShifts) await tombstoneShift(db, s, ctx);
        const current = await db.coverDecisions.get(decisionId);
        if (isLive(current)) {
          await db.coverDecisions.put({ ...stampUpdate(current, ctx), deletedAt: ctx.now.toISOString() });
          await logChange(db, 'coverDecisions', decisionId, 'delete', ctx);
        }
      },
      cause: `${actor.name} hat die ${what} (${COVER_SOURCE_LABELS[decision.source]}) zurückgenommen.`,
      trigger: `withdraw:${decisionId}`,
      refs: { siteId: decision.siteId, date: decision.date, sessionStart: decision.sessionStart, decisionId },
      settledBy: { staffId: actor.id, name: actor.name, text: `${what} (${COVER_SOURCE_LABELS[decision.source]}) zurückgenommen.` },
    });
    // Issue 10 item 3: whoever was to stand in hears that they are not needed there any more.
    messages.push(...(await standInOff(db, decision, `withdraw:${decisionId}`, ctx)));
    return notified(messages, ctx);
  });
}

// ── helpers (inside the write's transaction) ──────────────────────────────────────────────────

/** Every site's cells of one date: a decision can change more than its own site (a lender's desk). */
async function cellsOfDate(db: AnlaufstelleDB, date: string, now: Date): Promise<BoardCell[]> {
  return coverageOfDate(await loadCoverageData(db, date, date), date, now);
}

const decidedBy = (actor: Staff, text: string) => ({ byStaffId: actor.id, byName: actor.name, text });

function decisionRecord(
  input: { siteId: string; date: string; sessionStart: string; staffId: string; note: string },
  proposal: Pick<CellProposal, 'source' | 'decidedBy'>,
  actor: Pick<Staff, 'id'>,
  status: CoverDecision['status'],
  ctx: WriteContext,
  extra: Pick<CoverDecision, 'releasedShiftId'> = {},
): CoverDecision {
  return {
    ...stampNew(ctx),
    siteId: input.siteId,
    date: input.date,
    sessionStart: input.sessionStart,
    staffId: input.staffId,
    source: proposal.source,
    decidedBy: proposal.decidedBy,
    status,
    decidedByStaffId: actor.id,
    note: input.note,
    ...extra,
  };
}

/** The proposal as the board shows it now, and a decider allowed to answer it; else a German error. */
async function currentProposal(
  db: AnlaufstelleDB,
  input: { siteId: string; date: string; sessionStart: string; staffId: string },
  ctx: WriteContext,
): Promise<{ cell: BoardCell; proposal: CellProposal; actor: Staff }> {
  const data = await loadCoverageData(db, input.date, input.date);
  const cell = cellOf(data, input.siteId, input.date, input.sessionStart, ctx.now);
  if (!cell) throw new ValidationError('Die Anlaufstelle hat an diesem Tag keine Öffnungszeit zu dieser Uhrzeit.');
  if (cell.status === 'closed') throw new ValidationError(`Die Anlaufstelle ${cell.siteName} ist an diesem Tag geschlossen.`);
  if (cell.past) throw new ValidationError('Diese Öffnungszeit ist bereits vorbei – über Vertretung wird nicht mehr entschieden.');
  const proposal = cell.proposals.find((p) => p.staffId === input.staffId);
  if (!proposal) {
    throw new ValidationError(
      'Dieser Vorschlag ist nicht mehr aktuell – die Besetzung hat sich inzwischen geändert. Bitte die Übersicht prüfen.',
    );
  }
  const actor = await assertMayDecide(db, ctx, proposal.decidedBy, cell.siteId, cell.siteName);
  return { cell, proposal, actor };
}

async function assertMayDecide(
  db: AnlaufstelleDB,
  ctx: WriteContext,
  decidedBy: CoverDecision['decidedBy'],
  siteId: string,
  siteName?: string,
): Promise<Staff> {
  const actor = await db.staff.get(ctx.actorId);
  const who = decidedBy === 'FM' && siteName ? `${ROLE_LABELS.FM} (${siteName})` : ROLE_LABELS[decidedBy];
  if (!isLive(actor)) {
    throw new ValidationError(`Hierüber entscheidet: ${who}. Bitte zuerst in den Einstellungen die Person am Platz wählen.`);
  }
  if (!canDecide(actor, decidedBy, siteId)) {
    throw new ValidationError(`Hierüber entscheidet: ${who}. ${actor.name} hat diese Rolle nicht.`);
  }
  return actor;
}
