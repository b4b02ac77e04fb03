import { addDays, berlinDate } from '@shared/domain/calendar';
import { changedNotices, standInNotice, type CellChange } from '@shared/domain/cover-notices';
import { coverageOfDate, type BoardCell } from '@shared/domain/coverage';
import { sessionKey } from '@shared/domain/desk-sessions';
import type { NotificationRequest } from '@shared/bridge/contract';
import type { CoverDecision, InboxMessage, InboxRefs } from '@shared/model';
import type { AnlaufstelleDB } from '../db';
import type { WriteContext } from './base';
import { coverageTables, loadCoverageData } from './coverage-data';
import { notificationsFor, settleRequests, storeNotices } from './inbox';

/**
 * Seed §4.5 "so früh wie möglich zu informieren" for every staffing write that can open or close a
 * gap – an absence, a drafted week, a roster entry removed or replaced, a person deactivated, a
 * site's minimum or sessions changed, a decision withdrawn. Each write compares the board of the
 * dates it touches before and after, inside its own transaction, and tells only what changed
 * (shared/domain/cover-notices.ts `changedNotices`). planDeskCover decides a session for all sites
 * at once, so every site's cells of those dates count.
 */

/** What a write told, for the UI to hand to platform.notify. */
export interface Notified {
  /** Inbox messages stored for what the write changed on the board (empty if nothing). */
  messages: InboxMessage[];
  /** The same as OS notifications. */
  notifications: NotificationRequest[];
}

export const notified = (messages: InboxMessage[], ctx: Pick<WriteContext, 'actorId'>): Notified => ({ messages, notifications: notificationsFor(messages, ctx) });

/** The tables a write with board notices must include in its transaction. */
export function boardNoticeTables(db: AnlaufstelleDB) {
  return [...coverageTables(db), db.inbox, db.outbox];
}

type Span = { from: string; to: string };

/**
 * Runs `write` and stores the notices for what it changed on the board of the spans' days. The
 * "before" board is computed inside the same transaction before the write, so both sides see the
 * same roster and decisions. `drafts: true` for a write that drafts the spans itself: they are
 * taken as they are (not cut at the last drafted date), and a session drafted just now is compared
 * with an empty one – its gaps are news.
 */
export async function withBoardNotices(
  db: AnlaufstelleDB,
  spans: readonly Span[],
  ctx: WriteContext,
  o: {
    write: () => Promise<void>;
    cause: string;
    trigger: string;
    refs?: InboxRefs;
    drafts?: boolean;
    /** Who settles the requests this write answers; default: nobody decided, the write made them void. */
    settledBy?: { staffId: string; name: string; text: string };
  },
): Promise<InboxMessage[]> {
  const ranges = await boardRanges(db, spans, berlinDate(ctx.now), o.drafts === true);
  const before = await boardCells(db, ranges, ctx.now);
  await o.write();
  if (ranges.length === 0) return [];
  const after = await boardCells(db, ranges, ctx.now);
  // Issue 10 item 3: a request the board no longer asks stops asking, in this transaction.
  await settleRequests(
    db,
    after.values(),
    o.settledBy ? { byStaffId: o.settledBy.staffId, byName: o.settledBy.name, text: o.settledBy.text } : { byStaffId: null, byName: null, text: o.cause },
    ctx,
  );
  const changes: CellChange[] = [];
  for (const [key, cell] of after) {
    const was = before.get(key);
    if (was) changes.push({ before: was.planned ? was : { ...was, planned: true, proposals: [], escalateTo: null }, after: cell });
  }
  return storeNotices(db, changedNotices(changes, o.cause, o.refs ?? {}), o.trigger, ctx);
}

/**
 * Issue 10 item 3: an accepted cover that no longer stands (the decision withdrawn, the cover
 * entry removed or replaced) – the person who was to stand in hears it, in their own inbox. Call
 * after the write, inside its transaction; a past session tells nobody.
 */
export async function standInOff(db: AnlaufstelleDB, decision: CoverDecision, trigger: string, ctx: WriteContext): Promise<InboxMessage[]> {
  if (decision.status !== 'accepted') return [];
  const data = await loadCoverageData(db, decision.date, decision.date);
  const cell = coverageOfDate(data, decision.date, ctx.now).find((c) => c.siteId === decision.siteId && c.sessionStart === decision.sessionStart);
  if (!cell || cell.past) return [];
  const [standIn, actor] = await Promise.all([db.staff.get(decision.staffId), db.staff.get(ctx.actorId)]);
  const notice = standInNotice(
    cell,
    { staffId: decision.staffId, name: standIn?.name ?? 'Unbekannt', source: decision.source, decidedBy: decision.decidedBy },
    actor?.name ?? 'die Besetzungsplanung',
    'withdrawn',
    { roles: standIn?.roles ?? [], extraRefs: { decisionId: decision.id } },
  );
  return storeNotices(db, [notice], trigger, ctx);
}

/**
 * The date ranges to recompute: the spans from today on, merged where they touch, each cut at the
 * last date that has a roster entry (tombstones count) – later sessions are not drafted yet, so
 * they hold no gap to tell anyone about (coverage.ts `planned`). Cheap: one index lookup per span.
 */
async function boardRanges(db: AnlaufstelleDB, spans: readonly Span[], today: string, uncut: boolean): Promise<Span[]> {
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
  if (uncut) return merged;
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
