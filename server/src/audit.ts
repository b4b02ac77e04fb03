import { createHash } from 'node:crypto';
import type { Db, Queryable } from './db';
import { AUDIT_ACTIONS, type AuditAction, type AuditRow } from '../../shared/auth/audit-log';

export { AUDIT_ACTIONS, type AuditAction, type AuditRow };

/**
 * The access log (issue 7 item 7, SPEC §8, SYNC.md §7): who did or looked at what, when, from which
 * PC – field names, never values. Append-only (a trigger refuses UPDATE and DELETE, see migration
 * 004) and hash-chained: each row's hash covers its predecessor's, so a changed or removed row in
 * the middle shows (`verifyAuditChain`).
 */


export interface AuditEntry {
  action: AuditAction;
  outcome: 'ok' | 'refused';
  username?: string | null;
  staffId?: string | null;
  deviceId?: string | null;
  table?: string | null;
  recordId?: string | null;
  fields?: readonly string[];
  offline?: boolean;
  /** A short reason or route – never a value of a record (no names, no numbers). */
  detail?: string | null;
  /** When it happened at the PC (views reported later); default: now. */
  at?: Date;
}


const GENESIS = '0'.repeat(64);
/** Cut to length; control characters (a NUL cannot be stored in text) become '?'. */
// eslint-disable-next-line no-control-regex
const clip = (v: string | null | undefined, n: number) => (v == null ? null : v.slice(0, n).replace(/[\u0000-\u001f\u007f]/g, '?'));

function rowHash(prev: string, r: Omit<AuditRow, 'seq'> & { seq: number }): string {
  const content = JSON.stringify([r.seq, r.at, r.action, r.outcome, r.username, r.staffId, r.deviceId, r.table, r.recordId, r.fields, r.offline, r.detail]);
  return createHash('sha256').update(prev).update(content).digest('hex');
}

/** Appends entries in the caller's transaction (a change and its entry commit together). */
export async function appendAudit(q: Queryable, tenant: string, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  // The head row's lock orders appends: every entry's predecessor is the row before it.
  await q.query('INSERT INTO audit_head (tenant_id, seq, hash) VALUES ($1, 0, $2) ON CONFLICT (tenant_id) DO NOTHING', [tenant, GENESIS]);
  const { rows } = await q.query<{ seq: string; hash: string }>('SELECT seq, hash FROM audit_head WHERE tenant_id = $1 FOR UPDATE', [tenant]);
  let seq = Number(rows[0]?.seq ?? 0);
  let prev = rows[0]?.hash ?? GENESIS;
  const params: unknown[] = [tenant];
  const values: string[] = [];
  for (const e of entries) {
    seq += 1;
    const row = {
      seq,
      at: (e.at ?? new Date()).toISOString(),
      action: e.action,
      outcome: e.outcome,
      username: clip(e.username, 120),
      staffId: clip(e.staffId, 100),
      deviceId: clip(e.deviceId, 100),
      table: clip(e.table, 40),
      recordId: clip(e.recordId, 100),
      fields: (e.fields ?? []).slice(0, 200).map((f) => clip(f, 60) ?? ''),
      offline: e.offline ?? false,
      detail: clip(e.detail, 300),
    };
    const hash = rowHash(prev, row);
    const n = params.length;
    values.push(`($1, ${Array.from({ length: 14 }, (_, i) => `$${n + i + 1}`).join(', ')})`);
    params.push(row.seq, row.at, row.action, row.outcome, row.username, row.staffId, row.deviceId, row.table, row.recordId, row.fields, row.offline, row.detail, prev, hash);
    prev = hash;
  }
  await q.query(
    `INSERT INTO audit_log (tenant_id, seq, at, action, outcome, username, staff_id, device_id, tbl, record_id, fields, offline, detail, prev_hash, hash) VALUES ${values.join(', ')}`,
    params,
  );
  await q.query('UPDATE audit_head SET seq = $2, hash = $3 WHERE tenant_id = $1', [tenant, seq, prev]);
}

export interface AuditQuery {
  /** A user name or staff id. */
  person?: string;
  recordId?: string;
  from?: Date;
  to?: Date;
  action?: AuditAction;
  limit?: number;
}

type DbRow = {
  seq: string;
  at: Date | string;
  action: AuditAction;
  outcome: 'ok' | 'refused';
  username: string | null;
  staff_id: string | null;
  device_id: string | null;
  tbl: string | null;
  record_id: string | null;
  fields: string[];
  offline: boolean;
  detail: string | null;
  prev_hash: string;
  hash: string;
  device_name?: string | null;
};
const toRow = (r: DbRow): AuditRow => ({
  seq: Number(r.seq),
  at: new Date(r.at).toISOString(),
  action: r.action,
  outcome: r.outcome,
  username: r.username,
  staffId: r.staff_id,
  deviceId: r.device_id,
  table: r.tbl,
  recordId: r.record_id,
  fields: r.fields,
  offline: r.offline,
  detail: r.detail,
  ...(r.device_name !== undefined ? { deviceName: r.device_name } : {}),
});

