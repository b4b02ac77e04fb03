import { useId, useState, type FormEvent } from 'react';
import { signOut, unlock, useAuth } from '../../auth/auth';
import { getDb } from '../../db/db';
import { SilentAlarmTrigger } from '../alarm/SilentAlarm';

/**
 * Issue 7 item 4: the locked screen. It replaces the whole app – no name, number or list stays
 * behind it (a visitor stands in front of the counter). The signed-in person unlocks with the
 * password; "Benutzer wechseln" signs out for the next one. The Stiller Alarm key works here too: a
 * clerk threatened while her screen is locked must not have to unlock it first.
 */
export function LockScreen() {
  const user = useAuth((s) => s.user);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (!password) return setError('Bitte das Kennwort angeben.');
    setBusy(true);
    setError(null);
    const message = await unlock(getDb(), password);
    setBusy(false);
    setPassword('');
    setError(message);
  }

  return (
    <main id="main" className="setup lock-screen">
      <h1>Gesperrt</h1>
      <p>
        Angemeldet: <strong>{user?.displayName ?? '—'}</strong>. Zum Entsperren das Kennwort eingeben.
        <SilentAlarmTrigger />
      </p>
      <form onSubmit={submit} noValidate aria-describedby={error ? `${id}-error` : undefined} aria-busy={busy}>
        <div className="field">
          <label htmlFor={`${id}-password`}>Kennwort</label>
          <input id={`${id}-password`} type="password" value={password} autoFocus autoComplete="current-password" onChange={(e) => setPassword(e.target.value)} />
        </div>
        {error && (
          <p id={`${id}-error`} className="error" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            Entsperren
          </button>
          <button type="button" onClick={() => void signOut(getDb())}>
            Benutzer wechseln
          </button>
        </div>
      </form>
    </main>
  );
}
