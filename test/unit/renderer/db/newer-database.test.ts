// Before Dexie loads: it takes the global indexedDB when its module is evaluated.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { AnlaufstelleDB } from '../../../../renderer/src/db/db';
import { LATEST_SCHEMA_VERSION } from '../../../../renderer/src/db/schema';

/**
 * STYLE 8: refuse to open a database written by a newer app version instead of working on (and
 * possibly damaging) a shape this app does not know. bootstrap.ts turns the VersionError into a
 * German message.
 */

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

/** A database left behind by a future app version (Dexie version 99, a table this app lacks). */
async function futureDatabase(): Promise<string> {
  const name = `test-${crypto.randomUUID()}`;
  names.push(name);
  const future = new Dexie(name);
  future.version(99).stores({
    sites: 'id',
    staff: 'id, homeSiteId',
    visits: 'id, [siteId+arrivedAt], arrivedAt',
    handoffs: 'id, [siteId+status], visitId',
    tickets: 'id, ref, status, dueAt, [distributionSiteId+status], siteId',
    settings: 'key',
    outbox: 'id, at',
    futureTable: 'id',
  });
  await future.open();
  await future.table('futureTable').put({ id: 'x', kept: true });
  future.close();
  return name;
}

describe('STYLE 8: a database newer than the app is refused, not opened', () => {
  it('rejects open() with Dexie.VersionError', async () => {
    const name = await futureDatabase();
    const db = new AnlaufstelleDB(name);

    await expect(db.open()).rejects.toBeInstanceOf(Dexie.VersionError);
    expect(db.isOpen()).toBe(false);
  });

  it('leaves the newer database as it was', async () => {
    const name = await futureDatabase();
    await new AnlaufstelleDB(name).open().catch(() => undefined);

    const raw = new Dexie(name);
    await raw.open(); // dynamic mode: opens whatever version is installed
    expect(raw.verno).toBe(99);
    expect(await raw.table('futureTable').get('x')).toEqual({ id: 'x', kept: true });
    raw.close();
  });

  it('leaves a newer database alone whose schema lacks something this app declares', async () => {
    // Dexie 4 would "patch" such a database: add the missing index under a higher version.
    const name = `test-${crypto.randomUUID()}`;
    names.push(name);
    const future = new Dexie(name);
    future.version(99).stores({ sites: 'id', visits: 'id', renamedTickets: 'id' });
    await future.open();
    future.close();

    await expect(new AnlaufstelleDB(name).open()).rejects.toBeInstanceOf(Dexie.VersionError);

    const raw = new Dexie(name);
    await raw.open();
    expect(raw.verno).toBe(99);
    expect(raw.tables.map((t) => t.name).sort()).toEqual(['renamedTickets', 'sites', 'visits']);
    raw.close();
  });

  it('also refuses a table read that opens the database on its own', async () => {
    const name = await futureDatabase();
    const db = new AnlaufstelleDB(name);

    await expect(db.sites.count()).rejects.toThrow();
    expect(db.isOpen()).toBe(false);
  });

  it('still opens a database of the same version', async () => {
    const name = `test-${crypto.randomUUID()}`;
    names.push(name);
    const first = new AnlaufstelleDB(name);
    await first.open();
    first.close();

    const again = new AnlaufstelleDB(name);
    await again.open();
    expect(again.verno).toBe(LATEST_SCHEMA_VERSION);
    again.close();
  });
});