/** Searches the log, newest first (the DSB's screen: by person, by record, by time). */
export async function searchAudit(db: Queryable, tenant: string, query: AuditQuery): Promise<AuditRow[]> {
  const where = ['a.tenant_id = $1'];
  const params: unknown[] = [tenant];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (query.person) {
    params.push(query.person);
    where.push(`(a.username = $${params.length} OR a.staff_id = $${params.length})`);
  }
  if (query.recordId) add('a.record_id = ?', query.recordId);
  if (query.from) add('a.at >= ?', query.from.toISOString());
  if (query.to) add('a.at < ?', query.to.toISOString());
  if (query.action) add('a.action = ?', query.action);
  params.push(Math.min(Math.max(query.limit ?? 500, 1), 10_000));
  const { rows } = await db.query<DbRow>(
    `SELECT a.seq, a.at, a.action, a.outcome, a.username, a.staff_id, a.device_id, a.tbl, a.record_id, a.fields, a.offline, a.detail, a.prev_hash, a.hash, d.name AS device_name
       FROM audit_log a LEFT JOIN devices d ON d.tenant_id = a.tenant_id AND d.id = a.device_id
      WHERE ${where.join(' AND ')} ORDER BY a.seq DESC LIMIT $${params.length}`,
    params,
  );
  return rows.map(toRow);
}

/**
 * Recomputes the chain from the oldest row kept: the first row where a hash does not follow is
 * returned (null: intact). Rows removed by the log's retention leave a start that is not the
 * genesis – that is expected; a gap in the middle is not.
 */
export async function verifyAuditChain(db: Queryable, tenant: string): Promise<number | null> {
  const { rows } = await db.query<DbRow>(
    'SELECT seq, at, action, outcome, username, staff_id, device_id, tbl, record_id, fields, offline, detail, prev_hash, hash FROM audit_log WHERE tenant_id = $1 ORDER BY seq',
    [tenant],
  );
  let prev: string | null = null;
  let lastSeq: number | null = null;
  for (const r of rows) {
    const row = toRow(r);
    if (prev !== null && (r.prev_hash !== prev || row.seq !== (lastSeq ?? 0) + 1)) return row.seq;
    if (rowHash(r.prev_hash, row) !== r.hash) return row.seq;
    prev = r.hash;
    lastSeq = row.seq;
  }
  return null;
}

/** The log's own retention period (issue 7 item 7): rows older than `days` days go. */
export async function pruneAudit(db: Db, tenant: string, days: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  return db.tx(async (q) => {
    await q.query("SELECT set_config('anlaufstelle.audit_retention', 'on', true)");
    const { rows } = await q.query<{ n: string }>('WITH gone AS (DELETE FROM audit_log WHERE tenant_id = $1 AND at < $2 RETURNING 1) SELECT count(*) AS n FROM gone', [tenant, cutoff]);
    return Number(rows[0]?.n ?? 0);
  });
}

/** "Tresen 1 (3f2a…)": the PC's name where it is known, and always its id (names can repeat). */
export const pcLabel = (r: Pick<AuditRow, 'deviceId' | 'deviceName'>): string | null =>
  r.deviceId === null ? null : r.deviceName ? `${r.deviceName} (${r.deviceId})` : r.deviceId;

/** CSV for the DSB's export (semicolon, as German spreadsheets expect; every cell quoted). */
export function auditCsv(rows: readonly AuditRow[]): string {
  const head = ['Nr', 'Zeit (UTC)', 'Aktion', 'Ergebnis', 'Benutzer', 'Person', 'PC', 'Tabelle', 'Datensatz', 'Felder', 'Offline', 'Hinweis'];
  // A user name typed at a failed sign-in is attacker's text: a leading = + - @ would make a
  // spreadsheet run it as a formula (CSV injection), so such a cell starts with an apostrophe.
  const cell = (v: unknown) => {
    const s = String(v ?? '');
    return `"${(/^[=+\-@\t\r]/.test(s) ? `'${s}` : s).replaceAll('"', '""')}"`;
  };
  const lines = rows.map((r) =>
    [r.seq, r.at, r.action, r.outcome === 'ok' ? 'ausgeführt' : 'abgelehnt', r.username, r.staffId, pcLabel(r), r.table, r.recordId, r.fields.join(', '), r.offline ? 'ja' : 'nein', r.detail]
      .map(cell)
      .join(';'),
  );
  return `${[head.map(cell).join(';'), ...lines].join('\r\n')}\r\n`;
}
