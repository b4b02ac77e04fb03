import { useLiveQuery } from 'dexie-react-hooks';
import type { AnlaufstelleDB } from '../../db/db';
import { getDb } from '../../db/db';
import { listSites } from '../../db/repositories/directory';
import { readDeskModes } from '../../db/repositories/roster';
import { useNow } from '../../lib/use-now';

/**
 * Which covered sites route their Ticketverteilung to site X right now (seed §4.5 "Die
 * Ticketverteilung … ist … von Mitarbeitenden der Eingangszonen an den besetzten Standorten zu
 * übernehmen"): the other sites whose desk is in LB cover with X as the staffed site. X's EZ clerks
 * then also work those sites' lists – tickets created there before the cover began stay on them
 * (no data rewrite), and their 24-hour clocks keep running.
 */
export interface RoutedSite {
  id: string;
  name: string;
}

/** The other sites routed here, from one read of today's desk rows, in site name order. */
export async function sitesRoutedTo(db: AnlaufstelleDB, siteId: string, now: Date): Promise<RoutedSite[]> {
  const [sites, modes] = await Promise.all([listSites(db), readDeskModes(db, now)]);
  return sites
    .filter((s) => s.id !== siteId)
    .filter((s) => modes.get(s.id)?.lbCover === true && modes.get(s.id)?.distributionSiteId === siteId)
    .map((s) => ({ id: s.id, name: s.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'de'));
}

const NONE: RoutedSite[] = [];

/** Live: changes with the roster, absences and at session boundaries (minute resolution). */
export function useSitesRoutedTo(siteId: string | null): RoutedSite[] {
  const minute = useNow(60_000).getTime();
  const routed = useLiveQuery(
    () => (siteId ? sitesRoutedTo(getDb(), siteId, new Date(minute)) : Promise.resolve(NONE)),
    [siteId, minute],
  );
  return routed ?? NONE;
}
