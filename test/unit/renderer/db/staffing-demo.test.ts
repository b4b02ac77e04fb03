// Before Dexie loads: it takes the global indexedDB when its module is evaluated.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { SITE_SEED } from '@shared/demo/generate';
import type { AnlaufstelleDB } from '../../../../renderer/src/db/db';
import { weekBoard } from '../../../../renderer/src/db/repositories/cover';
import { readDeskMode } from '../../../../renderer/src/db/repositories/roster';
import { seedStaffingDemo } from '../../../../renderer/src/db/repositories/staffing-demo';
import { THU_10, freshDb } from './fixture';
import { THU, WEEK } from './staffing-fixture';

/** Issue #3 demo: two weeks drafted and three absences, so the coverage board has decisions to show. */

let db: AnlaufstelleDB;
afterEach(async () => {
  await db?.delete();
});

describe('demo staffing', () => {
  it('drafts this week and the next, marks every row demo, and leaves gaps with proposals to decide', async () => {
    db = await freshDb();
    expect(await seedStaffingDemo(db, THU_10)).toEqual({ shifts: 32, absences: 3 });
    expect(await db.shifts.filter((s) => s.demo !== true).count()).toBe(0);
    expect(await db.absences.filter((a) => a.demo !== true).count()).toBe(0);

    const thursday = (await weekBoard(db, WEEK, THU_10)).cells.filter((c) => c.date === THU);
    expect(thursday.map((c) => [c.siteName, c.status, c.gapKind])).toEqual([
      ['Bad Ems', 'covered', null],
      ['Diez', 'covered', null],
      ['Lahnstein', 'at-risk', 'planned'],
      ['Nastätten', 'at-risk', 'unplanned'],
    ]);
    const nextMonday = (await weekBoard(db, '2026-11-30', THU_10)).cells.find((c) => c.siteName === 'Diez' && c.date === '2026-11-30');
    expect(nextMonday?.status).toBe('at-risk');
    // No cover is accepted: no desk starts in LB cover mode.
    for (const site of SITE_SEED) expect((await readDeskMode(db, site.id, THU_10)).lbCover).toBe(false);
  });
});
