import Dexie, { type DBCore, type DBCoreMutateRequest, type DBCoreTable, type Middleware, type Transaction } from 'dexie';
import { SYNCED_TABLE_NAMES } from '@shared/sync/protocol';

/**
 * Per-field last writer wins (SYNC.md §3) needs to know which fields a write changed: the outbox
 * row names them, so the server keeps a colleague's edit of another field of the same record.
 *
 * Recorded here, below every write to a synced table, by comparing each put with the row it
 * replaces – no repository has to list its fields, and none can forget to. The fields are kept per
 * IndexedDB transaction and record until `logChange` (same transaction) takes them for its outbox
 * row. A record that did not exist before has no list: the server then takes every field.
 */
const SYNCED = new Set<string>(SYNCED_TABLE_NAMES);

/** Per transaction: `table/id` → changed fields; `null` = a new record (all fields). */
const written = new WeakMap<object, Map<string, Set<string> | null>>();
/** Transactions that apply the server's rows (pull, canonical answers): nothing to record. */
const remote = new WeakSet<object>();

function idbTransOf(tx: Transaction | null): object | null {
  return ((tx as (Transaction & { idbtrans?: object }) | null)?.idbtrans ?? null) as object | null;
}

/** Marks the current transaction as applying the server's rows (the sync engine's pull). */
export function markRemoteApply(): void {
  const trans = idbTransOf(Dexie.currentTransaction);
  if (trans) remote.add(trans);
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): Set<string> {
  const out = new Set<string>();
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (k !== 'id' && !same(before[k], after[k])) out.add(k);
  }
  return out;
}

async function record(table: DBCoreTable, req: DBCoreMutateRequest): Promise<void> {
  if ((req.type !== 'put' && req.type !== 'add') || remote.has(req.trans)) return;
  const extract = table.schema.primaryKey.extractKey;
  const keys = req.keys ?? (extract ? req.values.map((v) => extract(v)) : null);
  if (!keys) return;
  const before = (await table.getMany({ trans: req.trans, keys })) as (Record<string, unknown> | undefined)[];
  let perTrans = written.get(req.trans);
  if (!perTrans) {
    perTrans = new Map();
    written.set(req.trans, perTrans);
  }
  req.values.forEach((value: Record<string, unknown>, i: number) => {
    const key = `${table.name}/${String(keys[i])}`;
    const old = before[i];
    if (old === undefined) {
      perTrans.set(key, null);
      return;
    }
    const fields = changedFields(old, value);
    const prev = perTrans.get(key);
    if (prev === null) return; // created in this transaction: all fields anyway
    perTrans.set(key, prev ? new Set([...prev, ...fields]) : fields);
  });
}

export const changedFieldsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'changedFields',
  // Closest to IndexedDB, below Dexie's own hooks and observability layers (levels -1…2): the
  // read before the write awaits, and Dexie's transaction zone does not survive an await above them.
  level: -2,
  create: (down: DBCore) => ({
    ...down,
    table: (name: string) => {
      const table = down.table(name);
      if (!SYNCED.has(name)) return table;
      return {
        ...table,
        mutate: async (req: DBCoreMutateRequest) => {
          await record(table, req);
          return table.mutate(req);
        },
      };
    },
  }),
};

/**
 * The fields the current transaction changed on one record, for its outbox row; undefined when
 * unknown or new (the server then takes every field). Taken once: a second write of the record in
 * the same transaction records afresh.
 */
export function takeChangedFields(table: string, recordId: string): string[] | undefined {
  const trans = idbTransOf(Dexie.currentTransaction);
  const perTrans = trans ? written.get(trans) : undefined;
  const key = `${table}/${recordId}`;
  const fields = perTrans?.get(key);
  perTrans?.delete(key);
  return fields ? [...fields].sort() : undefined;
}
