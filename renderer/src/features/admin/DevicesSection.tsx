import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { PROFILE_LABELS, PROFILES } from '@shared/auth/permissions';
import { useAuth } from '../../auth/auth';
import { formatDateTime } from '../../lib/format';
import { submitOnEnter } from '../../lib/keyboard';
import { announce } from '../../state/announcer';
import { useSites } from '../../state/session';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { SiteOptions } from '../../ui/SiteOptions';
import { enrollmentCodeRequest, profileLabel, type CodeDraft, type DeviceRow } from './admin-model';
import { callService } from './service-call';

/** A one-time code for a new PC (issue 7 item 2): site, profile and name are fixed with the code. */
export function EnrollmentCodeSection() {
  const id = useId();
  const f = (name: string) => `${id}-${name}`;
  const sites = useSites();
  const [draft, setDraft] = useState<CodeDraft>({ siteId: '', profile: '', name: '' });
  const [error, setError] = useState<string | null>(null);
  const [issued, setIssued] = useState<{ code: string; expiresAt: string; name: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const shown = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (issued) shown.current?.focus();
  }, [issued]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const request = enrollmentCodeRequest(draft);
    if (!request.ok) {
      setError(request.error);
      return;
    }
    setError(null);
    setBusy(true);
    const res = await callService<{ code: string; expiresAt: string }>('/v1/admin/enrollment-codes', { body: request.value });
    setBusy(false);
    if (!res.ok) {
      setError(res.error);
      return;
    }
    setIssued({ ...res.value, name: request.value.name });
    setDraft({ ...draft, name: '' });
  }

  return (
    <section aria-labelledby={f('h')}>
      <h2 id={f('h')}>Neuer Einrichtungscode</h2>
      <p className="hint">Mit dem Code richtet jemand einen neuen PC ein, ohne dass die Administration am PC sein muss. Standort, Profil und Name legt der Code fest.</p>
      <form onSubmit={submit} onKeyDown={submitOnEnter} noValidate className="admin-form" aria-labelledby={f('h')}>
        <div className="field">
          <label htmlFor={f('site')}>Standort des neuen PCs</label>
          <select id={f('site')} value={draft.siteId} onChange={(e) => setDraft({ ...draft, siteId: e.target.value })}>
            <option value="">Bitte wählen …</option>
            <SiteOptions sites={sites} />
          </select>
        </div>
        <div className="field">
          <label htmlFor={f('profile')}>Profil des neuen PCs</label>
          <select id={f('profile')} value={draft.profile} onChange={(e) => setDraft({ ...draft, profile: e.target.value as CodeDraft['profile'] })}>
            <option value="">Bitte wählen …</option>
            {PROFILES.map((p) => (
              <option key={p} value={p}>
                {PROFILE_LABELS[p]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={f('name')}>Name des neuen PCs</label>
          <input id={f('name')} type="text" autoComplete="off" maxLength={60} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
        </div>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" aria-keyshortcuts="Enter" disabled={busy}>
          Code erzeugen <kbd>Enter</kbd>
        </button>
      </form>
      {issued && (
        <div className="enrollment-code" ref={shown} tabIndex={-1} role="status" aria-labelledby={f('code-h')}>
          <h3 id={f('code-h')}>Einrichtungscode für „{issued.name}“</h3>
          <p className="code" data-testid="enrollment-code">
            {issued.code}
          </p>
          <p>gültig bis {formatDateTime(issued.expiresAt)} Uhr, nur einmal verwendbar.</p>
          <p className="hint">Der Code wird nur jetzt angezeigt: bitte notieren oder an den neuen PC weitergeben. Ein verlorener Code läuft ungenutzt ab; dann einen neuen erzeugen.</p>
        </div>
      )}
    </section>
  );
}

/** The enrolled PCs; "Sperren" asks once more, then the PC can no longer sync or sign anyone in. */
export function DevicesSection() {
  const id = useId();
  const sites = useSites();
  const ownId = useAuth((s) => s.device?.deviceId ?? null);
  const [devices, setDevices] = useState<DeviceRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState<DeviceRow | null>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);

  // Bumped to read the list anew (after a revoke, or by the button).
  const [version, setVersion] = useState(0);
  const load = () => setVersion((v) => v + 1);
  useEffect(() => {
    let live = true;
    void callService<{ devices: DeviceRow[] }>('/v1/admin/devices').then((res) => {
      if (!live) return;
      if (res.ok) {
        setDevices(res.value.devices);
        setError(null);
      } else setError(res.error);
    });
    return () => {
      live = false;
    };
  }, [version]);
  useEffect(() => {
    if (asking) confirmButton.current?.focus();
  }, [asking]);

  const siteName = (siteId: string) => sites.find((s) => s.id === siteId)?.name ?? 'unbekannter Standort';

  /** Not revoked: the focus goes back to the list's heading (the question's buttons are gone). */
  function cancel() {
    setAsking(null);
    document.getElementById(`${id}-h`)?.focus();
  }

  async function revoke(device: DeviceRow) {
    setAsking(null);
    const res = await callService<{ ok: true }>(`/v1/admin/devices/${encodeURIComponent(device.id)}/revoke`, { method: 'POST', body: {} });
    if (!res.ok) {
      setError(res.error);
      return;
    }
    announce(`PC „${device.name}“ gesperrt.`, 'success');
    load();
    document.getElementById(`${id}-h`)?.focus();
  }

  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} tabIndex={-1}>
        PCs
      </h2>
      <button type="button" onClick={load}>
        Liste neu laden
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {asking && (
        <div
          className="notice"
          role="alertdialog"
          aria-labelledby={`${id}-ask`}
          onKeyDown={(e) => {
            if (e.key === 'Escape') cancel();
          }}
        >
          <p id={`${id}-ask`}>
            PC „{asking.name}“ ({siteName(asking.siteId)}) wirklich sperren? Er kann danach nicht mehr synchronisieren, niemand kann sich dort anmelden; er muss neu
            eingerichtet werden.{asking.id === ownId ? ' Das ist dieser PC: Sie werden danach abgemeldet.' : ''}
          </p>
          <button type="button" className="primary" ref={confirmButton} onClick={() => void revoke(asking)}>
            Ja, PC sperren
          </button>{' '}
          <button type="button" onClick={cancel}>
            Abbrechen <kbd>Esc</kbd>
          </button>
        </div>
      )}
      {devices === null ? (
        !error && <p role="status">Die PCs werden geladen …</p>
      ) : devices.length === 0 ? (
        <p>Noch kein PC eingerichtet.</p>
      ) : (
        <ScrollRegion label="Eingerichtete PCs">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Standort</th>
                <th scope="col">Profil</th>
                <th scope="col">Eingerichtet</th>
                <th scope="col">Zuletzt gesehen</th>
                <th scope="col">Gesperrt</th>
                <th scope="col">Aktion</th>
              </tr>
            </thead>
            <tbody>
              {devices.map((d) => (
                <tr key={d.id}>
                  <td>
                    {d.name}
                    {d.id === ownId ? ' (dieser PC)' : ''}
                  </td>
                  <td>{siteName(d.siteId)}</td>
                  <td>{profileLabel(d.profile)}</td>
                  <td>
                    {formatDateTime(d.enrolledAt)} von {d.enrolledBy}
                  </td>
                  <td>{d.lastSeenAt ? formatDateTime(d.lastSeenAt) : '—'}</td>
                  <td>{d.revokedAt ? formatDateTime(d.revokedAt) : 'nein'}</td>
                  <td>
                    {!d.revokedAt && (
                      <button type="button" aria-label={`PC „${d.name}“ sperren`} onClick={() => setAsking(d)}>
                        Sperren
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
