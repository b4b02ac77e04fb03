import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { WebSocketServer } from 'ws';
import { HEADERS, PROTOCOL_VERSION, type PullResponse } from '@shared/sync/protocol';
import { SyncRequestError, type SyncTransport } from '@shared/sync/transport';
import { SITE_SEED } from '@shared/demo/generate';
import { AnlaufstelleDB } from '../../renderer/src/db/db';
import { seedDirectory } from '../../renderer/src/db/repositories/demo';
import { recordTriage } from '../../renderer/src/db/repositories/visits';
import { createSyncEngine, type SyncEngine } from '../../renderer/src/sync/engine';
import { createHttpTransport } from '../../renderer/src/sync/http-transport';
import { stats, type Stats } from '../../renderer/src/bench/measure';

/**
 * The sync half of `npm run bench` (issue 6): the real service as its own process (as in
 * production, embedded PGlite in a temporary folder) on loopback, and desks that are the real
 * engine on fake-indexeddb. Each figure stands beside its physical limit measured in the same run:
 * propagation beside a raw WebSocket echo, push throughput beside plain batched INSERTs into the
 * same kind of database. The load test is bounded (it stops by itself).
 */

export interface SyncFigures {
  desks: number;
  /** Write at desk A → the hand-off in desk B's database, with `desks` desks connected. */
  propagation: Stats;
  /** A WebSocket message to a local echo server and back: the floor under any live update. */
  wsEcho: Stats;
  convergence: { desks: number; changesPerDesk: number; ms: number };
  push: { changes: number; ms: number; perSecond: number };
  insert: { rows: number; ms: number; perSecond: number };
  load: { desks: number; seconds: number; requests: number; errors: number; p50: number; p95: number };
}

export const SYNC_TARGETS = { propagationP95Ms: 250, convergenceMs: 10_000, loadErrors: 0 } as const;

