import { createHash, randomUUID } from 'node:crypto';
import { nextTicketStatus, allowedEvents } from '../../shared/domain/ticket-state';
import { HANDOFF_STATUSES, TICKET_STATUSES, TICKET_STATUS_LABELS, type TicketStatus } from '../../shared/model/vocabulary';
import { SYNCED_TABLES, type Change, type ChangeResult, type PullResponse, type PushResponse, type RejectionCode, type SyncedTable } from '../../shared/sync/protocol';
import { ANONYMISED, anonymisedTicket } from '../../shared/domain/retention';
import type { CallbackTicket } from '../../shared/model/records';
import { PERSONAL_FIELDS, projectRecord, scopeKey, type PullScope } from '../../shared/auth/scope';
import { changesDecision, checkCoverDecision, checkDutyAfter } from './cover-guard';
import type { Db, Queryable } from './db';

/** One Jobcenter for now; every key already leads with the tenant (SYNC.md §10). */
export const DEFAULT_TENANT = 'default';

export interface ValidChange extends Change {
  table: SyncedTable;
  /**
   * Issue 7 item 6: the PC changed a restricted row (a projection without the personal fields).
   * The push route has already taken those fields and the marker out of `record` and `fields`.
   */
  restricted?: true;
}
export interface ValidGroup {
  txId: string;
  changes: ValidChange[];
}
export interface Caller {
  deviceId: string;
  userId: string | null;
  /** Issue 7 item 2: the site the PC is enrolled for (absent for the service's own writes). */
  siteId?: string;
  /**
   * Issue 7 item 5: judges each change against the stored row, inside its transaction (the shared
   * permission function). Absent for the service's own writes (directory seed, retention sweep).
   * A string refuses for good (`auth.forbidden`); `unproven`: the author's sign-in at this PC is not
   * proven (issue 7 item 3) – the PC keeps the change and sends it again after that person signs in.
   */
  authorize?: (c: ValidChange, before: Record<string, unknown> | null, after: Record<string, unknown>) => string | { unproven: string } | null;
  /** Issue 7 item 7: writes the access-log entries of a group in the group's own transaction. */
  audit?: (q: Queryable, changes: readonly ValidChange[], outcome: 'ok' | 'refused', reasons: ReadonlyMap<string, string>) => Promise<void>;
  /**
   * Issue 7 item 6: what this PC may see. Pulls and the server rows of refused changes come
   * projected to it; absent (the service's own writes, the sync rules' trusting test double): whole.
   */
  scope?: PullScope;
}

interface StoredRow {
  data: Record<string, unknown>;
  hlc: string;
  field_hlc: Record<string, string> | string;
  version: string | number;
  deleted_at: string | null;
  anonymised_at: string | null;
}

class Rejection extends Error {
  constructor(
    readonly changeId: string,
    readonly code: RejectionCode,
    override readonly message: string,
    readonly canonical: Record<string, unknown> | null,
  ) {
    super(message);
  }
}

export async function ensureTenant(db: Db, tenant = DEFAULT_TENANT): Promise<void> {
  await db.query('INSERT INTO tenant_head (tenant_id, v, epoch) VALUES ($1, 0, $2) ON CONFLICT (tenant_id) DO NOTHING', [
    tenant,
    randomUUID(),
  ]);
}

/**
 * After a restore from backup (server/OPERATIONS.md): a new epoch tells every PC that the server
 * forgot what it acknowledged since the backup. Each PC then sends all its records again and pulls
 * from the start; the conflict rules decide what is newer. Returns the new epoch.
 */
export async function renewEpoch(db: Db, tenant = DEFAULT_TENANT): Promise<string> {
  const epoch = randomUUID();
  await db.query('UPDATE tenant_head SET epoch = $2 WHERE tenant_id = $1', [tenant, epoch]);
  return epoch;
}

export function serverHlc(now = new Date()): string {
  return `${now.toISOString()}-0000-server`;
}

/** Statuses a ticket can reach from `from` by the shared guard (SPEC §5), including staying. */
function reachableTicketStatuses(from: TicketStatus): Set<TicketStatus> {
  const seen = new Set<TicketStatus>([from]);
  const todo = [from];
  while (todo.length > 0) {
    const s = todo.pop() as TicketStatus;
    for (const e of allowedEvents(s)) {
      const to = nextTicketStatus(s, e);
      if (!seen.has(to)) {
        seen.add(to);
        todo.push(to);
      }
    }
  }
  return seen;
}

