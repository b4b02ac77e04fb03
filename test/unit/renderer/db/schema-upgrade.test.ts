// Before Dexie loads: it takes the global indexedDB when its module is evaluated.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { AnlaufstelleDB } from '../../../../renderer/src/db/db';
import { LATEST_SCHEMA_VERSION, SCHEMA_VERSIONS } from '../../../../renderer/src/db/schema';

/**
 * STYLE 8: every upgrade has a test that opens the old shape, upgrades and asserts.
 * Version 1 → 2 (issue #3): the staffing tables appear, and staff/site rows written before
 * staffing existed get the fields the roster and the board read.
 */

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

const at = '2026-01-12T08:00:00.000Z';
const stamps = { createdAt: at, createdBy: 'import', updatedAt: at, updatedBy: 'import', deletedAt: null };

/** A database as version 1 of the app left it, with rows of the old, thinner shape. */
async function versionOneDatabase(): Promise<string> {
  const name = `test-${crypto.randomUUID()}`;
  names.push(name);
  const v1 = new Dexie(name);
  v1.version(1).stores(SCHEMA_VERSIONS[0]!.stores);
  await v1.open();
  await v1.table('sites').bulkPut([
    { ...stamps, id: 'site-old', name: 'Bad Ems', code: 'BE' }, // neither sessions nor minStaff
    {
      ...stamps,
      id: 'site-configured',
      name: 'Diez',
      code: 'DZ',
      minStaff: 2,
      sessions: [{ weekday: 3, start: '13:00', end: '15:00' }],
    },
  ]);
  await v1.table('staff').bulkPut([
    { ...stamps, id: 'p-old', name: 'Anna Becker', homeSiteId: 'site-old', roles: ['EZ'] }, // no weekdays, no active
    { ...stamps, id: 'p-part', name: 'Ben Koch', homeSiteId: 'site-old', roles: ['EZ'], weekdays: [1, 2], active: false },
  ]);
  await v1.table('visits').put({ ...stamps, id: 'v-1', siteId: 'site-old', arrivedAt: at });
  expect(v1.verno).toBe(1);
  v1.close();
  return name;
}

describe('schema version 1 → 2 (desk staffing, issue #3)', () => {
  it('opens a version 1 database as the latest version with the staffing tables and their indexes', async () => {
    const db = new AnlaufstelleDB(await versionOneDatabase());
    await db.open();
    expect(db.verno).toBe(LATEST_SCHEMA_VERSION);
    expect(LATEST_SCHEMA_VERSION).toBeGreaterThanOrEqual(2);
    const tables = db.tables.map((t) => t.name);
    for (const t of ['shifts', 'absences', 'closures', 'coverDecisions', 'inbox']) expect(tables).toContain(t);
    expect(db.shifts.schema.idxByName['[siteId+date]']).toBeDefined();
    expect(db.inbox.schema.idxByName['[recipientRole+createdAt]']).toBeDefined();
    // The new tables work at once.
    await db.shifts.put({
      ...stamps,
      id: 's-1',
      siteId: 'site-old',
      date: '2026-11-26',
      sessionStart: '08:00',
      staffId: 'p-old',
      source: 'manual',
      coverSource: null,
      coverDecisionId: null,
    });
    expect(await db.shifts.where('[siteId+date]').equals(['site-old', '2026-11-26']).count()).toBe(1);
    db.close();
  });

  it('backfills weekday pattern (Mon–Fri) and active for staff rows without them, and keeps set values', async () => {
    const db = new AnlaufstelleDB(await versionOneDatabase());
    const old = await db.staff.get('p-old');
    expect(old).toMatchObject({ weekdays: [1, 2, 3, 4, 5], active: true, roles: ['EZ'], name: 'Anna Becker' });
    const partTime = await db.staff.get('p-part');
    expect(partTime).toMatchObject({ weekdays: [1, 2], active: false });
    db.close();
  });

  it('gives sites without sessions the default sessions (seed §4.1) and minStaff 1, and keeps configured ones', async () => {
    const db = new AnlaufstelleDB(await versionOneDatabase());
    const old = await db.sites.get('site-old');
    expect(old?.minStaff).toBe(1);
    expect(old?.sessions).toEqual([1, 2, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '12:00' })));
    const configured = await db.sites.get('site-configured');
    expect(configured).toMatchObject({ minStaff: 2, sessions: [{ weekday: 3, start: '13:00', end: '15:00' }] });
    // Other tables are untouched.
    expect(await db.visits.get('v-1')).toMatchObject({ siteId: 'site-old' });
    db.close();
  });
});
