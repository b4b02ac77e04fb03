import type { AnlaufstelleDB } from '../db/db';
import type { AuditOutboxRow } from './local-tables';
import { serviceRequest } from './service-api';

/**
 * Issue 7 item 7 on the PC: views of a customer's personal data (a ticket opened, a waiting
 * visitor's name shown), prints, exports, locks and offline sign-ins are written here at once –
 * field names, never values – and reported to the service's access log as soon as it is reachable.
 * One indexed put: the counter does not wait for the network.
 */
type Entry = Omit<AuditOutboxRow, 'id' | 'at'> & { at?: Date };

export async function recordAudit(db: AnlaufstelleDB, entry: Entry): Promise<void> {
  await recordAudits(db, [entry]);
}

/**
 * Several at once: one bulk write. Entries recorded in the same turn – the rows of a list that
 * mount together, each reporting its own name shown – are gathered into that one write too.
 */
export function recordAudits(db: AnlaufstelleDB, entries: readonly Entry[]): Promise<void> {
  if (entries.length === 0) return Promise.resolve();
  const rows = entries.map(({ at, ...rest }): AuditOutboxRow => ({ ...rest, id: crypto.randomUUID(), at: (at ?? new Date()).toISOString() }));
  let batch = gathering.get(db);
  if (!batch) {
    const fresh: Batch = { rows: [], written: Promise.resolve() };
    fresh.written = new Promise<void>((resolve) => queueMicrotask(resolve)).then(async () => {
      gathering.delete(db);
      await db.auditOutbox.bulkAdd(fresh.rows);
      scheduleFlush(db);
    });
    gathering.set(db, fresh);
    batch = fresh;
  }
  batch.rows.push(...rows);
  return batch.written;
}

type Batch = { rows: AuditOutboxRow[]; written: Promise<void> };
const gathering = new Map<AnlaufstelleDB, Batch>();

const BATCH = 200;
let timer: ReturnType<typeof setTimeout> | null = null;
let flushing: Promise<number> | null = null;

function scheduleFlush(db: AnlaufstelleDB): void {
  if (timer !== null) return;
  timer = setTimeout(() => {
    timer = null;
    void flushAudit(db);
  }, 500);
}

/** Sends what waits, oldest first; returns how many were reported. Offline: everything stays. */
export function flushAudit(db: AnlaufstelleDB): Promise<number> {
  flushing ??= (async () => {
    let sent = 0;
    try {
      for (;;) {
        const rows = await db.auditOutbox.orderBy('at').limit(BATCH).toArray();
        if (rows.length === 0) return sent;
        await serviceRequest('/v1/audit', { body: { events: rows.map(({ id: _id, ...event }) => event) } });
        await db.auditOutbox.bulkDelete(rows.map((r) => r.id));
        sent += rows.length;
      }
    } catch {
      return sent;
    } finally {
      flushing = null;
    }
  })();
  return flushing;
}
