import { useId, useRef, useState, type FormEvent } from 'react';
import { PROFILE_LABELS } from '@shared/auth/permissions';
import { signIn, useAuth } from '../../auth/auth';
import { getDb } from '../../db/db';
import { useSites } from '../../state/session';

/**
 * Issue 7 items 1 and 3: sign in with the Windows account (or the service's own directory). With
 * the service unreachable, someone who signed in at this PC within the offline period still can.
 * Also the quick user switch: after "Abmelden" the next person signs in here.
 */
export function SignInScreen() {
  const device = useAuth((s) => s.device);
  const notice = useAuth((s) => s.notice);
  const site = useSites().find((s) => s.id === device?.siteId);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const id = useId();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (!username.trim()) return setError('Bitte den Benutzernamen angeben.');
    if (!password) {
      passwordRef.current?.focus();
      return setError('Bitte das Kennwort angeben.');
    }
    setBusy(true);
    setError(null);
    const message = await signIn(getDb(), username, password);
    setBusy(false);
    setPassword('');
    setError(message);
    if (message) passwordRef.current?.focus();
  }

  return (
    <main id="main" className="setup">
      <h1>Anmelden</h1>
      <p>
        {device ? `${device.name} · ${site?.name ?? 'Standort unbekannt'} · ${PROFILE_LABELS[device.profile]}` : null}
      </p>
      {notice && <p className="notice">{notice}</p>}
      <form onSubmit={submit} noValidate aria-describedby={error ? `${id}-error` : undefined} aria-busy={busy}>
        <div className="field">
          <label htmlFor={`${id}-user`}>Benutzername</label>
          <input id={`${id}-user`} value={username} autoFocus autoComplete="username" spellCheck={false} onChange={(e) => setUsername(e.target.value)} />
          <span className="hint">Ihr Windows-Anmeldename</span>
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`}>Kennwort</label>
          <input id={`${id}-password`} ref={passwordRef} type="password" value={password} autoComplete="current-password" onChange={(e) => setPassword(e.target.value)} />
        </div>
        {error && (
          <p id={`${id}-error`} className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          Anmelden
        </button>
      </form>
    </main>
  );
}
