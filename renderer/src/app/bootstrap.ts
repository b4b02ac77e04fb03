import Dexie from 'dexie';
import { getDb } from '../db/db';
import { listSites, listStaff } from '../db/repositories/directory';
import { isEmpty, seedDemoData, seedDirectory } from '../db/repositories/demo';
import { loadSettings } from '../db/repositories/settings';
import { anonymiseFinishedHandoffs } from '../db/repositories/handoffs';
import { anonymiseClosedTickets } from '../db/repositories/tickets';
import { useSession } from '../state/session';

/** Opens the database, seeds the first start, loads settings and the directory into the session. */
export async function bootstrap(): Promise<void> {
  const db = getDb();
  try {
    await db.open();
  } catch (error) {
    // STYLE 8: refuse to open a database newer than the app instead of damaging it.
    if (error instanceof Dexie.VersionError) {
      useSession
        .getState()
        .setFatal('Die lokale Datenbank stammt von einer neueren Version der Anlaufstelle. Bitte die App aktualisieren; es wurden keine Daten verändert.');
      return;
    }
    useSession.getState().setFatal(`Die lokale Datenbank konnte nicht geöffnet werden: ${String(error)}`);
    return;
  }
  const settings = await loadSettings(db);
  if (await isEmpty(db)) {
    const now = new Date();
    if (settings.demoData) await seedDemoData(db, now);
    else await seedDirectory(db, now);
  }
  const [sites, staff] = await Promise.all([listSites(db), listStaff(db)]);
  useSession.getState().setReady({ settings, sites, staff });

  // Housekeeping after the first paint: not on the path to an interactive counter. SPEC §9
  // retention: closed tickets and finished hand-offs lose their personal data. Both walk sparse
  // indexes of the due rows only (schema v3), so a start with nothing due costs next to nothing.
  setTimeout(() => {
    const ctx = { actorId: 'system', now: new Date() };
    void anonymiseClosedTickets(db, settings.retentionDays, ctx)
      .then(() => anonymiseFinishedHandoffs(db, settings.retentionDays, ctx))
      // Retried at the next start; the counter works without it.
      .catch((error: unknown) => console.error('Aufbewahrungsfrist: Anonymisierung fehlgeschlagen', error));
  }, 2000);
}
