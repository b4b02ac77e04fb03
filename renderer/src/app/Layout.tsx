import { useRef, type ReactNode } from 'react';
import { useCurrentSite, useDeskStaff } from '../state/session';
import { DeadlineWatcher } from '../features/tickets/deadline-notifications';
import { TicketAlertsBadge } from '../features/tickets/TicketAlertsBadge';
import { useInitialFocus } from '../lib/keyboard';
import { Announcements } from '../ui/Announcements';
import { hrefTo } from './router';
import { SCREENS, screenAllowed } from './screens';
import { SyncStatusLine } from '../sync/SyncStatusLine';
import { AppStatusBanner } from './status-banner';
import { SilentAlarmBanner, SilentAlarmTrigger } from '../features/alarm/SilentAlarm';
import { WaitingChanges } from '../features/signin/WaitingChanges';
import { SessionKeeper, SessionMenu } from '../features/signin/SessionControls';
import { useAuth } from '../auth/auth';

/** `screenKey` names what is on screen (the route): a new one places the focus anew (useInitialFocus). */
export function Layout({ activePath, screenKey, children }: { activePath: string; screenKey: string; children: ReactNode }) {
  const main = useRef<HTMLElement>(null);
  useInitialFocus(main, screenKey);
  const site = useCurrentSite();
  const staff = useDeskStaff();
  const signedIn = useAuth((s) => s.phase === 'signed-in');
  return (
    <div className="layout">
      {/* The hash is the router's: jump by focus, not by fragment (WCAG 2.4.1). */}
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Zum Inhalt springen
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-name">Anlaufstelle</span>
          <span className="brand-site">
            Standort <strong>{site?.name ?? '—'}</strong> ·{' '}
            {signedIn ? (
              <SessionMenu />
            ) : (
              <>
                Demo ohne Sync-Dienst, am Platz: <strong>{staff?.name ?? '—'}</strong>
              </>
            )}
          </span>
          <SyncStatusLine />
          <SilentAlarmTrigger />
        </div>
        <TicketAlertsBadge />
        <nav aria-label="Hauptnavigation">
          <ul className="nav">
            {SCREENS.filter((s) => screenAllowed(s, staff?.roles ?? null, signedIn)).map((s) => (
              <li key={s.path}>
                <a href={hrefTo(s.path)} aria-current={s.path === activePath ? 'page' : undefined} aria-keyshortcuts={`Alt+${s.key}`}>
                  {s.label}
                  {s.badge && <s.badge />} <kbd>Alt+{s.key}</kbd>
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <AppStatusBanner />
      <SilentAlarmBanner />
      <WaitingChanges />
      <main id="main" tabIndex={-1} ref={main}>
        {children}
      </main>
      <Announcements />
      {/* SPEC §5 / issue #2 item 6: notify before a ticket of this site becomes overdue. */}
      <DeadlineWatcher />
      <SessionKeeper />
    </div>
  );
}
