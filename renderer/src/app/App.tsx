import { useWindowKeydown } from '../lib/keyboard';
import { useDeskStaff, useSession } from '../state/session';
import { Layout } from './Layout';
import { navigate, useRoute } from './router';
import { SCREENS, screenAllowed, screenForKey } from './screens';
import { ScreenErrorBoundary } from './ScreenErrorBoundary';
import { SetupScreen } from './SetupScreen';
import { useAuth } from '../auth/auth';
import { EnrollScreen } from '../features/signin/EnrollScreen';
import { LockScreen } from '../features/signin/LockScreen';
import { SignInScreen } from '../features/signin/SignInScreen';

export function App() {
  const ready = useSession((s) => s.ready);
  const fatal = useSession((s) => s.fatal);
  const configured = useSession((s) => s.settings.siteId !== null && s.settings.deskStaffId !== null);
  const phase = useAuth((s) => s.phase);
  const route = useRoute();
  const roles = useDeskStaff()?.roles ?? null;

  // Alt + key: jump to a screen from anywhere, also from inside a form (keyboard first, SPEC §10).
  useWindowKeydown((e) => {
    if (!e.altKey || e.ctrlKey || e.metaKey) return;
    const screen = screenForKey(e);
    // A screen this person may not open is not jumped to (nor shown in the navigation).
    if (screen && screenAllowed(screen, roles, useAuth.getState().phase === 'signed-in')) {
      e.preventDefault();
      navigate(screen.path);
    }
  });

  if (fatal) {
    return (
      <main className="fatal">
        <h1>Anlaufstelle kann nicht starten</h1>
        <p role="alert">{fatal}</p>
      </main>
    );
  }
  if (!ready || phase === 'checking') {
    return (
      <main className="loading" aria-busy="true">
        <h1>Anlaufstelle wird geladen …</h1>
      </main>
    );
  }
  // Issue 7: an enrolled PC shows nothing before someone signs in, and nothing while it is locked.
  if (phase === 'enroll') return <EnrollScreen />;
  if (phase === 'signed-out') return <SignInScreen />;
  if (phase === 'locked') return <LockScreen />;
  if (phase === 'standalone' && !configured) return <SetupScreen />;

  const [path = 'theke', ...params] = route;
  const screen = SCREENS.find((s) => s.path === path) ?? SCREENS[0]!;
  const Component = screen.component;
  const permitted = screenAllowed(screen, roles, phase === 'signed-in');
  return (
    <Layout activePath={screen.path} screenKey={route.join('/')}>
      <ScreenErrorBoundary resetKey={route.join('/')}>
        {permitted ? (
          <Component params={params} />
        ) : (
          <>
            <h1 tabIndex={-1}>Keine Berechtigung</h1>
            <p className="error" role="alert">
              Keine Berechtigung für diese Ansicht{phase === 'signed-in' ? '.' : ': es gibt sie nur mit dem Sync-Dienst und einer Anmeldung.'}
            </p>
          </>
        )}
      </ScreenErrorBoundary>
    </Layout>
  );
}
