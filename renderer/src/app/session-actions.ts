import { useAuth } from '../auth/auth';
import { getDb } from '../db/db';
import { ValidationError } from '../db/repositories/base';
import { saveSettingsWithDemoData } from '../db/repositories/demo';
import type { AppSettings } from '../db/repositories/settings';
import { useSession } from '../state/session';
import { writeContext } from './write-context';

/**
 * Saves settings; returns a German error message, or null when saved. Every failure becomes a
 * message (the screens show it in their alert) – a rejected promise would leave the form hanging.
 * The setting and the demo data it switches change in one transaction (demo.ts).
 */
export async function updateSettings(patch: Partial<AppSettings>): Promise<string | null> {
  try {
    const next = await saveSettingsWithDemoData(getDb(), patch, writeContext());
    const current = useSession.getState().settings;
    // Issue 7: on an enrolled PC the site and the person are the enrollment's and the sign-in's, in
    // memory only – a saved setting (demo data) must not put the stored ones back.
    const enrolled = useAuth.getState().phase !== 'standalone';
    useSession.getState().setSettings(enrolled ? { ...next, siteId: current.siteId, deskStaffId: current.deskStaffId } : next);
    return null;
  } catch (error) {
    if (error instanceof ValidationError) return error.message;
    console.error('Einstellungen nicht gespeichert', error);
    return 'Die Einstellungen konnten nicht gespeichert werden; es wurde nichts geändert. Bitte erneut versuchen.';
  }
}
