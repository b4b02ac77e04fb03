import type { AppSettings } from '@shared/model';
import { settingsFromStored, settingsPatchSchema } from '@shared/model';
import type { AnlaufstelleDB } from '../db';
import { isLive, parseOrThrow, ValidationError } from './base';

export type { AppSettings } from '@shared/model';
export { DEFAULT_SETTINGS, settingsSchema } from '@shared/model';

/**
 * Settings of this installation, remembered across restarts (shared/model/settings.ts: which are
 * per PC and which Jobcenter-wide). Read key by key, so one corrupt stored value falls back to its
 * own default and resets nothing else (issue 10 item 12).
 */
export async function loadSettings(db: AnlaufstelleDB): Promise<AppSettings> {
  const rows = await db.settings.toArray();
  return settingsFromStored(new Map(rows.map((r) => [r.key, r.value])));
}

/**
 * Saves the given keys (issue 10 item 12: known keys only, each value valid, ids that exist). The
 * ids are checked inside the write's transaction, so a person deactivated or a site removed at the
 * same moment cannot slip in between check and write. A refusal writes nothing.
 */
export async function saveSettings(db: AnlaufstelleDB, patch: Partial<AppSettings>): Promise<AppSettings> {
  const input = parseOrThrow(settingsPatchSchema, patch);
  return db.transaction('rw', [db.settings, db.sites, db.staff], async () => {
    const current = await loadSettings(db);
    // Only a changed id is checked: a setting saved alongside must not fail on a person who was
    // deactivated since – the desk keeps working until someone picks another.
    if (input.siteId !== undefined && input.siteId !== current.siteId && !isLive(await db.sites.get(input.siteId))) {
      throw new ValidationError('Diesen Standort gibt es nicht. Bitte einen der Standorte wählen.');
    }
    if (input.deskStaffId !== undefined && input.deskStaffId !== current.deskStaffId) {
      const person = await db.staff.get(input.deskStaffId);
      if (!isLive(person) || !person.active) {
        throw new ValidationError('Diese Person ist nicht (mehr) im Personalverzeichnis aktiv. Bitte wählen, wer am Platz ist.');
      }
    }
    const next: AppSettings = { ...current, ...input };
    await db.settings.bulkPut((Object.keys(input) as (keyof AppSettings)[]).map((key) => ({ key, value: next[key] })));
    return next;
  });
}
