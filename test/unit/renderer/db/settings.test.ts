// Before Dexie loads: it takes the global indexedDB when its module is evaluated.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnlaufstelleDB } from '../../../../renderer/src/db/db';
import { ValidationError } from '../../../../renderer/src/db/repositories/base';
import { DEFAULT_SETTINGS, loadSettings, saveSettings } from '../../../../renderer/src/db/repositories/settings';
import { BAD_EMS, freshDb } from './fixture';

/** Settings belong to one installation (one desk PC) and are remembered across restarts. */

let db: AnlaufstelleDB;
afterEach(async () => {
  await db?.delete();
});

describe('Settings of this installation', () => {
  it('first start: no site, no clerk, demo data on, working-day deadlines (SPEC §5), 90 days retention (SPEC §9)', async () => {
    db = await freshDb();

    expect(await loadSettings(db)).toEqual({
      siteId: null,
      deskStaffId: null,
      demoData: true,
      deadlinePolicy: 'working-days',
      retentionDays: 90,
      notifyMinutesBefore: 120,
    });
    expect(DEFAULT_SETTINGS.deadlinePolicy).toBe('working-days');
  });

  it('saves a change and loads it back after a restart, keeping what was not changed', async () => {
    db = await freshDb();
    await saveSettings(db, { siteId: BAD_EMS, deskStaffId: 'clerk-1' });
    const saved = await saveSettings(db, { deadlinePolicy: 'calendar', retentionDays: 30, demoData: false });

    db.close();
    await db.open();
    const loaded = await loadSettings(db);

    expect(loaded).toEqual(saved);
    expect(loaded).toEqual({ ...DEFAULT_SETTINGS, siteId: BAD_EMS, deskStaffId: 'clerk-1', deadlinePolicy: 'calendar', retentionDays: 30, demoData: false });
  });

  it.each([
    [0, 'Anonymisierung: mindestens 1 Tag.'],
    [3651, 'Anonymisierung: höchstens 3650 Tage.'],
  ])('refuses a retention period of %i days with a German message and changes nothing', async (retentionDays, message) => {
    db = await freshDb();
    await saveSettings(db, { retentionDays: 60 });
    const rows = await db.settings.toArray();

    const refused = saveSettings(db, { retentionDays, siteId: BAD_EMS });

    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    await expect(refused).rejects.toThrow(message);
    expect(await db.settings.toArray()).toEqual(rows);
    expect(await loadSettings(db)).toMatchObject({ retentionDays: 60, siteId: null });
  });

  it('falls back to the defaults when a stored value is corrupt rather than failing to start', async () => {
    db = await freshDb();
    await db.settings.put({ key: 'retentionDays', value: 'neunzig' });

    expect(await loadSettings(db)).toEqual(DEFAULT_SETTINGS);
  });
});
