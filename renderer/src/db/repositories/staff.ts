import { berlinDate } from '@shared/domain/calendar';
import type { Staff, StaffInput, StaffPatch } from '@shared/model';
import { personNameKey, personOptionLabel, staffInputSchema, staffPatchSchema } from '@shared/model';
import type { AnlaufstelleDB } from '../db';
import { tombstoneShift } from './roster';
import { checkContext, checkId, isLive, logChange, NotFoundError, parseOrThrow, stampNew, stampUpdate, ValidationError, type WriteContext } from './base';
import { boardNoticeTables, notified, withBoardNotices, type Notified } from './board-notices';

/**
 * The staff directory (issue #3 item 1): person, home site, roles (several allowed), weekday
 * pattern, active or not. People are never deleted – visits and tickets name them – they are
 * deactivated. Reads for the counter stay in directory.ts (listStaff).
 */

async function assertSite(db: AnlaufstelleDB, siteId: string): Promise<void> {
  if (!isLive(await db.sites.get(siteId))) throw new ValidationError('Bitte einen gültigen Stammstandort wählen.');
}

/**
 * Issue 10 item 4: the same name (case and white space aside) at the same home site is most likely
 * the same person entered twice – pickers would then show two identical entries. Refused unless the
 * clerk confirmed that it is another person (e.g. two colleagues who share a name).
 */
export class DuplicatePersonError extends ValidationError {
  constructor(
    message: string,
    readonly duplicates: readonly Staff[],
  ) {
    super(message);
  }
}

export interface DuplicateOptions {
  /** The clerk was asked "Es gibt bereits … – trotzdem …?" and said yes. */
  confirmDuplicate?: boolean;
}

/** Inside the write's transaction (needs db.sites and db.staff), so two saves cannot both pass. */
async function assertNoDuplicate(
  db: AnlaufstelleDB,
  person: { id?: string; name: string; homeSiteId: string },
  options: DuplicateOptions,
  verb: 'anlegen' | 'speichern',
): Promise<void> {
  if (options.confirmDuplicate === true) return;
  const key = personNameKey(person.name);
  const same = await db.staff
    .where('homeSiteId')
    .equals(person.homeSiteId)
    .filter((p) => isLive(p) && p.id !== person.id && personNameKey(p.name) === key)
    .toArray();
  if (same.length === 0) return;
  const siteName = (await db.sites.get(person.homeSiteId))?.name ?? 'unbekannter Standort';
  const named = same.map((p) => `„${personOptionLabel(p, siteName)}“${p.active ? '' : ' (nicht aktiv)'}`).join(' und ');
  throw new DuplicatePersonError(`Es gibt bereits ${named} – trotzdem ${verb}?`, same);
}

export async function createStaff(db: AnlaufstelleDB, raw: StaffInput, ctx: WriteContext, options: DuplicateOptions = {}): Promise<Staff> {
  checkContext(ctx);
  const input = parseOrThrow(staffInputSchema, raw);
  return db.transaction('rw', [db.sites, db.staff, db.outbox], async () => {
    await assertSite(db, input.homeSiteId);
    await assertNoDuplicate(db, input, options, 'anlegen');
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
export async function updateStaff(
  db: AnlaufstelleDB,
  id: string,
  raw: StaffPatch,
  ctx: WriteContext,
  options: DuplicateOptions = {},
): Promise<{ staff: Staff } & Notified> {
  checkId(id, 'die Person');
  checkContext(ctx);
  const patch = parseOrThrow(staffPatchSchema, raw);
  return db.transaction('rw', boardNoticeTables(db), async () => {
    const current = await db.staff.get(id);
    if (!isLive(current)) throw new NotFoundError('Diese Person gibt es nicht mehr.');
    if (patch.homeSiteId !== undefined) await assertSite(db, patch.homeSiteId);
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<Staff>;
    const next = stampUpdate({ ...current, ...defined }, ctx);
    // Only a change of name or site can make a duplicate; other edits of a confirmed one pass.
    if (personNameKey(next.name) !== personNameKey(current.name) || next.homeSiteId !== current.homeSiteId) {
      await assertNoDuplicate(db, next, options, 'speichern');
    }
    if (current.active && !next.active) return { staff: next, ...(await deactivate(db, next, ctx)) };
    await db.staff.put(next);
    await logChange(db, 'staff', id, 'put', ctx);
    return { staff: next, ...notified([], ctx) };
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
): Promise<{ staff: Staff; removedShifts: number } & Notified> {
  checkId(id, 'die Person');
  checkContext(ctx);
  return db.transaction('rw', boardNoticeTables(db), async () => {
    const current = await db.staff.get(id);
    if (!isLive(current)) throw new NotFoundError('Diese Person gibt es nicht mehr.');
    if (!current.active) return { staff: current, removedShifts: 0, ...notified([], ctx) };
    const next = stampUpdate({ ...current, active: false }, ctx);
    return { staff: next, ...(await deactivate(db, next, ctx)) };
  });
}

export async function reactivateStaff(db: AnlaufstelleDB, id: string, ctx: WriteContext): Promise<Staff> {
  checkId(id, 'die Person');
  checkContext(ctx);
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

/**
 * Stores the deactivated person and tombstones their roster entries from today on; the gaps this
 * opens are told at once (seed §4.5 "so früh wie möglich"). Inside a boardNoticeTables transaction.
 */
async function deactivate(db: AnlaufstelleDB, next: Staff, ctx: WriteContext): Promise<{ removedShifts: number } & Notified> {
  const today = berlinDate(ctx.now);
  const shifts = await db.shifts
    .where('staffId')
    .equals(next.id)
    .filter((s) => isLive(s) && s.date >= today)
    .toArray();
  const dates = shifts.map((s) => s.date).sort();
  const messages = await withBoardNotices(db, dates.length > 0 ? [{ from: dates[0]!, to: dates[dates.length - 1]! }] : [], ctx, {
    write: async () => {
      await db.staff.put(next);
      await logChange(db, 'staff', next.id, 'put', ctx);
      // A leaving person's cover entries end, and their own desk entries stay gone too.
      for (const s of shifts) await tombstoneShift(db, s, ctx, { restoreReleased: false });
    },
    cause: `${next.name} ist nicht mehr aktiv – die Einteilungen ab heute entfallen.`,
    trigger: `deactivate:${next.id}:${next.updatedAt}`,
    refs: { staffId: next.id },
  });
  return { removedShifts: shifts.length, ...notified(messages, ctx) };
}

/** A person by id (also inactive ones), or null. */
export async function getStaff(db: AnlaufstelleDB, id: string): Promise<Staff | null> {
  // An id that cannot be one is simply not found.
  if (typeof id !== 'string' || id.length === 0 || id.length > 100) return null;
  const p = await db.staff.get(id);
  return isLive(p) ? p : null;
}
