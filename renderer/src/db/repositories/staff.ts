import { berlinDate } from '@shared/domain/calendar';
import type { Staff, StaffInput, StaffPatch } from '@shared/model';
import { staffInputSchema, staffPatchSchema } from '@shared/model';
import type { AnlaufstelleDB } from '../db';
import { tombstoneShift } from './roster';
import { isLive, logChange, NotFoundError, parseOrThrow, stampNew, stampUpdate, ValidationError, type WriteContext } from './base';

/**
 * The staff directory (issue #3 item 1): person, home site, roles (several allowed), weekday
 * pattern, active or not. People are never deleted – visits and tickets name them – they are
 * deactivated. Reads for the counter stay in directory.ts (listStaff).
 */

async function assertSite(db: AnlaufstelleDB, siteId: string): Promise<void> {
  if (!isLive(await db.sites.get(siteId))) throw new ValidationError('Bitte einen gültigen Stammstandort wählen.');
}

export async function createStaff(db: AnlaufstelleDB, raw: StaffInput, ctx: WriteContext): Promise<Staff> {
  const input = parseOrThrow(staffInputSchema, raw);
  return db.transaction('rw', [db.sites, db.staff, db.outbox], async () => {
    await assertSite(db, input.homeSiteId);
    const person: Staff = { ...stampNew(ctx), ...input };
    await db.staff.add(person);
    await logChange(db, 'staff', person.id, 'put', ctx);
    return person;
  });
}

/**
 * Changes name, home site, roles, weekdays or activity. Setting `active: false` is a deactivation
 * (see deactivateStaff). A changed weekday pattern applies to weeks drafted from now on; rosters
 * already drafted stay as they are (they may have been edited by hand).
 */
export async function updateStaff(db: AnlaufstelleDB, id: string, raw: StaffPatch, ctx: WriteContext): Promise<Staff> {
  const patch = parseOrThrow(staffPatchSchema, raw);
  return db.transaction('rw', [db.sites, db.staff, db.shifts, db.coverDecisions, db.outbox], async () => {
    const current = await db.staff.get(id);
    if (!isLive(current)) throw new NotFoundError('Diese Person gibt es nicht mehr.');
    if (patch.homeSiteId !== undefined) await assertSite(db, patch.homeSiteId);
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<Staff>;
    const next = stampUpdate({ ...current, ...defined }, ctx);
    await db.staff.put(next);
    await logChange(db, 'staff', id, 'put', ctx);
    if (current.active && !next.active) await releaseFutureShifts(db, id, ctx);
    return next;
  });
}

/**
 * Deactivates a person: they stay in the directory (history names them), are no longer drafted or
 * proposed, and their roster entries from today on are removed, so the board shows those gaps.
 */
export async function deactivateStaff(
  db: AnlaufstelleDB,
  id: string,
  ctx: WriteContext,
): Promise<{ staff: Staff; removedShifts: number }> {
  return db.transaction('rw', [db.staff, db.shifts, db.coverDecisions, db.outbox], async () => {
    const current = await db.staff.get(id);
    if (!isLive(current)) throw new NotFoundError('Diese Person gibt es nicht mehr.');
    if (!current.active) return { staff: current, removedShifts: 0 };
    const next = stampUpdate({ ...current, active: false }, ctx);
    await db.staff.put(next);
    await logChange(db, 'staff', id, 'put', ctx);
    return { staff: next, removedShifts: await releaseFutureShifts(db, id, ctx) };
  });
}

export async function reactivateStaff(db: AnlaufstelleDB, id: string, ctx: WriteContext): Promise<Staff> {
  return db.transaction('rw', [db.staff, db.outbox], async () => {
    const current = await db.staff.get(id);
    if (!isLive(current)) throw new NotFoundError('Diese Person gibt es nicht mehr.');
    if (current.active) return current;
    const next = stampUpdate({ ...current, active: true }, ctx);
    await db.staff.put(next);
    await logChange(db, 'staff', id, 'put', ctx);
    return next;
  });
}

/** Tombstones the person's roster entries from today on; inside a transaction with shifts, coverDecisions, outbox. */
async function releaseFutureShifts(db: AnlaufstelleDB, staffId: string, ctx: WriteContext): Promise<number> {
  const today = berlinDate(ctx.now);
  const shifts = await db.shifts
    .where('staffId')
    .equals(staffId)
    .filter((s) => s.deletedAt === null && s.date >= today)
    .toArray();
  for (const s of shifts) await tombstoneShift(db, s, ctx);
  return shifts.length;
}

/** A person by id (also inactive ones), or null. */
export async function getStaff(db: AnlaufstelleDB, id: string): Promise<Staff | null> {
  const p = await db.staff.get(id);
  return isLive(p) ? p : null;
}
