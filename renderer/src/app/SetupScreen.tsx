import { useId, useState, type FormEvent } from 'react';
import { useSession, useSites, useStaff } from '../state/session';
import { updateSettings } from './session-actions';
import { PersonOptions } from '../ui/PersonOptions';
import { SiteOptions } from '../ui/SiteOptions';

/** First start: which site is this PC at, and who is at the desk (real sign-in comes later). */
export function SetupScreen() {
  const sites = useSites();
  const staff = useStaff();
  const settings = useSession((s) => s.settings);
  const [siteId, setSiteId] = useState(settings.siteId ?? '');
  const [staffId, setStaffId] = useState(settings.deskStaffId ?? '');
  const [error, setError] = useState<string | null>(null);
  const ids = { site: useId(), staff: useId(), error: useId() };
  const siteStaff = staff.filter((p) => p.active && (siteId === '' || p.homeSiteId === siteId));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!siteId) return setError('Bitte den Standort dieses Arbeitsplatzes wählen.');
    if (!staffId) return setError('Bitte wählen, wer an der Anlaufstelle arbeitet.');
    setError(await updateSettings({ siteId, deskStaffId: staffId }));
  }

  return (
    <main id="main" className="setup">
      <h1>Anlaufstelle einrichten</h1>
      <p>Dieser Arbeitsplatz merkt sich den Standort. Die Auswahl lässt sich jederzeit in den Einstellungen ändern.</p>
      <p className="notice">
        Ohne Sync-Dienst (nur dieser PC): eine Demo ohne Anmeldung, nur mit Demodaten. Mit dem Sync-Dienst des Jobcenters wird der PC
        eingerichtet und jede Person meldet sich an.
      </p>
      <form
        onSubmit={submit}
        // Keyboard first: Enter on a select confirms the form too (browsers only submit from text fields).
        onKeyDown={(e) => {
          if (e.key === 'Enter' && e.target instanceof HTMLSelectElement) {
            e.preventDefault();
            e.currentTarget.requestSubmit();
          }
        }}
        noValidate
        aria-describedby={error ? ids.error : undefined}
      >
        <div className="field">
          <label htmlFor={ids.site}>Standort</label>
          <select
            id={ids.site}
            value={siteId}
            autoFocus
            onChange={(e) => {
              setSiteId(e.target.value);
              setStaffId('');
            }}
          >
            <option value="">– bitte wählen –</option>
            <SiteOptions sites={sites} />
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.staff}>Am Platz</label>
          <select id={ids.staff} value={staffId} onChange={(e) => setStaffId(e.target.value)}>
            <option value="">– bitte wählen –</option>
            <PersonOptions people={siteStaff} sites={sites} />
          </select>
        </div>
        {error && (
          <p id={ids.error} className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary">
          Anlaufstelle öffnen
        </button>
      </form>
    </main>
  );
}
