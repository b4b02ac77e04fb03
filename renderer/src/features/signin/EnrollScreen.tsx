import { useId, useState, type FormEvent } from 'react';
import { PROFILES, PROFILE_LABELS, type Profile } from '@shared/auth/permissions';
import { enroll, useAuth } from '../../auth/auth';
import { useSites } from '../../state/session';
import { SiteOptions } from '../../ui/SiteOptions';

/**
 * Issue 7 item 2: a new PC is enrolled – with the one-time code the administration issued for a
 * site and a profile, or by an administrator signing in at the PC itself. Until then it shows no data.
 */
export function EnrollScreen() {
  const sites = useSites();
  const notice = useAuth((s) => s.notice);
  const [mode, setMode] = useState<'code' | 'admin'>('code');
  const [form, setForm] = useState({ code: '', name: '', username: '', password: '', siteId: '', profile: 'counter' as Profile });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const f = (name: string) => `${id}-${name}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const request =
      mode === 'code'
        ? { code: form.code, name: form.name }
        : { username: form.username, password: form.password, siteId: form.siteId, profile: form.profile, name: form.name };
    const message = await enroll(request);
    setBusy(false);
    setError(message);
    if (message) setForm((x) => ({ ...x, password: '' }));
  }

  return (
    <main id="main" className="setup">
      <h1>Diesen PC einrichten</h1>
      <p>
        Bevor hier jemand arbeitet, wird der PC beim Sync-Dienst des Jobcenters angemeldet: für einen Standort und ein Profil. Den
        Einrichtungscode gibt die Administration aus.
      </p>
      {notice && <p className="notice">{notice}</p>}
      <fieldset className="field">
        <legend>Wie wird eingerichtet?</legend>
        <label>
          <input type="radio" name={f('mode')} checked={mode === 'code'} onChange={() => setMode('code')} /> Mit Einrichtungscode
        </label>
        <label>
          <input type="radio" name={f('mode')} checked={mode === 'admin'} onChange={() => setMode('admin')} /> Mit Anmeldung der Administration
        </label>
      </fieldset>
      <form onSubmit={submit} noValidate aria-describedby={error ? f('error') : undefined} aria-busy={busy}>
        {mode === 'code' ? (
          <div className="field">
            <label htmlFor={f('code')}>Einrichtungscode</label>
            <input id={f('code')} value={form.code} autoFocus autoComplete="off" spellCheck={false} onChange={(e) => setForm({ ...form, code: e.target.value })} />
            <span className="hint">zehn Zeichen, z. B. „K7Q2M-XP4TH“</span>
          </div>
        ) : (
          <>
            <div className="field">
              <label htmlFor={f('user')}>Benutzername (Administration)</label>
              <input id={f('user')} value={form.username} autoFocus autoComplete="username" onChange={(e) => setForm({ ...form, username: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={f('password')}>Kennwort</label>
              <input id={f('password')} type="password" value={form.password} autoComplete="current-password" onChange={(e) => setForm({ ...form, password: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={f('site')}>Standort dieses PCs</label>
              <select id={f('site')} value={form.siteId} onChange={(e) => setForm({ ...form, siteId: e.target.value })}>
                <option value="">– bitte wählen –</option>
                <SiteOptions sites={sites} />
              </select>
            </div>
            <div className="field">
              <label htmlFor={f('profile')}>Profil</label>
              <select id={f('profile')} value={form.profile} onChange={(e) => setForm({ ...form, profile: e.target.value as Profile })}>
                {PROFILES.map((p) => (
                  <option key={p} value={p}>
                    {PROFILE_LABELS[p]}
                  </option>
                ))}
              </select>
            </div>
          </>
        )}
        <div className="field">
          <label htmlFor={f('name')}>Name dieses PCs</label>
          <input id={f('name')} value={form.name} autoComplete="off" onChange={(e) => setForm({ ...form, name: e.target.value })} />
          <span className="hint">so erscheint er in der Verwaltung, z. B. „Tresen 1 Bad Ems“</span>
        </div>
        {error && (
          <p id={f('error')} className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          PC einrichten
        </button>
      </form>
    </main>
  );
}
