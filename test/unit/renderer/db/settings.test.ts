// Before Dexie loads: it takes the global indexedDB when its module is evaluated.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnlaufstelleDB } from '../../../../renderer/src/db/db';
import { ValidationError } from '../../../../renderer/src/db/repositories/base';
import { DEFAULT_SETTINGS, loadSettings, saveSettings } from '../../../../renderer/src/db/repositories/settings';
import { BAD_EMS, ctx, DIEZ, freshDb, staffIdWith } from './fixture';
import { deactivateStaff } from '../../../../renderer/src/db/repositories/staff';

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
    const clerk = await staffIdWith(db, 'EZ');
    await saveSettings(db, { siteId: BAD_EMS, deskStaffId: clerk });
    const saved = await saveSettings(db, { deadlinePolicy: 'calendar', retentionDays: 30, demoData: false });

    db.close();
    await db.open();
    const loaded = await loadSettings(db);

    expect(loaded).toEqual(saved);
    expect(loaded).toEqual({ ...DEFAULT_SETTINGS, siteId: BAD_EMS, deskStaffId: clerk, deadlinePolicy: 'calendar', retentionDays: 30, demoData: false });
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

  it('issue 10 item 12: one corrupt stored value falls back to its own default and resets nothing else', async () => {
    db = await freshDb();
    await saveSettings(db, { siteId: DIEZ, retentionDays: 30, deadlinePolicy: 'calendar' });
    await db.settings.put({ key: 'retentionDays', value: 'neunzig' });
    await db.settings.put({ key: 'notifyMinutesBefore', value: -1 });
    await db.settings.put({ key: '__proto__', value: { demoData: false } });
    await db.settings.put({ key: 'unbekannt', value: 1 });

    expect(await loadSettings(db)).toEqual({ ...DEFAULT_SETTINGS, siteId: DIEZ, deadlinePolicy: 'calendar' });
  });
});

describe('issue 10 item 12: settings take only known keys, valid values and ids that exist', () => {
  async function expectRefused(patch: unknown, message: string | RegExp) {
    const rows = await db.settings.toArray();
    const refused = saveSettings(db, patch as never);
    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    await expect(refused).rejects.toThrow(message);
    expect(await db.settings.toArray()).toEqual(rows);
  }

  it('refuses a site that does not exist, and an empty one, in German, writing nothing', async () => {
    db = await freshDb();
    await saveSettings(db, { siteId: BAD_EMS });
    await expectRefused({ siteId: 'kein-standort' }, 'Diesen Standort gibt es nicht. Bitte einen der Standorte wählen.');
    await expectRefused({ siteId: '' }, 'Bitte einen Standort wählen.');
    await expectRefused({ siteId: '   ' }, 'Bitte einen Standort wählen.');
    await expectRefused({ siteId: null }, 'Bitte einen Standort wählen.');
    await expectRefused({ siteId: 7 }, 'Bitte einen Standort wählen.');
    expect((await loadSettings(db)).siteId).toBe(BAD_EMS);
  });

  it('refuses a desk person who does not exist or is no longer active', async () => {
    db = await freshDb();
    const clerk = await staffIdWith(db, 'EZ');
    const leaving = await staffIdWith(db, 'EZ', DIEZ);
    await deactivateStaff(db, leaving, ctx());
    const inactive = 'Diese Person ist nicht (mehr) im Personalverzeichnis aktiv. Bitte wählen, wer am Platz ist.';
    await expectRefused({ deskStaffId: 'niemand' }, inactive);
    await expectRefused({ deskStaffId: leaving }, inactive);
    await expectRefused({ deskStaffId: '' }, 'Bitte wählen, wer am Platz ist.');
    await saveSettings(db, { deskStaffId: clerk });
    expect((await loadSettings(db)).deskStaffId).toBe(clerk);
  });

  it('checks the person inside the write: deactivated in the same moment, the save is refused', async () => {
    db = await freshDb();
    const clerk = await staffIdWith(db, 'EZ');
    const [deactivated, saved] = await Promise.allSettled([deactivateStaff(db, clerk, ctx()), saveSettings(db, { deskStaffId: clerk })]);
    expect(deactivated.status).toBe('fulfilled');
    expect(saved.status).toBe('rejected');
    expect((await loadSettings(db)).deskStaffId).toBeNull();
  });

  it.each([
    [{ siteIdd: 'x' }, 'Unbekannte Einstellung „siteIdd“ – es wurde nichts gespeichert.'],
    [JSON.parse('{"__proto__": {"retentionDays": 1}}'), 'Unbekannte Einstellung „__proto__“ – es wurde nichts gespeichert.'],
    [{ constructor: 'x', retentionDays: 30 }, 'Unbekannte Einstellung „constructor“ – es wurde nichts gespeichert.'],
    [null, 'Die Einstellungen sind ungültig – es wurde nichts gespeichert.'],
    [[1, 2], 'Die Einstellungen sind ungültig – es wurde nichts gespeichert.'],
    [{ retentionDays: '90' }, 'Anonymisierung: bitte eine Zahl von Tagen angeben.'],
    [{ deadlinePolicy: 'bald' }, 'Bitte eine Fristberechnung wählen.'],
    [{ demoData: 'ja' }, 'Demodaten: bitte ein- oder ausschalten.'],
  ])('refuses %j with a German message and writes nothing', async (patch, message) => {
    db = await freshDb();
    await saveSettings(db, { retentionDays: 60 });
    await expectRefused(patch, message);
    expect(Object.getPrototypeOf(await loadSettings(db))).toBe(Object.prototype);
    expect((await db.settings.toArray()).map((r) => r.key)).toEqual(['retentionDays']);
  });

  it('a save writes only the keys it was given', async () => {
    db = await freshDb();
    await saveSettings(db, { retentionDays: 45 });
    expect(await db.settings.toArray()).toEqual([{ key: 'retentionDays', value: 45 }]);
  });
});
