import { useId, useState, type FormEvent } from 'react';
import { updateSettings } from '../../app/session-actions';
import { useSession, useSites, useStaff } from '../../state/session';
import { announce } from '../../state/announcer';
import { PersonOptions } from '../../ui/PersonOptions';
import { SiteOptions } from '../../ui/SiteOptions';

export function SettingsScreen() {
  const settings = useSession((s) => s.settings);
  const sites = useSites();
  const staff = useStaff();
  const [draft, setDraft] = useState(settings);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const f = (name: string) => `${id}-${name}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const message = await updateSettings(draft);
    setError(message);
    if (!message) announce('Einstellungen gespeichert.', 'success');
  }

  return (
    <section aria-labelledby={f('h')}>
      <h1 id={f('h')}>Einstellungen</h1>
      <form onSubmit={submit} noValidate className="settings-form">
        <fieldset>
          <legend>Arbeitsplatz</legend>
          <div className="field">
            <label htmlFor={f('site')}>Standort dieses Arbeitsplatzes</label>
            <select id={f('site')} value={draft.siteId ?? ''} onChange={(e) => setDraft({ ...draft, siteId: e.target.value || null })}>
              <SiteOptions sites={sites} />
            </select>
          </div>
          <div className="field">
            <label htmlFor={f('staff')}>Am Platz</label>
            <select id={f('staff')} value={draft.deskStaffId ?? ''} onChange={(e) => setDraft({ ...draft, deskStaffId: e.target.value || null })}>
              <PersonOptions people={staff.filter((p) => p.active)} sites={sites} />
            </select>
          </div>
        </fieldset>
        <fieldset>
          <legend>Rückruf-Tickets</legend>
          <div className="field">
            <label htmlFor={f('policy')}>Berechnung der 24-Stunden-Frist</label>
            <select
              id={f('policy')}
              value={draft.deadlinePolicy}
              onChange={(e) => setDraft({ ...draft, deadlinePolicy: e.target.value as typeof draft.deadlinePolicy })}
            >
              <option value="working-days">Arbeitstage (Mo–Fr ohne Feiertage in Rheinland-Pfalz) – Standard</option>
              <option value="calendar">Kalenderzeit (volle 24 Stunden)</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={f('notify')}>Benachrichtigung vor Fristablauf (Minuten)</label>
            <input
              id={f('notify')}
              type="number"
              inputMode="numeric"
              value={draft.notifyMinutesBefore}
              onChange={(e) => setDraft({ ...draft, notifyMinutesBefore: Number(e.target.value) })}
            />
          </div>
          <div className="field">
            <label htmlFor={f('retention')}>Personenbezogene Daten anonymisieren nach (Tagen)</label>
            <input
              id={f('retention')}
              type="number"
              inputMode="numeric"
              value={draft.retentionDays}
              onChange={(e) => setDraft({ ...draft, retentionDays: Number(e.target.value) })}
            />
          </div>
        </fieldset>
        <fieldset>
          <legend>Demodaten</legend>
          <div className="field checkbox">
            <input id={f('demo')} type="checkbox" checked={draft.demoData} onChange={(e) => setDraft({ ...draft, demoData: e.target.checked })} />
            <label htmlFor={f('demo')}>Demodaten anzeigen (einige Wochen Beispielverlauf). Ausschalten entfernt nur die Beispieldaten.</label>
          </div>
        </fieldset>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary">
          Speichern
        </button>
      </form>
    </section>
  );
}
