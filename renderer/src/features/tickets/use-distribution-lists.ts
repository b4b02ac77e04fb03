import { useMemo } from 'react';
import { useSitesRoutedTo, type RoutedSite } from '../staffing/routed-sites';

/**
 * The distribution lists this desk works (seed §4.5 "Aufgaben im Vertretungsfall"): its own, plus
 * those of the sites whose desk the Leistungsbereich covers with this site as the staffed one –
 * their open tickets (created before the cover began) would otherwise sit unseen while their
 * 24-hour clocks run. Used by the ticket list, the header badge, the deadline watcher and "Heute".
 */
export interface DistributionLists {
  /** Own site first; empty without a site. The same array while the lists stay the same. */
  siteIds: readonly string[];
  /** Stable key of siteIds, for live-query dependencies. */
  key: string;
  /** The covered sites routed here, for "aus Vertretung <Standort>". */
  routed: readonly RoutedSite[];
  routedIds: ReadonlySet<string>;
}

export function useDistributionLists(siteId: string | null): DistributionLists {
  const routed = useSitesRoutedTo(siteId);
  const routedKey = routed.map((r) => `${r.id}=${r.name}`).join('|');
  return useMemo(
    () => {
      const siteIds = siteId ? [siteId, ...routed.map((r) => r.id)] : [];
      return { siteIds, key: siteIds.join('|'), routed, routedIds: new Set(routed.map((r) => r.id)) };
    },
    // routedKey stands for `routed`: a re-read with the same sites keeps the same lists.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [siteId, routedKey],
  );
}
