import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  HEADERS,
  MAX_BODY_BYTES,
  MAX_CHANGES_PER_PUSH,
  MAX_CLOCK_AHEAD_MS,
  MAX_PULL_LIMIT,
  PROTOCOL_VERSION,
  SYNCED_TABLES,
  pushRequestSchema,
  deskCodeRequestSchema,
  type DeskCodeResponse,
  type ErrorCode,
  type ErrorResponse,
  type SyncedTable,
} from '../../shared/sync/protocol';
import type { AccessControl } from './access';
import type { Db } from './db';
import { assignDeskCode, DeskCodeRefusal } from './desk-codes';
import { DEFAULT_TENANT, syncCore, type Caller, type SyncCore, type ValidChange, type ValidGroup } from './sync';
import { withoutPersonalFields } from '../../shared/auth/scope';

export interface AppOptions {
  db: Db;
  schemaVersion: number;
  logger?: boolean | object;
  /** How long GET /v1/wait holds an answer back when nothing is new (default 25 s). */
  waitMs?: number;
  /** The core, when the process shares it (the retention sweep's commits must poke the PCs too). */
  core?: SyncCore;
  /** Issue 7: who may call (required – the service has no mode without it; see access.ts). */
  access: AccessControl;
}

type Issue = NonNullable<ErrorResponse['error']['issues']>[number];

/** Why a request was refused, for its access-log entry (issue 7 item 7: every refusal is on record). */
const refusals = new WeakMap<FastifyRequest, string>();

function fail(reply: FastifyReply, status: number, code: ErrorCode, message: string, issues?: Issue[]): FastifyReply {
  refusals.set(reply.request, code);
  const body: ErrorResponse = { error: { code, message, ...(issues ? { issues } : {}) } };
  return reply.code(status).send(body);
}

const zodIssues = (error: z.ZodError, changeId?: string, prefix = ''): Issue[] =>
  error.issues.map((i) => ({ ...(changeId ? { changeId } : {}), path: prefix + i.path.join('.'), message: i.message }));

