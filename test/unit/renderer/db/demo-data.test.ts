// Before Dexie loads: it takes the global indexedDB when its module is evaluated.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { vi } from 'vitest';
import { AnlaufstelleDB } from '../../../../renderer/src/db/db';
import { isEmpty, removeDemoHistory, saveSettingsWithDemoData, seedDemoData, seedDirectory } from '../../../../renderer/src/db/repositories/demo';
import { listSites, listStaff } from '../../../../renderer/src/db/repositories/directory';
import { registerAbsence } from '../../../../renderer/src/db/repositories/absences';
import { loadSettings } from '../../../../renderer/src/db/repositories/settings';
import { updateSiteStaffing } from '../../../../renderer/src/db/repositories/sites';
import { deactivateStaff, updateStaff } from '../../../../renderer/src/db/repositories/staff';
import { distributeTicket } from '../../../../renderer/src/db/repositories/tickets';
import { recordTriage } from '../../../../renderer/src/db/repositories/visits';
import { AT_BAD_EMS, BAD_EMS, DIEZ, THU_10, ctx, freshDb, later, other } from './fixture';
import { countRowsRead, resetCounts } from './read-counter';

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

// Each test seeds weeks of demo history into fake-indexeddb, some two or three times: seconds on a
// busy 2-core machine, more than Vitest's default 5 s when other work shares the CPU.
const DEMO_SEED_TIMEOUT = 30_000;

