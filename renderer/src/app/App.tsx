import { useWindowKeydown } from '../lib/keyboard';
import { useSession } from '../state/session';
import { Layout } from './Layout';
import { navigate, useRoute } from './router';
import { SCREENS } from './screens';
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

  // Alt + key: jump to a screen from anywhere, also from inside a form (keyboard first, SPEC §10).
  useWindowKeydown((e) => {
    if (!e.altKey || e.ctrlKey || e.metaKey) return;
    const screen = SCREENS.find((s) => s.key === e.key);
    if (screen) {
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
  return (
    <Layout activePath={screen.path} screenKey={route.join('/')}>
      <ScreenErrorBoundary resetKey={route.join('/')}>
        <Component params={params} />
      </ScreenErrorBoundary>
    </Layout>
  );
}
