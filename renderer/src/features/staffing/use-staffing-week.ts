import { navigate } from '../../app/router';
import { isTextEntry, useWindowKeydown } from '../../lib/keyboard';
import { staffingSegments, type SessionKeyParts } from './staffing-routes';
import { useWeekDraft } from './use-week-draft';
import { weekForKey, weekFromParam } from './week';

export interface StaffingWeek {
  /** The Monday of the week shown (an invalid address falls back to this week). */
  weekStart: string;
  toWeek: (weekStart: string) => void;
  /** Opens a session's detail (or closes it with null) in the week shown. */
  toSession: (session: SessionKeyParts | null) => void;
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
  // Bild↑ / Bild↓ / H change the week from wherever the focus is on the view (issue 10 item 2:
  // a hint is true from every place), except while typing – there they are the field's own keys.
  useWindowKeydown((e) => {
    if (e.defaultPrevented || e.altKey || isTextEntry(e.target)) return;
    const next = weekForKey(e, weekStart, today);
    if (next === null) return;
    e.preventDefault();
    if (next !== weekStart) toWeek(next);
  });
  return { weekStart, toWeek, toSession };
}
