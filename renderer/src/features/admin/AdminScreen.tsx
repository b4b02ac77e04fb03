import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { JobcenterSettings } from '@shared/model/jobcenter-settings';
import { refreshJobcenterSettings, useAuth } from '../../auth/auth';
import { INITIAL_FOCUS, submitOnEnter } from '../../lib/keyboard';
import { announce } from '../../state/announcer';
import { AccountsSection } from './AccountsSection';
import { LdapMappingSection } from './LdapMappingSection';
import { settingsDraft, settingsPatch, settingsRequest, type SettingsDraft } from './admin-model';
import { DevicesSection, EnrollmentCodeSection } from './DevicesSection';
import { callService, OFFLINE_SIGN_IN, useOnlineSignIn } from './service-call';
import './admin.css';

/**
 * "Verwaltung" (issue 7 item 8, ADMIN only): the Jobcenter's settings, the enrolled PCs with their
 * enrollment codes, the accounts of the service's own directory and the Active-Directory group
 * mapping. Everything here goes to the sync service with the signed-in person's token; the service
 * checks the role again.
 */
export function AdminScreen() {
  const id = useId();
  const online = useOnlineSignIn();
  return (
    <section className="admin" aria-labelledby={`${id}-h`}>
      <h1 id={`${id}-h`} tabIndex={-1}>
        Verwaltung
      </h1>
      {!online ? (
        <p className="error" role="alert">
          {OFFLINE_SIGN_IN}
        </p>
      ) : (
        <>
          <JobcenterSettingsSection />
          <EnrollmentCodeSection />
          <DevicesSection />
          <AccountsSection />
          <LdapMappingSection />
        </>
      )}
    </section>
  );
}

type Field = keyof JobcenterSettings;
const NUMBER_FIELDS: readonly { key: Exclude<Field, 'deadlinePolicy'>; label: string }[] = [
  { key: 'retentionDays', label: 'Personenbezogene Daten anonymisieren nach (Tagen)' },
  { key: 'notifyMinutesBefore', label: 'Benachrichtigung vor Fristablauf (Minuten)' },
  { key: 'idleLockMinutes', label: 'Bildschirmsperre nach Untätigkeit (Minuten)' },
  { key: 'offlineSignInDays', label: 'Anmeldung ohne Verbindung bis (Tage nach der letzten Anmeldung mit Verbindung)' },
  { key: 'auditRetentionDays', label: 'Zugriffsprotokoll aufbewahren (Tage)' },
];

function JobcenterSettingsSection() {
  const id = useId();
  const f = (name: string) => `${id}-${name}`;
  const jobcenter = useAuth((s) => s.jobcenter);
  const [draft, setDraft] = useState<SettingsDraft>(() => settingsDraft(jobcenter));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const touched = useRef(false);

  // The service's values, not the last ones this PC kept: read them anew when the screen opens.
  useEffect(() => {
    void refreshJobcenterSettings().then(() => {
      if (!touched.current) setDraft(settingsDraft(useAuth.getState().jobcenter));
    });
  }, []);

  const edit = (patch: Partial<SettingsDraft>) => {
    touched.current = true;
    setDraft((d) => ({ ...d, ...patch }));
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (saving) return;
    const request = settingsRequest(draft);
    setFailure(null);
    if (!request.ok) {
      setErrors(request.errors);
      const first = Object.keys(request.errors)[0];
      if (first) document.getElementById(f(first))?.focus();
      return;
    }
    setErrors({});
    const patch = settingsPatch(useAuth.getState().jobcenter, request.value);
    if (Object.keys(patch).length === 0) {
      announce('Nichts geändert: die Einstellungen des Jobcenters sind schon so.');
      return;
    }
    setSaving(true);
    const res = await callService<JobcenterSettings>('/v1/settings', { method: 'PUT', body: patch });
    setSaving(false);
    if (!res.ok) {
      setFailure(res.error);
      return;
    }
    await refreshJobcenterSettings();
    touched.current = false;
    setDraft(settingsDraft(useAuth.getState().jobcenter));
    announce('Einstellungen des Jobcenters gespeichert. Sie gelten auf jedem PC, sobald er verbunden ist.', 'success');
  }

  const messages = Object.values(errors).filter(Boolean);
  return (
    <section aria-labelledby={f('h')}>
      <h2 id={f('h')}>Einstellungen des Jobcenters</h2>
      <p className="hint">Diese Werte gelten für alle PCs; jeder PC liest sie beim Start und nach der Anmeldung vom Sync-Dienst.</p>
      <form onSubmit={submit} onKeyDown={submitOnEnter} noValidate className="admin-form" aria-labelledby={f('h')}>
        <div className="field">
          <label htmlFor={f('deadlinePolicy')}>Berechnung der 24-Stunden-Frist</label>
          <select
            id={f('deadlinePolicy')}
            {...INITIAL_FOCUS}
            value={draft.deadlinePolicy}
            onChange={(e) => edit({ deadlinePolicy: e.target.value as SettingsDraft['deadlinePolicy'] })}
          >
            <option value="working-days">Arbeitstage (Mo–Fr ohne Feiertage in Rheinland-Pfalz) – Standard</option>
            <option value="calendar">Kalenderzeit (volle 24 Stunden)</option>
          </select>
        </div>
        {NUMBER_FIELDS.map(({ key, label }) => (
          <div className="field" key={key}>
            <label htmlFor={f(key)}>{label}</label>
            <input
              id={f(key)}
              type="text"
              inputMode="numeric"
              size={6}
              autoComplete="off"
              value={draft[key]}
              aria-invalid={errors[key] ? true : undefined}
              aria-describedby={errors[key] ? f(`${key}-error`) : undefined}
              onChange={(e) => edit({ [key]: e.target.value })}
            />
            {errors[key] && (
              <span id={f(`${key}-error`)} className="field-format field-format-error">
                {errors[key]}
              </span>
            )}
          </div>
        ))}
        {(messages.length > 0 || failure) && (
          <p className="error" role="alert">
            {failure ?? messages.join(' ')}
          </p>
        )}
        <button type="submit" className="primary" aria-keyshortcuts="Enter" disabled={saving}>
          Einstellungen speichern <kbd>Enter</kbd>
        </button>
      </form>
    </section>
  );
}
