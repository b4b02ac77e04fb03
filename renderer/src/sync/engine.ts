import { liveQuery, type Table } from 'dexie';
import type { InboxMessage, OutboxEntry } from '@shared/model';
import { formatHlc } from '@shared/sync/hlc';
import {
  MAX_BODY_BYTES,
  MAX_CHANGES_PER_PUSH,
  MAX_PULL_LIMIT,
  SYNCED_TABLE_NAMES,
  type Change,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type SyncedTable,
} from '@shared/sync/protocol';
import { SyncRequestError, type SyncTransport } from '@shared/sync/transport';
import { PERSONAL_FIELDS, restrictRecord } from '@shared/auth/scope';
import type { AnlaufstelleDB } from '../db/db';
import { deskCodeFor, storeDeskCode } from './desk-code';
import { clockOf } from './clock';
import { markRemoteApply } from './fields';
import { proofOf } from '../auth/grant';

/**
 * The client side of the sync service (issue 6, server/PROTOCOL.md). One loop per PC:
 *
 * 1. **Push** the outbox in clock order, one transaction group per server transaction, at most
 *    one request in flight. Applied rows leave the outbox; a rejected change is replaced by the
 *    server's row (`canonical`) and its German reason is told to the clerk.
 * 2. **Pull** every record newer than the stored cursor, page by page, each page in one Dexie
 *    transaction together with the new cursor. A record with unsent local changes is not
 *    overwritten: its push decides, and the server's answer comes back in a later pull – except
 *    for what this PC may no longer see (issue 7 item 6, below). When the PC's scope changed (the
 *    service names its fingerprint with every page), the rows it holds are pulled again first
 *    (`reproject`).
 *
 * The loop runs on start, after every local write (the outbox grows), on every WebSocket poke,
 * every 30 s and on reconnect. Without a network it stops quietly and retries with a back-off;
 * the PC keeps working on its own data meanwhile.
 */

export type SyncMode = 'off' | 'connecting' | 'online' | 'offline' | 'error';

export interface SyncStatus {
  mode: SyncMode;
  /** When the PC lost the server (ISO), while offline. */
  offlineSince: string | null;
  /** Outbox rows not yet accepted by the server. */
  pending: number;
  /** German reason of the last failure (mode 'error'). */
  message: string | null;
}

export interface SyncEngineOptions {
  db: AnlaufstelleDB;
  transport: SyncTransport;
  now?: () => Date;
  onStatus?: (status: SyncStatus) => void;
  /** German reasons of changes the server refused (e.g. "Frau K.: bereits von Anna Wagner übernommen."). */
  onRejected?: (messages: string[]) => void;
  /**
   * Inbox messages that arrived from another PC (issue 6 item 3: they reach the PCs of the role
   * they are meant for, with their OS notification). Not called for a PC's first pull, which
   * brings the history, not news.
   */
  onNewInbox?: (messages: InboxMessage[]) => void;
  /**
   * The site this PC records for (settings). The engine asks the service once for the PC's desk
   * code there (issue 6 item 6), so its call numbers and ticket references never collide with
   * another PC's.
   */
  siteId?: () => string | null;
  pollMs?: number;
  /**
   * Issue 7 item 3 (an enrolled PC): a change in a person's name goes only with that person's proof;
   * one without waits for her confirmation. Off for the sync rules' tests against the trusting double.
   */
  requireProofs?: boolean;
  /** Back-off steps after a failed round, in ms. */
  retryMs?: readonly number[];
}

export interface SyncEngine {
  start(): Promise<void>;
  stop(): void;
  /** Runs a round now and resolves when it (and any round it queued) is done. */
  syncNow(): Promise<void>;
  status(): SyncStatus;
}

/**
 * Issue 7 item 6: `scope` – the fingerprint of the scope the rows up to `cursor` were projected
 * with; `reproject` – how far a re-projection pass for a new scope has come ({fingerprint, epoch, cursor}).
 */
const STATE = { deviceId: 'deviceId', cursor: 'cursor', epoch: 'epoch', scope: 'scope', reproject: 'reproject' } as const;
/** Below the server's 1 MiB: room for the envelope. */
const BODY_BUDGET = Math.floor(MAX_BODY_BYTES * 0.9);

async function readState<T>(db: AnlaufstelleDB, key: string, fallback: T): Promise<T> {
  const row = await db.syncState.get(key);
  return row === undefined ? fallback : (row.value as T);
}

