import { useMay } from '../../auth/use-permission';
import { useId, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { rolesText } from '@shared/model';
import { hrefTo } from '../../app/router';
import { getDb } from '../../db/db';
import { listStaff } from '../../db/repositories/directory';
import { useSites } from '../../state/session';
import { weekdayPattern } from './staff-labels';
import { StaffForm } from './StaffForm';
import { StaffingNav } from './StaffingNav';
import { staffingSegments } from './staffing-routes';
import { SiteOptions } from '../../ui/SiteOptions';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { INITIAL_FOCUS } from '../../lib/keyboard';

/**
 * The staff directory (issue #3 item 1): person, home site, roles (several per person), weekday
 * pattern, active or not. People are deactivated, never deleted (visits and tickets name them).
 */
export function DirectoryView({ staffId }: { staffId: string | null }) {
  const id = useId();
  const sites = useSites();
  const staff = useLiveQuery(() => listStaff(getDb()), []);
  const [siteFilter, setSiteFilter] = useState('all');
  const [showInactive, setShowInactive] = useState(false);
  const siteName = (sid: string) => sites.find((s) => s.id === sid)?.name ?? '?';
  const editing = staffId === 'neu' ? null : (staff?.find((p) => p.id === staffId) ?? null);
  const rows = (staff ?? []).filter((p) => (siteFilter === 'all' || p.homeSiteId === siteFilter) && (showInactive || p.active));
  // SPEC §8 "Directory … : admin" (issue 7 item 5): others see the list, not the form.
  const mayEdit = useMay()({ kind: 'write', table: 'staff', before: null, after: {} });

  return (
    <div className="staffing-screen directory-view">
      <h1>Besetzung – Personal</h1>
      <StaffingNav current="personal" />
      {!mayEdit && <p className="notice">Das Personalverzeichnis pflegt die Administration.</p>}
      {mayEdit && staffId !== null && (staffId === 'neu' || editing) && <StaffForm key={staffId} person={editing} />}
      {staffId !== null && staffId !== 'neu' && staff && !editing && <p className="error" role="alert">Diese Person gibt es nicht.</p>}
      <section aria-labelledby={`${id}-h`}>
        <h2 id={`${id}-h`}>Personalverzeichnis</h2>
        <div className="toolbar">
          {mayEdit && (
            <a className="button-link primary" {...INITIAL_FOCUS} href={hrefTo(...staffingSegments({ view: 'personal', staffId: 'neu' }))}>
              Neue Person anlegen
            </a>
          )}
          <div className="field inline">
            <label htmlFor={`${id}-site`}>Stammstandort</label>
            <select id={`${id}-site`} value={siteFilter} onChange={(e) => setSiteFilter(e.target.value)}>
              <option value="all">Alle Standorte</option>
              <SiteOptions sites={sites} />
            </select>
          </div>
          <div className="field checkbox inline">
            <input id={`${id}-inactive`} type="checkbox" checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)} />
            <label htmlFor={`${id}-inactive`}>Auch inaktive Personen zeigen</label>
          </div>
        </div>
        {!staff ? (
          <p aria-busy="true">Wird geladen …</p>
        ) : (
          <ScrollRegion label="Personalverzeichnis">
          <table className="staffing-table">
            <caption className="visually-hidden">Personalverzeichnis, {rows.length} Personen</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Stammstandort</th>
                <th scope="col">Rollen</th>
                <th scope="col">Arbeitstage</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.id} aria-current={p.id === staffId ? 'true' : undefined}>
                  <th scope="row">
                    <a href={hrefTo(...staffingSegments({ view: 'personal', staffId: p.id }))}>{p.name}</a>
                  </th>
                  <td>{siteName(p.homeSiteId)}</td>
                  <td>{rolesText(p.roles)}</td>
                  <td>{weekdayPattern(p.weekdays)}</td>
                  <td>{p.active ? 'aktiv' : <span className="badge badge-neutral">inaktiv</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </ScrollRegion>
        )}
      </section>
    </div>
  );
}