describe('Demo data', { timeout: DEMO_SEED_TIMEOUT }, () => {
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

/** Live rows of the tables the staffing demo writes. */
async function liveStaffing(db: AnlaufstelleDB) {
  return {
    shifts: await db.shifts.filter((x) => x.deletedAt === null).count(),
    absences: await db.absences.filter((a) => a.deletedAt === null).count(),
  };
}

describe('Review finding 1: switching demo data off and on never overwrites real records', { timeout: DEMO_SEED_TIMEOUT }, () => {
  it('keeps a site\'s edited minimum staff and sessions and a person\'s deactivation and weekdays (SPEC §6 configuration)', async () => {
    db = await demoDb();
    const admin = ctx(later(THU_10, 5), 'admin');
    await updateSiteStaffing(db, DIEZ, { minStaff: 2, sessions: [{ weekday: 3, start: '13:00', end: '15:00' }] }, admin);
    const [first, second] = (await listStaff(db)).filter((p) => p.homeSiteId === BAD_EMS && p.roles.includes('EZ'));
    await deactivateStaff(db, first!.id, admin);
    await updateStaff(db, second!.id, { weekdays: [1, 5] }, admin);
    const sites = await db.sites.toArray();
    const staff = await db.staff.toArray();

    await removeDemoHistory(db, ctx(later(THU_10, 10), 'admin'));
    await seedDemoData(db, later(THU_10, 15));

    expect(await db.sites.toArray()).toEqual(sites);
    expect(await db.staff.toArray()).toEqual(staff);
    expect(await db.sites.get(DIEZ)).toMatchObject({ minStaff: 2, sessions: [{ weekday: 3, start: '13:00', end: '15:00' }] });
    expect(await db.staff.get(first!.id)).toMatchObject({ active: false });
  });

  it('switching on again brings the demo history back (un-tombstoned) and drafts the demo roster again', async () => {
    db = await demoDb();
    const liveDemoVisits = () => db.visits.filter((v) => v.demo === true && v.deletedAt === null).count();
    const visits = await liveDemoVisits();
    const staffing = await liveStaffing(db);

    await removeDemoHistory(db, ctx(later(THU_10, 5), 'admin'));
    expect(await liveDemoVisits()).toBe(0);
    await seedDemoData(db, THU_10);

    expect(await liveDemoVisits()).toBe(visits);
    expect(await liveStaffing(db)).toEqual(staffing);
  });

  it('a second seed writes no second roster for weeks that have one and no absence overlapping an existing one', async () => {
    db = await demoDb();
    const staffing = await liveStaffing(db);

    await seedDemoData(db, later(THU_10, 30));

    expect(await liveStaffing(db)).toEqual(staffing);
  });

  it('a demo absence is not added for a person who already has an absence on those days', async () => {
    db = await freshDb();
    // The staffing demo registers a sick note today for Nastätten's rostered clerk; register one first.
    await seedDemoData(db, THU_10);
    const sick = (await db.absences.toArray()).find((a) => a.reason === 'sickness')!;
    await removeDemoHistory(db, ctx(later(THU_10, 1), 'admin'));
    await registerAbsence(db, { staffId: sick.staffId, from: sick.from, to: sick.to, reason: 'vacation' }, ctx(later(THU_10, 2), 'admin'));

    await seedDemoData(db, later(THU_10, 3));

    const live = (await db.absences.filter((a) => a.deletedAt === null && a.staffId === sick.staffId).toArray()).map((a) => [a.reason, a.demo]);
    expect(live).toEqual([['vacation', undefined]]);
  });

  it('a live demo ticket that was worked on is not reset by seeding again', async () => {
    db = await demoDb();
    const open = await db.tickets.filter((t) => t.status === 'open' && t.deletedAt === null).first();
    const worked = await distributeTicket(db, open!.id, { assignee: { kind: 'team', department: 'FM', siteId: BAD_EMS } }, ctx(later(THU_10, 5)));

    await seedDemoData(db, THU_10);

    expect(await db.tickets.get(open!.id)).toEqual(worked);
  });

  it('the setting and the demo data change in one transaction: a failing seed leaves demo data off and adds nothing', async () => {
    db = await demoDb();
    await saveSettingsWithDemoData(db, { demoData: false }, ctx(later(THU_10, 5), 'admin'));
    expect(await loadSettings(db)).toMatchObject({ demoData: false });
    const visits = await db.visits.toArray();
    vi.spyOn(db.tickets, 'bulkPut').mockRejectedValueOnce(new Error('QuotaExceededError'));

    await expect(saveSettingsWithDemoData(db, { demoData: true }, ctx(later(THU_10, 10), 'admin'))).rejects.toThrow('QuotaExceededError');

    expect(await loadSettings(db)).toMatchObject({ demoData: false });
    expect(await db.visits.toArray()).toEqual(visits);
    // And it works once the failure is gone.
    await saveSettingsWithDemoData(db, { demoData: true }, ctx(later(THU_10, 15), 'admin'));
    expect(await loadSettings(db)).toMatchObject({ demoData: true });
    expect(await db.visits.filter((v) => v.deletedAt === null).count()).toBe(visits.length);
  });

  it('demo rows are local-only: seeding, removing and re-seeding them writes no outbox row (SPEC §9 sync is for real records)', async () => {
    db = await demoDb();
    await saveSettingsWithDemoData(db, { demoData: false }, ctx(later(THU_10, 5), 'admin'));
    await saveSettingsWithDemoData(db, { demoData: true }, ctx(later(THU_10, 10), 'admin'));

    expect(await db.outbox.count()).toBe(0);
    expect(await db.visits.filter((v) => v.demo === true && v.demoKey !== 1).count()).toBe(0);
  });
});

describe('Review finding 4: removing the demo history reads only demo rows', { timeout: DEMO_SEED_TIMEOUT }, () => {
  it('walks the sparse demoKey index: real visits are not read', async () => {
    db = await demoDb();
    for (let i = 0; i < 5; i++) await recordTriage(db, other(), AT_BAD_EMS, ctx(later(THU_10, i)));
    const demoVisits = await db.visits.filter((v) => v.demo === true).count();
    const reads = await countRowsRead(db);
    resetCounts(reads);

    await removeDemoHistory(db, ctx(later(THU_10, 10), 'admin'));

    expect(reads['visits']).toBe(demoVisits);
    expect(await db.visits.filter((v) => v.demo !== true && v.deletedAt === null).count()).toBe(5);
  });
});
