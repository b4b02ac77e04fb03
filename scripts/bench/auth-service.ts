import { randomUUID } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { ARGON2 } from '../../server/src/auth/embedded';
import { enrollPc, PASSWORD, pushAs, signedIn, signIn, startAuthServer, syncHeaders, type AuthHarness, type Pc } from '../../server/test/auth-helpers';
import { change, handoff, hlc, push, startServer, ticket } from '../../server/test/helpers';

/**
 * Issue 7 "Proof", the service side of `npm run bench` (its own process, started by
 * auth-bench.ts with `node --import tsx`: the service's modules find their migrations next to
 * their source, as in the tests). The app is built exactly as the tests build it –
 * `startAuthServer()`: PGlite in memory, the real accessControl + authService + embeddedDirectory
 * with argon2id – and driven with `app.inject` (no network in between). Prints one JSON line.
 *
 *   - sign-in with the right password, a wrong password, an unknown user name (same cost expected:
 *     nobody learns by timing which names exist); beside the floor, one argon2id verify;
 *   - a counter save (a visit with its hand-off, one change group) pushed through the real access
 *     control (authorization + two access-log rows in the same transaction) beside the trusting
 *     test double (`buildTestApp`, no access log);
 *   - issue 7 item 6: a PC's re-projection after its scope changed – the service's paging of the
 *     scoped tables (`?scoped=1`) beside a full pull from 0, over a year's tickets and twice as many
 *     visits (the PC's half, on fake-indexeddb: test/unit/sync/repull-cost.test.ts).
 */

const SIGN_INS = Number(process.env.BENCH_SIGN_INS ?? 30);
const PUSHES = Number(process.env.BENCH_PUSHES ?? 200);
const WARMUP = 3;
const REPULL_TICKETS = Number(process.env.BENCH_REPULL_TICKETS ?? 30_000);

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const t0 = performance.now();
  const result = await work();
  return { ms: performance.now() - t0, result };
}

/** One counter save as the PC sends it: the visit and its hand-off to the Leistungsbereich. */
function counterSave(by: string): ReturnType<typeof change>[] {
  const now = new Date().toISOString();
  const visitId = randomUUID();
  const handoffId = randomUUID();
  const meta = { createdAt: now, createdBy: by, updatedAt: now, updatedBy: by, deletedAt: null };
  const visit = {
    id: visitId,
    ...meta,
    siteId: 'site-be',
    arrivedAt: now,
    concernKind: 'benefits',
    quickSubtype: null,
    acute: false,
    outcome: 'handoff-lb',
    verbisCheck: 'no-need',
    digitalCheck: 'not-first-visit',
    servedBy: by,
    handoffIds: [handoffId],
    ticketId: null,
    lbCover: false,
  };
  const ho = handoff(handoffId, { ...meta, visitId, waitingSince: now, label: 'Frau Muster' });
  return [change('visits', visit, { hlc: hlc(now, 'bench') }), change('handoffs', ho, { hlc: hlc(now, 'bench') })];
}

/** Every page from 0 as a PC pulls them (projected for it); the time and the number of pages. */
async function pullAll(h: AuthHarness, pc: Pc, scoped: boolean): Promise<{ ms: number; pages: number; records: number }> {
  const t0 = performance.now();
  let pages = 0;
  let records = 0;
  for (let cursor = 0, more = true; more; pages++) {
    const res = await h.app.inject({ method: 'GET', url: `/v1/pull?cursor=${cursor}&limit=1000${scoped ? '&scoped=1' : ''}`, headers: syncHeaders(pc) });
    if (res.statusCode !== 200) throw new Error(`pull: ${res.statusCode} ${res.body.slice(0, 200)}`);
    const page = res.json() as { cursor: number; more: boolean; records: unknown[] };
    ({ cursor, more } = page);
    records += page.records.length;
  }
  return { ms: performance.now() - t0, pages, records };
}

