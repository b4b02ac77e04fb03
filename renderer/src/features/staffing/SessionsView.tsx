import { useMay } from '../../auth/use-permission';
import { useId, useState } from 'react';
import { useCurrentSite, useSites } from '../../state/session';
import { ClosuresSection } from './ClosuresSection';
import { SiteSessionsForm } from './SiteSessionsForm';
import { StaffingNav } from './StaffingNav';
import { SiteOptions } from '../../ui/SiteOptions';
import { INITIAL_FOCUS } from '../../lib/keyboard';

/** Opening sessions per site, minimum staff, closure days (issue #3 item 2). */
export function SessionsView({ today }: { today: string }) {
  const id = useId();
  const sites = useSites();
  const current = useCurrentSite();
  const [siteId, setSiteId] = useState(current?.id ?? sites[0]?.id ?? '');
  const site = sites.find((s) => s.id === siteId) ?? null;
  // SPEC §8 (issue 7 item 5): sites belong to the administration; closures to those who plan the desks.
  const may = useMay();
  const mayEditSite = may({ kind: 'write', table: 'sites', before: null, after: {} });
  const mayEditClosures = may({ kind: 'write', table: 'closures', before: null, after: {} });
  return (
    <div className="staffing-screen sessions-view">
      <h1>Besetzung – Öffnungszeiten</h1>
      <StaffingNav current="oeffnungszeiten" />
      <div className="field inline">
        <label htmlFor={`${id}-site`}>Standort bearbeiten</label>
        <select id={`${id}-site`} {...INITIAL_FOCUS} value={siteId} onChange={(e) => setSiteId(e.target.value)}>
          <SiteOptions sites={sites} />
        </select>
      </div>
      {/* A fresh form per site: switching sites drops unsaved rows of the other. */}
      {site && mayEditSite && <SiteSessionsForm key={`${site.id}|${site.updatedAt}`} site={site} />}
      {!mayEditSite && <p className="notice">Öffnungszeiten und Mindestbesetzung der Standorte pflegt die Administration.</p>}
      {mayEditClosures ? (
        <ClosuresSection today={today} defaultSiteId={siteId} />
      ) : (
        <p className="notice">Schließtage tragen Standortverantwortung, Teamleitungen und Administration ein.</p>
      )}
    </div>
  );
}
