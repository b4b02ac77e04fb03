// Before Dexie loads: it takes the global indexedDB when its module is evaluated.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnlaufstelleDB } from '../../../../renderer/src/db/db';
import { ValidationError } from '../../../../renderer/src/db/repositories/base';
import { createStaff, DuplicatePersonError, updateStaff } from '../../../../renderer/src/db/repositories/staff';
import { BAD_EMS, ctx, DIEZ, freshDb } from './fixture';

/**
 * Issue 10 item 4: "A second 'Hedwig Quast' at Bad Ems (and ' hedwig  quast ') is saved, so the
 * pickers show three identical entries." Same name (case and white space aside) at the same home
 * site is refused unless the clerk confirms it is another person – checked inside the write.
 */

let db: AnlaufstelleDB;
afterEach(async () => {
  await db?.delete();
});

const anna = (name = 'Hedwig Quast', homeSiteId: string = BAD_EMS) => ({ name, homeSiteId, roles: ['EZ' as const], weekdays: [1, 2, 3, 4, 5] });

describe('issue 10 item 4: no duplicate people without a confirmation', () => {
  it.each(['Hedwig Quast', ' hedwig  quast ', 'HEDWIG QUAST'])(
    'refuses %j at the same site with "Es gibt bereits … – trotzdem anlegen?" and writes nothing',
    async (name) => {
      db = await freshDb();
      const first = await createStaff(db, anna(), ctx());
      const before = { staff: await db.staff.count(), outbox: await db.outbox.count() };

      const refused = createStaff(db, anna(name), ctx());

      await expect(refused).rejects.toBeInstanceOf(DuplicatePersonError);
      await expect(refused).rejects.toBeInstanceOf(ValidationError);
      await expect(refused).rejects.toThrow('Es gibt bereits „Hedwig Quast (Bad Ems) – Eingangszone“ – trotzdem anlegen?');
      await expect(refused).rejects.toMatchObject({ duplicates: [{ id: first.id }] });
      expect({ staff: await db.staff.count(), outbox: await db.outbox.count() }).toEqual(before);
    },
  );

  it('saves it once the clerk confirmed that it is another person, with the name tidied', async () => {
    db = await freshDb();
    await createStaff(db, anna(), ctx());
    const second = await createStaff(db, anna(' hedwig  quast '), ctx(), { confirmDuplicate: true });
    expect(second.name).toBe('hedwig quast');
  });

  it('the same name at another site is another person: saved without a question', async () => {
    db = await freshDb();
    await createStaff(db, anna(), ctx());
    await expect(createStaff(db, anna('Hedwig Quast', DIEZ), ctx())).resolves.toMatchObject({ homeSiteId: DIEZ });
  });

  it('a deactivated namesake counts too, and the question says so', async () => {
    db = await freshDb();
    const first = await createStaff(db, anna(), ctx());
    await updateStaff(db, first.id, { active: false }, ctx());
    await expect(createStaff(db, anna(), ctx())).rejects.toThrow('Es gibt bereits „Hedwig Quast (Bad Ems) – Eingangszone“ (nicht aktiv) – trotzdem anlegen?');
  });

  it('renaming or moving a person onto a namesake asks too; other edits of a confirmed duplicate pass', async () => {
    db = await freshDb();
    await createStaff(db, anna(), ctx());
    const other = await createStaff(db, anna('Hedwig Quest'), ctx());
    await expect(updateStaff(db, other.id, { name: 'hedwig quast' }, ctx())).rejects.toThrow('trotzdem speichern?');
    const atDiez = await createStaff(db, anna('Hedwig Quast', DIEZ), ctx());
    await expect(updateStaff(db, atDiez.id, { homeSiteId: BAD_EMS }, ctx())).rejects.toBeInstanceOf(DuplicatePersonError);

    const confirmed = await createStaff(db, anna(), ctx(), { confirmDuplicate: true });
    await expect(updateStaff(db, confirmed.id, { weekdays: [1, 2] }, ctx())).resolves.toMatchObject({ staff: { weekdays: [1, 2] } });
    await expect(updateStaff(db, other.id, { name: 'Hedwig Quast' }, ctx(), { confirmDuplicate: true })).resolves.toBeDefined();
  });

  it('two saves of the same new person at the same moment: the check runs inside the write, one is refused', async () => {
    db = await freshDb();
    const results = await Promise.allSettled([createStaff(db, anna(), ctx()), createStaff(db, anna(' hedwig quast'), ctx())]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((await db.staff.toArray()).filter((p) => p.name.toLowerCase() === 'hedwig quast')).toHaveLength(1);
  });
});