/** The PC's device id, made once and kept in this database (issue 7 replaces it by enrollment). */
export async function deviceIdOf(db: AnlaufstelleDB): Promise<string> {
  return db.transaction('rw', db.syncState, async () => {
    const existing = await readState<string | null>(db, STATE.deviceId, null);
    if (existing) return existing;
    const id = crypto.randomUUID();
    await db.syncState.put({ key: STATE.deviceId, value: id });
    return id;
  });
}

function syncedTables(db: AnlaufstelleDB): Table[] {
  return SYNCED_TABLE_NAMES.map((t) => db.table(t));
}

const isSynced = (table: string): table is SyncedTable => (SYNCED_TABLE_NAMES as readonly string[]).includes(table);

interface Batch {
  request: PushRequest;
  rows: Map<string, OutboxEntry>;
}

/** Authors that are not a person: the retention sweep, and rows re-sent without a known author. */
const NOT_A_PERSON = new Set(['system', 'sync']);

/**
 * The next push: whole groups in clock order, within the server's limits; local-only rows are dropped.
 * `requireProofs` (an enrolled PC): a group with a change in a person's name that carries no proof
 * of that person's sign-in is not sent – it waits for that person's confirmation (`confirmWaiting`),
 * so nothing written into this PC's database behind someone's back goes out in their name.
 */
async function nextBatch(db: AnlaufstelleDB, requireProofs: boolean): Promise<Batch | null> {
  return db.transaction('rw', [db.outbox, ...syncedTables(db)], async () => {
    const all = await db.outbox.orderBy('hlc').toArray();
    // Issue 7 item 3: a change goes in the name of the record's last author, with that person's
    // proof from any of their writes to the record here (a proof vouches for record and author).
    const proofs = new Map(all.flatMap((r) => (r.proof ? [[`${r.table}/${r.recordId}/${r.by}`, r.proof] as const] : [])));
    // Each record read once for this batch (the proof check and the change both need it).
    const records = new Map<string, Record<string, unknown> | undefined>();
    const recordOf = async (r: OutboxEntry) => {
      const key = `${r.table}/${r.recordId}`;
      if (!records.has(key)) records.set(key, isSynced(r.table) ? ((await db.table(r.table).get(r.recordId)) as Record<string, unknown> | undefined) : undefined);
      return records.get(key);
    };
    if (requireProofs) {
      const unproven = new Set<string>();
      for (const r of all) {
        if (r.held !== undefined || !isSynced(r.table) || NOT_A_PERSON.has(r.by)) continue;
        const record = await recordOf(r);
        const author = String(record?.['updatedBy'] ?? r.by);
        if (record !== undefined && record['demo'] !== true && !NOT_A_PERSON.has(author) && !proofs.has(`${r.table}/${r.recordId}/${author}`)) unproven.add(r.txId);
      }
      for (const r of all) {
        if (r.held === undefined && unproven.has(r.txId)) {
          await db.outbox.update(r.id, { held: 'Wartet auf die Bestätigung der Person, in deren Namen die Änderung gemacht wurde.', unproven: true });
          r.held = 'waiting';
        }
      }
    }
    const rows = all.filter((r) => r.held === undefined);
    const groups = new Map<string, Change[]>();
    const sent = new Map<string, OutboxEntry>();
    const drop: string[] = [];
    let bytes = 0;
    let count = 0;
    let currentGroup: string | null = null;
    for (const row of rows) {
      // Split only between groups: a group goes whole or waits for the next request.
      const opensGroup = row.txId !== currentGroup;
      if (opensGroup && count > 0 && (count >= MAX_CHANGES_PER_PUSH || bytes >= BODY_BUDGET)) break;
      const record = await recordOf(row);
      // Demo rows are nobody else's data (demo.ts); a record gone from this PC has nothing to send.
      if (record === undefined || record['demo'] === true) {
        drop.push(row.id);
        continue;
      }
      const change: Change = {
        changeId: row.id,
        table: row.table,
        id: row.recordId,
        op: record['deletedAt'] != null ? 'delete' : 'put',
        hlc: row.hlc,
        ...(row.fields ? { fields: row.fields } : {}),
        record,
      };
      const proof = proofs.get(`${row.table}/${row.recordId}/${String(record['updatedBy'] ?? '')}`);
      if (proof) change.proof = proof;
      const size = JSON.stringify(change).length;
      if (opensGroup && count > 0 && bytes + size > BODY_BUDGET) break;
      currentGroup = row.txId;
      bytes += size;
      count += 1;
      const group = groups.get(row.txId) ?? [];
      group.push(change);
      groups.set(row.txId, group);
      sent.set(row.id, row);
    }
    if (drop.length > 0) await db.outbox.bulkDelete(drop);
    if (groups.size === 0) return null;
    return { request: { groups: [...groups].map(([txId, changes]) => ({ txId, changes })) }, rows: sent };
  });
}

