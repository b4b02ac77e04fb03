import {
  addDays,
  fromBerlinWallClock,
  isWorkingDay,
  nextWorkingDay,
  toBerlinWallClock,
} from './calendar';

/**
 * The 24-hour callback deadline of a ticket (seed §4.4 "Sonstige Anliegen": the customer gets
 * a phone callback "innerhalb von 24 Stunden"; SPEC §5 "The deadline clock").
 */

/** SPEC §5: 'working-days' is the default; 'calendar' (plain 24 hours) is a setting. */
export type DeadlinePolicy = 'working-days' | 'calendar';

/** seed §4.4: "innerhalb von 24 Stunden". */
export const CALLBACK_WINDOW_MS = 24 * 60 * 60 * 1000;

const DAY_MS = 86_400_000;

/**
 * When a callback ticket created at `createdAt` is due.
 *
 * SPEC §5: the clock runs from creation, stands still on weekends and DE-RP public holidays,
 * and stops when 24 hours of working-day time have passed; Europe/Berlin wall clock.
 *
 * DST: working-day time is counted on the Berlin wall clock, each working day being 00:00–24:00.
 * That is exact because Europe/Berlin changes clocks only on Sundays (EU rule: last Sunday of
 * March and of October, 01:00 UTC), and Sundays never count. The result is a wall-clock reading
 * (date + time of day) turned into an instant with that date's own offset, so a ticket created
 * Fri 2026-03-27 10:00 CET is due Mon 2026-03-30 10:00 CEST: 71 real hours later, not 72
 * (and 73 across the autumn change). Adding 72 h of real time would land at 11:00.
 *
 * When the 24 hours run out exactly at the end of a working day, the due instant is 00:00 of the
 * next calendar day, even if that day is not a working day: the clock has stopped by then
 * (SPEC §5: created Sat 10:00 → due Tue 00:00; likewise created Fri 00:00 → due Sat 00:00).
 */
export function callbackDueAt(createdAt: Date, policy: DeadlinePolicy = 'working-days'): Date {
  const t = createdAt instanceof Date ? createdAt.getTime() : Number.NaN;
  if (Number.isNaN(t)) throw new Error('callbackDueAt: createdAt is an Invalid Date');
  switch (policy) {
    case 'calendar':
      return new Date(t + CALLBACK_WINDOW_MS);
    case 'working-days':
      return addWorkingTime(createdAt, CALLBACK_WINDOW_MS);
    default:
      throw new Error(`callbackDueAt: unknown deadline policy ${String(policy)}`);
  }
}

/** Runs `durationMs` of working-day wall-clock time from `start` (see callbackDueAt). */
function addWorkingTime(start: Date, durationMs: number): Date {
  let { date, msOfDay } = toBerlinWallClock(start);
  if (!isWorkingDay(date)) {
    // SPEC §5: created on a weekend or holiday, the clock starts 00:00 of the next working day.
    date = nextWorkingDay(date);
    msOfDay = 0;
  }
  let remaining = durationMs;
  for (;;) {
    const leftToday = DAY_MS - msOfDay;
    if (remaining <= leftToday) {
      const end = msOfDay + remaining;
      return end === DAY_MS ? fromBerlinWallClock(addDays(date, 1), 0) : fromBerlinWallClock(date, end);
    }
    // SPEC §5: the clock stands still until the next working day begins.
    remaining -= leftToday;
    date = nextWorkingDay(date);
    msOfDay = 0;
  }
}

// ---------------------------------------------------------------------------------------------
// List helpers: called for every ticket in a list (tens of thousands), so they only parse and
// compare the stored ISO instants: O(1), no calendar work.

/** SPEC §5: "soon-due tickets stand out": within two hours of dueAt. */
export const DUE_SOON_MS = 2 * 60 * 60 * 1000;

export type DueState = 'overdue' | 'due-soon' | 'on-track' | 'met' | 'missed';

function parseInstant(iso: string, field: string): number {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new Error(`${field} is not a valid ISO instant: ${iso}`);
  return t;
}

/**
 * SPEC §5: a ticket is on time when the first successful contact (reached, or appointment
 * given) happens before dueAt. Failed attempts are not a contact and never count here.
 */
export function isOnTime(firstContactAt: string | null, dueAt: string): boolean {
  const due = parseInstant(dueAt, 'dueAt');
  return firstContactAt !== null && parseInstant(firstContactAt, 'firstContactAt') < due;
}

/**
 * Where a ticket stands against its deadline. Contacted tickets are 'met' (contact before dueAt)
 * or 'missed' (at or after dueAt); open ones are 'overdue' once now reaches dueAt, 'due-soon'
 * within DUE_SOON_MS before it, 'on-track' otherwise.
 */
export function dueState(dueAt: string, now: Date, firstContactAt: string | null): DueState {
  const due = parseInstant(dueAt, 'dueAt');
  if (firstContactAt !== null) {
    return parseInstant(firstContactAt, 'firstContactAt') < due ? 'met' : 'missed';
  }
  const nowMs = now.getTime();
  if (Number.isNaN(nowMs)) throw new Error('dueState: now is an Invalid Date');
  if (nowMs >= due) return 'overdue';
  return due - nowMs <= DUE_SOON_MS ? 'due-soon' : 'on-track';
}

/**
 * Working-day time between two instants, in ms, on the clock of `callbackDueAt` (SPEC §5): only
 * Berlin wall-clock time on working days counts, each working day 00:00–24:00. So a ticket
 * contacted exactly at its deadline took CALLBACK_WINDOW_MS, and the figures' "time to first
 * contact" (issue 8) reads on the same clock as the deadline. End before start → 0.
 */
export function workingTimeBetween(start: Date, end: Date): number {
  const a = toBerlinWallClock(start);
  const b = toBerlinWallClock(end);
  if (end.getTime() <= start.getTime()) return 0;
  let total = 0;
  for (let date = a.date; date <= b.date; date = addDays(date, 1)) {
    if (!isWorkingDay(date)) continue;
    const from = date === a.date ? a.msOfDay : 0;
    const to = date === b.date ? b.msOfDay : DAY_MS;
    total += Math.max(0, to - from);
  }
  return total;
}
