import { getDb } from '../db/db';
import { ValidationError } from '../db/repositories/base';
import { removeDemoHistory, seedDemoData } from '../db/repositories/demo';
import { saveSettings, type AppSettings } from '../db/repositories/settings';
import { useSession } from '../state/session';
import { writeContext } from './write-context';

/** Saves settings; returns a German error message, or null when saved. */
export async function updateSettings(patch: Partial<AppSettings>): Promise<string | null> {
  const db = getDb();
  const before = useSession.getState().settings;
  try {
    const next = await saveSettings(db, patch);
    if (before.demoData && !next.demoData) await removeDemoHistory(db, writeContext());
    if (!before.demoData && next.demoData) await seedDemoData(db, new Date());
    useSession.getState().setSettings(next);
    return null;
  } catch (error) {
    if (error instanceof ValidationError) return error.message;
    throw error;
  }
}
