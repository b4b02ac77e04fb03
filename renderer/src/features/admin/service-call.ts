import { useAuth } from '../../auth/auth';
import { ServiceError, serviceRequest } from '../../auth/service-api';

/**
 * A request of the Verwaltung or the Zugriffsprotokoll: with the signed-in person's token (the
 * service checks the role again). Answers the value or a German error.
 */
export async function callService<T>(path: string, init: { method?: 'GET' | 'POST' | 'PUT'; body?: unknown; raw?: boolean } = {}): Promise<{ ok: true; value: T } | { ok: false; error: string }> {
  const userToken = useAuth.getState().user?.token ?? null;
  if (!userToken) return { ok: false, error: OFFLINE_SIGN_IN };
  try {
    return { ok: true, value: await serviceRequest<T>(path, { ...init, userToken }) };
  } catch (error) {
    if (error instanceof ServiceError) return { ok: false, error: error.message };
    throw error;
  }
}

export const OFFLINE_SIGN_IN = 'Sie sind ohne Verbindung zum Sync-Dienst angemeldet. Bitte mit Verbindung anmelden (abmelden und neu anmelden, sobald der Sync-Dienst erreichbar ist).';

/** Whether the signed-in person has a user token (an offline sign-in has none). */
export const useOnlineSignIn = () => useAuth((s) => s.phase === 'signed-in' && s.user?.token != null);
