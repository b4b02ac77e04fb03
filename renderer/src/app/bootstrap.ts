import Dexie from 'dexie';
import { getDb } from '../db/db';
import { listSites, listStaff } from '../db/repositories/directory';
import { isEmpty, seedDemoData, seedDirectory } from '../db/repositories/demo';
import { loadSettings } from '../db/repositories/settings';
import { deskPerson, useSession } from '../state/session';
import { keepReportDays, REPORT_READERS } from './report-days';
import { scheduleRetentionSweeps } from './retention';
import { startSync } from './sync';
import { initAuth, useAuth } from '../auth/auth';

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

  // Housekeeping off the path to an interactive counter (SPEC §9 retention).
  scheduleRetentionSweeps(db);
  // Issue 8: a team lead's PC keeps the Auswertungen's daily aggregates ready.
  keepReportDays(db, {
    isReader: () => deskPerson()?.roles.some((r) => REPORT_READERS.includes(r)) ?? false,
  });
  // Issue 7: is this PC enrolled, is a service there at all ("Nur dieser PC": the local demo)?
  await initAuth();
  // Issue 6: the PC joins the Jobcenter's data (or says in the header that it works alone) – an
  // enrolled PC at once, a new one as soon as it is enrolled.
  if (useAuth.getState().phase !== 'enroll') void startSync(db).catch(() => undefined);
  else {
    const off = useAuth.subscribe((s) => {
      if (s.device === null) return;
      off();
      void startSync(db).catch(() => undefined);
    });
  }
}
