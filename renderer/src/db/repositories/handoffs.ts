import type { Handoff } from '@shared/model';
import { orderQueue } from '@shared/domain/handoff-queue';
import type { AnlaufstelleDB } from '../db';
import { checkContext, checkId, checkRetentionDays, isLive, logChange, NotFoundError, stampUpdate, sweepInBatches, SWEEP_BATCH, ValidationError, type WriteContext } from './base';
import { ANONYMISED } from './tickets';

/** Waiting and in-service hand-offs of a site, in queue order (SPEC §4: acute first, then oldest). */
export async function openHandoffs(db: AnlaufstelleDB, siteId: string): Promise<Handoff[]> {
  checkId(siteId, 'den Standort');
  const rows = await db.handoffs
    .where('[siteId+status]')
    .anyOf([siteId, 'waiting'], [siteId, 'in-service'])
    .filter((h) => h.deletedAt === null)
    .toArray();
  return orderQueue(rows);
}

async function update(
  db: AnlaufstelleDB,
  id: string,
  ctx: WriteContext,
  change: (h: Handoff) => Handoff,
): Promise<Handoff> {
  checkId(id, 'die Weiterleitung');
  checkContext(ctx);
  return db.transaction('rw', [db.handoffs, db.outbox], async () => {
    const current = await db.handoffs.get(id);
    if (!isLive(current)) throw new NotFoundError('Diese Weiterleitung gibt es nicht mehr.');
    const next = stampUpdate(change(current), ctx);
    await db.handoffs.put(next);
    await logChange(db, 'handoffs', id, 'put', ctx);
    return next;
  });
}

/** LB (or Vermittlung) takes the visitor over. Waiting time ends here. */
export async function takeHandoff(db: AnlaufstelleDB, id: string, ctx: WriteContext): Promise<Handoff> {
  return update(db, id, ctx, (h) => {
    if (h.status !== 'waiting') throw new ValidationError('Diese Person wurde bereits übernommen.');
    return { ...h, status: 'in-service', takenBy: ctx.actorId, takenAt: ctx.now.toISOString() };
  });
}

export async function finishHandoff(db: AnlaufstelleDB, id: string, ctx: WriteContext): Promise<Handoff> {
  return update(db, id, ctx, (h) => {
    if (h.status === 'done') throw new ValidationError('Diese Weiterleitung ist bereits abgeschlossen.');
    return {
      ...h,
      status: 'done',
      // Finishing straight from the queue counts as taking over at the same moment.
      takenBy: h.takenBy ?? ctx.actorId,
      takenAt: h.takenAt ?? ctx.now.toISOString(),
      finishedAt: ctx.now.toISOString(),
      // SPEC §9: the label's retention period runs from here (sparse index, schema v3).
      retentionStart: ctx.now.toISOString(),
    };
  });
}

/**
 * SPEC §9: a hand-off's label may be the visitor's name; once the hand-off is finished and the
 * retention period has passed, the label goes (figures – waiting time, target – stay).
 *
 * Like anonymiseClosedTickets it walks the sparse 'retentionStart' index (schema v3): only finished
 * hand-offs that still carry a label are in it, so a start with nothing due reads nothing. Demo rows
 * are anonymised too but never put in the outbox (local-only, see demo.ts).
 *
 * A hand-off nobody ever finished (the visitor left, nobody closed it) would otherwise keep the
 * name for good: once the retention period has passed since the visitor arrived, its label goes
 * too. Unfinished hand-offs are few (the live queues), read through the [siteId+status] index.
 */
export async function anonymiseFinishedHandoffs(
  db: AnlaufstelleDB,
  retentionDays: number,
  ctx: WriteContext,
): Promise<number> {
  checkContext(ctx);
  const cutoff = new Date(ctx.now.getTime() - checkRetentionDays(retentionDays) * 86_400_000).toISOString();
  const finished = await sweepInBatches(() => db.transaction('rw', [db.handoffs, db.outbox], async () => {
    const due = await db.handoffs.where('retentionStart').below(cutoff).limit(SWEEP_BATCH).toArray();
    const anonymised = due.map((h) => {
      const next = stampUpdate({ ...h, label: ANONYMISED }, ctx);
      delete next.retentionStart; // nothing personal left: off the retention index
      return next;
    });
    await db.handoffs.bulkPut(anonymised);
    for (const h of anonymised) if (h.demo !== true) await logChange(db, 'handoffs', h.id, 'put', ctx);
    return anonymised.length;
  }));
  const abandoned = await anonymiseAbandonedHandoffs(db, cutoff, ctx);
  return finished + abandoned;
}

async function anonymiseAbandonedHandoffs(db: AnlaufstelleDB, cutoff: string, ctx: WriteContext): Promise<number> {
  return db.transaction('rw', [db.sites, db.handoffs, db.outbox], async () => {
    const siteIds = (await db.sites.toArray()).map((s) => s.id);
    const unfinished = await db.handoffs
      .where('[siteId+status]')
      .anyOf(siteIds.flatMap((siteId) => [[siteId, 'waiting'], [siteId, 'in-service']]))
      .filter((h) => h.waitingSince < cutoff && h.label !== ANONYMISED)
      .toArray();
    const anonymised = unfinished.map((h) => stampUpdate({ ...h, label: ANONYMISED }, ctx));
    await db.handoffs.bulkPut(anonymised);
    for (const h of anonymised) if (h.demo !== true) await logChange(db, 'handoffs', h.id, 'put', ctx);
    return anonymised.length;
  });
}
