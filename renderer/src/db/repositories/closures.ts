import { addDays } from '@shared/domain/calendar';
import type { Closure, ClosureInput } from '@shared/model';
import { closureInputSchemaOn } from '@shared/model';
import type { AnlaufstelleDB } from '../db';
import { checkContext, checkDate, checkId, isLive, logChange, NotFoundError, parseOrThrow, stampNew, stampUpdate, todayOf, ValidationError, type WriteContext } from './base';

/**
 * Closure days of one site or of all sites (issue #3 item 2): no opening session that day, so no
 * roster gap and nothing to cover. Public holidays (DE-RP) need no entry – the calendar knows them.
 */

/**
 * Closes a site (or all sites: siteId null) on `from` … `to` (one record per day). Days already
 * closed for the same scope are skipped; returns the new records.
 */
export async function addClosure(db: AnlaufstelleDB, raw: ClosureInput, ctx: WriteContext): Promise<Closure[]> {
  checkContext(ctx);
  const input = parseOrThrow(closureInputSchemaOn(todayOf(ctx)), raw);
  const last = input.to ?? input.from;
  return db.transaction('rw', [db.sites, db.closures, db.outbox], async () => {
    if (input.siteId !== null && !isLive(await db.sites.get(input.siteId))) {
      throw new NotFoundError('Dieser Standort ist unbekannt.');
    }
    const existing = await db.closures.where('date').between(input.from, addDays(last, 1)).filter(isLive).toArray();
    const created: Closure[] = [];
    for (let date = input.from; date <= last; date = addDays(date, 1)) {
      if (existing.some((c) => c.date === date && c.siteId === input.siteId)) continue;
      const closure: Closure = { ...stampNew(ctx), siteId: input.siteId, date, reason: input.reason };
      await db.closures.add(closure);
      await logChange(db, 'closures', closure.id, 'put', ctx);
      created.push(closure);
    }
    if (created.length === 0) throw new ValidationError('Diese Tage sind bereits als Schließtage eingetragen.');
    return created;
  });
}

/** Reopens: tombstones one closure day. */
export async function removeClosure(db: AnlaufstelleDB, id: string, ctx: WriteContext): Promise<void> {
  checkId(id, 'den Schließtag');
  checkContext(ctx);
  await db.transaction('rw', [db.closures, db.outbox], async () => {
    const closure = await db.closures.get(id);
    if (!isLive(closure)) throw new NotFoundError('Dieser Schließtag ist nicht mehr eingetragen.');
    await db.closures.put({ ...stampUpdate(closure, ctx), deletedAt: ctx.now.toISOString() });
    await logChange(db, 'closures', id, 'delete', ctx);
  });
}

/** Live closures with date in [from, to], by date. */
export async function closuresBetween(db: AnlaufstelleDB, from: string, to: string): Promise<Closure[]> {
  checkDate(from, 'Erster Tag');
  checkDate(to, 'Letzter Tag');
  return db.closures.where('date').between(from, addDays(to, 1)).filter(isLive).sortBy('date');
}