/**
 * Applies the server's answer: accepted rows leave the outbox, refused ones take the server's row.
 * A group refused because its author's sign-in is not proven here (issue 7 item 3) stays whole –
 * the PC's record too – and waits for that person's confirmation at this PC (`confirmWaiting`).
 */
async function settle(db: AnlaufstelleDB, batch: Batch, res: PushResponse): Promise<string[]> {
  const messages: string[] = [];
  const waiting = new Set(res.results.flatMap((r) => (r.status === 'rejected' && r.code === 'auth.unproven' ? [batch.rows.get(r.changeId)?.txId ?? ''] : [])));
  await db.transaction('rw', [db.outbox, ...syncedTables(db)], async () => {
    markRemoteApply();
    for (const r of res.results) {
      const row = batch.rows.get(r.changeId);
      if (!row) continue;
      if (r.status === 'rejected' && waiting.has(row.txId)) {
        await db.outbox.update(row.id, { held: r.message, unproven: true });
        if (r.code === 'auth.unproven' && !messages.includes(r.message)) messages.push(r.message);
        continue;
      }
      if (r.status === 'rejected') {
        const table = db.table(row.table);
        // The server's row replaces this PC's; a record the server does not have was made by the
        // refused action and goes with it (the clerk is told why).
        if (r.canonical) await table.put(r.canonical);
        else await table.delete(row.recordId);
        if (r.code !== 'group.rolled-back' && !messages.includes(r.message)) messages.push(r.message);
      }
      await db.outbox.delete(row.id);
    }
  });
  return messages;
}

/** Issue 7 item 3: the changes in this person's name that wait for her confirmation at this PC. */
export async function waitingFor(db: AnlaufstelleDB, staffId: string): Promise<OutboxEntry[]> {
  return (await db.outbox.orderBy('hlc').toArray()).filter((r) => r.unproven === true && r.by === staffId);
}

/**
 * Issue 7 item 3: the signed-in person confirms the changes waiting in her name (she has seen the
 * list): each gets her proof, made now with her grant (`proofOf`), and goes with the next push –
 * together with the rest of its group. Nobody confirms for anyone else.
 */
export async function confirmWaiting(db: AnlaufstelleDB, staffId: string, proofOf: (table: string, recordId: string, author: string) => string | undefined): Promise<number> {
  return db.transaction('rw', db.outbox, async () => {
    const mine = (await db.outbox.toArray()).filter((r) => r.unproven === true && r.by === staffId);
    const proven = mine.flatMap((r) => {
      const proof = proofOf(r.table, r.recordId, r.by);
      return proof ? [{ r, proof }] : [];
    });
    const groups = new Set(proven.map(({ r }) => r.txId));
    for (const { r, proof } of proven) await db.outbox.update(r.id, { proof });
    // The rest of each confirmed group goes with it (or waits again for its own author).
    for (const r of await db.outbox.filter((row) => groups.has(row.txId) && row.unproven === true).toArray()) await db.outbox.update(r.id, { held: undefined, unproven: undefined });
    return proven.length;
  });
}

/** Keeps refused rows (nothing is lost) but stops resending them: the server said why. */
async function hold(db: AnlaufstelleDB, batch: Batch, error: SyncRequestError): Promise<void> {
  const byChange = new Map<string, string>();
  for (const issue of error.body?.error.issues ?? []) {
    if (issue.changeId && !byChange.has(issue.changeId)) byChange.set(issue.changeId, `${issue.path}: ${issue.message}`);
  }
  const ids = byChange.size > 0 ? [...byChange.keys()] : [...batch.rows.keys()];
  await db.transaction('rw', db.outbox, async () => {
    for (const id of ids) await db.outbox.update(id, { held: byChange.get(id) ?? error.message });
  });
}

/**
 * One page from the server, with its cursor (`state`), in one transaction: a crash leaves the old
 * cursor. Returns the inbox messages new to this PC whose version is above `newsAfter` (older ones
 * are history).
 */