const SITE = SITE_SEED[0].id;
const checks = { verbisCheck: 'no-need', digitalCheck: 'not-first-visit' } as const;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The service as its own process, like `npm run server`, on an empty embedded database. */
async function startService(root: string): Promise<{ url: string; stop: () => void }> {
  const port = await freePort();
  const data = mkdtempSync(join(tmpdir(), 'anlaufstelle-bench-sync-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--data', data], {
    cwd: join(root, 'server'),
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error('Der Sync-Dienst ist beim Start beendet worden.');
    if (await fetch(`${url}/health`).then((r) => r.ok, () => false)) break;
    await sleep(250);
  }
  return {
    url,
    stop: () => {
      child.kill('SIGTERM');
      setTimeout(() => rmSync(data, { recursive: true, force: true }), 500);
    },
  };
}

interface Desk {
  db: AnlaufstelleDB;
  engine: SyncEngine;
  net: { up: boolean };
  clerk: string;
}

/** A transport whose cable can be pulled, so a desk can spend its "day" offline. */
function switchable(inner: SyncTransport, net: { up: boolean }): SyncTransport {
  const offline = () => new SyncRequestError('offline', 'offline');
  return {
    probe: async () => (net.up ? inner.probe() : 'unreachable'),
    push: async (r) => (net.up ? inner.push(r) : Promise.reject(offline())),
    pull: async (c, l) => (net.up ? inner.pull(c, l) : Promise.reject(offline())),
    deskCode: async (s, held) => (net.up ? inner.deskCode(s, held) : Promise.reject(offline())),
    live: (h) => (net.up ? inner.live(h) : (setTimeout(() => h.onClose(), 0), () => undefined)),
  };
}

async function makeDesk(url: string, now: Date, live: boolean): Promise<Desk> {
  const db = new AnlaufstelleDB(`bench-sync-${randomUUID()}`);
  await seedDirectory(db, now);
  const clerk = (await db.staff.toArray()).find((s) => s.homeSiteId === SITE && s.roles.includes('EZ'))!.id;
  const net = { up: true };
  const deviceId = `bench-${randomUUID()}`;
  const transport = switchable(createHttpTransport({ baseUrl: url, identity: () => ({ deviceId, userId: null }), WebSocket: globalThis.WebSocket }), net);
  const engine = createSyncEngine({ db, transport, pollMs: 120_000, retryMs: [200, 500, 1000], siteId: () => SITE });
  if (live) await engine.start();
  return { db, engine, net, clerk };
}

async function until(check: () => Promise<boolean>, timeoutMs: number, stepMs = 1): Promise<boolean> {
  const end = performance.now() + timeoutMs;
  while (performance.now() < end) {
    if (await check()) return true;
    await sleep(stepMs);
  }
  return false;
}

async function handOff(desk: Desk, i: number, now: Date): Promise<{ visitId: string; handoffId: string }> {
  const { visit, handoffs } = await recordTriage(desk.db, { concernKind: 'benefits', label: `Bench ${i}`, ...checks }, { siteId: SITE, deadlinePolicy: 'working-days' }, { actorId: desk.clerk, now });
  return { visitId: visit.id, handoffId: handoffs[0]!.id };
}

async function closeDesks(desks: Desk[]): Promise<void> {
  for (const d of desks) {
    d.engine.stop();
    await d.db.delete();
  }
}

async function wsEchoBaseline(samples: number): Promise<Stats> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((r) => wss.once('listening', r));
  wss.on('connection', (s) => s.on('message', (m) => s.send(m)));
  const address = wss.address();
  const ws = new WebSocket(`ws://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
  await new Promise((r) => ws.addEventListener('open', r, { once: true }));
  const out: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    await new Promise<void>((resolve) => {
      ws.addEventListener('message', () => resolve(), { once: true });
      ws.send(JSON.stringify({ type: 'poke', head: i }));
    });
    out.push(performance.now() - t0);
  }
  ws.close();
  await new Promise((r) => wss.close(r));
  return stats(out);
}

/** Plain multi-row INSERTs of the same JSON into a PGlite like the service's: the write floor. */
async function insertBaseline(rows: number, record: object): Promise<{ rows: number; ms: number; perSecond: number }> {
  const db = new PGlite();
  await db.exec('CREATE TABLE t (id text PRIMARY KEY, data jsonb NOT NULL)');
  const json = JSON.stringify(record);
  const t0 = performance.now();
  for (let done = 0; done < rows; done += 500) {
    const n = Math.min(500, rows - done);
    const values = Array.from({ length: n }, (_, i) => `($${2 * i + 1}, $${2 * i + 2})`).join(', ');
    const params = Array.from({ length: n }, (_, i) => [`r${done + i}`, json]).flat();
    await db.query(`INSERT INTO t (id, data) VALUES ${values}`, params);
  }
  const ms = performance.now() - t0;
  await db.close();
  return { rows, ms, perSecond: Math.round((rows / ms) * 1000) };
}

/** 400 desks that push a hand-off every few seconds and pull what is new, for a bounded time. */
async function loadTest(url: string, desks: number, seconds: number): Promise<SyncFigures['load']> {
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const stamp = '2026-11-26T09:00:00.000Z';
  const one = async (n: number) => {
    const headers = { [HEADERS.protocol]: String(PROTOCOL_VERSION), [HEADERS.device]: `load-${n}`, 'content-type': 'application/json' };
    let cursor = 0;
    let seq = 0;
    await sleep(Math.random() * 3000);
    while (performance.now() < end) {
      const id = `load-${n}-${seq++}`;
      const record = { id, createdAt: stamp, createdBy: 'load', updatedAt: stamp, updatedBy: 'load', deletedAt: null, siteId: SITE, visitId: `v-${id}`, target: 'LB', concernKind: 'benefits', acute: false, label: `Last ${seq}`, waitingSince: stamp, status: 'waiting', takenBy: null, takenAt: null, finishedAt: null };
      const hlc = `${new Date().toISOString()}-0000-load${n}`;
      const body = JSON.stringify({ groups: [{ txId: randomUUID(), changes: [{ changeId: randomUUID(), table: 'handoffs', id, op: 'put', hlc, record }] }] });
      for (const request of [
        () => fetch(`${url}/v1/push`, { method: 'POST', headers, body }),
        () => fetch(`${url}/v1/pull?cursor=${cursor}&limit=1000`, { headers }),
      ]) {
        const t0 = performance.now();
        try {
          const res = await request();
          const json = (await res.json()) as Partial<PullResponse>;
          latencies.push(performance.now() - t0);
          if (!res.ok) errors += 1;
          if (typeof json.cursor === 'number') cursor = json.cursor;
        } catch {
          errors += 1;
        }
      }
      await sleep(2000 + Math.random() * 2000);
    }
  };
  await Promise.all(Array.from({ length: desks }, (_, n) => one(n)));
  const s = stats(latencies);
  return { desks, seconds, requests: latencies.length + errors, errors, p50: s.p50, p95: s.p95 };
}

export async function runSyncBench(root: string, log: (line: string) => void, opts: { desks: number; loadDesks: number; loadSeconds: number }): Promise<SyncFigures> {
  const service = await startService(root);
  const now = new Date();
  try {
    log(`sync: service up at ${service.url}; connecting ${opts.desks} desks`);
    const desks: Desk[] = [];
    for (let i = 0; i < opts.desks; i++) desks.push(await makeDesk(service.url, now, true));
    await until(async () => desks.every((d) => d.engine.status().mode === 'online' && d.engine.status().pending === 0), 60_000, 50);

    const [a, b] = desks as [Desk, Desk];
    const samples: number[] = [];
    for (let i = 0; i < 60; i++) {
      const t0 = performance.now();
      const { handoffId } = await handOff(a, i, now);
      const seen = await until(async () => (await b.db.handoffs.get(handoffId)) !== undefined, 5000);
      if (seen) samples.push(performance.now() - t0);
      await sleep(50);
    }
    const propagation = stats(samples);
    log(`sync: propagation × ${propagation.n} with ${opts.desks} desks, p95 ${propagation.p95} ms`);
    await closeDesks(desks);
    const wsEcho = await wsEchoBaseline(200);

    // Four desks, a day offline each, ~300 changes each (150 visits with their hand-off).
    const day = await Promise.all([0, 1, 2, 3].map(() => makeDesk(service.url, now, true)));
    await until(async () => day.every((d) => d.engine.status().mode === 'online' && d.engine.status().pending === 0), 60_000, 50);
    for (const d of day) d.net.up = false;
    const written: string[] = [];
    for (const d of day) for (let i = 0; i < 150; i++) written.push((await handOff(d, i, now)).visitId);
    const changesPerDesk = (await day[0]!.db.outbox.count());
    let t0 = performance.now();
    for (const d of day) d.net.up = true;
    await Promise.all(day.map((d) => d.engine.syncNow()));
    await until(async () => (await Promise.all(day.map(async (d) => (await d.db.visits.bulkGet(written)).every((v) => v !== undefined)))).every(Boolean), 60_000, 20);
    const convergence = { desks: day.length, changesPerDesk, ms: performance.now() - t0 };
    log(`sync: ${day.length} desks × ${changesPerDesk} changes converged in ${(convergence.ms / 1000).toFixed(1)} s`);
    await closeDesks(day);

    // Push throughput: one desk sends 2,000 changes (1,000 visits with their hand-off).
    const pusher = await makeDesk(service.url, now, false);
    await pusher.engine.syncNow();
    pusher.net.up = false;
    for (let i = 0; i < 1000; i++) await handOff(pusher, i, now);
    const changes = await pusher.db.outbox.count();
    pusher.net.up = true;
    t0 = performance.now();
    const pushing = pusher.engine.syncNow();
    await until(async () => (await pusher.db.outbox.count()) === 0, 120_000, 2);
    const pushMs = performance.now() - t0;
    await pushing;
    const push = { changes, ms: pushMs, perSecond: Math.round((changes / pushMs) * 1000) };
    const sample = (await pusher.db.visits.limit(1).toArray())[0]!;
    await closeDesks([pusher]);
    const insert = await insertBaseline(changes, sample);
    log(`sync: push ${push.perSecond} changes/s; plain INSERT ${insert.perSecond} rows/s`);

    log(`sync: load – ${opts.loadDesks} desks for ${opts.loadSeconds} s …`);
    const load = await loadTest(service.url, opts.loadDesks, opts.loadSeconds);
    log(`sync: load – ${load.requests} requests, p95 ${load.p95} ms, ${load.errors} errors`);
    return { desks: opts.desks, propagation, wsEcho, convergence, push, insert, load };
  } finally {
    service.stop();
  }
}