/** Issue 7 item 6: a year's tickets and twice as many visits, straight into the table, 1,000 per version. */
async function repull(h: AuthHarness): Promise<{ tickets: number; visits: number; full: { ms: number; pages: number; records: number }; scoped: { ms: number; pages: number; records: number } }> {
  const t = ticket('x', { assignee: { kind: 'person', staffId: 's-dora' } });
  const at = '2026-12-03T08:00:00.000Z';
  const v = { createdAt: at, createdBy: 's-anna', updatedAt: at, updatedBy: 's-anna', deletedAt: null, siteId: 'site-be', arrivedAt: at, concernKind: 'benefits', quickSubtype: null, acute: false, outcome: 'handoff-lb', verbisCheck: 'no-need', digitalCheck: 'not-first-visit', servedBy: 's-anna', handoffIds: [], ticketId: null, lbCover: false };
  const visits = REPULL_TICKETS * 2;
  const { rows } = await h.db.query<{ v: string }>('SELECT v FROM tenant_head');
  let version = Number(rows[0]?.v ?? 0);
  for (let i = 0; i < REPULL_TICKETS + visits; i += 1000) {
    const chunk = Array.from({ length: Math.min(1000, REPULL_TICKETS + visits - i) }, (_, k) =>
      i + k < REPULL_TICKETS ? { tbl: 'tickets', row: { ...t, id: `bench-t-${i + k}` } } : { tbl: 'visits', row: { ...v, id: `bench-v-${i + k}` } },
    );
    version += 1;
    await h.db.query(
      `INSERT INTO records (tenant_id, tbl, id, data, hlc, version, updated_by_device)
       SELECT 'default', r->>'tbl', r->'row'->>'id', r->'row', '${at}-0000-bench', $2, 'bench' FROM jsonb_array_elements($1::jsonb) r`,
      [JSON.stringify(chunk), version],
    );
  }
  await h.db.query('UPDATE tenant_head SET v = $1', [version]);
  const office = await enrollPc(h, 'site-di', 'office');
  await signedIn(h, office, 'dora.ez');
  await pullAll(h, office, true); // warm-up
  const full = await pullAll(h, office, false);
  const scoped = await pullAll(h, office, true);
  return { tickets: REPULL_TICKETS, visits, full, scoped };
}

async function main(): Promise<void> {
  // The lock after five wrong passwords per name is raised for the measurement only: otherwise the
  // sixth wrong try would time the refusal of a locked name (no argon2id), not a wrong password.
  const h = await startAuthServer({ maxFailures: 1_000_000 });
  const trusting = await startServer();
  try {
    const pc = await enrollPc(h);
    const right: number[] = [];
    const wrong: number[] = [];
    const unknown: number[] = [];
    const statuses = { right: new Set<number>(), wrong: new Set<number>(), unknown: new Set<number>() };
    // Interleaved, so that drift of the machine falls on all three alike.
    for (let i = 0; i < WARMUP + SIGN_INS; i++) {
      const a = await timed(() => signIn(h, pc, 'anna.ez'));
      const b = await timed(() => signIn(h, pc, 'anna.ez', `falsch-${i}`));
      const c = await timed(() => signIn(h, pc, `niemand.${i}`, PASSWORD));
      statuses.right.add(a.result.statusCode);
      statuses.wrong.add(b.result.statusCode);
      statuses.unknown.add(c.result.statusCode);
      if (i < WARMUP) continue;
      right.push(a.ms);
      wrong.push(b.ms);
      unknown.push(c.ms);
    }
    // The floor under a sign-in: one argon2id verify of the same parameters.
    const stored = await hash(PASSWORD, ARGON2);
    const argon2: number[] = [];
    for (let i = 0; i < WARMUP + SIGN_INS; i++) {
      const { ms } = await timed(() => verify(stored, PASSWORD));
      if (i >= WARMUP) argon2.push(ms);
    }

    // Push of one counter save: real access control (anna.ez signed in at this PC) vs the trusting double.
    await signedIn(h, pc, 'anna.ez');
    const auditBefore = Number((await h.db.query<{ n: string }>('SELECT count(*) AS n FROM audit_log')).rows[0]?.n);
    const real: number[] = [];
    const trust: number[] = [];
    let notApplied = 0;
    const applied = (body: string) => (JSON.parse(body) as { results: { status: string }[] }).results.filter((r) => r.status !== 'applied').length;
    for (let i = 0; i < 10 + PUSHES; i++) {
      // Alternating order per round: neither side always runs on a warmer cache.
      const runReal = () => timed(() => pushAs(h, pc, counterSave('s-anna')));
      const runTrust = () => timed(() => push(trusting, counterSave('s-anna')));
      let r: Awaited<ReturnType<typeof runReal>>;
      let t: Awaited<ReturnType<typeof runTrust>>;
      if (i % 2 === 0) {
        r = await runReal();
        t = await runTrust();
      } else {
        t = await runTrust();
        r = await runReal();
      }
      notApplied += applied(r.result.body) + applied(t.result.body);
      if (r.result.statusCode !== 200 || t.result.statusCode !== 200) throw new Error(`push: ${r.result.statusCode} ${r.result.body.slice(0, 200)} / ${t.result.statusCode} ${t.result.body.slice(0, 200)}`);
      if (i < 10) continue;
      real.push(r.ms);
      trust.push(t.ms);
    }
    const auditAfter = Number((await h.db.query<{ n: string }>('SELECT count(*) AS n FROM audit_log')).rows[0]?.n);
    const rescope = REPULL_TICKETS > 0 ? await repull(h) : null;

    process.stdout.write(
      `${JSON.stringify({
        db: 'PGlite (in memory)',
        signIn: { right, wrong, unknown, argon2, statuses: { right: [...statuses.right], wrong: [...statuses.wrong], unknown: [...statuses.unknown] } },
        push: { real, trusting: trust, notApplied, auditRowsPerPush: (auditAfter - auditBefore) / (10 + PUSHES) },
        repull: rescope,
      })}\n`,
    );
  } finally {
    await h.close();
    await trusting.close();
  }
}

await main();
