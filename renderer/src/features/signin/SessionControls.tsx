import { useEffect } from 'react';
import { LOCK_KEYS } from '@shared/auth/sign-in';
import { flushAudit } from '../../auth/audit-outbox';
import { lock, renewIfDue, signOut, useAuth } from '../../auth/auth';
import { getDb } from '../../db/db';

const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

export const isLockKey = (e: KeyboardEvent) => e.ctrlKey === LOCK_KEYS.ctrl && e.altKey === LOCK_KEYS.alt && !e.shiftKey && e.key.toLowerCase() === LOCK_KEYS.key;

/**
 * Issue 7 item 4 on a signed-in PC: locks after the Jobcenter's idle time (default 5 minutes) and at
 * once with Strg+Alt+L from anywhere; keeps the user token fresh and reports the access-log entries
 * waiting on this PC. Renders nothing.
 */
export function SessionKeeper() {
  const idleMinutes = useAuth((s) => s.jobcenter.idleLockMinutes);
  const phase = useAuth((s) => s.phase);

  useEffect(() => {
    if (phase !== 'signed-in') return;
    const db = getDb();
    let last = Date.now();
    const seen = () => {
      last = Date.now();
    };
    const onKey = (e: KeyboardEvent) => {
      if (!isLockKey(e)) return;
      e.preventDefault();
      e.stopPropagation();
      void lock(db);
    };
    for (const type of ACTIVITY) window.addEventListener(type, seen, { capture: true, passive: true });
    window.addEventListener('keydown', onKey, { capture: true });
    // A check every few seconds: the page clock (and Playwright's) moves the idle time on.
    const idle = window.setInterval(() => {
      if (Date.now() - last >= idleMinutes * 60_000) void lock(db);
    }, 5_000);
    const keep = window.setInterval(() => {
      void renewIfDue(db);
      void flushAudit(db);
    }, 30_000);
    void flushAudit(db);
    return () => {
      for (const type of ACTIVITY) window.removeEventListener(type, seen, { capture: true });
      window.removeEventListener('keydown', onKey, { capture: true });
      window.clearInterval(idle);
      window.clearInterval(keep);
    };
  }, [phase, idleMinutes]);
  return null;
}

/** In the header: who is signed in, lock and sign out (the quick user switch). */
export function SessionMenu() {
  const user = useAuth((s) => s.user);
  if (!user) return null;
  return (
    <span className="session-menu">
      Angemeldet: <strong>{user.displayName}</strong>
      {user.offline && <span className="hint"> (ohne Verbindung angemeldet)</span>}{' '}
      <button type="button" className="link-button" aria-keyshortcuts="Control+Alt+L" onClick={() => void lock(getDb())}>
        Sperren <kbd>{LOCK_KEYS.label}</kbd>
      </button>{' '}
      <button type="button" className="link-button" onClick={() => void signOut(getDb())}>
        Abmelden / Benutzer wechseln
      </button>
    </span>
  );
}