async function applyPage(db: AnlaufstelleDB, page: PullResponse, nowMs: number, newsAfter: number, state: { key: string; value: unknown }[]): Promise<InboxMessage[]> {
  const arrived: InboxMessage[] = [];
  await db.transaction('rw', [db.outbox, db.syncState, ...syncedTables(db)], async () => {
    markRemoteApply();
    const clock = clockOf(db);
    // Most pages meet an empty outbox: then no record needs the look-up (a re-projection pass
    // after a scope change brings every ticket and hand-off of the year, page by page).
    const outboxEmpty = (await db.outbox.count()) === 0;
    const plain = new Map<string, Record<string, unknown>[]>();
    for (const { table, id, record, hlc, version } of page.records) {
      if (hlc) clock.observe(hlc, nowMs);
      if (!isSynced(table)) continue;
      const pending = outboxEmpty
        ? []
        : await db.outbox
            .where('[table+recordId]')
            .equals([table, id])
            // A change waiting for its author's confirmation is unsent too: a pull must not overwrite
            // it (found by review – the edit was lost when the record came again).
            .filter((r) => r.held === undefined || r.unproven === true)
            .toArray();
      if (pending.length > 0) {
        if ((record as { restricted?: unknown }).restricted !== true) {
          // Issue 7 item 6, the other direction: a record that entered this PC's scope (a first
          // sign-in, a re-projection under a wider scope) while the PC holds it restricted with unsent
          // changes. The push still decides the PC's own fields, but it would bring no name back
          // (a change to a restricted row never writes one, and a push answered from its receipt
          // brings no newer version): the personal fields come from the server's row now, the
          // marker goes, the local non-personal edits stay for the push.
          const local = (await db.table(table).get(id)) as Record<string, unknown> | undefined;
          if (local?.restricted === true) await db.table(table).put(withPersonalFieldsOf(table, local, record));
          continue;
        }
        // Issue 7 item 6 "Records that leave a PC's scope are removed from it": a restricted row
        // (the server's projection without the personal fields) evicts them even from a row with
        // unsent changes – waiting for the push would keep the name here, and a push answered
        // from its receipt brings no newer version to evict it later. The local non-personal edits
        // stay over the server's row for the push; a personal field edited meanwhile is not sent
        // (the server drops the personal fields of a change to a restricted row).
        if ((record as { restricted?: unknown }).restricted !== true) continue;
        const local = (await db.table(table).get(id)) as Record<string, unknown> | undefined;
        const mine = pending.every((r) => r.fields) ? new Set(pending.flatMap((r) => r.fields ?? [])) : null;
        const kept = local && mine ? { ...record, ...Object.fromEntries([...mine].filter((f) => Object.hasOwn(local, f)).map((f) => [f, local[f]])) } : (local ?? record);
        await db.table(table).put(restrictRecord(table, kept));
        continue;
      }
      if (table === 'inbox' && version > newsAfter && (await db.inbox.get(id)) === undefined) arrived.push(record as unknown as InboxMessage);
      const rows = plain.get(table) ?? [];
      rows.push(record);
      plain.set(table, rows);
    }
    // A page holds each record once: written per table in one call, much cheaper than one by one.
    for (const [table, rows] of plain) await db.table(table).bulkPut(rows);
    await db.syncState.bulkPut(state);
  });
  return arrived;
}

/** The main pull's state after a page: its cursor, and the scope the rows up to it were projected with. */
function pageState(page: PullResponse): { key: string; value: unknown }[] {
  return [
    { key: STATE.cursor, value: page.cursor },
    { key: STATE.epoch, value: page.epoch },
    // A service without scopes sends no fingerprint.
    ...(page.scopeFingerprint !== undefined ? [{ key: STATE.scope, value: page.scopeFingerprint }] : []),
  ];
}

/** A restricted local row with the server's personal fields (and without the marker): it entered the PC's scope. */
function withPersonalFieldsOf(table: string, local: Record<string, unknown>, server: Record<string, unknown>): Record<string, unknown> {
  const personal = (PERSONAL_FIELDS[table] ?? []).filter((f) => Object.hasOwn(server, f));
  const whole: Record<string, unknown> = { ...local, ...Object.fromEntries(personal.map((f) => [f, server[f]])) };
  delete whole.restricted;
  return whole;
}

