import { randomUUID } from 'node:crypto';
import { absenceRetentionStart, ANONYMISED, anonymisedTicket, retentionCutoff, ticketRetentionStart } from '../../shared/domain/retention';
import type { CallbackTicket, Handoff } from '../../shared/model/records';
import type { Absence } from '../../shared/model/staffing';
import type { NewCustomer } from '../../shared/model/new-customer';
import { anonymisedNewCustomer } from '../../shared/domain/retention';
import type { Db } from './db';
import { DEFAULT_TENANT, serverHlc, type SyncCore, type ValidChange } from './sync';

/**
 * Issue 6 item 7: anonymisation is decided once, for the whole Jobcenter – by the sync service, with
 * the Jobcenter's retention period (RETENTION_DAYS), on the rules every PC uses
 * (shared/domain/retention.ts). It runs at start and hourly. Its changes go through the same push
 * path as a PC's (conflict rules, per-field clocks, receipts, pokes), so every PC receives the
 * anonymised records and no old copy can bring a name back (the anonymisation is sticky).
 * The PCs keep their own sweep: a PC that is offline on the day still removes the data on time.
 * The receipts of changes older than the period go too (they quote names in refusals).
 */

const SERVER = 'sync-service';
const BATCH = 200;

interface Row {
  tbl: 'tickets' | 'handoffs' | 'absences' | 'newCustomers';
  data: Record<string, unknown>;
}

function anonymised(row: Row, cutoff: string, at: string): { record: Record<string, unknown>; fields: string[] } | null {
  const stamp = { updatedAt: at, updatedBy: SERVER };
  if (row.tbl === 'tickets') {
    const t = row.data as unknown as CallbackTicket;
    const start = ticketRetentionStart(t);
    if (start === undefined || start >= cutoff) return null;
    const next = { ...anonymisedTicket(t, at), ...stamp } as Record<string, unknown>;
    delete next.retentionStart;
    return { record: next, fields: ['customerName', 'customerNumber', 'phone', 'preferredTimes', 'concern', 'closeNote', 'attempts', 'contact', 'anonymisedAt', 'retentionStart', 'updatedAt', 'updatedBy'] };
  }
  if (row.tbl === 'absences') {
    const a = row.data as unknown as Absence;
    const start = absenceRetentionStart(a);
    if (start === undefined || start >= cutoff) return null;
    const next = { ...a, reason: 'other', note: '', anonymisedAt: at, ...stamp } as Record<string, unknown>;
    delete next.retentionStart;
    return { record: next, fields: ['reason', 'note', 'anonymisedAt', 'retentionStart', 'updatedAt', 'updatedBy'] };
  }
  if (row.tbl === 'newCustomers') {
    // Issue 9 item 7: closed (intake done or refused) longer than the period – the person goes.
    const c = row.data as unknown as NewCustomer;
    const closedAt = c.intakeDone?.at ?? c.refused?.at;
    if (closedAt === undefined || c.anonymisedAt !== null || closedAt >= cutoff) return null;
    return { record: { ...c, ...anonymisedNewCustomer(at), ...stamp }, fields: ['name', 'birthDate', 'bgNumber', 'phone', 'anonymisedAt', 'updatedAt', 'updatedBy'] };
  }
  const h = row.data as unknown as Handoff;
  if (h.label === ANONYMISED) return null;
  // Finished: from finishing; never finished (the visitor left): from arrival (handoffs.ts).
  const start = h.finishedAt ?? h.waitingSince;
  if (start >= cutoff) return null;
  const next = { ...h, label: ANONYMISED, ...stamp } as Record<string, unknown>;
  delete next.retentionStart;
  return { record: next, fields: ['label', 'retentionStart', 'updatedAt', 'updatedBy'] };
}

/** Anonymises every record whose period has run out; returns how many. */
export async function sweepRetention(db: Db, core: SyncCore, opts: { retentionDays: number; now?: Date; tenant?: string }): Promise<number> {
  const now = opts.now ?? new Date();
  const tenant = opts.tenant ?? DEFAULT_TENANT;
  const cutoff = retentionCutoff(now, opts.retentionDays);
  const at = now.toISOString();
  const { rows } = await db.query<Row>(
    `SELECT tbl, data FROM records WHERE tenant_id = $1 AND deleted_at IS NULL AND (
       (tbl IN ('tickets', 'absences', 'newCustomers') AND anonymised_at IS NULL) OR (tbl = 'handoffs' AND data->>'label' <> $2))`,
    [tenant, ANONYMISED],
  );
  const changes: ValidChange[] = [];
  for (const row of rows) {
    const next = anonymised(row, cutoff, at);
    if (!next) continue;
    changes.push({ changeId: randomUUID(), table: row.tbl, id: String(row.data.id), op: 'put', hlc: serverHlc(now), intent: 'retention', fields: next.fields, record: next.record });
  }
  // The answers kept for replays (sync_receipts) hold refusal texts with names and the server's row
  // of a refused change: they go after the same period (SPEC §9). A PC replays a change only while
  // it waits in its outbox; one older than the retention period is judged again, and the per-field
  // clocks make a second application of the same change write nothing new.
  await db.query('DELETE FROM sync_receipts WHERE tenant_id = $1 AND received_at < $2', [tenant, new Date(now.getTime() - opts.retentionDays * 86_400_000).toISOString()]);
  let done = 0;
  for (let i = 0; i < changes.length; i += BATCH) {
    // Each record is its own group: one that a PC changed a moment ago is judged alone.
    const res = await core.push({ deviceId: SERVER, userId: null }, changes.slice(i, i + BATCH).map((c) => ({ txId: randomUUID(), changes: [c] })));
    done += res.results.filter((r) => r.status === 'applied').length;
  }
  return done;
}
