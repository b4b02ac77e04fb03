// Before Dexie loads: it takes the global indexedDB when its module is evaluated.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { AnlaufstelleDB } from '../../../../renderer/src/db/db';
import { isEmpty, removeDemoHistory, seedDemoData, seedDirectory } from '../../../../renderer/src/db/repositories/demo';
import { listSites, listStaff } from '../../../../renderer/src/db/repositories/directory';
import { recordTriage } from '../../../../renderer/src/db/repositories/visits';
import { AT_BAD_EMS, THU_10, ctx, later, other } from './fixture';

/** Issue #2: a first start shows a few weeks of demo history; turning it off removes exactly that. */

let db: AnlaufstelleDB;
afterEach(async () => {
  await db?.delete();
});

async function demoDb(): Promise<AnlaufstelleDB> {
  const fresh = new AnlaufstelleDB(`test-${crypto.randomUUID()}`);
  expect(await isEmpty(fresh)).toBe(true);
  await seedDemoData(fresh, THU_10);
  return fresh;
}

describe('Demo data', () => {
  it('seeds four sites, the staff list and weeks of demo history, every history row marked demo', async () => {
    db = await demoDb();

    expect(await isEmpty(db)).toBe(false);
    expect((await listSites(db)).map((s) => s.name)).toEqual(['Bad Ems', 'Diez', 'Lahnstein', 'Nastätten']);
    expect((await listStaff(db)).length).toBeGreaterThan(0);
    expect(await db.visits.count()).toBeGreaterThan(500);
    expect(await db.tickets.count()).toBeGreaterThan(50);
    expect(await db.visits.filter((v) => v.demo !== true).count()).toBe(0);
    expect(await db.tickets.filter((t) => t.demo !== true).count()).toBe(0);
    expect(await db.handoffs.filter((h) => h.demo !== true).count()).toBe(0);
  });

  it('SPEC §9: removing the demo history tombstones only demo rows; a real visit, the sites and staff stay', async () => {
    db = await demoDb();
    const real = await recordTriage(db, { ...other(), verbisCheck: 'vermittlung-needed' }, AT_BAD_EMS, ctx(THU_10));
    // History plus the demo roster and absences of the staffing side (issue #3).
    const demoRows =
      (await db.visits.count()) + (await db.handoffs.count()) + (await db.tickets.count()) - 3 + (await db.shifts.count()) + (await db.absences.count());
    expect(await db.shifts.count()).toBeGreaterThan(0);
    const sites = await db.sites.toArray();
    const staff = await db.staff.toArray();

    const removed = await removeDemoHistory(db, ctx(later(THU_10, 5), 'admin'));

    expect(removed).toBe(demoRows);
    // Soft delete (SPEC §9 tombstones): the rows are still there, marked deleted.
    expect(await db.visits.filter((v) => v.demo === true && v.deletedAt !== later(THU_10, 5).toISOString()).count()).toBe(0);
    expect(await db.tickets.filter((t) => t.demo === true && t.deletedAt === null).count()).toBe(0);
    expect(await db.handoffs.filter((h) => h.demo === true && h.deletedAt === null).count()).toBe(0);
    expect(await db.shifts.filter((s) => s.demo === true && s.deletedAt === null).count()).toBe(0);
    expect(await db.visits.get(real.visit.id)).toEqual(real.visit);
    expect(await db.tickets.get(real.ticket!.id)).toEqual(real.ticket);
    expect(await db.handoffs.get(real.handoffs[0]!.id)).toEqual(real.handoffs[0]);
    expect(await db.sites.toArray()).toEqual(sites);
    expect(await db.staff.toArray()).toEqual(staff);
    expect(await removeDemoHistory(db, ctx(later(THU_10, 6), 'admin'))).toBe(0);
  });

  it('without demo data the first start has the sites and the staff list and no history', async () => {
    db = new AnlaufstelleDB(`test-${crypto.randomUUID()}`);
    await seedDirectory(db, THU_10);

    expect(await db.sites.count()).toBe(4);
    expect(await db.staff.count()).toBeGreaterThan(0);
    expect([await db.visits.count(), await db.handoffs.count(), await db.tickets.count()]).toEqual([0, 0, 0]);
  });
});
