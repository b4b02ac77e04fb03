import type { WriteContext } from '../db/repositories/base';
import { useSession } from '../state/session';

/** The author and time of a write, taken at the moment of the write (e2e tests control the clock). */
export function writeContext(): WriteContext {
  const { deskStaffId } = useSession.getState().settings;
  return { actorId: deskStaffId ?? 'unbekannt', now: new Date() };
}
