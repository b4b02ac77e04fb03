import { mkdtemp, rm, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MAX_CHANGES_PER_PUSH, MAX_BODY_BYTES, type ChangeResult, type PushResponse } from '../../shared/sync/protocol';
import { generateDirectory } from '../../shared/demo/generate';
import { deskCodeAt } from '../../shared/sync/desk-code';
import { ANONYMISED } from '../../shared/domain/retention';
import { seedDirectoryIfEmpty } from '../src/directory';
import { DEFAULT_TENANT, renewEpoch, syncCore } from '../src/sync';
import { sweepRetention } from '../src/retention';
import { MIGRATIONS_DIR, SchemaTooNewError, loadMigrations, migrate } from '../src/db';
import { buildTestApp, change, count, freshDb, handoff, headers, hlc, pull, push, staff, startServer, ticket, TARGET, PG15_URL, type Harness } from './helpers';

// The server suite runs twice, on PGlite and on Debian's PostgreSQL 15 (issue 6 "The server").
// Without PG15 the pg15 run fails in CI and says so elsewhere: it never passes by skipping.
const available = TARGET === 'pglite' || PG15_URL !== undefined;

// Registered only when the database is missing, so a complete run reports no skipped test at all.
if (!available) describe(`sync service on ${TARGET}`, () => {
  it('needs PostgreSQL 15 (PG15_URL from scripts/pg15.sh)', (ctx) => {
    if (process.env.CI && process.env.CI !== 'false') throw new Error('PG15_URL fehlt: in CI muss die Server-Suite auch gegen PostgreSQL 15 laufen (scripts/test.sh).');
    ctx.skip('PG15_URL fehlt – `npm run test:server` startet PostgreSQL 15 selbst.');
  });
});

