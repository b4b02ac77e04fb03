import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import { dayKey, type DayFacts } from '@shared/reports/day-facts';
import type { AnlaufstelleDB } from './db';

/**
 * The Auswertungen's daily aggregates (issue 8, shared/reports/day-facts.ts), one row per site-day,
 * kept right on write: every write to a visit, hand-off or ticket – at this desk, from the sync
 * service, from the retention sweep – drops the rows of the site-days it touches, and the next
 * report makes them again from the records (repositories/reports.ts). A row is only ever made from
 * records read in the same transaction as it is stored, so it never outlives a change it missed.
 */
export interface ReportDayRow {
  /** `${siteId}|${date}` (dayKey). */
  key: string;
  /** dayFingerprint: facts made under other sessions, closures or figure definitions are made again. */
  fingerprint: string;
  facts: DayFacts;
}

/** The instant a record is counted on, per table (the figures' own rule). */
const COUNTED_AT: Record<string, string> = { visits: 'arrivedAt', handoffs: 'waitingSince', tickets: 'createdAt' };

function keysOf(tableName: string, rows: readonly (Record<string, unknown> | undefined)[]): string[] {
  const field = COUNTED_AT[tableName]!;
  const out: string[] = [];
  for (const r of rows) {
    if (r && typeof r.siteId === 'string' && typeof r[field] === 'string') out.push(dayKey(r.siteId, r[field] as string));
  }
  return out;
}

/** Per IndexedDB transaction: the site-days it touched; dropped when it has ended. */
const touched = new WeakMap<object, Set<string> | 'all'>();

/**
 * Site-days written to whose stored rows are not dropped yet (the drop runs after the write's
 * transaction ends). Marked as the write happens, so a report made in between – even one that
 * starts the moment the write resolves – makes them from the records instead of reading the row.
 */
const inFlight = new Map<string, number>();
let inFlightAll = 0;

/** The site-days a committed write touched (`siteId|date`), or 'all' (a table cleared). */
export type TouchedDays = ReadonlySet<string> | 'all';
const listeners = new Set<(days: TouchedDays) => void>();

/**
 * Tells `listener` after every committed write to visits, hand-offs or tickets on this PC – at the
 * desk or pulled from the sync service – with the site-days it touched, so a report on screen can
 * say that newer figures exist and the keeper can make the dropped days again.
 */
export function onCountedWrite(listener: (days: TouchedDays) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function isDayPending(key: string): boolean {
  return inFlightAll > 0 || (inFlight.get(key) ?? 0) > 0;
}

function mark(keys: Iterable<string> | 'all', by: 1 | -1): void {
  if (keys === 'all') {
    inFlightAll += by;
    return;
  }
  for (const k of keys) {
    const n = (inFlight.get(k) ?? 0) + by;
    if (n > 0) inFlight.set(k, n);
    else inFlight.delete(k);
  }
}

async function collect(table: DBCoreTable, req: DBCoreMutateRequest): Promise<string[] | 'all'> {
  if (req.type === 'add') return keysOf(table.name, req.values as Record<string, unknown>[]);
  if (req.type === 'put') {
    // The old row too: a write that moved a record to another day or site leaves both stale.
    const extract = table.schema.primaryKey.extractKey;
    const keys = req.keys ?? (extract ? req.values.map((v) => extract(v)) : null);
    const before = keys ? ((await table.getMany({ trans: req.trans, keys })) as (Record<string, unknown> | undefined)[]) : [];
    return [...keysOf(table.name, req.values as Record<string, unknown>[]), ...keysOf(table.name, before)];
  }
  if (req.type === 'delete') return keysOf(table.name, (await table.getMany({ trans: req.trans, keys: req.keys })) as (Record<string, unknown> | undefined)[]);
  return 'all';
}

/**
 * A PC that stops between a write's commit and the drop of its days (a crash, a reload, the window
 * closed) would keep those days' old rows. A marker in localStorage – written synchronously before
 * the write commits, removed once the drop has – says so at the next start, and the stored days are
 * all dropped then (the keeper makes them again in the background).
 */
const markerKey = (db: AnlaufstelleDB) => `anlaufstelle:reportDaysPending:${db.name}`;
const storage = (): Storage | null => (typeof localStorage === 'undefined' ? null : localStorage);

export function reportDaysMiddleware(db: AnlaufstelleDB): Middleware<DBCore> {
  let dropsOwed = 0;
  db.on('ready', () => {
    if (storage()?.getItem(markerKey(db)) == null) return;
    return db.reportDays.clear().then(() => storage()?.removeItem(markerKey(db)));
  });
  // After the write's transaction has ended, in a transaction of its own: the write's own may not
  // include reportDays. (Dropped after an abort too: a row made again costs a few milliseconds.)
  const drop = (keys: Set<string> | 'all') => {
    const done = keys === 'all' ? db.reportDays.clear() : db.reportDays.bulkDelete([...keys]);
    done.then(
      () => {
        dropsOwed -= 1;
        if (dropsOwed === 0) storage()?.removeItem(markerKey(db));
      },
      () => undefined, // the marker stays: the next start drops every stored day
    ).finally(() => mark(keys, -1));
  };
  return {
    stack: 'dbcore',
    name: 'reportDays',
    // Below Dexie's hooks middleware, like changedFields: it awaits a read before passing the write on.
    level: -2,
    create: (down: DBCore) => ({
      ...down,
      table: (name: string) => {
        const table = down.table(name);
        if (!(name in COUNTED_AT)) return table;
        return {
          ...table,
          mutate: async (req: DBCoreMutateRequest) => {
            const keys = await collect(table, req);
            const trans = req.trans as unknown as IDBTransaction;
            let mine = touched.get(trans);
            if (mine === undefined) {
              mine = new Set();
              touched.set(trans, mine);
              dropsOwed += 1;
              if (dropsOwed === 1) storage()?.setItem(markerKey(db), '1');
              const ended = (committed: boolean) => {
                const all = touched.get(trans);
                touched.delete(trans);
                if (all === undefined) return;
                drop(all);
                if (committed) for (const l of listeners) l(all);
              };
              trans.addEventListener('complete', () => ended(true));
              trans.addEventListener('abort', () => ended(false));
            }
            if (keys === 'all') {
              if (mine !== 'all') {
                mark(mine, -1);
                mark('all', 1);
                touched.set(trans, 'all');
              }
            } else if (mine !== 'all') {
              const fresh = new Set(keys.filter((k) => !mine.has(k)));
              for (const k of fresh) mine.add(k);
              mark(fresh, 1);
            }
            return table.mutate(req);
          },
        };
      },
    }),
  };
}