/** A value with object keys sorted: jsonb does not keep key order. */
export function canonical(v: unknown): unknown {
  return Array.isArray(v)
    ? v.map(canonical)
    : v !== null && typeof v === 'object'
      ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1)).map(([k, x]) => [k, canonical(x)]))
      : v;
}

/** A record without the stamps each PC's own sweep sets differently. */
function withoutStamps(r: Record<string, unknown>): Record<string, unknown> {
  const rest = { ...r };
  for (const k of ['updatedAt', 'updatedBy', 'anonymisedAt', 'retentionStart']) delete rest[k];
  return rest;
}

/** Compares records by content. */
function sameRecord(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

const handoffRank = (s: unknown) => HANDOFF_STATUSES.indexOf(s as (typeof HANDOFF_STATUSES)[number]);
const ticketRank = (s: unknown) => TICKET_STATUSES.indexOf(s as TicketStatus);

async function staffName(q: Queryable, tenant: string, staffId: string): Promise<string> {
  const { rows } = await q.query<{ name: string | null }>(
    "SELECT data->>'name' AS name FROM records WHERE tenant_id = $1 AND tbl = 'staff' AND id = $2",
    [tenant, staffId],
  );
  return rows[0]?.name ?? staffId;
}

/**
 * The conflict rules of SPEC §9 / SYNC.md §3 for one change against the stored row. Returns whether
 * the change is a guarded forward transition (which wins by server order, not by clock) or throws
 * a Rejection with the canonical row.
 */
async function checkRules(q: Queryable, tenant: string, c: ValidChange, stored: StoredRow): Promise<boolean> {
  const cur = stored.data;
  const reject = (code: RejectionCode, message: string): never => {
    throw new Rejection(c.changeId, code, message, cur);
  };
  const next = c.record;
  // Anonymisation is sticky (SPEC §9): no PC can bring a name back, whatever its clock says.
  if (stored.anonymised_at !== null && c.op !== 'delete' && !sameRecord(next, cur)) {
    reject('record.anonymised', 'Der Datensatz wurde nach Ablauf der Aufbewahrungsfrist anonymisiert und kann nicht mehr geändert werden.');
  }
  // Tombstones win: a delete is never undone by an older copy.
  if (stored.deleted_at !== null && next.deletedAt == null) {
    reject('record.deleted', 'Der Datensatz wurde bereits gelöscht.');
  }
  if (c.table === 'handoffs') {
    // A hand-off's anonymisation is its label (it has no anonymisedAt): just as sticky.
    if (cur.label === ANONYMISED && next.label !== ANONYMISED) {
      reject('record.anonymised', 'Der Datensatz wurde nach Ablauf der Aufbewahrungsfrist anonymisiert und kann nicht mehr geändert werden.');
    }
    const from = handoffRank(cur.status);
    const to = handoffRank(next.status);
    // SPEC §9: the first LB clerk to take a visitor wins; a later take by another is refused with the
    // name – also when the first has already finished (the loser must hear who, not "schon weiter").
    if (cur.takenBy != null && next.takenBy !== cur.takenBy) {
      if (next.takenBy == null) reject('handoff.backwards', 'Die Übergabe ist schon weiter und kann nicht zurückgesetzt werden.');
      // The visitor is named: a clerk who lost several races must know which visitors went to whom.
      reject('handoff.already-taken', `${String(cur.label)}: bereits von ${await staffName(q, tenant, String(cur.takenBy))} übernommen.`);
    }
    if (to < from) reject('handoff.backwards', 'Die Übergabe ist schon weiter und kann nicht zurückgesetzt werden.');
    return to > from;
  }
  if (c.table === 'tickets') {
    const from = cur.status as TicketStatus;
    const to = next.status as TicketStatus;
    // SPEC §9: a ticket never moves backwards; the shared guard of ticket-state.ts decides what is forward.
    if (!reachableTicketStatuses(from).has(to)) {
      reject('ticket.backwards', `Das Ticket steht bereits auf „${TICKET_STATUS_LABELS[from]}“ und kann nicht auf „${TICKET_STATUS_LABELS[to]}“ zurückgehen.`);
    }
    return ticketRank(to) > ticketRank(from);
  }
  return false;
}

/**
 * SYNC.md §3 "Arrays: union": lists that PCs append to independently – the attempts of a callback
 * ticket, the hand-offs of a visit – keep every element either side wrote, whatever the clocks say.
 */
const UNION_FIELDS: Partial<Record<SyncedTable, ReadonlySet<string>>> = {
  tickets: new Set(['attempts']),
  visits: new Set(['handoffIds']),
  newCustomers: new Set(['noShows']),
};

function unionOf(a: unknown, b: unknown, incomingWins = false): unknown[] {
  const left = Array.isArray(a) ? a : [];
  const right = Array.isArray(b) ? b : [];
  // Elements with an id (attempts) are one element each, whatever else differs: the anonymised copy
  // of an attempt is the same attempt, not a second one. On a clash the stored copy stays, unless
  // the change wins every field it writes (an anonymisation).
  const idOf = (x: unknown) => (x !== null && typeof x === 'object' && typeof (x as { id?: unknown }).id === 'string' ? (x as { id: string }).id : null);
  const keyOf = (x: unknown) => idOf(x) ?? JSON.stringify(canonical(x));
  const out = [...left];
  const index = new Map(out.map((x, i) => [keyOf(x), i]));
  for (const x of right) {
    const i = index.get(keyOf(x));
    if (i === undefined) {
      index.set(keyOf(x), out.length);
      out.push(x);
    } else if (incomingWins) out[i] = x;
  }
  // Attempts carry their time: keep them in the order they happened, wherever they were logged.
  const at = (x: unknown) => (x !== null && typeof x === 'object' && typeof (x as { at?: unknown }).at === 'string' ? (x as { at: string }).at : null);
  if (out.every((x) => at(x) !== null)) out.sort((x, y) => (at(x)! < at(y)! ? -1 : at(x)! > at(y)! ? 1 : 0));
  return out;
}

/**
 * The fields a change writes: what the PC said it changed (`fields`), or – from a PC that did not
 * say (a first write, a re-push after a restore) – every field of its record.
 */
function fieldsOf(c: ValidChange): string[] {
  return (c.fields ?? Object.keys(c.record)).filter((f) => f !== 'id');
}

/** The change's own fields laid over the current row: what the PC meant, judged by the guards. */
function overlay(cur: Record<string, unknown>, c: ValidChange, fields: string[]): Record<string, unknown> {
  const next = { ...cur };
  for (const f of fields) {
    if (Object.hasOwn(c.record, f)) next[f] = c.record[f];
    else delete next[f];
  }
  return next;
}

async function inboxKeyTaken(q: Queryable, tenant: string, id: string, key: string): Promise<boolean> {
  const { rows } = await q.query<{ id: string }>(
    "SELECT id FROM records WHERE tenant_id = $1 AND tbl = 'inbox' AND data->>'key' = $2 AND deleted_at IS NULL AND id <> $3 LIMIT 1",
    [tenant, key, id],
  );
  return rows.length > 0;
}

/**
 * The decision to judge: a cover decision the server does not hold yet, or what a put to a held one
 * means (its fields over the stored row) when it changes what was decided; null when nothing to judge.
 */
async function decisionToJudge(
  q: Queryable,
  tenant: string,
  c: ValidChange,
): Promise<{ intended: Record<string, unknown>; stored: Record<string, unknown> | null } | null> {
  const { rows } = await q.query<{ data: Record<string, unknown> | string; deleted_at: string | null }>(
    'SELECT data, deleted_at FROM records WHERE tenant_id = $1 AND tbl = $2 AND id = $3',
    [tenant, c.table, c.id],
  );
  const stored = rows[0];
  if (!stored) return { intended: c.record, stored: null };
  // A tombstone wins: a put changes nothing the board sees.
  if (stored.deleted_at !== null) return null;
  const cur = typeof stored.data === 'string' ? (JSON.parse(stored.data) as Record<string, unknown>) : stored.data;
  const intended = overlay(cur, c, fieldsOf(c));
  return changesDecision(cur, intended) ? { intended, stored: cur } : null;
}

/** The fields that tie a record to a site of the Jobcenter. */
const SITE_FIELDS = ['siteId', 'distributionSiteId', 'recordedAtSiteId'] as const;

/**
 * Issue 6 "out of scope": a record may only name sites the Jobcenter has (its directory on the
 * server, or a site the same group creates). Checked where a change sets such a field; who may
 * write for which site comes with sign-in (issue 7).
 */
async function checkSites(c: ValidChange, stored: StoredRow | undefined, sites: () => Promise<Set<string>>): Promise<void> {
  if (c.op === 'delete' || c.table === 'sites') return;
  for (const f of SITE_FIELDS) {
    const value = c.record[f];
    if (typeof value !== 'string' || value === stored?.data[f]) continue;
    if (!(await sites()).has(value)) {
      throw new Rejection(c.changeId, 'record.out-of-scope', `Den Standort „${value}“ gibt es im Jobcenter nicht; nichts wurde gespeichert.`, stored?.data ?? null);
    }
  }
}

async function applyChange(q: Queryable, tenant: string, caller: Caller, c: ValidChange, version: number, sites: () => Promise<Set<string>>): Promise<void> {
  const { rows } = await q.query<StoredRow>(
    'SELECT data, hlc, field_hlc, version, deleted_at, anonymised_at FROM records WHERE tenant_id = $1 AND tbl = $2 AND id = $3 FOR UPDATE',
    [tenant, c.table, c.id],
  );
  const stored = rows[0];
  // A PC only holds a restricted row the server sent it: one the server does not have is forged.
  if (!stored && c.restricted) {
    throw new Rejection(c.changeId, 'record.out-of-scope', 'Ein Datensatz ohne Kundendaten kann nicht neu angelegt werden; nichts wurde gespeichert.', null);
  }
  await checkSites(c, stored, sites);
  let data = c.record;
  let fieldHlc: Record<string, string> = Object.fromEntries(Object.keys(c.record).map((f) => [f, c.hlc]));
  // Every PC runs the retention sweep (SPEC §9): a second PC anonymising a record the server has
  // already anonymised, to the same content, has nothing to add and nothing to be told – no write,
  // no refusal. Anything else it carries (a name) is refused below with the server's row.
  if (stored && stored.anonymised_at !== null && c.record.anonymisedAt != null && (c.op !== 'delete' || stored.deleted_at !== null)) {
    if (sameRecord(withoutStamps(c.record), withoutStamps(stored.data))) return;
  }
  if (stored) {
    const fields = fieldsOf(c);
    const cur = stored.data;
    const intended = overlay(cur, c, fields);
    const forward = await checkRules(q, tenant, { ...c, record: intended }, stored);
    fieldHlc = typeof stored.field_hlc === 'string' ? (JSON.parse(stored.field_hlc) as Record<string, string>) : { ...stored.field_hlc };
    // Rows written before per-field clocks (migration 002) have none: their fields were all last
    // written at the row's clock. Pin that now, before the row's clock moves on.
    for (const f of Object.keys(cur)) fieldHlc[f] ??= stored.hlc;
    const clockOf = (f: string) => fieldHlc[f] ?? stored.hlc;
    const unions = UNION_FIELDS[c.table];
    // Anonymisation and deletion win every field they write, by server order like a guarded
    // transition (SPEC §9): a colleague's later edit of the phone number must not survive the
    // anonymisation of the name beside it.
    const anonymises =
      (cur.anonymisedAt == null && c.record.anonymisedAt != null) || (c.table === 'handoffs' && cur.label !== ANONYMISED && c.record.label === ANONYMISED);
    const wins = forward || anonymises || (cur.deletedAt == null && c.record.deletedAt != null);
    // Per-field last writer wins by hybrid logical clock (SYNC.md §3): a PC that was offline for a
    // day cannot overwrite newer edits of the same field just because it arrives later, and edits
    // of different fields made on different PCs both stand. Guarded transitions (a take, a ticket
    // moving forward) win by server order instead: the clock must not decide who took a visitor.
    data = { ...cur };
    let won = 0;
    for (const f of fields) {
      if (unions?.has(f)) {
        data[f] = unionOf(cur[f], c.record[f], wins);
        if (c.hlc > clockOf(f)) fieldHlc[f] = c.hlc;
        // What the PC appended is in the list now: the change did what it meant, whatever its
        // other fields (the time stamps it touched along the way) lose by clock.
        won += 1;
        continue;
      }
      if (!wins && c.hlc <= clockOf(f)) continue;
      won += 1;
      if (Object.hasOwn(c.record, f)) data[f] = c.record[f];
      else delete data[f];
      if (c.hlc > clockOf(f)) fieldHlc[f] = c.hlc;
    }
    // SPEC §9: an anonymised ticket keeps no note – also none of an attempt another PC logged and
    // that reached the server before the sweep (the union above kept it).
    if (c.table === 'tickets' && data.anonymisedAt != null) {
      data = anonymisedTicket(data as unknown as CallbackTicket, String(data.anonymisedAt)) as unknown as Record<string, unknown>;
    }
    // Two valid records merged field by field can, rarely, make an invalid one (a closed ticket
    // without its closing time): then the whole newer record wins, as before per-field merging.
    if (!SYNCED_TABLES[c.table].safeParse(data).success) {
      // A restricted change has no personal fields: its record can never stand for the whole row.
      if (c.restricted || (!wins && c.hlc <= stored.hlc)) {
        throw new Rejection(c.changeId, 'record.stale', 'Der Datensatz wurde inzwischen an einem anderen Platz geändert.', cur);
      }
      data = { ...c.record };
      fieldHlc = Object.fromEntries(Object.keys(data).map((f) => [f, c.hlc > stored.hlc ? c.hlc : stored.hlc]));
      won = 1;
    }
    // Nothing the change wrote is newer than what is stored, and it would change something: tell
    // the PC and send the current row. (A change that asks for what is already there is no conflict.)
    if (won === 0 && !sameRecord(intended, cur)) {
      throw new Rejection(c.changeId, 'record.stale', 'Der Datensatz wurde inzwischen an einem anderen Platz geändert.', cur);
    }
  } else if (c.table === 'inbox' && data.deletedAt == null && (await inboxKeyTaken(q, tenant, c.id, String(data.key)))) {
    // One message per triggering write and recipient (the inbox `key`), across PCs: two PCs that
    // wrote the same notice before they saw each other's keep the first to arrive. The second is
    // stored as a tombstone – accepted, not refused, so the write it came with (an absence, a
    // decision) stands, and the PC that wrote it hides its copy on its next pull.
    data = { ...data, deletedAt: new Date().toISOString() };
  }
  await q.query(
    `INSERT INTO records (tenant_id, tbl, id, data, hlc, version, deleted_at, anonymised_at, updated_by_device, field_hlc)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (tenant_id, tbl, id) DO UPDATE SET data = EXCLUDED.data, hlc = GREATEST(records.hlc, EXCLUDED.hlc),
       version = EXCLUDED.version, deleted_at = COALESCE(records.deleted_at, EXCLUDED.deleted_at),
       anonymised_at = COALESCE(records.anonymised_at, EXCLUDED.anonymised_at), updated_by_device = EXCLUDED.updated_by_device,
       field_hlc = EXCLUDED.field_hlc`,
    [
      tenant,
      c.table,
      c.id,
      JSON.stringify(data),
      c.hlc,
      version,
      (data.deletedAt as string | null | undefined) ?? null,
      (data.anonymisedAt as string | null | undefined) ?? null,
      caller.deviceId,
      JSON.stringify(fieldHlc),
    ],
  );
}

/**
 * Issue 7 item 5: may the change's author make it? Judged first, before any rule of the domain, on
 * the row as stored (locked for the rest of the transaction).
 */
async function authorizeChange(q: Queryable, tenant: string, caller: Caller, c: ValidChange): Promise<void> {
  if (!caller.authorize) return;
  const { rows } = await q.query<{ data: Record<string, unknown> }>('SELECT data FROM records WHERE tenant_id = $1 AND tbl = $2 AND id = $3 FOR UPDATE', [
    tenant,
    c.table,
    c.id,
  ]);
  const before = rows[0]?.data ?? null;
  const refusal = caller.authorize(c, before, before ? overlay(before, c, fieldsOf(c)) : c.record);
  if (refusal === null) return;
  if (typeof refusal === 'string') throw new Rejection(c.changeId, 'auth.forbidden', refusal, before);
  throw new Rejection(c.changeId, 'auth.unproven', refusal.unproven, before);
}

async function storeReceipts(q: Queryable, tenant: string, caller: Caller, results: ChangeResult[], group?: ValidGroup): Promise<void> {
  if (results.length === 0) return;
  // Issue 7 item 6: a receipt keeps the server's row only as this PC may see it – a replay answers
  // from the receipt, whatever table the replay names (found by review: a replay under another
  // table name returned the whole row).
  if (caller.scope && group) results = projectResults(caller.scope, [group], results);
  // One statement for the whole group: a push is a few statements per change, not one per field.
  const values = results.map((_, i) => `($1, $${4 * i + 2}, $${4 * i + 3}, $${4 * i + 4}, $${4 * i + 5})`).join(', ');
  const params = results.flatMap((r) => [r.changeId, caller.deviceId, caller.userId, JSON.stringify(r)]);
  await q.query(`INSERT INTO sync_receipts (tenant_id, change_id, device_id, user_id, result) VALUES ${values} ON CONFLICT DO NOTHING`, [tenant, ...params]);
}

async function storedRows(q: Queryable, tenant: string, changes: ValidChange[]): Promise<Map<string, Record<string, unknown>>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const c of changes) {
    const { rows } = await q.query<{ data: Record<string, unknown> }>('SELECT data FROM records WHERE tenant_id = $1 AND tbl = $2 AND id = $3', [
      tenant,
      c.table,
      c.id,
    ]);
    if (rows[0]) out.set(`${c.table}/${c.id}`, rows[0].data);
  }
  return out;
}

