import type { OpeningSession } from '../model/records';
import { berlinDate, berlinInstant, berlinWeekday } from './calendar';

/**
 * Opening sessions ("freier Zugang", seed §4.1: Mo–Di und Do–Fr 08:00–12:00). A site's
 * sessions are configurable; these helpers answer "is the desk open now" and "when does today's
 * session end" on the Berlin wall clock.
 */
export function sessionsOn(sessions: readonly OpeningSession[], dateIso: string): OpeningSession[] {
  const weekday = berlinWeekday(dateIso);
  return sessions.filter((s) => s.weekday === weekday).sort((a, b) => a.start.localeCompare(b.start));
}

export interface SessionWindow {
  date: string;
  start: Date;
  end: Date;
}

function windowOf(dateIso: string, s: OpeningSession): SessionWindow {
  return { date: dateIso, start: berlinInstant(dateIso, s.start), end: berlinInstant(dateIso, s.end) };
}

/** The session that is open at `now`, or null. */
export function currentSession(sessions: readonly OpeningSession[], now: Date): SessionWindow | null {
  const date = berlinDate(now);
  for (const s of sessionsOn(sessions, date)) {
    const w = windowOf(date, s);
    if (now >= w.start && now < w.end) return w;
  }
  return null;
}

/**
 * The end of the session a hand-off made at `now` belongs to: the open session, else the last
 * session of the day that has started (a visitor still waiting after closing time). Null on a day
 * without sessions.
 */
export function relevantSessionEnd(sessions: readonly OpeningSession[], now: Date): Date | null {
  const date = berlinDate(now);
  const started = sessionsOn(sessions, date)
    .map((s) => windowOf(date, s))
    .filter((w) => w.start <= now);
  return started.length > 0 ? started[started.length - 1]!.end : null;
}
