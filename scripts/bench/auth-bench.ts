import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { stats, type Stats } from '../../renderer/src/bench/measure';

/**
 * Issue 7 "Proof", service side: sign-in online and the counter's push with the access log on
 * (real access control) beside off (the trusting test double). The measurement runs in its own
 * Node process (auth-service.ts, with tsx like the service itself): this runner is a vite bundle,
 * in which the service would not find its migrations.
 */

export interface AuthFigures {
  db: string;
  signIn: { right: Stats; wrong: Stats; unknown: Stats; argon2: Stats; statuses: { right: number[]; wrong: number[]; unknown: number[] } };
  push: { real: Stats; trusting: Stats; notApplied: number; auditRowsPerPush: number };
  /** Issue 7 item 6: the service's paging of a re-projection (`scoped=1`) beside a full pull from 0. */
  repull: RepullFigures | null;
}

type Paging = { ms: number; pages: number; records: number };
export interface RepullFigures {
  tickets: number;
  visits: number;
  full: Paging;
  scoped: Paging;
}

interface Raw {
  db: string;
  signIn: { right: number[]; wrong: number[]; unknown: number[]; argon2: number[]; statuses: AuthFigures['signIn']['statuses'] };
  push: { real: number[]; trusting: number[]; notApplied: number; auditRowsPerPush: number };
  repull: RepullFigures | null;
}

export async function runAuthBench(root: string, log: (line: string) => void, opts: { signIns: number; pushes: number; repullTickets: number }): Promise<AuthFigures> {
  log(`auth: service app in-process (PGlite, real access control, argon2id): ${opts.signIns} sign-ins each, ${opts.pushes} pushes each …`);
  const out = await new Promise<string>((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', resolve(root, 'scripts/bench/auth-service.ts')], {
      cwd: root,
      env: { ...process.env, BENCH_SIGN_INS: String(opts.signIns), BENCH_PUSHES: String(opts.pushes), BENCH_REPULL_TICKETS: String(opts.repullTickets), LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let text = '';
    child.stdout.on('data', (d: Buffer) => (text += d.toString()));
    child.once('error', fail);
    child.once('exit', (code) => (code === 0 ? done(text) : fail(new Error(`auth-service.ts ended with ${code}`))));
  });
  const raw = JSON.parse(out.trim().split('\n').at(-1)!) as Raw;
  const s = raw.signIn;
  const figures: AuthFigures = {
    db: raw.db,
    signIn: { right: stats(s.right), wrong: stats(s.wrong), unknown: stats(s.unknown), argon2: stats(s.argon2), statuses: s.statuses },
    push: { real: stats(raw.push.real), trusting: stats(raw.push.trusting), notApplied: raw.push.notApplied, auditRowsPerPush: raw.push.auditRowsPerPush },
    repull: raw.repull ?? null,
  };
  if (figures.repull) {
    const r = figures.repull;
    log(`auth: re-projection after a scope change, service paging: ${r.scoped.records} records in ${r.scoped.pages} pages ${r.scoped.ms.toFixed(0)} ms; full pull from 0 ${r.full.records} records ${r.full.ms.toFixed(0)} ms`);
  }
  log(`auth: sign-in p95 ${figures.signIn.right.p95} ms (wrong password ${figures.signIn.wrong.p95}, unknown name ${figures.signIn.unknown.p95}); push with access log p95 ${figures.push.real.p95} ms, without ${figures.push.trusting.p95} ms`);
  return figures;
}