/**
 * The server's database was recreated or restored (new epoch, or a head behind our cursor): it may
 * lack what this PC already sent. Every record of this PC goes into the outbox again, stamped with
 * its own last change time, and the pull starts over. The server's rules sort out what is newer.
 */
async function recoverEpoch(db: AnlaufstelleDB, epoch: string): Promise<void> {
  const node = clockOf(db).node;
  type Row = { id: string; demo?: boolean; updatedAt?: string; updatedBy?: string; coverDecisionId?: string | null };
  await db.transaction('rw', [db.outbox, db.syncState, ...syncedTables(db)], async () => {
    const held: { table: SyncedTable; row: Row }[] = [];
    for (const table of SYNCED_TABLE_NAMES) {
      for (const row of (await db.table(table).toArray()) as Row[]) if (row.demo !== true) held.push({ table, row });
    }
    // A cover decision goes in one group with the shifts it wrote, in the order it wrote them
    // (repositories/cover.ts acceptCover): the lent clerk's own desk entry it released, the decision,
    // its cover shift. Sent apart, the server could see the gap filled before the decision that
    // filled it, or the clerk at two desks, and refuse a decision it had once accepted.
    type Held = { table: SyncedTable; row: Row & { releasedShiftId?: string } };
    const decisions = new Map(held.filter((h) => h.table === 'coverDecisions').map((h) => [h.row.id, h as Held]));
    const shiftById = new Map(held.filter((h) => h.table === 'shifts').map((h) => [h.row.id, h]));
    const grouped = new Set<Held>();
    const unitOf = new Map<string, Held[]>();
    for (const [id, d] of decisions) {
      const released = d.row.releasedShiftId ? shiftById.get(d.row.releasedShiftId) : undefined;
      const cover = held.filter((h) => h.table === 'shifts' && h.row.coverDecisionId === id);
      const unit = [...(released && !grouped.has(released) ? [released] : []), d, ...cover.filter((c) => !grouped.has(c))];
      for (const h of unit) grouped.add(h);
      unitOf.set(id, unit);
    }
    const units = held
      .filter((h) => h.table === 'coverDecisions' || !grouped.has(h))
      .map((h) => (h.table === 'coverDecisions' ? unitOf.get(h.row.id)! : [h]));
    const entries: OutboxEntry[] = [];
    // Counted per clock millisecond, never wrapping: a unit's rows sort right behind each other.
    const used = new Map<number, number>();
    for (const unit of units) {
      // One clock for the unit (its latest change): the outbox sends it in this order.
      let millis = Math.max(...unit.map(({ row }) => Date.parse(row.updatedAt ?? '') || 0));
      while ((used.get(millis) ?? 0) + unit.length > 0x10000) millis += 1;
      let counter = used.get(millis) ?? 0;
      used.set(millis, counter + unit.length);
      const txId = crypto.randomUUID();
      for (const { table, row } of unit) {
        const at = row.updatedAt ?? new Date(0).toISOString();
        const hlc = formatHlc({ millis, counter: counter++, node });
        const by = row.updatedBy ?? 'sync';
        const proof = proofOf(table, row.id, by);
        entries.push({ id: unit.length === 1 ? txId : crypto.randomUUID(), table, recordId: row.id, op: 'put', at, by, hlc, txId, ...(proof ? { proof } : {}) });
      }
    }
    await db.outbox.bulkAdd(entries);
    await db.syncState.bulkPut([
      { key: STATE.cursor, value: 0 },
      { key: STATE.epoch, value: epoch },
    ]);
  });
}

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { db, transport } = options;
  const now = options.now ?? (() => new Date());
  const pollMs = options.pollMs ?? 30_000;
  const retryMs = options.retryMs ?? [1000, 2000, 5000, 10_000, 30_000];
  let status: SyncStatus = { mode: 'connecting', offlineSince: null, pending: 0, message: null };
  let stopped = true;
  let running: Promise<void> | null = null;
  let again = false;
  let failures = 0;
  /** The service has answered a round since start. */
  let connected = false;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let liveTimer: ReturnType<typeof setTimeout> | null = null;
  let pollTimer: ReturnType<typeof setInterval> | null = null;
  let closeLive: (() => void) | null = null;
  let liveFailures = 0;
  let outboxWatch: { unsubscribe(): void } | null = null;
  /** Sites whose desk code the service confirmed since this engine started (or since a restore). */
  const confirmedCodes = new Set<string>();

  const setStatus = (patch: Partial<SyncStatus>) => {
    const next = { ...status, ...patch };
    if (next.mode !== status.mode || next.pending !== status.pending || next.message !== status.message || next.offlineSince !== status.offlineSince) {
      status = next;
      options.onStatus?.(status);
    }
  };

  async function pushAll(): Promise<void> {
    for (;;) {
      const batch = await nextBatch(db, options.requireProofs === true);
      if (!batch) return;
      let res: PushResponse;
      try {
        res = await transport.push(batch.request);
      } catch (error) {
        if (error instanceof SyncRequestError && error.kind === 'refused' && error.body?.error.code === 'malformed') await hold(db, batch, error);
        throw error;
      }
      clockOf(db).observe(res.serverHlc, now().getTime());
      const messages = await settle(db, batch, res);
      if (messages.length > 0) options.onRejected?.(messages);
    }
  }

  async function pullAll(): Promise<void> {
    let cursor = await readState(db, STATE.cursor, 0);
    let epoch = await readState<string | null>(db, STATE.epoch, null);
    /**
     * Inbox messages up to this version are history, not news: all of a first pull or of a pull
     * after a restored database; in a re-pull for a new scope, those the PC had pulled before.
     */
    let newsAfter = cursor === 0 ? Infinity : cursor;
    for (;;) {
      const page = await transport.pull(cursor, MAX_PULL_LIMIT);
      if (epoch !== null && (page.epoch !== epoch || page.head < cursor)) {
        await recoverEpoch(db, page.epoch);
        confirmedCodes.clear();
        await pushAll();
        cursor = 0;
        newsAfter = Infinity;
        epoch = page.epoch;
        continue;
      }
      // Issue 7 item 6 "Records that leave a PC's scope are removed from it": the scope changed
      // (a first sign-in here, a sign-in past the offline period, an ADMIN) while the records did
      // not – the rows up to the cursor were projected under the old one. They are pulled again
      // (`reproject`), then this page is asked for again. A PC that pulled before fingerprints
      // existed (none stored) does it once.
      if (page.scopeFingerprint !== undefined && cursor > 0 && page.scopeFingerprint !== (await readState<string | null>(db, STATE.scope, null))) {
        await reproject(page.scopeFingerprint, cursor, page.epoch);
        continue;
      }
      const arrived = await applyPage(db, page, now().getTime(), newsAfter, pageState(page));
      if (arrived.length > 0) options.onNewInbox?.(arrived);
      cursor = page.cursor;
      epoch = page.epoch;
      if (!page.more) return;
    }
  }

  /**
   * Issue 7 item 6: the records up to `upTo` again, from 0 and paged as usual, projected under the
   * new scope – only the tables whose projection depends on the scope (the service knows which;
   * visits, the bulk of a year, are not among them). Each row replaces the local copy of the same
   * version, whole if it entered the scope, restricted if it left. Its progress is stored with each
   * page, so a pass cut short goes on where it stopped; the fingerprint is stored when it is done.
   * A service that ignores `scoped` sends every table: the same result, dearer.
   */
  async function reproject(fingerprint: string, upTo: number, epoch: string): Promise<void> {
    const saved = await readState<{ fingerprint: string; epoch: string; cursor: number } | null>(db, STATE.reproject, null);
    let cursor = saved?.fingerprint === fingerprint && saved.epoch === epoch ? saved.cursor : 0;
    while (cursor < upTo) {
      const page = await transport.pull(cursor, MAX_PULL_LIMIT, { scoped: true });
      // The scope moved again, or the service was restored: the main pull sees it and starts over.
      if (page.scopeFingerprint !== fingerprint || page.epoch !== epoch) return;
      // Until the pass is done the PC's rows are of no one scope: the stored fingerprint is cleared,
      // so whatever scope the next pull names, a pass follows (none would if the scope went back).
      await applyPage(db, page, now().getTime(), Infinity, [
        { key: STATE.reproject, value: { fingerprint, epoch, cursor: page.cursor } },
        { key: STATE.scope, value: null },
      ]);
      cursor = page.cursor;
      if (!page.more) break;
    }
    await db.transaction('rw', db.syncState, async () => {
      await db.syncState.put({ key: STATE.scope, value: fingerprint });
      await db.syncState.delete(STATE.reproject);
    });
  }

  async function ensureDeskCode(): Promise<void> {
    const siteId = options.siteId?.() ?? null;
    if (!siteId || confirmedCodes.has(siteId)) return;
    // The code this PC holds is claimed again once per start: a service restored from a backup
    // older than the code has forgotten it, and would otherwise give the letter to another PC.
    const held = await deskCodeFor(db, siteId);
    // An older service without desk codes answers 404: the PC keeps numbering as it does, and the
    // round (push and pull went through) still counts as online. Asked again next round.
    const answer = await transport.deskCode(siteId, held ?? undefined).catch(() => null);
    if (answer?.siteId !== siteId) return;
    await storeDeskCode(db, siteId, answer.code);
    confirmedCodes.add(siteId);
  }

  function scheduleRetry(): void {
    if (stopped || retryTimer) return;
    const wait = retryMs[Math.min(failures - 1, retryMs.length - 1)] ?? 30_000;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      // Until the service has answered once, the first probe may have failed only by chance (a
      // busy page server): ask again whether there is a service at all before the next round.
      if (connected) kick();
      else
        void transport.probe().then((p) => {
          if (stopped) return;
          if (p === 'absent') {
            halt();
            setStatus({ mode: 'off', offlineSince: null, message: null });
          } else kick();
        }, kick);
    }, wait);
  }

  function fail(error: unknown): void {
    failures += 1;
    if (error instanceof SyncRequestError && error.kind === 'refused') {
      setStatus({ mode: 'error', message: error.message });
    } else if (error instanceof SyncRequestError) {
      setStatus({ mode: 'offline', offlineSince: status.offlineSince ?? now().toISOString(), message: null });
    } else {
      setStatus({ mode: 'error', message: error instanceof Error ? error.message : String(error) });
    }
    scheduleRetry();
  }

  async function loop(): Promise<void> {
    while (again) {
      again = false;
      try {
        await pushAll();
        await pullAll();
        await ensureDeskCode();
        // A change waiting for its author's confirmation is not refused: "verbunden – 1 Änderung wartet".
        const held = await db.outbox.filter((r) => r.held !== undefined && r.unproven !== true).first();
        failures = 0;
        connected = true;
        setStatus(
          held
            ? { mode: 'error', offlineSince: null, message: `Eine Änderung wurde vom Sync-Dienst abgelehnt (${held.held}).` }
            : { mode: 'online', offlineSince: null, message: null },
        );
        if (!stopped && !closeLive) openLive();
      } catch (error) {
        fail(error);
        return;
      }
    }
  }

  function kick(): void {
    again = true;
    running ??= loop().finally(() => {
      running = null;
    });
  }

  function halt(): void {
    stopped = true;
    again = false;
    closeLive?.();
    closeLive = null;
    outboxWatch?.unsubscribe();
    for (const t of [retryTimer, liveTimer]) if (t) clearTimeout(t);
    if (pollTimer) clearInterval(pollTimer);
    retryTimer = liveTimer = pollTimer = null;
  }

  function openLive(): void {
    if (stopped || closeLive) return;
    closeLive = transport.live({
      onMessage: () => {
        liveFailures = 0;
        kick();
      },
      onClose: () => {
        closeLive = null;
        if (stopped) return;
        liveFailures += 1;
        const wait = retryMs[Math.min(liveFailures - 1, retryMs.length - 1)] ?? 30_000;
        liveTimer = setTimeout(() => {
          liveTimer = null;
          openLive();
        }, wait);
        // Without the live channel the server may be gone: a round tells (and sets the status).
        kick();
      },
    });
  }

  return {
    status: () => status,
    async start() {
      if (!stopped) return;
      stopped = false;
      clockOf(db).node = await deviceIdOf(db);
      const probe = await transport.probe();
      if (probe === 'absent') {
        stopped = true;
        setStatus({ mode: 'off' });
        return;
      }
      outboxWatch = liveQuery(() => db.outbox.count()).subscribe({
        next: (pending) => {
          const grew = pending > status.pending;
          setStatus({ pending });
          if (grew) kick();
        },
        error: () => undefined,
      });
      pollTimer = setInterval(kick, pollMs);
      if (probe === 'unreachable') fail(new SyncRequestError('offline', 'Der Sync-Dienst ist nicht erreichbar.'));
      else kick();
    },
    stop: halt,
    async syncNow() {
      // No sync service on this page ("Nur dieser PC"): nothing to do, and no "offline" either.
      if (status.mode === 'off') return;
      clockOf(db).node = await deviceIdOf(db);
      kick();
      while (running) await running;
    },
  };
}
