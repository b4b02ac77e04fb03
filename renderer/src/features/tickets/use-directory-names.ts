import { useMemo } from 'react';
import { useSites, useStaff } from '../../state/session';
import type { NameLookup } from './ticket-labels';

/** Authors that are not people in the staff list. */
const SYSTEM_AUTHORS: Record<string, string> = { 'demo-seed': 'Demo-Daten', unbekannt: 'unbekannt' };

export interface DirectoryNames {
  siteName: NameLookup;
  staffName: NameLookup;
  /** Site id → name, for sorting the list by site. */
  siteNames: ReadonlyMap<string, string>;
}

/** Names of sites and staff for display; unknown ids show as they are rather than vanish. */
export function useDirectoryNames(): DirectoryNames {
  const sites = useSites();
  const staff = useStaff();
  return useMemo(() => {
    const siteNames = new Map(sites.map((s) => [s.id, s.name]));
    const staffNames = new Map(staff.map((p) => [p.id, p.name]));
    return {
      siteNames,
      siteName: (id) => siteNames.get(id) ?? id,
      staffName: (id) => staffNames.get(id) ?? SYSTEM_AUTHORS[id] ?? id,
    };
  }, [sites, staff]);
}