/** Every sync request speaks protocol version 1; false when it does not (and the reply is sent). */
function speaksProtocol(req: FastifyRequest, reply: FastifyReply, fromQuery = false): boolean {
  // A browser cannot set headers on a WebSocket: the live channel names it in the query.
  const v = req.headers[HEADERS.protocol] ?? (fromQuery ? (req.query as Record<string, unknown>).protocol : undefined);
  const protocol = typeof v === 'string' && v.length <= 10 ? v : null;
  if (protocol === String(PROTOCOL_VERSION)) return true;
  fail(reply, 400, 'version-not-supported', `Diese App-Version spricht Protokoll ${protocol ?? '–'}, der Sync-Dienst Protokoll ${PROTOCOL_VERSION}. Bitte die App aktualisieren.`);
  return false;
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  /** The caller of a sync request (issue 7: an enrolled PC), or null when refused (reply sent). */
  async function callerOf(req: FastifyRequest, reply: FastifyReply, o: { fromQuery?: boolean; changes?: readonly ValidChange[]; scope?: boolean } = {}): Promise<Caller | null> {
    if (!speaksProtocol(req, reply, o.fromQuery)) return null;
    return opts.access.caller(req, reply, { ...o, fail: (r, status, code, message) => fail(r, status, code as ErrorCode, message) });
  }
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: MAX_BODY_BYTES });
  /** Pending long polls (GET /v1/wait): answered at once when the service stops. */
  const waiting = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const finish of [...waiting]) finish();
  });
  const core = opts.core ?? syncCore(opts.db);
  await app.register(websocket, { options: { maxPayload: 1024 } });

  // Issue 7 item 7: every refused request leaves an entry in the access log (its own, or this one).
  app.addHook('onSend', async (req, reply, payload) => {
    if (reply.statusCode >= 400 && req.url.startsWith('/v1/')) await opts.access.refused?.(req, reply.statusCode, refusals.get(req) ?? String(reply.statusCode));
    return payload;
  });
  opts.access.register?.(app, (reply, status, code, message) => fail(reply, status, code as ErrorCode, message));

  app.setErrorHandler((error: { statusCode?: number; code?: string; message: string }, req, reply) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return fail(reply, 413, 'too-large', `Die Sendung ist größer als ${MAX_BODY_BYTES} Bytes; bitte in kleineren Teilen senden.`);
    }
    if (error.statusCode === 400 || error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return fail(reply, 400, 'malformed', 'Die Sendung ist kein gültiges JSON.');
    }
    // Never log request bodies: they carry names (no personal data in logs, issue 6 operations).
    req.log.error({ err: { message: error.message, code: error.code } }, 'push/pull failed');
    return fail(reply, 500, 'internal', 'Interner Fehler im Sync-Dienst; die Änderungen bleiben am Platz und werden erneut gesendet.');
  });

  app.get('/health', async () => {
    const h = await core.head();
    return { status: 'ok', db: opts.db.kind, schemaVersion: opts.schemaVersion, protocol: PROTOCOL_VERSION, head: h.head, epoch: h.epoch };
  });

  app.post('/v1/push', async (req, reply) => {
    if (!speaksProtocol(req, reply)) return reply;
    const parsed = pushRequestSchema.safeParse(req.body);
    if (!parsed.success) return fail(reply, 400, 'malformed', 'Die Sendung hat nicht das erwartete Format.', zodIssues(parsed.error));
    const count = parsed.data.groups.reduce((n, g) => n + g.changes.length, 0);
    if (count > MAX_CHANGES_PER_PUSH) {
      return fail(reply, 413, 'too-many-changes', `Höchstens ${MAX_CHANGES_PER_PUSH} Änderungen je Sendung (erhalten: ${count}).`);
    }
    // Every record is parsed with the app's own schema before anything is written: one bad change
    // refuses the whole request, so a PC never sees half of a sendung stored.
    const groups: ValidGroup[] = [];
    const issues: Issue[] = [];
    const unknown = new Set<string>();
    const restricted: { changeId: string; table: SyncedTable; id: string }[] = [];
    for (const g of parsed.data.groups) {
      const changes: ValidGroup['changes'] = [];
      for (const c of g.changes) {
        if (!Object.hasOwn(SYNCED_TABLES, c.table)) {
          unknown.add(c.table);
          continue;
        }
        const table = c.table as SyncedTable;
        const rec = SYNCED_TABLES[table].safeParse(c.record);
        if (!rec.success) {
          issues.push(...zodIssues(rec.error, c.changeId, 'record.'));
          continue;
        }
        const record = rec.data as Record<string, unknown>;
        if (record.id !== c.id) issues.push({ changeId: c.changeId, path: 'record.id', message: 'Die Kennung des Datensatzes passt nicht zur Änderung.' });
        else if (record.demo === true) issues.push({ changeId: c.changeId, path: 'record.demo', message: 'Demo-Datensätze werden nicht synchronisiert.' });
        else if (Date.parse(c.hlc.slice(0, 24)) > Date.now() + MAX_CLOCK_AHEAD_MS) {
          // A clock far ahead would win every later last-writer-wins race (SYNC.md §3: accept up to 24 h).
          issues.push({ changeId: c.changeId, path: 'hlc', message: 'Die Uhr dieses Platzes geht mehr als 24 Stunden vor; bitte die Uhrzeit des PCs prüfen.' });
        } else if ((c.op === 'delete') !== (record.deletedAt != null)) {
          issues.push({ changeId: c.changeId, path: 'op', message: 'Eine Löschung muss deletedAt setzen, eine Änderung darf es nicht.' });
        } else if (record.restricted === true) {
          // Issue 7 item 6: the PC changed a row it holds without the personal fields (a lead
          // closing a ticket of another site). It writes the other fields only; the placeholders
          // and the marker never reach the stored row.
          const own = withoutPersonalFields(table, record, c.fields);
          restricted.push({ changeId: c.changeId, table, id: c.id });
          changes.push({ ...c, table, record: own.record, fields: own.fields, restricted: true });
        } else changes.push({ ...c, table, record });
      }
      groups.push({ txId: g.txId, changes });
    }
    if (unknown.size > 0) {
      return fail(reply, 400, 'unknown-table', `Unbekannte Tabelle: ${[...unknown].join(', ')}. Nichts wurde gespeichert.`);
    }
    if (issues.length > 0) return fail(reply, 400, 'malformed', 'Ungültige Datensätze; nichts wurde gespeichert.', issues);
    // Issue 7: the PC must be enrolled; each change is judged for its author inside its transaction.
    const caller = await callerOf(req, reply, { changes: groups.flatMap((g) => g.changes), scope: true });
    if (!caller) return reply;
    // A PC holds a restricted row only because the server sent it one: a new record so marked is
    // forged. Asked once the PC has shown who it is (no reads for strangers).
    for (const r of restricted) {
      const { rows } = await opts.db.query('SELECT 1 FROM records WHERE tenant_id = $1 AND tbl = $2 AND id = $3', [DEFAULT_TENANT, r.table, r.id]);
      if (rows.length === 0) {
        return fail(reply, 400, 'malformed', 'Ungültige Datensätze; nichts wurde gespeichert.', [{ changeId: r.changeId, path: 'record.restricted', message: 'Ein Datensatz ohne Kundendaten (nur für Bearbeitende) kann nicht neu angelegt werden.' }]);
      }
    }
    return core.push(caller, groups);
  });

  app.get('/v1/pull', async (req, reply) => {
    // Issue 7 item 6: the caller comes with what this PC may see; the pull is projected to it.
    const caller = await callerOf(req, reply, { scope: true });
    if (!caller) return reply;
    const q = req.query as Record<string, string | undefined>;
    const cursor = Number(q.cursor ?? '0');
    const limit = Number(q.limit ?? String(MAX_PULL_LIMIT));
    if (!Number.isSafeInteger(cursor) || cursor < 0 || !Number.isSafeInteger(limit) || limit < 1 || limit > MAX_PULL_LIMIT) {
      return fail(reply, 400, 'malformed', `cursor muss eine ganze Zahl ≥ 0 sein, limit zwischen 1 und ${MAX_PULL_LIMIT}.`);
    }
    // Issue 7 item 6: `scoped=1` – only the tables whose projection depends on the PC's scope.
    return core.pull(cursor, limit, caller.scope, { scopedOnly: q.scoped === '1' });
  });

  app.post('/v1/desk-code', async (req, reply) => {
    const caller = await callerOf(req, reply);
    if (!caller) return reply;
    const parsed = deskCodeRequestSchema.safeParse(req.body);
    if (!parsed.success) return fail(reply, 400, 'malformed', 'Die Anfrage nennt keinen gültigen Standort.', zodIssues(parsed.error));
    // Issue 7 item 2: a PC takes letters of the site it is enrolled for only.
    if (caller.siteId !== undefined && caller.siteId !== parsed.data.siteId) {
      return fail(reply, 403, 'forbidden', 'Dieser PC ist für einen anderen Standort eingerichtet.');
    }
    try {
      const answer: DeskCodeResponse = { siteId: parsed.data.siteId, code: await assignDeskCode(opts.db, caller, parsed.data.siteId, parsed.data.held) };
      return answer;
    } catch (error) {
      if (error instanceof DeskCodeRefusal) return fail(reply, error.status, error.status === 404 ? 'not-found' : 'conflict', error.message);
      throw error;
    }
  });

  // The live channel as long polling, for a PC that cannot open a WebSocket to the service (the
  // desktop app reaches it through its main process, which forwards plain HTTP): the answer comes as
  // soon as the head passes `head`, or after waitMs with the head unchanged. Same poke as /v1/live.
  app.get('/v1/wait', async (req, reply) => {
    const caller = await callerOf(req, reply);
    if (!caller) return reply;
    const since = Number((req.query as Record<string, string | undefined>).head ?? '0');
    if (!Number.isSafeInteger(since) || since < 0) return fail(reply, 400, 'malformed', 'head muss eine ganze Zahl ≥ 0 sein.');
    // Listen first, then read the head: a commit between the two is not missed.
    let committed: number | null = null;
    let wake: ((h: number) => void) | null = null;
    const off = core.onCommit((h) => {
      committed = h;
      wake?.(h);
    });
    let current: number;
    try {
      current = (await core.head()).head;
    } catch (error) {
      off();
      throw error;
    }
    if (current > since || (committed !== null && committed > since)) {
      off();
      return { type: 'poke', head: Math.max(current, committed ?? 0) };
    }
    const head = await new Promise<number>((resolve) => {
      const timer = setTimeout(() => done(current), opts.waitMs ?? 25_000);
      wake = done;
      reply.raw.on('close', () => done(current));
      // A stopping service answers at once instead of holding its shutdown for the wait.
      waiting.add(finish);
      function finish() {
        done(current);
      }
      function done(h: number) {
        clearTimeout(timer);
        off();
        waiting.delete(finish);
        resolve(h);
      }
    });
    return { type: 'poke', head };
  });

  // Live updates: a poke carries only the new head (SYNC.md §2); the client then pulls. A lost poke
  // only delays, because it carries no data.
  app.get('/v1/live', { websocket: true }, async (socket, req) => {
    const fake = { request: req, code: (_: number) => ({ send: () => undefined }) } as unknown as FastifyReply;
    if (!(await callerOf(req, fake, { fromQuery: true }))) {
      await opts.access.refused?.(req, 401, refusals.get(req) ?? 'unauthenticated');
      socket.close(4401, 'unauthenticated');
      return;
    }
    const send = (msg: object) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(msg));
    };
    const off = core.onCommit((head) => send({ type: 'poke', head }));
    socket.on('close', off);
    void core.head().then((h) => send({ type: 'hello', head: h.head, epoch: h.epoch }), () => undefined);
  });

  return app;
}
