import { useLiveQuery } from 'dexie-react-hooks';
import type { DeskModeResult } from '@shared/domain/lb-cover';
import { getDb } from '../../db/db';
import { readDeskMode } from '../../db/repositories/roster';
import { useNow } from '../../lib/use-now';
import { useSettings } from '../../state/session';

/**
 * How the desk of this installation is staffed right now (seed §4.5 "Aufgaben im Vertretungsfall").
 * While LB covers the desk, Ticketverteilung and new customers go to EZ clerks of a staffed site:
 * new tickets land on that site's distribution list.
 *
 * The rule is `deskModeOf` (shared/domain/lb-cover.ts): the session in focus (open now; before
 * opening the day's first; after closing the last one), LB cover when no EZ clerk is present at the
 * desk and an LB person covers it; the staffed site is the nearest one whose desk an EZ clerk
 * staffs today (DISTRIBUTION_PREFERENCE), null when there is none (tickets stay here).
 */
export interface DeskMode {
  lbCover: boolean;
  /** Site whose distribution list receives tickets created here; null = this site's own. */
  distributionSiteId: string | null;
  /** Name of that site, for the banner; null with distributionSiteId null. */
  distributionSiteName: string | null;
  /** Who covers the desk from the Leistungsbereich (empty without LB cover). */
  coveredByNames: string[];
}

const NORMAL: DeskMode = { lbCover: false, distributionSiteId: null, distributionSiteName: null, coveredByNames: [] };

function toDeskMode(r: DeskModeResult): DeskMode {
  return {
    lbCover: r.lbCover,
    distributionSiteId: r.distributionSiteId,
    distributionSiteName: r.distributionSiteName,
    coveredByNames: r.coveredByNames,
  };
}

export function useDeskMode(): DeskMode {
  const siteId = useSettings().siteId;
  // Minute resolution: the mode changes with the roster (live query) or at a session boundary.
  const minute = useNow(60_000).getTime();
  const mode = useLiveQuery(
    async () => (siteId ? toDeskMode(await readDeskMode(getDb(), siteId, new Date(minute))) : NORMAL),
    [siteId, minute],
  );
  return mode ?? NORMAL;
}