async function receiptsFor(q: Queryable, tenant: string, ids: string[], deviceId: string): Promise<Map<string, ChangeResult>> {
  if (ids.length === 0) return new Map();
  // A receipt answers the PC that sent the change, no other (issue 7: another PC gets no answer from it).
  const { rows } = await q.query<{ change_id: string; result: ChangeResult }>(
    'SELECT change_id, result FROM sync_receipts WHERE tenant_id = $1 AND change_id = ANY($2) AND device_id = $3',
    [tenant, ids, deviceId],
  );
  return new Map(rows.map((r) => [r.change_id, typeof r.result === 'string' ? JSON.parse(r.result) : r.result]));
}

export interface SyncCore {
  push(caller: Caller, groups: ValidGroup[]): Promise<PushResponse>;
  /**
   * Issue 7 item 6: with a scope, each record comes as `projectRecord` makes it for that PC.
   * `scopedOnly`: only the tables whose projection depends on the scope (a PC re-projecting the
   * rows it holds after its scope changed).
   */
  pull(cursor: number, limit: number, scope?: PullScope, opts?: { scopedOnly?: boolean }): Promise<PullResponse>;
  head(): Promise<{ head: number; epoch: string }>;
  onCommit(listener: (head: number) => void): () => void;
}

export function syncCore(db: Db, tenant = DEFAULT_TENANT): SyncCore {
  const listeners = new Set<(head: number) => void>();

  /**
   * One group = one transaction, all or nothing (SYNC.md §2). The head row is bumped first: its row
   * lock serialises pushes per tenant, so versions commit in order and a reader never skips one,
   * and the receipt check inside the lock makes a concurrent duplicate see the first one's answer.
   */
  async function pushGroup(caller: Caller, group: ValidGroup): Promise<{ results: ChangeResult[]; head: number | null }> {
    try {
      return await db.tx(async (q) => {
        const { rows } = await q.query<{ v: string }>('UPDATE tenant_head SET v = v + 1 WHERE tenant_id = $1 RETURNING v', [tenant]);
        const version = Number(rows[0]?.v);
        const seen = await receiptsFor(q, tenant, group.changes.map((c) => c.changeId), caller.deviceId);
        const results: ChangeResult[] = [];
        const fresh: ChangeResult[] = [];
        const inGroup = new Set<string>();
        const decisions: { changeId: string; decision: Record<string, unknown>; stored: Record<string, unknown> | null }[] = [];
        // The Jobcenter's sites, read once per group when a change needs them (and sites the group creates).
        let known: Set<string> | null = null;
        const sites = async () => {
          if (!known) {
            const { rows: s } = await q.query<{ id: string }>("SELECT id FROM records WHERE tenant_id = $1 AND tbl = 'sites' AND deleted_at IS NULL", [tenant]);
            known = new Set([...s.map((r) => r.id), ...group.changes.filter((x) => x.table === 'sites' && x.op === 'put').map((x) => x.id)]);
          }
          return known;
        };
        for (const c of group.changes) {
          const earlier = seen.get(c.changeId);
          if (earlier || inGroup.has(c.changeId)) {
            // A replay has exactly one effect: answer with what was decided the first time.
            results.push(earlier ?? (results.find((r) => r.changeId === c.changeId) as ChangeResult));
            continue;
          }
          inGroup.add(c.changeId);
          await authorizeChange(q, tenant, caller, c);
          // Issue 6 item 3: a new cover decision is judged against the server's board first.
          // A change to a held decision is judged again when it changes what was decided (issue 6 review).
          const judged = c.table === 'coverDecisions' && c.op === 'put' ? await decisionToJudge(q, tenant, c) : null;
          if (judged) {
            const refusal = await checkCoverDecision(q, tenant, judged.intended);
            // The PC takes the server's decision back (none: its own goes).
            if (refusal) throw new Rejection(c.changeId, refusal.code, refusal.message, judged.stored);
            decisions.push({ changeId: c.changeId, decision: judged.intended, stored: judged.stored });
          }
          await applyChange(q, tenant, caller, c, version, sites);
          const r: ChangeResult = { changeId: c.changeId, status: 'applied', version };
          results.push(r);
          fresh.push(r);
        }
        for (const d of decisions) {
          const refusal = await checkDutyAfter(q, tenant, d.decision);
          if (refusal) throw new Rejection(d.changeId, refusal.code, refusal.message, d.stored);
        }
        if (fresh.length === 0) throw new NothingNew(results);
        await storeReceipts(q, tenant, caller, fresh);
        await caller.audit?.(q, group.changes.filter((c) => fresh.some((r) => r.changeId === c.changeId)), 'ok', new Map());
        return { results, head: version };
      });
    } catch (error) {
      if (error instanceof NothingNew) return { results: error.results, head: null };
      if (!(error instanceof Rejection)) throw error;
      // The group rolled back; record the rejection per change so a resend gets the same answer.
      // Every change of the group carries the server's row (null: the server has none), so the PC
      // can undo the whole refused action, not just the change that caused it.
      const stored = await db.tx(async (q) => {
        const canonical = await storedRows(q, tenant, group.changes);
        const results: ChangeResult[] = group.changes.map((c) =>
          c.changeId === error.changeId
            ? { changeId: c.changeId, status: 'rejected', code: error.code, message: error.message, canonical: error.canonical }
            : {
                changeId: c.changeId,
                status: 'rejected',
                code: 'group.rolled-back',
                message: 'Nicht gespeichert, weil eine andere Änderung desselben Vorgangs abgelehnt wurde.',
                canonical: canonical.get(`${c.table}/${c.id}`) ?? null,
              },
        );
        const seen = await receiptsFor(q, tenant, results.map((r) => r.changeId), caller.deviceId);
        // An unproven author is not a final answer: the same changes come again after a sign-in.
        if (error.code !== 'auth.unproven') await storeReceipts(q, tenant, caller, results.filter((r) => !seen.has(r.changeId)), group);
        const refused = group.changes.filter((c) => !seen.has(c.changeId));
        await caller.audit?.(q, refused, 'refused', new Map(results.map((r) => [r.changeId, r.status === 'rejected' ? r.code : ''])));
        return results.map((r) => seen.get(r.changeId) ?? r);
      });
      return { results: stored, head: null };
    }
  }

  async function head(): Promise<{ head: number; epoch: string }> {
    const { rows } = await db.query<{ v: string; epoch: string }>('SELECT v, epoch FROM tenant_head WHERE tenant_id = $1', [tenant]);
    return { head: Number(rows[0]?.v ?? 0), epoch: rows[0]?.epoch ?? '' };
  }

  return {
    head,
    onCommit(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async push(caller, groups) {
      const results: ChangeResult[] = [];
      let committed: number | null = null;
      for (const g of groups) {
        const r = await pushGroup(caller, g);
        results.push(...r.results);
        if (r.head !== null) committed = r.head;
      }
      if (committed !== null) for (const l of listeners) l(committed);
      const h = await head();
      return { epoch: h.epoch, head: h.head, serverHlc: serverHlc(), results: caller.scope ? projectResults(caller.scope, groups, results) : results };
    },
    /**
     * Records with version > cursor, oldest first, in one snapshot with the head. A page never cuts
     * a version in two, so a client that stops after any page has seen whole push groups.
     */
    async pull(cursor, limit, scope, opts) {
      const tables = opts?.scopedOnly ? Object.keys(PERSONAL_FIELDS) : null;
      // One statement, so one snapshot: the head and the page agree without a transaction (a pull
      // is the most frequent request – every PC pulls after every poke – and PGlite has one
      // connection). A push bumps the head and writes its records in one transaction, so every
      // record this snapshot shows has a version ≤ the head it shows.
      type Row = { head: string; epoch: string; tbl: SyncedTable | null; id: string; version: string; hlc: string; data: Record<string, unknown> };
      const { rows: page } = await db.query<Row>(
        `SELECT h.v AS head, h.epoch, r.tbl, r.id, r.version, r.hlc, r.data
           FROM tenant_head h
           LEFT JOIN LATERAL (
             SELECT tbl, id, version, hlc, data FROM records
              WHERE tenant_id = h.tenant_id AND version > $2 AND ($4::text[] IS NULL OR tbl = ANY($4::text[]))
              ORDER BY version, tbl, id LIMIT $3) r ON true
          WHERE h.tenant_id = $1`,
        [tenant, cursor, limit + 1, tables],
      );
      const h = Number(page[0]?.head ?? 0);
      const epoch = page[0]?.epoch ?? '';
      let rows = page.filter((r) => r.tbl !== null);
      const more = rows.length > limit;
      if (more) {
        const cut = rows[limit]!.version;
        const whole = rows.slice(0, limit).filter((r) => r.version !== cut);
        // One push group larger than the page: it comes whole (its rows were committed together;
        // a row of it changed since carries a newer version and comes with a later page).
        rows = whole.length > 0
          ? whole
          : (
              await db.query<Row>('SELECT tbl, id, version, hlc, data FROM records WHERE tenant_id = $1 AND version = $2 AND ($3::text[] IS NULL OR tbl = ANY($3::text[])) ORDER BY tbl, id', [
                tenant,
                cut,
                tables,
              ])
            ).rows;
      }
      const records = rows.map((r) => ({
        table: r.tbl as SyncedTable,
        id: r.id,
        version: Number(r.version),
        hlc: r.hlc,
        record: scope ? projectRecord(scope, r.tbl as SyncedTable, r.data) : r.data,
      }));
      const next = more ? records[records.length - 1]!.version : Math.max(h, cursor);
      return { epoch, head: h, cursor: next, more, records, ...(scope ? { scopeFingerprint: scopeFingerprint(scope) } : {}) };
    },
  };
}

/**
 * Issue 7 item 6: the fingerprint of the scope a pull was projected with (SHA-256 of `scopeKey`,
 * hex). The scope is read at every pull with the current time, so it changes when a person first
 * signs in at the PC, when a sign-in leaves the offline period and when an ADMIN signs in there.
 */
export function scopeFingerprint(scope: PullScope): string {
  return createHash('sha256').update(scopeKey(scope)).digest('hex');
}

/**
 * Issue 7 item 6: a refused change carries the server's row (`canonical`), which the PC stores in
 * place of its own – projected like a pull, or a refusal would hand a PC the name it must not see.
 */
function projectResults(scope: PullScope, groups: ValidGroup[], results: ChangeResult[]): ChangeResult[] {
  const tableOf = new Map(groups.flatMap((g) => g.changes.map((c) => [c.changeId, c.table] as const)));
  return results.map((r) => {
    const table = tableOf.get(r.changeId);
    return r.status === 'rejected' && r.canonical && table ? { ...r, canonical: projectRecord(scope, table, r.canonical) } : r;
  });
}

class NothingNew extends Error {
  constructor(readonly results: ChangeResult[]) {
    super('nothing new');
  }
}