describe.runIf(available)(`sync service on ${TARGET}`, () => {
  // One database per file, emptied before each test: starting PGlite costs about a second.
  let h: Harness;
  beforeAll(async () => {
    h = await startServer();
  });
  beforeEach(async () => {
    await h.reset();
  });
  afterAll(async () => {
    await h.close();
  });

  const results = (res: { json(): unknown }) => (res.json() as PushResponse).results;
  const only = (res: { json(): unknown }): ChangeResult => results(res)[0]!;

  describe('migrations (issue 6: append-only, applied at start, newer database refused)', () => {
    it('a fresh database gets every migration, and a second start applies nothing and changes nothing', async () => {
      const known = (await loadMigrations()).length;
      const again = await migrate(h.db);
      expect(again).toEqual({ from: known, to: known });
      const { rows } = await h.db.query<{ n: string }>('SELECT count(*) AS n FROM schema_migrations');
      expect(Number(rows[0]!.n)).toBe(known);
    });

    it('a database newer than the server knows is refused with a clear message and left untouched', async () => {
      const db = await freshDb();
      try {
        const dir = await mkdtemp(join(tmpdir(), 'mig-'));
        await cp(MIGRATIONS_DIR, dir, { recursive: true });
        const known = (await loadMigrations()).length;
        const future = String(known + 1).padStart(3, '0');
        await writeFile(join(dir, `${future}_future.sql`), 'CREATE TABLE future_thing (x int);');
        await migrate(db, await loadMigrations(dir));
        await rm(dir, { recursive: true });
        const err = await migrate(db).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(SchemaTooNewError);
        expect((err as Error).message).toMatch(new RegExp(`Schema-Version ${known + 1}.*kennt nur bis ${known}`));
        const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM schema_migrations');
        expect(Number(rows[0]!.n)).toBe(known + 1);
      } finally {
        await db.close();
      }
    });
  });

  describe('push is idempotent by change id (issue 6: no change applied twice)', () => {
    it('a replayed change has exactly one effect and gets the first answer again', async () => {
      const c = change('handoffs', handoff('h1'));
      const first = only(await push(h, [c]));
      expect(first).toMatchObject({ status: 'applied' });
      const replay = await push(h, [c]);
      expect(only(replay)).toEqual(first);
      expect((replay.json() as PushResponse).head).toBe(1);
      expect(await count(h.db)).toBe(1);
    });

    it('a change resent after a server restart (crash between commit and reply) gets the stored answer', async () => {
      const c = change('handoffs', handoff('h1'));
      const first = only(await push(h, [c]));
      await h.reset(true, { keepData: true });
      expect(only(await push(h, [c]))).toEqual(first);
      expect((await pull(h, 0)).head).toBe(1);
    });

    it('the same change twice in one sendung is applied once', async () => {
      const c = change('handoffs', handoff('h1'));
      const res = await push(h, [c, c]);
      expect(results(res).map((r) => r.status)).toEqual(['applied', 'applied']);
      expect((res.json() as PushResponse).head).toBe(1);
    });

    it('a replayed rejection is answered with the same rejection, not re-judged', async () => {
      await push(h, [change('handoffs', handoff('h1', { status: 'in-service', takenBy: 's-anna', takenAt: '2026-12-03T08:01:00.000Z' }))]);
      const late = change('handoffs', handoff('h1', { status: 'in-service', takenBy: 's-ben', takenAt: '2026-12-03T08:01:05.000Z' }));
      const first = only(await push(h, [late], 'pc-lb-2'));
      expect(first.status).toBe('rejected');
      expect(only(await push(h, [late], 'pc-lb-2'))).toEqual(first);
    });
  });

  describe('pull by server cursor (issue 6: converge, nothing skipped)', () => {
    it('pages through all records in version order and ends at the head', async () => {
      for (let i = 0; i < 5; i++) await push(h, [change('handoffs', handoff(`h${i}`))]);
      const seen: string[] = [];
      let cursor = 0;
      let pages = 0;
      for (;;) {
        const page = await pull(h, cursor, 2);
        seen.push(...page.records.map((r) => r.id));
        expect(page.cursor).toBeGreaterThan(cursor);
        cursor = page.cursor;
        pages++;
        if (!page.more) break;
      }
      expect(seen).toEqual(['h0', 'h1', 'h2', 'h3', 'h4']);
      expect(pages).toBe(3);
      expect(cursor).toBe(5);
      expect((await pull(h, cursor)).records).toEqual([]);
    });

    it('a record changed twice comes once, in its latest state; a page never splits one push group', async () => {
      await push(h, [change('handoffs', handoff('a')), change('handoffs', handoff('b')), change('handoffs', handoff('c'))]);
      await push(h, [change('handoffs', handoff('a', { acute: true }), { hlc: hlc('2026-12-03T08:05:00.000Z') })]);
      const page = await pull(h, 0, 2);
      // Version 1 holds b and c (a moved on to version 2): two rows fit, the page ends at a version edge.
      expect(page.records.map((r) => [r.id, r.version])).toEqual([['b', 1], ['c', 1]]);
      const rest = await pull(h, page.cursor, 2);
      expect(rest.records.map((r) => [r.id, r.record.acute])).toEqual([['a', true]]);
      const small = await pull(h, 0, 1);
      expect(small.records.map((r) => r.id)).toEqual(['b', 'c']);
    });
  });

  describe('conflict rules (SPEC §9)', () => {
    it('SPEC §9 hand-off take race: the first take wins; the second clerk is told "bereits von … übernommen"', async () => {
      await push(h, [change('staff', staff('s-anna', 'Anna Wagner')), change('handoffs', handoff('h1'))]);
      const take = (by: string, device: string) =>
        push(h, [change('handoffs', handoff('h1', { status: 'in-service', takenBy: by, takenAt: '2026-12-03T08:02:00.000Z' }), { hlc: hlc('2026-12-03T08:02:00.000Z', device) })], device);
      const [a, b] = await Promise.all([take('s-anna', 'pc-lb-1'), take('s-ben', 'pc-lb-2')]);
      const outcomes = [only(a), only(b)];
      expect(outcomes.filter((r) => r.status === 'applied')).toHaveLength(1);
      const lost = outcomes.find((r) => r.status === 'rejected')!;
      const winner = outcomes[0]!.status === 'applied' ? 'Anna Wagner' : 's-ben';
      expect(lost).toMatchObject({ code: 'handoff.already-taken', message: `Frau Muster: bereits von ${winner} übernommen.` });
      const rows = (await pull(h, 0)).records.filter((r) => r.id === 'h1');
      expect(rows).toHaveLength(1);
      expect(lost.status === 'rejected' && lost.canonical?.takenBy).toBe(rows[0]!.record.takenBy);
    });

    it('SPEC §9 hand-off: a late take by another clerk loses even with a later clock; the name is in the answer', async () => {
      await push(h, [change('staff', staff('s-anna', 'Anna Wagner')), change('handoffs', handoff('h1'))]);
      await push(h, [change('handoffs', handoff('h1', { status: 'in-service', takenBy: 's-anna', takenAt: '2026-12-03T08:02:00.000Z' }))], 'pc-lb-1');
      const late = change('handoffs', handoff('h1', { status: 'in-service', takenBy: 's-ben', takenAt: '2026-12-03T09:00:00.000Z' }), { hlc: hlc('2026-12-03T09:00:00.000Z', 'pc-lb-2') });
      expect(only(await push(h, [late], 'pc-lb-2'))).toMatchObject({ status: 'rejected', code: 'handoff.already-taken', message: 'Frau Muster: bereits von Anna Wagner übernommen.' });
    });

    it('SPEC §9 hand-off take race: a clerk whose take arrives after the winner has already finished is told who took the visitor', async () => {
      await push(h, [change('staff', staff('s-anna', 'Anna Wagner'))]);
      await push(h, [change('handoffs', handoff('h1'))]);
      await push(h, [change('handoffs', handoff('h1', { status: 'in-service', takenBy: 's-anna', takenAt: '2026-12-03T08:05:00.000Z' }))], 'pc-lb-1');
      await push(h, [change('handoffs', handoff('h1', { status: 'done', takenBy: 's-anna', takenAt: '2026-12-03T08:05:00.000Z', finishedAt: '2026-12-03T08:20:00.000Z' }))], 'pc-lb-1');
      const late = await push(h, [change('handoffs', handoff('h1', { status: 'in-service', takenBy: 's-ben', takenAt: '2026-12-03T08:06:00.000Z' }))], 'pc-lb-2');
      expect(only(late)).toMatchObject({ status: 'rejected', code: 'handoff.already-taken', message: 'Frau Muster: bereits von Anna Wagner übernommen.' });
    });

    it('SPEC §9 hand-off never moves backwards (done → waiting refused)', async () => {
      await push(h, [change('handoffs', handoff('h1', { status: 'done', takenBy: 's-anna', takenAt: '2026-12-03T08:02:00.000Z', finishedAt: '2026-12-03T08:20:00.000Z' }))]);
      const back = change('handoffs', handoff('h1'), { hlc: hlc('2026-12-03T10:00:00.000Z') });
      expect(only(await push(h, [back]))).toMatchObject({ status: 'rejected', code: 'handoff.backwards' });
    });

    it('SPEC §9 a ticket never moves backwards: closed → assigned is refused by the ticket-state guard', async () => {
      await push(h, [change('tickets', ticket('t1', { status: 'closed', closedAt: '2026-12-03T09:00:00.000Z' }))]);
      const back = change('tickets', ticket('t1', { status: 'assigned' }), { hlc: hlc('2026-12-03T10:00:00.000Z') });
      const r = only(await push(h, [back]));
      expect(r).toMatchObject({ status: 'rejected', code: 'ticket.backwards' });
      expect(r.status === 'rejected' && r.canonical?.status).toBe('closed');
      expect((await pull(h, 0)).records[0]!.record.status).toBe('closed');
    });

    it('SPEC §9 a ticket moves forward even from a PC whose clock is behind (server order, not clock)', async () => {
      await push(h, [change('tickets', ticket('t1'), { hlc: hlc('2026-12-03T08:10:00.000Z') })]);
      const fwd = change('tickets', ticket('t1', { status: 'assigned', assignee: { kind: 'team', department: 'LB', siteId: 'site-be' } }), { hlc: hlc('2026-12-03T08:00:05.000Z') });
      expect(only(await push(h, [fwd]))).toMatchObject({ status: 'applied' });
    });

    it('SPEC §9 anonymisation is sticky: an old PC cannot bring a name back', async () => {
      const anon = ticket('t1', { status: 'closed', closedAt: '2026-10-01T09:00:00.000Z', customerName: '', phone: '', concern: '', anonymisedAt: '2026-12-03T02:00:00.000Z' });
      await push(h, [change('tickets', anon, { hlc: hlc('2026-12-03T02:00:00.000Z', 'server') })]);
      const old = change('tickets', ticket('t1', { status: 'closed', closedAt: '2026-10-01T09:00:00.000Z' }), { hlc: hlc('2026-12-03T11:00:00.000Z', 'pc-old') });
      expect(only(await push(h, [old], 'pc-old'))).toMatchObject({ status: 'rejected', code: 'record.anonymised' });
      const row = (await pull(h, 0)).records[0]!.record;
      expect([row.customerName, row.phone, row.anonymisedAt]).toEqual(['', '', '2026-12-03T02:00:00.000Z']);
    });

    it('an anonymised record sent again unchanged is no conflict (jsonb reorders keys)', async () => {
      const anon = ticket('t1', { status: 'closed', closedAt: '2026-10-01T09:00:00.000Z', customerName: '', phone: '', anonymisedAt: '2026-12-03T02:00:00.000Z' });
      await push(h, [change('tickets', anon, { hlc: hlc('2026-12-03T02:00:00.000Z') })]);
      const same = change('tickets', anon, { hlc: hlc('2026-12-03T03:00:00.000Z') });
      expect(only(await push(h, [same]))).toMatchObject({ status: 'applied' });
    });

    it('SPEC §9 tombstones win: a deleted record is not revived by a later put', async () => {
      const gone = { ...handoff('h1'), deletedAt: '2026-12-03T08:30:00.000Z' };
      await push(h, [change('handoffs', gone, { op: 'delete' })]);
      const revive = change('handoffs', handoff('h1'), { hlc: hlc('2026-12-03T12:00:00.000Z') });
      expect(only(await push(h, [revive]))).toMatchObject({ status: 'rejected', code: 'record.deleted' });
    });

    it('plain fields: last writer by hybrid logical clock wins; an older edit arriving later is refused with the current row', async () => {
      await push(h, [change('handoffs', handoff('h1', { acute: true }), { hlc: hlc('2026-12-03T09:00:00.000Z', 'pc1') })]);
      const older = change('handoffs', handoff('h1', { acute: false }), { hlc: hlc('2026-12-03T08:30:00.000Z', 'pc2') });
      const r = only(await push(h, [older], 'pc2'));
      expect(r).toMatchObject({ status: 'rejected', code: 'record.stale' });
      expect(r.status === 'rejected' && r.canonical?.acute).toBe(true);
    });

    it('SYNC.md §3 per-field last writer wins: edits of different fields on two PCs both stand, whatever order they arrive in', async () => {
      await push(h, [change('tickets', ticket('t1'), { hlc: hlc('2026-12-03T08:00:00.000Z', 'pc1') })]);
      // PC 2 (offline) corrects the phone number at 09:00; PC 1 corrects the preferred times at 09:30.
      const phone = change('tickets', ticket('t1', { phone: '02603 9999' }), { hlc: hlc('2026-12-03T09:00:00.000Z', 'pc2'), fields: ['phone'] });
      const times = change('tickets', ticket('t1', { preferredTimes: 'nachmittags' }), { hlc: hlc('2026-12-03T09:30:00.000Z', 'pc1'), fields: ['preferredTimes'] });
      expect(only(await push(h, [times], 'pc1'))).toMatchObject({ status: 'applied' });
      expect(only(await push(h, [phone], 'pc2'))).toMatchObject({ status: 'applied' });
      const row = (await pull(h, 0)).records[0]!.record;
      expect([row.phone, row.preferredTimes]).toEqual(['02603 9999', 'nachmittags']);
    });

    it('SYNC.md §3 per-field: the same field edited on two PCs keeps the later clock; the older edit is refused with the current row', async () => {
      await push(h, [change('tickets', ticket('t1'), { hlc: hlc('2026-12-03T08:00:00.000Z', 'pc1') })]);
      const late = change('tickets', ticket('t1', { phone: '0261 2222' }), { hlc: hlc('2026-12-03T09:30:00.000Z', 'pc1'), fields: ['phone'] });
      const early = change('tickets', ticket('t1', { phone: '0261 1111' }), { hlc: hlc('2026-12-03T09:00:00.000Z', 'pc2'), fields: ['phone'] });
      expect(only(await push(h, [late], 'pc1'))).toMatchObject({ status: 'applied' });
      const r = only(await push(h, [early], 'pc2'));
      expect(r).toMatchObject({ status: 'rejected', code: 'record.stale' });
      expect(r.status === 'rejected' && r.canonical?.phone).toBe('0261 2222');
    });

    it('SYNC.md §3 arrays union: callback attempts logged on two PCs (one offline) are all kept, in the order they happened (SPEC §5)', async () => {
      await push(h, [change('tickets', ticket('t1'), { hlc: hlc('2026-12-03T08:00:00.000Z', 'pc1') })]);
      const a1 = { id: 'a1', at: '2026-12-03T09:00:00.000Z', by: 's-anna', note: 'nicht erreicht' };
      const a2 = { id: 'a2', at: '2026-12-03T09:10:00.000Z', by: 's-ben', note: 'besetzt' };
      const one = change('tickets', ticket('t1', { attempts: [a1] }), { hlc: hlc('2026-12-03T09:00:00.000Z', 'pc1'), fields: ['attempts', 'updatedAt'] });
      const two = change('tickets', ticket('t1', { attempts: [a2] }), { hlc: hlc('2026-12-03T09:10:00.000Z', 'pc2'), fields: ['attempts', 'updatedAt'] });
      expect(only(await push(h, [two], 'pc2'))).toMatchObject({ status: 'applied' });
      expect(only(await push(h, [one], 'pc1'))).toMatchObject({ status: 'applied' });
      const row = (await pull(h, 0)).records[0]!.record;
      expect((row.attempts as { id: string }[]).map((a) => a.id)).toEqual(['a1', 'a2']);
    });

    it('SPEC §9 anonymisation stays sticky under per-field merging: a newer edit of the name alone is refused', async () => {
      const anon = ticket('t1', { status: 'closed', closedAt: '2026-10-01T09:00:00.000Z', customerName: '', phone: '', concern: '', anonymisedAt: '2026-12-03T02:00:00.000Z' });
      await push(h, [change('tickets', anon, { hlc: hlc('2026-12-03T02:00:00.000Z', 'server') })]);
      const name = change('tickets', { ...anon, customerName: 'Erika Muster' }, { hlc: hlc('2026-12-03T11:00:00.000Z', 'pc-old'), fields: ['customerName'] });
      expect(only(await push(h, [name], 'pc-old'))).toMatchObject({ status: 'rejected', code: 'record.anonymised' });
    });

    it('issue 6 item 3: the same notice written on two PCs before they saw each other stays one message; the write it came with stands', async () => {
      const at = '2026-12-03T08:00:00.000Z';
      const notice = (id: string) => ({
        id,
        createdAt: at,
        createdBy: 's-anna',
        updatedAt: at,
        updatedBy: 's-anna',
        deletedAt: null,
        recipientRole: 'TL_LB',
        siteId: 'site-be',
        title: 'Vertretung durch den Leistungsbereich',
        body: 'Bad Ems, Vormittag',
        readAt: null,
        readBy: null,
        key: 'cover:site-be:2026-12-03:08:00:TL_LB:*',
        refs: {},
      });
      expect(only(await push(h, [change('inbox', notice('m-pc1'))], 'pc1'))).toMatchObject({ status: 'applied' });
      const res = await push(h, [[change('inbox', notice('m-pc2')), change('handoffs', handoff('h-with-it'))]], 'pc2');
      expect(results(res).map((r) => r.status)).toEqual(['applied', 'applied']);
      const rows = (await pull(h, 0)).records;
      const live = rows.filter((r) => r.table === 'inbox' && r.record.deletedAt === null).map((r) => r.id);
      expect(live).toEqual(['m-pc1']);
      expect(rows.find((r) => r.id === 'm-pc2')!.record.deletedAt).not.toBeNull();
      expect(rows.some((r) => r.id === 'h-with-it')).toBe(true);
    });

    it('SPEC §9 two PCs anonymising the same record: the second sweep is accepted without a refusal and changes nothing', async () => {
      const anon = ticket('t1', { status: 'closed', closedAt: '2026-10-01T09:00:00.000Z', customerName: '', phone: '', concern: '', anonymisedAt: '2026-12-03T02:00:00.000Z' });
      await push(h, [change('tickets', anon, { hlc: hlc('2026-12-03T02:00:00.000Z', 'pc1') })], 'pc1');
      const second = change('tickets', { ...anon, updatedAt: '2026-12-03T03:00:00.000Z', updatedBy: 's-ben', anonymisedAt: '2026-12-03T03:00:00.000Z' }, { hlc: hlc('2026-12-03T03:00:00.000Z', 'pc2') });
      expect(only(await push(h, [second], 'pc2'))).toMatchObject({ status: 'applied' });
      const row = (await pull(h, 0)).records[0]!.record;
      expect([row.anonymisedAt, row.updatedBy]).toEqual(['2026-12-03T02:00:00.000Z', 's-anna']);
    });

    it('SPEC §9 anonymisation wins every field it empties, even against a later edit from another PC that arrived first', async () => {
      await push(h, [change('tickets', ticket('t1', { status: 'closed', closedAt: '2026-10-01T09:00:00.000Z' }), { hlc: hlc('2026-10-01T09:00:00.000Z', 'pc1') })]);
      const phone = change('tickets', ticket('t1', { status: 'closed', closedAt: '2026-10-01T09:00:00.000Z', phone: '0261 5555' }), { hlc: hlc('2026-12-03T11:00:00.000Z', 'pc2'), fields: ['phone'] });
      expect(only(await push(h, [phone], 'pc2'))).toMatchObject({ status: 'applied' });
      const anon = ticket('t1', { status: 'closed', closedAt: '2026-10-01T09:00:00.000Z', customerName: '', phone: '', concern: '', anonymisedAt: '2026-12-03T02:00:00.000Z' });
      const sweep = change('tickets', anon, { hlc: hlc('2026-12-03T02:00:00.000Z', 'pc1'), fields: ['anonymisedAt', 'concern', 'customerName', 'phone'] });
      expect(only(await push(h, [sweep], 'pc1'))).toMatchObject({ status: 'applied' });
      const row = (await pull(h, 0)).records[0]!.record;
      // The server lays the anonymisation over the merged row: the canonical anonymised form.
      expect([row.customerName, row.phone, row.concern]).toEqual([ANONYMISED, '', ANONYMISED]);
    });

    it('SPEC §9 no note survives anonymisation: an attempt logged at another PC that reached the server first loses its note too, and no attempt is doubled', async () => {
      const a1 = { id: 'a1', at: '2026-10-01T08:00:00.000Z', by: 's-anna', note: 'Frau Muster sagt, Herr Muster ist krank' };
      const a2 = { id: 'a2', at: '2026-10-01T08:30:00.000Z', by: 's-ben', note: 'Nachbarin: 0261 4444' };
      const base = { status: 'closed', closedAt: '2026-10-01T09:00:00.000Z' };
      await push(h, [change('tickets', ticket('t1', { ...base, attempts: [a1] }), { hlc: hlc('2026-10-01T09:00:00.000Z', 'pc1') })]);
      // Another PC, offline then, logged a second attempt; it arrives before the anonymisation.
      await push(h, [change('tickets', ticket('t1', { ...base, attempts: [a1, a2] }), { hlc: hlc('2026-10-02T09:00:00.000Z', 'pc2'), fields: ['attempts'] })], 'pc2');
      const anon = ticket('t1', { ...base, customerName: '', phone: '', concern: '', attempts: [{ ...a1, note: '' }], anonymisedAt: '2026-12-03T02:00:00.000Z' });
      const sweep = change('tickets', anon, { hlc: hlc('2026-12-03T02:00:00.000Z', 'pc1'), fields: ['anonymisedAt', 'attempts', 'concern', 'customerName', 'phone'] });
      expect(only(await push(h, [sweep], 'pc1'))).toMatchObject({ status: 'applied' });
      const row = (await pull(h, 0)).records[0]!.record;
      expect(row.attempts).toEqual([{ ...a1, note: '' }, { ...a2, note: '' }]);
    });

    it('one group is all or nothing: a rejected change rolls back its group, other groups stand', async () => {
      await push(h, [change('tickets', ticket('t1', { status: 'closed', closedAt: '2026-12-03T09:00:00.000Z' }))]);
      const later = hlc('2026-12-03T10:00:00.000Z');
      const res = await push(h, [
        [change('handoffs', handoff('h-new')), change('tickets', ticket('t1', { status: 'open' }), { hlc: later })],
        [change('handoffs', handoff('h-other'))],
      ]);
      expect(results(res).map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual(['group.rolled-back', 'ticket.backwards', 'applied']);
      const ids = (await pull(h, 0)).records.map((r) => r.id).sort();
      expect(ids).toEqual(['h-other', 't1']);
    });
  });

  describe('bad input is refused and nothing is written (issue 6 "Bad input at the server")', () => {
    const nothingWritten = async () => {
      expect(await count(h.db)).toBe(0);
      expect(await count(h.db, 'sync_receipts')).toBe(0);
      expect((await pull(h, 0)).head).toBe(0);
    };

    it('a malformed record is refused with the field and a German message', async () => {
      const bad = change('handoffs', handoff('h1', { status: 'vanished' }));
      const res = await push(h, [change('handoffs', handoff('h0')), bad]);
      expect(res.statusCode).toBe(400);
      const body = res.json() as { error: { code: string; message: string; issues: { changeId: string; path: string }[] } };
      expect(body.error.code).toBe('malformed');
      expect(body.error.message).toMatch(/nichts wurde gespeichert/);
      expect(body.error.issues).toContainEqual(expect.objectContaining({ changeId: bad.changeId, path: 'record.status' }));
      await nothingWritten();
    });

    it('a body that is not JSON, or not the push shape, is refused', async () => {
      const raw = await h.app.inject({ method: 'POST', url: '/v1/push', headers: { ...headers(), 'content-type': 'application/json' }, payload: '{"groups": [' });
      expect([raw.statusCode, raw.json().error.code]).toEqual([400, 'malformed']);
      const shape = await h.app.inject({ method: 'POST', url: '/v1/push', headers: headers(), payload: { groups: [], extra: 1 } });
      expect([shape.statusCode, shape.json().error.code]).toEqual([400, 'malformed']);
      await nothingWritten();
    });

    it('an unknown table (settings stay on the PC) is refused', async () => {
      const res = await push(h, [change('handoffs', handoff('h0')), change('settings', { id: 'x' })]);
      expect([res.statusCode, res.json().error.code]).toEqual([400, 'unknown-table']);
      await nothingWritten();
    });

    it('SYNC.md §3: a change from a PC whose clock is more than 24 h ahead is refused', async () => {
      const future = new Date(Date.now() + 25 * 3_600_000).toISOString();
      const res = await push(h, [change('handoffs', handoff('h1'), { hlc: hlc(future) })]);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.issues).toContainEqual(expect.objectContaining({ path: 'hlc' }));
      await nothingWritten();
    });

    it('demo records and id mismatches are refused', async () => {
      const demo = await push(h, [change('handoffs', { ...handoff('h1'), demo: true })]);
      expect(demo.statusCode).toBe(400);
      const mismatch = await push(h, [change('handoffs', handoff('h1'), { id: 'other' })]);
      expect(mismatch.statusCode).toBe(400);
      await nothingWritten();
    });

    it(`an oversized body (> ${MAX_BODY_BYTES} bytes) and more than ${MAX_CHANGES_PER_PUSH} changes are refused`, async () => {
      const big = await push(h, [change('handoffs', handoff('h1', { label: 'x'.repeat(80) }), { intent: 'x' }), change('handoffs', { ...handoff('h2'), pad: 'y'.repeat(MAX_BODY_BYTES) })]);
      expect([big.statusCode, big.json().error.code]).toEqual([413, 'too-large']);
      const many = await push(h, Array.from({ length: MAX_CHANGES_PER_PUSH + 1 }, (_, i) => change('handoffs', handoff(`h${i}`))));
      expect([many.statusCode, many.json().error.code]).toEqual([413, 'too-many-changes']);
      await nothingWritten();
    });

    it('out of scope: a record of a site the Jobcenter does not have is refused, in German, and nothing is written', async () => {
      const res = only(await push(h, [change('handoffs', handoff('h1', { siteId: 'site-elsewhere' }))]));
      expect(res).toMatchObject({ status: 'rejected', code: 'record.out-of-scope', message: 'Den Standort „site-elsewhere“ gibt es im Jobcenter nicht; nichts wurde gespeichert.' });
      const moved = only(await push(h, [change('tickets', ticket('t1', { distributionSiteId: 'site-x' }))]));
      expect(moved).toMatchObject({ status: 'rejected', code: 'record.out-of-scope' });
      // No record; only the answers are kept, so a resend gets the same refusal.
      expect(await count(h.db)).toBe(0);
      expect((await pull(h, 0)).records).toEqual([]);
    });

    it('a request without device id or with another protocol version is refused', async () => {
      const noDevice = await h.app.inject({ method: 'GET', url: '/v1/pull?cursor=0', headers: { 'x-anl-protocol': '1' } });
      expect([noDevice.statusCode, noDevice.json().error.code]).toEqual([400, 'missing-device']);
      const future = await h.app.inject({ method: 'GET', url: '/v1/pull?cursor=0', headers: { ...headers(), 'x-anl-protocol': '2' } });
      expect([future.statusCode, future.json().error.code]).toEqual([400, 'version-not-supported']);
      const badCursor = await h.app.inject({ method: 'GET', url: '/v1/pull?cursor=-1', headers: headers() });
      expect(badCursor.statusCode).toBe(400);
    });
  });

  describe('cover decisions are re-checked at the server (issue 6 item 3, seed §4.5)', () => {
    // Thu 26 Nov 2026, Bad Ems and Diez 08:00 (the seeded directory: minStaff 1 everywhere).
    const { sites, staff: people } = generateDirectory(new Date('2026-11-01T00:00:00Z'));
    const [badEms, diez] = sites as [(typeof sites)[0], (typeof sites)[0]];
    const withRole = (role: string, siteId = badEms.id) => people.find((p) => p.roles.includes(role as never) && p.homeSiteId === siteId)!;
    const T = '2026-11-26T06:40:00.000Z';
    const stamp = (id: string) => ({ id, createdAt: T, createdBy: 'x', updatedAt: T, updatedBy: 'x', deletedAt: null });
    const decision = (id: string, siteId: string, staffId: string, decidedByStaffId: string, over: Record<string, unknown> = {}) => ({
      ...stamp(id), siteId, date: '2026-11-26', sessionStart: '08:00', staffId, source: 'lb-same-site', decidedBy: 'TL_LB', status: 'accepted', decidedByStaffId, note: '', ...over,
    });
    const coverShift = (id: string, siteId: string, staffId: string, decisionId: string) => ({
      ...stamp(id), siteId, date: '2026-11-26', sessionStart: '08:00', staffId, source: 'cover', coverSource: 'lb-same-site', coverDecisionId: decisionId,
    });
    const rosterShift = (id: string, siteId: string, staffId: string) => ({
      ...stamp(id), siteId, date: '2026-11-26', sessionStart: '08:00', staffId, source: 'manual', coverSource: null, coverDecisionId: null,
    });
    const accept = (d: Record<string, unknown>, shift: Record<string, unknown>, device = 'pc-lead') =>
      push(h, [change('coverDecisions', d), change('shifts', shift)], device);
    beforeEach(async () => {
      // The real directory instead of the fixture's two test sites.
      await h.db.exec("DELETE FROM records WHERE tbl = 'sites' AND version = 0");
      await seedDirectoryIfEmpty(h.db, syncCore(h.db));
    });
    const live = async (tbl: string) =>
      Number((await h.db.query<{ n: string }>('SELECT count(*) AS n FROM records WHERE tbl = $1 AND deleted_at IS NULL', [tbl])).rows[0]!.n);

    it('seed §4.5 canDecide: an EZ clerk named as decider of an LB cover is refused, and nothing of the decision is written', async () => {
      const clerk = withRole('EZ');
      const res = await accept(decision('d1', badEms.id, withRole('LB').id, clerk.id), coverShift('s1', badEms.id, withRole('LB').id, 'd1'));
      expect(only(res)).toMatchObject({ status: 'rejected', code: 'cover.not-allowed', message: `${clerk.name} darf über diese Vertretung nicht entscheiden (entscheidet: Teamleitung Leistung).` });
      expect(await live('coverDecisions')).toBe(0);
      expect(await live('shifts')).toBe(0);
    });

    it('seed §4.5: two deciders accepting different people for one gap – the second is refused with who decided first', async () => {
      const tlLb = withRole('TL_LB');
      const gf = withRole('GF');
      const [lb1, lb2] = people.filter((p) => p.roles.includes('LB') && p.homeSiteId === badEms.id);
      expect(only(await accept(decision('d1', badEms.id, lb1!.id, tlLb.id), coverShift('s1', badEms.id, lb1!.id, 'd1')))).toMatchObject({ status: 'applied' });
      const second = only(await accept(decision('d2', badEms.id, lb2!.id, gf.id), coverShift('s2', badEms.id, lb2!.id, 'd2'), 'pc-gf'));
      expect(second).toMatchObject({
        status: 'rejected',
        code: 'cover.already-decided',
        message: `Bereits entschieden: Vertretung durch ${lb1!.name} (Leistungsbereich vor Ort), entschieden von ${tlLb.name}. Ihre Entscheidung wurde nicht übernommen.`,
      });
      expect(await live('coverDecisions')).toBe(1);
      expect(await live('shifts')).toBe(1);
    });

    it('seed §4.5 "nobody at two desks": the same person accepted for two sites in one session – the second is refused', async () => {
      const gf = withRole('GF');
      const ez = withRole('EZ', diez.id);
      await accept(decision('d1', badEms.id, ez.id, gf.id, { source: 'ez-other-site', decidedBy: 'TL_EZ' }), coverShift('s1', badEms.id, ez.id, 'd1'));
      const lahnstein = sites[2]!;
      const res = await accept(decision('d2', lahnstein.id, ez.id, gf.id, { source: 'ez-other-site', decidedBy: 'TL_EZ' }), coverShift('s2', lahnstein.id, ez.id, 'd2'));
      const refused = only(res);
      expect(refused).toMatchObject({ status: 'rejected', code: 'cover.double-duty' });
      expect(refused.status === 'rejected' ? refused.message : '').toContain(`${ez.name} stünde in dieser Öffnungszeit an zwei Plätzen`);
      expect(await live('shifts')).toBe(1);
    });

    it('planDeskCover at the server: where it holds the roster, someone the board does not propose is refused', async () => {
      const tlLb = withRole('TL_LB');
      // Bad Ems is rostered (one EZ clerk) and nobody is absent: there is no gap to cover.
      expect(only(await push(h, [change('shifts', rosterShift('r1', badEms.id, withRole('EZ').id))]))).toMatchObject({ status: 'applied' });
      const lb = withRole('LB');
      const res = await accept(decision('d1', badEms.id, lb.id, tlLb.id), coverShift('s1', badEms.id, lb.id, 'd1'));
      expect(only(res)).toMatchObject({ status: 'rejected', code: 'cover.already-decided' });
      // Diez: its only rostered EZ clerk is off sick; the board proposes an EZ clerk of Diez first, not an LB clerk.
      const diezEz = people.filter((p) => p.roles.includes('EZ') && p.homeSiteId === diez.id);
      await push(h, [change('shifts', rosterShift('r2', diez.id, diezEz[0]!.id))]);
      await push(h, [change('absences', { ...stamp('a1'), staffId: diezEz[0]!.id, from: '2026-11-26', to: '2026-11-26', halfDay: 'none', kind: 'unplanned', reason: 'sickness', registeredAt: T, kindOverridden: false, note: '' })]);
      const lbDiez = withRole('LB', diez.id);
      const notProposed = await accept(decision('d2', diez.id, lbDiez.id, tlLb.id), coverShift('s2', diez.id, lbDiez.id, 'd2'));
      expect(only(notProposed)).toMatchObject({ status: 'rejected', code: 'cover.not-proposed' });
      expect(await live('coverDecisions')).toBe(0);
    });

    it('after a restore the PCs re-send records one by one: a decision whose own cover shift arrived first still stands (OPERATIONS.md)', async () => {
      const tlLb = withRole('TL_LB');
      const lb = withRole('LB');
      expect(only(await push(h, [change('shifts', coverShift('s1', badEms.id, lb.id, 'd1'))]))).toMatchObject({ status: 'applied' });
      expect(only(await push(h, [change('coverDecisions', decision('d1', badEms.id, lb.id, tlLb.id))]))).toMatchObject({ status: 'applied' });
      expect(await live('coverDecisions')).toBe(1);
      expect(await live('shifts')).toBe(1);
    });

    it('a held decision changed in what it decides is judged again: a rejection turned into an acceptance for a filled gap is refused and the PC gets the held decision back', async () => {
      const tlLb = withRole('TL_LB');
      const gf = withRole('GF');
      const [lb1, lb2] = people.filter((p) => p.roles.includes('LB') && p.homeSiteId === badEms.id);
      expect(only(await push(h, [change('coverDecisions', decision('d0', badEms.id, lb2!.id, gf.id, { status: 'rejected' }))]))).toMatchObject({ status: 'applied' });
      expect(only(await accept(decision('d1', badEms.id, lb1!.id, tlLb.id), coverShift('s1', badEms.id, lb1!.id, 'd1')))).toMatchObject({ status: 'applied' });
      // The rejection of lb2 edited into an acceptance, with a cover shift: the gap is filled by lb1.
      const flipped = decision('d0', badEms.id, lb2!.id, gf.id, { updatedAt: '2026-11-26T06:50:00.000Z' });
      const res = await push(h, [{ ...change('coverDecisions', flipped), fields: ['status', 'updatedAt'] }, change('shifts', coverShift('s2', badEms.id, lb2!.id, 'd0'))], 'pc-gf');
      expect((res.json() as PushResponse).results[0]).toMatchObject({ status: 'rejected', code: 'cover.already-decided', canonical: expect.objectContaining({ id: 'd0', status: 'rejected' }) });
      expect(await live('shifts')).toBe(1);
      // A note added to a held acceptance changes nothing decided: it stands, though its own cover fills the gap.
      const noted = decision('d1', badEms.id, lb1!.id, tlLb.id, { note: 'bis 12 Uhr', updatedAt: '2026-11-26T06:55:00.000Z' });
      expect(only(await push(h, [{ ...change('coverDecisions', noted), fields: ['note', 'updatedAt'] }]))).toMatchObject({ status: 'applied' });
    });
  });

  describe('retention decided once, by the service (issue 6 item 7, SPEC §9)', () => {
    const NOW = new Date('2026-12-03T03:00:00.000Z');
    const absence = (id: string, to: string) => ({
      id, createdAt: '2026-08-01T08:00:00.000Z', createdBy: 'x', updatedAt: '2026-08-01T08:00:00.000Z', updatedBy: 'x', deletedAt: null,
      staffId: 's-anna', from: to, to, halfDay: 'none', kind: 'unplanned', reason: 'sickness', registeredAt: '2026-08-01T08:00:00.000Z', kindOverridden: false, note: 'Arzt', retentionStart: '2026-08-01T00:00:00.000Z',
    });
    it('a closed ticket, a finished hand-off and an absence past the period are anonymised for every PC; recent ones are untouched; a second sweep finds nothing', async () => {
      const old = { status: 'closed', closedAt: '2026-08-01T09:00:00.000Z', updatedAt: '2026-08-01T09:00:00.000Z', attempts: [{ id: 'a1', at: '2026-07-31T09:00:00.000Z', by: 's-anna', note: 'Mailbox' }] };
      await push(h, [
        change('tickets', ticket('t-old', old)),
        change('tickets', ticket('t-new', { status: 'closed', closedAt: '2026-12-01T09:00:00.000Z', updatedAt: '2026-12-01T09:00:00.000Z' })),
        change('handoffs', handoff('h-old', { status: 'done', takenBy: 's-anna', takenAt: '2026-08-01T08:05:00.000Z', finishedAt: '2026-08-01T08:20:00.000Z' })),
        change('handoffs', handoff('h-left', { waitingSince: '2026-08-01T08:00:00.000Z' })),
        change('absences', absence('ab-old', '2026-08-01')),
      ]);
      const core = syncCore(h.db);
      const poked: number[] = [];
      core.onCommit((head) => poked.push(head));
      expect(await sweepRetention(h.db, core, { retentionDays: 90, now: NOW })).toBe(4);
      const rows = new Map((await pull(h, 0)).records.map((r) => [r.id, r.record]));
      expect(rows.get('t-old')).toMatchObject({ customerName: ANONYMISED, phone: '', attempts: [{ id: 'a1', note: '' }], updatedBy: 'sync-service' });
      expect(rows.get('t-old')!.anonymisedAt).toBe(NOW.toISOString());
      expect(rows.get('t-new')).toMatchObject({ customerName: 'Erika Muster', anonymisedAt: null });
      expect([rows.get('h-old')!.label, rows.get('h-left')!.label]).toEqual([ANONYMISED, ANONYMISED]);
      expect(rows.get('ab-old')).toMatchObject({ reason: 'other', note: '' });
      expect(rows.get('ab-old')!.retentionStart).toBeUndefined();
      expect(poked.length).toBeGreaterThan(0);
      expect(await sweepRetention(h.db, core, { retentionDays: 90, now: NOW })).toBe(0);
    });

    it('SPEC §9: the answers kept for replays go after the same period – a refusal quoting a name does not outlive the record', async () => {
      await push(h, [change('handoffs', handoff('h1'))]);
      const refused = only(await push(h, [change('handoffs', handoff('h2', { siteId: 'site-nowhere', label: 'Frau Muster' }))]));
      expect(refused.status).toBe('rejected');
      await h.db.query("UPDATE sync_receipts SET received_at = '2026-09-03T02:59:00.000Z' WHERE change_id = $1", [refused.changeId]);
      await sweepRetention(h.db, syncCore(h.db), { retentionDays: 90, now: NOW });
      const { rows } = await h.db.query<{ change_id: string }>('SELECT change_id FROM sync_receipts');
      expect(rows).toHaveLength(1);
      expect(rows[0]!.change_id).not.toBe(refused.changeId);
    });

    it('issue 9 item 7: a new-customer record closed longer than the period loses the person, not its dates; an open one is kept', async () => {
      const T = '2026-08-01T08:00:00.000Z';
      const nc = (id: string, closed: boolean) => ({
        id, createdAt: T, createdBy: 'x', updatedAt: T, updatedBy: 'x', deletedAt: null, siteId: 'site-be', recordedAtSiteId: 'site-be', visitId: null,
        channel: 'personal', appliedAt: T, name: 'Erika Neu', birthDate: '1990-04-12', bgNumber: null, phone: '02603 1234',
        intakeDueAt: T, refusalDueAt: T, stepsDueAt: T, stepStep: { at: T, by: 'x' }, stepVerbis: null, stepAnnounced: null, stepActivation: null,
        invitation: null, noShows: [], intakeDone: closed ? { at: T, by: 'lb' } : null, refused: null, anonymisedAt: null,
      });
      await push(h, [change('newCustomers', nc('nc-closed', true)), change('newCustomers', nc('nc-open', false))]);
      await sweepRetention(h.db, syncCore(h.db), { retentionDays: 90, now: NOW });
      const rows = new Map((await pull(h, 0)).records.map((r) => [r.id, r.record]));
      expect(rows.get('nc-closed')).toMatchObject({ name: ANONYMISED, birthDate: null, phone: '', stepStep: { at: T, by: 'x' }, intakeDone: { at: T, by: 'lb' } });
      expect(rows.get('nc-open')).toMatchObject({ name: 'Erika Neu' });
    });

    it('SPEC §9: an old PC cannot bring the name back – not of a ticket, not of a hand-off', async () => {
      const done = { status: 'done', takenBy: 's-anna', takenAt: '2026-08-01T08:05:00.000Z', finishedAt: '2026-08-01T08:20:00.000Z' };
      await push(h, [change('handoffs', handoff('h1', done)), change('tickets', ticket('t1', { status: 'closed', closedAt: '2026-08-01T09:00:00.000Z', updatedAt: '2026-08-01T09:00:00.000Z' }))]);
      await sweepRetention(h.db, syncCore(h.db), { retentionDays: 90, now: NOW });
      const later = { hlc: hlc('2026-12-03T09:00:00.000Z', 'pc-old') };
      expect(only(await push(h, [change('handoffs', handoff('h1', { ...done, label: 'Frau Muster' }), { ...later, fields: ['label'] })], 'pc-old'))).toMatchObject({ status: 'rejected', code: 'record.anonymised' });
      expect(only(await push(h, [change('tickets', ticket('t1', { status: 'closed', closedAt: '2026-08-01T09:00:00.000Z' }), { ...later, fields: ['customerName'] })], 'pc-old'))).toMatchObject({ status: 'rejected', code: 'record.anonymised' });
    });
  });

  describe('desk codes (issue 6 item 6: numbers people read aloud stay unique across PCs)', () => {
    const ask = (device: string, payload: unknown) => h.app.inject({ method: 'POST', url: '/v1/desk-code', headers: headers(device), payload: payload as object });

    it('two PCs of one site get different letters; a PC asking again keeps its letter; another site starts at A', async () => {
      const a = (await ask('pc-1', { siteId: 'site-be' })).json();
      const b = (await ask('pc-2', { siteId: 'site-be' })).json();
      const again = (await ask('pc-1', { siteId: 'site-be' })).json();
      const other = (await ask('pc-2', { siteId: 'site-di' })).json();
      expect([a.code, b.code, again.code, other.code]).toEqual(['A', 'B', 'A', 'A']);
    });

    it('PCs asking at the same moment never share a letter', async () => {
      const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => ask(`pc-${i}`, { siteId: 'site-be' })));
      const codes = answers.map((r) => r.json().code as string);
      expect(new Set(codes).size).toBe(8);
      expect([...codes].sort()).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']);
    });

    it('a PC naming the code it held gets it back where the service forgot it (restore), unless another PC has it by now', async () => {
      expect((await ask('pc-2', { siteId: 'site-be', held: 'C' })).json().code).toBe('C');
      expect((await ask('pc-1', { siteId: 'site-be' })).json().code).toBe('A');
      // pc-3 held "A" before the restore, but pc-1 has it now: pc-3 gets the lowest free letter.
      expect((await ask('pc-3', { siteId: 'site-be', held: 'A' })).json().code).toBe('B');
      // A PC the service knows keeps its code, whatever it names.
      expect((await ask('pc-2', { siteId: 'site-be', held: 'Z' })).json().code).toBe('C');
    });

    it('a site the Jobcenter does not have gets no code (404, in German); when all 506 letters of a site are given, the next PC is told so (409)', async () => {
      const unknown = await ask('pc-1', { siteId: 'site-nowhere' });
      expect([unknown.statusCode, unknown.json().error]).toEqual([404, { code: 'not-found', message: 'Den Standort „site-nowhere“ gibt es im Jobcenter nicht; es wurde kein Platzbuchstabe vergeben.' }]);
      const values = Array.from({ length: 506 }, (_, i) => `('${DEFAULT_TENANT}', 'site-be', 'pc-${i}', '${deskCodeAt(i)}')`).join(', ');
      await h.db.exec(`INSERT INTO desk_codes (tenant_id, site_id, device_id, code) VALUES ${values}`);
      const full = await ask('pc-new', { siteId: 'site-be' });
      expect(full.statusCode).toBe(409);
      expect(full.json().error.message).toContain('Alle 506 Platzbuchstaben dieses Standorts sind vergeben');
      expect(Number((await h.db.query<{ n: string }>('SELECT count(*) AS n FROM desk_codes')).rows[0]!.n)).toBe(506);
    });

    it('a request without a site, or without a device, is refused and assigns nothing', async () => {
      const noSite = await ask('pc-1', {});
      expect([noSite.statusCode, noSite.json().error.code]).toEqual([400, 'malformed']);
      const noDevice = await h.app.inject({ method: 'POST', url: '/v1/desk-code', headers: { 'x-anl-protocol': '1' }, payload: { siteId: 'site-be' } });
      expect(noDevice.statusCode).toBe(400);
      expect((await ask('pc-2', { siteId: 'site-be' })).json().code).toBe('A');
    });
  });

  describe('live updates and health', () => {
    it('a WebSocket client gets a poke carrying only the new head after a push', async () => {
      const address = await h.app.listen({ host: '127.0.0.1', port: 0 });
      const ws = new WebSocket(address.replace('http', 'ws') + '/v1/live', { headers: headers('pc-lb-1') });
      const messages: unknown[] = [];
      const got = (n: number) =>
        new Promise<void>((resolve) => {
          const check = () => (messages.length >= n ? resolve() : undefined);
          ws.on('message', (m: Buffer) => {
            messages.push(JSON.parse(m.toString()));
            check();
          });
          check();
        });
      const hello = got(1);
      await hello;
      const poked = got(2);
      await push(h, [change('handoffs', handoff('h1'))]);
      await poked;
      expect(messages[1]).toEqual({ type: 'poke', head: 1 });
      ws.terminate();
      await h.reset(true);
    });

    it('after a restore, --new-epoch gives a new epoch: a PC that pulled before sees it and starts over (OPERATIONS.md)', async () => {
      const before = (await pull(h, 0)).epoch;
      const renewed = await renewEpoch(h.db);
      const after = await pull(h, 0);
      expect(after.epoch).toBe(renewed);
      expect(after.epoch).not.toBe(before);
    });

    it('GET /v1/wait (long polling for the desktop app): answers at once when behind, at the next commit when up to date', async () => {
      await push(h, [change('handoffs', handoff('h1'))]);
      const behind = await h.app.inject({ method: 'GET', url: '/v1/wait?head=0', headers: headers() });
      expect(behind.json()).toEqual({ type: 'poke', head: 1 });
      const waiting = h.app.inject({ method: 'GET', url: '/v1/wait?head=1', headers: headers('pc-lb-1') });
      await new Promise((r) => setTimeout(r, 50));
      await push(h, [change('handoffs', handoff('h2'))]);
      expect((await waiting).json()).toEqual({ type: 'poke', head: 2 });
      const bad = await h.app.inject({ method: 'GET', url: '/v1/wait?head=-1', headers: headers() });
      expect(bad.statusCode).toBe(400);
    });

    it('GET /v1/wait with nothing new answers with the same head after the wait', async () => {
      const quick = await buildTestApp({ db: h.db, schemaVersion: (await loadMigrations()).length, waitMs: 30 });
      const res = await quick.inject({ method: 'GET', url: '/v1/wait?head=0', headers: headers() });
      expect(res.json()).toEqual({ type: 'poke', head: 0 });
      await quick.close();
    });

    it('GET /v1/wait does not hold a stopping service: a pending long poll is answered at once on close', async () => {
      const slow = await buildTestApp({ db: h.db, schemaVersion: (await loadMigrations()).length, waitMs: 60_000 });
      await slow.listen({ host: '127.0.0.1', port: 0 });
      const address = slow.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const pending = fetch(`http://127.0.0.1:${port}/v1/wait?head=0`, { headers: headers() });
      await new Promise((r) => setTimeout(r, 50));
      const started = Date.now();
      await slow.close();
      expect(Date.now() - started).toBeLessThan(5000);
      expect(await (await pending).json()).toEqual({ type: 'poke', head: 0 });
    });

    it('GET /health reports the database kind, schema version and head', async () => {
      const schemaVersion = (await loadMigrations()).length;
      const res = await h.app.inject({ method: 'GET', url: '/health' });
      expect(res.json()).toMatchObject({ status: 'ok', db: TARGET === 'pg15' ? 'postgres' : 'pglite', schemaVersion, head: 0 });
    });
  });
});
