import type { z } from 'zod';
import type { BaseRecord } from '@shared/model';
import { firstIssueMessage } from '@shared/model';
import type { AnlaufstelleDB } from '../db';

/** Who writes, and when. Passed into every write so tests and the e2e clock control time. */
export interface WriteContext {
  actorId: string;
  now: Date;
}

/** Bad input: the German message is shown to the clerk as is; nothing was written. */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
}

/** A record the write refers to does not exist (or was deleted). */
export class NotFoundError extends Error {
  // Not 'NotFoundError': Dexie turns any error thrown in a transaction whose name is an IndexedDB
  // DOMException name into its own DexieError, and `instanceof NotFoundError` would fail in the UI.
  override readonly name = 'RecordNotFoundError';
}

export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(firstIssueMessage(result.error));
  return result.data;
}

export function newId(): string {
  return crypto.randomUUID();
}

/** Fields every new record gets (SPEC §9: client-made UUID, created/updated at and by). */
export function stampNew(ctx: WriteContext, id: string = newId()): BaseRecord {
  const at = ctx.now.toISOString();
  return { id, createdAt: at, createdBy: ctx.actorId, updatedAt: at, updatedBy: ctx.actorId, deletedAt: null };
}

export function stampUpdate<T extends BaseRecord>(record: T, ctx: WriteContext): T {
  return { ...record, updatedAt: ctx.now.toISOString(), updatedBy: ctx.actorId };
}

/** Append one row to the outbox; call inside the write's transaction (include db.outbox in it). */
export async function logChange(
  db: AnlaufstelleDB,
  table: string,
  recordId: string,
  op: 'put' | 'delete',
  ctx: WriteContext,
): Promise<void> {
  await db.outbox.add({ id: newId(), table, recordId, op, at: ctx.now.toISOString(), by: ctx.actorId });
}

export function isLive<T extends { deletedAt: string | null }>(record: T | undefined): record is T {
  return record !== undefined && record.deletedAt === null;
}

/** Rows per transaction of a background sweep (retention): small enough that the counter never waits. */
export const SWEEP_BATCH = 250;
export const SWEEP_PAUSE_MS = 20;

/**
 * Runs `batch` (one transaction that handles at most SWEEP_BATCH rows and returns how many it
 * handled) until a batch comes back short. Between batches it pauses briefly, so a clerk's
 * write queues behind one small batch, not behind thousands of rows (SPEC §10: counter < 100 ms).
 */
export async function sweepInBatches(batch: () => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await batch();
    total += n;
    if (n < SWEEP_BATCH) return total;
    // A short pause, not just a turn: the sweep is background work and leaves the clerk the CPU.
    await new Promise((resolve) => setTimeout(resolve, SWEEP_PAUSE_MS));
  }
}
