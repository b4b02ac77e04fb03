import { weekStartOf } from '@shared/domain/desk-sessions';

/**
 * Sub-views of "Besetzung" (#/besetzung/<view>/…), parsed from the router's params and turned back
 * into segments. Pure: the components pass the segments to hrefTo/navigate.
 *
 *   uebersicht/<week>[/<siteId>/<date>/<start>]   coverage board, optionally with one cell's detail
 *   plan/<week>[/<siteId>/<date>/<start>]         roster, optionally with one session's editor
 *   abwesenheiten                                 absences
 *   personal[/<staffId>|/neu]                     staff directory, optionally one person's form
 *   oeffnungszeiten                               opening sessions, minimum staff, closure days
 */

export const STAFFING_PATH = 'besetzung';

export const STAFFING_VIEWS = ['uebersicht', 'plan', 'abwesenheiten', 'personal', 'oeffnungszeiten'] as const;
export type StaffingView = (typeof STAFFING_VIEWS)[number];

export const STAFFING_VIEW_LABELS: Record<StaffingView, string> = {
  uebersicht: 'Übersicht',
  plan: 'Besetzungsplan',
  abwesenheiten: 'Abwesenheiten',
  personal: 'Personal',
  oeffnungszeiten: 'Öffnungszeiten',
};

export interface SessionKeyParts {
  siteId: string;
  date: string;
  sessionStart: string;
}

export type StaffingRoute =
  | { view: 'uebersicht' | 'plan'; week: string | undefined; session: SessionKeyParts | null }
  | { view: 'abwesenheiten' }
  | { view: 'personal'; staffId: string | 'neu' | null }
  | { view: 'oeffnungszeiten' };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function parseStaffingRoute(params: readonly string[]): StaffingRoute {
  const [view, ...rest] = params;
  switch (view) {
    case 'plan':
    case 'uebersicht':
    case undefined: {
      const [week, siteId, date, start] = rest;
      const session =
        siteId && date && start && DATE.test(date) && TIME.test(start) ? { siteId, date, sessionStart: start } : null;
      return { view: view ?? 'uebersicht', week: week && DATE.test(week) ? week : undefined, session };
    }
    case 'abwesenheiten':
      return { view };
    case 'personal':
      return { view, staffId: rest[0] ?? null };
    case 'oeffnungszeiten':
      return { view };
    default:
      return { view: 'uebersicht', week: undefined, session: null };
  }
}

/** The hash segments of a route (for hrefTo / navigate). */
export function staffingSegments(route: StaffingRoute): string[] {
  switch (route.view) {
    case 'uebersicht':
    case 'plan': {
      const week = route.session ? weekStartOf(route.session.date) : route.week;
      const base = [STAFFING_PATH, route.view, ...(week ? [week] : [])];
      return route.session && week ? [...base, route.session.siteId, route.session.date, route.session.sessionStart] : base;
    }
    case 'personal':
      return [STAFFING_PATH, 'personal', ...(route.staffId ? [route.staffId] : [])];
    default:
      return [STAFFING_PATH, route.view];
  }
}

/** Segments of one board cell (e.g. from an inbox message that points at a session). */
export function boardCellSegments(ref: SessionKeyParts): string[] {
  return staffingSegments({ view: 'uebersicht', week: undefined, session: ref });
}

export function sessionKeyOf(ref: SessionKeyParts): string {
  return `${ref.siteId}|${ref.date}|${ref.sessionStart}`;
}
