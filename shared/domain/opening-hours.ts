import type { OpeningSession } from '../model/records';
import { berlinDate, berlinInstant, berlinWeekday } from './calendar';

/**
 * Opening sessions ("freier Zugang", seed §4.1: Mo–Di und Do–Fr 08:00–12:00). A site's
 * sessions are configurable; these helpers answer "is the desk open now" and "when does today's
 * session end" on the Berlin wall clock.
 *
 * One source of truth for whether a session takes place: `deskSessionsOn` (desk-sessions.ts) turns
 * the weekday schedule into a day's sessions and closes them on DE-RP public holidays (SPEC §2) and
 * closure days. `currentSession` and `relevantSessionEnd` take those day sessions, so the queue and
 * "Heute" cannot flag visitors "taggleich gefährdet" on Fronleichnam or a Schließtag.
 */
export function sessionsOn(sessions: readonly OpeningSession[], dateIso: string): OpeningSession[] {
  const weekday = berlinWeekday(dateIso);
  return sessions.filter((s) => s.weekday === weekday).sort((a, b) => a.start.localeCompare(b.start));
}

/** A session of one date, as `deskSessionsOn` gives it: `closed` is the reason it does not take place. */
export interface DaySession {
  date: string;
  start: string;
  end: string;
  closed: string | null;
}

export interface SessionWindow {
  date: string;
  start: Date;
  end: Date;
}

/** The sessions of `now`'s Berlin date that take place, as instants, in time order. */
function openWindows(day: readonly DaySession[], now: Date): SessionWindow[] {
  const date = berlinDate(now);
  return day
    .filter((s) => s.date === date && s.closed === null)
    .map((s) => ({ date, start: berlinInstant(date, s.start), end: berlinInstant(date, s.end) }))
    .sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** The session that is open at `now`, or null. */
export function currentSession(day: readonly DaySession[], now: Date): SessionWindow | null {
  return openWindows(day, now).find((w) => now >= w.start && now < w.end) ?? null;
}

/**
 * The end of the session a hand-off made at `now` belongs to: the open session, else the last
 * session of the day that has started (a visitor still waiting after closing time). Null on a day
 * without sessions – a public holiday or closure day included.
 */
export function relevantSessionEnd(day: readonly DaySession[], now: Date): Date | null {
  const started = openWindows(day, now).filter((w) => w.start <= now);
  return started.length > 0 ? started[started.length - 1]!.end : null;
}
