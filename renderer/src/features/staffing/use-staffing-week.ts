import type { KeyboardEvent } from 'react';
import { navigate } from '../../app/router';
import { staffingSegments, type SessionKeyParts } from './staffing-routes';
import { useWeekDraft } from './use-week-draft';
import { weekForKey, weekFromParam } from './week';

export interface StaffingWeek {
  /** The Monday of the week shown (an invalid address falls back to this week). */
  weekStart: string;
  toWeek: (weekStart: string) => void;
  /** Opens a session's detail (or closes it with null) in the week shown. */
  toSession: (session: SessionKeyParts | null) => void;
  /** Bild↑ / Bild↓ / H in the grid; true when the key was a week key. */
  onWeekKey: (e: KeyboardEvent<HTMLElement>) => boolean;
}

/**
 * The week and route handling shared by the board and the roster (issue #3 items 3 and 5): which
 * week the address names, drafting it when opened, and moving between weeks and sessions.
 */
export function useStaffingWeek(
  view: 'uebersicht' | 'plan',
  week: string | undefined,
  session: SessionKeyParts | null,
  today: string,
): StaffingWeek {
  const weekStart = weekFromParam(week ?? session?.date, today);
  useWeekDraft(weekStart, today);
  const toWeek = (w: string) => navigate(...staffingSegments({ view, week: w, session: null }));
  const toSession = (s: SessionKeyParts | null) => navigate(...staffingSegments({ view, week: weekStart, session: s }));
  const onWeekKey = (e: KeyboardEvent<HTMLElement>): boolean => {
    const next = weekForKey(e, weekStart, today);
    if (next === null || next === weekStart) return next !== null;
    toWeek(next);
    return true;
  };
  return { weekStart, toWeek, toSession, onWeekKey };
}
