import { useAuth } from '../auth/auth';
import { ValidationError, type WriteContext } from '../db/repositories/base';
import { useSession } from '../state/session';

/**
 * The author and time of a write, taken at the moment of the write (e2e tests control the clock).
 * Issue 7 item 5: on an enrolled PC the author is the signed-in person – without one nothing is
 * written. The local demo ("Nur dieser PC") writes as the person chosen there.
 */
export function writeContext(opts: { evenLocked?: boolean } = {}): WriteContext {
  const { phase, user } = useAuth.getState();
  if (phase !== 'standalone') {
    // The Stiller Alarm alone may be written from the locked screen: the person is still signed in.
    const signedIn = phase === 'signed-in' || (opts.evenLocked === true && phase === 'locked');
    if (!signedIn || !user?.staffId) throw new ValidationError('Bitte zuerst anmelden; ohne angemeldete Person wird nichts gespeichert.');
    return { actorId: user.staffId, now: new Date() };
  }
  const { deskStaffId } = useSession.getState().settings;
  return { actorId: deskStaffId ?? 'unbekannt', now: new Date() };
}
