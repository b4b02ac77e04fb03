import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnlaufstelleDB } from '../../../../renderer/src/db/db';
import { acknowledgeAlarm, alarmConcerns, openAlarmsFor, raiseAlarm } from '../../../../renderer/src/db/repositories/alarms';
import { BAD_EMS, DIEZ, THU_10, ctx, freshDb, later } from './fixture';

let db: AnlaufstelleDB;
afterEach(async () => db?.delete());

const raise = (at = THU_10) => raiseAlarm(db, { siteId: BAD_EMS, deskLabel: 'Anna Wagner, Bad Ems', deviceId: 'pc-theke-1' }, ctx(at));

describe('issue 6 item 5: Stiller Alarm', () => {
  it('is shown on every PC of the site and the leads’ PCs – never on the PC that raised it', async () => {
    db = await freshDb();
    const a = await raise();
    const pc = (over: Partial<Parameters<typeof alarmConcerns>[0]>) => alarmConcerns({ deviceId: 'other', siteId: DIEZ, roles: ['EZ'], homeSiteId: DIEZ, ...over }, a);
    expect(pc({ deviceId: 'pc-theke-1', siteId: BAD_EMS })).toBe(false);
    expect(pc({ siteId: BAD_EMS })).toBe(true);
    expect(pc({})).toBe(false);
    for (const role of ['TL_EZ', 'TL_LB', 'GF'] as const) expect(pc({ roles: [role] }), role).toBe(true);
    expect(pc({ roles: ['FM'], homeSiteId: BAD_EMS })).toBe(true);
    expect(pc({ roles: ['FM'], homeSiteId: DIEZ })).toBe(false);
  });

  it('stays until a colleague acknowledges it; the first to acknowledge is named, a second changes nothing', async () => {
    db = await freshDb();
    const a = await raise();
    const watcher = { deviceId: 'pc-lb', siteId: BAD_EMS, roles: ['LB'], homeSiteId: BAD_EMS };
    expect((await openAlarmsFor(db, watcher, later(THU_10, 30))).map((x) => x.id)).toEqual([a.id]);
    const first = await acknowledgeAlarm(db, a.id, ctx(later(THU_10, 1), 'clerk-lb-1'));
    const again = await acknowledgeAlarm(db, a.id, ctx(later(THU_10, 2), 'clerk-lb-2'));
    expect(again.acknowledgedBy).toBe('clerk-lb-1');
    expect(again.acknowledgedAt).toBe(first.acknowledgedAt);
    expect(await openAlarmsFor(db, watcher, later(THU_10, 3))).toEqual([]);
    expect(await db.outbox.where('[table+recordId]').equals(['alarms', a.id]).count()).toBe(2);
  });

  it('bad input is refused in German and writes nothing', async () => {
    db = await freshDb();
    await expect(raiseAlarm(db, { siteId: BAD_EMS, deskLabel: '  ', deviceId: 'pc' }, ctx())).rejects.toThrow('Der Platz fehlt.');
    await expect(acknowledgeAlarm(db, 'gibt-es-nicht', ctx())).rejects.toThrow('Diesen Alarm gibt es nicht mehr.');
    expect(await db.alarms.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});
