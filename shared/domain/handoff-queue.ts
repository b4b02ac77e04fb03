import type { Handoff } from '../model/records';

/**
 * The site's hand-off queue (SPEC §4): acute destitution first, then the longest waiting.
 * Ties (same acute flag and same second) fall back to the id so every desk shows one order.
 */
export function compareHandoffs(a: Pick<Handoff, 'acute' | 'waitingSince' | 'id'>, b: Pick<Handoff, 'acute' | 'waitingSince' | 'id'>): number {
  if (a.acute !== b.acute) return a.acute ? -1 : 1;
  // Compare instants, not strings: a stored instant may be written with or without milliseconds.
  const since = Date.parse(a.waitingSince) - Date.parse(b.waitingSince);
  if (since !== 0) return since < 0 ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function orderQueue<T extends Pick<Handoff, 'acute' | 'waitingSince' | 'id'>>(items: readonly T[]): T[] {
  return [...items].sort(compareHandoffs);
}

/** Minutes before the end of the opening session at which a waiting visitor is flagged. */
export const SAME_DAY_WARNING_MINUTES = 30;

/**
 * SPEC §4: "At the end of the opening session any visitor still waiting is flagged ('taggleich'
 * is at risk)". We flag from 30 minutes before the end, so LB can still act.
 * `sessionEnd` is the instant the current (or last) opening session of the day ends.
 */
export function isSameDayAtRisk(status: Handoff['status'], now: Date, sessionEnd: Date | null): boolean {
  if (status !== 'waiting' || sessionEnd === null) return false;
  return now.getTime() >= sessionEnd.getTime() - SAME_DAY_WARNING_MINUTES * 60_000;
}

/** Waiting time in whole minutes, for display and for the figures. */
export function waitingMinutes(waitingSince: string, until: Date): number {
  return Math.max(0, Math.floor((until.getTime() - Date.parse(waitingSince)) / 60_000));
}

/**
 * Issue 10 item 1: a hand-off closed by mistake can be reopened for this long – long enough to see
 * the toast and press Strg+Z, short enough that nobody else has acted on the closed visitor.
 */
export const FINISH_UNDO_SECONDS = 10;

/** Whether a finish at `finishedAt` may still be undone at `now` (the window includes its end). */
export function canUndoFinish(finishedAt: string | null, now: Date): boolean {
  if (finishedAt === null) return false;
  const age = now.getTime() - Date.parse(finishedAt);
  return age >= 0 && age <= FINISH_UNDO_SECONDS * 1000;
}
