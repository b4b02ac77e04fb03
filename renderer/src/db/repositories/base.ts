import { z } from 'zod';
import type { BaseRecord } from '@shared/model';
import { firstIssueMessage, idSchema, instantInput, isoDateInput, retentionDaysSchema } from '@shared/model';
import { berlinDate } from '@shared/domain/calendar';
import type { SyncedTable } from '@shared/sync/protocol';
import type { AnlaufstelleDB } from '../db';
import { clockOf, currentTxId } from '../../sync/clock';
import { takeChangedFields } from '../../sync/fields';
import { proofOf } from '../../auth/grant';

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

/**
 * Issue 10 item 9: every argument of a repository function is checked at its boundary, not only
 * the form input – the context, ids, dates, numbers – so whatever a caller passes, the refusal is
 * a German ValidationError and nothing is written.
 */
const writeContextSchema = z.object(
  { actorId: idSchema('die Person am Platz'), now: instantInput },
  { error: 'Es fehlt, wer schreibt und wann.' },
);

export function checkContext(ctx: WriteContext): WriteContext {
  return parseOrThrow(writeContextSchema, ctx);
}

/** A record id argument; `what` in the accusative, e.g. 'das Ticket'. */
export function checkId(id: unknown, what: string): string {
  return parseOrThrow(idSchema(what), id);
}

/** An ISO date argument (JJJJ-MM-TT, 2000–2099). */
export function checkDate(date: unknown, what: string): string {
  return parseOrThrow(isoDateInput(what), date);
}

/** A point in time argument (a valid Date, 2000–2099). */
export function checkInstant(at: unknown): Date {
  return parseOrThrow(instantInput, at);
}

/** Ids of several sites (distribution lists). */
export function checkIds(ids: unknown, what: string): string[] {
  return parseOrThrow(z.array(idSchema(what), { error: `Bitte ${what} angeben.` }).max(100), ids);
}

/** Days of a retention period (SPEC §9): whole days, 1 to 3650 (the settings' own bounds). */
export function checkRetentionDays(days: unknown): number {
  return parseOrThrow(retentionDaysSchema, days);
}

/** The Berlin calendar day of a checked write – the "today" date windows are measured from. */
export function todayOf(ctx: WriteContext): string {
  return berlinDate(ctx.now);
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

/**
 * Append one row to the outbox; call inside the write's transaction (include db.outbox in it).
 * The row is a pointer: the record's values are read at push time (SYNC.md §2), so the outbox
 * never holds a second copy of a name. Its clock stamp orders the push and decides LWW races.
 */
export async function logChange(
  db: AnlaufstelleDB,
  table: SyncedTable,
  recordId: string,
  op: 'put' | 'delete',
  ctx: WriteContext,
): Promise<void> {
  const hlc = clockOf(db).tick(ctx.now.getTime());
  const fields = takeChangedFields(table, recordId);
  const proof = proofOf(table, recordId, ctx.actorId);
  await db.outbox.add({ id: newId(), table, recordId, op, at: ctx.now.toISOString(), by: ctx.actorId, hlc, txId: currentTxId(), ...(fields ? { fields } : {}), ...(proof ? { proof } : {}) });
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
