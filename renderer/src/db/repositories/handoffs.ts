import type { Handoff } from '@shared/model';
import { canUndoFinish, FINISH_UNDO_SECONDS, orderQueue } from '@shared/domain/handoff-queue';
import type { AnlaufstelleDB } from '../db';
import { checkContext, checkId, checkRetentionDays, isLive, logChange, NotFoundError, stampUpdate, sweepInBatches, SWEEP_BATCH, ValidationError, type WriteContext } from './base';
import { ANONYMISED } from './tickets';
import { retentionCutoff } from '@shared/domain/retention';

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

/**
 * The clerk who took the visitor over closes the hand-off. A visitor still waiting is refused
 * (issue 10 item 1): closing is the second step after "übernehmen", never one key on a waiting row –
 * whoever left without being seen is taken over and then closed, so both steps are deliberate.
 */
export function finishHandoff(db: AnlaufstelleDB, id: string, ctx: WriteContext): Promise<Handoff> {
  return update(db, id, ctx, (h) => {
    if (h.status === 'done') throw new ValidationError('Diese Weiterleitung ist bereits abgeschlossen.');
    if (h.status === 'waiting') throw new ValidationError(`${h.label} wartet noch – bitte zuerst übernehmen, dann abschließen.`);
    return {
      ...h,
      status: 'done',
      finishedAt: ctx.now.toISOString(),
      // SPEC §9: the label's retention period runs from here (sparse index, schema v3).
      retentionStart: ctx.now.toISOString(),
    };
  });
}

/**
 * Issue 10 item 1: takes back a close made by mistake – the visitor is "In Bearbeitung" again, with
 * whoever took them over. Only the close the clerk saw is undone: `finished` is the record the close
 * returned, and a hand-off changed since (another write, another desk) or closed longer ago than
 * FINISH_UNDO_SECONDS is refused in German and left as it is, and only whoever closed may reopen.
 * The one backward step of a hand-off (done → in-service): an explicit intent with its own guard,
 * which the sync server must re-check as such (ARCHITECTURE.md "Hand-off states").
 */
export function undoFinishHandoff(db: AnlaufstelleDB, finished: Pick<Handoff, 'id' | 'updatedAt'>, ctx: WriteContext): Promise<Handoff> {
  return update(db, finished.id, ctx, (h) => {
    if (h.status !== 'done') throw new ValidationError(`${h.label} ist nicht abgeschlossen – es gibt nichts rückgängig zu machen.`);
    if (h.updatedAt !== finished.updatedAt) {
      throw new ValidationError(`${h.label} wurde seit dem Abschließen geändert – der Abschluss kann nicht mehr rückgängig gemacht werden.`);
    }
    if (h.updatedBy !== ctx.actorId) {
      throw new ValidationError(`${h.label} wurde von jemand anderem abgeschlossen – nur wer abgeschlossen hat, kann es rückgängig machen.`);
    }
    if (!canUndoFinish(h.finishedAt, ctx.now)) {
      throw new ValidationError(`Zu spät: Rückgängig geht nur ${FINISH_UNDO_SECONDS} Sekunden lang nach dem Abschließen. ${h.label} bleibt abgeschlossen.`);
    }
    // Open again: off the retention index, which lists finished hand-offs only.
    const open: Handoff = { ...h, status: 'in-service', finishedAt: null };
    delete open.retentionStart;
    return open;
  });
}

/**
 * SPEC §9: a hand-off's label may be the visitor's name; once the hand-off is finished and the
 * retention period has passed, the label goes (figures – waiting time, target – stay).
 *
 * Like anonymiseDueTickets it walks the sparse 'retentionStart' index (schema v3): only finished
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
  const cutoff = retentionCutoff(ctx.now, checkRetentionDays(retentionDays));
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
