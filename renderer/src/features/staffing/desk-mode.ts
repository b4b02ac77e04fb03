/**
 * How the desk of this installation is staffed right now (seed §4.5 "Aufgaben im Vertretungsfall").
 * While LB covers the desk, Ticketverteilung and new customers go to EZ clerks of a staffed site:
 * new tickets land on that site's distribution list.
 *
 * Placeholder until the staffing side (issue #3) fills it from the roster.
 */
export interface DeskMode {
  lbCover: boolean;
  /** Site whose distribution list receives tickets created here; null = this site's own. */
  distributionSiteId: string | null;
}

export function useDeskMode(): DeskMode {
  return { lbCover: false, distributionSiteId: null };
}
